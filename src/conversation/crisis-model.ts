/**
 * Statistical second opinion for the crisis detector: a 3-class (none / self / danger) linear
 * model over hashed features of the detector's own normalised words, trained offline by
 * `scripts/crisis-train.ts`. The bot asks it only when the rules say nothing
 * (src/conversation/crisis-check.ts); the weights ship in flows/crisis-model.json.
 *
 * Features (the same code serves training and detection, so they always agree):
 * - character 3-5-grams over the normalised words joined by spaces, with a space at each end;
 * - word unigrams and bigrams (a number of 5 or more reads as "##", a smaller one as "#").
 * - negation context: a word with a negation within NEGATION_SPAN words of it also counts as
 *   "!word", so "main marna nahi chahti" can weigh differently from "main marna chahti".
 * Each feature is hashed into BUCKETS buckets; a message's features are counted and the vector
 * scaled to unit length, so a long message does not outweigh a short one.
 *
 * Two forms of the weights: `CrisisModelData` (version 1: what training returns, sparse numbers,
 * easy to inspect and test) and `PackedCrisisModel` (version 2: the file; a bitmap of the buckets
 * that have weights and the weights as 16-bit integers, both base64: about a quarter of the JSON
 * numbers' size and no 200,000-element array to parse at start).
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

/** The trained weights as training returns them (sparse; version 1). */
export interface CrisisModelData {
  version: 1;
  buckets: number;
  /** Weight of a character n-gram against a word feature (0: words only). */
  charWeight: number;
  /** Crisis probability (1 - P(none)) above which the model speaks. */
  threshold: number;
  /** Biases of self and danger (none is 0). */
  bias: [number, number];
  /** Flat [bucket, wSelf, wDanger, bucket, wSelf, wDanger, ...], buckets ascending. */
  weights: number[];
}

/** The weights as the file holds them (version 2). */
export interface PackedCrisisModel {
  version: 2;
  buckets: number;
  charWeight: number;
  threshold: number;
  bias: [number, number];
  /** A weight is its 16-bit integer times this. */
  scale: number;
  /** Base64 of BUCKETS bits, little-endian within each byte: which buckets have weights. */
  present: string;
  /** Base64 of little-endian int16 pairs (self, danger), one pair per present bucket, in bucket order. */
  weights: string;
}

/** Packs trained weights for the file: 16-bit integers, scaled so the largest is 32767. */
export function packCrisisModel(m: CrisisModelData): PackedCrisisModel {
  let max = 0;
  for (let i = 0; i < m.weights.length; i += 3) max = Math.max(max, Math.abs(m.weights[i + 1]!), Math.abs(m.weights[i + 2]!));
  const scale = max > 0 ? max / 32767 : 1;
  const present = new Uint8Array(m.buckets / 8);
  const pairs = new Int16Array((m.weights.length / 3) * 2);
  let last = -1;
  for (let i = 0, k = 0; i < m.weights.length; i += 3, k += 2) {
    const b = m.weights[i]!;
    if (b <= last) throw new Error("crisis model: buckets must ascend");
    last = b;
    present[b >> 3]! |= 1 << (b & 7);
    pairs[k] = Math.round(m.weights[i + 1]! / scale);
    pairs[k + 1] = Math.round(m.weights[i + 2]! / scale);
  }
  const le = new Uint8Array(pairs.length * 2);
  const view = new DataView(le.buffer);
  pairs.forEach((v, i) => view.setInt16(2 * i, v, true));
  return {
    version: 2,
    buckets: m.buckets,
    charWeight: m.charWeight,
    threshold: m.threshold,
    bias: m.bias,
    scale,
    present: Buffer.from(present).toString("base64"),
    weights: Buffer.from(le).toString("base64"),
  };
}

/**
 * A packed model's bitmap and weights, decoded, once their sizes are seen to agree (one pair of
 * weights per bucket in the bitmap); throws otherwise (a file cut short or edited by hand).
 */
export function packedParts(m: PackedCrisisModel): { present: Buffer; pairs: Buffer } {
  const present = Buffer.from(m.present, "base64");
  const pairs = Buffer.from(m.weights, "base64");
  if (present.length !== BUCKETS / 8) throw new Error(`crisis model: bucket bitmap of ${present.length} bytes, expected ${BUCKETS / 8}`);
  let count = 0;
  for (const byte of present) {
    let x = byte;
    while (x !== 0) {
      x &= x - 1;
      count++;
    }
  }
  if (pairs.length !== 4 * count) throw new Error(`crisis model: ${pairs.length} bytes of weights for ${count} buckets (expected ${4 * count})`);
  return { present, pairs };
}

