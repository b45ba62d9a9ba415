import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { SessionStore } from "../../src/store/session-store.js";
import { DEFAULT_LIMITS } from "../../src/telegram/gate.js";
import { DEFAULT_OUTGOING, installOutgoingLimits } from "../../src/telegram/outgoing-limits.js";
import { redisStores } from "../support/redis.js";
import { prepareBot, tap, updates, type Person } from "../support/telegram.js";

const kiran: Person = { id: 4_400_100_200, first_name: "Kiran", language_code: "en" };
const SLOW_DOWN = "That's a lot of messages very quickly";
const LIMIT = DEFAULT_LIMITS.maxUpdates;

const methods = (calls: { method: string }[]) => calls.map((c) => c.method);

describe("a flood from one person", () => {
  it(`after ${LIMIT} updates in 10 seconds: one calm line with the crisis numbers, then silence, then normal again`, async () => {
    let now = 1_000_000;
    const t = prepareBot({ store: new MemoryStore(() => now) });
    for (let i = 0; i < LIMIT; i++) await t.send(updates.text(kiran, `hello ${i}`));
    expect(t.screen().text).not.toContain(SLOW_DOWN);

    await t.send(updates.text(kiran, "one more"));
    expect(methods(t.last)).toEqual(["sendMessage"]);
    const line = t.last[0]!.payload.text as string;
    expect(line).toContain(SLOW_DOWN);
    expect(line).toContain("14416");

    for (let i = 0; i < 5; i++) {
      await t.send(updates.text(kiran, `still flooding ${i}`));
      expect(t.last).toEqual([]);
    }
    now += DEFAULT_LIMITS.rateWindowMs + 1;
    await t.send(updates.command(kiran, "helplines"));
    expect(t.screen().text).toContain("1930");
  });

  it("a crisis message always goes through, even in the middle of a flood", async () => {
    const t = prepareBot();
    for (let i = 0; i < LIMIT + 3; i++) await t.send(updates.text(kiran, `hello ${i}`));
    await t.send(updates.text(kiran, "I want to die"));
    expect(t.screen().text).toContain("14416");
  });

  it("a tap in a flood still stops the spinner, and nothing else happens", async () => {
    const t = prepareBot();
    await t.send(updates.command(kiran, "start"));
    for (let i = 0; i < LIMIT + 1; i++) await t.send(updates.command(kiran, "help"));
    const data = t.screen().data[0]!;
    await t.send(updates.tap(kiran, data, t.screen().messageId));
    expect(methods(t.last)).toEqual(["answerCallbackQuery"]);
  });

  it("is counted under the chat pseudonym: no id in any key, and /forget removes the counter", async () => {
    const t = prepareBot();
    await t.send(updates.command(kiran, "start"));
    const keys = t.store.dump().map(([k]) => k);
    expect(keys.some((k) => k.startsWith("nyf:v2:r:"))).toBe(true);
    expect(keys.join(" ")).not.toContain(String(kiran.id));
    await t.send(updates.command(kiran, "forget"));
    await tap(t, kiran, "Yes, erase everything");
    expect(t.store.dump()).toEqual([]);
  });
});

describe("an update Telegram delivers twice", () => {
  const opened: SessionStore[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  it("is answered once: the second delivery changes nothing and sends nothing", async () => {
    const t = prepareBot();
    await t.send(updates.command(kiran, "start"));
    const begin = updates.tap(kiran, t.screen().data[0]!, t.screen().messageId);
    await t.send(begin);
    expect(methods(t.last)).toEqual(["answerCallbackQuery", "editMessageText"]);
    const after = t.store.dump();
    await t.send(begin);
    // The spinner is stopped (Telegram wants every query answered), but no screen is sent again.
    expect(methods(t.last)).toEqual(["answerCallbackQuery"]);
    expect(t.store.dump().filter(([k]) => k.startsWith("nyf:v2:s:"))).toEqual(after.filter(([k]) => k.startsWith("nyf:v2:s:")));
    const typed = updates.text(kiran, "hello there");
    await t.send(typed);
    await t.send(typed);
    expect(t.last).toEqual([]);
  });

  it("to two instances at the same moment, on Redis: exactly one of them answers", async () => {
    const stores = await redisStores("gate", 2);
    opened.push(...stores);
    const [a, b] = stores.map((store) => prepareBot({ store, secret: "dup-secret-dup-secret-dup-secret-000001" }));
    await a!.send(updates.command(kiran, "start"));
    for (let i = 0; i < 5; i++) {
      const again = updates.text(kiran, `same words ${i}`);
      await Promise.all([a!.send(again), b!.send(again)]);
      const sent = [...a!.last, ...b!.last].filter((c) => c.method === "sendMessage");
      expect(sent, `delivery ${i}`).toHaveLength(1);
    }
  });
});

describe("a burst of taps with the outgoing throttle in place", () => {
  // Production's shape (a burst of 3, then a refill), on a shorter clock so the backlog drains in seconds.
  const QUICK = { ...DEFAULT_OUTGOING, perChatWindowMs: 300 };

  it("a crisis message skips the throttle's queue, and every spinner of a burst stops at once", async () => {
    const t = prepareBot();
    installOutgoingLimits(t.bot.api, { ...DEFAULT_OUTGOING, perChatWindowMs: 1000 });
    // Three messages use up this chat's burst: anything else now waits for the refill (1 s).
    for (const name of ["start", "help", "privacy"]) await t.send(updates.command(kiran, name));
    const started = Date.now();
    const welcome = t.screen();
    const taps = Array.from({ length: 10 }, () => t.bot.handleUpdate(updates.tap(kiran, welcome.data[0]!, welcome.messageId)));
    await t.bot.handleUpdate(updates.text(kiran, "I want to die"));
    expect(t.calls.some((c) => c.method === "sendMessage" && String(c.payload.text).includes("14416"))).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
    expect(t.calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(10);
    await Promise.all(taps);
  }, 30_000);

  it(`${LIMIT + 5} updates arriving at once: the flood line is sent once, at once, and the rest are dropped`, async () => {
    const t = prepareBot();
    installOutgoingLimits(t.bot.api, QUICK);
    const started = Date.now();
    const all = Array.from({ length: LIMIT + 5 }, (_, i) => t.bot.handleUpdate(updates.text(kiran, `message ${i}`)));
    while (!t.calls.some((c) => String(c.payload.text).includes(SLOW_DOWN)) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    // The accepted messages' answers need about 4 s to get through; the flood line is not behind them.
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all(all);
    expect(t.calls.filter((c) => String(c.payload.text).includes(SLOW_DOWN))).toHaveLength(1);
  }, 60_000);
});
