/**
 * The bot itself under measurement: the real createBot on a counting store, outgoing calls
 * answered by a transformer (nothing leaves the process), one tap at a time.
 */
import type { Transformer } from "grammy";
import { loadConversationDeps } from "../src/deps.js";
import { ChatVault } from "../src/privacy/chat-vault.js";
import { createLogger } from "../src/privacy/logger.js";
import type { SessionStore } from "../src/store/session-store.js";
import { createBot } from "../src/telegram/bot.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { CountingStore } from "./counting-store.js";
import { BOT_INFO, median, nextUpdateId, screenAt, SCRIPT, tapUpdate, TOGGLE } from "./updates.js";

const deps = loadConversationDeps();
/** No flood limit in the way of a benchmark that taps thousands of times a second. */
const UNLIMITED = { rateWindowMs: 10_000, maxUpdates: Number.MAX_SAFE_INTEGER };

function makeBot(store: SessionStore) {
  const vault = new ChatVault(store, "bench-secret-bench-secret-bench-secret-01", 3600);
  const bot = createBot({ ...deps, vault, token: "1:BENCH", apiRoot: "http://127.0.0.1:9", logger: createLogger("silent"), botInfo: BOT_INFO, limits: UNLIMITED });
  let id = 100;
  const answer: Transformer = async (_prev, method, payload) =>
    ({ ok: true, result: method === "sendMessage" ? { message_id: ++id, date: 0, chat: { id: (payload as { chat_id: number }).chat_id, type: "private" } } : true }) as never;
  bot.api.config.use(answer);
  return bot;
}

/** Brings a chat `depth` updates into the conversation; returns the screen it is on. */
async function prepare(bot: ReturnType<typeof makeBot>, chat: number, depth: number): Promise<string> {
  for (let i = 0; i < depth; i++) await bot.handleUpdate(tapUpdate(chat, SCRIPT[i]?.[0] ?? TOGGLE, nextUpdateId()));
  return screenAt(depth);
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

/** Mean wall-clock and CPU µs of one real transition: open the helplines from the current screen, then go back. */
async function timeRound(s: Subject, n: number): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await s.bot.handleUpdate(tapUpdate(s.chat, i % 2 ? s.back : s.open, nextUpdateId()));
  const used = process.cpuUsage(cpu0);
  return { wall: Number(process.hrtime.bigint() - start) / 1000 / n, cpu: (used.user + used.system) / n };
}

export interface ThisBotResult {
  /** Median wall-clock µs per update, per depth. */
  us: Map<number, number>;
  /** Median CPU µs per update, per depth. */
  cpuUs: Map<number, number>;
  trips: number;
  /** HTTP requests per update, where the store speaks HTTP (Upstash). */
  requests?: number;
  bytes: number;
}

/** Depths are measured round-robin, several rounds, median: JIT warm-up and noise hit all alike. */
export async function measureThisBot(open: () => SessionStore | Promise<SessionStore>, depths: number[], iterations: number, requests?: () => number): Promise<ThisBotResult> {
  const subjects: Subject[] = [];
  for (const depth of depths) subjects.push(await subject(new CountingStore(await open()), depth));
  for (const s of subjects) await timeRound(s, 200);
  const walls = subjects.map(() => [] as number[]);
  const cpus = subjects.map(() => [] as number[]);
  const ROUNDS = 7;
  const perRound = Math.ceil(iterations / ROUNDS);
  let trips = 0;
  let sent = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, s] of subjects.entries()) {
      s.store.trips = 0;
      const before = requests?.() ?? 0;
      const { wall, cpu } = await timeRound(s, perRound);
      walls[i]!.push(wall);
      cpus[i]!.push(cpu);
      trips = s.store.trips / perRound;
      sent = ((requests?.() ?? 0) - before) / perRound;
    }
  }
  for (const s of subjects) await s.store.close();
  return {
    us: new Map(depths.map((d, i) => [d, median(walls[i]!)])),
    cpuUs: new Map(depths.map((d, i) => [d, median(cpus[i]!)])),
    trips,
    requests: requests ? sent : undefined,
    bytes: subjects.at(-1)!.store.bytes,
  };
}

export function crisisPerMessage(iterations: number): number {
  const texts = ["hello, where do I report this?", "mujhe samajh nahi aa raha kya karu", "मुझे डर लग रहा है", "x".repeat(4096)];
  for (let i = 0; i < 500; i++) deps.detectCrisis(texts[i % texts.length]!);
  const start = process.hrtime.bigint();
  const n = iterations * 5;
  for (let i = 0; i < n; i++) deps.detectCrisis(texts[i % texts.length]!);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}
