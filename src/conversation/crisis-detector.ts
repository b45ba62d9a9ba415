import type { CrisisTerms } from "../content/schema.js";

/**
 * Crisis detector: does a message say the person may be at risk of suicide or self-harm, or in
 * danger from someone else? Called on every incoming message, before the conversation machine,
 * so that a crisis message gets crisis numbers at once (design promise 2).
 *
 * Pure: no I/O, no Telegram. The phrases and word classes live in `flows/crisis-terms.yaml`;
 * this module only decides how tolerantly they are matched.
 *
 * How a text is matched:
 * 1. At most 4,096 characters are read (Telegram's limit): a longer text is read as its first
 *    and last 2,048, so a 1 MB paste cannot stall the bot and its last words are still seen.
 * 2. Whole text: NFKC, lower case, invisible characters (zero-width, bidi marks, variation
 *    selectors, soft hyphen) and apostrophes removed ("can't" -> "cant", "d\u200Bie" -> "die");
 *    symbols used as letters inside words read as letters ("k!ll", "$uicide", "d@lega").
 * 3. Split into words; punctuation and emoji are only separators.
 * 4. Each word is folded to a canonical form, per script:
 *    - Latin: digits inside a word read as letters ("d1e", "su1c1d3", "want2die"), a number
 *      glued to a word split off ("20tablets"), accents stripped, repeated letters collapsed
 *      ("dieeee" -> "die"), texting forms expanded ("wanna" -> "want to", "im" -> "i am",
 *      "nhi" -> "nahi"), then a loose phonetic fold for romanised Hindi (e/i, o/u, w/v, z/j,
 *      ph/f) so "jeena/jina", "zindagi/jindagi", "woh/voh" meet.
 *    - Devanagari: nukta dropped (ज़ = ज), chandrabindu and anusvara dropped (हूँ = हूं = हु),
 *      visarga dropped (दुःख = दुख), ऍ/ऑ read as ए/ओ,
 *      a nasal consonant + halant before a consonant treated as anusvara (ज़िन्दगी = ज़िंदगी),
 *      long and short i/u matras merged, remaining halants dropped (ख़त्म = खतम).
 * 5. A long word that is not known is split into known words when it can be ("iwanttodie",
 *    "marnachahtihu", "मरनाचाहतीहूँ").
 * 6. Most rules are concepts (`a & b & c`): every part must appear in the same clause (a sentence
 *    end or "but"/"lekin" starts the next), in any order, within CO_WINDOW words of the first
 *    part: "I have 40 sleeping pills saved for tonight" and "tonight, the pills" both meet
 *    `@pills & @got & @time`. Fixed word order overfits to the phrasings its author wrote.
 *    `a && b` may also cross sentence ends (farewells typed as short sentences). A part that
 *    occurs more than once in the window may stand at any of its occurrences: the first placement
 *    of all parts that no negation (step 8) turns around counts, so "the train didn't stop, I
 *    walked to the tracks, the next train..." is not hidden by the first, negated "train" (a
 *    bounded search: CO_TRIES placements a rule and anchor).
 *    A phrase (no `&`) matches when its slots appear in order; between two of them only a few
 *    filler words may stand ("I really want to just die"), or any few words after `...`.
 * 7. A word of 6+ letters (after folding) also matches at edit distance 1 ("sucide", "khudkhushi"),
 *    but only when the first letter is the same: "karna" must not meet "marna".
 * 8. A match is cancelled by an exclude that covers the first part of a concept or the last word
 *    of a phrase ("die of embarrassment" cancels "want to die"), by an English negation just
 *    before it ("I'm not going to kill myself"), a Hindi one just after it ("suicide nahi
 *    karungi") or just before it when it negates a word of the match ("nahi marne wali"), an
 *    English negation between a concept's parts, a Hindi one between them that negates one of the
 *    parts (Hindi negates the verb after it, or the word before when only an auxiliary follows:
 *    "marna nahi chahti" negates "marna"; "kisi kaam ki nahi hu, bas bojh hu" keeps "bojh"), or
 *    (self only) a `recovered` phrase anywhere in the message ("I used to be suicidal, I'm fine
 *    now"). Excludes and `recovered` phrases may be concepts too (`jaan le legi & garmi|umas`:
 *    the first part is what is covered, the others its context in the same clause), with no
 *    negation checks. A Hindi negation that is itself a part ("jeena & nahi") must not be one that negates
 *    a word for dying ("marna nahi chahti, jeena chahti hu").
 * 9. When both kinds match, danger wins: someone else's threat needs the emergency number first,
 *    and the danger screen still shows crisis lines. Harm aimed at oneself ("khud ko maar
 *    dalungi") is self even when a danger rule meets it.
 *
 * Phrase syntax in the YAML: slots separated by spaces; `a|b|c` is one slot with alternatives
 * (each a single word or `@class`); `@class` is any word of a class in `words:`; `#` is any
 * number; a trailing `?` makes a slot optional; `...` lets up to six words of any kind stand
 * before the next slot.
 */

/** Whose harm a crisis message is about: the person's own (suicide, self-harm) or someone else's. */
export type CrisisKind = "self" | "danger";

/** What the detector found. Deliberately only the kind and the language group: both may be logged. */
export interface CrisisMatch {
  kind: CrisisKind;
  group: string;
}

export type CrisisDetector = (text: string) => CrisisMatch | undefined;

/** Telegram's longest text message; more is never a chat message, only a paste. */
const MAX_SCAN = 4096;
/** Words of this length (after folding) or more also match at edit distance 1. Shorter words
 * are too close to other everyday words ("die"/"dye", "marna"/"marta"/"karna") to be matched loosely. */
const FUZZY_MIN_LENGTH = 6;
/** Unknown words this long or longer are tried as words written without spaces. */
const SPLIT_MIN_LENGTH = 6;
/** Filler words allowed between two slots of a phrase. More would let unrelated clauses join. */
const MAX_GAP = 3;
/** Any words allowed before a slot that follows `...` (a means and a time in one sentence). */
const WIDE_GAP = 6;
/** Co-occurrence rules (`a & b`): every other part must lie within this many words of the first
 * part, in the same clause. Wide enough for "I have 40 sleeping pills saved for tonight", narrow
 * enough that a long story does not join a word from one thought with a word from another. */
const CO_WINDOW = 7;
/** Placements of a concept's other parts tried, at most, for one rule at one anchor, when the
 * first placement is turned around by a negation or overlaps: a window holds ~15 words, so a
 * handful of occurrences of each part, and a pathological message cannot make the search grow. */
const CO_TRIES = 24;
/** `a &~ b`: the other parts may stand this many words either side of the first, in its sentence
 * (a long paste without sentence ends must not make each anchor scan the whole message). */
const SENTENCE_REACH = 25;
/** How far before the word it covers an exclude concept's first part may start (a short phrase,
 * with a few fillers between its slots). */
const CO_FIRST_REACH = 12;
/** Words between an English negation and the phrase it cancels, if all are bridge words. */
const NEGATION_REACH = 4;
/** Per-detector caches of folded words; cleared when full, so memory stays bounded. */
const CACHE_LIMIT = 20_000;
/** Slot id meaning "any number" (`#`). */
const NUMBER = -1;
/** Slot id meaning "a number of at least BIG" (`##`): twenty pills is a dose, two is not. */
const BIG_NUMBER = -2;
const BIG = 5;

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
  "standing", "waiting", "sitting", "please", "pls", "plz", "the", "a", "all",
  // Hinglish
  "bas", "ab", "abhi", "to", "toh", "hi", "bhi", "yaar", "yar", "sach", "sachi", "sachme",
  "sirf", "bahut", "bohot", "bohat", "ekdum", "aaj",
  // Hindi (Devanagari)
  "बस", "अब", "अभी", "तो", "ही", "भी", "यार", "सच", "सच्ची", "सचमुच", "वाकई", "सिर्फ़", "बहुत",
  "एकदम", "आज",
];

/** Short words people glue to others ("iwanttodie", "mujhemarnahai"); only used to split words. */
const GLUE = [
  "i", "am", "me", "my", "to", "is", "will", "want", "wanna", "going", "gonna", "it", "this", "all",
  "main", "mai", "mein", "mujhe", "hu", "hai", "ho", "ko", "se", "ke", "ki", "ka", "kar", "karna",
  "meri", "mera", "apni", "ab", "bas", "nahi", "hi", "die", "end", "kms", "mar", "jaan",
  "मैं", "मुझे", "हूँ", "है", "को", "से", "के", "की", "का", "कर", "मेरी", "मेरा", "अपनी", "अब", "बस", "नहीं",
];

/** Words that start a new clause: a concept on one side does not join a concept on the other
 * ("he posted my pics but i will kill him" is not "he ... kill ... me"). */
