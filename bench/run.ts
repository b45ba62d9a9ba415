/**
 * `npm run bench`: side by side in one run, so ratios mean something on any machine.
 *   1. One update (a button tap) in-process at conversation depth 1, 10 and 50, on the memory,
 *      Redis and Upstash (REST bridge) stores: this bot, and the same flow written with
 *      @grammyjs/conversations (bench/conversations-flow.ts) on the same store. Outgoing Bot API
 *      calls are answered in-process; nothing leaves the machine.
 *      Then what the per-chat key derivation (scrypt) costs: a returning person's first tap in a
 *      process that has not seen them, their next tap (keys cached), and the derivation alone, with
 *      what guessing every chat id up to 10^10 would cost at that rate (README, Threat model).
 *   2. Throughput: simulated people through the webhook server on loopback with Redis, one bot
 *      process and then two (bench/throughput.ts).
 *   3. The /report PDF: build time and size in English and Hindi, for 10 items and a full log, and
 *      what a full evidence log adds to the stored session (bench/report.ts).
 *   4. What a small host feels (bench/footprint.ts): cold start to the first answered update
 *      (compiled server, npm start, tsx, the serverless bundle, the commit before), RSS idle, after
 *      10 reports and once the report worker has gone; Bot API calls per tap. Throughput is run
 *      for the commit before too (bench/before.ts), side by side, and at a steady 30 updates a
 *      second (Telegram's ceiling for a bot) for the p99 a person feels.
 * Prints a table and writes bench/results.json. Redis parts are skipped, with a line saying so,
 * when no redis-server answers.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { MemoryStore } from "../src/store/memory-store.js";
import { RedisStore } from "../src/store/redis-store.js";
import type { SessionStore } from "../src/store/session-store.js";
import { UpstashStore } from "../src/store/upstash-store.js";
import { adminClient, redisUrl } from "../test/support/redis.js";
import { startUpstashBridge, type UpstashBridge } from "../test/support/upstash-bridge.js";
import { measureConversations, type ConversationsResult } from "./conversations-flow.js";
import { measureReports } from "./report.js";
import { measureCrisisInOwnProcess } from "./crisis.js";
import { measureFirstUpdate, measureThisBot, type ThisBotResult } from "./this-bot.js";
import { measureThroughput, type ThroughputResult } from "./throughput.js";
import { beforeCheckout } from "./before.js";
import { measureAll } from "./footprint.js";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const DEPTHS = [1, 10, 50];
const STORES = ["memory", "redis", "upstash"] as const;
type StoreName = (typeof STORES)[number];
const started = Date.now();
/** The machine's load when the run began (1, 5, 15 min): other work on a shared machine skews every time here. */
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);

interface Pair {
  ours: ThisBotResult;
  conversations: ConversationsResult;
}

const url = redisUrl("bench");
const admin = adminClient(url);
admin.on("error", () => undefined);
const redisUp = await admin.flushdb().then(
  () => true,
  () => false,
);

async function openRedis(): Promise<SessionStore> {
  const store = new RedisStore(url);
  if (!(await store.ready(5000))) throw new Error("Redis answered FLUSHDB but not the store's connection");
  return store;
}

/** Both bots on one kind of store; remote stores get fewer iterations (each tap waits on the network). */
async function pair(name: StoreName, bridge?: UpstashBridge): Promise<Pair> {
  const share = name === "memory" ? 1 : name === "redis" ? 2 : 4;
  const open = name === "memory" ? () => new MemoryStore() : name === "redis" ? openRedis : () => new UpstashStore({ url: bridge!.url, token: bridge!.token });
  const ours = await measureThisBot(open, DEPTHS, Math.ceil(ITERATIONS / share), bridge ? () => bridge.requests() : undefined);
  const conversations = await measureConversations(open, DEPTHS, Math.ceil(ITERATIONS / share / 4));
  return { ours, conversations };
}

// First, while nothing else of ours runs: cold starts (and the long-lived processes whose report
// worker is then left to go idle while the rest runs).
const before = beforeCheckout();
if ("skipped" in before) console.log(`commit before: skipped (${before.skipped})`);
const footprint = await measureAll(before);

