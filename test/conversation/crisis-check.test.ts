import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../../src/content/load.js";
import { createCrisisCheck, CrisisModelError, parseCrisisModel, VETO, VETO_MAX_WORDS } from "../../src/conversation/crisis-check.js";
import { createCrisisDetector, MODEL_NEGATIONS, normalisedWords } from "../../src/conversation/crisis-detector.js";
import { createCrisisModelDetector, createCrisisScorer, MODEL_MIN_WORDS, packCrisisModel, type CrisisModelData } from "../../src/conversation/crisis-model.js";
import { loadConversationDeps, readCrisisModel, ROOT } from "../../src/deps.js";

const MODEL_FILE = `${ROOT}/flows/crisis-model.json`;
const terms = loadContent(`${ROOT}/flows`).crisis;
const model = readCrisisModel(MODEL_FILE);
const rules = createCrisisDetector(terms);
const modelAlone = createCrisisModelDetector(model);
const check = createCrisisCheck(terms, model);
const scorer = createCrisisScorer(model, MODEL_NEGATIONS);
/** The veto as crisis-check.ts states it, worked out here from its parts. */
function vetoed(text: string): boolean {
  const { words } = normalisedWords(text);
  if (text.trimStart().startsWith("/") || words.length < MODEL_MIN_WORDS || words.length > VETO_MAX_WORDS) return false;
  return scorer(words).crisis < VETO;
}

// Written for this test, not taken from any fixture. Each is missed by the rules as they stand
// (if a rule now catches one, the rules improved: replace it with a phrasing they still miss).
const missedByRules: [lang: string, kind: "self" | "danger", text: string][] = [
  ["en", "self", "everyone will be better off, i have made up my mind about tonight"],
  ["en", "self", "i have given my cat to my neighbour and cleaned my room, nothing left to sort"],
  ["en", "danger", "he said if i tell anyone he will come back and finish what he started"],
  ["hi", "self", "मेरे जाने के बाद किसी को फर्क नहीं पड़ेगा"],
  ["hi", "self", "मैंने अपनी सारी चीजें बहन को दे दी हैं, अब कुछ बाकी नहीं"],
  ["hi", "self", "अब मुझसे जिया नहीं जाता"],
  ["hinglish", "self", "ab mujhse jiya nahi jata"],
  ["hinglish", "self", "mere jaane ke baad kisi ko fark nahi padega"],
  ["hinglish", "self", "maine apni saari cheezein di ko de di, ab kuch baaki nahi"],
];

const everyday = [
  "how do i delete my old instagram account",
  "my exam is tomorrow and i am so stressed",
  "he posted my photo without asking, what can i do",
  "this heat is killing me lol",
  "i could just die of embarrassment",
  "i'm dead tired after work",
  "thank you so much, this really helped",
  "कल मेरी परीक्षा है, बहुत डर लग रहा है",
  "मुझे अपनी फोटो हटवानी है",
  "मैं ठीक हूँ, बस थोड़ी परेशान हूँ",
  "mujhe complaint file karni hai cyber cell me",
  "bas thodi pareshan hu, baaki sab theek hai",
  "usne meri pics leak kar di yaar, ab kya karu",
];

// One to three words: the model alone scored several of these above its threshold; it says
// nothing below MODEL_MIN_WORDS words, nor on a bot command.
const shortReplies = ["no", "nothing", "no one", "i'm done", "i'm tired", "goodbye", "mujhse nahi hoga", "sab khatam", "नहीं", "Note", "/letters"];

