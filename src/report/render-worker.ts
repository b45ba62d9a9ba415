import { parentPort, threadId } from "node:worker_threads";
import { renderPdf } from "./render-pdf.js";
import type { ReportDocument } from "./report-document.js";

/** The worker side of pdf-renderer.ts: one document in, its PDF bytes out (moved, not copied). */
parentPort!.on("message", (message: { id: number; doc: ReportDocument }) => {
  renderPdf(message.doc).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf);
      parentPort!.postMessage({ id: message.id, pdf: bytes, threadId }, [bytes.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : "render failed" }),
  );
});
