/**
 * The same flow as the real bot, written the way most grammY bots write it: with
 * `@grammyjs/conversations` 2.x. Sequential code with local variables and `wait` calls, whose
 * state of execution (every update received and every Bot API result so far) is persisted as a
 * replay log and re-run from the start on every update. Measured side by side with the main bot
 * (bench/run.ts), on the same SessionStore, at the same conversation depths.
 *
 * Fairness, as built here:
 * - Screens are rendered exactly as the main bot renders them (src/screens: screenFor →
 *   renderScreen with the project's Fluent translator → keyboardFor), and every tap costs one
 *   answerCallbackQuery and one editMessageText, as in the main bot.
 * - The plugin's state goes to the same store through the SessionStore interface (one `get`, one
 *   `compareAndSet` per update), as plain JSON under `nyf:bench:conv:<chat>`. The main bot also
 *   pseudonymises the key (HMAC) and encrypts and authenticates the value; this one does not, which
 *   favours the conversations plugin.
 * - Outgoing Bot API calls never leave the process. The main bot's bench short-circuits them with
 *   an API transformer. Here that would change what is measured: the plugin builds its own Api
 *   object for every replayed update and records each call's result beneath any transformer a
 *   plugin can install. So by default the answer comes from a fake `fetch` (client option) that
 *   the plugin's Api objects inherit, and calls are logged and replayed exactly as in production;
 *   grammY then still serialises each payload to JSON first, which the main bot's bench skips.
 *   `answering: "transformer"` is the other way round (see Answering); the check prints both.
 * - To measure at a fixed depth, a chat's stored state is put back to its depth-d value after each
 *   "helplines, Back" pair (untimed, uncounted), just as the main bot's snapshot is identical again
 *   after the pair. Without that, every measured tap would make the conversation deeper.
 */
