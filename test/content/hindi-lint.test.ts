/**
 * Locale lint: the checks a reviewer of the Hindi (and of English plurals) would otherwise do by eye.
 *  1. The bot speaks in a neutral voice in hi.ftl: no gendered first-person verb endings
 *     (करूँगा, कर रहा हूँ, सकता हूँ…) outside the keys where the person speaks for themself.
 *  2. A number never meets a plural noun without a plural selector ("1 items", "1 फ़ाइलें"),
 *     in en.ftl and hi.ftl: a numeric variable followed by a noun must sit inside a selector on
 *     that variable, a [one]/[1] variant must not hold a plural noun, and a written "1" must not
 *     stand before a plural noun.
 *  3. Every word the glossary at the top of hi.ftl says NOT to use is absent from hi.ftl's texts,
 *     and every chosen word is really used.
 * Each check is a function run on the real files and, below, on a bad sample it must catch.
 */
import { readFileSync } from "node:fs";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";

type Literal = { type: "str"; value: string } | { type: "num"; value: number; precision: number };
type Expression = Literal | { type: "var"; name: string } | { type: "select"; selector: Expression; variants: { key: Literal; value: Pattern }[]; star: number } | { type: "term" | "mesg" | "func" };
type Pattern = string | (string | Expression)[];
type Entry = { id: string; value: Pattern | null; attributes: Record<string, Pattern> };

const source = (locale: string) => readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
const entries = (ftl: string) => new FluentResource(ftl).body as unknown as Entry[];
const patterns = (e: Entry): Pattern[] => [...(e.value === null ? [] : [e.value]), ...Object.values(e.attributes)];

/** Every piece of literal text a message can show, all variants included, joined with spaces. */
function textOf(p: Pattern): string {
  if (typeof p === "string") return p;
  return p.map((el) => (typeof el === "string" ? el : el.type === "select" ? el.variants.map((v) => textOf(v.value)).join(" ") : el.type === "str" ? el.value : " ")).join("");
}

// ── 1. Neutral bot voice (hi) ──────────────────────────────────────────────────────────────────

/**
 * Keys where the PERSON speaks (a button they tap, or the complaint they paste as their own) and a
 * gendered first-person form would be acceptable. Empty on purpose: those texts are written to be
 * gender-neutral too ("मैं अभी सुरक्षित हूँ", passive complaint lines). Add a key here only with a
 * comment saying whose voice it is and why no neutral form reads naturally.
 */
const PERSON_VOICE_GENDERED = new Set<string>([]);

/** Gendered first-person endings: future -ूँगा/-ूँगी, and a verb or participle in -ा/-ी before हूँ (रहा हूँ, सकती हूँ), मैं … था/थी. */
const GENDERED_FIRST_PERSON = [
  /[\u0942\u090A][\u0901\u0902]ग[\u093E\u0940](?![\p{L}\p{M}])/u, // करूँगा, बनाऊँगी, खोलूंगा
  /[\p{L}\p{M}]*[\u093E\u0940]\s+हू[\u0901\u0902](?![\p{L}\p{M}])/u, // रहा हूँ, सकता हूँ, गई हूं
  /(?<![\p{L}\p{M}])मैं\s[^।.!?;:\n]*?\s(?:था|थी)(?![\p{L}\p{M}])/u, // मैं … था
];

export function voiceOffenders(ftl: string, allowed: ReadonlySet<string> = PERSON_VOICE_GENDERED): string[] {
  const found: string[] = [];
  for (const e of entries(ftl)) {
    if (allowed.has(e.id)) continue;
    const text = patterns(e).map(textOf).join(" ");
    for (const re of GENDERED_FIRST_PERSON) {
      const m = re.exec(text);
      if (m) found.push(`${e.id}: ${m[0].trim()}`);
    }
  }
  return found;
}

// ── 2. Numbers and plural nouns (en, hi) ───────────────────────────────────────────────────────

/** Variables the code fills with a count or a limit (numbers that can be 1). */
const NUMERIC_VARS = new Set(["count", "max", "total", "done", "sections", "offered", "current", "n", "page", "pages"]);

/** Words that may follow a number directly without being a countable noun. */
const AFTER_NUMBER_OK: Record<string, Set<string>> = {
  en: new Set(["of", "more", "earlier", "MB"]),
  hi: new Set(["में", "से", "को", "का", "की", "के", "पर", "MB"]),
};

/** Plural noun forms that differ from the singular, so "1 …" before them is wrong. */
export const PLURAL_NOUNS: Record<string, string[]> = {
  en: ["items", "files", "steps", "days", "hours", "minutes", "parts", "links", "accounts", "dates", "notes", "demands", "characters", "sections", "pages", "bytes", "years", "fingerprints", "messages", "things"],
  hi: ["चीज़ें", "चीज़ों", "फ़ाइलें", "फ़ाइलों", "तारीखें", "तारीखों", "माँगें", "माँगों", "हिस्से", "हिस्सों", "कदमों", "घंटे", "घंटों", "मिनटों", "दिनों", "सालों", "अक्षरों", "नोटों", "पेजों", "धाराओं", "मैसेजों", "लिंकों"],
};

const WORD = /^\s*([\p{L}\p{M}]+)/u;