const CLAUSE_WORDS = [
  "but", "lekin", "magar", "kintu", "however", "although", "though", "लेकिन", "मगर", "किंतु",
  // Bengali, Marathi, Telugu, Tamil
  "কিন্তু", "তবে", "पण", "परंतु", "కానీ", "కాని", "kaani", "ఐతే", "ஆனா", "ஆனால்", "aanal",
];

/** English words that turn the phrase after them around ("I'm not going to kill myself"). */
const NEGATIONS_BEFORE = ["not", "dont", "never", "wont", "wouldnt", "didnt", "doesnt", "isnt", "aint", "nt", "shouldnt"];
/** Words that may stand between such a negation and the phrase it negates. */
const NEGATION_BRIDGE = ["want", "wanted", "going", "to", "planning", "trying", "try", "plan", "ever", "will", "would", "be", "i", "am", "gonna", "wanna", "think", "thinking", "of", "about"];
/**
 * Words that dismiss what was just said, a few words after it in the same clause: "khud ko
 * nuksan pahunchane ka to sawal hi nahi" (out of the question), "aatmahatya jaisa kuch nahi soch
 * rahi" (nothing like suicide), "hurting myself is out of the question". Each is a sequence of
 * slots, `|` between a slot's spellings.
 */
const DISMISSALS = [
  "sawal|sawaal|saval|सवाल|question hi|ही nahi|नहीं|uthta|उठता",
  "jaisa|jaisi|jaise|जैसा|जैसी|जैसे|vagaira|vagairah|वगैरह kuch|kuchh|कुछ nahi|नहीं|bhi|भी",
  "jaisi|जैसी koi|कोई baat|बात nahi|नहीं",
  "out of the question",
  // dev13-18: "suicide wagera ka koi idea nahi", "आत्महत्या के बारे में नहीं सोच रही". Not "koi hal nahi":
  // "आत्महत्या के अलावा कोई रास्ता नहीं" (no way but suicide) says the opposite.
  "ka|की|का|ki koi|कोई idea|khayal|khyal|ख्याल|ख़याल|irada|इरादा nahi|नहीं",
  "ke|के bare|baare|बारे me|mein|में nahi|नहीं|nhi",
];
/** Words after a match that a dismissal may stand behind ("... pahunchane ka to sawal hi nahi"). */
const DISMISS_REACH = 5;
/** Hindi negations that turn the phrase before them around ("suicide nahi karungi"). */
const NEGATIONS_AFTER = ["nahi", "mat", "नहीं", "मत"];
/**
 * Hindi puts a negation before the verb it negates ("mujhe nahi marna", "koi nahi maar raha"), or
 * after a noun or infinitive that is then followed only by an auxiliary ("marna nahi chahti",
 * "suicide nahi karungi", "kisi kaam ki nahi hu"). These words carry no meaning of their own for
 * that choice: after a negation they send it back to the word before it; looking back they are
 * skipped. So "main kisi kaam ki nahi hu, bas bojh hu" negates "kaam", not "bojh", and in "main
 * marna nahi chahti" the negation belongs to "marna".
 */
const HINDI_AUX = [
  "hai", "hu", "ho", "tha", "thi", "the", "hoga", "hogi", "honge", "chahti", "chahta", "chahte", "chahiye",
  "chahu", "sakti", "sakta", "sakte", "raha", "rahi", "rahe", "karungi", "karunga", "karna", "kar", "karti",
  "karta", "lagta", "lagti", "hua", "hui", "है", "हूँ", "हो", "हैं", "था", "थी", "थे", "होगा", "होगी", "चाहती",
  "चाहता", "चाहते", "चाहिए", "सकती", "सकता", "रहा", "रही", "रहे", "करूंगी", "करूंगा", "करना", "कर", "लगता", "लगती",
];
/** Pronouns and postpositions: never what a Hindi negation negates, skipped when looking for it. */
const HINDI_FUNCTION = [
  "main", "mai", "mujhe", "me", "mein", "mera", "meri", "mere", "ko", "se", "ki", "ka", "ke", "par", "pe", "aur",
  "koi", "kisi", "kuch", "मैं", "मुझे", "में", "मेरा", "मेरी", "मेरे", "को", "से", "की", "का", "के", "पर", "पे", "और",
  "कोई", "किसी", "कुछ",
];
/**
 * Bengali, Marathi, Telugu and Tamil put the negation after the verb, often after a light verb
 * ("আত্মহত্যা করব না", "आत्महत्या करणार नाही", "தற்கொலை பண்ண மாட்டேன்"): for a rule of one of these
 * groups, its negation words count just after a match also across up to two of its auxiliaries.
 * Words in their own script are unambiguous and count for every rule; romanised ones ("na", "illa")
 * count only for their group's rules, as "na" and "ne" are everyday Hinglish.
 */
const LANG_NEGATION: Record<string, { native: string[]; roman: string[]; aux: string[]; exact?: string[] }> = {
  bn: {
    native: ["না", "নেই", "নাই", "নয়", "নি"],
    roman: ["na", "naa", "nei", "noy", "nai", "nah"],
    aux: ["করব", "করবো", "করতে", "করি", "চাই", "চাইনা", "যাব", "যাবো", "দেব", "দেবো", "হবে", "korbo", "korte", "kori", "chai", "jabo", "debo", "hobe"],
  },
  mr: {
    native: ["नाही", "नको", "नये", "नाहीये"],
    roman: ["nahi", "nako", "naye", "nahiye"],
    aux: ["करणार", "करेन", "करायची", "करायचा", "करायचे", "आहे", "वाटत", "karnar", "karen", "karaychi", "karaycha", "aahe", "ahe", "vatat"],
  },
  te: {
    native: ["లేదు", "కాదు", "వద్దు", "లేను", "చేసుకోను", "చేయను", "చావను", "చనిపోను", "పోను"],
    roman: ["ledu", "ledhu", "kadu", "kaadu", "vaddu", "vadhu", "lenu", "chesukonu", "cheyanu", "chavanu", "chaniponu"],
    aux: ["చేసుకోవాలని", "చేయాలని", "అనిపించడం", "అనుకోవడం", "chesukovalani", "cheyalani", "anipinchadam"],
    // "I won't die" and "I died (of shame)": one letter from "I will die", never a crisis.
    // And Hindi everyday words one letter from a romanised Telugu one ("chawal", rice, is not "chavali").
    exact: ["chachipovanu", "chanipovanu", "chachipoyanu", "chachipoya", "chanipoyanu", "chachipoyinanu", "chachipoyindi", "chawal"],
  },
  ta: {
    native: ["இல்லை", "இல்ல", "மாட்டேன்", "வேண்டாம்", "வேணாம்", "கூடாது", "மாட்டேன", "மாட்டோம்"],
    roman: ["illa", "illai", "ila", "maaten", "maatten", "matten", "maaten", "vendam", "vendaam", "venam", "venaam", "koodathu", "kudathu"],
    aux: ["பண்ண", "செய்ய", "செஞ்சுக்க", "போக", "தோணல", "தோணுது", "னு", "panna", "seyya", "senjukka", "poga", "nu"],
    exact: ["sethuten", "sethutten", "sethuttan", "sethupochu"],
  },
};
/** A negation may follow a match of these groups across this many of their auxiliaries. */
const LANG_AUX_REACH = 2;
/** Bengali, Telugu and Tamil words are written with a vowel sign per syllable, so one code point is
 * much less than a letter of English: "చేస్తా" (I'll do) is one away from "చంపేస్తా" (I'll kill).
 * Words in these scripts match at edit distance 1 only from this length (after folding). */
const NATIVE_FUZZY_MIN_LENGTH = 9;
function looseScript(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 0x0980 && c <= 0x09ff) || (c >= 0x0b80 && c <= 0x0bff) || (c >= 0x0c00 && c <= 0x0c7f);
}

/** Words a Hindi negation may look past, either way, for the word it negates. */
const NEGATION_LOOK = 3;

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
  // Not "id": in Indian chats it is an account ("fake id"), not "I'd".
  im: "i am", ive: "i have", ill: "i will",
  hes: "he is", shes: "she is", theyre: "they are", hell: "he will", shell: "she will", theyll: "they will",
  cannot: "cant", cnt: "cant", cant: "cant",
  dnt: "dont", dont: "dont",
  tmrw: "tomorrow", tmr: "tomorrow", "2nite": "tonight", tonite: "tonight", "2night": "tonight",
  // Romanised Hindi
  hoon: "hu", hun: "hu", hn: "hu",
  nahin: "nahi", nhi: "nahi", nai: "nahi", ni: "nahi", nahee: "nahi", nhin: "nahi", nahi: "nahi",
  h: "hai", hy: "hai", hae: "hai", hain: "hai",
  kr: "kar", krna: "karna", krke: "karke", krlungi: "kar lungi", krlunga: "kar lunga",
  lugi: "lungi", luga: "lunga", dugi: "dungi", duga: "dunga",
  jaugi: "jaungi", jauga: "jaunga",
  khtm: "khatam", khtam: "khatam", khatm: "khatam",
  mjhe: "mujhe", muje: "mujhe", mujhey: "mujhe",
  // Vowels dropped in texting, which edit distance misses in short words
  mrna: "marna", mrne: "marne", mrjana: "mar jana", rhi: "rahi", rha: "raha", rhe: "rahe",
  gyi: "gayi", gya: "gaya", bht: "bahut", bhot: "bahut", kl: "kal", pta: "pata", skti: "sakti",
  skta: "sakta", zndgi: "zindagi", jndgi: "zindagi", lgta: "lagta", chaiye: "chahiye", kro: "karo",
  jeeke: "jee ke", mr: "mar",
};

