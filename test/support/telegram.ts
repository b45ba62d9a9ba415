import { Writable } from "node:stream";
import type { Transformer } from "grammy";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { createLogger } from "../../src/privacy/logger.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { SessionStore } from "../../src/store/session-store.js";
import { createBot, type BotDeps } from "../../src/telegram/bot.js";
import { conversationDeps } from "./deps.js";
import type { CounselSettings } from "../../src/conversation/office-hours.js";
import { CaseVault, newCaseCode } from "../../src/privacy/case-vault.js";
import { CaseDesk } from "../../src/telegram/case-desk.js";
import { telegramLine, telegramRoom } from "../../src/telegram/counsellor-room.js";

/** Typed fixtures and a recorder of outgoing Bot API calls, in the spirit of prepareBotForTesting. */

export const botInfo: UserFromGetMe = {
  id: 42_000_001,
  is_bot: true,
  first_name: "Not Your Fault",
  username: "not_your_fault_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface Person {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface Call {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake Bot API answered (a sent message for sendMessage). */
  result?: unknown;
}

/** A canned answer for one method: a result, or an error as the Bot API would send it. */
export type Canned = { result: unknown } | { error_code: number; description: string };

let updateId = 1000;
let messageId = 5000;

const privateChat = (p: Person): Chat.PrivateChat => ({ id: p.id, type: "private", first_name: p.first_name, ...(p.username ? { username: p.username } : {}) });
const user = (p: Person): User => ({ id: p.id, is_bot: false, first_name: p.first_name, ...(p.username ? { username: p.username } : {}), ...(p.language_code ? { language_code: p.language_code } : {}) });

type PrivateMessage = NonNullable<Update["message"]>;

function message(p: Person, extra: Partial<Message>): PrivateMessage {
  return { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: privateChat(p), from: user(p), ...extra } as PrivateMessage;
}

export const updates = {
  text: (p: Person, text: string): Update => ({ update_id: ++updateId, message: message(p, { text }) }),
  command: (p: Person, name: string): Update => ({
    update_id: ++updateId,
    message: message(p, { text: `/${name}`, entities: [{ type: "bot_command", offset: 0, length: name.length + 1 }] }),
  }),
  tap: (p: Person, data: string, onMessageId: number): Update => ({
    update_id: ++updateId,
    callback_query: {
      id: String(++updateId),
      from: user(p),
      chat_instance: "ci-test",
      data,
      message: { message_id: onMessageId, date: Math.floor(Date.now() / 1000), chat: privateChat(p), from: botInfo, text: "…" } as Message,
    },
  }),
  edited: (p: Person, text: string): Update => ({ update_id: ++updateId, edited_message: { ...message(p, { text }), edit_date: Math.floor(Date.now() / 1000) } }),
  sticker: (p: Person): Update => ({
    update_id: ++updateId,
    message: message(p, { sticker: { file_id: "CAACstk", file_unique_id: "u1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } }),
  }),
  photo: (p: Person, caption?: string, fileSize?: number): Update => ({
    update_id: ++updateId,
    message: message(p, {
      photo: [
        { file_id: "AgAthumb", file_unique_id: "u1t", width: 90, height: 90 },
        { file_id: "AgAphoto", file_unique_id: "u2", width: 1280, height: 960, ...(fileSize !== undefined ? { file_size: fileSize } : {}) },
      ],
      ...(caption ? { caption } : {}),
    }),
  }),
  voice: (p: Person): Update => ({ update_id: ++updateId, message: message(p, { voice: { file_id: "AwAvoice", file_unique_id: "u3", duration: 3 } }) }),
  document: (p: Person, mime = "application/pdf", fileName = "x.pdf"): Update => ({
    update_id: ++updateId,
    message: message(p, { document: { file_id: "BQAdoc", file_unique_id: "u4", file_name: fileName, mime_type: mime } }),
  }),
  videoNote: (p: Person): Update => ({
    update_id: ++updateId,
    message: message(p, { video_note: { file_id: "DQAvn", file_unique_id: "u5", length: 240, duration: 4 } }),
  }),
  location: (p: Person): Update => ({ update_id: ++updateId, message: message(p, { location: { latitude: 28.6, longitude: 77.2 } }) }),
  forwarded: (p: Person, text: string): Update => ({
    update_id: ++updateId,
    message: message(p, { text, forward_origin: { type: "hidden_user", sender_user_name: "Someone Else", date: 1 } }),
  }),
  group: (p: Person, text: string, groupId = -100_777_888): Update => ({
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: groupId, type: "supergroup", title: "Family group" },
      from: user(p),
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}),
    },
  }),
  /** A message in the counsellors' group: in a forum topic, as a reply, or loose. */
  inGroup: (p: Person, text: string, groupId: number, where: { topic?: number; replyTo?: number; forum?: boolean; bot?: boolean } = {}): Update => ({
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: groupId, type: "supergroup", title: "Counsellors", ...(where.forum ? { is_forum: true } : {}) },
      from: { ...user(p), is_bot: where.bot === true },
      text,
      ...(where.topic !== undefined ? { is_topic_message: true, message_thread_id: where.topic } : {}),
      ...(where.replyTo !== undefined ? { reply_to_message: { message_id: where.replyTo, date: 0, chat: { id: groupId, type: "supergroup", title: "Counsellors" }, text: "…" } } : {}),
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}),
    } as PrivateMessage,
  }),
  channelPost: (text: string): Update => ({
    update_id: ++updateId,
    channel_post: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: -100_555, type: "channel", title: "News" }, text },
  }),
};