export function pluralOffenders(ftl: string, locale: string): string[] {
  const found: string[] = [];
  const nouns = new Set(PLURAL_NOUNS[locale]);
  const ok = AFTER_NUMBER_OK[locale]!;
  const nounAt = (text: string) => WORD.exec(text)?.[1];

  /** `inside`: the selectors this pattern is nested in, with the variant key taken. */
  function walk(id: string, p: Pattern, inside: { name: string; key: string }[]) {
    if (typeof p === "string") p = [p];
    p.forEach((el, i) => {
      if (typeof el === "string") {
        for (const m of el.matchAll(/(?<![\d.,\-/])1\s+([\p{L}\p{M}]+)/gu)) if (nouns.has(m[1]!)) found.push(`${id}: "1 ${m[1]}"`);
        return;
      }
      if (el.type === "select") {
        const name = el.selector.type === "var" ? el.selector.name : "";
        for (const v of el.variants) walk(id, v.value, [...inside, { name, key: String(v.key.value) }]);
        return;
      }
      if (el.type !== "var" || !NUMERIC_VARS.has(el.name)) return;
      const next = p[i + 1];
      const word = typeof next === "string" ? nounAt(next) : undefined;
      if (!word || ok.has(word)) return;
      const selector = inside.findLast((s) => s.name === el.name);
      if (!selector) found.push(`${id}: { $${el.name} } ${word} (no selector)`);
      else if ((selector.key === "one" || selector.key === "1") && nouns.has(word)) found.push(`${id}: [${selector.key}] { $${el.name} } ${word}`);
    });
  }
  for (const e of entries(ftl)) for (const p of patterns(e)) walk(e.id, p, []);
  return found;
}

// ── 3. Glossary (hi) ───────────────────────────────────────────────────────────────────────────

/** `# Glossary: concept → chosen word (not: other, words)` lines at the top of hi.ftl. */
export function glossaryOf(ftl: string): { concept: string; use: string; not: string[] }[] {
  return [...ftl.matchAll(/^# Glossary: (.+?) → (.+?)(?: \(not: (.+)\))?$/gmu)].map((m) => ({
    concept: m[1]!,
    use: m[2]!,
    not: m[3] ? m[3].split(",").map((w) => w.trim()).filter(Boolean) : [],
  }));
}

/** A word counts where it starts a word (so "सहेज" also catches सहेजें, सहेजी). */
const startsWord = (word: string) => new RegExp(`(?<![\\p{L}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");

export function glossaryOffenders(ftl: string): string[] {
  const found: string[] = [];
  const texts = entries(ftl).map((e) => ({ id: e.id, text: patterns(e).map(textOf).join(" ") }));
  for (const g of glossaryOf(ftl)) {
    for (const bad of g.not) for (const t of texts) if (startsWord(bad).test(t.text)) found.push(`${t.id}: "${bad}" (glossary: ${g.concept} → ${g.use})`);
    const chosen = g.use.split(" / ").map((w) => w.trim());
    if (!texts.some((t) => chosen.some((w) => startsWord(w).test(t.text)))) found.push(`glossary ${g.concept}: "${g.use}" is never used`);
  }
  return found;
}

describe("locale lint", () => {
  it("hi.ftl has a glossary at the top", () => {
    const hi = source("hi");
    expect(glossaryOf(hi).length).toBeGreaterThanOrEqual(10);
    const firstKey = hi.search(/^[a-z][a-z0-9-]* =/m);
    expect(hi.indexOf("# Glossary:")).toBeLessThan(firstKey);
  });

  it("the bot's voice in hi.ftl is gender-neutral", () => {
    expect(voiceOffenders(source("hi"))).toEqual([]);
  });

  it.each(["en", "hi"])("in %s, no number meets a plural noun without a plural selector", (locale) => {
    expect(pluralOffenders(source(locale), locale)).toEqual([]);
  });

  it("hi.ftl uses the glossary's words, never the ones it rules out", () => {
    expect(glossaryOffenders(source("hi"))).toEqual([]);
  });

  describe("each check catches a bad sample", () => {
    it("voice", () => {
      const bad = ["a = मैं फ़ाइल नहीं खोलूँगा।", "b = मैं एक फ़ाइल का इंतज़ार कर रहा हूँ।", "c = यह मैं कर सकती हूं", "d = मैं वहाँ नहीं था", "ok = फ़ाइल खोली नहीं जाएगी। मैं अभी सुरक्षित हूँ।"].join("\n");
      expect(voiceOffenders(bad).map((o) => o.split(":")[0])).toEqual(["a", "b", "c", "d"]);
      expect(voiceOffenders(bad, new Set(["a", "b", "c", "d"]))).toEqual([]);
    });

    it("plurals", () => {
      const en = [
        "a = It now has { $count } items.",
        "b = { $count ->\n    [one] { $count } items\n   *[other] { $count } items\n}",
        "c = You kept 1 files.",
        "ok = { $count ->\n    [one] { $count } item\n   *[other] { $count } items\n} of { $max }, 10 files, step { $current } of { $total }",
      ].join("\n");
      expect(pluralOffenders(en, "en").map((o) => o.split(":")[0])).toEqual(["a", "b", "c"]);
      const hi = ["a = अब इसमें { $count } चीज़ें हैं।", "b = 1 फ़ाइलें रखी हैं", "ok = { $count ->\n    [1] 1 चीज़\n   *[other] { $count } चीज़ें\n}, { $max } में से, 20 भाषाओं में"].join("\n");
      expect(pluralOffenders(hi, "hi").map((o) => o.split(":")[0])).toEqual(["a", "b"]);
    });

    it("glossary", () => {
      const hi = ["# Glossary: save → सेव करें (not: सहेज)", "# Glossary: message → मैसेज (not: संदेश)", "", "a = इसे सहेज लें।", "b = सेव करें, मैसेज भेजें", "c = नए संदेशों"].join("\n");
      expect(glossaryOffenders(hi).map((o) => o.split(":")[0])).toEqual(["a", "c"]);
      expect(glossaryOffenders("# Glossary: save → सेव करें (not: सहेज)\n\na = कुछ नहीं")).toEqual(['glossary save: "सेव करें" is never used']);
    });
  });
});
