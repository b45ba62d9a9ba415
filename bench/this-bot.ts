/**
 * The bot itself under measurement: the real createBot on a counting store, outgoing calls
 * answered by a transformer (nothing leaves the process), one tap at a time.
 */
import type { Transformer } from "grammy";
import { loadConversationDeps } from "../src/deps.js";
import { ChatVault } from "../src/privacy/chat-vault.js";
import { deriveChatKeys } from "../src/privacy/pseudonym.js";
import { createLogger } from "../src/privacy/logger.js";
import type { SessionStore } from "../src/store/session-store.js";
import { createBot } from "../src/telegram/bot.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { CountingStore } from "./counting-store.js";
import { BOT_INFO, median, nextUpdateId, screenAt, SCRIPT, tapUpdate, TOGGLE } from "./updates.js";

const deps = loadConversationDeps();
/** No flood limit in the way of a benchmark that taps thousands of times a second. */
const UNLIMITED = { rateWindowMs: 10_000, maxUpdates: Number.MAX_SAFE_INTEGER };

const SECRET = "bench-secret-bench-secret-bench-secret-01";

function makeBot(store: SessionStore) {
  const vault = new ChatVault(store, SECRET, 3600);
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

export interface FirstUpdateResult {
  /** Median ms of a returning person's first tap in a process that has not seen them (one key derivation). */
  first_ms: number;
  /** Median ms of their next tap, keys cached. */
  cached_ms: number;
  /** Median ms of the key derivation alone (scrypt + HMAC + HKDF), one at a time. */
  derive_ms: number;
  /** Derivations a second on one core: what guessing chat ids costs someone with the database and the secret. */
  ids_per_core_second: number;
  /** Core-years to derive the keys of every id up to 10^10 at that rate. */
  core_years_for_1e10_ids: number;
}

/**
 * What the storage-key derivation costs: a returning person's first tap in a fresh process (the
 * derivation is cached per process, see ChatVault), their next tap, and the derivation alone.
 */
export async function measureFirstUpdate(open: () => SessionStore | Promise<SessionStore>, people = 30): Promise<FirstUpdateResult> {
  const store = await open();
  const chats = Array.from({ length: people }, (_, i) => 20_000 + i);
  const before = makeBot(store);
  for (const chat of chats) await prepare(before, chat, 3);
  const screen = screenAt(3);
  const fresh = makeBot(store); // a new process: nothing cached
  const firsts: number[] = [];
  const nexts: number[] = [];
  for (const chat of chats) {
    for (const [times, data] of [[firsts, encodeButton(screen, { type: "HELPLINES" })], [nexts, encodeButton("helplines", { type: "BACK" })]] as const) {
      const start = performance.now();
      await fresh.handleUpdate(tapUpdate(chat, data, nextUpdateId()));
      times.push(performance.now() - start);
    }
  }
  await store.close();
  const derives: number[] = [];
  for (let i = 0; i < people; i++) {
    const start = performance.now();
    await deriveChatKeys(SECRET, 30_000 + i);
    derives.push(performance.now() - start);
  }
  const derive = median(derives);
  const perSecond = 1000 / derive;
  return {
    first_ms: median(firsts),
    cached_ms: median(nexts),
    derive_ms: derive,
    ids_per_core_second: perSecond,
    core_years_for_1e10_ids: 1e10 / perSecond / (365.25 * 24 * 3600),
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