const pairs: Partial<Record<StoreName, Pair>> = {};
pairs.memory = await pair("memory");
const firstUpdate = await measureFirstUpdate(() => new MemoryStore());
let throughput: ThroughputResult[] = [];
let throughputBefore: ThroughputResult | undefined;
let steady: ThroughputResult | undefined;
if (redisUp) {
  pairs.redis = await pair("redis");
  await admin.flushdb(); // each pair starts from an empty database: the chats are the same numbers
  const bridge = await startUpstashBridge({ redisUrl: url });
  pairs.upstash = await pair("upstash", bridge);
  await bridge.close();
  await admin.flushdb();
  const oneProcess = await measureThroughput({ processes: 1 });
  // The commit before, right after, on the same load: its bot through tsx, as it ran.
  if ("dir" in before) throughputBefore = await measureThroughput({ processes: 1, root: before.dir });
  throughput = [oneProcess, await measureThroughput({ processes: 2 })];
  // Telegram lets a bot send about 30 messages a second: at that pace, what a person waits.
  steady = await measureThroughput({ processes: 1, people: 30, updatesPerPerson: 20, rate: 30, maxSeconds: 30 });
}
admin.disconnect();
// In a process of its own, as the bot runs it (bench/crisis.ts says why).
const crisis = measureCrisisInOwnProcess(ITERATIONS);
const report = await measureReports();
const fp = await footprint.finish;

