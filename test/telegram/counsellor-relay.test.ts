import { describe, expect, it } from "vitest";
import type { CounselSettings } from "../../src/conversation/office-hours.js";
import { commandOf } from "../../src/telegram/counsellor-group.js";
import { prepareBot, tap, updates, type Call, type Person, type TestBot } from "../support/telegram.js";

const GROUP = -1001234567890;
const counsel: CounselSettings = { chatId: GROUP, org: "Meri Trustline", hours: undefined, hoursText: undefined, timeZone: "Asia/Kolkata", waitMinutes: 10 };
const asha: Person = { id: 731_000_444, first_name: "Asha", last_name: "Verma", username: "asha_v_1999", language_code: "en" };
const priya: Person = { id: 662_111_222, first_name: "Priya", username: "priya_counsels", language_code: "en" };
const TOPIC = 77;

const toGroup = (calls: Call[]) => calls.filter((c) => c.payload.chat_id === GROUP);
const toHer = (calls: Call[]) => calls.filter((c) => c.payload.chat_id === asha.id);

/** Her identity in any form a call or log line could carry it. */
const HER = [String(asha.id), asha.first_name, asha.last_name!, asha.username!];
const COUNSELLOR = [String(priya.id), priya.first_name, priya.username!];

function forumBot(): TestBot {
  const t = prepareBot({ counsel });
  t.answer("createForumTopic", { result: { message_thread_id: TOPIC, name: "Case", icon_color: 7322096 } });
  return t;
}

async function openCase(t: TestBot, share: RegExp = /without sharing/i): Promise<void> {
  await t.send(updates.command(asha, "talk"));
  await tap(t, asha, share);
}

