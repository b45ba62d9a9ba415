import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReportDocument } from "./report-document.js";

/**
 * Renders reports on a worker thread. Shaping Hindi and laying out a long log takes a few hundred
 * milliseconds of CPU; on the main thread every other person's taps would wait that long. The
 * worker (with pdfkit, fontkit and the fonts, tens of MB) starts on the first report and is
 * stopped after `idleMs` without one, so a bot that is only answering taps carries none of it.
 * If the worker can't start (or dies), the report is rendered on the main thread instead, so
 * /report always answers.
 */

/** Run from TypeScript (tests, `npm run chat`): the worker loads tsx as `--import tsx` does in the main thread. */
const BOOT = 'const { workerData } = require("node:worker_threads"); import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });';

/** How long a worker with nothing to do is kept: long enough for a few reports in a row, short enough that an idle bot is small. */
export const WORKER_IDLE_MS = 30_000;

/** Beside this module: render-worker.ts in src/, render-worker.js in dist/ (scripts/build.mjs). */
const defaultEntry = () => new URL(import.meta.url.endsWith(".ts") ? "./render-worker.ts" : "./render-worker.js", import.meta.url);

export interface PdfRendererOptions {
  /** Stop the worker after this long without a report (default WORKER_IDLE_MS). */
  idleMs?: number;
}

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
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleMs: number;

  constructor(
    private readonly entry: URL = defaultEntry(),
    options: PdfRendererOptions = {},
  ) {
    this.idleMs = options.idleMs ?? WORKER_IDLE_MS;
  }

  async render(doc: ReportDocument): Promise<RenderedPdf> {
    const worker = this.start();
    if (worker) {
      clearTimeout(this.idleTimer);
      const reply = await new Promise<Reply>((resolve) => {
        const id = ++this.nextId;
        this.pending.set(id, resolve);
        worker.ref(); // a report in progress keeps the process up; an idle worker does not
        worker.postMessage({ id, doc });
      });
      if (this.pending.size === 0) {
        worker.unref();
        this.stopWhenIdle(worker);
      }
      if (reply.pdf) return { pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), threadId: reply.threadId ?? -1 };
    }
    const { renderPdf } = await import("./render-pdf.js");
    return { pdf: await renderPdf(doc), threadId: 0 };
  }

  /** True while a worker thread is running (started by a report, not yet stopped for being idle). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the worker; a later render starts a new one. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.fail("closed");
    await worker?.terminate();
  }

  /** After idleMs with no report, the worker goes, and the memory its renderer held with it. */
  private stopWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = undefined;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      if (this.entry.protocol === "file:" && !existsSync(fileURLToPath(this.entry))) throw new Error("no worker file");
      let worker: Worker;
      if (this.entry.pathname.endsWith(".ts")) {
        // tsx's ESM API (its package exports map "tsx/esm/api" to this file for `import`).
        const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
        worker = new Worker(BOOT, { eval: true, workerData: { tsx, entry: this.entry.href } });
      } else {
        worker = new Worker(this.entry);
      }
      worker.unref();
      worker.on("message", (reply: Reply) => {
        this.answered = true;
        const resolve = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        resolve?.(reply);
      });
      // A worker that fails to load never will: stop trying. One that dies later is replaced next time.
      // Only the current worker's end concerns the reports waiting: one stopped for being idle had none.
      worker.on("error", () => {
        if (this.worker !== worker) return;
        if (!this.answered) this.unavailable = true;
        this.fail("worker failed");
      });
      worker.on("exit", () => {
        if (this.worker !== worker) return;
        this.worker = undefined;
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
