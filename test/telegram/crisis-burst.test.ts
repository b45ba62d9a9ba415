import { describe, expect, it } from "vitest";
import { CrisisCooldown } from "../../src/telegram/crisis-cooldown.js";
import { DEFAULT_OUTGOING, installOutgoingLimits } from "../../src/telegram/outgoing-limits.js";
import { prepareBot, updates, type Person, type TestBot } from "../support/telegram.js";

/**
 * Someone in crisis may send the same words again and again, and a script can send hundreds:
 * every one gets past the flood limit, but the chat gets one crisis screen per kind per few
 * seconds, and nobody else's crisis waits behind theirs.
 */

const kiran: Person = { id: 4_400_100_201, first_name: "Kiran", language_code: "en" };
const asha: Person = { id: 4_400_100_202, first_name: "Asha", language_code: "en" };
const SELF = "I want to die";
const DANGER = "he is outside my door";

const crisisScreensTo = (t: TestBot, p: Person) => t.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === p.id && String(c.payload.text).includes("112"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a burst of crisis messages from one chat", () => {
  it("50 in one second give one crisis screen, and another person's crisis is answered within a second", async () => {
    const t = prepareBot();
    installOutgoingLimits(t.bot.api, DEFAULT_OUTGOING);
    const handled: Promise<void>[] = [];
    let ashaAnsweredAfter = Infinity;
    for (let i = 0; i < 50; i++) {
      handled.push(t.bot.handleUpdate(updates.text(kiran, SELF)));
      if (i === 25) {
        const asked = Date.now();
        handled.push(t.bot.handleUpdate(updates.text(asha, SELF)).then(() => void (ashaAnsweredAfter = Date.now() - asked)));
      }
      await sleep(20);
    }
    await Promise.all(handled);
    const sends = t.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === kiran.id);
    expect(sends.length).toBeGreaterThanOrEqual(1);
    expect(sends.length).toBeLessThanOrEqual(3);
    expect(crisisScreensTo(t, asha)).toHaveLength(1);
    expect(ashaAnsweredAfter).toBeLessThan(1000);
  }, 30_000);

  it("a danger message right after a self one still gets its own screen", async () => {
    // The detector's own tests decide which words are danger; here only the kind it reports matters.
    const t = prepareBot({ detectCrisis: (text) => (text === DANGER ? { kind: "danger", group: "en" } : text === SELF ? { kind: "self", group: "en" } : undefined) });
    await t.send(updates.text(kiran, SELF));
    await t.send(updates.text(kiran, SELF));
    await t.send(updates.text(kiran, DANGER));
    await t.send(updates.text(kiran, DANGER));
    expect(crisisScreensTo(t, kiran)).toHaveLength(2);
  });

  it("once the cooldown is over, the same words get the screen again", async () => {
    const t = prepareBot({ crisisCooldownMs: 150 });
    await t.send(updates.text(kiran, SELF));
    await t.send(updates.text(kiran, SELF));
    expect(crisisScreensTo(t, kiran)).toHaveLength(1);
    await sleep(200);
    await t.send(updates.text(kiran, SELF));
    expect(crisisScreensTo(t, kiran)).toHaveLength(2);
  });

  it("after they tap or type something else, the next crisis message brings the screen back at once", async () => {
    const t = prepareBot();
    await t.send(updates.text(kiran, SELF));
    await t.send(updates.command(kiran, "menu")); // the crisis screen is no longer the newest
    await t.send(updates.text(kiran, SELF));
    expect(crisisScreensTo(t, kiran)).toHaveLength(2);
    expect(t.screen().text).toContain("14416");
  });

  it("a screen that could not be sent does not hold back the next crisis message", async () => {
    const t = prepareBot();
    t.answer("sendMessage", { error_code: 500, description: "Internal Server Error" }, { error_code: 500, description: "Internal Server Error" });
    await t.send(updates.text(kiran, SELF)); // the crisis screen and the calm fallback line both fail
    await t.send(updates.text(kiran, SELF));
    expect(crisisScreensTo(t, kiran).length).toBeGreaterThanOrEqual(2);
    expect(t.last.some((c) => c.method === "sendMessage" && String(c.payload.text).includes("14416"))).toBe(true);
  });
});

describe("the crisis cooldown", () => {
  it("is kept per chat pseudonym and kind, and forgets a chat once its cooldown is over", () => {
    let now = 0;
    const cooldown = new CrisisCooldown(5_000, () => now);
    expect(cooldown.claim("p1", "self")).toBe(true);
    expect(cooldown.claim("p1", "self")).toBe(false);
    expect(cooldown.claim("p1", "danger")).toBe(true);
    expect(cooldown.claim("p2", "self")).toBe(true);
    now = 5_000;
    expect(cooldown.size).toBe(0);
    expect(cooldown.claim("p1", "self")).toBe(true);
  });
});