/**
 * Dense weights [self, danger] per bucket. Throws when a packed model's parts disagree (a file
 * cut short or edited by hand).
 */
export function denseWeights(m: CrisisModelData | PackedCrisisModel): Float32Array {
  if (m.buckets !== BUCKETS) throw new Error(`crisis model: ${m.buckets} buckets, expected ${BUCKETS}`);
  const w = new Float32Array(BUCKETS * 2);
  if (m.version === 1) {
    for (let i = 0; i + 2 < m.weights.length; i += 3) {
      const b = m.weights[i]!;
      w[2 * b] = m.weights[i + 1]!;
      w[2 * b + 1] = m.weights[i + 2]!;
    }
    return w;
  }
  const { present, pairs } = packedParts(m);
  let k = 0;
  for (let byte = 0; byte < present.length; byte++) {
    let bits = present[byte]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const b = 8 * byte + 31 - Math.clz32(low);
      bits ^= low;
      w[2 * b] = pairs.readInt16LE(4 * k) * m.scale;
      w[2 * b + 1] = pairs.readInt16LE(4 * k + 2) * m.scale;
      k++;
    }
  }
  return w;
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

/** Scratch for forEachFeature: a count per bucket and the buckets touched, in first-touch order
 * (the order a Map would keep). Reused across calls: no allocation per message. */
let scratch: Float64Array | undefined;
/** 2 MB, made when the model is first used, not when this module is imported (a start needs none). */
const scratchCounts = (): Float64Array => (scratch ??= new Float64Array(BUCKETS));

/** FNV-1a of `s` continued from `h` (unmasked). */
function fnvFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A growable list of bucket numbers, reused across messages: no allocation per message. */
class Buckets {
  list = new Int32Array(4096);
  n = 0;
  push(b: number): void {
    if (this.n === this.list.length) {
      const grown = new Int32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.n++] = b;
  }
}

/**
 * Every feature occurrence of a message's normalised words, in order, into `out` (a repeated word
 * is there twice). The one place the features are defined: training (forEachFeature) and
 * detection (createCrisisScorer) both read them from here. Returns how many of them are word
 * features (weight 1); the rest are character grams (weight charWeight).
 */