export interface TestBot {
  bot: ReturnType<typeof createBot>;
  calls: Call[];
  logs: string[];
  store: MemoryStore;
  /** Answers for the next calls of a method, in order; afterwards the default answer applies. */
  answer(method: string, ...answers: Canned[]): void;
  send(update: Update): Promise<void>;
  /** The calls made since the last `send`. */
  last: Call[];
  /** The text and button data of the newest screen sent or edited; with `withKeyboard`, the newest one that has buttons. */
  screen(withKeyboard?: boolean): { text: string; data: string[]; labels: string[]; messageId: number };
}

export interface TestBotOptions {
  store?: SessionStore;
  secret?: string;
  /** Where file downloads go (`<apiRoot>/file/bot<token>/…`); Bot API methods stay recorded locally. */
  apiRoot?: string;
  /** One crisis screen per chat and kind per this long (the bot's default otherwise). */
  crisisCooldownMs?: number;
  /** Stands in for the content's crisis detector (transport tests that need a given kind of match). */
  detectCrisis?: BotDeps["detectCrisis"];
  /** A counselling service (COUNSELLOR_*): the bot gets a desk whose group is reached through the same recorded api. */
  counsel?: CounselSettings;
  /** The desk's clock (ms), for waits and idle cases. */
  now?: () => number;
}

export const TEST_TOKEN = "42000001:TEST_TOKEN_NOT_REAL_xxxxxxxxxxxx";

/** Builds the real bot on a memory store, with outgoing calls recorded and answered locally. */
export function prepareBot(options: TestBotOptions = {}): TestBot {
  const deps = conversationDeps();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const store = (options.store ?? new MemoryStore()) as MemoryStore;
  const secret = options.secret ?? "test-secret-test-secret-test-secret-0001";
  const vault = new ChatVault(store, secret, 3600);
  const counsel = options.counsel;
  const turns = { ...deps, vault, ...(counsel ? { counsel, caseCode: newCaseCode } : {}) };
  const api = () => bot.api;
  const desk = counsel
    ? new CaseDesk({
        settings: counsel,
        vault: new CaseVault(store, secret, 3600, counsel.chatId),
        room: telegramRoom(api, counsel.chatId),
        her: telegramLine(api, counsel.chatId),
        turns,
        sessionTtlSeconds: 3600,
        log: createLogger("debug", sink),
        ...(options.now ? { now: options.now } : {}),
      })
    : undefined;
  const bot: ReturnType<typeof createBot> = createBot({ ...turns, desk, token: TEST_TOKEN, apiRoot: options.apiRoot ?? "http://127.0.0.1:9", logger: createLogger("debug", sink), botInfo, ...(options.crisisCooldownMs !== undefined ? { crisisCooldownMs: options.crisisCooldownMs } : {}), ...(options.detectCrisis ? { detectCrisis: options.detectCrisis } : {}) });
  const calls: Call[] = [];
  const queued = new Map<string, Canned[]>();
  let sentId = 900_000;

  const recorder: Transformer = async (_prev, method, payload) => {
    const call: Call = { method, payload: payload };
    calls.push(call);
    const canned = queued.get(method)?.shift();
    if (canned && "error_code" in canned) return { ok: false, error_code: canned.error_code, description: canned.description } as never;
    call.result = canned
      ? canned.result
      : method === "sendMessage"
        ? { message_id: ++sentId, date: 0, chat: { id: call.payload.chat_id, type: "private" }, text: call.payload.text }
        : true;
    return { ok: true, result: call.result } as never;
  };
  bot.api.config.use(recorder);

  const t: TestBot = {
    bot,
    calls,
    logs,
    store,
    last: [],
    answer(method, ...answers) {
      queued.set(method, [...(queued.get(method) ?? []), ...answers]);
    },
    async send(update) {
      const before = calls.length;
      await bot.handleUpdate(update);
      t.last = calls.slice(before);
    },
    screen(withKeyboard = false) {
      const hasKeyboard = (c: (typeof calls)[number]) => (c.payload.reply_markup as { inline_keyboard?: unknown[] } | undefined)?.inline_keyboard !== undefined;
      const shown = [...calls].reverse().find((c) => (c.method === "sendMessage" || c.method === "editMessageText") && (!withKeyboard || hasKeyboard(c)));
      if (!shown) throw new Error("no screen shown yet");
      const keyboard = (shown.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? [];
      const messageId = shown.method === "editMessageText" ? (shown.payload.message_id as number) : (shown.result as { message_id: number }).message_id;
      return { text: shown.payload.text as string, data: keyboard.flat().map((b) => b.callback_data), labels: keyboard.flat().map((b) => b.text), messageId };
    },
  };
  return t;
}

/** Finds the button whose label contains `label` on the newest screen and taps it. */
export async function tap(t: TestBot, p: Person, label: string | RegExp): Promise<void> {
  // The newest message with buttons: a copyable text (a complaint, the report's) may have come after it.
  const screen = t.screen(true);
  const i = screen.labels.findIndex((l) => (typeof label === "string" ? l.includes(label) : label.test(l)));
  if (i < 0) throw new Error(`no button ${String(label)} in: ${screen.labels.join(" | ")}`);
  await t.send(updates.tap(p, screen.data[i]!, screen.messageId));
}
