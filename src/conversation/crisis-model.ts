/**
 * Statistical second opinion for the crisis detector: a 3-class (none / self / danger) linear
 * model over hashed features of the detector's own normalised words, trained offline by
 * `scripts/crisis-train.ts`. NOT wired into the bot: on the independent dev2 set it added one
 * crisis in one language only (see the report at the top of scripts/crisis-train.ts), so the
 * rules run alone. Kept so the experiment can be repeated with more labelled data.
 *
 * Features (the same code serves training and detection, so they always agree):
 * - character 3-5-grams over the normalised words joined by spaces, with a space at each end;
 * - word unigrams and bigrams (a number of 5 or more reads as "##", a smaller one as "#").
 * - negation context: a word with a negation within NEGATION_SPAN words of it also counts as
 *   "!word", so "main marna nahi chahti" can weigh differently from "main marna chahti".
 * Each feature is hashed into BUCKETS buckets; a message's features are counted and the vector
 * scaled to unit length, so a long message does not outweigh a short one.
 *
 * Pure: no I/O. The weights are handed in by the caller.
 */
import { MODEL_NEGATIONS, normalisedWords, type CrisisDetector, type CrisisMatch } from "./crisis-detector.js";

/** Number of hash buckets (2^18). */
export const BUCKETS = 1 << 18;
const MASK = BUCKETS - 1;
/** Classes in the order of the model's outputs; "none" is the reference class (logit 0). */
export const CLASSES = ["none", "self", "danger"] as const;
export type ModelClass = (typeof CLASSES)[number];

/** The trained weights as the training script writes them (sparse JSON). */
export interface CrisisModelData {
  version: 1;
  buckets: number;
  /** Weight of a character n-gram against a word feature (0: words only). */
  charWeight: number;
  /** Crisis probability (1 - P(none)) above which the model speaks. */
  threshold: number;
  /** Biases of self and danger (none is 0). */
  bias: [number, number];
  /** Flat [bucket, wSelf, wDanger, bucket, wSelf, wDanger, ...]. */
  weights: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep character grams and word features apart. */
const WORD_SEED = 0x9e3779b1;
const BIGRAM_SEED = 0x85ebca6b;
const NEGATED_SEED = 0xc2b2ae35;
/** Words either side of a negation that are read as negated. */
const NEGATION_SPAN = 3;

function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return (h ^ (h >>> 15)) & MASK;
}

const ALL_DIGITS = /^[0-9]+$/;

/** Word as the model sees it: numbers are only small or big. */
function modelWord(w: string): string {
  return ALL_DIGITS.test(w) ? (Number(w) >= 5 ? "##" : "#") : w;
}

/**
 * Features of a message's normalised words: bucket -> count, then scaled to unit length.
 * `visit` is called once per distinct bucket with its value.
 */
export function forEachFeature(
  words: readonly string[],
  negations: ReadonlySet<string>,
  visit: (bucket: number, value: number) => void,
  charWeight = 1,
): void {
  const counts = new Map<number, number>();
  const add = (b: number, by = 1) => counts.set(b, (counts.get(b) ?? 0) + by);
  const ws = words.map(modelWord);
  let lastNegation = -Infinity;
  let nextNegation = -1;
  for (let i = 0; i < ws.length; i++) {
    add(hashString(ws[i]!, WORD_SEED));
    if (i + 1 < ws.length) add(hashString(`${ws[i]} ${ws[i + 1]}`, BIGRAM_SEED));
    if (negations.has(ws[i]!)) {
      lastNegation = i;
      continue;
    }
    if (nextNegation < i) {
      nextNegation = Infinity;
      for (let j = i + 1; j < ws.length && j <= i + NEGATION_SPAN; j++) {
        if (negations.has(ws[j]!)) {
          nextNegation = j;
          break;
        }
      }
    }
    if (i - lastNegation <= NEGATION_SPAN || nextNegation - i <= NEGATION_SPAN) add(hashString(ws[i]!, NEGATED_SEED));
  }
  const s = charWeight > 0 ? ` ${ws.join(" ")} ` : "";
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < 5 && i + k < s.length; k++) {
      h = Math.imul(h ^ s.charCodeAt(i + k), FNV_PRIME);
      if (k >= 2) add(((h ^ (h >>> 15)) >>> 0) & MASK, charWeight);
    }
  }
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [b, c] of counts) visit(b, c * scale);
}

