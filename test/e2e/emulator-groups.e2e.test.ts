/**
 * The local Bot API emulator's counsellors' group (issue 14), driven over HTTP exactly as the bot
 * would drive it (POST {apiRoot}/bot<token>/<method> with JSON), without the bot: topics in forum
 * mode, reply threads in plain mode, copyMessage both ways, 403 for a person who blocked the bot,
 * and counsellors' messages reaching getUpdates (and a webhook) in Telegram's shapes.
 */
import http from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_BOT_USER, startEmulator, TOPIC_ICON_COLORS, type CounsellorGroup, type Emulator } from "../support/emulator.js";

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

const rec = (v: unknown): Json => (typeof v === "object" && v !== null ? (v as Json) : {});
const FORUM_ID = -1001234567890;
const PLAIN_ID = -1009876543210;

/** The bot's side of the wire. */
function botApi(emu: () => Emulator) {
  async function call(method: string, params: Json = {}): Promise<Answer> {
    const res = await fetch(`${emu().apiRoot}/bot${emu().token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
    });
    return { status: res.status, body: rec(await res.json()) };
  }
  async function result(method: string, params: Json = {}): Promise<Json> {
    const answer = await call(method, params);
    expect(answer.body.ok, `${method}: ${JSON.stringify(answer.body)}`).toBe(true);
    return rec(answer.body.result);
  }
  /** Every update waiting for the bot, as the bot would get them. */
  async function updates(): Promise<Json[]> {
    const answer = await call("getUpdates", { timeout: 0 });
    expect(answer.body.ok).toBe(true);
    return (answer.body.result as unknown[]).map(rec);
  }
  /** The message of the one waiting update whose message has this id. */
  async function updateWith(messageId: number): Promise<Json> {
    const found = (await updates()).map((u) => rec(u.message)).filter((m) => m.message_id === messageId);
    expect(found, `one update with message ${String(messageId)}`).toHaveLength(1);
    return found[0]!;
  }
  return { call, result, updates, updateWith };
}

const expectError = (answer: Answer, code: number, description: string): void => {
  expect(answer.status).toBe(code);
  expect(answer.body).toEqual({ ok: false, error_code: code, description });
};

describe("emulator: a forum counsellors' group (topics)", { concurrent: false }, () => {
  let emulator: Emulator | undefined;
  const emu = (): Emulator => emulator!;
  const api = botApi(emu);
  let group: CounsellorGroup;
  let topic = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ longPollMs: 50 });
    group = emu().counsellorGroup({ id: FORUM_ID, forum: true, title: "Helpline counsellors" });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("getChat and getChatMember describe the group; topic methods on an unknown chat are 400", async () => {
    expect(await api.result("getChat", { chat_id: FORUM_ID })).toMatchObject({
      id: FORUM_ID,
      type: "supergroup",
      title: "Helpline counsellors",
      is_forum: true,
    });
    const bot = await api.result("getChatMember", { chat_id: FORUM_ID, user_id: EMULATOR_BOT_USER.id });
    expect(bot).toMatchObject({ status: "administrator", can_manage_topics: true, user: { id: EMULATOR_BOT_USER.id, is_bot: true } });
    const priya = group.counsellor({ id: 5_550_000_001, first_name: "Priya" });
    expect(await api.result("getChatMember", { chat_id: FORUM_ID, user_id: priya.id })).toMatchObject({ status: "member", user: { id: priya.id } });
    expectError(await api.call("createForumTopic", { chat_id: -100111, name: "x" }), 400, "Bad Request: chat not found");
    expect(emu().counsellorGroup({ id: FORUM_ID, forum: true })).toBe(group);
    expect(() => emu().counsellorGroup({ id: FORUM_ID, forum: false })).toThrow(/exists already/);
  });

  it("createForumTopic answers a ForumTopic; edit, close and reopen show in topics(); no-ops and unknown topics are 400", async () => {
    const created = await api.result("createForumTopic", { chat_id: FORUM_ID, name: "Case K7F3" });
    expect(Object.keys(created).sort()).toEqual(["icon_color", "message_thread_id", "name"]);
    expect(created.name).toBe("Case K7F3");
    expect(TOPIC_ICON_COLORS).toContain(created.icon_color);
    topic = Number(created.message_thread_id);
    // The first message id of the emulator, but 1 is Telegram's General topic: never a case topic.
    expect(topic).toBeGreaterThan(1);
    const second = await api.result("createForumTopic", { chat_id: FORUM_ID, name: "Case QW3R", icon_color: 0xff93b2 });
    expect(second.icon_color).toBe(0xff93b2);
    expect(Number(second.message_thread_id)).toBeGreaterThan(topic);

    expect(await api.call("editForumTopic", { chat_id: FORUM_ID, message_thread_id: topic, name: "Case K7F3 · ended" })).toMatchObject({ status: 200, body: { ok: true, result: true } });
    expectError(await api.call("editForumTopic", { chat_id: FORUM_ID, message_thread_id: topic, name: "Case K7F3 · ended" }), 400, "Bad Request: TOPIC_NOT_MODIFIED");
    expect(await api.result("closeForumTopic", { chat_id: FORUM_ID, message_thread_id: topic })).toBeDefined();
    expect(group.topic(topic)).toMatchObject({ name: "Case K7F3 · ended", closed: true, names: ["Case K7F3", "Case K7F3 · ended"] });
    expectError(await api.call("closeForumTopic", { chat_id: FORUM_ID, message_thread_id: topic }), 400, "Bad Request: TOPIC_NOT_MODIFIED");
    await api.result("reopenForumTopic", { chat_id: FORUM_ID, message_thread_id: topic });
    await api.result("editForumTopic", { chat_id: FORUM_ID, message_thread_id: topic, name: "Case K7F3" });
    expect(group.topics().map((t) => [t.threadId, t.name, t.closed])).toEqual([
      [topic, "Case K7F3", false],
      [Number(second.message_thread_id), "Case QW3R", false],
    ]);
    expectError(await api.call("closeForumTopic", { chat_id: FORUM_ID, message_thread_id: 987_654 }), 400, "Bad Request: message thread not found");
    expect(await group.waitForTopic((t) => t.name === "Case QW3R", 500)).toMatchObject({ iconColor: 0xff93b2 });
  });

  it("sendMessage goes into a topic, the General, or the thread of the message it replies to", async () => {
    const opening = await api.result("sendMessage", {
      chat_id: FORUM_ID,
      message_thread_id: topic,
      text: "<b>Case K7F3</b> opened",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "End", callback_data: "end" }]] },
    });
    expect(opening).toMatchObject({
      chat: { id: FORUM_ID, type: "supergroup", is_forum: true },
      from: { id: EMULATOR_BOT_USER.id, is_bot: true },
      message_thread_id: topic,
      is_topic_message: true,
      // Telegram's habit: a topic message that is no reply "replies" to the topic's opening service message.
      reply_to_message: { message_id: topic, forum_topic_created: { name: "Case K7F3" } },
    });
    const general = await api.result("sendMessage", { chat_id: FORUM_ID, text: "Shift starts" });
    expect(general).not.toHaveProperty("message_thread_id");
    expect(general).not.toHaveProperty("is_topic_message");
    expect(general).not.toHaveProperty("reply_to_message");
    const reply = await api.result("sendMessage", { chat_id: FORUM_ID, text: "shared: none", reply_parameters: { message_id: opening.message_id } });
    expect(reply).toMatchObject({ message_thread_id: topic, is_topic_message: true, reply_to_message: { message_id: opening.message_id, text: "<b>Case K7F3</b> opened" } });

    const posts = group.messages();
    expect(posts.map((p) => [p.messageId, p.threadId, p.replyTo, p.text])).toEqual([
      [opening.message_id, topic, undefined, "<b>Case K7F3</b> opened"],
      [general.message_id, undefined, undefined, "Shift starts"],
      [reply.message_id, topic, opening.message_id, "shared: none"],
    ]);
    expect(posts[0]).toMatchObject({ parseMode: "HTML", isTopicMessage: true });
    expect(posts[0]!.buttons).toEqual([[{ text: "End", callback_data: "end" }]]);

    expectError(await api.call("sendMessage", { chat_id: FORUM_ID, message_thread_id: 424_242, text: "x" }), 400, "Bad Request: message thread not found");
    expectError(await api.call("sendMessage", { chat_id: FORUM_ID, reply_parameters: { message_id: 424_242 }, text: "x" }), 400, "Bad Request: message to be replied not found");
    expectError(await api.call("sendMessage", { chat_id: FORUM_ID, text: "" }), 400, "Bad Request: message text is empty");
    const lenient = await api.result("sendMessage", { chat_id: FORUM_ID, text: "y", reply_parameters: { message_id: 424_242, allow_sending_without_reply: true } });
    expect(lenient).not.toHaveProperty("reply_to_message");
  });

  it("her message is copied into the topic: same text, no author, answered with { message_id } only", async () => {
    const her = emu().person({ firstName: "Meenakshi", username: "meena_e2e_copy" });
    await her.send("he posted my photo on a group");
    const [mine] = her.sent();
    expect(mine?.text).toBe("he posted my photo on a group");
    // copyMessage takes the id the bot received.
    const seen = await api.updateWith(mine!.messageId);
    expect(seen).toMatchObject({ chat: { id: her.chatId, type: "private" }, text: "he posted my photo on a group" });

    const copied = await api.result("copyMessage", { chat_id: FORUM_ID, from_chat_id: her.chatId, message_id: mine!.messageId, message_thread_id: topic });
    expect(Object.keys(copied)).toEqual(["message_id"]);
    const post = group.messages().at(-1)!;
    expect(post).toMatchObject({ messageId: copied.message_id, text: "he posted my photo on a group", threadId: topic, isTopicMessage: true, copyOf: { chatId: her.chatId, messageId: mine!.messageId } });
    const shown = JSON.stringify(post.raw);
    for (const trace of [String(her.id), her.firstName, her.username]) expect(shown).not.toContain(trace);

    expectError(await api.call("copyMessage", { chat_id: FORUM_ID, from_chat_id: her.chatId, message_id: 999_999 }), 400, "Bad Request: message to copy not found");
    expectError(await api.call("copyMessage", { chat_id: her.chatId, from_chat_id: FORUM_ID, message_id: topic }), 400, "Bad Request: message can't be copied");
  });

  it("a counsellor writes in the topic: the bot gets a topic message, and its copy reaches her without the counsellor", async () => {
    const her = emu().person({ firstName: "Farzana" });
    await her.send("hello?");
    const before = her.sent()[0]!.messageId;
    await api.updates();
    const priya = group.counsellor({ id: 5_550_000_002, first_name: "Priya", username: "priya_counsels" });
    const said = await priya.say("I'm here with you. You did nothing wrong.", { topic });
    expect(said).toBeGreaterThan(before);
    expect(group.allDelivered()).toBe(false);

    const message = await api.updateWith(said);
    expect(group.allDelivered()).toBe(true);
    expect(message.chat).toEqual({ id: FORUM_ID, type: "supergroup", title: "Helpline counsellors", is_forum: true });
    expect(message.from).toEqual({ id: priya.id, is_bot: false, first_name: "Priya", username: "priya_counsels" });
    expect(message).toMatchObject({ is_topic_message: true, message_thread_id: topic, reply_to_message: { message_id: topic, forum_topic_created: { name: "Case K7F3" } } });
    expect(message).not.toHaveProperty("botToken");

    const copied = await api.result("copyMessage", { chat_id: her.chatId, from_chat_id: FORUM_ID, message_id: said });
    expect(Object.keys(copied)).toEqual(["message_id"]);
    const arrived = her.messages().at(-1)!;
    expect(arrived).toMatchObject({ messageId: copied.message_id, chatId: her.chatId, text: "I'm here with you. You did nothing wrong." });
    const shown = JSON.stringify(arrived.raw);
    for (const trace of ["Priya", "priya_counsels", String(priya.id), String(FORUM_ID)]) expect(shown).not.toContain(trace);
    expect((await her.waitFor("You did nothing wrong", 500)).length).toBe(1);

    expectError(await api.call("copyMessage", { chat_id: her.chatId, from_chat_id: FORUM_ID, message_id: said, message_thread_id: topic }), 400, "Bad Request: message thread not found");
  });

  it("/end in the topic comes with its bot_command entity; a stray message in the General has no thread", async () => {
    const asha = group.counsellor({ first_name: "Asha" });
    const end = await asha.command("end", { topic });
    const stray = await asha.say("is anyone covering tonight?");
    const [first, second] = (await api.updates()).map((u) => rec(u.message));
    expect(first).toMatchObject({ message_id: end, text: "/end", entities: [{ offset: 0, length: 4, type: "bot_command" }], message_thread_id: topic, is_topic_message: true });
    expect(second).toMatchObject({ message_id: stray, text: "is anyone covering tonight?", chat: { id: FORUM_ID, is_forum: true } });
    for (const key of ["message_thread_id", "is_topic_message", "reply_to_message"]) expect(second).not.toHaveProperty(key);
    const withBot = await asha.command("/end@TestNameBot", { topic });
    expect(rec(await api.updateWith(withBot)).entities).toEqual([{ offset: 0, length: 16, type: "bot_command" }]);
    await expect(asha.say("x", { topic: 777_777 })).rejects.toThrow(/no topic 777777/);
  });

  it("a person who blocked the bot: sends and copies to her chat answer 403 until she unblocks", async () => {
    const her = emu().person();
    const counsellor = group.counsellor();
    const said = await counsellor.say("are you still there?", { topic });
    her.block();
    expect(her.isBlocked()).toBe(true);
    const blocked = "Forbidden: bot was blocked by the user";
    expectError(await api.call("sendMessage", { chat_id: her.chatId, text: "hi" }), 403, blocked);
    expectError(await api.call("copyMessage", { chat_id: her.chatId, from_chat_id: FORUM_ID, message_id: said }), 403, blocked);
    expect(emu().calls("sendMessage").at(-1)).toMatchObject({ status: 403, body: { chat_id: her.chatId } });
    expect(her.messages()).toEqual([]);
    await api.result("sendMessage", { chat_id: FORUM_ID, message_thread_id: topic, text: "she has blocked the bot" });
    her.unblock();
    await api.result("copyMessage", { chat_id: her.chatId, from_chat_id: FORUM_ID, message_id: said });
    expect(her.messages().map((m) => m.text)).toEqual(["are you still there?"]);
  });

  it("everything else still reaches the emulator as before, JSON or form-encoded", async () => {
    const her = emu().person();
    await api.result("sendMessage", { chat_id: her.chatId, text: "plain json" });
    const form = await fetch(`${emu().apiRoot}/bot${emu().token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(her.chatId), text: "form encoded" }).toString(),
    });
    expect(rec(await form.json()).ok).toBe(true);
    expect(her.messages().map((m) => m.text)).toEqual(["plain json", "form encoded"]);
    // A private chat's getChat is still the emulator's (unsupported) one.
    expect((await api.call("getChat", { chat_id: her.chatId })).status).toBe(500);
  });
});

