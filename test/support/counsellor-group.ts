/**
 * The counsellors' supergroup of the local Bot API emulator (issue 14): topics in forum mode,
 * reply threads in plain mode, counsellors who write there, and the bot's posts and copies.
 *
 * `emulator.ts` owns the HTTP side and routes the group's methods here (`answer`, `copyInto`);
 * this file only models the group. Shapes follow the Bot API, including two of Telegram's habits
 * that a bot must not trip over:
 * - in a forum, every message in a topic carries `reply_to_message` = the topic's opening service
 *   message (`forum_topic_created`, id = the topic's `message_thread_id`) when it is no real reply;
 * - in a plain supergroup, a reply carries `message_thread_id` = the id of the reply chain's first
 *   message, without `is_topic_message`.
 * Message ids come from the emulator's one counter, so they grow in every chat, as in Telegram.
 */
import type { BotMessage, InlineButton, WaitOptions } from "./emulator.js";

export const DEFAULT_COUNSELLOR_CHAT_ID = -1001234567890;

/** The six colours Telegram allows for a topic icon. */
export const TOPIC_ICON_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f] as const;

export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface CounsellorGroupOptions {
  /** Supergroup id; default -1001234567890. */
  id?: number;
  /** true: topics on (one topic per case); false: plain supergroup (cases are reply threads). */
  forum: boolean;
  title?: string;
}

/** Options named as Telegram's User fields. */
export interface CounsellorOptions {
  /** Default: a random 10-digit id. */
  id?: number;
  first_name?: string;
  username?: string;
  language_code?: string;
  /** A bot in the group (the bot under test must never relay one); default false. */
  is_bot?: boolean;
}

/** Where a counsellor writes: a topic (forum), a reply to a group message, or the group itself. */
export interface GroupPlace {
  /** message_thread_id of a topic (forum mode only). */
  topic?: number;
  /** Id of the group message replied to (either mode). */
  replyTo?: number;
}

export interface ForumTopicState {
  threadId: number;
  /** The current name. */
  name: string;
  iconColor: number;
  iconCustomEmojiId: string | undefined;
  closed: boolean;
  /** Every name it had, the first one first (each editForumTopic that renamed it adds one). */
  names: string[];
}

/** A message the bot posted in the group (sendMessage or copyMessage), as it is now. */
export interface GroupPost extends BotMessage {
  /** Topic (forum) or reply-thread root (plain); undefined in the group's General. */
  threadId: number | undefined;
  /** The group message it replies to; a topic's opening service message does not count. */
  replyTo: number | undefined;
  isTopicMessage: boolean;
  caption: string | undefined;
  /** Set when it was posted with copyMessage: the message copied (its `raw` has only `copied: true`). */
  copyOf: { chatId: number; messageId: number } | undefined;
}

export type GroupMatcher = string | RegExp | ((post: GroupPost) => boolean);

export interface Counsellor {
  readonly id: number;
  readonly firstName: string;
  readonly username: string | undefined;
  /** The `from` of every update this counsellor sends. */
  readonly user: TelegramUser;
  /** Writes `text` in the group; resolves with the new message's id once it is queued for the bot. */
  say(text: string, where?: GroupPlace): Promise<number>;
  /** Sends a command, e.g. "/end" or "end" or "/end@TestNameBot", with its bot_command entity. */
  command(text: string, where?: GroupPlace): Promise<number>;
  /** Sends a message built from `fields`, e.g. `{ photo: [...] }` or `{ sticker: {...} }`. */
  sendRaw(fields: Record<string, unknown>, where?: GroupPlace): Promise<number>;
}