// ---- the table ---------------------------------------------------------------------------------
const present = STORES.filter((n) => pairs[n]);
const cell = (f: (p: Pair) => string) => present.map((n) => f(pairs[n]!));
const us = (m: Map<number, number>, d: number) => m.get(d)!;
const rows: [string, ...string[]][] = [
  ["per update (button tap)", ...present],
  ...DEPTHS.map((d): [string, ...string[]] => [`this bot, depth ${d} (µs)`, ...cell((p) => us(p.ours.us, d).toFixed(0))]),
  ...DEPTHS.map((d): [string, ...string[]] => [`conversations plugin, depth ${d} (µs)`, ...cell((p) => us(p.conversations.us, d).toFixed(0))]),
  ["this bot: depth 50 / depth 1", ...cell((p) => (us(p.ours.us, 50) / us(p.ours.us, 1)).toFixed(2))],
  ["conversations: depth 50 / depth 1", ...cell((p) => (us(p.conversations.us, 50) / us(p.conversations.us, 1)).toFixed(2))],
  ["depth 50: this bot faster by", ...cell((p) => `${(us(p.conversations.us, 50) / us(p.ours.us, 50)).toFixed(1)}×`)],
  ["depth 50 CPU: this bot faster by", ...cell((p) => `${(us(p.conversations.cpuUs, 50) / us(p.ours.cpuUs, 50)).toFixed(1)}×`)],
  ["this bot: store round trips", ...cell((p) => p.ours.trips.toFixed(2))],
  ["this bot: HTTP requests", ...cell((p) => (p.ours.requests === undefined ? "–" : p.ours.requests.toFixed(2)))],
  ["this bot: stored bytes per session", ...cell((p) => String(p.ours.bytes))],
  ["conversations: stored bytes at depth 50", ...cell((p) => String(p.conversations.bytesAt.get(50)))],
];
const width = Math.max(...rows.map(([k]) => k.length));
const line = (k: string, v: string[]) => console.log(`${k.padEnd(width)}  ${v.map((x) => x.padStart(10)).join("")}`);
console.log(`Not Your Fault benchmarks — ${cpus().length}× ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${ITERATIONS} iterations`);
for (const [k, ...v] of rows) line(k, v);
if (!redisUp) console.log(`redis, upstash and throughput: skipped, no Redis at ${new URL(url).host}`);
line("first tap in a new process / cached tap, memory (ms)", [`${firstUpdate.first_ms.toFixed(1)} / ${firstUpdate.cached_ms.toFixed(2)}`, `${(firstUpdate.first_ms / firstUpdate.cached_ms).toFixed(0)}×`]);
line("  key derivation (ms) · ids/core-s · core-years for 10^10 ids", [firstUpdate.derive_ms.toFixed(1), firstUpdate.ids_per_core_second.toFixed(0), firstUpdate.core_years_for_1e10_ids.toFixed(1)]);
line("crisis check (µs/message)", ["en", "hi", "hinglish", "4,096 ch", "unseen", "mix 1:20"]);
line("  short / 4,096-char story / 4,096 unseen words / mix", [crisis.en_us, crisis.hi_us, crisis.hinglish_us, crisis.long4096_us, crisis.long4096_unseen_words_us, crisis.mix_us].map((x) => x.toFixed(1)));
if (throughput.length > 0) {
  console.log("");
  line("throughput, webhook + Redis (loopback)", throughput.map((t) => `${t.processes} proc`));
  line("people × updates", throughput.map((t) => `${t.people}×${t.updates_planned / t.people}`));
  line("updates handled", throughput.map((t) => String(t.updates)));
  line("updates per second", throughput.map((t) => t.updates_per_second.toFixed(0)));
  line("p50 / p99 latency (ms)", throughput.map((t) => `${t.p50_ms.toFixed(0)} / ${t.p99_ms.toFixed(0)}`));
  line("peak RSS per process (MB)", throughput.map((t) => t.peak_rss_mb.toFixed(0)));
  line("non-2xx answers", throughput.map((t) => String(t.errors)));
  line("turns lost or mixed up", throughput.map((t) => String(t.wrong_final_screen + t.stale_or_lost_notices)));
  line("Bot API HTTP calls per tap", throughput.map((t) => t.bot_api_calls_per_tap.toFixed(2)));
  if (throughputBefore) {
    line("commit before (tsx), 1 proc: updates/s · p99 ms · peak RSS MB", [`${throughputBefore.updates_per_second}`, `${throughputBefore.p99_ms.toFixed(0)}`, `${throughputBefore.peak_rss_mb.toFixed(0)}`]);
    line("  this one / before: updates per second", [`×${(throughput[0]!.updates_per_second / throughputBefore.updates_per_second).toFixed(2)}`]);
  }
  if (steady) line("steady 30 updates/s (Redis): p50 / p99 / max ms", [steady.p50_ms.toFixed(1), steady.p99_ms.toFixed(1), steady.max_ms.toFixed(1)]);
}
console.log("");
line("/report PDF (build + render)", report.reports.map((r) => `${r.locale}, ${r.items}`));
line("median / max (ms)", report.reports.map((r) => `${r.median_ms.toFixed(0)} / ${r.max_ms.toFixed(0)}`));
line("PDF size (bytes)", report.reports.map((r) => String(r.bytes)));
line("stored session bytes: empty log / full log", [`${report.emptyLogSessionBytes} / ${report.fullLogSessionBytes}`]);
line("longest event-loop stall, full Hindi report (ms)", [`inline ${report.stall.inline_ms.toFixed(0)}`, `worker ${report.stall.worker_ms.toFixed(0)}`]);
console.log("");
line("cold start to first answer (median ms) · idle RSS (MB)", ["ms", "MB"]);
for (const c of fp.cold_starts) line(`  ${c.label}`, [c.ms.toFixed(0), Number.isNaN(c.idle_rss_mb) ? "–" : c.idle_rss_mb.toFixed(0)]);
line("RSS (MB): idle · after 10 reports · report worker idle", ["now", "before"]);
const rssRow = (f?: typeof fp.after) => (f ? `${f.idle_rss_mb.toFixed(0)} · ${f.rss_after_10_reports_mb.toFixed(0)} · ${f.rss_after_reports_idle_mb.toFixed(0)}` : "–");
line("", [rssRow(fp.after), rssRow(fp.before)]);
line("Bot API HTTP calls per tap (webhook) · in the webhook reply", [`${fp.after.bot_api_calls_per_tap} · ${fp.after.webhook_replies_per_tap}`, fp.before ? `${fp.before.bot_api_calls_per_tap} · ${fp.before.webhook_replies_per_tap}` : "–"]);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);

