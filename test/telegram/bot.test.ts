import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { prepareBot, tap, updates, type Person } from "../support/telegram.js";

const asha: Person = { id: 7_100_200_301, first_name: "Asha", username: "asha_t", language_code: "en" };
const meera: Person = { id: 7_100_200_302, first_name: "मीरा", language_code: "hi" };

const methods = (calls: { method: string }[]) => calls.map((c) => c.method);

describe("a person on Telegram", () => {
  it("who sends /start is welcomed in English, with the privacy promise and buttons", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    const screen = t.screen();
    expect(screen.text).toContain("not your fault");
    expect(screen.text).toContain("/forget");
    expect(screen.labels).toContain("Let's begin");
  });

  it("whose Telegram is in Hindi is welcomed in Hindi", async () => {
    const t = prepareBot();
    await t.send(updates.command(meera, "start"));
    expect(t.screen().text).toMatch(/[\u0900-\u097F]{4}/);
  });

  it("who taps a button sees the screen change in place, and the button stops spinning", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    const welcome = t.screen();
    await tap(t, asha, "Let's begin");
    expect(methods(t.last)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(t.last[1]!.payload.message_id).toBe(welcome.messageId);
    expect(t.screen().text).toContain("safe");
  });

  it("who taps the same button twice is not shown an error when Telegram says 'not modified'", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Helplines");
    t.answer("editMessageText", { error_code: 400, description: "Bad Request: message is not modified" });
    await t.send(updates.tap(asha, t.screen().data[0]!, t.screen().messageId));
    expect(methods(t.last)).toEqual(["answerCallbackQuery", "editMessageText"]);
  });

  it("whose old message can no longer be edited gets the screen as a new message", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    t.answer("editMessageText", { error_code: 400, description: "Bad Request: message to edit not found" });
    await tap(t, asha, "Let's begin");
    expect(methods(t.last)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage"]);
    expect(t.screen().text).toContain("safe");
  });

  it("who types 'I want to die' mid-way gets crisis numbers at once, then goes back to the same step", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    await tap(t, asha, "Yes, I'm safe");
    await t.send(updates.text(asha, "honestly I want to die"));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect(t.screen().text).toContain("14416");
    expect(t.screen().text).toContain("112");
    await tap(t, asha, "I'm safe now");
    expect(t.screen().text).toContain("What happened?");
  });

  it("who writes in Hindi 'मरना चाहती हूँ' gets the crisis screen in Hindi", async () => {
    const t = prepareBot();
    await t.send(updates.command(meera, "start"));
    await t.send(updates.text(meera, "मैं मरना चाहती हूँ"));
    expect(t.screen().text).toContain("14416");
    expect(t.screen().text).toMatch(/[\u0900-\u097F]{4}/);
  });

  it("whose crisis words come in a photo caption or an edited message still gets the crisis screen", async () => {
    const t = prepareBot();
    await t.send(updates.photo(asha, "i want to kill myself"));
    expect(t.screen().text).toContain("14416");
    await t.send(updates.edited(asha, "mujhe marna hai bas"));
    expect(t.screen().text).toContain("14416");
  });

  it("who types something else is answered kindly with the same buttons, never silence", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    await t.send(updates.text(asha, "this app is killing my battery"));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect(t.screen().text).toContain("I don't keep what you type");
    expect(t.screen().text).toContain("safe right now");
  });

  // Photos, videos and documents are fingerprinted for the evidence log: test/telegram/evidence-files.test.ts.
  it.each([
    ["a sticker", updates.sticker],
    ["a voice note", updates.voice],
    ["a round video message", updates.videoNote],
    ["a location", updates.location],
  ])("who sends %s is told kindly what the bot can do", async (_, make) => {
    const t = prepareBot();
    await t.send(make(asha));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect(t.screen().text).toContain("don't keep them");
    expect(t.screen().labels.length).toBeGreaterThan(0);
  });

  it.each([
    ["a 4,096-character text", "a".repeat(4096)],
    ["only emoji", "😢😢😢🙏"],
    ["right-to-left text", "أريد المساعدة من فضلك"],
    ["a forwarded message", "forwarded"],
    ["an unknown command", "/frobnicate"],
  ])("who sends %s gets a calm answer and no crash", async (name, text) => {
    const t = prepareBot();
    await t.send(name === "a forwarded message" ? updates.forwarded(asha, text) : updates.text(asha, text));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect((t.last[0]!.payload.text as string).length).toBeLessThanOrEqual(4096);
  });

  it("whose non-crisis edit gets no second answer", async () => {
    const t = prepareBot();
    await t.send(updates.edited(asha, "typo fixed"));
    expect(t.last).toEqual([]);
  });

  it.each(["help", "helplines", "language", "privacy", "restart", "forget"])("can use /%s from anywhere", async (command) => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    await t.send(updates.command(asha, command));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect(t.screen().labels.length).toBeGreaterThan(0);
  });

  it("who switches to Hindi with /language sees the next screens in Hindi", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await t.send(updates.command(asha, "language"));
    await tap(t, asha, "हिन्दी");
    expect(t.screen().text).toMatch(/[\u0900-\u097F]{4}/);
  });

  it("who taps a garbled or old-version button is met with 'let's pick up from here' and the menu", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    for (const data of ["0|welcome|b", "garbage", "1|welcome|zz", "1|../../etc|b", "1|welcome|c|__proto__|x"]) {
      await t.send(updates.tap(asha, data, t.screen().messageId));
      expect(methods(t.last)[0]).toBe("answerCallbackQuery");
      expect(t.screen().text).toContain("Let's pick up from here");
      expect(t.screen().text).not.toMatch(/error/i);
    }
  });

  it("who taps a button from an earlier screen is told so and shown where they are", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    const welcome = t.screen();
    await tap(t, asha, "Let's begin");
    const begin = welcome.data[welcome.labels.indexOf("Let's begin")]!;
    await t.send(updates.tap(asha, begin, welcome.messageId));
    expect(t.screen().text).toContain("earlier message");
    expect(t.screen().text).toContain("safe right now");
  });

  it("whose session was lost (a restart of an in-memory bot) is met calmly with the menu", async () => {
    const first = prepareBot();
    await first.send(updates.command(asha, "start"));
    await tap(first, asha, "Let's begin");
    const screen = first.screen();
    const second = prepareBot();
    await second.send(updates.tap(asha, screen.data[0]!, screen.messageId));
    expect(second.screen().text).toContain("Let's pick up from here");
    expect(second.screen().text).toContain("Where would you like to go?");
  });

  it("who comes back to a bot that restarted on the same store continues with the old buttons", async () => {
    const store = new MemoryStore();
    const first = prepareBot({ store });
    await first.send(updates.command(asha, "start"));
    await tap(first, asha, "Let's begin");
    await tap(first, asha, "Yes, I'm safe");
    const screen = first.screen();
    const second = prepareBot({ store });
    await second.send(updates.tap(asha, screen.data[screen.labels.indexOf("I'm being blackmailed")]!, screen.messageId));
    expect(second.screen().text).toContain("under 18");
  });

  it("who sends /start again mid-way is welcomed back where they were", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    await t.send(updates.command(asha, "start"));
    expect(t.screen().text).toContain("Welcome back");
    expect(t.screen().text).toContain("safe right now");
  });

  it("who confirms /forget has nothing left in the store, and is told so", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    // The session, and the flood counter for this person (same pseudonym, one window long).
    expect(t.store.dump().map(([k]) => k.slice(0, 9)).sort()).toEqual(["nyf:v2:r:", "nyf:v2:s:"]);
    await t.send(updates.command(asha, "forget"));
    expect(t.store.dump().length).toBe(2);
    await tap(t, asha, "Yes, erase everything");
    expect(t.store.dump()).toEqual([]);
    expect(t.screen().text).toContain("erased");
  });

  it("who uses /exit has the visible conversation deleted, the session erased and one neutral line left", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await tap(t, asha, "Let's begin");
    await t.send(updates.text(asha, "hello"));
    await t.send(updates.command(asha, "exit"));
    const deletes = t.last.filter((c) => c.method === "deleteMessages");
    expect(deletes.length).toBeGreaterThan(0);
    const ids = deletes.flatMap((c) => c.payload.message_ids as number[]);
    expect(ids.length).toBeLessThanOrEqual(1000);
    for (const c of deletes) expect((c.payload.message_ids as number[]).length).toBeLessThanOrEqual(100);
    expect(t.store.dump()).toEqual([]);
    const sent = t.last.filter((c) => c.method === "sendMessage");
    expect(sent.length).toBe(1);
    expect(sent[0]!.payload.text).toContain("48 hours");
    // Said after, as before: the evidence log went too.
    expect(sent[0]!.payload.text).toContain("your evidence log included");
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
  });

  it("whose Bot API lacks deleteMessages still gets messages deleted one by one", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    await t.send(updates.text(asha, "hello"));
    t.answer("deleteMessages", { error_code: 500, description: "Internal Server Error" });
    await t.send(updates.command(asha, "exit"));
    expect(methods(t.last).filter((m) => m === "deleteMessage").length).toBeGreaterThan(1);
    expect(t.store.dump()).toEqual([]);
  });

  it("whose messages Telegram won't delete is not told the chat was cleared, only how to do it", async () => {
    const t = prepareBot();
    await t.send(updates.command(asha, "start"));
    const refused = { error_code: 400, description: "Bad Request: message can't be deleted" };
    t.answer("deleteMessages", { error_code: 500, description: "Internal Server Error" });
    t.answer("deleteMessage", ...Array.from({ length: 150 }, () => refused));
    await t.send(updates.command(asha, "exit"));
    const said = t.last.filter((c) => c.method === "sendMessage").map((c) => c.payload.text as string);
    expect(said).toHaveLength(1);
    expect(said[0]).not.toContain("Chat cleared");
    expect(said[0]).toContain("long-press the chat");
    expect(t.store.dump()).toEqual([]);
  });
});

