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
import type { SessionStore } from "../src/store/session-store.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { createBot } from "../src/telegram/bot.js";

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
  async compareAndSet(key: string, value: string, expected: number, ttl: number) {
    this.trips++;
    this.bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
    return this.inner.compareAndSet(key, value, expected, ttl);
  }
  async delete(...keys: string[]) {
    this.trips++;
    return this.inner.delete(...keys);
  }
  async ping() {
    return this.inner.ping();
  }
  async close() {}
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

async function subject(depth: number): Promise<Subject> {
  const store = new CountingStore(new MemoryStore());
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

/** Depths are measured round-robin, several rounds, median: JIT warm-up and noise hit all alike. */
async function perUpdate(depths: number[]): Promise<Map<number, { us: number; trips: number; bytes: number }>> {
  const subjects = await Promise.all(depths.map(subject));
  for (const s of subjects) await timeRound(s, 300);
  const samples = subjects.map(() => [] as number[]);
  const ROUNDS = 7;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, s] of subjects.entries()) {
      s.store.trips = 0;
      samples[i]!.push(await timeRound(s, Math.ceil(ITERATIONS / ROUNDS)));
    }
  }
  return new Map(
    subjects.map((s, i) => [depths[i]!, { us: median(samples[i]!), trips: s.store.trips / Math.ceil(ITERATIONS / ROUNDS), bytes: s.store.bytes }]),
  );
}

function crisisPerMessage(): number {
  const texts = ["hello, where do I report this?", "mujhe samajh nahi aa raha kya karu", "मुझे डर लग रहा है", "x".repeat(4096)];
  for (let i = 0; i < 500; i++) deps.detectCrisis(texts[i % texts.length]!);
  const start = process.hrtime.bigint();
  const n = ITERATIONS * 5;
  for (let i = 0; i < n; i++) deps.detectCrisis(texts[i % texts.length]!);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

const byDepth = await perUpdate([1, 10, 50]);
const d1 = byDepth.get(1)!;
const d10 = byDepth.get(10)!;
const d50 = byDepth.get(50)!;
const crisis = crisisPerMessage();

const rows: [string, string][] = [
  ["button tap, depth 1 (µs/update)", d1.us.toFixed(1)],
  ["button tap, depth 10 (µs/update)", d10.us.toFixed(1)],
  ["button tap, depth 50 (µs/update)", d50.us.toFixed(1)],
  ["depth 50 / depth 1", (d50.us / d1.us).toFixed(2)],
  ["store round trips per update", d50.trips.toFixed(2)],
  ["stored bytes per session (key + ciphertext)", String(d50.bytes)],
  ["crisis check (µs/message, mixed incl. 4,096 chars)", crisis.toFixed(1)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`Not Your Fault benchmarks — ${cpus().length}× ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${ITERATIONS} iterations, memory store`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.padStart(10)}`);

const results = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  store: "memory",
  iterations: ITERATIONS,
  depth1_us: d1.us,
  depth10_us: d10.us,
  depth50_us: d50.us,
  depth50_over_depth1: d50.us / d1.us,
  store_round_trips_per_update: d50.trips,
  session_bytes: d50.bytes,
  crisis_check_us: crisis,
};
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