/** Two words that people write apart but phrases write as one. */
const JOINS: Record<string, string> = {
  "my self": "myself",
  "can not": "cant",
  "do not": "dont",
  "will not": "wont",
  "self harm": "selfharm",
};

// Zero-width spaces and joiners, bidi marks, variation selectors, soft hyphen: invisible, so
// they must not split or change a word ("d\u200Bie" is "die").
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const BENGALI = /\p{Script=Bengali}/u;
const TELUGU = /\p{Script=Telugu}/u;
const TAMIL = /\p{Script=Tamil}/u;
/** Digits of Indian scripts, read as the ASCII digits they are ("২০টা" is "20টা"). */
const INDIC_DIGIT = /[\u0966-\u096F\u09E6-\u09EF\u0C66-\u0C6F\u0BE6-\u0BEF]/u;
const INDIC_DIGITS = new RegExp(INDIC_DIGIT.source, "gu");
/** A number glued to a word in an Indian script ("20টা ঘুমের বড়ি"). */
const NUMBER_THEN_NATIVE = /^([0-9]+)(\p{L}[\p{L}\p{M}]*)$/u;
const LATINISH = /^[\p{Script=Latin}\p{N}\p{M}]+$/u;
const ALL_DIGITS = /^\p{N}+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /[0-9]/;
const NUMBER_THEN_WORD = /^([0-9]+)(\p{L}{3,})$/u;
const REPEATS = /(.)\1+/gu;
const ASCII = /^\p{ASCII}*$/u;
const SYMBOLS = /[@!$]/;
// 😂 🤣 😆 😹, and the grins of a joke told against oneself: 😅 😁 😄 😜 😝 🤪
const LAUGH = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F605}\u{1F601}\u{1F604}\u{1F61C}\u{1F61D}\u{1F92A}]/u;
const LAUGHS = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F605}\u{1F601}\u{1F604}\u{1F61C}\u{1F61D}\u{1F92A}]+/gu;
const DOUBLE_A = /^aa+$/;
/** A sentence end (. ! ? ; newline, Hindi danda) between two words; "..." is a pause people type
 * inside one thought, not an end. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 59 || c === 10 || c === 0x0964) return true;
    if (c === 46 && text.charCodeAt(i + 1) !== 46 && (i === from || text.charCodeAt(i - 1) !== 46)) return true;
  }
  return false;
}
// Digits typed for letters ("d1e", "k1ll", "su1c1d3", "want2die").
const LEET: Record<string, string> = { "0": "o", "1": "i", "2": "to", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b" };

function collapse(word: string): string {
  return word.replace(REPEATS, "$1");
}

/** Latin, before expansions: accents off, repeated letters collapsed. */
function latinPre(word: string): string {
  return collapse(ASCII.test(word) ? word : word.normalize("NFD").replace(/\p{M}/gu, ""));
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
      .replace(/\u090D/g, "\u090F") // ऍ = ए
      .replace(/\u0911/g, "\u0913") // ऑ = ओ
      .replace(/\u0903/g, "") // visarga: दुःख = दुख
      .replace(/\u0933/g, "\u0932") // Marathi ळ typed as ल
      .replace(/\u0972/g, "\u090F") // Marathi ॲ (ॲसिड) = ए
      .replace(/\u094D/g, ""), // halant: ख़त्म = खतम
  );
}

/** Bengali spelling variants people type interchangeably, folded as Devanagari's are: nukta
 * (য় = য), chandrabindu, anusvara and visarga dropped, long and short i/u merged, ণ/ন and ষ/শ
 * merged, ৎ read as ত, hasanta dropped (আত্মহত্যা = আতমহতযা on both sides). */
function bengaliFold(word: string): string {
  return collapse(
    word
      .replace(/[\u09BC\u0981\u0982\u0983\u09CD]/g, "")
      .replace(/\u09C0/g, "\u09BF") // ী = ি
      .replace(/\u09C2/g, "\u09C1") // ূ = ু
      .replace(/\u0988/g, "\u0987") // ঈ = ই
      .replace(/\u098A/g, "\u0989") // ঊ = উ
      .replace(/\u09A3/g, "\u09A8") // ণ = ন
      .replace(/\u09B7/g, "\u09B6") // ষ = শ
      .replace(/\u09CE/g, "\u09A4"), // ৎ = ত
  );
}

/** Telugu: nukta, candrabindu, anusvara, visarga and virama dropped, long and short i/u/e/o
 * merged, ణ/న and ళ/ల merged. */
function teluguFold(word: string): string {
  return collapse(
    word
      .replace(/[\u0C3C\u0C01\u0C02\u0C03\u0C4D]/g, "")
      .replace(/\u0C40/g, "\u0C3F") // ీ = ి
      .replace(/\u0C42/g, "\u0C41") // ూ = ు
      .replace(/\u0C47/g, "\u0C46") // ే = ె
      .replace(/\u0C4B/g, "\u0C4A") // ో = ొ
      .replace(/\u0C08/g, "\u0C07") // ఈ = ఇ
      .replace(/\u0C0A/g, "\u0C09") // ఊ = ఉ
      .replace(/\u0C0F/g, "\u0C0E") // ఏ = ఎ
      .replace(/\u0C13/g, "\u0C12") // ఓ = ఒ
      .replace(/\u0C23/g, "\u0C28") // ణ = న
      .replace(/\u0C33/g, "\u0C32"), // ళ = ల
  );
}

/** Tamil: pulli and aytham dropped (செத்து = செது on both sides), long and short i/u/e/o merged,
 * the three n (ண ந ன) merged, ழ typed as ள. */
function tamilFold(word: string): string {
  return collapse(
    word
      .replace(/[\u0BCD\u0B83]/g, "")
      .replace(/\u0BC0/g, "\u0BBF") // ீ = ி
      .replace(/\u0BC2/g, "\u0BC1") // ூ = ு
      .replace(/\u0BC7/g, "\u0BC6") // ே = ெ
      .replace(/\u0BCB/g, "\u0BCA") // ோ = ொ
      .replace(/\u0B88/g, "\u0B87") // ஈ = இ
      .replace(/\u0B8A/g, "\u0B89") // ஊ = உ
      .replace(/\u0B8F/g, "\u0B8E") // ஏ = எ
      .replace(/\u0B93/g, "\u0B92") // ஓ = ஒ
      .replace(/[\u0BA3\u0BA8]/g, "\u0BA9") // ண ந = ன
      .replace(/\u0BB4/g, "\u0BB3"), // ழ = ள
  );
}

/** The fold for a word in an Indian script other than Devanagari, or undefined. */
function nativeFold(word: string): ((w: string) => string) | undefined {
  if (BENGALI.test(word)) return bengaliFold;
  if (TAMIL.test(word)) return tamilFold;
  if (TELUGU.test(word)) return teluguFold;
  return undefined;
}

interface Token {
  word: string;
  isNumber: boolean;
  /** Written in Devanagari (what a statistical model is told). */
  dev: boolean;
  /** Written in an Indian script (Devanagari, Bengali, Telugu, Tamil): tells Hindi from Hinglish,
   * Tamil from Tanglish, in the group reported. */
  native: boolean;
  /** Clause number: a sentence end (. ! ? ; newline) or "but" starts the next. */
  clause: number;
  /** Pause number: a comma as well as a sentence end starts the next. A Hindi negation is about a
   * word on its side of a comma ("himmat nahi, chali jaungi"). */
  pause: number;
}

interface PreWord {
  word: string;
  latin: boolean;
  isNumber: boolean;
  dev: boolean;
  native: boolean;
}

const expansionTable = new Map<string, string[]>(
  Object.entries(EXPANSIONS).map(([k, v]) => [latinPre(k), v.split(" ").map(latinPre)]),
);
const joinTable = new Map<string, string>(
  Object.entries(JOINS).map(([k, v]) => [k.split(" ").map(latinPre).join(" "), latinPre(v)]),
);

const joinFirst = new Set([...joinTable.keys()].map((k) => k.split(" ")[0]!));

/** Bounded memo: long messages repeat words, and folding is the costly part of a scan. */
function memo<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    // `undefined` is an answer too ("not made of known words"): remembered like any other.
    if (v === undefined && !cache.has(key)) {
      v = compute(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, v);
    }
    return v as V;
  };
}

