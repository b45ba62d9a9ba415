/**
 * End to end: the real bot (`src/main.ts` in a child process) against a local Bot API emulator.
 * A person writing in English and one writing in Hindi start the bot and ask for helplines; then
 * every line the bot printed is scanned for who they are and for what they typed.
 */
import { describe, expect, it } from "vitest";
import { botOnEmulator } from "../support/bot-on-emulator.js";
import type { Emulator, Person } from "../support/emulator.js";
import { meeter } from "../support/e2e-walk.js";
import { escapeRegExp, identityOf, leaksIn } from "../support/log-scan.js";

const WAIT_MS = 20_000;
const TEST_MS = 30_000;
const SECRET_TEXT = "my secret zebra 8812";

const DEVANAGARI = /[\u0900-\u097F]/;
const NOT_YOUR_FAULT = /(not|n['’]t) (your|their) fault/i;

// Steps share one bot process and run in order (`describe.sequential` is deprecated in vitest 4).
describe("e2e: welcome, helplines and Hindi over the Bot API emulator", { concurrent: false }, () => {
  const running = botOnEmulator(WAIT_MS, TEST_MS);
  const people: Person[] = [];
  const emu = (): Emulator => running.emulator();
  const meet = meeter(emu, people);

  it("welcomes an English speaker with: it is not your fault", async () => {
    const asha = meet("en");
    await asha.command("start");
    const messages = await asha.waitFor(NOT_YOUR_FAULT, WAIT_MS);
    expect(messages.some((m) => NOT_YOUR_FAULT.test(m.text))).toBe(true);
  }, TEST_MS);

  it("answers /helplines with 1930, Tele-MANAS 14416 and 112", async () => {
    const asha = people[0] ?? meet("en");
    await asha.command("helplines");
    const hasAll = (text: string): boolean => ["1930", "14416", "112"].every((n) => text.includes(n));
    const messages = await asha.waitFor((m) => hasAll(m.text), WAIT_MS);
    expect(messages.some((m) => hasAll(m.text))).toBe(true);
  }, TEST_MS);

  it("answers text typed at the welcome screen (never silence)", async () => {
    const asha = people[0] ?? meet("en");
    await asha.send(SECRET_TEXT);
    const replies = await asha.waitForReply(WAIT_MS);
    expect(replies.length).toBeGreaterThan(0);
  }, TEST_MS);

  it("welcomes a Hindi speaker in Devanagari", async () => {
    const meera = meet("hi");
    await meera.command("start");
    const messages = await meera.waitFor(DEVANAGARI, WAIT_MS);
    expect(messages.some((m) => DEVANAGARI.test(m.text))).toBe(true);
  }, TEST_MS);

  it("shuts down cleanly on SIGTERM", async () => {
    const bot = running.bot();
    const result = await bot.stop(10_000);
    expect(result.graceful, bot.describe()).toBe(true);
    expect(result.code, bot.describe()).toBe(0);
  }, TEST_MS);

  it("prints no id, username, name or typed text in any log line", async () => {
    const bot = running.bot();
    await bot.stop(10_000); // all output is collected once the process has exited
    const lines = bot.lines();
    expect(lines.length, "the bot printed nothing, so the scan would prove nothing").toBeGreaterThan(0);
    expect(people.length).toBeGreaterThan(0);

    const forbidden = [
      { what: "typed text", pattern: /secret zebra|zebra 8812/i },
      { what: "bot token", pattern: new RegExp(escapeRegExp(emu().token)) },
      ...people.flatMap((p) => identityOf(p)),
    ];
    expect(leaksIn(lines, forbidden)).toEqual([]);
  }, TEST_MS);
});