export interface CounsellorGroup {
  readonly id: number;
  readonly forum: boolean;
  readonly title: string;
  /** The `chat` of every message in the group. */
  chat(): Record<string, unknown>;
  /** A counsellor (a member of the group) who can write in it. */
  counsellor(opts?: CounsellorOptions): Counsellor;
  /** Everything the bot posted here, oldest first (edits applied, deleted ones gone). */
  messages(): GroupPost[];
  /** Every topic the bot created, oldest first. */
  topics(): ForumTopicState[];
  topic(threadId: number): ForumTopicState | undefined;
  /** Posts new or changed since the last counsellor action here (or `mark()`). */
  fresh(): GroupPost[];
  mark(): void;
  /** Waits for a fresh post that matches; returns the fresh posts. Default timeout 10 s. */
  waitFor(matcher: GroupMatcher, timeoutMsOrOptions?: number | WaitOptions): Promise<GroupPost[]>;
  /** Waits for a topic that passes `check` (default: any) and returns it. */
  waitForTopic(check?: (topic: ForumTopicState) => boolean, timeoutMsOrOptions?: number | WaitOptions): Promise<ForumTopicState>;
  /** Every update a counsellor sent here has been handed to the bot. */
  allDelivered(): boolean;
}

/** An HTTP answer in the Bot API's envelope. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** What the emulator lends the group. */
export interface GroupHost {
  readonly botUser: TelegramUser;
  /** Takes the next id of the emulator's message counter (a service message uses one too). */
  reserveMessageId(): number;
  /** Stores a bot message (so edits, deletes and reads work as in private chats); returns its id. */
  storeBotMessage(body: Record<string, unknown>): number;
  /** The bot's messages in a chat, oldest first (edits applied, deleted ones gone). */
  botMessages(chatId: number): BotMessage[];
  /** A message a user sent in a chat, as the bot received it. */
  userMessage(chatId: number, messageId: number): Record<string, unknown> | undefined;
  /** Hands a user's message to the bot (getUpdates or webhook); resolves with its message id. */
  deliver(message: Record<string, unknown>, command: boolean): Promise<number>;
  /** Some update from this chat has not been handed to the bot yet. */
  undelivered(chatId: number): boolean;
  /** Polls `check` until it returns a value; fails fast and with diagnostics like Person's waits. */
  waitUntil<T>(check: () => T | undefined, what: string, timeoutMs: number, describe: () => string): Promise<T>;
}

/** The group as the emulator uses it. */
export interface GroupModel {
  readonly group: CounsellorGroup;
  /** sendMessage, the forum-topic methods, getChat, getChatMember; undefined = not handled here. */
  answer(method: string, body: Record<string, unknown>): ApiAnswer | undefined;
  /** copyMessage into this group of `content` (see `copyContent`). */
  copyInto(content: Record<string, unknown>, body: Record<string, unknown>, copyOf: { chatId: number; messageId: number }): ApiAnswer;
  /** A message of this group (bot's, counsellor's or service), as Telegram would show it. */
  find(messageId: number): Record<string, unknown> | undefined;
}

export const ok = (result: unknown): ApiAnswer => ({ status: 200, body: { ok: true, result } });

export const fail = (code: number, description: string): ApiAnswer => ({
  status: code,
  body: { ok: false, error_code: code, description },
});

export const isAnswer = (v: unknown): v is ApiAnswer =>
  typeof v === "object" && v !== null && "status" in v && "body" in v;

/** Fields a copy takes over; a message with none of them (a service message) cannot be copied. */
const COPYABLE = [
  "text", "entities", "caption", "caption_entities", "parse_mode", "photo", "document", "video", "voice",
  "audio", "sticker", "animation", "video_note", "contact", "location", "venue", "dice", "poll",
  "show_caption_above_media", "has_media_spoiler", "link_preview_options",
] as const;

/**
 * What copyMessage puts in the new message: the content only, so no author, no forward header, no
 * reply. `caption` in the request replaces a media caption (ignored for text, as Telegram does).
 */