/** Probabilities of none, self and danger from the two logits (none's is 0). */
export function softmax3(zSelf: number, zDanger: number): [number, number, number] {
  const m = Math.max(0, zSelf, zDanger);
  const e0 = Math.exp(-m);
  const e1 = Math.exp(zSelf - m);
  const e2 = Math.exp(zDanger - m);
  const sum = e0 + e1 + e2;
  return [e0 / sum, e1 / sum, e2 / sum];
}

export interface ModelVerdict {
  /** 1 - P(none). */
  crisis: number;
  kind: "self" | "danger";
}

export type CrisisScorer = (words: readonly string[]) => ModelVerdict;

/** Dense weights, built once from the sparse file: a look-up per feature at detection time. */
export function createCrisisScorer(
  data: Pick<CrisisModelData, "bias" | "weights" | "buckets" | "charWeight">,
  negations: ReadonlySet<string>,
): CrisisScorer {
  if (data.buckets !== BUCKETS) throw new Error(`crisis model: ${data.buckets} buckets, expected ${BUCKETS}`);
  const w = new Float32Array(BUCKETS * 2);
  for (let i = 0; i + 2 < data.weights.length; i += 3) {
    const b = data.weights[i]!;
    w[2 * b] = data.weights[i + 1]!;
    w[2 * b + 1] = data.weights[i + 2]!;
  }
  const [b1, b2] = data.bias;
  return (words) => {
    let z1 = b1;
    let z2 = b2;
    forEachFeature(words, negations, (b, v) => {
      z1 += w[2 * b]! * v;
      z2 += w[2 * b + 1]! * v;
    }, data.charWeight);
    const [p0, p1, p2] = softmax3(z1, z2);
    return { crisis: 1 - p0, kind: p2 > p1 ? "danger" : "self" };
  };
}

/** Common romanised Hindi words (folded like any text): a Latin message with one of them is Hinglish. */
const HINGLISH_WORDS = [
  "hai", "hain", "nahi", "mujhe", "mujhko", "main", "mai", "mein", "mera", "meri", "mere", "ko", "se", "ka", "ki",
  "ke", "kar", "karna", "karke", "raha", "rahi", "rahe", "hu", "hoon", "tha", "thi", "yaar", "kya", "kyu", "koi",
  "sab", "ab", "bas", "aur", "wo", "woh", "usne", "uska", "uski", "unhone", "maar", "mar", "marna", "marne", "jaan",
  "ghar", "zindagi", "jeena", "jina", "dega", "degi", "denge", "gaya", "gayi", "apni", "apna", "apne", "khud",
  "kuch", "bhi", "toh", "tujhe", "tum", "aaj", "kal", "raat", "hum", "karunga", "karungi", "chahti",
  "chahta", "chahiye", "jaungi", "jaunga", "wala", "wali", "abhi", "kaise", "kyunki", "agar", "warna",
];
let hinglishWords: Set<string> | undefined;

/**
 * The model alone, as a detector: a match when its crisis probability is above its threshold.
 * The group is told by script: Devanagari is hi; Latin with a common Hindi word is hinglish; else en.
 */
export function createCrisisModelDetector(model: CrisisModelData): CrisisDetector {
  const score = createCrisisScorer(model, MODEL_NEGATIONS);
  hinglishWords ??= new Set(HINGLISH_WORDS.flatMap((w) => normalisedWords(w).words));
  const hinglish = hinglishWords;
  return (text: string): CrisisMatch | undefined => {
    const { words, dev } = normalisedWords(text);
    if (words.length === 0) return undefined;
    const verdict = score(words);
    if (verdict.crisis <= model.threshold) return undefined;
    const group = dev ? "hi" : words.some((w) => hinglish.has(w)) ? "hinglish" : "en";
    return { kind: verdict.kind, group };
  };
}
