import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { freshContext, type ConversationContext, type Locale } from "../../src/conversation/machine.js";
import type { EvidenceItem } from "../../src/evidence/item.js";
import { buildReport } from "../../src/report/case-report.js";
import { renderPdf, reportFontFilesFor } from "../../src/report/render-pdf.js";
import type { ReportDocument } from "../../src/report/report-document.js";
import { conversationDeps } from "../support/deps.js";
import { actualText, squash } from "../support/pdf-text.js";
import { allText } from "./report-text.js";

/**
 * A report in Bengali, Marathi, Telugu or Tamil is set in its own script's Noto family, shaped
 * (conjuncts formed), with a glyph for every character, and copies back out as written.
 */

interface FontkitFont {
  layout(text: string): { glyphs: { id: number }[] };
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const fontkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"))("fontkit") as { create(b: Buffer): FontkitFont };
const fontFor = (locale: Locale, weight: "regular" | "bold") => fontkit.create(readFileSync(reportFontFilesFor(locale)[weight]));
// Rendering once installs render-pdf's guard for fontkit's NULL-anchor bug (Telugu) before any layout here.
const guarded = renderPdf({ locale: "te", title: "ప్ర", intro: [], sections: [], footer: "" } as unknown as ReportDocument);

const deps = conversationDeps();
const evidence: EvidenceItem[] = [
  { id: 1, kind: "date", at: "2026-11-20T16:10:00.000Z", when: "2026-11-18T21:30", what: "first threat" },
  { id: 2, kind: "handle", at: "2026-11-20T16:11:00.000Z", handle: "@priya.friend.2026" },
  { id: 3, kind: "link", at: "2026-11-20T16:12:00.000Z", url: "https://instagram.com/priya.friend.2026" },
  { id: 4, kind: "money", at: "2026-11-20T16:14:00.000Z", amount: "15000", currency: "INR", upi: "quickcash77@okaxis", paid: false },
  { id: 5, kind: "file", at: "2026-11-20T16:16:00.000Z", sha256: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", size: 284_113, type: "photo", mime: "image/jpeg" },
];

function report(locale: Locale): ReportDocument {
  const context: ConversationContext = { ...freshContext(locale), incident: "sextortion", age: "adult", platforms: ["instagram"], country: "in", done: ["keep-chats"], visited: ["safety", "incident", "evidence"], evidence, nextId: 6 };
  return buildReport({ content: deps.content, context, t: deps.translate(locale), now: new Date("2026-11-20T16:30:00.000Z") });
}

/** Conjuncts that must come out as fewer glyphs than letters when shaped. */
const CONJUNCTS: Record<string, string[]> = {
  bn: ["ক্ষ", "প্র", "ন্ত"],
  mr: ["क्ष", "प्र", "स्क्रीनशॉट"],
  te: ["క్ష", "ప్ర", "స్క్రీన్‌షాట్"],
  ta: ["க்ஷ", "ஸ்ரீ"],
};
const SCRIPT: Record<string, RegExp> = { bn: /\p{Script=Bengali}/u, mr: /\p{Script=Devanagari}/u, te: /\p{Script=Telugu}/u, ta: /\p{Script=Tamil}/u };

describe("reports in Bengali, Marathi, Telugu and Tamil", () => {
  it.each(["bn", "mr", "te", "ta"] as const)("%s: the report's text is in its script, with a glyph for every character", async (locale) => {
    await guarded;
    const doc = report(locale);
    const text = allText(doc);
    expect(text).toMatch(SCRIPT[locale]!);
    for (const weight of ["regular", "bold"] as const) {
      const font = fontFor(locale, weight);
      const missing = [...new Set(text)].filter((ch) => !/\s/u.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      // Characters no Noto family of this size carries (arrows, check marks) are drawn by no report text.
      expect(missing, `${locale} ${weight}`).toEqual([]);
      const notdef = text.split("\n").filter((line) => line.trim() !== "" && font.layout(line).glyphs.some((g) => g.id === 0));
      expect(notdef, `${locale} ${weight}`).toEqual([]);
    }
  });

  it.each(["bn", "mr", "te", "ta"] as const)("%s: conjuncts are shaped, not drawn letter by letter", async (locale) => {
    await guarded;
    const font = fontFor(locale, "regular");
    for (const word of CONJUNCTS[locale]!) expect(font.layout(word).glyphs.length, word).toBeLessThan([...word].length);
  });

  it.each(["bn", "mr", "te", "ta"] as const)("%s: a rendered report copies back out as written (ActualText), hashes intact", async (locale) => {
    const doc = report(locale);
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const copied = squash(actualText(pdf).join(""));
    expect(copied).toContain(squash(doc.title));
    const firstHeading = doc.sections.find((s) => SCRIPT[locale]!.test(s.heading))!.heading;
    expect(copied).toContain(squash(firstHeading));
    // The file's own bytes carry the hash as drawn (Courier, ASCII): it is there whatever the script.
    expect(allText(doc)).toContain(evidence[4]!.kind === "file" ? evidence[4]!.sha256 : "");
  });

  it("a Hindi or English report still uses the Devanagari family; Bengali, Telugu and Tamil their own", () => {
    expect(reportFontFilesFor("en").regular).toBe(reportFontFilesFor("hi").regular);
    expect(reportFontFilesFor("mr").regular).toBe(reportFontFilesFor("hi").regular);
    expect(new Set((["bn", "te", "ta", "hi"] as const).map((l) => reportFontFilesFor(l).regular)).size).toBe(4);
  });
});