describe("Telegram errors", () => {
  it("a person who blocked the bot (403) crashes nothing and is not messaged again", async () => {
    const t = prepareBot();
    t.answer("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await expect(t.send(updates.command(asha, "start"))).resolves.toBeUndefined();
    expect(methods(t.last)).toEqual(["sendMessage"]);
    expect(t.logs.some((l) => l.includes("update failed"))).toBe(true);
  });

  it("a 429 or 500 from Telegram is logged, the process lives, and the person gets a calm line if possible", async () => {
    const t = prepareBot();
    t.answer("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5" });
    await t.send(updates.command(asha, "start"));
    expect(methods(t.last)).toEqual(["sendMessage", "sendMessage"]);
    expect(t.last[1]!.payload.text).toContain("not you");
    expect(t.last[1]!.payload.text).not.toMatch(/error/i);
  });
});

describe("groups and channels", () => {
  it("a command in a group gets one polite line and the bot leaves", async () => {
    const t = prepareBot();
    await t.send(updates.group(asha, "/start"));
    expect(methods(t.last)).toEqual(["sendMessage", "leaveChat"]);
    expect(t.last[0]!.payload.text).toContain("private");
    expect(t.store.dump()).toEqual([]);
  });

  it("ordinary group chatter gets nothing at all", async () => {
    const t = prepareBot();
    await t.send(updates.group(asha, "hello everyone"));
    expect(t.last).toEqual([]);
  });

  it("a crisis phrase typed in a group is not answered there (the bot only talks in private)", async () => {
    const t = prepareBot();
    await t.send(updates.group(asha, "I want to die lol"));
    expect(methods(t.last)).not.toContain("sendMessage");
  });

  it("a channel post makes the bot leave without a word", async () => {
    const t = prepareBot();
    await t.send(updates.channelPost("news"));
    expect(methods(t.last)).toEqual(["leaveChat"]);
  });
});

