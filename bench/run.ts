/**
 * `npm run bench`: what one update costs in-process, side by side in one run, so ratios are
 * meaningful on any machine. Outgoing Bot API calls are answered by a transformer; nothing
 * leaves the process. Results: a table on stdout and bench/results.json.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import { loadConversationDeps } from "../src/deps.js";
import { ChatVault } from "../src/privacy/chat-vault.js";
import { createLogger } from "../src/privacy/logger.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { RedisStore } from "../src/store/redis-store.js";
import { UpstashStore } from "../src/store/upstash-store.js";
import type { SessionStore, UpdateKeys, UpdateLimits } from "../src/store/session-store.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { createBot } from "../src/telegram/bot.js";
import { adminClient, redisUrl } from "../test/support/redis.js";
import { startUpstashBridge } from "../test/support/upstash-bridge.js";

const deps = loadConversationDeps();
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);

/** Counts store round trips, to report how many one update costs. */
class CountingStore implements SessionStore {
  trips = 0;
  bytes = 0;
  constructor(private readonly inner: SessionStore) {}
  async get(key: string) {
    this.trips++;
    return this.inner.get(key);
  }
  async openUpdate(keys: UpdateKeys, limits: UpdateLimits) {
    this.trips++;
    return this.inner.openUpdate(keys, limits);
  }
  async compareAndSet(key: string, value: string, expected: number, ttl: number) {
    this.trips++;
    // As it sits in the store: key + "<version>:" + ciphertext; the largest this session reached.
    this.bytes = Math.max(this.bytes, Buffer.byteLength(key) + `${expected + 1}:`.length + Buffer.byteLength(value));
    return this.inner.compareAndSet(key, value, expected, ttl);
  }
  async delete(...keys: string[]) {
    this.trips++;
    return this.inner.delete(...keys);
  }
  async ping() {
    return this.inner.ping();
  }
  async close() {
    return this.inner.close();
  }
}

function makeBot(store: SessionStore) {
  const vault = new ChatVault(store, "bench-secret-bench-secret-bench-secret-01", 3600);
  const bot = createBot({
    ...deps,
    vault,
    token: "1:BENCH",
    apiRoot: "http://127.0.0.1:9",
    logger: createLogger("silent"),
    botInfo: { id: 1, is_bot: true, first_name: "b", username: "b", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never,
  });
  let id = 100;
  const answer: Transformer = async (_prev, method, payload) =>
    ({ ok: true, result: method === "sendMessage" ? { message_id: ++id, date: 0, chat: { id: (payload as { chat_id: number }).chat_id, type: "private" } } : true }) as never;
  bot.api.config.use(answer);
  return bot;
}

let updateId = 0;
const from = (chat: number) => ({ id: chat, is_bot: false, first_name: "p" });
const chatOf = (chat: number) => ({ id: chat, type: "private" as const, first_name: "p" });
const tap = (chat: number, data: string): Update => ({
  update_id: ++updateId,
  callback_query: { id: String(updateId), from: from(chat), chat_instance: "c", data, message: { message_id: 1, date: 0, chat: chatOf(chat), text: "…" } as never },
});

/** Brings a chat `depth` updates into the conversation; returns the screen it is on. */
async function prepare(bot: ReturnType<typeof makeBot>, chat: number, depth: number): Promise<string> {
  const script: [string, string][] = [
    ["1|welcome|b", "safety"],
    ["1|safety|s", "incident"],
    ["1|incident|c|sextortion", "age"],
    ["1|age|c|adult", "platforms"],
  ];
  let screen = "welcome";
  for (let i = 0; i < depth; i++) {
    const [data, next] = script[i] ?? [encodeButton("platforms", { type: "TOGGLE", value: "instagram" }), "platforms"];
    await bot.handleUpdate(tap(chat, data));
    screen = next;
  }
  return screen;
}

interface Subject {
  bot: ReturnType<typeof makeBot>;
  store: CountingStore;
  chat: number;
  open: string;
  back: string;
}

async function subject(store: CountingStore, depth: number): Promise<Subject> {
  const bot = makeBot(store);
  const chat = 10_000 + depth;
  const screen = await prepare(bot, chat, depth);
  return { bot, store, chat, open: encodeButton(screen, { type: "HELPLINES" }), back: encodeButton("helplines", { type: "BACK" }) };
}

/** Mean µs of one real transition: open the helplines from the current screen, then go back. */
async function timeRound(s: Subject, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await s.bot.handleUpdate(tap(s.chat, i % 2 ? s.back : s.open));
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface StoreResult {
  us: Map<number, number>;
  trips: number;
  /** HTTP requests per update, where the store speaks HTTP (Upstash). */
  requests?: number;
  bytes: number;
}

/** Depths are measured round-robin, several rounds, median: JIT warm-up and noise hit all alike. */
async function perUpdate(open: () => SessionStore | Promise<SessionStore>, depths: number[], iterations: number, requests?: () => number): Promise<StoreResult> {
  const subjects: Subject[] = [];
  for (const depth of depths) subjects.push(await subject(new CountingStore(await open()), depth));
  for (const s of subjects) await timeRound(s, 200);
  const samples = subjects.map(() => [] as number[]);
  const ROUNDS = 7;
  const perRound = Math.ceil(iterations / ROUNDS);
  let trips = 0;
  let sent = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, s] of subjects.entries()) {
      s.store.trips = 0;
      const before = requests?.() ?? 0;
      samples[i]!.push(await timeRound(s, perRound));
      trips = s.store.trips / perRound;
      sent = ((requests?.() ?? 0) - before) / perRound;
    }
  }
  for (const s of subjects) await s.store.close();
  return {
    us: new Map(depths.map((d, i) => [d, median(samples[i]!)])),
    trips,
    requests: requests ? sent : undefined,
    bytes: subjects.at(-1)!.store.bytes,
  };
}

