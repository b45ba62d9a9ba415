import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { renderPdf } from "./render-pdf.js";
import type { ReportDocument } from "./report-document.js";

/**
 * Renders reports on a worker thread. Shaping Hindi and laying out a long log takes a few hundred
 * milliseconds of CPU; on the main thread every other person's taps would wait that long. One
 * worker is started on the first report and kept; if it can't start (or dies), the report is
 * rendered on the main thread instead, so /report always answers.
 */

/** Loads tsx in the worker as `npm start`'s `--import tsx` does in the main thread, then the renderer. */
const BOOT = 'const { workerData } = require("node:worker_threads"); import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });';

interface Reply {
  id: number;
  pdf?: Uint8Array;
  error?: string;
  threadId?: number;
}

export interface RenderedPdf {
  pdf: Buffer;
  /** The thread that rendered it: 0 is the main thread. */
  threadId: number;
}

export class PdfRenderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private nextId = 0;
  private answered = false;
  private unavailable = false;

  constructor(private readonly entry: URL = new URL("./render-worker.ts", import.meta.url)) {}

  async render(doc: ReportDocument): Promise<RenderedPdf> {
    const worker = this.start();
    if (worker) {
      const reply = await new Promise<Reply>((resolve) => {
        const id = ++this.nextId;
        this.pending.set(id, resolve);
        worker.ref(); // a report in progress keeps the process up; an idle worker does not
        worker.postMessage({ id, doc });
      });
      if (this.pending.size === 0) worker.unref();
      if (reply.pdf) return { pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), threadId: reply.threadId ?? -1 };
    }
    return { pdf: await renderPdf(doc), threadId: 0 };
  }

  /** Stops the worker; a later render starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail("closed");
    await worker?.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      // tsx's ESM API (its package exports map "tsx/esm/api" to this file for `import`).
      const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
      const worker = new Worker(BOOT, { eval: true, workerData: { tsx, entry: this.entry.href } });
      worker.unref();
      worker.on("message", (reply: Reply) => {
        this.answered = true;
        const resolve = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        resolve?.(reply);
      });
      // A worker that fails to load never will: stop trying. One that dies later is replaced next time.
      worker.on("error", () => {
        if (!this.answered) this.unavailable = true;
        this.fail("worker failed");
      });
      worker.on("exit", () => {
        if (this.worker === worker) this.worker = undefined;
        this.fail("worker exited");
      });
      this.worker = worker;
      return worker;
    } catch {
      this.unavailable = true;
      return undefined;
    }
  }

  /** Every waiting report falls back to the main thread. */
  private fail(error: string): void {
    for (const [id, resolve] of this.pending) resolve({ id, error });
    this.pending.clear();
  }
}