describe("when the store is down", () => {
  class BrokenStore extends MemoryStore {
    asked = 0;
    override get(): Promise<undefined> {
      this.asked++;
      return Promise.reject(new Error("connection refused"));
    }
    override compareAndSet(): Promise<undefined> {
      this.asked++;
      return Promise.reject(new Error("connection refused"));
    }
    override openUpdate(): Promise<never> {
      this.asked++;
      return Promise.reject(new Error("connection refused"));
    }
  }

  it("a person in crisis still gets the crisis numbers first, then a calm word that progress isn't saved", async () => {
    const t = prepareBot({ store: new BrokenStore() });
    await t.send(updates.text(asha, "I want to kill myself"));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    const text = t.screen().text;
    expect(text.startsWith("Thank you for telling me")).toBe(true);
    expect(text.indexOf("14416")).toBeLessThan(text.indexOf("can't reach or save your progress"));
    expect(t.logs.some((l) => l.includes("store unavailable"))).toBe(true);
  });

  it("/helplines and button taps still answer; a tap says progress is out of reach, not that it was lost", async () => {
    const t = prepareBot({ store: new BrokenStore() });
    await t.send(updates.command(asha, "helplines"));
    expect(t.screen().text).toContain("1930");
    await tap(t, asha, "Back");
    expect(methods(t.last)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(t.screen().text.startsWith("I can't reach or save your progress right now")).toBe(true);
    expect(t.screen().text).not.toContain("couldn't pick up");
  });

  it("each update asks the down store once, and logs the outage once", async () => {
    const store = new BrokenStore();
    const t = prepareBot({ store });
    await t.send(updates.text(asha, "I want to kill myself"));
    await t.send(updates.command(asha, "helplines"));
    expect(store.asked).toBe(2);
    expect(t.logs.filter((l) => l.includes("store unavailable"))).toHaveLength(2);
  });

  it.each([
    ["bn", /[\u0980-\u09FF]/],
    ["mr", /[\u0900-\u097F]/],
    ["te", /[\u0C00-\u0C7F]/],
    ["ta", /[\u0B80-\u0BFF]/],
    ["ta-IN", /[\u0B80-\u0BFF]/],
  ])("a new chat whose Telegram language is %s starts in it", async (code, script) => {
    const t = prepareBot();
    const person: Person = { id: 7_100_200_390, first_name: "Test", language_code: code };
    await t.send(updates.command(person, "start"));
    expect(t.screen().text).toMatch(script);
  });
});
