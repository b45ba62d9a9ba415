import type { CrisisTerms } from "../content/schema.js";

/**
 * Crisis detector: does a message say the person may be at risk of suicide or self-harm, or in
 * immediate danger? Called on every incoming message, before the conversation machine, so that a
 * crisis message gets crisis numbers at once (design promise 2).
 *
 * Pure: no I/O, no Telegram. The phrases live in `flows/crisis-terms.yaml`; this module only
 * decides how tolerantly they are matched.
 *
 * How a text is matched:
 * 1. Whole text: NFKC, lower case, invisible characters (zero-width, bidi marks, variation
 *    selectors, soft hyphen) and apostrophes removed ("can't" -> "cant", "d\u200Bie" -> "die").
 * 2. Split into words; punctuation and emoji are only separators.
 * 3. Each word is folded to a canonical form, per script:
 *    - Latin: accents stripped, repeated letters collapsed ("dieeee" -> "die", "maarna" ->
 *      "marna"), texting forms expanded ("wanna" -> "want to", "2" -> "to", "im" -> "i am",
 *      "nhi" -> "nahi", "hoon" -> "hu"), then a loose phonetic fold for romanised Hindi
 *      (e/i, o/u, w/v, z/j, ph/f) so "jeena/jina", "zindagi/jindagi", "woh/voh" meet.
 *    - Devanagari: nukta dropped (ज़ = ज), chandrabindu and anusvara dropped (हूँ = हूं = हु),
 *      a nasal consonant + halant before a consonant treated as anusvara (ज़िन्दगी = ज़िंदगी),
 *      long and short i/u matras merged, remaining halants dropped (ख़त्म = खतम).
 * 4. A phrase matches when its words appear in order; between two of them only a few filler
 *    words may stand ("I really want to just die", "मैं बस मरना चाहती हूँ").
 * 5. A word of 5+ letters (after folding) also matches at edit distance 1 ("sucide", "suicid",
 *    "khudkhushi"), but only when the first letter is the same: "karna" must not meet "marna".
 * 6. Exclude phrases are matched the same way and cancel a match only when they cover its whole
 *    span, so "this app is killing my battery and I want to die" is still a crisis.
 *
 * Phrase syntax in the YAML: words separated by spaces; `a|b|c` is one word with alternatives
 * (each alternative must be a single word); `#` is any number (for "5 kms" in excludes).
 */

/** Whose harm a crisis message is about: the person's own (suicide, self-harm) or someone else's. */
export type CrisisKind = "self" | "danger";

/** What the detector found. Deliberately only the kind and the language group: both may be logged. */
export interface CrisisMatch {
  kind: CrisisKind;
  group: string;
}

export type CrisisDetector = (text: string) => CrisisMatch | undefined;

/** Words of this length (after folding) or more also match at edit distance 1. Shorter words
 * are too close to other everyday words ("die"/"dye", "mar"/"kar") to be matched loosely. */
const FUZZY_MIN_LENGTH = 5;
/** Filler words allowed between two words of a phrase. More would let unrelated clauses join. */
const MAX_GAP = 3;
/** Slot id meaning "any number" (`#`). */
const NUMBER = -1;

/**
 * Closed-class words that may stand inside a phrase without changing its meaning. Negations
 * ("not", "nahi", "नहीं") are never fillers: "khud ko nahi maarungi" must not become a match.
 * "me"/"main" are not fillers either: "they want me to die" is someone else's wish.
 */
const FILLERS = [
  // English
  "just", "really", "so", "simply", "actually", "honestly", "literally", "seriously", "truly",
  "totally", "completely", "kinda", "like", "fucking", "fking", "freaking", "bloody", "damn",
  "now", "right", "already", "badly", "very", "also", "even", "still", "own", "again",
  "standing", "waiting", "sitting", "please", "pls", "plz",
  // Hinglish
  "bas", "ab", "abhi", "to", "toh", "hi", "bhi", "yaar", "yar", "sach", "sachi", "sachme",
  "sirf", "bahut", "bohot", "bohat", "ekdum",
  // Hindi (Devanagari)
  "बस", "अब", "अभी", "तो", "ही", "भी", "यार", "सच", "सच्ची", "सचमुच", "वाकई", "सिर्फ़", "बहुत",
  "एकदम",
];

