import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { prepareBot, updates, type Person } from "../support/telegram.js";

const ravi: Person = { id: 7_300_400_501, first_name: "Ravi", language_code: "en" };

describe("malformed and unusual updates", () => {
  it.each<[string, Update]>([
    ["an update with nothing in it", { update_id: 1 }],
    ["a message with no sender", { update_id: 2, message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: "x" }, text: "hi" } } as Update],
    ["a tap on an inline message (no chat)", { update_id: 3, callback_query: { id: "q", from: { id: 5, is_bot: false, first_name: "x" }, chat_instance: "c", inline_message_id: "im", data: "1|welcome|b" } }],
    ["a tap with no data (a game button)", { update_id: 4, callback_query: { id: "q", from: { id: 5, is_bot: false, first_name: "x" }, chat_instance: "c", game_short_name: "g", message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: "x" }, text: "…" } } }],
    ["a poll", { update_id: 5, poll: { id: "p", question: "q", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } } as unknown as Update],
    ["a message whose chat has no id", { update_id: 7, message: { message_id: 1, date: 0, chat: { type: "private", first_name: "x" }, text: "/start" } } as unknown as Update],
    ["a message whose chat id is text", { update_id: 8, message: { message_id: 1, date: 0, chat: { id: "5", type: "private", first_name: "x" }, text: "/start" } } as unknown as Update],
    ["a person blocking the bot", { update_id: 6, my_chat_member: { chat: { id: 5, type: "private", first_name: "x" }, from: { id: 5, is_bot: false, first_name: "x" }, date: 0, old_chat_member: { status: "member", user: { id: 1, is_bot: true, first_name: "b" } }, new_chat_member: { status: "kicked", until_date: 0, user: { id: 1, is_bot: true, first_name: "b" } } } }],
  ])("%s crashes nothing", async (_, update) => {
    const t = prepareBot();
    await expect(t.send(update)).resolves.toBeUndefined();
    expect(t.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
    for (const call of t.last) if (call.method === "sendMessage") expect(call.payload.text).not.toMatch(/error/i);
  });

  it("a chat without a usable id is never keyed into the store", async () => {
    const t = prepareBot();
    await t.send({ update_id: 10, message: { message_id: 1, date: 0, chat: { type: "private", first_name: "x" }, text: "/start" } } as unknown as Update);
    expect(t.store.dump()).toEqual([]);
    expect(t.last).toEqual([]);
  });

  it("every tap is answered, even one that reaches no private chat", async () => {
    const t = prepareBot();
    await t.send({ update_id: 9, callback_query: { id: "q", from: { id: 5, is_bot: false, first_name: "x" }, chat_instance: "c", inline_message_id: "im", data: "x" } });
    expect(t.last.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });
});

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("a person tapping at random", () => {
  it.each([1, 2, 3])("(seed %i) always gets an answer, never an error, for 300 actions", async (seed) => {
    // A quick human: an action every 400 ms (the flood limit counts real time, so the clock moves).
    let now = Date.now();
    const t = prepareBot({ store: new MemoryStore(() => now) });
    const rnd = random(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const p: Person = { ...ravi, id: ravi.id + seed, language_code: seed === 2 ? "hi" : "en" };
    await t.send(updates.command(p, "start"));
    let crisisScreenInView = false;
    for (let i = 0; i < 300; i++) {
      now += 400;
      const logsBefore = t.logs.length;
      const roll = rnd();
      const screen = t.screen();
      if (roll < 0.75 && screen.data.length > 0) {
        await t.send(updates.tap(p, pick(screen.data), screen.messageId));
      } else if (roll < 0.85) {
        await t.send(updates.command(p, pick(["start", "help", "helplines", "language", "privacy", "restart", "forget", "menu"])));
      } else if (roll < 0.92) {
        await t.send(updates.text(p, pick(["hello?", "what do I do", "मदद", "I want to die", "kal milte hain"])));
      } else if (roll < 0.96) {
        await t.send(updates.sticker(p));
      } else {
        // An old button from an earlier screen.
        await t.send(updates.tap(p, `1|welcome|b`, 1));
      }
      const shown = t.last.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
      const logged = t.logs.slice(logsBefore).join("\n");
      // A crisis message straight after the crisis screen, with nothing in between, is answered
      // by that screen (crisis-burst.test.ts): it must still be the newest thing in the chat.
      if (shown.length === 0 && logged.includes("its screen was sent moments ago")) {
        expect(crisisScreenInView, `action ${i}`).toBe(true);
      } else {
        expect(shown.length, `action ${i}`).toBeGreaterThan(0);
        crisisScreenInView = logged.includes('"msg":"crisis detected"');
      }
      for (const c of shown) {
        expect(c.payload.text as string, `action ${i}`).not.toMatch(/undefined|\{ ?\$|error/i);
        expect((c.payload.text as string).length).toBeLessThanOrEqual(4096);
      }
    }
    expect(t.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});