describe("the counsellor hand-off over Telegram", () => {
  it("/talk shows the consent screen: who, what they see, what is kept, that images are not passed on", async () => {
    const t = prepareBot({ counsel });
    await t.send(updates.command(asha, "talk"));
    const { text } = t.screen();
    expect(text).toContain("Meri Trustline");
    expect(text).toMatch(/case code/i);
    expect(text).toMatch(/never.*(name|username)/i);
    expect(text).toMatch(/image|photo/i);
  });

  it("'Not now' opens nothing: no topic, no record, and what she types goes back to the walkthrough", async () => {
    const t = forumBot();
    await t.send(updates.command(asha, "talk"));
    await tap(t, asha, /not now/i);
    await t.send(updates.text(asha, "hello"));
    expect(toGroup(t.calls)).toEqual([]);
    expect(t.store.dump().some(([k]) => k.startsWith("nyf:v2:c:"))).toBe(false);
  });

  it("without COUNSELLOR_CHAT_ID, /talk says it isn't connected and shows the helplines", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "talk"));
    const { text, labels } = t.screen();
    expect(text).toMatch(/not connected/i);
    expect(text).toContain("112");
    expect(labels.join(" ")).not.toMatch(/share/i);
  });

  it("forum mode: a topic per case; her words are copied into it, never forwarded, and nothing names her", async () => {
    const t = forumBot();
    await openCase(t);
    const opened = toGroup(t.calls);
    expect(opened.map((c) => c.method)).toEqual(["createForumTopic", "sendMessage"]);
    expect(String(opened[0]!.payload.name)).toMatch(/^Case [2-9A-HJKMNP-TV-Z]{6}$/);
    expect(opened[1]!.payload.message_thread_id).toBe(TOPIC);

    await t.send(updates.text(asha, "he says he will send it to my office"));
    const relayed = t.last.filter((c) => c.method === "copyMessage");
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.payload).toMatchObject({ chat_id: GROUP, from_chat_id: asha.id, message_thread_id: TOPIC });
    // Passed on, not answered with a screen.
    expect(toHer(t.last).filter((c) => c.method === "sendMessage")).toHaveLength(0);
    expect(t.calls.some((c) => c.method === "forwardMessage")).toBe(false);
    // What the group can see (texts, topic names) never names her; a copy's from_chat_id is for Telegram only.
    const visible = toGroup(t.calls).filter((c) => c.method !== "copyMessage").map((c) => JSON.stringify(c.payload)).join("\n");
    for (const id of HER) expect(visible).not.toContain(id);
  });

  it("a counsellor writing in the topic reaches her as a copy: no name, no account", async () => {
    const t = forumBot();
    await openCase(t);
    await t.send(updates.inGroup(priya, "Hi, I'm here with you. Take your time.", GROUP, { topic: TOPIC, forum: true }));
    const copies = toHer(t.last).filter((c) => c.method === "copyMessage");
    expect(copies).toHaveLength(1);
    expect(copies[0]!.payload.from_chat_id).toBe(GROUP);
    for (const call of toHer(t.calls)) for (const id of COUNSELLOR) expect(JSON.stringify(call.payload)).not.toContain(id);
  });

  it("reply-thread mode when the group is not a forum: counsellors reply to the case's messages", async () => {
    const t = prepareBot({ counsel });
    t.answer("createForumTopic", { error_code: 400, description: "Bad Request: the chat is not a forum" });
    await openCase(t);
    const opening = toGroup(t.calls).find((c) => c.method === "sendMessage")!;
    expect(opening.payload.message_thread_id).toBeUndefined();
    const anchor = (opening.result as { message_id: number }).message_id;
    await t.send(updates.inGroup(priya, "Hello, I'm a counsellor here.", GROUP, { replyTo: anchor }));
    expect(toHer(t.last).map((c) => c.method)).toEqual(["copyMessage"]);
    // Her reply lands as a reply to the case, and a reply to that reaches her too.
    t.answer("copyMessage", { result: { message_id: 4242 } });
    await t.send(updates.text(asha, "thank you"));
    const relayed = t.last.find((c) => c.method === "copyMessage")!;
    expect(relayed.payload.reply_parameters).toMatchObject({ message_id: anchor });
    await t.send(updates.inGroup(priya, "You're welcome.", GROUP, { replyTo: 4242 }));
    expect(toHer(t.last).map((c) => c.method)).toEqual(["copyMessage"]);
  });

  it("the bot stays in the counsellors' group, ignores bots and loose messages there, and still leaves other groups", async () => {
    const t = forumBot();
    await openCase(t);
    const before = t.calls.length;
    await t.send(updates.inGroup(priya, "/start", GROUP));
    await t.send(updates.inGroup(priya, "team: lunch at 1?", GROUP));
    await t.send(updates.inGroup({ id: 999, first_name: "SomeBot" }, "spam", GROUP, { topic: TOPIC, forum: true, bot: true }));
    expect(t.calls.slice(before)).toEqual([]);
    await t.send(updates.group(priya, "/start"));
    expect(t.last.some((c) => c.method === "leaveChat")).toBe(true);
  });

  it("a crisis message inside a case: the crisis screen at once, and the case is told", async () => {
    const t = forumBot();
    await openCase(t);
    await t.send(updates.text(asha, "I want to die, I can't face my family"));
    const screen = toHer(t.last).find((c) => c.method === "sendMessage");
    expect(String(screen?.payload.text)).toContain("14416");
    const inCase = toGroup(t.last);
    expect(inCase.map((c) => c.method)).toEqual(["copyMessage", "sendMessage"]);
    expect(String(inCase[1]!.payload.text)).toContain("🆘");
  });

  it("a burst of crisis messages in a case: one crisis screen, but every message reaches the counsellor", async () => {
    const t = forumBot();
    await openCase(t);
    const before = t.calls.length;
    await t.send(updates.text(asha, "I want to die"));
    await t.send(updates.text(asha, "i really want to end my life tonight"));
    const after = t.calls.slice(before);
    expect(toGroup(after).filter((c) => c.method === "copyMessage")).toHaveLength(2);
    expect(toHer(after).filter((c) => c.method === "sendMessage" && String(c.payload.text).includes("14416"))).toHaveLength(1);
  });

  it("photos in a case get one line: not passed on", async () => {
    const t = forumBot();
    await openCase(t);
    await t.send(updates.photo(asha));
    // The case hears only that something was sent; the file itself goes nowhere.
    expect(toGroup(t.last).map((c) => c.method)).toEqual(["sendMessage"]);
    expect(String(toGroup(t.last)[0]!.payload.text)).toMatch(/not passed on/i);
    expect(t.last.some((c) => c.method === "getFile" || c.method === "copyMessage")).toBe(false);
    expect(String(toHer(t.last).find((c) => c.method === "sendMessage")?.payload.text)).toMatch(/not passed on|isn't passed|not shared|won't be passed/i);
  });

  it("/end by the counsellor closes the topic and tells her; /exit by her tells the group and nothing more to her", async () => {
    const t = forumBot();
    await openCase(t);
    await t.send(updates.inGroup(priya, "/end", GROUP, { topic: TOPIC, forum: true }));
    expect(t.last.some((c) => c.method === "closeForumTopic")).toBe(true);
    expect(toHer(t.last).some((c) => c.method === "sendMessage")).toBe(true);

    const u = forumBot();
    await openCase(u);
    await u.send(updates.command(asha, "exit"));
    const told = toGroup(u.last).find((c) => c.method === "sendMessage");
    expect(String(told?.payload.text)).toMatch(/closed|left|ended/i);
    expect(u.last.some((c) => c.method === "closeForumTopic")).toBe(true);
  });

  it("she blocked the bot: the case ends and the group is told", async () => {
    const t = forumBot();
    await openCase(t);
    t.answer("copyMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await t.send(updates.inGroup(priya, "Are you okay?", GROUP, { topic: TOPIC, forum: true }));
    expect(String(toGroup(t.last).find((c) => c.method === "sendMessage")?.payload.text)).toMatch(/blocked/i);
  });

  it("no log line carries her id, name or words, or the counsellor's id, name or words", async () => {
    const t = forumBot();
    await openCase(t, /share my situation$/i);
    await t.send(updates.text(asha, "my manager Rakesh has the video"));
    await t.send(updates.inGroup(priya, "Is Rakesh threatening you now?", GROUP, { topic: TOPIC, forum: true }));
    await t.send(updates.inGroup(priya, "/end", GROUP, { topic: TOPIC, forum: true }));
    const all = t.logs.join("\n");
    expect(all).toMatch(/case opened/);
    for (const secret of [...HER, ...COUNSELLOR, "Rakesh", String(GROUP)]) expect(all).not.toContain(secret);
  });

  it("the store holds no id, name or word of either side", async () => {
    const t = forumBot();
    await openCase(t, /share my situation$/i);
    await t.send(updates.text(asha, "my manager Rakesh has the video"));
    await t.send(updates.inGroup(priya, "Is Rakesh threatening you now?", GROUP, { topic: TOPIC, forum: true }));
    const stored = t.store.dump().flat().join("\n");
    for (const secret of [...HER, ...COUNSELLOR, "Rakesh", String(GROUP)]) expect(stored).not.toContain(secret);
  });

  it("counsellor commands: /end, /helplines, /summary; another bot's or another command stays in the group", () => {
    expect(commandOf("/end", "nyf_bot")).toBe("end");
    expect(commandOf("/end@nyf_bot", "nyf_bot")).toBe("end");
    expect(commandOf("/end@other_bot", "nyf_bot")).toBeUndefined();
    expect(commandOf("/notes later", "nyf_bot")).toBe("other:notes");
    expect(commandOf("hello /end", "nyf_bot")).toBeUndefined();
  });
});