function collectFeatures(words: readonly string[], negations: ReadonlySet<string>, out: Buckets, charWeight: number): number {
  out.n = 0;
  const ws = words.map(modelWord);
  let lastNegation = -Infinity;
  let nextNegation = -1;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    out.push(hashString(w, WORD_SEED));
    // the hash of `${w} ${next}`, without building the string
    if (i + 1 < ws.length) {
      const h = fnvFrom(Math.imul((fnvFrom((FNV_OFFSET ^ BIGRAM_SEED) >>> 0, w) ^ 32), FNV_PRIME), ws[i + 1]!);
      out.push((h ^ (h >>> 15)) & MASK);
    }
    if (negations.has(w)) {
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
    if (i - lastNegation <= NEGATION_SPAN || nextNegation - i <= NEGATION_SPAN) out.push(hashString(w, NEGATED_SEED));
  }
  const wordFeatures = out.n;
  if (charWeight <= 0) return wordFeatures;
  // Character 3-5-grams of " w1 w2 ... ", each hashed as it grows from the one before.
  const s = ` ${ws.join(" ")} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < 5 && i + k < s.length; k++) {
      h = Math.imul(h ^ s.charCodeAt(i + k), FNV_PRIME);
      if (k >= 2) out.push(((h ^ (h >>> 15)) >>> 0) & MASK);
    }
  }
  return wordFeatures;
}

/**
 * Counts `features` into `counts` (word features 1, character grams charWeight), records each
 * bucket's first touch in `touched`, and returns the sum of the squared counts.
 */
function countFeatures(features: Buckets, wordFeatures: number, charWeight: number, counts: Float64Array, touched: Buckets): number {
  touched.n = 0;
  const list = features.list;
  for (let k = 0; k < features.n; k++) {
    const b = list[k]!;
    const c = counts[b]!;
    if (c === 0) touched.push(b);
    counts[b] = c + (k < wordFeatures ? 1 : charWeight);
  }
  let squares = 0;
  for (let k = 0; k < touched.n; k++) {
    const c = counts[touched.list[k]!]!;
    squares += c * c;
  }
  return squares;
}

const scratchFeatures = new Buckets();
const scratchTouched = new Buckets();

/**
 * Features of a message's normalised words: bucket -> count, then scaled to unit length.
 * `visit` is called once per distinct bucket with its value, in the order the buckets were first
 * met. Not reentrant (`visit` must not call it).
 */
export function forEachFeature(
  words: readonly string[],
  negations: ReadonlySet<string>,
  visit: (bucket: number, value: number) => void,
  charWeight = 1,
): void {
  const counts = scratchCounts();
  const wordFeatures = collectFeatures(words, negations, scratchFeatures, charWeight);
  const squares = countFeatures(scratchFeatures, wordFeatures, charWeight, counts, scratchTouched);
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  const { list, n } = scratchTouched;
  for (let k = 0; k < n; k++) {
    const b = list[k]!;
    const c = counts[b]!;
    counts[b] = 0;
    visit(b, c * scale);
  }
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

/** Dense weights, built once: a look-up per feature at detection time. */
export function createCrisisScorer(data: CrisisModelData | PackedCrisisModel, negations: ReadonlySet<string>): CrisisScorer {
  const w = denseWeights(data);
  const [b1, b2] = data.bias;
  const charWeight = data.charWeight;
  const counts = scratchCounts();
  return (words) => {
    // forEachFeature's unit vector, dotted with the weights in plain loops: no call per bucket.
    const wordFeatures = collectFeatures(words, negations, scratchFeatures, charWeight);
    const squares = countFeatures(scratchFeatures, wordFeatures, charWeight, counts, scratchTouched);
    let s1 = 0;
    let s2 = 0;
    const { list, n } = scratchTouched;
    for (let k = 0; k < n; k++) {
      const b = list[k]!;
      const c = counts[b]!;
      counts[b] = 0;
      s1 += w[2 * b]! * c;
      s2 += w[2 * b + 1]! * c;
    }
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    const [p0, p1, p2] = softmax3(b1 + s1 * scale, b2 + s2 * scale);
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
 * Fewer (normalised) words than this and the model says nothing. On one to three words it has
 * too little to go on: at its threshold it alarmed on "no", "nothing", "i am done", "mujhse nahi
 * hoga", "no one", "goodbye", and the bot's own button words ("Note", "Somewhere else"). Across
 * the left-out development sets, 4 cost 2 of the 128 crises it added and no false alarm.
 */
export const MODEL_MIN_WORDS = 4;

/**
 * The model alone, as a detector: a match when its crisis probability is above its threshold,
 * on a text of at least MODEL_MIN_WORDS words that is not a bot command.
 * The group is told by script: Devanagari is hi; Latin with a common Hindi word is hinglish; else en.
 */
export function createCrisisModelDetector(model: CrisisModelData | PackedCrisisModel): CrisisDetector {
  const reader = createCrisisModelReader(model);
  return (text) => {
    const { words, dev } = normalisedWords(text);
    return reader.read(text, words, dev);
  };
}

/**
 * The model as createCrisisModelDetector runs it, on words already normalised (normalisedWords):
 * the rules' detector hands it the words it made, so a message is normalised once, not twice. One
 * scorer (one 2 MB array of weights) serves both of its questions.
 */
export interface CrisisModelReader {
  /** The model's verdict, or undefined where it says nothing: a bot command, or fewer than MODEL_MIN_WORDS words. */
  judge(text: string, words: readonly string[]): ModelVerdict | undefined;
  /** A match when the verdict's crisis probability is above the model's threshold. */
  read(text: string, words: readonly string[], dev: boolean): CrisisMatch | undefined;
}

export function createCrisisModelReader(model: CrisisModelData | PackedCrisisModel): CrisisModelReader {
  const score = createCrisisScorer(model, MODEL_NEGATIONS);
  hinglishWords ??= new Set(HINGLISH_WORDS.flatMap((w) => normalisedWords(w).words));
  const hinglish = hinglishWords;
  // The threshold alone, not the model: a closure over `model` kept its 800 KB of base64 alive.
  const threshold = model.threshold;
  const judge = (text: string, words: readonly string[]): ModelVerdict | undefined => {
    if (text.trimStart().startsWith("/")) return undefined; // a bot command
    if (words.length < MODEL_MIN_WORDS) return undefined;
    return score(words);
  };
  return {
    judge,
    read(text, words, dev) {
      const verdict = judge(text, words);
      if (verdict === undefined || verdict.crisis <= threshold) return undefined;
      const group = dev ? "hi" : words.some((w) => hinglish.has(w)) ? "hinglish" : "en";
      return { kind: verdict.kind, group };
    },
  };
}