import { sequentialize } from "@grammyjs/runner";
import {
  conversations,
  createConversation,
  type Conversation,
  type ConversationData,
  type ConversationFlavor,
  type VersionedState,
  type VersionedStateStorage,
} from "@grammyjs/conversations";
import { Bot, Context, type Filter, type Middleware, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { CountryId, IncidentId, PlatformId } from "../src/content/schema.js";
import {
  freshContext,
  IMAGE_AGES,
  LOCALES,
  WOMAN_ANSWERS,
  type ConversationContext,
  type ConversationEvent,
  type ImageAge,
  type Locale,
  type Section,
  type Woman,
} from "../src/conversation/machine.js";
import type { Notice } from "../src/conversation/turn.js";
import { asksWoman, evidenceSteps, reportingRoutes, takedownRoutes } from "../src/conversation/steps.js";
import { loadConversationDeps } from "../src/deps.js";
import { renderScreen } from "../src/screens/render.js";
import { text } from "../src/screens/screen.js";
import { screenFor } from "../src/screens/screens.js";
import type { SessionStore } from "../src/store/session-store.js";
import { CountingStore } from "./counting-store.js";
import { BOT_INFO, median, nextUpdateId, screenAt, SCRIPT, tapUpdate, TOGGLE } from "./updates.js";
import { decodeButton, encodeButton } from "../src/telegram/callback-data.js";
import { keyboardFor } from "../src/telegram/keyboard.js";
import { localeFromTelegram } from "../src/telegram/locale.js";

// The check script takes these from here, beside the bot they drive.
export { BOT_INFO, nextUpdateId, SCRIPT, tapUpdate, TOGGLE };

const deps = loadConversationDeps();

/** Same time to live as the main bot's bench vault. */
export const TTL_SECONDS = 3600;
export const KEY_PREFIX = "nyf:bench:conv:";
export const keyOf = (chat: number) => `${KEY_PREFIX}${chat}`;



export type ConversationsContext = ConversationFlavor<Context>;
type Convo = Conversation<ConversationsContext, Context>;
type Tap = Filter<Context, "callback_query:data">;
type View = Parameters<typeof screenFor>[1];
/** Screens that open over the flow and go back to where the person was. */
type Overlay = "helplines" | "privacy" | "help" | "crisis" | "danger" | "child" | "language";
type Place =
  | "welcome"
  | "helper"
  | "bystander"
  | "safety"
  | "incident"
  | "threat"
  | "age"
  | "platforms"
  | "country"
  | "woman"
  | "reassurance"
  | "evidence"
  | "why"
  | "next"
  | "takedown"
  | "overview"
  | "detail"
  | "laws"
  | "support"
  | "closing";

const OVERLAYS: Partial<Record<ConversationEvent["type"], Overlay>> = {
  HELPLINES: "helplines",
  PRIVACY: "privacy",
  HELP: "help",
  CRISIS: "crisis",
  DANGER: "danger",
  CHILD: "child",
  LANGUAGE: "language",
};

/**
 * Overlay events the main bot honours from any screen, an old one included (its GLOBAL_EVENTS).
 * DANGER and CHILD are not among them: from an older screen they are a stale button.
 */
const GLOBAL = new Set<ConversationEvent["type"]>(["HELPLINES", "PRIVACY", "HELP", "CRISIS", "LANGUAGE"]);
const opens = (button: ReturnType<typeof decodeButton>, id: string): Overlay | undefined => {
  const name = button && OVERLAYS[button.event.type];
  return name && (GLOBAL.has(button.event.type) || button.screen === id) ? name : undefined;
};

/** The machine's state value for each place, so screenFor draws the very screen the main bot draws. */
const VALUES: Record<Place, View["value"]> = {
  welcome: { flow: "welcome" },
  helper: { flow: "helper" },
  bystander: { flow: "bystander" },
  safety: { flow: "safety" },
  incident: { flow: "incident" },
  threat: { flow: "threat" },
  age: { flow: "age" },
  platforms: { flow: "platforms" },
  country: { flow: "country" },
  woman: { flow: "woman" },
  reassurance: { flow: "reassurance" },
  evidence: { flow: { evidence: "step" } },
  why: { flow: { evidence: "why" } },
  next: { flow: "next" },
  takedown: { flow: "takedown" },
  overview: { flow: { reporting: "overview" } },
  detail: { flow: { reporting: "detail" } },
  laws: { flow: { reporting: "laws" } },
  support: { flow: "support" },
  closing: { flow: "closing" },
};

const SECTION_OF: Partial<Record<Place, Section>> = {
  safety: "safety",
  incident: "incident",
  evidence: "evidence",
  why: "evidence",
  takedown: "takedown",
  overview: "reporting",
  detail: "reporting",
  laws: "reporting",
  support: "support",
  closing: "closing",
};

const fresh = freshContext;

/**
 * Puts a screen into words and onto Telegram as the answer to `ctx`: a tap is answered (the
 * spinner stops) and its message edited in place; anything else gets a new message. Returns the
 * screen id its buttons carry.
 */
async function show(ctx: Context, view: View, notice?: Notice): Promise<string> {
  const screen = renderScreen(screenFor(deps.content, view), deps.translate(view.context.locale), notice ? text(`notice-${notice}`) : undefined);
  const options = { reply_markup: keyboardFor(screen), link_preview_options: { is_disabled: true } };
  const message = ctx.callbackQuery?.message;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (message) {
    try {
      await ctx.api.editMessageText(message.chat.id, message.message_id, screen.text, options);
      return screen.id;
    } catch {
      // Too old to edit, or already showing this: a new message below does it.
    }
  }
  await ctx.reply(screen.text, options);
  return screen.id;
}

/** Anything but a button while a screen waits: the main bot's calm "please use the buttons". */
const notButton = (view: View) => (other: Context) => show(other, view, other.hasCommand("start") ? "welcome-back" : "not-understood");

/**
 * An overlay (helplines, privacy, help, crisis, danger, child, language) over the flow. Returns the tap that
 * closes it; the caller shows the flow screen again on that tap, as the main bot's history does.
 */
async function overlay(conversation: Convo, ctx: Context, first: Overlay, c: ConversationContext): Promise<Tap> {
  let name = first;
  let view: View = { value: name, context: c };
  let id = await show(ctx, view);
  for (;;) {
    const tap = await conversation.waitFor("callback_query:data", { otherwise: notButton(view) });
    const button = decodeButton(tap.callbackQuery.data);
    const other = opens(button, id);
    if (other) {
      name = other;
      view = { value: name, context: c };
      id = await show(tap, view);
      continue;
    }
    if (!button || button.screen !== id) {
      id = await show(tap, view, "stale-button");
      continue;
    }
    const { event } = button;
    if (event.type === "BACK" || (event.type === "RESUME" && (name === "crisis" || name === "danger"))) return tap;
    if (event.type === "SET_LOCALE" && (LOCALES as readonly string[]).includes(event.value)) {
      c.locale = event.value as Locale;
      return tap;
    }
    id = await show(tap, view);
  }
}

/**
 * Shows `view` as the answer to `ctx` and waits for a tap on it. Overlays are handled here, from
 * any screen, so a "helplines, Back" pair runs inside the conversation and pays its replay.
 */
async function ask(conversation: Convo, ctx: Context, view: View, notice?: Notice): Promise<[Tap, ConversationEvent]> {
  let id = await show(ctx, view, notice);
  for (;;) {
    const tap = await conversation.waitFor("callback_query:data", { otherwise: notButton(view) });
    const button = decodeButton(tap.callbackQuery.data);
    const name = opens(button, id);
    if (name) {
      const back = await overlay(conversation, tap, name, view.context);
      id = await show(back, view);
      continue;
    }
    if (button?.event.type === "RESTART") return [tap, button.event];
    if (!button || button.screen !== id) {
      id = await show(tap, view, "stale-button");
      continue;
    }
    return [tap, button.event];
  }
}

/**
 * The conversation: welcome (or helping someone, or came across images) → safety → what happened →
 * also threatened? → age in the images → platforms → country → a woman? → … → closing.
 */
async function nyf(conversation: Convo, first: Context): Promise<void> {
  let c = fresh(localeFromTelegram(first.from?.language_code));
  let place = "welcome" as Place;
  let ctx: Context = first;
  // An overlay to show before the next question (danger or crisis, from the safety question).
  let firstOverlay: Overlay | undefined;
  // Entered by the welcome screen's own button: act on it instead of showing the welcome again.
  const entry = decodeButton(first.callbackQuery?.data);
  let pending = entry?.screen === "welcome" ? entry.event : undefined;

  const go = (to: Place) => {
    let next = to;
    // The machine's eventless transitions: no "also threatened?" after blackmail, no "a woman?"
    // where no law for women only could apply.
    if (next === "threat" && c.incident === "sextortion") next = "age";
    if (next === "woman" && !asksWoman(deps.content, c)) next = "reassurance";
    place = next;
    const section = SECTION_OF[next];
    if (section && !c.visited.includes(section)) c.visited = [...c.visited, section];
  };
  const visited = (section: Section) => c.visited.includes(section);
  const steps = () => evidenceSteps(deps.content, c).length;
  const routes = () => takedownRoutes(deps.content, c).length;
  const reports = () => reportingRoutes(deps.content, c).length;
  const valueOf = (e: ConversationEvent) => ("value" in e ? e.value : "");
  const setRole = (role: ConversationContext["role"]) => {
    c.role = role;
    c.step = 0;
    c.route = 0;
  };
  const toTakedown = () => {
    c.route = 0;
    go("takedown");
  };

  for (;;) {
    let event: ConversationEvent;
    if (pending) {
      event = pending;
      pending = undefined;
    } else {
      if (firstOverlay) {
        const name = firstOverlay;
        firstOverlay = undefined;
        ctx = await overlay(conversation, ctx, name, c);
      }
      [ctx, event] = await ask(conversation, ctx, { value: VALUES[place], context: c });
    }
    if (event.type === "RESTART") {
      c = fresh(c.locale);
      place = "welcome";
      continue;
    }
    const e = event.type;
    switch (place) {
      case "welcome":
        if (e === "BEGIN" || e === "NEXT") {
          setRole("self");
          go("safety");
        } else if (e === "ROLE" && valueOf(event) === "helper") {
          setRole("helper");
          go("helper");
        } else if (e === "ROLE" && valueOf(event) === "bystander") {
          setRole("bystander");
          go("bystander");
        }
        break;
      case "helper":
        if (e === "NEXT" || e === "SKIP") go("incident");
        else if (e === "BACK") go("welcome");
        break;
      case "bystander":
        if (e === "NEXT" || e === "SKIP") go("platforms");
        else if (e === "BACK") go("welcome");
        break;
      case "safety":
        if (e === "SAFE" || e === "SKIP") go("incident");
        else if (e === "NOT_SAFE" || e === "SELF_HARM") {
          go("incident");
          firstOverlay = e === "NOT_SAFE" ? "danger" : "crisis";
        } else if (e === "BACK") go("welcome");
        break;
      case "incident": {
        const incident = IncidentId.safeParse(valueOf(event));
        if (e === "CHOOSE" && incident.success) {
          c.incident = incident.data;
          c.step = 0;
          c.alsoThreat = false;
          go("threat");
        } else if (e === "SKIP") go("threat");
        else if (e === "BACK") go(c.role === "helper" ? "helper" : "safety");
        break;
      }
      case "threat": {
        const answer = valueOf(event);
        if (e === "CHOOSE" && (answer === "yes" || answer === "no")) {
          c.alsoThreat = answer === "yes";
          c.step = 0;
          go("age");
        } else if (e === "SKIP") go("age");
        else if (e === "BACK") go("incident");
        break;
      }
      case "age": {
        const age = valueOf(event);
        if (e === "CHOOSE" && (IMAGE_AGES as readonly string[]).includes(age)) {
          c.age = age as ImageAge;
          c.step = 0;
          c.route = 0;
          go("platforms");
        } else if (e === "SKIP") go("platforms");
        else if (e === "BACK") go(c.incident === "sextortion" ? "incident" : "threat");
        break;
      }
      case "platforms": {
        const platform = PlatformId.safeParse(valueOf(event));
        if (e === "TOGGLE" && platform.success) {
          const p = platform.data;
          c.platforms = c.platforms.includes(p) ? c.platforms.filter((x) => x !== p) : [...c.platforms, p];
          c.route = 0;
        } else if (e === "DONE" || e === "SKIP") go("country");
        else if (e === "BACK") go(c.role === "bystander" ? "bystander" : "age");
        break;
      }
      case "country": {
        const country = CountryId.safeParse(valueOf(event));
        if (e === "CHOOSE" && country.success) {
          c.country = country.data;
          c.report = 0;
          // Someone who only came across the images goes straight to reporting the post.
          if (c.role === "bystander") toTakedown();
          else go("woman");
        } else if (e === "SKIP") {
          if (c.role === "bystander") toTakedown();
          else go("woman");
        } else if (e === "BACK") go("platforms");
        break;
      }
      case "woman": {
        const answer = valueOf(event);
        if (e === "CHOOSE" && (WOMAN_ANSWERS as readonly string[]).includes(answer)) {
          c.woman = answer as Woman;
          go("reassurance");
        } else if (e === "SKIP") go("reassurance");
        else if (e === "BACK") go("country");
        break;
      }
      case "reassurance":
        if (e === "NEXT" || e === "SKIP") {
          c.step = 0;
          go("evidence");
        } else if (e === "BACK") go(asksWoman(deps.content, c) ? "woman" : "country");
        break;
      case "evidence":
        if (e === "DONE" || e === "SKIP") {
          const id = evidenceSteps(deps.content, c)[c.step]?.id;
          if (e === "DONE" && id && !c.done.includes(id)) c.done = [...c.done, id];
          if (c.step + 1 < steps()) c.step++;
          else go("next");
        } else if (e === "WHY") go("why");
        else if (e === "BACK") {
          if (c.step > 0) c.step--;
          else go("reassurance");
        }
        break;
      case "why":
        if (e === "BACK" || e === "NEXT") go("evidence");
        break;
      case "next":
        if ((e === "CHOOSE" && valueOf(event) === "takedown") || e === "SKIP") toTakedown();
        else if (e === "CHOOSE" && valueOf(event) === "reporting") go("overview");
        else if (e === "BACK") {
          c.step = Math.max(0, steps() - 1);
          go("evidence");
        }
        break;
      case "takedown":
        if (e === "NEXT" && c.route + 1 < routes()) c.route++;
        else if (e === "NEXT" || e === "SKIP") go(visited("reporting") ? "support" : "overview");
        else if (e === "BACK") {
          if (c.route > 0) c.route--;
          else go(c.role === "bystander" ? "country" : "next");
        }
        break;
      case "overview":
        if (e === "HOW" && reports() > 0) {
          c.report = 0;
          go("detail");
        } else if (e === "LAWS") go("laws");
        else if (e === "NEXT" || e === "SKIP") {
          // Reporting first, takedown after.
          if (visited("takedown")) go("support");
          else toTakedown();
        } else if (e === "BACK") {
          if (visited("takedown")) {
            c.route = Math.max(0, routes() - 1);
            go("takedown");
          } else go("next");
        }
        break;
      case "detail":
        if (e === "NEXT") {
          if (c.report + 1 < reports()) c.report++;
          else go("overview");
        } else if (e === "BACK") {
          if (c.report > 0) c.report--;
          else go("overview");
        }
        break;
      case "laws":
        if (e === "BACK") go("overview");
        else if (e === "NEXT") {
          if (visited("takedown")) go("support");
          else toTakedown();
        }
        break;
      case "support":
        if (e === "NEXT" || e === "SKIP") go("closing");
        else if (e === "BACK") go("overview");
        break;
      case "closing":
        if (e === "BACK") go("support");
        break;
    }
  }
}

/**
 * The plugin's storage adapter over a SessionStore: the plugin's whole state for a chat, as JSON,
 * under one key. The version read is kept for the compare-and-set that writes back.
 */
function sessionStoreAdapter(store: SessionStore): VersionedStateStorage<Context, ConversationData> {
  const versions = new WeakMap<Context, number>();
  return {
    async read(ctx) {
      if (ctx.chatId === undefined) return undefined;
      const found = await store.get(keyOf(ctx.chatId));
      versions.set(ctx, found?.version ?? 0);
      return found ? (JSON.parse(found.value) as VersionedState<ConversationData>) : undefined;
    },
    async write(ctx, state) {
      if (ctx.chatId === undefined) return;
      const version = await store.compareAndSet(keyOf(ctx.chatId), JSON.stringify(state), versions.get(ctx) ?? 0, TTL_SECONDS);
      // Updates of one chat are sequentialized; a conflict means another process wrote this chat.
      if (version === undefined) throw new Error("conversation state changed underneath this update");
      versions.set(ctx, version);
    },
    async delete(ctx) {
      if (ctx.chatId === undefined) return;
      await store.delete(keyOf(ctx.chatId));
      versions.delete(ctx);
    },
  };
}

/** The part of `fetch` grammY's client uses (its declared type is node-fetch's). */
export type ApiFetch = (url: string, init?: { body?: unknown }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
export type OnCall = (method: string, payload: Record<string, unknown>) => void;

/** What an in-process Bot API answers: `true`, or a message for sendMessage (as bench/run.ts). */
function answerFor(next: () => number, method: string, payload: Record<string, unknown>): unknown {
  return method === "sendMessage" ? { message_id: next(), date: 0, chat: { id: payload.chat_id, type: "private" } } : true;
}

/** Answers Bot API calls at the bottom of grammY's client, where a real request would go out. */
export function fakeFetch(onCall?: OnCall): ApiFetch {
  let id = 100;
  return async (url, init) => {
    const href = url;
    const method = href.slice(href.lastIndexOf("/") + 1);
    let result: unknown = true;
    if (method === "sendMessage" || onCall) {
      const payload = JSON.parse(String(init?.body)) as Record<string, unknown>;
      onCall?.(method, payload);
      result = answerFor(() => ++id, method, payload);
    }
    const body = { ok: true, result };
    return { ok: true, status: 200, json: async () => body };
  };
}

/** Answers Bot API calls in a transformer, as bench/run.ts does for the main bot. */
export function answerTransformer(onCall?: OnCall): Transformer {
  let id = 100;
  return async (_prev, method, payload) => {
    onCall?.(method, JSON.parse(JSON.stringify(payload)) as Record<string, unknown>);
    return { ok: true, result: answerFor(() => ++id, method, payload) } as never;
  };
}

/**
 * How outgoing calls are answered in-process.
 * - "fetch" (default, faithful): a fake `fetch` under grammY's client. The plugin's own Api
 *   objects inherit it, so each call is recorded in the replay log and replayed from it, exactly
 *   as in production; but grammY serialises every payload to JSON and arms a timeout first, work
 *   the main bot's bench (a transformer) skips.
 * - "transformer": the main bot's way, installed on each conversation context through the
 *   plugin's `plugins` option. That sits above the plugin's recorder, so calls are never logged:
 *   they run again (cheaply) on every replay and the stored state is smaller than in production.
 */
export type Answering = "fetch" | "transformer";

export interface ConversationsBotOptions {
  store: SessionStore;
  botInfo: UserFromGetMe;
  /** Sees every outgoing Bot API call (for checks; leave unset to measure). */
  onCall?: OnCall;
  answering?: Answering;
}

/**
 * The flow with @grammyjs/conversations, its state in `store`. Private chats, one update per chat
 * at a time (sequentialize, as the main bot), an error boundary; no logging (the main bot logs).
 */
export function createConversationsBot(options: ConversationsBotOptions): Bot<ConversationsContext> {
  const transformer = options.answering === "transformer" ? answerTransformer(options.onCall) : undefined;
  const bot = new Bot<ConversationsContext>("1:BENCH", {
    botInfo: options.botInfo,
    client: { apiRoot: "http://127.0.0.1:9", ...(transformer ? {} : { fetch: fakeFetch(options.onCall) }) },
  });
  if (transformer) bot.api.config.use(transformer);
  const plugins: Middleware<Context>[] = transformer
    ? [
        (ctx, next) => {
          ctx.api.config.use(transformer);
          return next();
        },
      ]
    : [];
  bot.use(async (ctx, next) => {
    if (ctx.chat && !Number.isSafeInteger(ctx.chat.id)) return;
    await next();
  });
  const boundary = bot.errorBoundary(async (err) => {
    if (err.ctx.chat?.type === "private") await err.ctx.reply(deps.translate("en")("notice-trouble")).catch(() => undefined);
  });
  const chat = boundary.chatType("private");
  chat.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  chat.use(conversations<ConversationsContext, Context>({ storage: { type: "context", version: 1, adapter: sessionStoreAdapter(options.store) } }));
  chat.use(createConversation<ConversationsContext, Context>(nyf, { id: "nyf", plugins }));
  // No conversation yet in this chat: any tap, /start or message begins one.
  chat.on(["callback_query:data", "message"], (ctx) => ctx.conversation.enter("nyf"));
  boundary.on("callback_query", (ctx) => ctx.answerCallbackQuery().then(() => undefined, () => undefined));
  bot.catch(() => undefined);
  return bot;
}

/** Brings a chat `depth` updates into the conversation, exactly as bench/run.ts prepares the main bot. */
export async function prepareConversations(bot: Bot<ConversationsContext>, chat: number, depth: number): Promise<void> {
  for (let i = 0; i < depth; i++) await bot.handleUpdate(tapUpdate(chat, SCRIPT[i]?.[0] ?? TOGGLE, nextUpdateId()));
}

interface Subject {
  bot: Bot<ConversationsContext>;
  store: CountingStore;
  chat: number;
  open: string;
  back: string;
  /** The stored state at exactly `depth` updates, put back after every pair. */
  saved: string;
  /** Its size as stored: key + "<version>:" + value. */
  savedBytes: number;
}

async function subject(store: CountingStore, depth: number, answering: Answering): Promise<Subject> {
  const bot = createConversationsBot({ store, botInfo: BOT_INFO, answering });
  const chat = 20_000 + depth;
  await prepareConversations(bot, chat, depth);
  const saved = await store.inner.get(keyOf(chat));
  if (!saved) throw new Error(`no conversation state after ${depth} updates`);
  // The replay log must really hold `depth` updates, or the numbers would be for another depth.
  const held = updatesIn(saved.value);
  if (held !== depth) throw new Error(`conversation holds ${held} updates, not ${depth}`);
  const open = encodeButton(screenAt(depth), { type: "HELPLINES" });
  const savedBytes = Buffer.byteLength(keyOf(chat)) + `${saved.version}:`.length + Buffer.byteLength(saved.value);
  return { bot, store, chat, open, back: encodeButton("helplines", { type: "BACK" }), saved: saved.value, savedBytes };
}

/** How many updates a stored conversation state holds: each `wait` that received one. */
export function updatesIn(value: string): number {
  const data = JSON.parse(value) as VersionedState<ConversationData>;
  return Object.values(data.state)
    .flat()
    .reduce((n, c) => n + c.replay.receive.filter((r) => typeof r.returnValue === "object" && r.returnValue !== null && "update_id" in r.returnValue).length, 0);
}

/** Back to depth d, outside the counting wrapper and the clock. */
async function restore(s: Subject): Promise<void> {
  const key = keyOf(s.chat);
  const current = await s.store.inner.get(key);
  if (current?.value === s.saved) return;
  if ((await s.store.inner.compareAndSet(key, s.saved, current?.version ?? 0, TTL_SECONDS)) === undefined) throw new Error("restore lost a race");
}

/** Mean wall-clock and CPU µs of one update: open the helplines from the current screen, then go back. */
async function timeRound(s: Subject, n: number): Promise<{ wall: number; cpu: number }> {
  let ns = 0n;
  let cpu = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) await restore(s);
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    await s.bot.handleUpdate(tapUpdate(s.chat, i % 2 ? s.back : s.open, nextUpdateId()));
    ns += process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu0);
    cpu += used.user + used.system;
  }
  return { wall: Number(ns) / 1000 / n, cpu: cpu / n };
}


