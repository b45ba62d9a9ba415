/**
 * Local Telegram Bot API emulator for end-to-end tests, built on the npm package
 * `telegram-test-api` (4.2.1).
 *
 * The emulator runs inside the test process. The bot under test (a child process, see
 * `bot-process.ts`) talks to it over HTTP at `apiRoot`, exactly as it would talk to
 * `https://api.telegram.org`; tests act as people through `person()`.
 *
 * What `telegram-test-api` itself does (read from its source, verified in a run against grammY):
 * - Bot methods served: getMe (always `{ id: 666, username: "TestNameBot" }`), getUpdates (ignores
 *   offset, limit, timeout and allowed_updates; hands out each stored update once), sendMessage,
 *   editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery, setWebhook,
 *   deleteWebhook. Every other method answers HTTP 500 `{ "message": "API method 'x' is not
 *   supported. ..." }` (no `ok` field), which grammY turns into a `GrammyError` (code undefined).
 * - editMessageText / editMessageReplyMarkup answer `{ ok: true, result: null }` even when the
 *   message does not exist, never "message is not modified", and an edit without `reply_markup`
 *   keeps the old inline keyboard (real Telegram removes it). editMessageReplyMarkup without an
 *   `inline_keyboard` is ignored entirely.
 * - Incoming updates carry no `language_code` unless we add one (we do), and a callback query's
 *   `message` has no `message_id` unless we add one (we do: `tap()` fills in the bot message).
 * - deleteMessage of an unknown id answers `{ ok: false, error_code: 400 }` (a GrammyError 400).
 * - Sent messages come back with `date` in milliseconds and no `from`; the chat is always
 *   `{ type: "private", first_name: "Bot" }`. Incoming updates can have any chat type.
 *
 * What this helper changes (each marked where it is done):
 * - Its getUpdates answers at once even when empty, so a polling bot spins. This helper wraps the
 *   emulator's express app in its own HTTP server and holds an empty getUpdates for up to
 *   `longPollMs` (answering as soon as a person acts) — set `longPollMs: 0` for the raw behaviour.
 * - Updates are made to look like Telegram's (`patchFormatUpdate`): no `botToken` inside messages,
 *   no `title` on private chats, a `chat_instance` on callback queries.
 * - A callback query no longer shares its message id with the bot's next message (see the
 *   `AddedUserCallbackQuery` listener), so deleteMessage deletes the message it names.
 * - Every message a user sends (a person, or a counsellor in the group) is remembered with the id
 *   the bot receives, so copyMessage can find it; its id is taken before a webhook is called, so a
 *   bot that answers inside its webhook cannot get the same id for its reply.
 *
 * What this helper adds for issue 14 (answered by our HTTP server before the emulator sees them):
 * - A counsellors' supergroup (`counsellorGroup()`, or the `counsellorGroup` option), forum or plain:
 *   sendMessage, createForumTopic, editForumTopic, closeForumTopic, reopenForumTopic, getChat and
 *   getChatMember for it, and counsellors who write there (see `counsellor-group.ts`).
 * - copyMessage, both ways between private chats and the group: a new bot message with the same
 *   content, no author, answered with `{ message_id }`.
 * - A person who blocked the bot (`person.block()`): every send, copy or forward to her chat answers
 *   403 "Forbidden: bot was blocked by the user".
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";
import {
  DEFAULT_COUNSELLOR_CHAT_ID,
  asRecord,
  copyContent,
  createCounsellorGroup,
  fail,
  intParam,
  isAnswer,
  ok,
  parseMaybeJson,
  pick,
  type ApiAnswer,
  type Counsellor,
  type CounsellorGroup,
  type CounsellorGroupOptions,
  type CounsellorOptions,
  type GroupHost,
  type GroupModel,
} from "./counsellor-group.js";

export {
  DEFAULT_COUNSELLOR_CHAT_ID,
  TOPIC_ICON_COLORS,
  type Counsellor,
  type CounsellorGroup,
  type CounsellorGroupOptions,
  type CounsellorOptions,
  type ForumTopicState,
  type GroupMatcher,
  type GroupPlace,
  type GroupPost,
  type TelegramUser,
} from "./counsellor-group.js";

/** A fake but well-formed bot token; the emulator accepts any token. */
export const DEFAULT_TEST_TOKEN = "123456:TEST-not-a-real-token";

/** The bot user the emulator reports from getMe. */
export const EMULATOR_BOT_USER = {
  id: 666,
  is_bot: true,
  first_name: "Test First name",
  username: "TestNameBot",
} as const;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A message the bot sent to a chat, as it is now (edits applied, deleted ones gone). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  text: string;
  /** Inline keyboard rows; empty when the message has none. */
  buttons: InlineButton[][];
  /** Reply-keyboard (non-inline) button labels, if any. */
  replyKeyboard: string[][];
  parseMode: string | undefined;
  /** The stored request body the bot sent (sendMessage merged with later edits). */
  raw: Record<string, unknown>;
}

