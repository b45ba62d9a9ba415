/**
 * Writes the README's sample report: a made-up case, rendered exactly as /report renders it.
 *   node --import tsx scripts/sample-report.ts [en|hi] [out.pdf]
 * The README's picture of its first page: pdftoppm -r 60 -png -f 1 -l 1 out.pdf docs/sample-report
 */
import { writeFile } from "node:fs/promises";
import { freshContext, type ConversationContext, type Locale } from "../src/conversation/machine.js";
import { loadConversationDeps } from "../src/deps.js";
import type { EvidenceItem } from "../src/evidence/item.js";
import { buildReport } from "../src/report/case-report.js";
import { renderPdf } from "../src/report/render-pdf.js";

const locale: Locale = process.argv[2] === "hi" ? "hi" : "en";
const out = process.argv[3] ?? `docs/sample-report-${locale}.pdf`;
const deps = loadConversationDeps();

const note =
  locale === "hi"
    ? "उसने Instagram पर दोस्ती की, फिर वीडियो कॉल का स्क्रीन रिकॉर्ड करके पैसे माँगने लगा।"
    : "He befriended me on Instagram, then screen-recorded a video call and started asking for money.";
const evidence: EvidenceItem[] = [
  { id: 1, kind: "date", at: "2026-11-20T16:10:00.000Z", when: "2026-11-18T21:30", what: locale === "hi" ? "पहली धमकी" : "first threat, on Instagram" },
  { id: 2, kind: "handle", at: "2026-11-20T16:11:00.000Z", handle: "@priya.friend.2026" },
  { id: 3, kind: "link", at: "2026-11-20T16:12:00.000Z", url: "https://instagram.com/priya.friend.2026" },
  { id: 4, kind: "money", at: "2026-11-20T16:14:00.000Z", amount: "15000", currency: "INR", upi: "quickcash77@okaxis" },
  { id: 5, kind: "file", at: "2026-11-20T16:16:00.000Z", sha256: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", size: 284_113, type: "photo", mime: "image/jpeg" },
  { id: 6, kind: "note", at: "2026-11-20T16:20:00.000Z", text: note },
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
  nextId: 7,
};

const started = performance.now();
const pdf = await renderPdf(buildReport({ content: deps.content, context, t: deps.translate(locale), now: new Date("2026-11-20T16:30:00.000Z") }));
await writeFile(out, pdf);
console.log(`${out}: ${pdf.length} bytes in ${Math.round(performance.now() - started)} ms`);
