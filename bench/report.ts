/**
 * The evidence log's costs: building and rendering the /report PDF (en, hi; a short log and a full
 * one), its size, and what a full log adds to the stored session. Rendering runs on the event loop,
 * so its time is also how long other chats wait while one report is made.
 */
import { freshContext, type ConversationContext, type Locale } from "../src/conversation/machine.js";
import { loadConversationDeps } from "../src/deps.js";
import { LIMITS, type EvidenceItem } from "../src/evidence/item.js";
import { ChatVault } from "../src/privacy/chat-vault.js";
import { buildReport } from "../src/report/case-report.js";
import { PdfRenderer } from "../src/report/pdf-renderer.js";
import { renderPdf } from "../src/report/render-pdf.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { median } from "./updates.js";

export interface ReportResult {
  locale: Locale;
  items: number;
  median_ms: number;
  max_ms: number;
  bytes: number;
  pages_estimate?: number;
}

/** A log of `n` items of every kind, as a person might fill it: short notes, links, a few files. */
export function sampleLog(n: number, locale: Locale): EvidenceItem[] {
  const note = locale === "hi" ? "उसने फिर से मैसेज किया और कहा कि वह तस्वीरें मेरे दोस्तों को भेज देगा" : "He messaged again and said he would send the pictures to my friends";
  const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString();
  return Array.from({ length: n }, (_, i): EvidenceItem => {
    const base = { id: i + 1, at: at(i) };
    switch (i % 6) {
      case 0:
        return { ...base, kind: "link", url: `https://instagram.com/p/Cx${i}abcdefghijk/` };
      case 1:
        return { ...base, kind: "handle", handle: `@fake.account.${i}` };
      case 2:
        return { ...base, kind: "date", when: `2026-10-${String((i % 28) + 1).padStart(2, "0")}T21:30`, what: note.slice(0, 40) };
      case 3:
        return { ...base, kind: "money", amount: String(5000 + i), currency: "INR", upi: `payee${i}@okaxis` };
      case 4:
        return { ...base, kind: "note", text: `${note} (${i})` };
      default:
        return { ...base, kind: "file", sha256: i.toString(16).padStart(64, "a"), size: 100_000 + i, type: "photo", mime: "image/jpeg" };
    }
  });
}

function caseWith(n: number, locale: Locale): ConversationContext {
  return { ...freshContext(locale), incident: "sextortion", age: "adult", platforms: ["instagram", "whatsapp"], country: "in", evidence: sampleLog(n, locale), nextId: n + 1 };
}

/** The longest the event loop (everyone else's taps) waited while `work` ran, in ms: a 5 ms ticker's longest gap. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work();
  // A stall is seen when the ticker finally runs: give it the chance before reading.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  return longest;
}

export interface StallResult {
  inline_ms: number;
  worker_ms: number;
}

export async function measureReports(
  runs = 5,
): Promise<{ reports: ReportResult[]; fullLogSessionBytes: number; emptyLogSessionBytes: number; stall: StallResult }> {
  const deps = loadConversationDeps();
  const reports: ReportResult[] = [];
  for (const locale of ["en", "hi"] as const) {
    for (const items of [10, LIMITS.items]) {
      const context = caseWith(items, locale);
      const t = deps.translate(locale);
      await renderPdf(buildReport({ content: deps.content, context, t, now: new Date() })); // warm-up
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const pdf = await renderPdf(buildReport({ content: deps.content, context, t, now: new Date() }));
        times.push(performance.now() - started);
        bytes = pdf.length;
      }
      reports.push({ locale, items, median_ms: median(times), max_ms: Math.max(...times), bytes });
    }
  }
  // What the log adds to the stored value: the same encrypted session, empty and with a full log.
  const stored = async (n: number) => {
    const store = new MemoryStore();
    const vault = new ChatVault(store, "bench-secret-bench-secret-bench-secret-01", 3600);
    const context = caseWith(n, "en");
    await vault.save(1, { conversation: { v: 1, snapshot: { status: "active", value: { log: "list" }, context } }, seen: [] }, 0);
    return store.dump().reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  };
  // The bot renders on a worker thread (PdfRenderer); this is why: the stall a full Hindi report causes.
  const doc = buildReport({ content: deps.content, context: caseWith(LIMITS.items, "hi"), t: deps.translate("hi"), now: new Date() });
  const renderer = new PdfRenderer();
  await renderer.render(doc); // the worker starts once, on the first report
  const inline: number[] = [];
  const worker: number[] = [];
  for (let i = 0; i < runs; i++) {
    inline.push(await longestStall(() => renderPdf(doc)));
    worker.push(await longestStall(() => renderer.render(doc)));
  }
  await renderer.close();
  return {
    reports,
    fullLogSessionBytes: await stored(LIMITS.items),
    emptyLogSessionBytes: await stored(0),
    stall: { inline_ms: median(inline), worker_ms: median(worker) },
  };
}