export interface Screen {
  messageId: number;
  text: string;
  /** Button labels, row by row. */
  buttons: string[][];
  /** Button labels, flattened. */
  labels: string[];
}

/** One HTTP call the bot made to the emulator (getUpdates is only counted). */
export interface ApiCall {
  method: string;
  status: number;
  /** Parsed request body (JSON or form), as the emulator's express app saw it. */
  body: Record<string, unknown>;
  at: number;
}

export interface PersonOptions {
  /** Telegram user id; default: a random distinctive 10-digit id. */
  id?: number;
  /** Chat id; default: the user id (a private chat). */
  chatId?: number;
  firstName?: string;
  username?: string;
  /** `language_code` on every update's `from`; default "en". */
  languageCode?: string;
  /** Chat type; default "private". */
  chatType?: "private" | "group" | "supergroup" | "channel";
  chatTitle?: string;
}

/** A message this person sent, with the id the bot received it under. */
export interface UserMessage {
  messageId: number;
  text: string;
  /** The message as the bot received it. */
  raw: Record<string, unknown>;
}

export type MessageMatcher = string | RegExp | ((message: BotMessage) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
}

export interface Person {
  readonly id: number;
  readonly chatId: number;
  readonly firstName: string;
  readonly username: string;
  readonly languageCode: string;
  /** The underlying telegram-test-api client. */
  readonly client: TelegramClient;
  /** Sends a plain text message. */
  send(text: string): Promise<void>;
  /**
   * Sends a message without text built from `fields`, e.g. `{ sticker: {...} }` or `{ photo: [...] }`
   * (the emulator stores and hands out any message body it is given).
   */
  sendRaw(fields: Record<string, unknown>): Promise<void>;
  /** Sends a command, e.g. `command("start")` or `command("/start payload")`. */
  command(name: string, args?: string): Promise<void>;
  /**
   * Taps the button whose label contains `label` (string, case-insensitive) or matches it (RegExp),
   * in the latest bot message that has an inline keyboard. Returns the callback_data sent.
   */
  tap(label: string | RegExp): Promise<string>;
  /** Sends a callback query with arbitrary data (e.g. a stale or old-version button). */
  tapData(data: string, messageId?: number): Promise<void>;
  /**
   * Waits until a bot message that is new or changed since this person's last action matches,
   * and returns all such fresh messages (oldest first). Bounded by `timeoutMs` (default 10 s).
   */
  waitFor(matcher: MessageMatcher, timeoutMsOrOptions?: number | WaitOptions): Promise<BotMessage[]>;
  /** Waits until the fresh messages, joined, contain every part. */
  waitForAll(parts: (string | RegExp)[], timeoutMsOrOptions?: number | WaitOptions): Promise<BotMessage[]>;
  /** Waits for any fresh bot message or edit. */
  waitForReply(timeoutMsOrOptions?: number | WaitOptions): Promise<BotMessage[]>;
  /** Bot messages in this chat that are new or changed since the last action. */
  fresh(): BotMessage[];
  /** All bot messages currently in this chat (edits applied, deleted ones gone), oldest first. */
  messages(): BotMessage[];
  /** The latest bot message in this chat, or undefined. */
  lastScreen(): Screen | undefined;
  /** The latest bot message in this chat that has an inline keyboard, or undefined. */
  lastKeyboardScreen(): Screen | undefined;
  /** Every update this person sent has been handed to the bot by getUpdates. */
  allDelivered(): boolean;
  /** Messages and commands this person sent, oldest first (the ids copyMessage takes). */
  sent(): UserMessage[];
  /** From now on every send, copy or forward to this chat answers 403 "bot was blocked by the user". */
  block(): void;
  unblock(): void;
  isBlocked(): boolean;
}

export interface EmulatorOptions {
  token?: string;
  /** Hold an empty getUpdates this long (ms) unless a person acts; 0 = raw emulator (spins). */
  longPollMs?: number;
  /** Creates the counsellors' group at once (same as calling `counsellorGroup()`). */
  counsellorGroup?: CounsellorGroupOptions;
}

