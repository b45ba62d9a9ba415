/**
 * `node --import tsx bench/conversations-flow.check.ts`: proves the @grammyjs/conversations version
 * of the flow (bench/conversations-flow.ts) really works before its numbers are believed, then
 * prints them for the memory store.
 *
 * Every screen it sends is compared with what the main bot's own turn logic (the XState machine,
 * through src/screens/reply.ts) renders for the same taps: same text, same keyboard, same
 * callback data. A chat is driven 50 updates deep and the stored replay log is checked to hold
 * 50 updates; then the benchmark's "helplines, Back" pair is checked at that depth.
 */
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { Api, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { ConversationContext, ConversationEvent } from "../src/conversation/machine.js";
import type { PersonInput } from "../src/conversation/turn.js";
import { loadConversationDeps } from "../src/deps.js";
import { reply } from "../src/screens/reply.js";
import { screenFor } from "../src/screens/screens.js";
import { renderScreen } from "../src/screens/render.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { keyboardFor } from "../src/telegram/keyboard.js";
import { CountingStore } from "./counting-store.js";
import {
  BOT_INFO,
  type Answering,
  SCRIPT,
  TOGGLE,
  createConversationsBot,
  fakeFetch,
  keyOf,
  measureConversations,
  nextUpdateId,
  prepareConversations,
  tapUpdate,
  updatesIn,
} from "./conversations-flow.js";

const deps = loadConversationDeps();
const t = deps.translate("en");

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

/** One chat on both bots: the conversations bot for real, the main bot's pure turn logic as the reference. */
class Pair {
  readonly calls: Call[] = [];
  readonly store = new CountingStore(new MemoryStore());
  readonly bot: ReturnType<typeof createConversationsBot>;
  /** The main bot's stored conversation for this chat. */
  ref: unknown = undefined;
  screen = "welcome";
  updates = 0;
  constructor(
    readonly chat: number,
    readonly answering: Answering,
  ) {
    this.bot = createConversationsBot({ store: this.store, botInfo: BOT_INFO, answering, onCall: (method, payload) => this.calls.push({ method, payload }) });
  }

  /** The current screen (a call, so assertions on it don't narrow later reads). */
  at(): string {
    return this.screen;
  }

  /** Sends `update` to the conversations bot and `input` through the main bot's turn; the two must show the same. */
  async send(update: Update, input: PersonInput, mode: "edit" | "new", label: string): Promise<string> {
    this.calls.length = 0;
    await this.bot.handleUpdate(update);
    this.updates++;
    const expected = reply(deps, this.ref, input);
    this.ref = expected.turn.stored;
    this.screen = expected.screen.id;
    const want = mode === "edit" ? ["answerCallbackQuery", "editMessageText"] : ["sendMessage"];
    // With a transformer the replay calls the API again for every earlier step: only the last calls are this update's.
    const calls = this.answering === "transformer" ? this.calls.slice(-want.length) : this.calls;
    const sent = calls.at(-1);
    assert.deepEqual(calls.map((c) => c.method), want, `${label}: Bot API calls`);
    assert.ok(sent);
    assert.equal(sent.payload.text, expected.screen.text, `${label}: screen text`);
    assert.deepEqual(sent.payload.reply_markup, JSON.parse(JSON.stringify(keyboardFor(expected.screen))), `${label}: keyboard`);
    return expected.screen.text;
  }

  /** A tap on the button carrying `event` on the current screen (or on `screen`, for stale taps). */
  tap(event: ConversationEvent, screen = this.screen): Promise<string> {
    const data = encodeButton(screen, event);
    return this.send(tapUpdate(this.chat, data, nextUpdateId()), { kind: "event", event, screen, locale: "en" }, "edit", `${screen} ${data}`);
  }

  tapData(data: string, event: ConversationEvent): Promise<string> {
    const screen = data.split("|")[1]!;
    return this.send(tapUpdate(this.chat, data, nextUpdateId()), { kind: "event", event, screen, locale: "en" }, "edit", `${screen} ${data}`);
  }

  /** How many updates the stored replay log holds. */
  async depth(): Promise<number> {
    const stored = await this.store.inner.get(keyOf(this.chat));
    assert.ok(stored, "conversation state stored");
    assert.equal(Object.keys((JSON.parse(stored.value) as { state: object }).state).length, 1, "one active conversation");
    return updatesIn(stored.value);
  }
}

const SCRIPT_EVENTS: ConversationEvent[] = [{ type: "BEGIN" }, { type: "SAFE" }, { type: "CHOOSE", value: "sextortion" }, { type: "CHOOSE", value: "adult" }];
const helplinesIntro = t("helplines-intro", { country: t("country-in") });

/** Drives both bots through the same updates and fails on the first screen that differs. */
export async function checkFlow(answering: Answering): Promise<void> {
  // 1. The benchmark's own path, 50 updates deep, compared screen by screen.
  {
    const p = new Pair(1, answering);
    for (let i = 0; i < 50; i++) {
      const data = SCRIPT[i]?.[0] ?? TOGGLE;
      const screenText = await p.tapData(data, SCRIPT_EVENTS[i] ?? { type: "TOGGLE", value: "instagram" });
      assert.equal(p.screen, SCRIPT[i]?.[1] ?? "platforms");
      if (i === 0) assert.ok(screenText.startsWith(t("safety-question")));
      if (i >= 3) assert.ok(screenText.startsWith(t("platforms-question")), "platforms screen");
    }
    assert.equal(await p.depth(), 50, "50 updates in the replay log");
    assert.equal(p.store.trips, 2 * p.updates, "one get and one compareAndSet per update");

    const open = await p.tap({ type: "HELPLINES" });
    assert.ok(open.startsWith(helplinesIntro), "helplines after the helplines tap");
    assert.equal(p.screen, "helplines");
    const back = await p.tap({ type: "BACK" });
    assert.ok(back.startsWith(t("platforms-question")), "platforms again after Back");
    assert.equal(await p.depth(), 52);
    console.log(`ok: 50 updates deep (replay log holds ${await p.depth() - 2} + the 2 just sent), helplines and Back match the main bot`);
  }

  // 2. prepareConversations drives a chat the same way.
  {
    const store = new CountingStore(new MemoryStore());
    const bot = createConversationsBot({ store, botInfo: BOT_INFO, answering });
    await prepareConversations(bot, 7, 50);
    assert.equal(store.trips, 100);
    const stored = await store.inner.get(keyOf(7));
    assert.ok(stored);
    assert.equal(updatesIn(stored.value), 50);
    console.log("ok: prepareConversations(bot, chat, 50) leaves 50 updates in the replay log, 2 round trips each");
  }

  // 3. The rest of the flow, overlays, stale taps and typed messages, all against the main bot's turn logic.
  {
    const p = new Pair(2, answering);
    await p.tap({ type: "BEGIN" });
    await p.tap({ type: "NOT_SAFE" });
    assert.equal(p.at(), "danger");
    await p.tap({ type: "CRISIS" });
    assert.equal(p.at(), "crisis");
    await p.tap({ type: "HELPLINES" });
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "incident", "Back from helplines over crisis returns to the flow");
    await p.tap({ type: "CHOOSE", value: "shared" });
    assert.equal(p.at(), "threat");
    await p.tap({ type: "BACK" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "SELF_HARM" });
    assert.equal(p.at(), "crisis");
    await p.tap({ type: "RESUME" });
    assert.equal(p.at(), "incident");
    await p.tap({ type: "CHOOSE", value: "morphed" });
    await p.tap({ type: "CHOOSE", value: "yes" });
    assert.equal(p.at(), "age");
    await p.tap({ type: "CHOOSE", value: "nonsense" });
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "threat");
    await p.tap({ type: "SKIP" });
    await p.tap({ type: "CHOOSE", value: "adult" });
    await p.tap({ type: "TOGGLE", value: "instagram" });
    await p.tap({ type: "TOGGLE", value: "whatsapp" });
    await p.tap({ type: "TOGGLE", value: "nonsense" });
    await p.tap({ type: "BEGIN" }, "welcome"); // a stale button from the first message
    await p.tap({ type: "DONE" });
    assert.equal(p.at(), "country");
    await p.tap({ type: "CHOOSE", value: "in" });
    assert.equal(p.at(), "woman", "BNS 77-79 could apply: the woman question");
    await p.tap({ type: "CHOOSE", value: "yes" });
    assert.equal(p.at(), "reassurance");
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "woman");
    await p.tap({ type: "SKIP" });
    await p.tap({ type: "DANGER" });
    assert.equal(p.at(), "danger", "the reassurance's danger button, after a threat");
    await p.tap({ type: "RESUME" });
    assert.equal(p.at(), "reassurance");
    await p.tap({ type: "NEXT" });
    assert.ok(p.at().startsWith("evidence.step"));
    await p.tap({ type: "WHY" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "DONE" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "SKIP" });
    await p.tap({ type: "PRIVACY" });
    await p.tap({ type: "BACK" });
    for (let guard = 0; p.at().startsWith("evidence.step") && guard < 20; guard++) await p.tap({ type: "DONE" });
    assert.equal(p.at(), "next", "after the last evidence step: takedown or reporting first");
    await p.tap({ type: "CHOOSE", value: "takedown" });
    assert.ok(p.at().startsWith("takedown"), p.at());
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "next", "Back from the first route: the choice again");
    await p.tap({ type: "BACK" });
    assert.ok(p.at().startsWith("evidence.step"), "Back from the choice: the last evidence step");
    await p.tap({ type: "DONE" });
    await p.tap({ type: "SKIP" });
    for (let guard = 0; p.at().startsWith("takedown") && guard < 20; guard++) await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "reporting.overview");
    await p.tap({ type: "LAWS" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "HOW" });
    await p.tap({ type: "NEXT" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "reporting.overview");
    await p.tap({ type: "BACK" });
    assert.ok(p.at().startsWith("takedown"), "Back from reporting: the last route");
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "support", "takedown and reporting both seen: support");
    await p.tap({ type: "BACK" });
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "support");
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "closing");
    await p.tap({ type: "BACK" });
    await p.tap({ type: "NEXT" });
    await p.tap({ type: "HELP" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "LANGUAGE" });
    const hindi = await p.tap({ type: "SET_LOCALE", value: "hi" });
    const closingHi = renderScreen(screenFor(deps.content, { value: { flow: "closing" }, context: (p.ref as { snapshot: { context: ConversationContext } }).snapshot.context }), deps.translate("hi"));
    assert.equal(hindi, closingHi.text, "closing in Hindi");
    const from = { id: 2, is_bot: false, first_name: "p" };
    const chat = { id: 2, type: "private" as const, first_name: "p" };
    await p.send(
      { update_id: nextUpdateId(), message: { message_id: 5, date: 0, chat, from, text: "hello" } },
      { kind: "text", crisis: undefined, locale: "en" },
      "new",
      "typed text",
    );
    await p.send(
      { update_id: nextUpdateId(), message: { message_id: 6, date: 0, chat, from, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } },
      { kind: "start", locale: "en" },
      "new",
      "/start mid-conversation",
    );
    await p.tap({ type: "RESTART" });
    assert.equal(p.at(), "welcome");
    await p.tap({ type: "BEGIN" });
    assert.equal(p.at(), "safety");
    console.log(`ok: the whole flow (${p.updates} updates: danger, crisis, overlays, stale taps, threat, woman, evidence, next, takedown, reporting, closing, Hindi, restart) matches the main bot screen for screen`);
  }

  // 4. The other ways through: reporting before takedown, someone helping, someone who came across images.
  {
    const p = new Pair(3, answering);
    await p.tap({ type: "BEGIN" });
    await p.tap({ type: "SAFE" });
    await p.tap({ type: "CHOOSE", value: "shared" });
    await p.tap({ type: "CHOOSE", value: "no" });
    await p.tap({ type: "CHOOSE", value: "minor" });
    await p.tap({ type: "SKIP" });
    await p.tap({ type: "SKIP" });
    if (p.at() === "woman") await p.tap({ type: "CHOOSE", value: "unsaid" });
    assert.equal(p.at(), "reassurance");
    await p.tap({ type: "NEXT" });
    for (let guard = 0; p.at().startsWith("evidence.step") && guard < 20; guard++) await p.tap({ type: "SKIP" });
    assert.equal(p.at(), "next");
    await p.tap({ type: "CHOOSE", value: "reporting" });
    assert.equal(p.at(), "reporting.overview");
    await p.tap({ type: "CHILD" });
    assert.equal(p.at(), "child");
    await p.tap({ type: "BACK" });
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "next", "Back from reporting chosen first: the choice again");
    await p.tap({ type: "CHOOSE", value: "reporting" });
    await p.tap({ type: "NEXT" });
    assert.ok(p.at().startsWith("takedown"), "reporting first, then takedown");
    for (let guard = 0; p.at().startsWith("takedown") && guard < 20; guard++) await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "support");
    await p.tap({ type: "RESTART" });
    await p.tap({ type: "ROLE", value: "helper" });
    assert.equal(p.at(), "helper");
    await p.tap({ type: "CHILD" });
    await p.tap({ type: "BACK" });
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "incident");
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "helper");
    await p.tap({ type: "NEXT" });
    await p.tap({ type: "CHOOSE", value: "sextortion" });
    assert.equal(p.at(), "age", "no threat question after blackmail");
    await p.tap({ type: "CHOOSE", value: "was-minor" });
    await p.tap({ type: "DONE" });
    await p.tap({ type: "CHOOSE", value: "in" });
    if (p.at() === "woman") await p.tap({ type: "CHOOSE", value: "no" });
    assert.equal(p.at(), "reassurance");
    await p.tap({ type: "DANGER" }, "welcome"); // an old danger button is not a global one: stale
    await p.tap({ type: "RESTART" });
    await p.tap({ type: "ROLE", value: "bystander" });
    assert.equal(p.at(), "bystander");
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "platforms");
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "bystander");
    await p.tap({ type: "NEXT" });
    await p.tap({ type: "TOGGLE", value: "instagram" });
    await p.tap({ type: "DONE" });
    await p.tap({ type: "CHOOSE", value: "in" });
    assert.ok(p.at().startsWith("takedown"), "a bystander goes straight to reporting the post");
    await p.tap({ type: "BACK" });
    assert.equal(p.at(), "country");
    await p.tap({ type: "SKIP" });
    for (let guard = 0; p.at().startsWith("takedown") && guard < 20; guard++) await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "reporting.overview");
    await p.tap({ type: "NEXT" });
    assert.equal(p.at(), "support");
    console.log(`ok: reporting first, the helper and the bystander paths (${p.updates} updates) match the main bot screen for screen`);
  }
}