/**
 * Texting forms and romanised-Hindi spellings that edit distance cannot reach (the words are too
 * short) — mapped to the form the phrases use. Keys are matched after letters are collapsed.
 */
const EXPANSIONS: Record<string, string> = {
  // English texting
  wanna: "want to", wana: "want to", wna: "want to", wnna: "want to",
  gonna: "going to", gona: "going to", gunna: "going to",
  wnt: "want", wnat: "want",
  "2": "to",
  u: "you", ur: "your", r: "are", b: "be",
  im: "i am", ive: "i have",
  hes: "he is", shes: "she is", theyre: "they are",
  cannot: "cant", cnt: "cant", cant: "cant",
  dnt: "dont", dont: "dont",
  // Romanised Hindi
  hoon: "hu", hun: "hu", hn: "hu",
  nahin: "nahi", nhi: "nahi", nai: "nahi", ni: "nahi", nahee: "nahi", nhin: "nahi",
  h: "hai", hy: "hai", hae: "hai", hain: "hai",
  kr: "kar", krna: "karna", krke: "karke",
  lugi: "lungi", luga: "lunga", dugi: "dungi", duga: "dunga",
  jaugi: "jaungi", jauga: "jaunga",
  khtm: "khatam", khtam: "khatam",
};

/** Two words that people write apart but phrases write as one. */
const JOINS: Record<string, string> = {
  "my self": "myself",
  "can not": "cant",
  "do not": "dont",
};

// Zero-width spaces and joiners, bidi marks, variation selectors, soft hyphen: invisible, so
// they must not split or change a word ("d\u200Bie" is "die").
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const LATINISH = /^[\p{Script=Latin}\p{N}\p{M}]+$/u;
const ALL_DIGITS = /^\p{N}+$/u;
const REPEATS = /(.)\1+/gu;

function collapse(word: string): string {
  return word.replace(REPEATS, "$1");
}

/** Latin, before expansions: accents off, repeated letters collapsed. */
function latinPre(word: string): string {
  return collapse(word.normalize("NFD").replace(/\p{M}/gu, ""));
}

/** Latin, after expansions: a loose phonetic fold for romanised Hindi (jeena/jina, zindagi/jindagi,
 * woh/voh, phansi/fansi). Applied to both text and phrases, so English words stay consistent. */
function latinFold(word: string): string {
  return collapse(
    word.replace(/ph/g, "f").replace(/w/g, "v").replace(/z/g, "j").replace(/e/g, "i").replace(/o/g, "u"),
  );
}

/** Devanagari spelling variants people type interchangeably. */
function devanagariFold(word: string): string {
  return collapse(
    word
      .replace(/\u093C/g, "") // nukta: ज़ = ज
      .replace(/\u0901/g, "\u0902") // chandrabindu = anusvara
      .replace(/[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939])/g, "\u0902") // न्द = ंद
      .replace(/\u0902/g, "") // हूँ = हूं = हु
      .replace(/\u0940/g, "\u093F") // ी = ि
      .replace(/\u0942/g, "\u0941") // ू = ु
      .replace(/\u0908/g, "\u0907") // ई = इ
      .replace(/\u090A/g, "\u0909") // ऊ = उ
      .replace(/\u0949/g, "\u094B") // ॉ = ो
      .replace(/\u0945/g, "\u0947") // ॅ = े
      .replace(/\u094D/g, ""), // halant: ख़त्म = खतम
  );
}

interface Token {
  word: string;
  isNumber: boolean;
}