describe("crisis check: the rules, then the model when they say nothing", () => {
  it.each(missedByRules)("%s: catches what the rules miss (%s): %s", (lang, kind, text) => {
    expect(rules(text)).toBeUndefined();
    expect(modelAlone(text)?.kind).toBe(kind);
    expect(check(text)).toEqual({ kind, group: lang });
  });

  it.each(everyday)("stays quiet on everyday talk: %s", (text) => {
    expect(check(text)).toBeUndefined();
  });

  it.each(shortReplies)("stays quiet on a short reply or a command: %s", (text) => {
    expect(rules(text)).toBeUndefined();
    expect(check(text)).toBeUndefined();
  });

  it("never overrides a rule match: the rules' answer, kind and group, is the answer", () => {
    // A model that calls everything self with certainty: a danger rule still says danger.
    const loud: CrisisModelData = { version: 1, buckets: 1 << 18, charWeight: 0.3, threshold: 0.5, bias: [20, -20], weights: [0, 0.1, 0] };
    const loudCheck = createCrisisCheck(terms, packCrisisModel(loud));
    const ruleHits = [
      "he is outside my door with a knife",
      "वो घर के बाहर चाकू लेकर खड़ा है",
      "I want to die",
      "main marna chahti hu",
      "मैं मरना चाहती हूँ",
    ];
    for (const text of ruleHits) {
      const byRules = rules(text);
      expect(byRules, text).toBeDefined();
      expect(loudCheck(text), text).toEqual(byRules);
      expect(check(text), text).toEqual(byRules);
    }
    expect(loudCheck("how do i report a fake profile")).toEqual({ kind: "self", group: "en" });
  });

  describe("the model's veto on a short rule match it is sure is everyday talk", () => {
    // A model sure of nothing but "none": every crisis probability is about e^-10.
    const calm: CrisisModelData = { version: 1, buckets: 1 << 18, charWeight: 0.3, threshold: 0.5, bias: [-10, -10], weights: [0, 0.1, 0] };
    const calmCheck = createCrisisCheck(terms, packCrisisModel(calm));

    it("drops a rule match of 4 to 15 words the model gives less than VETO", () => {
      const text = "he is outside my door with a knife";
      expect(rules(text)?.kind).toBe("danger");
      expect(calmCheck(text)).toBeUndefined();
    });

    it("never drops a match of fewer than 4 words, a longer message, or a command", () => {
      for (const text of ["want to die", "main marna chahti", `${"he posted my photos and my family saw them. ".repeat(3)}I want to die`]) {
        expect(rules(text), text).toBeDefined();
        expect(calmCheck(text), text).toEqual(rules(text));
      }
      expect(VETO_MAX_WORDS).toBeGreaterThanOrEqual(MODEL_MIN_WORDS);
    });

    it("with the shipped model, drops no crisis the rules catch in any development set's crisis cases", () => {
      const lost: string[] = [];
      for (const f of readdirSync(`${ROOT}/test/fixtures/crisis`).filter((n) => !n.startsWith("held-out"))) {
        const { cases } = parse(readFileSync(`${ROOT}/test/fixtures/crisis/${f}`, "utf8")) as { cases: { expect: string; text: string }[] };
        for (const c of cases) if (c.expect !== "none" && rules(c.text) && !check(c.text)) lost.push(`${f}: ${c.text}`);
      }
      expect(lost).toEqual([]);
    });

    it("with the shipped model, quiets some everyday talk the rules mistake for a crisis in the development sets", () => {
      const quieted: string[] = [];
      for (const f of readdirSync(`${ROOT}/test/fixtures/crisis`).filter((n) => !n.startsWith("held-out"))) {
        const { cases } = parse(readFileSync(`${ROOT}/test/fixtures/crisis/${f}`, "utf8")) as { cases: { expect: string; text: string }[] };
        for (const c of cases) if (c.expect === "none" && rules(c.text) && !check(c.text)) quieted.push(c.text);
      }
      expect(quieted.length).toBeGreaterThan(0);
      for (const text of quieted) expect(normalisedWords(text).words.length, text).toBeLessThanOrEqual(VETO_MAX_WORDS);
    });
  });

  it("reads each message once, and says what the rules (less the veto) then the model alone say, on whole development sets and a paste over 4,096 characters", () => {
    const texts = ["tuning.yaml", "dev10.yaml", "dev2-ta.yaml", "dev-bn.yaml"].flatMap(
      (f) => (parse(readFileSync(`${ROOT}/test/fixtures/crisis/${f}`, "utf8")) as { cases: { text: string }[] }).cases.map((c) => c.text),
    );
    const paste = `${"he posted my photos and everyone saw them. ".repeat(60)}ab jeene ka mann nahi karta, ${"kal exam hai. ".repeat(300)}`;
    texts.push(paste, `/start ${missedByRules[0]![2]}`);
    let caught = 0;
    for (const text of texts) {
      const expected = rules(text) ? (vetoed(text) ? undefined : rules(text)) : modelAlone(text);
      if (expected) caught++;
      expect(check(text), text).toEqual(expected);
    }
    expect(caught).toBeGreaterThan(500);
  });

  it("the bot's detectCrisis is this check, with the shipped model", () => {
    const { detectCrisis } = loadConversationDeps();
    for (const [, , text] of missedByRules) expect(detectCrisis(text)).toEqual(check(text));
    for (const text of everyday) expect(detectCrisis(text)).toBeUndefined();
  });

  it("ships a small packed model", () => {
    expect(model.version).toBe(2);
    expect(model.threshold).toBe(0.68);
    expect(statSync(MODEL_FILE).size).toBeLessThan(1024 * 1024);
  });
});

describe("crisis model file: a bad one stops the start, naming the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "nyf-crisis-model-"));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("missing", () => {
    expect(() => readCrisisModel(join(dir, "absent.json"))).toThrow(CrisisModelError);
    expect(() => readCrisisModel(join(dir, "absent.json"))).toThrow(/absent\.json: cannot be read/);
  });

  it("not JSON", () => {
    const path = write("corrupt.json", '{"version":2,"buckets":');
    expect(() => readCrisisModel(path)).toThrow(/corrupt\.json: is not valid JSON/);
  });

  it("not a model, or a model cut short", () => {
    const shipped = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as Record<string, unknown>;
    const bad: [string, unknown][] = [
      ["array", []],
      ["old", { ...shipped, version: 1 }],
      ["buckets", { ...shipped, buckets: 1024 }],
      ["threshold", { ...shipped, threshold: 1.5 }],
      ["bias", { ...shipped, bias: [1] }],
      ["present", { ...shipped, present: "not base64!" }],
      ["short", { ...shipped, weights: (shipped.weights as string).slice(0, 4000) }],
      ["bitmap", { ...shipped, present: (shipped.present as string).slice(0, 100) }],
    ];
    for (const [name, data] of bad) {
      const path = write(`${name}.json`, JSON.stringify(data));
      expect(() => readCrisisModel(path), name).toThrow(new RegExp(`${name}\\.json: not a crisis model`));
    }
    expect(() => parseCrisisModel(shipped, "flows/crisis-model.json")).not.toThrow();
  });
});
