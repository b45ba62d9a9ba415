/**
 * End-to-end throughput of the webhook server: simulated people walk the conversation over
 * loopback HTTP into one or two bot processes (bench/throughput-worker.ts, built like src/main.ts
 * but without the outgoing throttle) that share one Redis database, while a counting fake Bot API
 * in this process answers everything the bots send.
 *
 * `node --import tsx bench/throughput.ts [--people N] [--updates N] [--max-seconds N] [--concurrency N] [--throttled]`
 * runs 1 process, then 2, and prints a table. `measureThroughput()` is the same for one setting.
 *
 * The bots run as production runs them: compiled (bench/throughput-worker.ts bundled like
 * dist/main.js by scripts/build.mjs), or, for the commit before (bench/before.ts), through tsx as
 * that commit did. A person's update counts as answered when both the webhook's HTTP answer and
 * the bot's message (edit or send) have arrived: with the tap's answer in the webhook reply the
 * HTTP answer comes first, and the person sees the screen only with the edit.
 *
 * `rate` sends at a steady pace instead (open loop: an update every 1/rate s, each person's next
 * one after their previous answer), for the latency Telegram's ceiling of about 30 a second gives.
 *
 * Routing with 2 processes: update k of person p goes to process (p + k) % 2 — consecutive updates
 * of one chat alternate between the processes, so every turn must pick up what the *other*
 * process stored (nothing may live in one process's memory). A load balancer in front of a
 * webhook does not keep a chat on one instance, so this is the case that must be right.
 */
import { fork, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Update } from "grammy/types";
import { loadConversationDeps } from "../src/deps.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { FAKE_BOT_INFO, startFakeBotApi } from "../test/support/fake-bot-api.js";
import { adminClient, freePort, redisUrl } from "../test/support/redis.js";
import type { WorkerMessage, WorkerReport } from "./throughput-worker.js";
import { RUNTIME_ENV } from "../scripts/runtime-env.mjs";

export interface ThroughputOptions {
  /** Simulated people, each in their own private chat (default 1,000). */
  people?: number;
  /** Updates each person sends, in order, each after the previous one's HTTP answer (default 20, at most 40: the flood limit). */
  updatesPerPerson?: number;
  /** Bot processes sharing the Redis database (default 1). */
  processes?: 1 | 2;
  /** Stop sending after this long even if not finished (default 60). */
  maxSeconds?: number;
  /** People walking at the same time = HTTP requests in flight (default 100). */
  concurrency?: number;
  /** Install production's outgoing throttle (30/s overall, 1/s per chat) in the bots (default false). */
  outgoingLimits?: boolean;
  /** Updates a second, sent at a steady pace (open loop), instead of as fast as answers come back. */
  rate?: number;
  /** Another checkout to run the bots from (the commit before): its bench/throughput-worker.ts through tsx. Default: this one, compiled. */
  root?: string;
}