function crisisPerMessage(): number {
  const texts = ["hello, where do I report this?", "mujhe samajh nahi aa raha kya karu", "मुझे डर लग रहा है", "x".repeat(4096)];
  for (let i = 0; i < 500; i++) deps.detectCrisis(texts[i % texts.length]!);
  const start = process.hrtime.bigint();
  const n = ITERATIONS * 5;
  for (let i = 0; i < n; i++) deps.detectCrisis(texts[i % texts.length]!);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

const DEPTHS = [1, 10, 50];
const results: Record<string, StoreResult | string> = {};
results.memory = await perUpdate(() => new MemoryStore(), DEPTHS, ITERATIONS);

// Redis and Upstash (the REST bridge from test/support, on loopback) when a redis-server answers.
const url = redisUrl("bench");
const admin = adminClient(url);
admin.on("error", () => undefined);
const reachable = await admin.flushdb().then(
  () => true,
  () => false,
);
if (reachable) {
  results.redis = await perUpdate(
    async () => {
      const store = new RedisStore(url);
      if (!(await store.ready(5000))) throw new Error("Redis answered FLUSHDB but not the store's connection");
      return store;
    },
    DEPTHS,
    Math.ceil(ITERATIONS / 2),
  );
  const bridge = await startUpstashBridge({ redisUrl: url });
  results.upstash = await perUpdate(() => new UpstashStore({ url: bridge.url, token: bridge.token }), DEPTHS, Math.ceil(ITERATIONS / 4), () => bridge.requests());
  await bridge.close();
  await admin.flushdb();
} else {
  results.redis = results.upstash = `skipped: no Redis at ${new URL(url).host}`;
}
admin.disconnect();
const crisis = crisisPerMessage();

const fmt = (r: StoreResult | string, f: (r: StoreResult) => string) => (typeof r === "string" ? "–" : f(r));
const names = ["memory", "redis", "upstash"] as const;
const rows: [string, ...string[]][] = [
  ["", ...names],
  ...DEPTHS.map((d): [string, ...string[]] => [`button tap, depth ${d} (µs/update)`, ...names.map((n) => fmt(results[n]!, (r) => r.us.get(d)!.toFixed(1)))]),
  ["depth 50 / depth 1", ...names.map((n) => fmt(results[n]!, (r) => (r.us.get(50)! / r.us.get(1)!).toFixed(2)))],
  ["store round trips per update", ...names.map((n) => fmt(results[n]!, (r) => r.trips.toFixed(2)))],
  ["HTTP requests per update", ...names.map((n) => fmt(results[n]!, (r) => (r.requests === undefined ? "–" : r.requests.toFixed(2))))],
  ["stored bytes per session", ...names.map((n) => fmt(results[n]!, (r) => String(r.bytes)))],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`Not Your Fault benchmarks — ${cpus().length}× ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${ITERATIONS} iterations`);
for (const [k, ...v] of rows) console.log(`${k.padEnd(width)}  ${v.map((x) => x.padStart(10)).join("")}`);
for (const n of names) if (typeof results[n] === "string") console.log(`${n}: ${results[n]}`);
console.log(`${"crisis check (µs/message, mixed incl. 4,096 chars)".padEnd(width)}  ${crisis.toFixed(1).padStart(10)}`);

const json = (r: StoreResult | string) =>
  typeof r === "string"
    ? r
    : {
        depth1_us: r.us.get(1),
        depth10_us: r.us.get(10),
        depth50_us: r.us.get(50),
        depth50_over_depth1: r.us.get(50)! / r.us.get(1)!,
        store_round_trips_per_update: r.trips,
        http_requests_per_update: r.requests,
        session_bytes: r.bytes,
      };
const memory = results.memory;
writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      iterations: ITERATIONS,
      // Headline figures: the memory store (the in-process cost of the bot itself).
      ...(json(memory) as object),
      crisis_check_us: crisis,
      stores: Object.fromEntries(names.map((n) => [n, json(results[n]!)])),
    },
    null,
    2,
  )}\n`,
);