// ---- results.json -----------------------------------------------------------------------------
const perStore = (p: Pair) => ({
  this_bot: {
    depth1_us: us(p.ours.us, 1),
    depth10_us: us(p.ours.us, 10),
    depth50_us: us(p.ours.us, 50),
    depth50_cpu_us: us(p.ours.cpuUs, 50),
    depth50_over_depth1: us(p.ours.us, 50) / us(p.ours.us, 1),
    store_round_trips_per_update: p.ours.trips,
    http_requests_per_update: p.ours.requests,
    session_bytes: p.ours.bytes,
  },
  conversations: {
    depth1_us: us(p.conversations.us, 1),
    depth10_us: us(p.conversations.us, 10),
    depth50_us: us(p.conversations.us, 50),
    depth50_cpu_us: us(p.conversations.cpuUs, 50),
    depth50_over_depth1: us(p.conversations.us, 50) / us(p.conversations.us, 1),
    store_round_trips_per_update: p.conversations.trips,
    session_bytes_at_depth50: p.conversations.bytesAt.get(50),
  },
  depth50_speedup_vs_conversations: us(p.conversations.us, 50) / us(p.ours.us, 50),
});
const memory = pairs.memory;
const one = throughput.find((t) => t.processes === 1);
writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      load_average: { start: loadAtStart, end: loadavg().map((x) => Math.round(x * 100) / 100) },
      iterations: ITERATIONS,
      seconds: (Date.now() - started) / 1000,
      // Headline figures: in-process on the memory store (the bot's own cost), throughput with one process.
      depth50_speedup_vs_conversations: us(memory.conversations.us, 50) / us(memory.ours.us, 50),
      depth50_over_depth1: us(memory.ours.us, 50) / us(memory.ours.us, 1),
      store_round_trips_per_update: memory.ours.trips,
      session_bytes: memory.ours.bytes,
      updates_per_second: one?.updates_per_second,
      p99_ms: one?.p99_ms,
      // Issue 15 (a free tier): this checkout compiled, beside the commit before (tsx) in the same run.
      idle_rss_mb: fp.after.idle_rss_mb,
      peak_rss_mb: one?.peak_rss_mb,
      rss_after_10_reports_mb: fp.after.rss_after_10_reports_mb,
      rss_after_reports_idle_mb: fp.after.rss_after_reports_idle_mb,
      cold_start_ms_server: fp.cold_starts.find((c) => c.label.startsWith("compiled"))?.ms,
      cold_start_ms_serverless: fp.cold_starts.find((c) => c.label.startsWith("serverless"))?.ms,
      cold_start_ms_npm_start: fp.cold_starts.find((c) => c.label.startsWith("npm start"))?.ms,
      cold_start_ms_tsx: fp.cold_starts.find((c) => c.label.startsWith("tsx"))?.ms,
      bot_api_calls_per_tap: one?.bot_api_calls_per_tap ?? fp.after.bot_api_calls_per_tap,
      updates_per_second_before: throughputBefore?.updates_per_second,
      p99_ms_at_30_per_s: steady?.p99_ms,
      before: {
        commit: fp.before_commit,
        skipped: fp.before_skipped,
        idle_rss_mb: fp.before?.idle_rss_mb,
        peak_rss_mb: throughputBefore?.peak_rss_mb,
        rss_after_10_reports_mb: fp.before?.rss_after_10_reports_mb,
        rss_after_reports_idle_mb: fp.before?.rss_after_reports_idle_mb,
        cold_start_ms_server: fp.cold_starts.find((c) => c.label.startsWith("commit before"))?.ms,
        bot_api_calls_per_tap: throughputBefore?.bot_api_calls_per_tap,
        p99_ms: throughputBefore?.p99_ms,
      },
      footprint: fp,
      throughput_before: throughputBefore,
      steady_30_per_s: steady,
      crisis_check_us: crisis.mix_us,
      first_update: firstUpdate,
      crisis,
      stores: Object.fromEntries(present.map((n) => [n, perStore(pairs[n]!)])),
      throughput,
      report,
    },
    null,
    2,
  )}\n`,
);