export interface ThroughputResult {
  processes: 1 | 2;
  /** "alternate": a person's consecutive updates go to different processes; "single": one process. */
  routing: "single" | "alternate";
  concurrency: number;
  people: number;
  /** People who sent all their updates before maxSeconds. */
  people_finished: number;
  updates_planned: number;
  /** Updates sent and answered (any status) before maxSeconds. */
  updates: number;
  /** True when every planned update was sent before maxSeconds. */
  finished: boolean;
  seconds: number;
  updates_per_second: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Highest peak RSS (getrusage maxrss) among the bot processes. */
  peak_rss_mb: number;
  /** Per bot process: RSS peak, heap after a full GC before and after the load, CPU seconds during it. */
  bots: { peak_rss_mb: number; rss_after_mb: number; heap_before_mb: number; heap_after_mb: number; cpu_seconds: number; in_flight_after: number; peak_heap_total_mb?: number; peak_outside_heap_mb?: number }[];
  /** Non-2xx answers plus requests that failed or timed out. */
  errors: number;
  /** Answers by HTTP status ("network" for a request that got none). */
  statuses: Record<string, number>;
  /** Updates sent again because their keep-alive connection had been closed by the bot's server while idle (see post()). */
  resent_on_closed_connection: number;
  /** What the bots sent to the fake Bot API during the measured run, by method (HTTP requests). */
  telegram_calls: Record<string, number>;
  /** Calls that went back in the webhook's HTTP answer instead of a request of their own, by method. */
  webhook_replies: Record<string, number>;
  /** Button taps among the updates. */
  taps: number;
  /** Bot API HTTP requests per tap: (answerCallbackQuery + editMessageText requests) / taps. */
  bot_api_calls_per_tap: number;
  /** How the bots ran: "compiled" (this checkout, bundled) or "tsx" (another checkout). */
  runtime: "compiled" | "tsx";
  /** The steady rate asked for (updates/s), when one was. */
  rate?: number;
  /** (sendMessage + editMessageText) / updates: at least 1 when every update was answered. */
  messages_per_update: number;
  /** Finished people whose last screen is not the one the walk ends on (lost or mixed-up turns). */
  wrong_final_screen: number;
  /** Messages carrying the stale-button or lost-session notice: a turn was lost between processes. */
  stale_or_lost_notices: number;
  /** Messages carrying the "saving paused" / "forget failed" notice: the store failed or conflicts did not settle. */
  store_down_notices: number;
  /** "Something went wrong" messages from the error boundary. */
  trouble_notices: number;
  /** Log lines at warn / error or above (and anything on stderr) from the bot processes. */
  bot_warnings: number;
  bot_errors: number;
  /** The first few distinct warning/error messages, for the report. */
  bot_log_samples: string[];
  /**
   * CPU seconds during the measured run: the bot processes, this process (load + fake Bot API),
   * Redis, and everything else on the machine (Linux /proc/stat; other work skews the numbers).
   */
  cpu_seconds: { bots: number; bench: number; redis: number; other: number | undefined };
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORKER = fileURLToPath(new URL("./throughput-worker.ts", import.meta.url));
/** The worker bundled as dist/main.js is (scripts/build.mjs), under node_modules/ so that src/deps.ts finds flows/ above it. */
const COMPILED_WORKER = join(ROOT, "node_modules", ".cache", "nyf-bench", "throughput-worker.mjs");

/** Extra node flags for the compiled bots, to try V8 settings (e.g. BENCH_NODE_FLAGS="--max-old-space-size=96"; they come after NODE_OPTIONS and win). */
const BENCH_NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];

/** Bundles bench/throughput-worker.ts with the production build's options (once per bench run). */
let compiling: Promise<string> | undefined;
export function compiledWorker(): Promise<string> {
  compiling ??= (async () => {
    const { build } = await import("esbuild");
    const banner = 'import { createRequire as __nyfCreateRequire } from "node:module"; import { fileURLToPath as __nyfFileURLToPath } from "node:url"; const require = __nyfCreateRequire(import.meta.url); const __filename = __nyfFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf("/"));';
    await build({ entryPoints: [WORKER], outfile: COMPILED_WORKER, bundle: true, platform: "node", target: "node20.19", format: "esm", keepNames: true, logLevel: "warning", external: ["pdfkit", "@expo-google-fonts/*"], banner: { js: banner } });
    return COMPILED_WORKER;
  })();
  return compiling;
}
const WEBHOOK_SECRET = "bench_webhook_8d3f1a6c9e2b5d0f7a4c1e8b3d6f9a2c5e0b7d4f1a8c3e6b9d2f5a0c7e4b1d8f";
const PSEUDONYM_SECRET = "b7e2d9f4a1c6e3b8d5f0a7c2e9b4d1f6a3c8e5b0d7f2a9c4e1b6d3f8a5c0e7b2";
const REQUEST_TIMEOUT_MS = 20_000;
const FIRST_CHAT = 5_000_000_000;
const WARMUP_CHAT = 6_000_000_000;

// ---------------------------------------------------------------------------------------------
// The walk: what one person sends, and the screen each step leads to (checked against the machine).

type Step = { kind: "start" } | { kind: "text"; text: string } | { kind: "tap"; data: string };

const tap = (screen: string, event: Parameters<typeof encodeButton>[1]): Step => ({ kind: "tap", data: encodeButton(screen, event) });

