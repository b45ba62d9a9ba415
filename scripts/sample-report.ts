/**
 * Writes the README's sample report: a made-up case, rendered exactly as /report renders it.
 *   node --import tsx scripts/sample-report.ts [en|hi|bn|mr|te|ta] [out.pdf]
 * The README's picture of its first page: pdftoppm -r 60 -png -f 1 -l 1 out.pdf docs/sample-report
 * The log holds two files, so the report ends with the section 63 certificate appendix; the
 * README's pictures of its Part A page:
 *   pdftoppm -r 60 -png -singlefile -f N -l N out.pdf docs/sample-certificate-<locale>
 * where N is the page number this script prints for Part A.
 */
import { writeFile } from "node:fs/promises";
import { freshContext, LOCALES, type ConversationContext, type Locale } from "../src/conversation/machine.js";
import { loadConversationDeps } from "../src/deps.js";
import type { EvidenceItem } from "../src/evidence/item.js";
import { buildReport } from "../src/report/case-report.js";
import { renderPdf } from "../src/report/render-pdf.js";

const locale: Locale = (LOCALES as readonly string[]).includes(process.argv[2] ?? "") ? (process.argv[2] as Locale) : "en";
const out = process.argv[3] ?? `docs/sample-report-${locale}.pdf`;
const deps = loadConversationDeps();

/** What she might have typed, in her language (drafted like the locale files, for the picture only). */
const NOTES: Record<Locale, string> = {
  en: "He befriended me on Instagram, then screen-recorded a video call and started asking for money.",
  hi: "उसने Instagram पर दोस्ती की, फिर वीडियो कॉल का स्क्रीन रिकॉर्ड करके पैसे माँगने लगा।",
  bn: "ও Instagram-এ বন্ধুত্ব করল, তারপর ভিডিও কল স্ক্রিন রেকর্ড করে টাকা চাইতে শুরু করল।",
  mr: "त्याने Instagram वर मैत्री केली, मग व्हिडिओ कॉल स्क्रीन रेकॉर्ड करून पैसे मागायला सुरुवात केली.",
  te: "అతను Instagram లో స్నేహం చేశాడు, తర్వాత వీడియో కాల్ స్క్రీన్ రికార్డ్ చేసి డబ్బులు అడగడం మొదలుపెట్టాడు.",
  ta: "அவன் Instagram-ல் நட்பாகப் பழகினான், பிறகு வீடியோ காலை ஸ்கிரீன் ரெக்கார்ட் செய்து பணம் கேட்க ஆரம்பித்தான்.",
};
const note = NOTES[locale];
const evidence: EvidenceItem[] = [
  { id: 1, kind: "date", at: "2026-11-20T16:10:00.000Z", when: "2026-11-18T21:30", what: locale === "hi" ? "पहली धमकी" : locale === "en" ? "first threat, on Instagram" : "Instagram" },
  { id: 2, kind: "handle", at: "2026-11-20T16:11:00.000Z", handle: "@priya.friend.2026" },
  { id: 3, kind: "link", at: "2026-11-20T16:12:00.000Z", url: "https://instagram.com/priya.friend.2026" },
  { id: 4, kind: "money", at: "2026-11-20T16:14:00.000Z", amount: "15000", currency: "INR", upi: "quickcash77@okaxis" },
  { id: 5, kind: "file", at: "2026-11-20T16:16:00.000Z", sha256: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", size: 284_113, type: "photo", mime: "image/jpeg" },
  { id: 6, kind: "note", at: "2026-11-20T16:20:00.000Z", text: note },
  { id: 7, kind: "file", at: "2026-11-20T16:23:00.000Z", sha256: "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", size: 1_048_576, type: "document", mime: "video/mp4" },
];
const context: ConversationContext = {
  ...freshContext(locale),
  incident: "sextortion",
  age: "adult",
  platforms: ["instagram"],
  country: "in",
  done: ["keep-chats", "save-links"],
  visited: ["safety", "incident", "evidence"],
  evidence,
  nextId: 8,
};

const started = performance.now();
const pdf = await renderPdf(buildReport({ content: deps.content, context, t: deps.translate(locale), now: new Date("2026-11-20T16:30:00.000Z") }));
await writeFile(out, pdf);
console.log(`${out}: ${pdf.length} bytes in ${Math.round(performance.now() - started)} ms`);
// Part A's page: the one whose text starts with its heading (pdf-parse, as the tests read it).
const { PDFParse } = await import("pdf-parse");
const parser = new PDFParse({ data: new Uint8Array(pdf) });
const { pages } = await parser.getText();
await parser.destroy();
const partA = pages.findIndex((p) => p.text.includes("63(4)")) + 1;
console.log(`section 63 certificate, Part A: page ${partA} of ${pages.length}`);