export function copyContent(source: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> | ApiAnswer {
  const content: Record<string, unknown> = {};
  for (const key of COPYABLE) if (source[key] !== undefined) content[key] = source[key];
  if (Object.keys(content).length === 0) return fail(400, "Bad Request: message can't be copied");
  if (typeof body.caption === "string" && content.text === undefined) {
    content.caption = body.caption;
    delete content.caption_entities;
    delete content.parse_mode;
    if (typeof body.parse_mode === "string") content.parse_mode = body.parse_mode;
  }
  return content;
}

export function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
}

export function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** An integer parameter, sent as a number (JSON) or a string (form). */
export function intParam(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

/** Keeps the listed fields of `from` that are set. */
export function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

const truthy = (v: unknown): boolean => v === true || v === "true";

function randomId(): number {
  return 1_000_000_000 + Math.floor(Math.random() * 8_999_999_999);
}

/** Where a new group message goes: its thread, whether that is a topic, what it replies to. */
interface Placement {
  threadId: number | undefined;
  topic: boolean;
  reply: Record<string, unknown> | undefined;
}

const DEFAULT_WAIT_MS = 10_000;

function waitMs(t: number | WaitOptions | undefined): number {
  return typeof t === "number" ? t : (t?.timeoutMs ?? DEFAULT_WAIT_MS);
}

function matchesPost(matcher: GroupMatcher, post: GroupPost): boolean {
  const text = post.text || (post.caption ?? "");
  if (typeof matcher === "string") return text.toLowerCase().includes(matcher.toLowerCase());
  if (matcher instanceof RegExp) return matcher.test(text);
  return matcher(post);
}

export function createCounsellorGroup(host: GroupHost, options: CounsellorGroupOptions): GroupModel {
  const id = options.id ?? DEFAULT_COUNSELLOR_CHAT_ID;
  const forum = options.forum;
  const title = options.title ?? (forum ? "Counsellors (topics)" : "Counsellors");
  const topics = new Map<number, ForumTopicState>();
  /** Topic-created service messages, by id (= the topic's thread id). */
  const services = new Map<number, Record<string, unknown>>();
  /** The bot's posts as Telegram returned them (text refreshed from storage on lookup). */
  const posted = new Map<number, Record<string, unknown>>();
  const members = new Map<number, TelegramUser>();
  /**
   * What each copy was copied from. Kept out of the stored message, so that a privacy scan of the
   * group's posts (their `raw` too) sees what Telegram would show: never her chat id.
   */
  const copies = new Map<number, { chatId: number; messageId: number }>();
  let baseline = new Map<number, string>();

  const chat = (): Record<string, unknown> => ({ id, type: "supergroup", title, ...(forum ? { is_forum: true } : {}) });
  const now = (): number => Math.floor(Date.now() / 1000);

  function find(messageId: number): Record<string, unknown> | undefined {
    const stored = host.botMessages(id).find((m) => m.messageId === messageId);
    const post = posted.get(messageId);
    // A post the bot deleted is gone for replies and copies too.
    if (post) return stored ? { ...post, ...pick(stored.raw, ["text", "caption"]) } : undefined;
    return services.get(messageId) ?? host.userMessage(id, messageId);
  }

  /** The topic a message is in (its own id for a topic's opening message). */
  function topicOf(message: Record<string, unknown>): number | undefined {
    if (message.forum_topic_created !== undefined) return intParam(message.message_id);
    return message.is_topic_message === true ? intParam(message.message_thread_id) : undefined;
  }

  function place(threadId: number | undefined, reply: Record<string, unknown> | undefined): Placement {
    if (forum) {
      const thread = threadId ?? (reply ? topicOf(reply) : undefined);
      return { threadId: thread, topic: thread !== undefined, reply };
    }
    const thread = threadId ?? (reply ? (intParam(reply.message_thread_id) ?? intParam(reply.message_id)) : undefined);
    return { threadId: thread, topic: false, reply };
  }

  /** The placement fields of a message, as Telegram sets them. */
  function placed(p: Placement): Record<string, unknown> {
    const shown = p.reply ?? (p.topic && p.threadId !== undefined ? services.get(p.threadId) : undefined);
    const replied = shown ? { ...shown } : undefined;
    if (replied) delete replied.reply_to_message;
    return {
      ...(p.threadId !== undefined ? { message_thread_id: p.threadId } : {}),
      ...(p.topic ? { is_topic_message: true } : {}),
      ...(replied ? { reply_to_message: replied } : {}),
    };
  }

  /** Placement of a bot message from its request: message_thread_id, reply_parameters or reply_to_message_id. */
  function placeBotMessage(body: Record<string, unknown>): Placement | ApiAnswer {
    const params = asRecord(parseMaybeJson(body.reply_parameters));
    const replyId = intParam(params.message_id) ?? intParam(body.reply_to_message_id);
    const reply = replyId === undefined ? undefined : find(replyId);
    const allow = truthy(params.allow_sending_without_reply) || truthy(body.allow_sending_without_reply);
    if (replyId !== undefined && !reply && !allow) return fail(400, "Bad Request: message to be replied not found");
    const thread = intParam(body.message_thread_id);
    if (thread !== undefined && !(forum ? topics.has(thread) : find(thread) !== undefined)) {
      return fail(400, "Bad Request: message thread not found");
    }
    return place(thread, reply);
  }

  /** Stores a bot post and remembers it as Telegram shows it; returns that message. */
  function post(content: Record<string, unknown>, p: Placement, extra: Record<string, unknown>): Record<string, unknown> {
    const messageId = host.storeBotMessage({
      chat_id: id,
      ...content,
      ...extra,
      ...(p.threadId !== undefined ? { message_thread_id: p.threadId } : {}),
      ...(p.topic ? { is_topic_message: true } : {}),
      ...(p.reply ? { reply_to_message_id: p.reply.message_id } : {}),
    });
    const markup = asRecord(parseMaybeJson(extra.reply_markup));
    const message: Record<string, unknown> = {
      message_id: messageId,
      from: { ...host.botUser },
      chat: chat(),
      date: now(),
      ...placed(p),
      ...content,
      ...("inline_keyboard" in markup ? { reply_markup: markup } : {}),
    };
    delete message.parse_mode;
    posted.set(messageId, message);
    return message;
  }

  function sendMessage(body: Record<string, unknown>): ApiAnswer {
    const text = typeof body.text === "string" ? body.text : "";
    if (text.trim() === "") return fail(400, "Bad Request: message text is empty");
    const p = placeBotMessage(body);
    if (isAnswer(p)) return p;
    const content = { text, ...pick(body, ["entities", "link_preview_options"]) };
    return ok(post(content, p, pick(body, ["parse_mode", "reply_markup"])));
  }

  function topicAnswer(method: string, body: Record<string, unknown>): ApiAnswer {
    if (!forum) return fail(400, "Bad Request: the chat is not a forum");
    if (method === "createForumTopic") return createTopic(body);
    const topic = topics.get(intParam(body.message_thread_id) ?? Number.NaN);
    if (!topic) return fail(400, "Bad Request: message thread not found");
    const unchanged = fail(400, "Bad Request: TOPIC_NOT_MODIFIED");
    if (method === "closeForumTopic" || method === "reopenForumTopic") {
      const close = method === "closeForumTopic";
      if (topic.closed === close) return unchanged;
      topic.closed = close;
      return ok(true);
    }
    const name = typeof body.name === "string" && body.name !== "" ? body.name : undefined;
    const emoji = typeof body.icon_custom_emoji_id === "string" ? body.icon_custom_emoji_id : undefined;
    if ((name === undefined || name === topic.name) && (emoji === undefined || emoji === topic.iconCustomEmojiId)) return unchanged;
    if (name !== undefined && name.length > 128) return fail(400, "Bad Request: topic name is too long");
    if (name !== undefined && name !== topic.name) {
      topic.name = name;
      topic.names.push(name);
    }
    if (emoji !== undefined) topic.iconCustomEmojiId = emoji || undefined;
    return ok(true);
  }

  function createTopic(body: Record<string, unknown>): ApiAnswer {
    const name = typeof body.name === "string" ? body.name : "";
    if (name.length < 1 || name.length > 128) return fail(400, "Bad Request: topic name must be 1-128 characters");
    const iconColor = intParam(body.icon_color) ?? TOPIC_ICON_COLORS[topics.size % TOPIC_ICON_COLORS.length]!;
    const emoji = typeof body.icon_custom_emoji_id === "string" && body.icon_custom_emoji_id !== "" ? body.icon_custom_emoji_id : undefined;
    // A topic is the thread of its opening service message: same id, taken from the one counter.
    let threadId = host.reserveMessageId();
    // Thread 1 is the General topic in Telegram; a case topic never has that id.
    if (threadId === 1) threadId = host.reserveMessageId();
    const created = { name, icon_color: iconColor, ...(emoji ? { icon_custom_emoji_id: emoji } : {}) };
    services.set(threadId, {
      message_id: threadId,
      from: { ...host.botUser },
      chat: chat(),
      date: now(),
      message_thread_id: threadId,
      is_topic_message: true,
      forum_topic_created: created,
    });
    topics.set(threadId, { threadId, name, iconColor, iconCustomEmojiId: emoji, closed: false, names: [name] });
    return ok({ message_thread_id: threadId, ...created });
  }

  function chatMember(body: Record<string, unknown>): ApiAnswer {
    const userId = intParam(body.user_id);
    if (userId === host.botUser.id) {
      return ok({
        status: "administrator",
        user: { ...host.botUser },
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_manage_topics: forum,
      });
    }
    const member = userId === undefined ? undefined : members.get(userId);
    if (member) return ok({ status: "member", user: { ...member } });
    return ok({ status: "left", user: { id: userId ?? 0, is_bot: false, first_name: "Someone" } });
  }

  function answer(method: string, body: Record<string, unknown>): ApiAnswer | undefined {
    switch (method) {
      case "sendMessage":
        return sendMessage(body);
      case "createForumTopic":
      case "editForumTopic":
      case "closeForumTopic":
      case "reopenForumTopic":
        return topicAnswer(method, body);
      case "getChat":
        return ok({ ...chat(), accent_color_id: 0, max_reaction_count: 11 });
      case "getChatMember":
        return chatMember(body);
      default:
        return undefined;
    }
  }

  function copyInto(content: Record<string, unknown>, body: Record<string, unknown>, copyOf: { chatId: number; messageId: number }): ApiAnswer {
    const p = placeBotMessage(body);
    if (isAnswer(p)) return p;
    const message = post(content, p, { ...pick(body, ["reply_markup"]), copied: true });
    copies.set(Number(message.message_id), { ...copyOf });
    return ok({ message_id: message.message_id });
  }

  // ---- read side ------------------------------------------------------------------------------

  function toPost(m: BotMessage): GroupPost {
    const copy = copies.get(m.messageId);
    return {
      ...m,
      threadId: intParam(m.raw.message_thread_id),
      replyTo: intParam(m.raw.reply_to_message_id),
      isTopicMessage: m.raw.is_topic_message === true,
      caption: typeof m.raw.caption === "string" ? m.raw.caption : undefined,
      copyOf: copy ? { ...copy } : undefined,
    };
  }

  const messages = (): GroupPost[] => host.botMessages(id).map(toPost);
  const signature = (p: GroupPost): string => JSON.stringify([p.text, p.caption, p.buttons]);
  const mark = (): void => {
    baseline = new Map(messages().map((p) => [p.messageId, signature(p)]));
  };
  const fresh = (): GroupPost[] => messages().filter((p) => baseline.get(p.messageId) !== signature(p));
  const topicList = (): ForumTopicState[] => [...topics.values()].map((t) => ({ ...t, names: [...t.names] }));

  function describe(): string {
    const lines = messages().map((p) => {
      const where = p.threadId === undefined ? "general" : `thread ${String(p.threadId)}`;
      const reply = p.replyTo === undefined ? "" : ` ↩${String(p.replyTo)}`;
      const labels = p.buttons.flat().map((b: InlineButton) => `[${b.text}]`).join(" ");
      return `  #${String(p.messageId)} (${where}${reply}${p.copyOf ? ", copy" : ""}): ${JSON.stringify((p.text || (p.caption ?? "")).slice(0, 200))}${labels ? ` ${labels}` : ""}`;
    });
    const topicLines = topicList().map((t) => `  topic ${String(t.threadId)} ${JSON.stringify(t.name)}${t.closed ? " (closed)" : ""}`);
    return `Group ${String(id)} (${forum ? "forum" : "plain"}) posts by the bot:\n${lines.join("\n") || "  (none)"}\n` +
      `Topics:\n${topicLines.join("\n") || "  (none)"}`;
  }

  // ---- counsellors ----------------------------------------------------------------------------

  /** A counsellor's placement; a test that names a place that cannot exist is a test bug: throw. */
  function placeCounsellor(where: GroupPlace): Placement {
    if (where.topic !== undefined) {
      if (!forum) throw new Error(`Group ${String(id)} has no topics (plain mode): write with { replyTo } or nowhere.`);
      if (!topics.has(where.topic)) throw new Error(`Group ${String(id)} has no topic ${String(where.topic)}.\n${describe()}`);
    }
    const reply = where.replyTo === undefined ? undefined : find(where.replyTo);
    if (where.replyTo !== undefined && !reply) {
      throw new Error(`Group ${String(id)} has no message ${String(where.replyTo)} to reply to.\n${describe()}`);
    }
    return place(where.topic, reply);
  }

  function counsellor(opts: CounsellorOptions = {}): Counsellor {
    const user: TelegramUser = {
      id: opts.id ?? randomId(),
      is_bot: opts.is_bot ?? false,
      first_name: opts.first_name ?? `Counsellor${String(Math.floor(Math.random() * 1e6))}`,
      ...(opts.username !== undefined ? { username: opts.username } : {}),
      ...(opts.language_code !== undefined ? { language_code: opts.language_code } : {}),
    };
    members.set(user.id, user);
    // Async, so that a misplaced message rejects like any other failed send.
    const act = async (content: Record<string, unknown>, where: GroupPlace, command: boolean): Promise<number> => {
      const p = placeCounsellor(where);
      mark();
      return host.deliver({ from: { ...user }, chat: chat(), date: now(), ...placed(p), ...content }, command);
    };
    return {
      id: user.id,
      firstName: user.first_name,
      username: user.username,
      user,
      say: (text, where = {}) => act({ text }, where, false),
      command(text, where = {}) {
        const full = text.startsWith("/") ? text : `/${text}`;
        const length = full.split(/\s/, 1)[0]!.length;
        return act({ text: full, entities: [{ offset: 0, length, type: "bot_command" }] }, where, true);
      },
      sendRaw: (fields, where = {}) => act(fields, where, false),
    };
  }

  const group: CounsellorGroup = {
    id,
    forum,
    title,
    chat,
    counsellor,
    messages,
    topics: topicList,
    topic: (threadId) => topicList().find((t) => t.threadId === threadId),
    fresh,
    mark,
    waitFor(matcher, t) {
      return host.waitUntil(
        () => {
          const f = fresh();
          return f.some((p) => matchesPost(matcher, p)) ? f : undefined;
        },
        `a bot post in the group matching ${String(matcher)}`,
        waitMs(t),
        describe,
      );
    },
    waitForTopic(check = () => true, t) {
      return host.waitUntil(() => topicList().find(check), "a topic in the group", waitMs(t), describe);
    },
    allDelivered: () => !host.undelivered(id),
  };

  return { group, answer, copyInto, find };
}