/** 20 updates: /start, the first questions, platform toggles, helplines and back, evidence steps, two typed lines. */
const BASE_WALK: [Step, string][] = [
  [{ kind: "start" }, "welcome"],
  [tap("welcome", { type: "BEGIN" }), "safety"],
  [tap("safety", { type: "SAFE" }), "incident"],
  [{ kind: "text", text: "what should I do now?" }, "incident"],
  [tap("incident", { type: "CHOOSE", value: "sextortion" }), "age"],
  [tap("age", { type: "CHOOSE", value: "adult" }), "platforms"],
  [tap("platforms", { type: "TOGGLE", value: "instagram" }), "platforms"],
  [tap("platforms", { type: "TOGGLE", value: "whatsapp" }), "platforms"],
  [tap("platforms", { type: "TOGGLE", value: "telegram" }), "platforms"],
  [tap("platforms", { type: "HELPLINES" }), "helplines"],
  [tap("helplines", { type: "BACK" }), "platforms"],
  [tap("platforms", { type: "DONE" }), "country"],
  [tap("country", { type: "CHOOSE", value: "in" }), "reassurance"],
  [{ kind: "text", text: "thank you" }, "reassurance"],
  [tap("reassurance", { type: "NEXT" }), "evidence.step#0"],
  [tap("evidence.step#0", { type: "DONE" }), "evidence.step#1"],
  [tap("evidence.step#1", { type: "WHY" }), "evidence.why#1"],
  [tap("evidence.why#1", { type: "BACK" }), "evidence.step#1"],
  [tap("evidence.step#1", { type: "DONE" }), "evidence.step#2"],
  [tap("evidence.step#2", { type: "SKIP" }), "evidence.step#3"],
];

/** The first `n` steps; beyond 20, helplines and back from the last evidence step. */
function walk(n: number): { steps: Step[]; finalScreen: string } {
  const steps = BASE_WALK.slice(0, n);
  for (let i = steps.length; i < n; i++) {
    steps.push(i % 2 === 0 ? [tap("evidence.step#3", { type: "HELPLINES" }), "helplines"] : [tap("helplines", { type: "BACK" }), "evidence.step#3"]);
  }
  return { steps: steps.map(([s]) => s), finalScreen: steps.at(-1)![1] };
}

let updateId = 900_000_000;

/** A Telegram-shaped update from person `chat` (private chat: chat id = user id). */
function updateFor(step: Step, chat: number, seq: number): Update {
  const id = ++updateId;
  const from = { id: chat, is_bot: false, first_name: "Bench", language_code: "en" };
  const privateChat = { id: chat, type: "private" as const, first_name: "Bench" };
  const date = Math.floor(Date.now() / 1000);
  if (step.kind === "tap") {
    return {
      update_id: id,
      callback_query: {
        id: `${chat}-${seq}`,
        from,
        chat_instance: `ci-${chat}`,
        data: step.data,
        message: { message_id: 2, date, chat: privateChat, from: FAKE_BOT_INFO, text: "…", edit_date: date },
      },
    };
  }
  const text = step.kind === "start" ? "/start" : step.text;
  const entities = step.kind === "start" ? [{ type: "bot_command" as const, offset: 0, length: 6 }] : undefined;
  return { update_id: id, message: { message_id: 10 + seq, date, chat: privateChat, from, text, ...(entities ? { entities } : {}) } };
}

// ---------------------------------------------------------------------------------------------
// A Bot API that counts instead of recording: per method, each chat's last screen, and notices.

interface CountingBotApi {
  apiRoot: string;
  counts: Map<string, number>;
  /** Resolves once `chat` has been sent (or edited) its n-th message since the start. */
  messageNumber(chat: number, n: number): Promise<void>;
  lastScreen: Map<number, string>;
  notices: { staleOrLost: number; storeDown: number; trouble: number };
  reset(): void;
  close(): Promise<void>;
}

