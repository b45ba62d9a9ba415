import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { freshContext, type ConversationContext, type Locale } from "../../src/conversation/machine.js";
import type { EvidenceItem } from "../../src/evidence/item.js";
import { buildReport } from "../../src/report/case-report.js";
import { BSA, formatIst } from "../../src/report/certificate.js";
import { PdfRenderer } from "../../src/report/pdf-renderer.js";
import { renderPdf } from "../../src/report/render-pdf.js";
import type { ReportDocument, ReportSection } from "../../src/report/report-document.js";
import { conversationDeps } from "../support/deps.js";
import { actualText, hasNotdef, missingGlyphs, pdfPages, squash } from "../support/pdf-text.js";
import { allText } from "./report-text.js";

const NOW = new Date("2026-11-20T16:30:00.000Z");
const HASH_PHOTO = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
const HASH_DOC = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
/** What might carry her name or who she is, if the appendix ever took text from the log. */
const PERSONAL = ["Priya Sharma", "priya.sharma.2026", "https://instagram.com/priya.sharma.2026"];

function log(files: EvidenceItem[]): EvidenceItem[] {
  return [
    { id: 1, kind: "note", at: "2026-11-20T16:05:00.000Z", text: "My name is Priya Sharma and he has my photos." },
    { id: 2, kind: "handle", at: "2026-11-20T16:06:00.000Z", handle: "@priya.sharma.2026" },
    { id: 3, kind: "link", at: "2026-11-20T16:07:00.000Z", url: "https://instagram.com/priya.sharma.2026" },
    ...files,
  ];
}

const TWO_FILES: EvidenceItem[] = [
  { id: 4, kind: "file", at: "2026-11-20T16:16:00.000Z", sha256: HASH_PHOTO, size: 284_113, type: "photo", mime: "image/jpeg" },
  { id: 5, kind: "file", at: "2026-11-20T18:41:00.000Z", sha256: HASH_DOC, size: 1_048_576, type: "document", mime: "video/mp4" },
];

function context(locale: Locale, evidence: EvidenceItem[], country: ConversationContext["country"] = "in"): ConversationContext {
  return { ...freshContext(locale), incident: "sextortion", age: "adult", platforms: ["instagram"], country, evidence, nextId: evidence.length + 1 };
}

function report(locale: Locale, evidence: EvidenceItem[], country: ConversationContext["country"] = "in"): ReportDocument {
  const deps = conversationDeps();
  return buildReport({ content: deps.content, context: context(locale, evidence, country), t: deps.translate(locale), now: NOW });
}

const t = (locale: Locale) => conversationDeps().translate(locale);

/** The appendix: the sections from the plain-words page on. */
function appendix(doc: ReportDocument, locale: Locale): ReportSection[] {
  const start = doc.sections.findIndex((s) => s.heading === t(locale)("cert-plain-heading"));
  return start < 0 ? [] : doc.sections.slice(start);
}

function textOf(sections: ReportSection[]): string {
  return allText({ locale: "en", title: "", intro: [], sections, footer: "" });
}

/** A distinct, valid-looking SHA-256 for item `i`. */
const hashOf = (i: number) => createHash("sha256").update(`file ${i}`).digest("hex");

const renderers: PdfRenderer[] = [];
afterAll(async () => {
  for (const r of renderers) await r.close();
});