export interface Emulator {
  /** Pass as TELEGRAM_API_ROOT / grammY `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  readonly token: string;
  readonly server: TelegramServer;
  person(opts?: PersonOptions): Person;
  /** Calls the bot made, except getUpdates; optionally only one method. */
  calls(method?: string): ApiCall[];
  /** How many getUpdates calls the bot made so far. */
  getUpdatesCount(): number;
  /** Resolves once the bot has called getUpdates (i.e. it is polling). */
  waitForPolling(timeoutMs?: number): Promise<void>;
  /**
   * Registers a check run on every wait tick: returning a string aborts the wait at once with that
   * message (e.g. "bot exited with code 1"). Returns an unregister function.
   */
  addFailFast(check: () => string | undefined): () => void;
  /** Registers extra text appended to wait-timeout errors (e.g. the bot's stderr tail). */
  addDiagnostics(describe: () => string): () => void;
  /**
   * Keeps the bot's next matching call (a send, a copy or a group method) unanswered until
   * `release()`: the bot waits on it exactly as on a slow Telegram, at a point the test chose.
   */
  hold(match: (method: string, body: Record<string, unknown>) => boolean): HeldCall;
  /**
   * The counsellors' supergroup with this id (default -1001234567890): created on the first call,
   * the same object after (asking again with another `forum` or `title` throws).
   */
  counsellorGroup(opts: CounsellorGroupOptions): CounsellorGroup;
  /** A counsellor in the group (the only one there is, or `opts.groupId`). */
  counsellor(opts?: CounsellorOptions & { groupId?: number }): Counsellor;
  stop(): Promise<void>;
}

export interface HeldCall {
  /** Resolves once the bot has made the call (and it is being held). */
  readonly reached: Promise<void>;
  /** Lets it be answered (idempotent). */
  release(): void;
}

// ---- internals -------------------------------------------------------------------------------

interface StoredBotUpdate {
  time: number;
  botToken: string;
  updateId: number;
  messageId: number;
  isRead: boolean;
  message: Record<string, unknown>;
}

interface StoredClientUpdate {
  botToken: string;
  updateId: number;
  messageId: number;
  isRead: boolean;
  message?: { chat?: { id?: number } };
  callbackQuery?: { message?: { chat?: { id?: number } } };
}

const USER_EVENTS = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"] as const;
const TICK_MS = 20;
const DEFAULT_WAIT_MS = 10_000;

let personCounter = 0;

/**
 * Makes the updates the bot receives look like Telegram's: the emulator copies its own routing
 * field `botToken` (the bot token!) into every `message`, gives private chats a `title` and group
 * chats the sender's name, and omits the required `chat_instance` of callback queries.
 * Patched once per test process on the class's static `formatUpdate`.
 */
function patchFormatUpdate(): void {
  const cls = TelegramServer as unknown as {
    formatUpdate: (u: unknown) => Record<string, unknown>;
    __nyfPatched?: boolean;
  };
  if (cls.__nyfPatched) return;
  cls.__nyfPatched = true;
  const original = cls.formatUpdate.bind(cls);
  cls.formatUpdate = (update: unknown): Record<string, unknown> => {
    const formatted = original(update);
    const clean = (message: unknown): void => {
      const m = asRecord(message);
      delete m.botToken;
      const chat = asRecord(m.chat);
      if (chat.type === "private") delete chat.title;
      else {
        delete chat.first_name;
        delete chat.username;
      }
    };
    if (formatted.message) {
      formatted.message = { ...asRecord(formatted.message), chat: { ...asRecord(asRecord(formatted.message).chat) } };
      clean(formatted.message);
    }
    if (formatted.callback_query) {
      const cq = { ...asRecord(formatted.callback_query) };
      if (cq.message) {
        cq.message = { ...asRecord(cq.message), chat: { ...asRecord(asRecord(cq.message).chat) } };
        clean(cq.message);
      }
      const chatId = asRecord(asRecord(cq.message).chat).id;
      // Opaque and stable per chat, like Telegram's (and not the chat id in disguise).
      cq.chat_instance = createHash("sha256").update(`chat-instance:${String(chatId)}`).digest("hex").slice(0, 19);
      formatted.callback_query = cq;
    }
    return formatted;
  };
}

function randomDigits(n: number): string {
  let s = String(1 + Math.floor(Math.random() * 9));
  while (s.length < n) s += String(Math.floor(Math.random() * 10));
  return s;
}

function toBotMessage(u: StoredBotUpdate): BotMessage {
  const raw = u.message;
  const markup = asRecord(parseMaybeJson(raw.reply_markup));
  const inline = Array.isArray(markup.inline_keyboard) ? (markup.inline_keyboard as unknown[]) : [];
  const buttons: InlineButton[][] = inline.map((row) =>
    (Array.isArray(row) ? row : []).map((b) => {
      const r = asRecord(b);
      const button: InlineButton = { text: typeof r.text === "string" ? r.text : "" };
      if (typeof r.callback_data === "string") button.callback_data = r.callback_data;
      if (typeof r.url === "string") button.url = r.url;
      return button;
    }),
  );
  const reply = Array.isArray(markup.keyboard) ? (markup.keyboard as unknown[]) : [];
  const replyKeyboard = reply.map((row) =>
    (Array.isArray(row) ? row : []).map((b) => {
      if (typeof b === "string") return b;
      const t = asRecord(b).text;
      return typeof t === "string" ? t : "";
    }),
  );
  return {
    messageId: u.messageId,
    chatId: Number(raw.chat_id),
    text: typeof raw.text === "string" ? raw.text : "",
    buttons,
    replyKeyboard,
    parseMode: typeof raw.parse_mode === "string" ? raw.parse_mode : undefined,
    raw,
  };
}