describe("emulator: a plain counsellors' group (reply threads)", { concurrent: false }, () => {
  let emulator: Emulator | undefined;
  const emu = (): Emulator => emulator!;
  const api = botApi(emu);
  const group = (): CounsellorGroup => emu().counsellorGroup({ id: PLAIN_ID, forum: false });

  beforeAll(async () => {
    emulator = await startEmulator({ longPollMs: 50, counsellorGroup: { id: PLAIN_ID, forum: false } });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("has no topics: every topic method answers 400 'the chat is not a forum'", async () => {
    const chat = await api.result("getChat", { chat_id: PLAIN_ID });
    expect(chat).toMatchObject({ id: PLAIN_ID, type: "supergroup" });
    expect(chat).not.toHaveProperty("is_forum");
    for (const method of ["createForumTopic", "editForumTopic", "closeForumTopic", "reopenForumTopic"]) {
      expectError(await api.call(method, { chat_id: PLAIN_ID, name: "Case K7F3", message_thread_id: 1 }), 400, "Bad Request: the chat is not a forum");
    }
    await expect(emu().counsellor({ first_name: "Nila" }).say("x", { topic: 1 })).rejects.toThrow(/no topics/);
  });

  it("a case is a thread of replies to the bot's opening message, both ways, and copies keep to it", async () => {
    const her = emu().person();
    await her.send("I don't know what to do");
    const mine = her.sent()[0]!.messageId;
    const opening = await api.result("sendMessage", { chat_id: PLAIN_ID, text: "Case K7F3 opened" });
    expect(opening).not.toHaveProperty("message_thread_id");
    const copy = await api.result("copyMessage", { chat_id: PLAIN_ID, from_chat_id: her.chatId, message_id: mine, reply_parameters: { message_id: opening.message_id } });

    const nila = emu().counsellor({ id: 5_550_000_003, first_name: "Nila" });
    const said = await nila.say("Hi, I'm Nila from the helpline.", { replyTo: Number(copy.message_id) });
    await api.updates();
    const stray = await nila.say("lunch?");
    const updates = (await api.updates()).map((u) => rec(u.message));
    expect(updates.map((m) => m.message_id)).toEqual([stray]);
    expect(await api.updates()).toEqual([]);

    const counsellorMessage = await api.result("copyMessage", { chat_id: her.chatId, from_chat_id: PLAIN_ID, message_id: said });
    expect(her.messages().map((m) => [m.messageId, m.text])).toEqual([[counsellorMessage.message_id, "Hi, I'm Nila from the helpline."]]);

    const answer = await api.result("sendMessage", { chat_id: PLAIN_ID, text: "summary: none shared", reply_to_message_id: said });
    expect(answer).toMatchObject({ message_thread_id: opening.message_id, reply_to_message: { message_id: said, from: { id: nila.id, is_bot: false } } });
    expect(answer).not.toHaveProperty("is_topic_message");
    expect(group().messages().map((p) => [p.text, p.threadId, p.replyTo, p.copyOf?.messageId])).toEqual([
      ["Case K7F3 opened", undefined, undefined, undefined],
      ["I don't know what to do", opening.message_id, opening.message_id, mine],
      ["summary: none shared", opening.message_id, said, undefined],
    ]);
  });

  it("a counsellor's reply carries the replied message and the thread's first message id, without is_topic_message", async () => {
    const opening = await api.result("sendMessage", { chat_id: PLAIN_ID, text: "Case ZX9P opened" });
    const nila = emu().counsellor({ id: 5_550_000_003, first_name: "Nila" });
    const first = await nila.say("I'll take this one", { replyTo: Number(opening.message_id) });
    const second = await nila.command("/end", { replyTo: first });
    const [a, b] = (await api.updates()).map((u) => rec(u.message));
    expect(a).toMatchObject({
      message_id: first,
      chat: { id: PLAIN_ID, type: "supergroup" },
      message_thread_id: opening.message_id,
      reply_to_message: { message_id: opening.message_id, text: "Case ZX9P opened", from: { is_bot: true } },
    });
    expect(rec(a!.chat)).not.toHaveProperty("is_forum");
    expect(a).not.toHaveProperty("is_topic_message");
    // A reply to a reply stays in the thread of the chain's first message; no nesting of replies.
    expect(b).toMatchObject({ message_id: second, text: "/end", message_thread_id: opening.message_id, reply_to_message: { message_id: first } });
    expect(rec(b!.reply_to_message)).not.toHaveProperty("reply_to_message");
    await expect(nila.say("x", { replyTo: 31_337 })).rejects.toThrow(/no message 31337/);
  });

  it("with a webhook set, a counsellor's message is posted to it in the same shape, and can still be copied", async () => {
    const received: Json[] = [];
    const hook = http.createServer((req, res) => {
      let data = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (data += chunk));
      req.on("end", () => {
        received.push(rec(JSON.parse(data)));
        res.end("{}");
      });
    });
    hook.listen(0, "127.0.0.1");
    await once(hook, "listening");
    try {
      const url = `http://127.0.0.1:${String((hook.address() as AddressInfo).port)}/hook`;
      await api.call("setWebhook", { url });
      const opening = await api.result("sendMessage", { chat_id: PLAIN_ID, text: "Case W3BH opened" });
      const said = await emu().counsellor({ first_name: "Ruth" }).say("webhook hello", { replyTo: Number(opening.message_id) });
      expect(received.map((u) => rec(u.message).message_id)).toEqual([said]);
      expect(rec(received[0]!.message)).toMatchObject({ text: "webhook hello", message_thread_id: opening.message_id, chat: { id: PLAIN_ID, type: "supergroup" } });
      const her = emu().person();
      await api.result("copyMessage", { chat_id: her.chatId, from_chat_id: PLAIN_ID, message_id: said });
      expect(her.messages().map((m) => m.text)).toEqual(["webhook hello"]);
    } finally {
      await api.call("deleteWebhook");
      hook.close();
    }
  });
});