export interface ConversationsResult {
  /** Median wall-clock µs per update, per depth. */
  us: Map<number, number>;
  /** Store round trips per update. */
  trips: number;
  /** Largest stored entry (key + "<version>:" + value) the deepest session reached. */
  bytes: number;
  /** Median CPU µs (user + system) per update, per depth: the wall clock less waiting on timers. */
  cpuUs: Map<number, number>;
  /** Stored entry size at exactly depth d, per depth. */
  bytesAt: Map<number, number>;
}

/**
 * Mirrors bench/run.ts perUpdate(): one subject per depth, 200 warm-up updates each, then 7 rounds
 * round-robin over the depths, median of the per-round means. `answering` defaults to "fetch".
 */
export async function measureConversations(
  open: () => SessionStore | Promise<SessionStore>,
  depths: number[],
  iterations: number,
  options: { answering?: Answering } = {},
): Promise<ConversationsResult> {
  const subjects: Subject[] = [];
  for (const depth of depths) subjects.push(await subject(new CountingStore(await open()), depth, options.answering ?? "fetch"));
  for (const s of subjects) await timeRound(s, 200);
  const walls = subjects.map(() => [] as number[]);
  const cpus = subjects.map(() => [] as number[]);
  const ROUNDS = 7;
  // Even, so every round is whole "open, back" pairs from depth d.
  const perRound = 2 * Math.ceil(iterations / ROUNDS / 2);
  let trips = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, s] of subjects.entries()) {
      s.store.trips = 0;
      const { wall, cpu } = await timeRound(s, perRound);
      walls[i]!.push(wall);
      cpus[i]!.push(cpu);
      trips = s.store.trips / perRound;
    }
  }
  for (const s of subjects) await s.store.close();
  return {
    us: new Map(depths.map((d, i) => [d, median(walls[i]!)])),
    trips,
    bytes: subjects.at(-1)!.store.bytes,
    cpuUs: new Map(depths.map((d, i) => [d, median(cpus[i]!)])),
    bytesAt: new Map(subjects.map((s, i) => [depths[i]!, s.savedBytes])),
  };
}