function toScreen(m: BotMessage): Screen {
  const buttons = m.buttons.map((row) => row.map((b) => b.text));
  return { messageId: m.messageId, text: m.text, buttons, labels: buttons.flat() };
}

function signature(m: BotMessage): string {
  return JSON.stringify([m.text, m.buttons, m.replyKeyboard]);
}

function matches(matcher: MessageMatcher, m: BotMessage): boolean {
  if (typeof matcher === "string") return m.text.toLowerCase().includes(matcher.toLowerCase());
  if (matcher instanceof RegExp) return matcher.test(m.text);
  return matcher(m);
}

function normTimeout(t: number | WaitOptions | undefined): number {
  if (typeof t === "number") return t;
  return t?.timeoutMs ?? DEFAULT_WAIT_MS;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function describeScreens(msgs: BotMessage[]): string {
  if (msgs.length === 0) return "  (none)";
  return msgs
    .map((m) => {
      const labels = m.buttons.flat().map((b) => `[${b.text}]`).join(" ");
      return `  #${String(m.messageId)}: ${JSON.stringify(m.text.slice(0, 300))}${labels ? ` ${labels}` : ""}`;
    })
    .join("\n");
}

/** Methods that send to a chat: to a person who blocked the bot they all answer 403. */
const SENDS = /^(send|copyMessage|forwardMessage)/;
/** Methods answered here when they concern the counsellors' group (the emulator has none of them). */
const GROUP_METHODS = new Set(["createForumTopic", "editForumTopic", "closeForumTopic", "reopenForumTopic", "getChat", "getChatMember"]);

/**
 * Reads a request body the way the emulator's express app would (JSON or form). Of a file upload
 * (multipart, which the emulator does not parse) only the chat id is taken, for the blocked check.
 * Undefined when the JSON is broken.
 */
async function readBody(req: http.IncomingMessage): Promise<{ body: Record<string, unknown>; parsed: boolean } | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    try {
      return { body: raw.trim() === "" ? {} : asRecord(JSON.parse(raw)), parsed: true };
    } catch {
      return undefined;
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return { body: Object.fromEntries(new URLSearchParams(raw)), parsed: true };
  }
  const chat = /name="chat_id"\r\n\r\n([^\r]*)/.exec(raw);
  return { body: chat ? { chat_id: chat[1] } : {}, parsed: false };
}

function writeAnswer(res: http.ServerResponse, answer: ApiAnswer): void {
  res.statusCode = answer.status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(answer.body));
}

// ---- factory ---------------------------------------------------------------------------------