// Run as a script: the checks, then the numbers. Imported (test/bench): only checkFlow.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const answering of ["fetch", "transformer"] as const) {
    console.log(`answering Bot API calls with a ${answering}:`);
    await checkFlow(answering);
  }

  // 4. What the fake fetch costs beyond the main bot's transformer, per Bot API call.
  function perCall(api: Api, n: number): Promise<number> {
    const screen = renderScreen(screenFor(deps.content, { value: { flow: "platforms" }, context: (reply(deps, undefined, { kind: "start", locale: "en" }).turn.snapshot.context) }), t);
    const options = { reply_markup: keyboardFor(screen), link_preview_options: { is_disabled: true } };
    return (async () => {
      for (let i = 0; i < 500; i++) await api.editMessageText(1, 1, screen.text, options);
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await api.editMessageText(1, 1, screen.text, options);
      return Number(process.hrtime.bigint() - start) / 1000 / n;
    })();
  }
  const viaFetch = new Api("1:BENCH", { apiRoot: "http://127.0.0.1:9", fetch: fakeFetch() });
  const viaTransformer = new Api("1:BENCH", { apiRoot: "http://127.0.0.1:9" });
  const answer: Transformer = async () => ({ ok: true, result: true }) as never;
  viaTransformer.config.use(answer);
  const fetchUs = await perCall(viaFetch, 5000);
  const transformerUs = await perCall(viaTransformer, 5000);

  // 5. The numbers, memory store.
  const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
  const DEPTHS = [1, 10, 50];
  console.log(`\n@grammyjs/conversations 2.1.1, memory store, ${ITERATIONS} iterations, Node ${process.version}`);
  console.log(`fake fetch vs transformer, one editMessageText alone: ${fetchUs.toFixed(2)} vs ${transformerUs.toFixed(2)} µs (+${(fetchUs - transformerUs).toFixed(2)} µs a call, 2 calls per update)`);
  for (const answering of ["fetch", "transformer"] as const) {
    const r = await measureConversations(() => new MemoryStore(), DEPTHS, ITERATIONS, { answering });
    assert.equal(r.trips, 2, "2 store round trips per update");
    console.log(`\nBot API answered by ${answering === "fetch" ? "a fake fetch (calls logged and replayed, as in production)" : "a transformer (as bench/run.ts; calls not logged, re-run on replay)"}:`);
    for (const d of DEPTHS) {
      console.log(`  depth ${String(d).padStart(2)}: ${r.us.get(d)!.toFixed(1).padStart(8)} µs/update wall, ${r.cpuUs.get(d)!.toFixed(1).padStart(8)} µs/update CPU, ${String(r.bytesAt.get(d)).padStart(6)} bytes stored at depth ${d}`);
    }
    console.log(`  depth 50 / depth 1: ${(r.us.get(50)! / r.us.get(1)!).toFixed(2)} wall, ${(r.cpuUs.get(50)! / r.cpuUs.get(1)!).toFixed(2)} CPU`);
    console.log(`  store round trips per update: ${r.trips.toFixed(2)}`);
    console.log(`  stored bytes per session (largest, depth-50 chat): ${r.bytes}`);
  }
}