async function startCountingBotApi(): Promise<CountingBotApi> {
  const t = loadConversationDeps().translate("en");
  const stale = [t("notice-stale-button"), t("notice-lost-session")];
  const storeDown = [t("notice-saving-paused"), t("notice-forget-failed")];
  const trouble = t("notice-trouble");
  const api = {
    counts: new Map<string, number>(),
    lastScreen: new Map<number, string>(),
    notices: { staleOrLost: 0, storeDown: 0, trouble: 0 },
  };
  const messages = new Map<number, number>();
  const waiting = new Map<number, { n: number; resolve: () => void }[]>();
  const observe = (method: string, body: Record<string, unknown>) => {
    api.counts.set(method, (api.counts.get(method) ?? 0) + 1);
    if (method !== "sendMessage" && method !== "editMessageText") return;
    const chat = Number(body.chat_id);
    const count = (messages.get(chat) ?? 0) + 1;
    messages.set(chat, count);
    const list = waiting.get(chat);
    if (list) {
      for (const w of list.filter((w) => w.n <= count)) w.resolve();
      const rest = list.filter((w) => w.n > count);
      if (rest.length) waiting.set(chat, rest);
      else waiting.delete(chat);
    }
    const text = typeof body.text === "string" ? body.text : "";
    if (stale.some((s) => text.includes(s))) api.notices.staleOrLost++;
    if (storeDown.some((s) => text.includes(s))) api.notices.storeDown++;
    if (text.includes(trouble)) api.notices.trouble++;
    const keyboard = (body.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard;
    const data = keyboard?.flat().find((b) => b.callback_data)?.callback_data;
    if (data) api.lastScreen.set(Number(body.chat_id), data.split("|")[1] ?? "");
  };
  const fake = await startFakeBotApi({ record: false, observe });
  return {
    apiRoot: fake.apiRoot,
    ...api,
    messageNumber: (chat, n) =>
      (messages.get(chat) ?? 0) >= n
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const list = waiting.get(chat) ?? [];
            list.push({ n, resolve });
            waiting.set(chat, list);
          }),
    reset() {
      api.counts.clear();
      api.lastScreen.clear();
      Object.assign(api.notices, { staleOrLost: 0, storeDown: 0, trouble: 0 });
    },
    close: () => fake.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Bot processes.

interface Worker {
  child: ChildProcess;
  port: number;
  warnings: number;
  errors: number;
  samples: Set<string>;
  report(): Promise<WorkerReport>;
  stop(): Promise<void>;
}

async function startWorker(apiRoot: string, store: string, outgoingLimits: boolean, root: string | undefined): Promise<Worker> {
  const port = await freePort();
  // The compiled bots run with production's settings (scripts/runtime-env.mjs, as `npm start` and
  // the image set them); the commit before ran without them.
  const env: Record<string, string> = root ? {} : { ...RUNTIME_ENV };
  // glibc's malloc settings too, when the bench is run with them (to try what a Dockerfile ENV would do).
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "UV_THREADPOOL_SIZE"]) if (process.env[key] !== undefined) env[key] = process.env[key];
  Object.assign(env, {
    WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    WEBHOOK_SECRET,
    PORT: String(port),
    STORE: "redis",
    REDIS_URL: store,
    PSEUDONYM_SECRET,
    NODE_ENV: "production",
    BOT_TOKEN: "123456:bench-throughput-token",
    TELEGRAM_API_ROOT: apiRoot,
    LOG_LEVEL: "warn",
    ...(outgoingLimits ? { NYF_BENCH_OUTGOING_LIMITS: "1" } : {}),
  });
  const child = root
    ? fork(join(root, "bench", "throughput-worker.ts"), [], { cwd: root, env, execArgv: ["--import", "tsx", "--expose-gc"], stdio: ["ignore", "pipe", "pipe", "ipc"] })
    : fork(await compiledWorker(), [], { cwd: ROOT, env, execArgv: ["--expose-gc", ...BENCH_NODE_FLAGS], stdio: ["ignore", "pipe", "pipe", "ipc"] });
  const worker: Worker = {
    child,
    port,
    warnings: 0,
    errors: 0,
    samples: new Set(),
    report: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("bot process did not report in 10 s")), 10_000);
        const onMessage = (message: WorkerMessage) => {
          if (message.type !== "report") return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve(message);
        };
        child.on("message", onMessage);
        child.send({ type: "report" });
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.connected) child.send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  const note = (line: string, level: "warn" | "error") => {
    if (level === "warn") worker.warnings++;
    else worker.errors++;
    if (worker.samples.size < 5) worker.samples.add(line.slice(0, 300));
  };
  lines(child.stdout!, (line) => {
    let level = 0;
    let msg = line;
    try {
      const json = JSON.parse(line) as { level?: number; msg?: string; err?: { detail?: string } };
      level = json.level ?? 0;
      msg = `${json.msg ?? ""}${json.err?.detail ? ` (${json.err.detail})` : ""}`;
    } catch {
      level = 50;
    }
    if (level >= 50) note(msg, "error");
    else if (level >= 40) note(msg, "warn");
  });
  lines(child.stderr!, (line) => note(`stderr: ${line}`, "error"));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot process did not start in 30 s: ${[...worker.samples].join(" | ")}`)), 30_000);
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (message.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`bot process failed to start: ${message.message}`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bot process exited (${code}) before it was ready: ${[...worker.samples].join(" | ")}`));
    });
  });
  return worker;
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(line);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Sending.