describe("the section 63 certificate appendix", () => {
  it("is absent when the log holds no file fingerprint, and outside India", async () => {
    for (const locale of ["en", "hi"] as const) {
      expect(appendix(report(locale, log([])), locale)).toEqual([]);
      expect(appendix(report(locale, []), locale)).toEqual([]);
      expect(appendix(report(locale, log(TWO_FILES), "pk"), locale)).toEqual([]);
    }
    const { text } = await pdfPages(await renderPdf(report("en", log([]))));
    expect(text).not.toContain("63(4)");
    expect(text).not.toContain("Part B");
  });

  it("follows the report with a plain-words page, Part A and Part B, each page break where it belongs", () => {
    const doc = report("en", log(TWO_FILES));
    const sections = appendix(doc, "en");
    expect(sections.map((s) => s.heading)).toEqual([t("en")("cert-plain-heading"), t("en")("cert-a-heading"), t("en")("cert-b-heading")]);
    expect(sections.map((s) => s.newPage ?? false)).toEqual([true, true, false]);
    // The report itself comes first, unchanged: its helplines are the section before.
    expect(doc.sections[doc.sections.indexOf(sections[0]!) - 1]!.heading).toBe(t("en")("report-helplines-heading"));
    const partA = sections[1]!.blocks;
    // SHA256 ticked; every source, the other algorithms and "hash report enclosed" left for her.
    const ticked = partA.flatMap((b) => (b.kind === "checkboxes" ? b.items : [])).filter((i) => i.checked);
    expect(ticked.map((i) => i.label)).toEqual(["SHA256"]);
    // Name, address, device and signature fields are write-in lines with nothing in them.
    const blanks = partA.flatMap((b) => (b.kind === "blanks" ? b.rows : []));
    expect(blanks.map((r) => r.label)).toEqual(
      ["cert-a-name", "cert-a-address", "cert-a-make-model", "cert-a-colour", "cert-a-serial", "cert-a-imei", "cert-a-signature", "cert-a-date", "cert-a-time", "cert-a-place"].map((k) => t("en")(k)),
    );
    const notice = partA[0]!;
    expect(notice.kind).toBe("notice");
    expect(notice.kind === "notice" && notice.text).toContain("DRAFT — to be checked with a lawyer");
  });

  it("carries only fingerprints and times from the log: nothing that could name her", () => {
    for (const locale of ["en", "hi"] as const) {
      const doc = report(locale, log(TWO_FILES));
      const text = textOf(appendix(doc, locale));
      for (const personal of PERSONAL) expect(text, personal).not.toContain(personal);
      // The report's own timeline does hold them (she typed them), so the check is not vacuous.
      expect(textOf(doc.sections)).toContain("Priya Sharma");
    }
  });

  it("in English: Part A's page holds every fingerprint in full, SHA256, the received times in IST, blank device fields, and Part B's note", async () => {
    const { pages } = await pdfPages(await renderPdf(report("en", log(TWO_FILES))));
    const plain = pages.findIndex((p) => p.includes("section 63 certificate, in plain words"));
    const partA = pages.findIndex((p) => p.includes("Certificate under section 63(4)"));
    expect(plain).toBeGreaterThan(0);
    expect(partA).toBeGreaterThan(plain);
    // Each starts its own page.
    expect(pages[plain]!.trimStart().startsWith("Appendix: section 63 certificate")).toBe(true);
    expect(pages[partA]!.trimStart().startsWith("Certificate under section 63(4)")).toBe(true);

    const plainText = squash(pages[plain]!);
    for (const phrase of [
      `certificate under section 63 of the ${BSA}`,
      "Part B must be filled in and signed by an expert: for example the police cyber cell, or a forensic lab or examiner.",
      "Who counts as an expert is not settled. In 2024 the Madras High Court",
      "the Supreme Court held that this is not needed, but that judgment was not found.",
      "Keep the original phone and files as they are",
      "Never type them into this chat: an IMEI identifies your phone",
      "The full text of Part B was not available",
      "This is practical guidance, not official advice.",
    ]) {
      expect(plainText, phrase).toContain(squash(phrase));
    }

    const form = squash(pages.slice(partA).join("\n"));
    for (const phrase of [
      "DRAFT — to be checked with a lawyer.",
      HASH_PHOTO,
      HASH_DOC,
      "SHA1SHA256MD5Other",
      `File #4 · photo ${HASH_PHOTO} Received by the bot ${formatIst(TWO_FILES[0]!.at)}`,
      `File #5 · document ${HASH_DOC} Received by the bot ${formatIst(TWO_FILES[1]!.at)}`,
      "Owned / Maintained / Managed / Operated by me",
      "Part B — To be filled by the Expert",
      "The full text of Part B was not available when this draft was made",
    ]) {
      expect(form, phrase).toContain(squash(phrase));
    }
    expect(formatIst(TWO_FILES[0]!.at)).toBe("20-11-2026, 21:46 IST");
    expect(formatIst(TWO_FILES[1]!.at)).toBe("21-11-2026, 00:11 IST");
    // Nothing written between one write-in label and the next.
    for (const run of ["NameAddress2.", "MakeandmodelColourSerialnumberIMEI/UIN/UID/MAC/CloudID4.", "SignatureDate(DD-MM-YYYY)Time(IST,24-hour)Place"]) {
      expect(form, run).toContain(run);
    }
  });

  it("in Hindi: the same page, hashes and times read back by pdf-parse and the Hindi words through ActualText", async () => {
    const pdf = await renderPdf(report("hi", log(TWO_FILES)));
    const { pages } = await pdfPages(pdf);
    const partA = pages.findIndex((p) => p.includes("63(4)"));
    expect(partA).toBeGreaterThan(0);
    const form = squash(pages.slice(partA).join("\n"));
    for (const phrase of [HASH_PHOTO, HASH_DOC, "SHA1", "SHA256", "MD5", formatIst(TWO_FILES[0]!.at), formatIst(TWO_FILES[1]!.at), "IMEI/UIN/UID/MAC/"]) {
      expect(form, phrase).toContain(squash(phrase));
    }
    const copied = squash(actualText(pdf).join(""));
    const hi = t("hi");
    for (const key of ["cert-plain-heading", "cert-a-heading", "cert-draft", "cert-part-b", "cert-expert-unsettled", "cert-by-hand", "cert-b-heading", "cert-b-note", "cert-a-received", "cert-a-lawful"]) {
      expect(copied, key).toContain(squash(hi(key)));
    }
    expect(copied).toContain(squash(hi("cert-a-hash-label", { n: 4, type: hi("report-file-type-photo") })));
    expect(copied).toContain(squash(hi("cert-a-hash-intro", { count: 2 })));
    expect(copied).toContain(squash(hi("cert-a-imei").replace(/^[^\u0900-\u097F]*/, "")));
  });

  it("has a glyph for every character it prints, in both languages", () => {
    for (const locale of ["en", "hi"] as const) {
      const text = textOf(appendix(report(locale, log(TWO_FILES)), locale));
      expect(missingGlyphs(text), locale).toEqual([]);
      expect(hasNotdef(text), locale).toBe(false);
    }
  });

  it("a 200-item log of files still renders, every fingerprint in full, pages numbered", async () => {
    const files: EvidenceItem[] = Array.from({ length: 200 }, (_, i) => ({
      id: i + 1,
      kind: "file",
      at: new Date(Date.UTC(2026, 10, 1) + i * 37 * 60_000).toISOString(),
      sha256: hashOf(i),
      size: 1000 + i,
      type: i % 2 === 0 ? "photo" : "document",
    }));
    const doc = report("en", files);
    const pdf = await renderPdf(doc);
    const { total, pages } = await pdfPages(pdf);
    const partA = pages.findIndex((p) => p.includes("Certificate under section 63(4)"));
    expect(partA).toBeGreaterThan(0);
    const form = squash(pages.slice(partA).join("\n"));
    for (let i = 0; i < 200; i++) expect(form, `file ${i + 1}`).toContain(hashOf(i));
    expect(form).toContain(squash("Part B — To be filled by the Expert"));
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${total}`));
    expect(total - partA).toBeGreaterThanOrEqual(10);
  });

  it("renders on the worker thread byte for byte as on the main thread", async () => {
    const renderer = new PdfRenderer();
    renderers.push(renderer);
    const doc = report("hi", log(TWO_FILES));
    const made = await renderer.render(doc);
    expect(made.threadId).toBeGreaterThan(0);
    expect(made.pdf.equals(await renderPdf(doc))).toBe(true);
  });
});
