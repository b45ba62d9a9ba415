import { afterEach, describe, expect, it } from "vitest";
import { PdfRenderer } from "../../src/report/pdf-renderer.js";
import { renderPdf } from "../../src/report/render-pdf.js";
import type { ReportDocument } from "../../src/report/report-document.js";
import { pdfText, squash } from "../support/pdf-text.js";

const doc: ReportDocument = {
  locale: "hi",
  title: "ऑनलाइन उत्पीड़न का रिकॉर्ड",
  intro: ["25 नवंबर 2026 को तैयार किया गया।"],
  sections: [{ heading: "फ़ाइलों के फ़िंगरप्रिंट", blocks: [{ kind: "mono", text: "SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }] }],
  footer: "पेज {pages} में से {page}",
  createdAt: new Date("2026-11-25T10:00:00.000Z"),
};

const renderers: PdfRenderer[] = [];
afterEach(async () => {
  for (const r of renderers.splice(0)) await r.close();
});

describe("rendering reports off the main thread", () => {
  it("a report is rendered on a worker thread, byte for byte what the main thread would make", async () => {
    const renderer = new PdfRenderer();
    renderers.push(renderer);
    const [first, second] = await Promise.all([renderer.render(doc), renderer.render(doc)]);
    expect(first.threadId).toBeGreaterThan(0);
    expect(second.threadId).toBe(first.threadId); // one worker, reused
    expect(first.pdf.equals(await renderPdf(doc))).toBe(true);
    expect(squash(await pdfText(first.pdf))).toContain("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("when no worker can start, the report is still made, on the main thread", async () => {
    const renderer = new PdfRenderer(new URL("./no-such-worker.ts", import.meta.url));
    renderers.push(renderer);
    const made = await renderer.render(doc);
    expect(made.threadId).toBe(0);
    expect(made.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // …and it stops trying: the next report goes straight to the main thread too.
    expect((await renderer.render(doc)).threadId).toBe(0);
  });

  it("after close, a new report starts a new worker", async () => {
    const renderer = new PdfRenderer();
    renderers.push(renderer);
    const before = await renderer.render(doc);
    await renderer.close();
    const after = await renderer.render(doc);
    expect(after.threadId).toBeGreaterThan(0);
    expect(after.threadId).not.toBe(before.threadId);
  });
});