const expansionTable = new Map<string, string[]>(
  Object.entries(EXPANSIONS).map(([k, v]) => [latinPre(k), v.split(" ").map(latinPre)]),
);
const joinTable = new Map<string, string>(
  Object.entries(JOINS).map(([k, v]) => [k.split(" ").map(latinPre).join(" "), latinPre(v)]),
);

/** Text -> canonical words. The same function folds phrases and messages, so they always agree. */
function tokenize(text: string): Token[] {
  const cleaned = text.normalize("NFKC").toLowerCase().replace(INVISIBLE, "").replace(APOSTROPHES, "");
  // First pass: per-script pre-folding; Latin words wait for joins and expansions.
  const pre: { word: string; latin: boolean; isNumber: boolean }[] = [];
  for (const m of cleaned.matchAll(WORD)) {
    const raw = m[0];
    const isNumber = ALL_DIGITS.test(raw);
    if (DEVANAGARI.test(raw)) pre.push({ word: devanagariFold(raw), latin: false, isNumber });
    else if (LATINISH.test(raw)) pre.push({ word: latinPre(raw), latin: true, isNumber });
    else pre.push({ word: collapse(raw), latin: false, isNumber });
  }
  const out: Token[] = [];
  for (let i = 0; i < pre.length; i++) {
    const t = pre[i]!;
    if (!t.latin) {
      out.push({ word: t.word, isNumber: t.isNumber });
      continue;
    }
    let word = t.word;
    const next = pre[i + 1];
    if (next?.latin) {
      const joined = joinTable.get(`${word} ${next.word}`);
      if (joined !== undefined) {
        word = joined;
        i++;
      }
    }
    for (const part of expansionTable.get(word) ?? [word]) {
      out.push({ word: latinFold(part), isNumber: t.isNumber });
    }
  }
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // substitution at i, or swap of i and i+1
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Phrase {
  /** Each slot: the vocabulary ids (or NUMBER) any one of which fills it. */
  slots: number[][];
  group: string;
}

/** Builds the detector once; the returned function does no allocation-heavy work per phrase. */
export function createCrisisDetector(terms: CrisisTerms): CrisisDetector {
  const vocab: string[] = [];
  const exact = new Map<string, number>();
  /** one-deletion neighbourhoods of long words -> ids (symmetric-delete index for fuzzy look-up) */
  const deletions = new Map<string, number[]>();

  const idOf = (word: string): number => {
    const known = exact.get(word);
    if (known !== undefined) return known;
    const id = vocab.length;
    vocab.push(word);
    exact.set(word, id);
    if (word.length >= FUZZY_MIN_LENGTH) {
      const keys = new Set([word]);
      for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
      for (const key of keys) {
        const list = deletions.get(key);
        if (list) list.push(id);
        else deletions.set(key, [id]);
      }
    }
    return id;
  };

  const compile = (phrase: string, group: string): Phrase => {
    const slots: number[][] = [];
    for (const piece of phrase.trim().split(/\s+/)) {
      if (piece === "#") {
        slots.push([NUMBER]);
      } else if (piece.includes("|")) {
        const ids = piece.split("|").map((alt) => {
          const words = tokenize(alt);
          if (words.length !== 1) {
            throw new Error(`crisis terms (${group}): "${alt}" in "${phrase}" must fold to exactly one word`);
          }
          return idOf(words[0]!.word);
        });
        slots.push(ids);
      } else {
        for (const t of tokenize(piece)) slots.push([idOf(t.word)]);
      }
    }
    if (slots.length === 0) throw new Error(`crisis terms (${group}): "${phrase}" has no words`);
    return { slots, group };
  };

  const matchers: Phrase[] = [];
  const excluders: Phrase[] = [];
  for (const [group, { terms: list, exclude }] of Object.entries(terms.groups)) {
    for (const t of list) matchers.push(compile(t, group));
    // Excludes from every group apply to every match: Indian users mix languages in one message.
    for (const x of exclude) excluders.push(compile(x, group));
  }
  const fillers = new Set(FILLERS.flatMap((f) => tokenize(f).map((t) => t.word)));

  /** first-slot id -> phrases starting with it: only plausible phrases are tried at a position. */
  const indexByFirst = (phrases: Phrase[]): Map<number, Phrase[]> => {
    const index = new Map<number, Phrase[]>();
    for (const p of phrases) {
      for (const id of new Set(p.slots[0])) {
        const list = index.get(id);
        if (list) list.push(p);
        else index.set(id, [p]);
      }
    }
    return index;
  };
  const termIndex = indexByFirst(matchers);
  const excludeIndex = indexByFirst(excluders);

  /** Vocabulary ids a word stands for: exact, plus same-first-letter edit-distance-1 neighbours. */
  const lookup = (token: Token): number[] => {
    const ids: number[] = [];
    if (token.isNumber) ids.push(NUMBER);
    const word = token.word;
    const id = exact.get(word);
    if (id !== undefined) ids.push(id);
    if (word.length >= FUZZY_MIN_LENGTH - 1) {
      const seen = new Set<number>(ids);
      const probe = (key: string): void => {
        for (const cand of deletions.get(key) ?? []) {
          if (seen.has(cand)) continue;
          seen.add(cand);
          const v = vocab[cand]!;
          if (v[0] === word[0] && withinOneEdit(word, v)) ids.push(cand);
        }
      };
      probe(word);
      for (let i = 0; i < word.length; i++) probe(word.slice(0, i) + word.slice(i + 1));
    }
    return ids;
  };

  return (text: string): CrisisMatch | undefined => {
    const tokens = tokenize(text);
    const n = tokens.length;
    if (n === 0) return undefined;
    // Per-message cache: a long message repeats words, and look-ups are the costly part.
    const cache = new Map<string, number[]>();
    const idsAt: (number[] | undefined)[] = new Array<number[] | undefined>(n);
    const ids = (i: number): number[] => {
      let r = idsAt[i];
      if (r === undefined) {
        const t = tokens[i]!;
        const key = (t.isNumber ? "#" : "") + t.word;
        r = cache.get(key);
        if (r === undefined) {
          r = lookup(t);
          cache.set(key, r);
        }
        idsAt[i] = r;
      }
      return r;
    };
    const fills = (slot: number[], i: number): boolean => ids(i).some((id) => slot.includes(id));

    /** End index of the phrase whose slot k sits at pos, or -1. Backtracks over filler gaps. */
    const extend = (p: Phrase, k: number, pos: number): number => {
      if (k === p.slots.length - 1) return pos;
      const next = p.slots[k + 1]!;
      for (let j = pos + 1, gap = 0; j < n && gap <= MAX_GAP; j++, gap++) {
        if (fills(next, j)) {
          const end = extend(p, k + 1, j);
          if (end >= 0) return end;
        }
        if (!fillers.has(tokens[j]!.word)) return -1;
      }
      return -1;
    };

    const startsAt = (index: Map<number, Phrase[]>, i: number): Phrase[] => {
      const out: Phrase[] = [];
      for (const id of ids(i)) for (const p of index.get(id) ?? []) out.push(p);
      return out;
    };

    let excluded: [number, number][] | undefined;
    const covered = (start: number, end: number): boolean => {
      if (excluded === undefined) {
        // Computed only once a term matched: most messages never pay for it.
        excluded = [];
        for (let i = 0; i < n; i++) {
          for (const p of startsAt(excludeIndex, i)) {
            const e = extend(p, 0, i);
            if (e >= 0) excluded.push([i, e]);
          }
        }
      }
      return excluded.some(([s, e]) => s <= start && e >= end);
    };

    for (let i = 0; i < n; i++) {
      for (const p of startsAt(termIndex, i)) {
        const end = extend(p, 0, i);
        if (end >= 0 && !covered(i, end)) return { kind: "self", group: p.group };
      }
    }
    return undefined;
  };
}