/** One raw word -> pre-folded words (a number glued to a word comes out as two). */
const preFold = memo((raw: string): PreWord[] => {
  const isNumber = ALL_DIGITS.test(raw);
  if (DEVANAGARI.test(raw)) return [{ word: devanagariFold(raw), latin: false, isNumber, dev: true, native: true }];
  if (!LATINISH.test(raw)) {
    const fold = nativeFold(raw);
    if (fold === undefined) return [{ word: collapse(raw), latin: false, isNumber, dev: false, native: false }];
    const glued = NUMBER_THEN_NATIVE.exec(raw);
    if (glued) {
      return [
        { word: glued[1]!, latin: false, isNumber: true, dev: false, native: false },
        { word: fold(glued[2]!), latin: false, isNumber: false, dev: false, native: true },
      ];
    }
    return [{ word: fold(raw), latin: false, isNumber, dev: false, native: true }];
  }
  // Romanised "aa" (come) must not collapse into the English article "a" ("in front of a truck").
  if (DOUBLE_A.test(raw)) return [{ word: "aa", latin: false, isNumber, dev: false, native: false }];
  if (!isNumber && HAS_DIGIT.test(raw) && HAS_LETTER.test(raw) && !expansionTable.has(raw)) {
    const glued = NUMBER_THEN_WORD.exec(raw);
    if (glued) {
      return [
        { word: glued[1]!, latin: true, isNumber: true, dev: false, native: false },
        { word: latinPre(glued[2]!), latin: true, isNumber: false, dev: false, native: false },
      ];
    }
    raw = raw.replace(/[0-9]/g, (d) => LEET[d] ?? d);
  }
  return [{ word: latinPre(raw), latin: true, isNumber, dev: false, native: false }];
});

/** A pre-folded Latin word -> its expansion, phonetically folded. */
const expandFold = memo((word: string): string[] => (expansionTable.get(word) ?? [word]).map(latinFold));

/** Text -> canonical words. The same function folds phrases and messages, so they always agree. */
function tokenize(text: string): Token[] {
  let cleaned = text.normalize("NFKC").toLowerCase().replace(INVISIBLE, "").replace(APOSTROPHES, "");
  if (INDIC_DIGIT.test(cleaned)) cleaned = cleaned.replace(INDIC_DIGITS, (d) => String((d.codePointAt(0)! - 0x0966) % 16));
  // A laughing emoji is a word: "mummy maar dalegi 😂" is a joke, as "lol" is.
  if (LAUGH.test(cleaned)) cleaned = cleaned.replace(LAUGHS, " lol ");
  if (SYMBOLS.test(cleaned)) {
    cleaned = cleaned.replace(/(?<=\p{L})[@!](?=\p{L})/gu, (c) => (c === "@" ? "a" : "i")).replace(/\$(?=\p{L})/gu, "s");
  }
  const pre: PreWord[] = [];
  // Clause of each pre-folded word, beside it: the memoised words are shared and stay unchanged.
  const preClause: number[] = [];
  let clause = 0;
  const prePause: number[] = [];
  let pause = 0;
  let last = 0;
  for (const m of cleaned.matchAll(WORD)) {
    // Most gaps are one space: only a longer gap (or one not a space) can hold a sentence end.
    if (m.index > last + 1 || (m.index === last + 1 && cleaned.charCodeAt(last) !== 32)) {
      if (endsSentence(cleaned, last, m.index)) {
        clause++;
        pause++;
      } else if (cleaned.slice(last, m.index).includes(",")) pause++;
    }
    last = m.index + m[0].length;
    for (const w of preFold(m[0])) {
      pre.push(w);
      preClause.push(clause);
      prePause.push(pause);
    }
  }
  const out: Token[] = [];
  for (let i = 0; i < pre.length; i++) {
    const t = pre[i]!;
    if (!t.latin) {
      out.push({ word: t.word, isNumber: t.isNumber, dev: t.dev, native: t.native, clause: preClause[i]!, pause: prePause[i]! });
      continue;
    }
    let word = t.word;
    const next = pre[i + 1];
    if (next?.latin && joinFirst.has(word)) {
      const joined = joinTable.get(`${word} ${next.word}`);
      if (joined !== undefined) {
        word = joined;
        i++;
      }
    }
    for (const part of expandFold(word)) {
      out.push({ word: part, isNumber: t.isNumber, dev: false, native: false, clause: preClause[i]!, pause: prePause[i]! });
    }
  }
  return out;
}

/**
 * A message as a statistical model reads it (scripts/crisis-train.ts): the same capping and
 * normalisation as the rules (steps 1-4 above), as plain words, and whether any is Devanagari.
 * Not used by the detector itself.
 */
export function normalisedWords(text: string): { words: string[]; dev: boolean } {
  const words: string[] = [];
  let dev = false;
  for (const part of capped(text)) {
    for (const t of tokenize(part)) {
      words.push(t.word);
      if (t.dev) dev = true;
    }
  }
  return { words, dev };
}

/** Negations, folded as `normalisedWords` folds them: a model may read the words near one as negated. */
export const MODEL_NEGATIONS: ReadonlySet<string> = new Set(
  [...NEGATIONS_BEFORE, ...NEGATIONS_AFTER, "no", "na", "never", "न", "ना"].flatMap((w) => tokenize(w).map((t) => t.word)),
);