/** At most this many more sends of an update whose pooled keep-alive connection turned out to be closed. */
const RESENDS = 3;

/**
 * POSTs one update; resolves with the HTTP status (0 when none came), the round trip in ms, the
 * method of a webhook reply, and how many times it was sent again on a fresh connection.
 *
 * The bot's server closes a keep-alive connection after 5 s idle (Node's keepAliveTimeout). When
 * this process is busy, the agent can pick such a socket before it has read the server's FIN: the
 * request meets a closed socket, ECONNRESET, and the bot never saw it. Telegram re-sends an update
 * whose delivery failed; so does the driver, when a reused socket fails so (Node's docs advise it;
 * the next pooled socket may be as stale, hence a few tries). An update the bot did see is answered
 * once all the same: it remembers update ids.
 */
export async function post(agent: Agent, port: number, update: Update): Promise<{ status: number; ms: number; reply?: string; resent: number }> {
  const started = performance.now();
  for (let resent = 0; ; resent++) {
    const sent = await postOnce(agent, port, update);
    if (!sent.staleSocket || resent >= RESENDS) return { status: sent.status, ms: performance.now() - started, ...(sent.reply ? { reply: sent.reply } : {}), resent };
  }
}

function postOnce(agent: Agent, port: number, update: Update): Promise<{ status: number; reply?: string; staleSocket?: boolean }> {
  const body = JSON.stringify(update);
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        path: "/tg",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          let reply: string | undefined;
          if (text) {
            try {
              reply = (JSON.parse(text) as { method?: string }).method;
            } catch {
              reply = "(unreadable)";
            }
          }
          resolve({ status: res.statusCode ?? 0, reply });
        });
        res.on("error", () => resolve({ status: 0 }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // Closed by the server while it sat in the pool: nothing of this request reached the bot.
      const stale = req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
      resolve({ status: 0, ...(stale ? { staleSocket: true } : {}) });
    });
    req.end(body);
  });
}

interface Load {
  fake: CountingBotApi;
  /** Updates a second at a steady pace (open loop), or undefined for as fast as answered. */
  rate?: number;
  people: number;
  firstChat: number;
  steps: Step[];
  concurrency: number;
  ports: number[];
  agents: Agent[];
  deadline: number;
}

interface LoadOutcome {
  latencies: Float64Array;
  sent: number;
  /** Sends again on a fresh connection (see post()). */
  resent: number;
  taps: number;
  replies: Map<string, number>;
  statuses: Map<string, number>;
  finishedChats: number[];
}

/**
 * People in parallel (bounded by `concurrency`), each person's updates one after the other; with
 * `rate`, each update also waits for its slot in a steady schedule. An update is answered when its
 * HTTP answer and the chat's next message have both arrived (REQUEST_TIMEOUT_MS at most).
 */
