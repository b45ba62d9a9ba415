/**
 * One bot process for bench/throughput.ts: src/app.ts's startApp in webhook mode, as `npm start`
 * runs it, from the same environment variables, but WITHOUT the outgoing throttle unless
 * NYF_BENCH_OUTGOING_LIMITS=1: production throttles what it sends to Telegram's limits (30/s
 * overall, 1/s per chat), which would measure Telegram's limits, not the bot.
 *
 * Started by the benchmark with `node --import tsx --expose-gc bench/throughput-worker.ts` and an
 * IPC channel. Messages to the parent: {type:"ready", port}, {type:"report", ...}. From the parent:
 * {type:"report"} (memory and CPU so far) and {type:"stop"}.
 */
import { startApp } from "../src/app.js";
import { createConfig } from "../src/config.js";
import { createLogger } from "../src/privacy/logger.js";

export interface WorkerReport {
  type: "report";
  pid: number;
  /** Peak resident set size of this process so far (getrusage maxrss), bytes. */
  peakRss: number;
  rss: number;
  /** Heap in use right after a full GC (when run with --expose-gc), bytes. */
  heapAfterGc: number;
  /** CPU time used so far (user + system), ms. */
  cpuMs: number;
  /** Updates the webhook server is still handling. */
  inFlight: number;
  /** Highest V8 heap reserved (heapTotal) and memory outside it (rss - heapTotal) seen so far, sampled every 20 ms, bytes. */
  peakHeapTotal: number;
  peakOutsideHeap: number;
}

export type WorkerMessage = { type: "ready"; port: number } | WorkerReport | { type: "failed"; message: string };

const send = (message: WorkerMessage) => process.send?.(message);

async function start(): Promise<void> {
  const config = createConfig(process.env);
  if (config.store !== "redis" || !config.webhook) throw new Error("the throughput worker needs STORE=redis, REDIS_URL and WEBHOOK_URL");
  // Exactly what `npm start` runs (src/app.ts), on loopback, with or without the outgoing throttle.
  const app = await startApp(config, createLogger(config.logLevel), { outgoingLimits: process.env.NYF_BENCH_OUTGOING_LIMITS === "1", host: "127.0.0.1" });
  const server = app.server!;

  let peakHeapTotal = 0;
  let peakOutsideHeap = 0;
  setInterval(() => {
    const m = process.memoryUsage();
    peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
    peakOutsideHeap = Math.max(peakOutsideHeap, m.rss - m.heapTotal);
  }, 20).unref();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  process.on("message", (message: { type?: string }) => {
    if (message.type === "report") {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const usage = process.resourceUsage();
      send({
        type: "report",
        pid: process.pid,
        peakRss: usage.maxRSS * 1024,
        rss: process.memoryUsage.rss(),
        heapAfterGc: process.memoryUsage().heapUsed,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        inFlight: server.inFlight(),
        peakHeapTotal,
        peakOutsideHeap,
      });
    } else if (message.type === "stop") {
      void stop();
    }
  });
  // The benchmark went away without saying stop: do not outlive it.
  process.on("disconnect", () => void stop());
  send({ type: "ready", port: server.port });
}

start().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.stderr.write(`throughput worker: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