/** Starts the emulator on a free loopback port. Always `await emulator.stop()` (e.g. in afterAll). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const token = options.token ?? DEFAULT_TEST_TOKEN;
  const longPollMs = options.longPollMs ?? 500;

  const calls: ApiCall[] = [];
  let getUpdatesCount = 0;
  const failFast = new Set<() => string | undefined>();
  const diagnostics = new Set<() => string>();
  const pendingPolls = new Set<() => void>();
  let stopped = false;
  /** Every message a user sent, as the bot received it, by `logKey(chat id, message id)`. */
  const userLog = new Map<string, Record<string, unknown>>();
  const logKey = (chatId: number, messageId: number): string => `${String(chatId)}:${String(messageId)}`;
  /** Chats whose person blocked the bot. */
  const blocked = new Set<number>();
  const groups = new Map<number, GroupModel>();
  const holds: { match: (method: string, body: Record<string, unknown>) => boolean; reach: () => void; released: Promise<void> }[] = [];

  // The HTTP server is ours; the emulator's express app is its request handler. Listening first on
  // port 0 gives a free port without a race, then the emulator is built with that port so that its
  // own clients post to the right URL. We never call `server.start()`: that would also start its
  // storage clean-up timer, which drops messages older than `storeTimeout`.
  const late: { emulator?: TelegramServer; app?: http.RequestListener } = {};

  const hasUnread = (botToken: string): boolean =>
    (late.emulator?.storage.userMessages as unknown as StoredClientUpdate[] | undefined)?.some(
      (u) => u.botToken === botToken && !u.isRead,
    ) ?? false;

  const httpServer = http.createServer((req, res) => {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(req.url ?? "");
    const method = m?.[2];
    const forward = (): void => {
      const app = late.app;
      if (!app) {
        res.statusCode = 503;
        res.end();
        return;
      }
      if (method && method !== "getUpdates") {
        res.once("finish", () => {
          const body = asRecord((req as unknown as { body?: unknown }).body);
          calls.push({ method, status: res.statusCode, body, at: Date.now() });
        });
      } else if (method === "getUpdates") {
        getUpdatesCount++;
      }
      app(req, res);
    };
    if (method !== undefined && (SENDS.test(method) || GROUP_METHODS.has(method))) {
      void intercept(method, req, res, forward);
      return;
    }
    if (method !== "getUpdates" || longPollMs <= 0 || stopped || !late.emulator || !m || hasUnread(decodeURIComponent(m[1] ?? ""))) {
      forward();
      return;
    }
    // Hold an empty getUpdates until a person acts, the long-poll window ends, the client goes
    // away or the emulator stops — then let the emulator answer with whatever it has.
    const server = late.emulator;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const e of USER_EVENTS) server.off(e, onEvent);
      pendingPolls.delete(finish);
      res.off("close", onClose);
      if (!res.destroyed) forward();
    };
    const onEvent = (): void => void setImmediate(finish);
    const onClose = (): void => {
      finish();
    };
    const timer = setTimeout(finish, longPollMs);
    for (const e of USER_EVENTS) server.on(e, onEvent);
    res.on("close", onClose);
    pendingPolls.add(finish);
  });
  httpServer.keepAliveTimeout = 1_000;

  /**
   * Answers a send, a copy or a group method here when it concerns a blocked person, a copy or the
   * counsellors' group; anything else goes on to the emulator with the body already parsed
   * (body-parser skips a request whose `_body` is set).
   */
  async function intercept(method: string, req: http.IncomingMessage, res: http.ServerResponse, forward: () => void): Promise<void> {
    let read: Awaited<ReturnType<typeof readBody>>;
    try {
      read = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const held = read ? holds.findIndex((h) => h.match(method, read.body)) : -1;
    if (held >= 0) {
      const [h] = holds.splice(held, 1);
      h!.reach();
      await h!.released;
    }
    const answer = !read
      ? fail(400, "Bad Request: can't parse JSON")
      : late.emulator
        ? answerHere(method, read.body)
        : undefined;
    if (answer) {
      writeAnswer(res, answer);
      calls.push({ method, status: answer.status, body: read?.body ?? {}, at: Date.now() });
      return;
    }
    if (read?.parsed) Object.assign(req, { body: read.body, _body: true });
    forward();
  }

  function answerHere(method: string, body: Record<string, unknown>): ApiAnswer | undefined {
    const chatId = intParam(body.chat_id);
    if (chatId !== undefined && SENDS.test(method) && blocked.has(chatId)) {
      return fail(403, "Forbidden: bot was blocked by the user");
    }
    if (method === "copyMessage") return copyMessage(body);
    const group = chatId === undefined ? undefined : groups.get(chatId);
    if (group) return group.answer(method, body);
    if (method.endsWith("ForumTopic")) return fail(400, "Bad Request: chat not found");
    return undefined;
  }

  /** A message in any chat, as copyMessage sees it: a user's, the bot's, or the group's. */
  function sourceMessage(chatId: number, messageId: number): Record<string, unknown> | undefined {
    const group = groups.get(chatId);
    if (group) return group.find(messageId);
    return userLog.get(logKey(chatId, messageId)) ?? chatMessages(chatId).find((m) => m.messageId === messageId)?.raw;
  }

  function copyMessage(body: Record<string, unknown>): ApiAnswer {
    const target = intParam(body.chat_id);
    const from = intParam(body.from_chat_id);
    const messageId = intParam(body.message_id);
    if (target === undefined || from === undefined || messageId === undefined) {
      return fail(400, "Bad Request: chat_id, from_chat_id and message_id are required");
    }
    const source = sourceMessage(from, messageId);
    if (!source) return fail(400, "Bad Request: message to copy not found");
    const content = copyContent(source, body);
    if (isAnswer(content)) return content;
    const copyOf = { chatId: from, messageId };
    const group = groups.get(target);
    if (group) return group.copyInto(content, body, copyOf);
    return copyToPrivate(target, content, body);
  }

  /** A copy into a person's chat: stored like any bot message, so `person.messages()` shows it. */
  function copyToPrivate(chatId: number, content: Record<string, unknown>, body: Record<string, unknown>): ApiAnswer {
    // A private chat has no threads: a topic id leaking into her chat is a bug Telegram reports.
    if (body.message_thread_id !== undefined) return fail(400, "Bad Request: message thread not found");
    const params = asRecord(parseMaybeJson(body.reply_parameters));
    const replyId = intParam(params.message_id) ?? intParam(body.reply_to_message_id);
    const found = replyId !== undefined && sourceMessage(chatId, replyId) !== undefined;
    const allow = [params.allow_sending_without_reply, body.allow_sending_without_reply].some((v) => v === true || v === "true");
    if (replyId !== undefined && !found && !allow) return fail(400, "Bad Request: message to be replied not found");
    const messageId = storeBotMessage({
      chat_id: chatId,
      ...content,
      ...pick(body, ["reply_markup"]),
      ...(found ? { reply_to_message_id: replyId } : {}),
      // Only a mark, no ids: scans of her chat read `raw`, and a counsellor's message id is no business of hers.
      copied: true,
    });
    return ok({ message_id: messageId });
  }

  httpServer.listen(0, "127.0.0.1");
  await once(httpServer, "listening");
  const port = (httpServer.address() as AddressInfo).port;
  const apiRoot = `http://127.0.0.1:${String(port)}`;

  patchFormatUpdate();
  const emulator = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 24 * 60 * 60 });
  emulator.setMaxListeners(100);
  // Quirk fix: a callback-query update takes the next message id without consuming it, so the bot's
  // next message gets the same id and a later deleteMessage of it removes the stored callback update
  // instead (answering ok while the message stays). Consume the id. The event is emitted in a
  // microtask of the request that added the update, so no bot request can slip in between.
  emulator.on("AddedUserCallbackQuery", () => {
    (emulator as unknown as { messageId: number }).messageId++;
  });
  rememberUserMessages(emulator);
  late.emulator = emulator;
  late.app = (emulator as unknown as { webServer: http.RequestListener }).webServer;
  const server = emulator;
  /** The emulator's own methods, typed loosely (its typings name a package that is not installed). */
  const loose = emulator as unknown as {
    messageId: number;
    addBotMessage(body: Record<string, unknown>, botToken: string): { message_id: number };
    addUserMessage(message: Record<string, unknown>): Promise<void>;
    addUserCommand(message: Record<string, unknown>): Promise<void>;
  };
  /** Stores a message from the bot, as its sendMessage route does; returns the new id. */
  const storeBotMessage = (body: Record<string, unknown>): number => loose.addBotMessage(body, token).message_id;

  /**
   * Replaces the emulator's addUserMessage / addUserCommand (same steps) so that every user message
   * is remembered under the id the bot receives, and that id is taken before a webhook is called:
   * the emulator took it only after the webhook answered, so a bot that replied inside its webhook
   * got the same id for its reply. A message the bot deletes is forgotten.
   */
  function rememberUserMessages(target: TelegramServer): void {
    const internals = target as unknown as {
      messageId: number;
      getCommonFields(botToken: string): { messageId: number } & Record<string, unknown>;
      addUserUpdate(update: Record<string, unknown>): Promise<void>;
    };
    const add = (event: "AddedUserMessage" | "AddedUserCommand") => async (message: Record<string, unknown>): Promise<void> => {
      if (event === "AddedUserCommand" && !message.entities) throw new Error("Command should have entities");
      const fields = internals.getCommonFields(String(message.botToken));
      internals.messageId++;
      const seen: Record<string, unknown> = { ...message, message_id: fields.messageId };
      delete seen.botToken;
      userLog.set(logKey(Number(asRecord(message.chat).id), fields.messageId), seen);
      await internals.addUserUpdate({ ...fields, message, ...(event === "AddedUserCommand" ? { entities: message.entities } : {}) });
      target.emit(event);
    };
    const deleteMessage = target.deleteMessage.bind(target);
    Object.assign(target, {
      addUserMessage: add("AddedUserMessage"),
      addUserCommand: add("AddedUserCommand"),
      deleteMessage(chatId: number, messageId: number): boolean {
        const known = userLog.delete(logKey(chatId, messageId));
        // With a webhook the emulator stores no user update, so only our log knows the message.
        return deleteMessage(chatId, messageId) || known;
      },
    });
  }

  const botUpdates = (): StoredBotUpdate[] =>
    (server.storage.botMessages as unknown as StoredBotUpdate[]).filter((u) => u.botToken === token);

  const chatMessages = (chatId: number): BotMessage[] =>
    botUpdates()
      .filter((u) => String(u.message.chat_id) === String(chatId))
      .sort((a, b) => a.messageId - b.messageId)
      .map(toBotMessage);

  const checkFailFast = (): void => {
    for (const check of failFast) {
      const why = check();
      if (why !== undefined) throw new Error(why);
    }
  };
  const diagnosticText = (): string =>
    [...diagnostics]
      .map((d) => d())
      .filter((s) => s.length > 0)
      .join("\n");

  /** Some update from this chat has not been handed to the bot by getUpdates yet. */
  const undelivered = (chatId: number): boolean =>
    (server.storage.userMessages as unknown as StoredClientUpdate[]).some(
      (u) =>
        u.botToken === token &&
        !u.isRead &&
        (u.message?.chat?.id ?? u.callbackQuery?.message?.chat?.id) === chatId,
    );

  async function pollUntil<T>(check: () => T | undefined, what: string, timeoutMs: number, describe: () => string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      checkFailFast();
      if (Date.now() >= deadline) {
        const extra = diagnosticText();
        throw new Error(`Timed out after ${String(timeoutMs)} ms waiting for ${what}.\n${describe()}${extra ? `\n${extra}` : ""}`);
      }
      await sleep(TICK_MS);
    }
  }

  const groupHost: GroupHost = {
    botUser: { ...EMULATOR_BOT_USER },
    reserveMessageId: () => loose.messageId++,
    storeBotMessage,
    botMessages: (chatId) => chatMessages(chatId),
    userMessage: (chatId, messageId) => userLog.get(logKey(chatId, messageId)),
    async deliver(message, command) {
      // The replaced addUser* take this id synchronously, before anything else can.
      const messageId = loose.messageId;
      const full = { ...message, botToken: token };
      await (command ? loose.addUserCommand(full) : loose.addUserMessage(full));
      return messageId;
    },
    undelivered,
    waitUntil: pollUntil,
  };

  function counsellorGroup(opts: CounsellorGroupOptions): CounsellorGroup {
    const id = opts.id ?? DEFAULT_COUNSELLOR_CHAT_ID;
    const existing = groups.get(id)?.group;
    if (existing) {
      if (existing.forum !== opts.forum || (opts.title !== undefined && opts.title !== existing.title)) {
        throw new Error(`Group ${String(id)} exists already as ${existing.forum ? "a forum" : "a plain group"} named ${JSON.stringify(existing.title)}.`);
      }
      return existing;
    }
    const model = createCounsellorGroup(groupHost, { ...opts, id });
    groups.set(id, model);
    return model.group;
  }
  if (options.counsellorGroup) counsellorGroup(options.counsellorGroup);

  function person(opts: PersonOptions = {}): Person {
    personCounter++;
    const id = opts.id ?? Number(randomDigits(10));
    const chatId = opts.chatId ?? id;
    const firstName = opts.firstName ?? `Tester${randomDigits(6)}`;
    const username = opts.username ?? `nyf_user_${randomDigits(7)}`;
    const languageCode = opts.languageCode ?? "en";
    const chatType = opts.chatType ?? "private";
    const client = server.getClient(token, {
      userId: id,
      chatId,
      firstName,
      userName: username,
      type: chatType,
      chatTitle: opts.chatTitle ?? (chatType === "private" ? firstName : `Test group ${String(personCounter)}`),
    });
    const fromExtra = { from: { language_code: languageCode } };

    let baseline = new Map<number, string>();
    const mark = (): void => {
      baseline = new Map(chatMessages(chatId).map((m) => [m.messageId, signature(m)]));
    };
    const fresh = (): BotMessage[] =>
      chatMessages(chatId).filter((m) => baseline.get(m.messageId) !== signature(m));

    const lastKeyboard = (): BotMessage | undefined =>
      chatMessages(chatId)
        .filter((m) => m.buttons.some((row) => row.length > 0))
        .at(-1);

    async function waitUntil(
      done: (msgs: BotMessage[]) => boolean,
      what: string,
      timeoutMs: number,
    ): Promise<BotMessage[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const msgs = fresh();
        if (done(msgs)) return msgs;
        checkFailFast();
        if (Date.now() >= deadline) {
          const extra = diagnosticText();
          throw new Error(
            `Timed out after ${String(timeoutMs)} ms waiting for ${what} (person ${firstName}, lang ${languageCode}).\n` +
              `Fresh bot messages since the last action:\n${describeScreens(msgs)}\n` +
              `All bot messages in the chat:\n${describeScreens(chatMessages(chatId))}\n` +
              `Updates delivered to the bot: ${allDelivered() ? "all" : "NOT all"}; getUpdates calls: ${String(getUpdatesCount)}` +
              (extra ? `\n${extra}` : ""),
          );
        }
        await sleep(TICK_MS);
      }
    }

    const allDelivered = (): boolean => !undelivered(chatId);

    async function sendCallback(data: string, message: BotMessage | undefined): Promise<void> {
      mark();
      const cq = client.makeCallbackQuery(data, fromExtra) as unknown as Record<string, unknown>;
      // The emulator's callback `message` carries only from/chat (and shares its `from` object with
      // the query's `from`, so deep-merging into it would change who tapped). Replace it with a
      // copy of the real bot message so that `ctx.msgId` / `ctx.editMessageText()` work in the bot.
      const base = asRecord(cq.message);
      cq.message = {
        chat: base.chat,
        from: { ...EMULATOR_BOT_USER },
        date: Math.floor(Date.now() / 1000),
        ...(message
          ? {
              message_id: message.messageId,
              text: message.text,
              ...(message.buttons.length > 0 ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
            }
          : {}),
      };
      await client.sendCallback(cq as never);
    }

    return {
      id,
      chatId,
      firstName,
      username,
      languageCode,
      client,
      async send(text) {
        mark();
        await client.sendMessage(client.makeMessage(text, fromExtra) as never);
      },
      async sendRaw(fields) {
        mark();
        const message = client.makeMessage("", fromExtra) as unknown as Record<string, unknown>;
        delete message.text;
        await client.sendMessage({ ...message, ...fields });
      },
      async command(name, args) {
        const cmd = name.startsWith("/") ? name : `/${name}`;
        mark();
        const text = args ? `${cmd} ${args}` : cmd;
        await client.sendCommand(client.makeCommand(text, fromExtra) as never);
      },
      async tap(label) {
        const msg = lastKeyboard();
        if (!msg) {
          throw new Error(
            `tap(${String(label)}): no bot message with an inline keyboard in this chat.\n` +
              describeScreens(chatMessages(chatId)),
          );
        }
        const button = msg.buttons
          .flat()
          .find((b) =>
            typeof label === "string" ? b.text.toLowerCase().includes(label.toLowerCase()) : label.test(b.text),
          );
        if (!button) {
          throw new Error(
            `tap(${String(label)}): no such button on the latest keyboard message:\n${describeScreens([msg])}`,
          );
        }
        if (button.callback_data === undefined) {
          throw new Error(`tap(${String(label)}): button "${button.text}" has no callback_data (url=${button.url ?? "-"})`);
        }
        await sendCallback(button.callback_data, msg);
        return button.callback_data;
      },
      async tapData(data, messageId) {
        const msg =
          messageId === undefined
            ? lastKeyboard()
            : chatMessages(chatId).find((m) => m.messageId === messageId);
        await sendCallback(data, msg);
      },
      waitFor(matcher, t) {
        return waitUntil((msgs) => msgs.some((m) => matches(matcher, m)), `a bot message matching ${String(matcher)}`, normTimeout(t));
      },
      waitForAll(parts, t) {
        return waitUntil(
          (msgs) => {
            const all = msgs.map((m) => m.text).join("\n");
            return parts.every((p) => (typeof p === "string" ? all.includes(p) : p.test(all)));
          },
          `bot messages containing all of ${parts.map(String).join(", ")}`,
          normTimeout(t),
        );
      },
      waitForReply(t) {
        return waitUntil((msgs) => msgs.length > 0, "any bot reply", normTimeout(t));
      },
      fresh,
      messages: () => chatMessages(chatId),
      lastScreen() {
        const m = chatMessages(chatId).at(-1);
        return m && toScreen(m);
      },
      lastKeyboardScreen() {
        const m = lastKeyboard();
        return m && toScreen(m);
      },
      allDelivered,
      sent() {
        return [...userLog.values()]
          .filter((m) => asRecord(m.chat).id === chatId && asRecord(m.from).id === id)
          .map((m) => ({ messageId: Number(m.message_id), text: typeof m.text === "string" ? m.text : "", raw: m }))
          .sort((a, b) => a.messageId - b.messageId);
      },
      block: () => void blocked.add(chatId),
      unblock: () => void blocked.delete(chatId),
      isBlocked: () => blocked.has(chatId),
    };
  }

  return {
    apiRoot,
    token,
    server,
    person,
    calls: (method) => calls.filter((c) => method === undefined || c.method === method),
    getUpdatesCount: () => getUpdatesCount,
    async waitForPolling(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (getUpdatesCount === 0) {
        checkFailFast();
        if (Date.now() >= deadline) {
          const extra = diagnosticText();
          throw new Error(
            `The bot did not call getUpdates within ${String(timeoutMs)} ms (calls so far: ${
              calls.map((c) => `${c.method}→${String(c.status)}`).join(", ") || "none"
            })${extra ? `\n${extra}` : ""}`,
          );
        }
        await sleep(TICK_MS);
      }
    },
    addFailFast(check) {
      failFast.add(check);
      return () => void failFast.delete(check);
    },
    addDiagnostics(describe) {
      diagnostics.add(describe);
      return () => void diagnostics.delete(describe);
    },
    hold(match) {
      let reach!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (reach = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ match, reach, released });
      return { reached, release };
    },
    counsellorGroup,
    counsellor(opts = {}) {
      const { groupId, ...who } = opts;
      const model = groupId !== undefined ? groups.get(groupId) : groups.size === 1 ? [...groups.values()][0] : undefined;
      if (!model) {
        throw new Error(
          groups.size === 0
            ? "No counsellors' group: call emulator.counsellorGroup({ forum }) first."
            : `No such group${groupId === undefined ? `: say which with { groupId } (there are ${String(groups.size)})` : ` ${String(groupId)}`}.`,
        );
      }
      return model.group.counsellor(who);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const finish of [...pendingPolls]) finish();
      const closed = new Promise<void>((resolve) => {
        httpServer.close(() => {
          resolve();
        });
      });
      httpServer.closeIdleConnections();
      // Anything still open after a short grace period (a bot still polling) is cut off.
      const timer = setTimeout(() => {
        httpServer.closeAllConnections();
      }, 1_000);
      await closed;
      clearTimeout(timer);
    },
  };
}