async function drive(load: Load): Promise<LoadOutcome> {
  const latencies = new Float64Array(load.people * load.steps.length);
  const statuses = new Map<string, number>();
  const replies = new Map<string, number>();
  const finishedChats: number[] = [];
  let sent = 0;
  let resent = 0;
  let taps = 0;
  let next = 0;
  let slot = 0;
  const begin = performance.now();
  const lane = async () => {
    for (;;) {
      const person = next++;
      if (person >= load.people || performance.now() >= load.deadline) return;
      const chat = load.firstChat + person;
      // Messages this chat should have had: one per answered update (an update that got no answer
      // must not make each later one of this person wait the full timeout for a message that never comes).
      let expected = 0;
      let k = 0;
      for (; k < load.steps.length && performance.now() < load.deadline; k++) {
        if (load.rate) {
          const at = begin + (slot++ * 1000) / load.rate;
          const wait = at - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        const target = (person + k) % load.ports.length;
        const started = performance.now();
        const shown = Promise.race([load.fake.messageNumber(chat, expected + 1), new Promise<void>((r) => setTimeout(r, REQUEST_TIMEOUT_MS).unref())]);
        const { status, reply, resent: again } = await post(load.agents[target]!, load.ports[target]!, updateFor(load.steps[k]!, chat, k));
        resent += again;
        if (status >= 200 && status < 300) {
          expected++;
          await shown;
        }
        latencies[sent++] = performance.now() - started;
        if (load.steps[k]!.kind === "tap") taps++;
        if (reply) replies.set(reply, (replies.get(reply) ?? 0) + 1);
        const key = status === 0 ? "network" : String(status);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      if (k === load.steps.length) finishedChats.push(chat);
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, load.people) }, lane));
  return { latencies: latencies.subarray(0, sent), sent, resent, taps, replies, statuses, finishedChats };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Busy CPU seconds of the whole machine so far (Linux), or undefined. */
function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
    const busy = fields.slice(0, 8).reduce((a, b) => a + b, 0) - fields[3]! - fields[4]!;
    return busy / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function redisCpuSeconds(admin: ReturnType<typeof adminClient>): Promise<number> {
  const info = await admin.info("cpu");
  const field = (name: string) => Number(info.match(new RegExp(`^${name}:([\\d.]+)`, "m"))?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 2 ** 20);

// ---------------------------------------------------------------------------------------------

export async function measureThroughput(options: ThroughputOptions = {}): Promise<ThroughputResult> {
  const people = options.people ?? 1000;
  const updatesPerPerson = options.updatesPerPerson ?? 20;
  const processes = options.processes ?? 1;
  const maxSeconds = options.maxSeconds ?? 60;
  const concurrency = options.concurrency ?? 100;
  if (!Number.isInteger(people) || people < 1) throw new RangeError("people must be a positive integer");
  // More than 40 in one 10-s window is a flood by design (src/telegram/gate.ts): the walk would stop counting.
  if (!Number.isInteger(updatesPerPerson) || updatesPerPerson < 1 || updatesPerPerson > 40) throw new RangeError("updatesPerPerson must be 1-40 (the flood limit is 40 per 10 s)");
  if (processes !== 1 && processes !== 2) throw new RangeError("processes must be 1 or 2");

  const store = redisUrl("bench");
  const admin = adminClient(store);
  admin.on("error", () => undefined);
  await admin.flushdb();
  const fake = await startCountingBotApi();
  const workers: Worker[] = [];
  const agents: Agent[] = [];
  try {
    for (let i = 0; i < processes; i++) workers.push(await startWorker(fake.apiRoot, store, options.outgoingLimits ?? false, options.root));
    const ports = workers.map((w) => w.port);
    for (let i = 0; i < processes; i++) agents.push(new Agent({ keepAlive: true, maxSockets: concurrency }));
    const { steps, finalScreen } = walk(updatesPerPerson);

    // Warm-up, not measured: as many other people as will walk at once (JIT, every connection opened,
    // Lua scripts loaded). A cold bot hit by 100 people at once answers its first ~1,000 updates in up to 2 s.
    const warm = Math.min(concurrency, people);
    await drive({ fake, people: warm, firstChat: WARMUP_CHAT, steps, concurrency: warm, ports, agents, deadline: performance.now() + 20_000 });
    fake.reset();
    for (const w of workers) Object.assign(w, { warnings: 0, errors: 0, samples: new Set() });
    const before = await Promise.all(workers.map((w) => w.report()));
    const redisBefore = await redisCpuSeconds(admin);
    const benchBefore = process.cpuUsage();
    const machineBefore = machineBusySeconds();

    const started = performance.now();
    const outcome = await drive({ fake, rate: options.rate, people, firstChat: FIRST_CHAT, steps, concurrency, ports, agents, deadline: started + maxSeconds * 1000 });
    const seconds = (performance.now() - started) / 1000;

    const benchCpu = process.cpuUsage(benchBefore);
    const machineAfter = machineBusySeconds();
    const redisCpu = (await redisCpuSeconds(admin)) - redisBefore;
    const after = await Promise.all(workers.map((w) => w.report()));
    const sorted = Float64Array.from(outcome.latencies).sort();
    const statuses = Object.fromEntries([...outcome.statuses].sort());
    const errors = [...outcome.statuses].filter(([s]) => !s.startsWith("2")).reduce((n, [, c]) => n + c, 0);
    const telegramCalls = Object.fromEntries([...fake.counts].sort());
    const messages = (fake.counts.get("sendMessage") ?? 0) + (fake.counts.get("editMessageText") ?? 0);
    const wrongFinal = outcome.finishedChats.filter((chat) => fake.lastScreen.get(chat) !== finalScreen).length;
    const bots = workers.map((_, i) => ({
      peak_rss_mb: mb(after[i]!.peakRss),
      rss_after_mb: mb(after[i]!.rss),
      heap_before_mb: mb(before[i]!.heapAfterGc),
      heap_after_mb: mb(after[i]!.heapAfterGc),
      cpu_seconds: round((after[i]!.cpuMs - before[i]!.cpuMs) / 1000, 2),
      in_flight_after: after[i]!.inFlight,
      // Where a peak comes from: V8's heap, or outside it (malloc: HTTP buffers, scrypt's 8 MiB per thread-pool thread, code).
      ...(after[i]!.peakHeapTotal ? { peak_heap_total_mb: mb(after[i]!.peakHeapTotal), peak_outside_heap_mb: mb(after[i]!.peakOutsideHeap) } : {}),
    }));

    const cpu = {
      bots: round(bots.reduce((n, b) => n + b.cpu_seconds, 0), 2),
      bench: round((benchCpu.user + benchCpu.system) / 1e6, 2),
      redis: round(redisCpu, 2),
    };
    const other = machineBefore !== undefined && machineAfter !== undefined ? Math.max(0, round(machineAfter - machineBefore - cpu.bots - cpu.bench - cpu.redis, 2)) : undefined;

    return {
      processes,
      routing: processes === 1 ? "single" : "alternate",
      concurrency,
      people,
      people_finished: outcome.finishedChats.length,
      updates_planned: people * updatesPerPerson,
      updates: outcome.sent,
      finished: outcome.sent === people * updatesPerPerson,
      seconds: round(seconds, 2),
      updates_per_second: round(outcome.sent / seconds, 0),
      p50_ms: round(percentile(sorted, 0.5), 2),
      p90_ms: round(percentile(sorted, 0.9), 2),
      p99_ms: round(percentile(sorted, 0.99), 2),
      max_ms: round(sorted.at(-1) ?? 0, 2),
      peak_rss_mb: Math.max(...bots.map((b) => b.peak_rss_mb)),
      bots,
      errors,
      statuses,
      resent_on_closed_connection: outcome.resent,
      telegram_calls: telegramCalls,
      webhook_replies: Object.fromEntries([...outcome.replies].sort()),
      taps: outcome.taps,
      bot_api_calls_per_tap: round(((fake.counts.get("answerCallbackQuery") ?? 0) + (fake.counts.get("editMessageText") ?? 0)) / Math.max(1, outcome.taps), 2),
      runtime: options.root ? "tsx" : "compiled",
      ...(options.rate ? { rate: options.rate } : {}),
      messages_per_update: round(messages / Math.max(1, outcome.sent), 3),
      wrong_final_screen: wrongFinal,
      stale_or_lost_notices: fake.notices.staleOrLost,
      store_down_notices: fake.notices.storeDown,
      trouble_notices: fake.notices.trouble,
      bot_warnings: workers.reduce((n, w) => n + w.warnings, 0),
      bot_errors: workers.reduce((n, w) => n + w.errors, 0),
      bot_log_samples: [...new Set(workers.flatMap((w) => [...w.samples]))].slice(0, 5),
      cpu_seconds: { ...cpu, other },
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await Promise.all(workers.map((w) => w.stop()));
    await fake.close();
    await admin.flushdb().catch(() => undefined);
    admin.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function argument(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  if (value !== undefined && !Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

async function cli(): Promise<void> {
  const options: ThroughputOptions = {
    people: argument("people"),
    updatesPerPerson: argument("updates"),
    maxSeconds: argument("max-seconds"),
    concurrency: argument("concurrency"),
    outgoingLimits: process.argv.includes("--throttled"),
  };
  const began = performance.now();
  const one = await measureThroughput({ ...options, processes: 1 });
  const two = await measureThroughput({ ...options, processes: 2 });
  const rows: [string, (r: ThroughputResult) => string | number][] = [
    ["updates answered / planned", (r) => `${r.updates}/${r.updates_planned}`],
    ["seconds", (r) => r.seconds],
    ["updates per second", (r) => r.updates_per_second],
    ["latency p50 / p90 (ms)", (r) => `${r.p50_ms} / ${r.p90_ms}`],
    ["latency p99 / max (ms)", (r) => `${r.p99_ms} / ${r.max_ms}`],
    ["peak RSS per bot (MB)", (r) => r.bots.map((b) => b.peak_rss_mb).join(" + ")],
    ["RSS per bot after the run (MB)", (r) => r.bots.map((b) => b.rss_after_mb).join(" + ")],
    ["heap after GC, before → after (MB)", (r) => r.bots.map((b) => `${b.heap_before_mb}→${b.heap_after_mb}`).join(", ")],
    ["CPU s: bots / bench+fake API / redis / other", (r) => `${r.cpu_seconds.bots} / ${r.cpu_seconds.bench} / ${r.cpu_seconds.redis} / ${r.cpu_seconds.other ?? "?"}`],
    ["errors (non-2xx or none)", (r) => r.errors],
    ["re-sent: idle connection closed by the bot", (r) => r.resent_on_closed_connection],
    ["messages sent+edited per update", (r) => r.messages_per_update],
    ["wrong final screens (of finished people)", (r) => `${r.wrong_final_screen} of ${r.people_finished}`],
    ["stale/lost · store-down · trouble notices", (r) => `${r.stale_or_lost_notices} · ${r.store_down_notices} · ${r.trouble_notices}`],
    ["bot log warnings / errors", (r) => `${r.bot_warnings} / ${r.bot_errors}`],
    ["updates still in flight after the run", (r) => r.bots.map((b) => b.in_flight_after).join(" + ")],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const col = 26;
  console.log(
    `Not Your Fault webhook throughput — ${cpus().length}× ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${one.people} people × ${one.updates_planned / one.people} updates, ${Math.min(one.concurrency, one.people)} in flight, Redis db ${new URL(redisUrl("bench")).pathname.slice(1)}${options.outgoingLimits ? ", WITH the outgoing throttle" : ", outgoing throttle off"}`,
  );
  console.log(`${"".padEnd(width)}  ${"1 process".padStart(col)}${"2 processes (alternating)".padStart(col + 4)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${String(f(one)).padStart(col)}${String(f(two)).padStart(col + 4)}`);
  for (const r of [one, two]) {
    if (r.bot_log_samples.length) console.log(`${r.processes} process(es), bot log samples: ${r.bot_log_samples.join(" | ")}`);
    if (r.errors) console.log(`${r.processes} process(es), statuses: ${JSON.stringify(r.statuses)}`);
  }
  console.log(`speed-up with 2 processes: ×${(two.updates_per_second / Math.max(1, one.updates_per_second)).toFixed(2)}; total ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await cli();
}