/** Text over the scan limit: its head and its tail, with a break between that no phrase spans. */
function capped(text: string): string[] {
  if (text.length <= MAX_SCAN) return [text];
  return [text.slice(0, MAX_SCAN / 2), text.slice(text.length - MAX_SCAN / 2)];
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

interface Slot {
  /** Vocabulary ids (or NUMBER) any one of which fills the slot. */
  ids: Set<number>;
  optional: boolean;
  /** Any words (not only fillers), up to WIDE_GAP, may stand before this slot. */
  wide: boolean;
}

interface Phrase {
  slots: Slot[];
  kind: CrisisKind;
  group: string;
  /** Group to report when none of the matched words is Devanagari. */
  romanised: string | undefined;
}

/** Concepts that must meet in one clause, in any order: `@self_ref & @die & @intent`. */
interface CoRule {
  /** The first part is the concept itself, and anchors the search; the others are its context. */
  parts: Phrase[];
  /** Numbers of the parts (over all rules), to tell quickly whether each part's first word is present. */
  partIds: number[];
  index: number;
  /** Parts may stand in different sentences of the message (still within the window). */
  across: boolean;
  /** `a &~ b`: the other parts may stand anywhere in the first part's sentence, across "but" and
   * beyond the window (an exclude's context: "four years ago my ex told me he would stab me"). */
  sentence: boolean;
  /** `a &~ b &! c`: the match is void when a part after `&!` stands in its scope (a live word:
   * "two years ago he hit me, today he is hitting me again" is no story long gone). */
  absent: Phrase[];
  kind: CrisisKind;
  group: string;
  romanised: string | undefined;
}

/** Fewer pieces first; then fewer one-letter pieces ("i vant tu di", not "i vant tud i"); then
 * the longer first piece ("vant tu", not "van tu"). */
function betterSplit(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const singles = (x: string[]) => x.filter((p) => p.length === 1).length;
  const sa = singles(a);
  const sb = singles(b);
  if (sa !== sb) return sa < sb;
  return a[0]!.length > b[0]!.length;
}

/** Builds the detector once; the returned function only looks words up and walks phrases. */
export function createCrisisDetector(
  terms: CrisisTerms,
  /** Has the last word: given the message's normalised words (as normalisedWords gives them) and
   * what the rules found, returns the answer. The model behind the rules reads the words the rules
   * already made (src/conversation/crisis-check.ts). */
  decide?: (text: string, words: readonly string[], dev: boolean, found: CrisisMatch | undefined) => CrisisMatch | undefined,
): CrisisDetector {
  const vocab: string[] = [];
  const exact = new Map<string, number>();
  /** one-deletion neighbourhoods of long words -> ids (symmetric-delete index for fuzzy look-up) */
  const deletions = new Map<string, number | number[]>();

  const idOf = (word: string): number => {
    const known = exact.get(word);
    if (known !== undefined) return known;
    const id = vocab.length;
    vocab.push(word);
    exact.set(word, id);
    if (word.length >= FUZZY_MIN_LENGTH) {
      const keys = new Set([word]);
      for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
      // Most keys belong to one word: a bare id, not an array of one (a third of the index's heap).
      for (const key of keys) {
        const list = deletions.get(key);
        if (list === undefined) deletions.set(key, id);
        else if (typeof list === "number") deletions.set(key, [list, id]);
        else list.push(id);
      }
    }
    return id;
  };

  const oneWord = (alt: string, where: string): number => {
    const words = tokenize(alt);
    if (words.length !== 1) throw new Error(`crisis terms (${where}): "${alt}" must fold to exactly one word`);
    return idOf(words[0]!.word);
  };

  const classes = new Map<string, number[]>();
  for (const [name, list] of Object.entries(terms.words ?? {})) {
    classes.set(name, list.map((w) => oneWord(w, `words.${name}`)));
  }

  // One Set per distinct slot: a class used by hundreds of rules ("@pills") is one Set, not hundreds.
  const idSets = new Map<string, Set<number>>();
  const idSet = (ids: number[]): Set<number> => {
    const key = ids.join(",");
    let set = idSets.get(key);
    if (!set) idSets.set(key, (set = new Set(ids)));
    return set;
  };

  const compile = (phrase: string, kind: CrisisKind, group: string, romanised?: string): Phrase => {
    const slots: Slot[] = [];
    let wide = false;
    for (let piece of phrase.trim().split(/\s+/)) {
      if (piece === "...") {
        wide = true;
        continue;
      }
      const optional = piece.length > 1 && piece.endsWith("?");
      if (optional) piece = piece.slice(0, -1);
      let ids: number[];
      if (piece === "#") ids = [NUMBER];
      else if (piece === "##") ids = [BIG_NUMBER];
      else if (piece.includes("|") || piece.startsWith("@")) {
        ids = piece.split("|").flatMap((alt) => {
          if (alt === "#") return [NUMBER];
          if (alt === "##") return [BIG_NUMBER];
          if (!alt.startsWith("@")) return [oneWord(alt, `${group}: ${phrase}`)];
          const members = classes.get(alt.slice(1));
          if (!members) throw new Error(`crisis terms (${group}): "${phrase}" uses unknown class ${alt}`);
          return members;
        });
      } else {
        const words = tokenize(piece);
        if (optional && words.length !== 1) throw new Error(`crisis terms (${group}): "${piece}?" must fold to exactly one word`);
        for (const t of words.slice(0, -1)) slots.push({ ids: idSet([idOf(t.word)]), optional: false, wide });
        if (words.length > 1) wide = false;
        ids = words.slice(-1).map((t) => idOf(t.word));
        if (ids.length === 0) continue;
      }
      slots.push({ ids: idSet(ids), optional, wide });
      wide = false;
    }
    if (slots.length === 0) throw new Error(`crisis terms (${group}): "${phrase}" has no words`);
    if (slots[0]!.optional || slots[0]!.wide) throw new Error(`crisis terms (${group}): "${phrase}" must start with a required word`);
    return { slots, kind, group, romanised };
  };

  const matchers: Phrase[] = [];
  const excluders: Phrase[] = [];
  const recoverers: Phrase[] = [];
  const coRules: CoRule[] = [];
  let partCount = 0;
  /** Excludes and `recovered` phrases that are concepts (`a & b`): the first part is the idiom,
   * the others its context in the same clause ("jaan le legi & garmi|umas": the heat, not a man). */
  const excludeCoRules: CoRule[] = [];
  const recoveredCoRules: CoRule[] = [];
  /** A term as a phrase (pushed on `phrases`) or a concept (returned, for the caller to keep). */
  const add = (t: string, kind: CrisisKind, group: string, romanised: string | undefined, phrases: Phrase[]): CoRule | undefined => {
    // `a && b`: like `a & b`, but across sentence ends too ("goodbye. i love you all. i'm sorry").
    const across = t.includes(" && ");
    // `a &~ b`: anywhere in the same sentence (for excludes: a time long gone, a story's teller).
    const [t0, ...absentPieces] = t.split(" &! ");
    t = t0!;
    const sentence = t.includes(" &~ ");
    if (!across && !sentence && !t.includes(" & ")) {
      phrases.push(compile(t, kind, group, romanised));
      return undefined;
    }
    if (across && sentence) throw new Error(`crisis term mixes "&&" and "&~": ${t}`);
    const pieces = t.split(across ? " && " : sentence ? " &~ " : " & ");
    // A rule cannot mix the two: split on "&&", a lone "&" would be read as a word to match, and
    // the rule would silently never match.
    if ((across || sentence) && pieces.some((p) => p.includes(" & "))) throw new Error(`crisis term mixes "&" and "&&" or "&~": ${t}`);
    const parts = pieces.map((part) => compile(part, kind, group, romanised));
    const absent = absentPieces.map((part) => compile(part, kind, group, romanised));
    return { index: -1, parts, partIds: [], kind, group, romanised, across, sentence, absent };
  };
  const addRule = (t: string, kind: CrisisKind, group: string, romanised: string | undefined): void => {
    const r = add(t, kind, group, romanised, matchers);
    if (r) coRules.push({ ...r, index: coRules.length, partIds: r.parts.map(() => partCount++) });
  };
  for (const [group, g] of Object.entries(terms.groups)) {
    // Danger first: at one position a danger phrase is tried before a self phrase.
    for (const t of g.danger ?? []) addRule(t, "danger", group, g.romanised);
    for (const t of g.self) addRule(t, "self", group, g.romanised);
    // Excludes from every group apply to every match: Indian users mix languages in one message.
    for (const x of g.exclude ?? []) {
      const r = add(x, "self", group, undefined, excluders);
      if (r) excludeCoRules.push(r);
    }
    for (const x of g.recovered ?? []) {
      const r = add(x, "self", group, undefined, recoverers);
      if (r) recoveredCoRules.push(r);
    }
  }
  const fold = (list: string[]) => new Set(list.flatMap((f) => tokenize(f).map((t) => t.word)));
  const fillers = fold(FILLERS);
  const negationsBefore = fold(NEGATIONS_BEFORE);
  const negationBridge = new Set([...fold(NEGATION_BRIDGE), ...fillers]);
  const negationsAfter = fold([...NEGATIONS_AFTER, ...Object.values(LANG_NEGATION).flatMap((l) => l.native)]);
  const negations = new Set([...negationsBefore, ...negationsAfter]);
  // Bengali, Marathi, Telugu and Tamil negations follow what they negate: they never look forward.
  const hindiNegations = fold(NEGATIONS_AFTER);
  const postNegations = new Set(
    Object.values(LANG_NEGATION)
      .flatMap((l) => [...fold(l.native), ...fold(l.roman)])
      .filter((w) => !hindiNegations.has(w)),
  );
  const langAux = fold(Object.values(LANG_NEGATION).flatMap((l) => l.aux));
  /** A group's negations (its romanised ones with the shared ones) and auxiliaries. */
  const langNegation = new Map(
    Object.entries(LANG_NEGATION).map(([group, l]) => {
      const roman = fold(l.roman);
      return [group, { after: new Set([...negationsAfter, ...roman]), all: new Set([...negations, ...roman]), aux: fold(l.aux) }];
    }),
  );
  const dismissals = DISMISSALS.map((d) => d.split(" ").map((slot) => fold(slot.split("|"))));
  const hindiAux = fold(HINDI_AUX);
  const hindiSkip = new Set([...hindiAux, ...fold(HINDI_FUNCTION), ...fillers, ...negations]);
  // Words for dying: a Hindi negation that negates one of them ("marna nahi chahti") is never
  // itself part of a concept of hopelessness ("jeena & nahi").
  const deathWords = new Set(
    ["marna", "mar", "dead", "bn_die", "mr_die", "te_die", "ta_die"].flatMap((c) => classes.get(c) ?? []),
  );
  /** Forms one letter from a crisis word that are never one ("I won't die", "I died laughing"). */
  const exactOnly = fold(Object.values(LANG_NEGATION).flatMap((l) => l.exact ?? []));

  // Words that a word typed without spaces may be split into: every phrase word and a few glue words.
  // Short phrase words ("van", "tod", "od") would split "want2die" wrongly: only the glue words
  // may be that short. Kept sorted: a prefix is looked up by binary search (a prefix tree of
  // Maps held 4 MB for the same ~9,000 words).
  const splitWords = [...new Set([...vocab.filter((v) => v.length >= 4), ...fold(GLUE), ...fillers])]
    .filter((w) => w.length >= 2 || w === "i")
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  /** 1 when `prefix` is one of splitWords, 0 when it only starts one, -1 when it starts none. */
  const prefixKind = (prefix: string): -1 | 0 | 1 => {
    let lo = 0;
    let hi = splitWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (splitWords[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const at = splitWords[lo];
    if (at === prefix) return 1;
    return at?.startsWith(prefix) ? 0 : -1;
  };

  /** "ivantudi" -> ["i", "vant", "tu", "di"], or undefined when it is not made of known words. Two
   * words may share a letter, because repeated letters were collapsed ("want"+"to" -> "vantu"). */
  const split = memo((word: string): string[] | undefined => {
    const best = new Map<number, string[] | null>();
    const from = (s: number): string[] | null => {
      if (s === word.length) return [];
      const known = best.get(s);
      if (known !== undefined) return known;
      best.set(s, null); // guards the shared-letter step against loops
      let result: string[] | null = null;
      for (let e = s + 1; e <= word.length; e++) {
        const kind = prefixKind(word.slice(s, e));
        if (kind === -1) break;
        if (kind === 0) continue;
        for (const nextStart of e - 1 > s ? [e, e - 1] : [e]) {
          const rest = from(nextStart);
          if (!rest) continue;
          const candidate = [word.slice(s, e), ...rest];
          if (!result || betterSplit(candidate, result)) result = candidate;
        }
      }
      best.set(s, result);
      return result;
    };
    const pieces = from(0);
    return pieces && pieces.length > 1 ? pieces : undefined;
  });

  /** first-slot id -> phrases starting with it: only plausible phrases are tried at a position. */
  const indexByFirst = (phrases: Phrase[]): Map<number, Phrase[]> => {
    const index = new Map<number, Phrase[]>();
    for (const p of phrases) {
      for (const id of p.slots[0]!.ids) {
        const list = index.get(id);
        if (list) list.push(p);
        else index.set(id, [p]);
      }
    }
    return index;
  };
  const termIndex = indexByFirst(matchers);
  const excludeIndex = indexByFirst(excluders);
  const recoveredIndex = indexByFirst(recoverers);
  /** first-slot id of a concept's first part -> those concepts */
  const indexCoByFirst = (rules: CoRule[]): Map<number, CoRule[]> => {
    const index = new Map<number, CoRule[]>();
    for (const r of rules) {
      for (const id of r.parts[0]!.slots[0]!.ids) {
        const list = index.get(id);
        if (list) list.push(r);
        else index.set(id, [r]);
      }
    }
    return index;
  };
  const excludeCoIndex = indexCoByFirst(excludeCoRules);
  /** The most words a phrase exclude can span: each slot after the first lies at most WIDE_GAP + 1
   * words after the one before. covered() looks back this far. */
  const maxExcludeSpan = Math.max(
    0,
    ...excluders.map((p) => (p.slots.length - 1) * (WIDE_GAP + 1)),
  );
  const recoveredCoIndex = indexCoByFirst(recoveredCoRules);
  const coIndex = new Map<number, CoRule[]>();
  /** word id -> numbers of the co-occurrence parts that start with it */
  const partsByFirst = new Map<number, number[]>();
  for (const r of coRules) {
    for (const id of r.parts[0]!.slots[0]!.ids) {
      const list = coIndex.get(id);
      if (list) list.push(r);
      else coIndex.set(id, [r]);
    }
    r.parts.forEach((p, k) => {
      for (const id of p.slots[0]!.ids) {
        const list = partsByFirst.get(id);
        if (list) list.push(r.partIds[k]!);
        else partsByFirst.set(id, [r.partIds[k]!]);
      }
    });
  }
  const clauseWords = fold(CLAUSE_WORDS);
  /** Where coMatch has placed each part of the rule it is trying (no rule has more parts). */
  const maxParts = Math.max(1, ...coRules.map((r) => r.parts.length), ...excludeCoRules.map((r) => r.parts.length), ...recoveredCoRules.map((r) => r.parts.length));
  const partStart = new Int32Array(maxParts);
  const partEnd = new Int32Array(maxParts);
  const seenStamp = new Int32Array(partCount);
  /** Vocabulary ids in the message being scanned: idStamp[id] === stamp. */
  const idStamp = new Int32Array(vocab.length);
  const viableStamp = new Int32Array(coRules.length);
  const viableValue = new Uint8Array(coRules.length);
  let scanStamp = 0;
  // Words for oneself ("myself", "khud"): the `self` and `hself` classes when the terms have them.
  // Bengali "নিজেকে" and Marathi "स्वतःला" too; not Tamil "என்னை" or Telugu "నన్ను", which are only "me".
  const reflexives = new Set(["self", "hself", "bn_self", "mr_self"].flatMap((c) => classes.get(c) ?? []));
  const reflexivePair = new Set(["apne aap", "अपने आप"].map((p) => tokenize(p).map((t) => t.word).join(" ")));

  /** Vocabulary ids a word stands for: exact, plus same-first-letter edit-distance-1 neighbours. */
  const lookupWord = memo((word: string): number[] => {
    const ids: number[] = [];
    const id = exact.get(word);
    if (id !== undefined) ids.push(id);
    const loose = looseScript(word);
    if (exactOnly.has(word) || (loose && word.length < NATIVE_FUZZY_MIN_LENGTH - 1)) return ids;
    if (word.length >= FUZZY_MIN_LENGTH - 1) {
      const seen = new Set<number>(ids);
      const probe = (key: string): void => {
        const found = deletions.get(key);
        for (const cand of found === undefined ? [] : typeof found === "number" ? [found] : found) {
          if (seen.has(cand)) continue;
          seen.add(cand);
          const v = vocab[cand]!;
          if (v[0] === word[0] && (!loose || v.length >= NATIVE_FUZZY_MIN_LENGTH) && withinOneEdit(word, v)) ids.push(cand);
        }
      };
      probe(word);
      for (let i = 0; i < word.length; i++) probe(word.slice(0, i) + word.slice(i + 1));
    }
    return ids;
  });

  /** Unknown long words typed without spaces become the words they are made of. */
  const expandGlued = (tokens: Token[]): Token[] => {
    const out: Token[] = [];
    for (const t of tokens) {
      // Only a word that is not known, even loosely: "khudkhushi" is a typo, not "khud khushi".
      const unknown = !t.isNumber && t.word.length >= SPLIT_MIN_LENGTH && lookupWord(t.word).length === 0;
      const pieces = unknown ? split(t.word) : undefined;
      if (pieces) for (const word of pieces) out.push({ word, isNumber: false, dev: t.dev, native: t.native, clause: t.clause, pause: t.pause });
      else out.push(t);
    }
    return out;
  };

  // The matcher's state for the message being scanned, read by the helpers below. The helpers are
  // made once, not for every message: some twenty closures a message (each named at run time, as
  // the build keeps names) were a large part of a short message's cost. scan() is not reentrant:
  // it sets this state, then runs to the end.
  let tokens: Token[] = [];
  let n = 0;
  let clauseAt: number[] = [];
  let idsAt: number[][] = [];
  /** Per position, the ends of the phrase excludes that start there; worked out only near a match. */
  let excludedAt: (number[] | undefined)[] | undefined;
  /** Whether each non-first part of an exclude or `recovered` concept has its first word in the text. */
  const contextSeen = new Map<CoRule, boolean>();
  /** Concept excludes anchored at a word: the ends of the first parts they cover. */
  const coExcluded = new Map<number, number[]>();
  /** covered(end), remembered per word: many rules end on the same word. 0 unknown, 1 yes, 2 no. */
  let coveredAt = new Uint8Array(0);
  let stamp = 0;

  // The matcher's innermost question: a plain loop, no closure per call.
  const fills = (slot: Slot, i: number): boolean => {
    const ids = idsAt[i]!;
    for (let k = 0; k < ids.length; k++) if (slot.ids.has(ids[k]!)) return true;
    return false;
  };

  /** End index of the phrase when slot k is placed after position `after`, or -1. */
  // `wideBefore`: an optional slot after `...` was skipped, so its wide gap passes to this one.
  const place = (p: Phrase, k: number, after: number, wideBefore = false): number => {
    if (k === p.slots.length) return after;
    const slot = p.slots[k]!;
    const wide = slot.wide || wideBefore;
    const reach = wide ? WIDE_GAP : MAX_GAP;
    for (let j = after + 1, gap = 0; j < n && gap <= reach; j++, gap++) {
      if (fills(slot, j)) {
        const end = place(p, k + 1, j);
        if (end >= 0) return end;
      }
      const w = tokens[j]!.word;
      // A wide gap may hold any words but a negation: "she would never hurt me" is no threat.
      if (wide ? negations.has(w) : !fillers.has(w)) break;
    }
    return slot.optional ? place(p, k + 1, after, wide) : -1;
  };

  const startsAt = (index: Map<number, Phrase[]>, i: number): Phrase[] => {
    const ids = idsAt[i]!;
    if (ids.length === 0) return [];
    if (ids.length === 1) return index.get(ids[0]!) ?? [];
    return ids.flatMap((id) => index.get(id) ?? []);
  };

  const startsCoAt = (index: Map<number, CoRule[]>, i: number): CoRule[] => {
    const ids = idsAt[i]!;
    if (ids.length === 0) return [];
    if (ids.length === 1) return index.get(ids[0]!) ?? [];
    return ids.flatMap((id) => index.get(id) ?? []);
  };

  /** Per position, the ends of the phrase excludes that start there; worked out only near a match. */
  const excludesFrom = (i: number): number[] => {
    excludedAt ??= new Array<number[] | undefined>(n);
    let ends = excludedAt[i];
    if (ends === undefined) {
      ends = [];
      for (const p of startsAt(excludeIndex, i)) {
        const e = place(p, 1, i);
        if (e >= 0) ends.push(e);
      }
      excludedAt[i] = ends;
    }
    return ends;
  };
  /** Whether each non-first part of an exclude or `recovered` concept has its first word in the
   * text; worked out once a scan and rule, when first asked. */
  const contextIn = (r: CoRule): boolean => {
    let v = contextSeen.get(r);
    if (v === undefined) {
      v = true;
      for (let k = 1; k < r.parts.length && v; k++) {
        const first = r.parts[k]!.slots[0]!;
        let any = false;
        // Whichever is shorter: the slot's words (looked up in this message's word stamps) or the message.
        if (first.ids.size < n) {
          for (const id of first.ids) {
            if (id < 0 ? idsAt.some((ids) => ids.includes(id)) : idStamp[id] === stamp) {
              any = true;
              break;
            }
          }
        } else {
          for (let j = 0; j < n && !any; j++) any = fills(first, j);
        }
        v = any;
      }
      contextSeen.set(r, v);
    }
    return v;
  };
  /** Concept excludes anchored at a word: the ends of the first parts they cover. */
  /** covered(end), remembered per word: many rules end on the same word. 0 unknown, 1 yes, 2 no. */
  const covered = (end: number): boolean => {
    if (coveredAt[end] === 0) coveredAt[end] = coveredNow(end) ? 1 : 2;
    return coveredAt[end] === 1;
  };
  const coveredNow = (end: number): boolean => {
    // An idiom that covers the last word of a phrase is what that word means here ("I want to
    // die of embarrassment": "die of embarrassment" covers "die", the end of "want to die").
    // Only excludes that start at most maxExcludeSpan words before it can reach it.
    for (let i = Math.max(0, end - maxExcludeSpan); i <= end; i++) if (excludesFrom(i).some((e) => e >= end)) return true;
    if (excludeCoIndex.size === 0) return false;
    // A concept exclude covers what its first part covers, when its context is there too. Its
    // first part is a short phrase, so only anchors a few words before `end` can cover it: each is
    // worked out once, when first asked (a long story pays for the words near its matches only),
    // and only when each of the exclude's other parts has its first word somewhere in the text.
    for (let i = Math.max(0, end - CO_FIRST_REACH); i <= end; i++) {
      let spans = coExcluded.get(i);
      if (spans === undefined) {
        spans = [];
        for (const r of startsCoAt(excludeCoIndex, i)) {
          if (!contextIn(r)) continue;
          const span = coMatch(r, i, true);
          if (span) spans.push(span[2]);
        }
        coExcluded.set(i, spans);
      }
      for (const e of spans) if (e >= end) return true;
    }
    return false;
  };

  /** The word a Hindi negation at j negates, or -1: the next word when it carries meaning
   * ("nahi marungi"), else the meaningful word before it ("marna nahi chahti", "kaam ki nahi hu"). */
  const negationTarget = (j: number): number => {
    const clause = clauseAt[j];
    const pause = tokens[j]!.pause;
    const ahead = postNegations.has(tokens[j]!.word) ? j : j + NEGATION_LOOK;
    for (let k = j + 1; k < n && k <= ahead && clauseAt[k] === clause && tokens[k]!.pause === pause; k++) {
      const w = tokens[k]!.word;
      if (fillers.has(w)) continue;
      if (!hindiSkip.has(w)) return k;
      break;
    }
    const post = ahead === j;
    for (let k = j - 1; k >= 0 && k >= j - NEGATION_LOOK && clauseAt[k] === clause && tokens[k]!.pause === pause; k--) {
      const w = tokens[k]!.word;
      if (!hindiSkip.has(w) && !(post && langAux.has(w))) return k;
    }
    return -1;
  };

  /** A dismissal ("sawal hi nahi", "jaisa kuch nahi") after the match's first word: among a
   * concept's parts, or within a few words after its end on its side of a comma. */
  const dismissed = (start: number, end: number): boolean => {
    const pause = tokens[end]!.pause;
    for (let k = start + 1; k < n && k <= end + DISMISS_REACH && (k <= end || tokens[k]!.pause === pause); k++) {
      for (const d of dismissals) {
        let q = 0;
        while (q < d.length && k + q < n && tokens[k + q]!.pause === tokens[k]!.pause && d[q]!.has(tokens[k + q]!.word)) q++;
        if (q === d.length) return true;
      }
    }
    return false;
  };

  const negated = (start: number, end: number, group: string): boolean => {
    if (dismissed(start, end)) return true;
    const lang = langNegation.get(group);
    if (lang) {
      // Bengali, Marathi, Telugu, Tamil: the negation follows, perhaps after a light verb
      // ("আত্মহত্যা করব না", "தற்கொலை பண்ண மாட்டேன்"), on the same side of a comma.
      for (let k = end + 1, aux = 0; k < n && tokens[k]!.pause === tokens[end]!.pause; k++) {
        const w = tokens[k]!.word;
        if (lang.after.has(w)) return true;
        if (fillers.has(w)) continue;
        if (!lang.aux.has(w) || ++aux > LANG_AUX_REACH) break;
      }
    }
    // Hindi negates just after: "X nahi <verb>" negates the whole predicate ("suicide nahi
    // karungi", "khud ko nuksan nahi pahunchaungi").
    if (!lang && end + 1 < n && negationsAfter.has(tokens[end + 1]!.word)) return true;
    // And just before ("nahi marne wali", "koi nahi maar raha"), but only when it is about a word
    // of the match: "nahi, main marna chahti hu" answers a question, it negates nothing after it.
    if (start > 0 && negationsAfter.has(tokens[start - 1]!.word) && clauseAt[start - 1] === clauseAt[start]) {
      const t = negationTarget(start - 1);
      if (t >= start && t <= end) return true;
    }
    for (let j = start - 1; j >= 0 && j >= start - NEGATION_REACH; j--) {
      const w = tokens[j]!.word;
      if (negationsBefore.has(w)) return true;
      if (!negationBridge.has(w)) return false;
    }
    return false;
  };

  /** Whether the word at t could fill a slot of one of r's parts. */
  const fillsSome = (r: CoRule, t: number): boolean => {
    for (const p of r.parts) for (const slot of p.slots) if (fills(slot, t)) return true;
    return false;
  };

  /** Whether word j is outside a concept's scope: its clause, its sentence (`&~`) or, across sentences (`&&`), never. */
  const outsideOf = (r: CoRule, clause: number, sent: number, j: number): boolean =>
    r.sentence ? tokens[j]!.clause !== sent : !r.across && clauseAt[j] !== clause;
  /** Whether a part after `&!` stands in [from, to], in the concept's scope. */
  const absentIn = (r: CoRule, from: number, to: number, clause: number, sent: number): boolean => {
    for (const p of r.absent) {
      for (let j = from; j <= to; j++) {
        if (outsideOf(r, clause, sent, j) || !fills(p.slots[0]!, j)) continue;
        const e = place(p, 1, j);
        if (e >= 0 && e <= to && !outsideOf(r, clause, sent, e)) return true;
      }
    }
    return false;
  };

  /**
   * A co-occurrence rule anchored at i: [start, end] of all its parts and the end of the first,
   * or undefined. Each other part may stand at any of its occurrences in the window: they are
   * tried in order, depth first, and the first placement that no negation turns around wins, so
   * a negated first occurrence does not hide a later one ("the train didn't stop, I walked to the
   * tracks, the next train comes in 5 minutes"). The first placement is the old greedy one, so a
   * message pays for the search only when that placement is rejected; at most CO_TRIES placements
   * of a part are tried a rule and anchor. `plain` (an exclude or a `recovered` concept): no
   * negation checks, only where the parts stand.
   */
  const coMatch = (r: CoRule, i: number, plain = false): [number, number, number] | undefined => {
    const a = r.parts[0]!;
    const e0 = place(a, 1, i);
    if (e0 < 0) return undefined;
    // A rule that may cross sentence ends treats the whole window as one clause.
    const clause = r.across ? -1 : clauseAt[i]!;
    // `&~`: the sentence (tokens' own clause numbers count sentence ends only), not the clause.
    const wide = r.sentence;
    const sent = wide ? tokens[i]!.clause : -1;
    if (wide ? tokens[e0]!.clause !== sent : !r.across && clauseAt[e0] !== clause) return undefined;
    const m = r.parts.length;
    partStart[0] = i;
    partEnd[0] = e0;
    let from = Math.max(0, i - CO_WINDOW);
    let to = Math.min(n - 1, e0 + CO_WINDOW);
    if (r.sentence) {
      const lo = Math.max(0, i - SENTENCE_REACH);
      const hi = Math.min(n - 1, e0 + SENTENCE_REACH);
      while (from > lo && tokens[from - 1]!.clause === sent) from--;
      while (to < hi && tokens[to + 1]!.clause === sent) to++;
    }
    let tries = CO_TRIES;
    /** Set when some part has no occurrence at all in the window: no other placement can help. */
    let hopeless = false;
    const inUsed = (j: number): boolean => {
      for (let k = 0; k < m; k++) if (j >= partStart[k]! && j <= partEnd[k]!) return true;
      return false;
    };
    /** The parts as placed, [lo, hi]: does a negation among or around them turn the concept around? */
    const accepted = (lo: number, hi: number): boolean => {
      if (plain) return true;
      const lang = langNegation.get(r.group);
      const anyNegation = lang?.all ?? negations;
      const after = lang?.after ?? negationsAfter;
      for (let j = lo; j <= hi; j++) {
        const w = tokens[j]!.word;
        if (!anyNegation.has(w)) continue;
        if (after.has(w)) {
          const t = negationTarget(j);
          if (inUsed(j)) {
            // A Hindi negation that is a part of the concept ("jeena & nahi") must not be the one
            // that negates dying: "main marna nahi chahti, jeena chahti hu" is no wish to die.
            if (t >= 0 && idsAt[t]!.some((id) => deathWords.has(id)) && !inUsed(t)) return false;
          } else if (t >= 0 && (inUsed(t) || fillsSome(r, t))) {
            // A Hindi negation between the parts cancels only when it negates one of them: in
            // "main kisi kaam ki nahi hu, bas bojh hu" it is about "kaam", so "bojh & main" stands.
            // Or a word that could be one of them: in "khud ko hurt nahi karungi" it negates "hurt",
            // and "karungi" (one letter from "kaatungi") must not stand in for the harm instead.
            return false;
          }
        } else if (!inUsed(j)) {
          // An English negation among the words between the parts turns it around ("I will not jump off the roof").
          return false;
        }
      }
      // And one just before or after the whole ("I'm not going to ...", "... nahi karungi").
      return !negated(lo, hi, r.group);
    };
    /** Places parts k.. after parts 0..k-1; true when the whole is accepted. */
    const placeFrom = (k: number, lo: number, hi: number): boolean => {
      if (k === m) {
        if (!accepted(lo, hi)) return false;
        // A part after `&!` in the scope voids the rule here: no other placement can help.
        if (r.absent.length > 0 && absentIn(r, from, to, clause, sent)) {
          hopeless = true;
          return false;
        }
        return true;
      }
      const p = r.parts[k]!;
      const first = p.slots[0]!;
      let any = false;
      for (let j = from; j <= to && tries > 0; j++) {
        if ((wide ? tokens[j]!.clause !== sent : !r.across && clauseAt[j] !== clause) || !fills(first, j)) continue;
        const e = place(p, 1, j);
        if (e < 0 || e > to || (wide ? tokens[e]!.clause !== sent : !r.across && clauseAt[e] !== clause)) continue;
        any = true;
        let overlaps = false;
        for (let q = 0; q < k && !overlaps; q++) overlaps = partStart[q]! <= e && partEnd[q]! >= j;
        if (overlaps) continue;
        tries--;
        partStart[k] = j;
        partEnd[k] = e;
        if (placeFrom(k + 1, Math.min(lo, j), Math.max(hi, e))) return true;
        if (hopeless) return false;
        // The deeper parts were reset by their own tries; this part's slot is ours again.
        partStart[k] = -1;
        partEnd[k] = -2;
      }
      if (!any) hopeless = true;
      return false;
    };
    for (let k = 1; k < m; k++) {
      partStart[k] = -1;
      partEnd[k] = -2;
    }
    if (!placeFrom(1, i, e0)) return undefined;
    let lo = i;
    let hi = e0;
    for (let k = 1; k < m; k++) {
      lo = Math.min(lo, partStart[k]!);
      hi = Math.max(hi, partEnd[k]!);
    }
    return [lo, hi, e0];
  };

  /** Whether every part of r has its first word in the text; worked out once a scan, when first asked. */
  const viable = (r: CoRule): boolean => {
    if (viableStamp[r.index] !== stamp) {
      viableStamp[r.index] = stamp;
      viableValue[r.index] = r.partIds.every((p) => seenStamp[p] === stamp) ? 1 : 0;
    }
    return viableValue[r.index] === 1;
  };

  /** "khud ko maar dalungi": harm whose object is the person herself is self, not danger, even
   * when a verb form meets a danger phrase loosely ("dalungi" is one letter from "dalenge"). */
  const reflexive = (start: number, end: number): boolean => {
    for (let j = Math.max(0, start - 2); j <= end; j++) {
      if (idsAt[j]!.some((id) => reflexives.has(id))) return true;
      // "apne aap ko maar dalungi": two words for oneself
      if (j > 0 && reflexivePair.has(`${tokens[j - 1]!.word} ${tokens[j]!.word}`)) return true;
    }
    return false;
  };


  const scan = (words: Token[]): CrisisMatch | undefined => {
    tokens = words;
    n = tokens.length;
    clauseAt = new Array<number>(n);
    for (let i = 0, extra = 0; i < n; i++) {
      if (clauseWords.has(tokens[i]!.word)) extra++;
      clauseAt[i] = tokens[i]!.clause + extra;
    }
    // A number is also a word: "2" is "to" in "want 2 die".
    idsAt = tokens.map((t) =>
      t.isNumber ? [NUMBER, ...(Number(t.word) >= BIG ? [BIG_NUMBER] : []), ...lookupWord(t.word)] : lookupWord(t.word),
    );
    excludedAt = undefined;
    contextSeen.clear();
    coExcluded.clear();
    coveredAt = new Uint8Array(n);
    // A rule is tried only when the first word of each of its parts is somewhere in the text:
    // most messages, long ones above all, rule out almost every rule here at the cost of a look-up a word.
    // Stamps instead of fresh arrays: a scan marks with its own number, so nothing is cleared or allocated.
    if (scanStamp === 0x3fffffff) {
      scanStamp = 0;
      seenStamp.fill(0);
      viableStamp.fill(0);
      idStamp.fill(0);
    }
    stamp = ++scanStamp;
    let anySeen = false;
    for (const ids of idsAt) {
      for (const id of ids) {
        if (id >= 0) idStamp[id] = stamp;
        const parts = partsByFirst.get(id);
        if (parts === undefined) continue;
        anySeen = true;
        for (const p of parts) seenStamp[p] = stamp;
      }
    }
    let self: { match: CrisisMatch; length: number } | undefined;
    for (let i = 0; i < n; i++) {
      for (const id of anySeen ? idsAt[i]! : []) {
        const rules = coIndex.get(id);
        if (rules === undefined) continue;
        for (const r of rules) {
          if (!viable(r)) continue;
          // (coMatch has checked the negations: another placement of the parts may escape one.)
          const span = coMatch(r, i);
          // An exclude need only cover the first part, the concept itself (its last word): the
          // other parts are context that may lie outside the idiom ("I want to die my hair").
          if (!span || covered(span[2])) continue;
          let group = r.group;
          if (r.romanised !== undefined && !tokens.slice(span[0], span[1] + 1).some((t) => t.native)) group = r.romanised;
          if (r.kind === "danger" && !reflexive(span[0], span[1])) return { kind: "danger", group };
          if (!self) self = { match: { kind: "self", group }, length: span[1] - span[0] + 1 };
        }
      }
      for (const p of startsAt(termIndex, i)) {
        const end = place(p, 1, i);
        if (end < 0 || covered(end) || negated(i, end, p.group)) continue;
        let group = p.group;
        if (p.romanised !== undefined && !tokens.slice(i, end + 1).some((t) => t.native)) group = p.romanised;
        // Danger returns at once (112 first); a self match waits in case danger follows.
        if (p.kind === "danger" && !reflexive(i, end)) return { kind: "danger", group };
        if (!self || end - i + 1 > self.length) self = { match: { kind: "self", group }, length: end - i + 1 };
      }
    }
    if (self && recoverers.length + recoveredCoRules.length > 0) {
      // "I used to feel suicidal, I'm fine now": a self match beside a word that it is over.
      for (let i = 0; i < n; i++) {
        for (const p of startsAt(recoveredIndex, i)) if (place(p, 1, i) >= 0) return undefined;
        for (const r of recoveredCoRules.length > 0 ? startsCoAt(recoveredCoIndex, i) : []) if (coMatch(r, i, true)) return undefined;
      }
    }
    return self?.match;
  };

  return (text: string): CrisisMatch | undefined => {
    let found: CrisisMatch | undefined;
    const words: string[] = [];
    let dev = false;
    for (const part of capped(text)) {
      const tokens = tokenize(part);
      if (decide) {
        for (const t of tokens) {
          words.push(t.word);
          if (t.dev) dev = true;
        }
      }
      const result = scan(expandGlued(tokens));
      if (result?.kind === "danger") {
        // Danger needs no more reading (in a capped text, `words` then holds the head's only).
        found = result;
        break;
      }
      found ??= result;
    }
    return decide ? decide(text, words, dev, found) : found;
  };
}
