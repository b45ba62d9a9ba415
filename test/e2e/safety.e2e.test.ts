/**
 * End to end: the real bot (`src/main.ts` in a child process) against the local Bot API emulator,
 * at the moments that matter most. Someone not safe, someone typing that a man is at her door,
 * someone typing that she took pills, a Hindi speaker in danger, a friend helping, a person who
 * came across images and is unsure whether a child is in them. Then every log line is scanned.
 */
import { describe, expect, it } from "vitest";
import { botOnEmulator } from "../support/bot-on-emulator.js";
import type { Emulator, Person } from "../support/emulator.js";
import { answerImagesQuestion, meeter } from "../support/e2e-walk.js";
import { identityOf, leaksIn } from "../support/log-scan.js";

const WAIT_MS = 20_000;
const TEST_MS = 30_000;

const DANGER_EN = "he is outside my door right now and says he will kill me";
const DANGER_HI = "वो दरवाज़े के बाहर खड़ा है और कह रहा है मुझे मार डालेगा";
const PILLS_EN = "i already took all my sleeping pills";

describe("e2e: the danger and crisis screens, the images question and the helper paths", { concurrent: false }, () => {
  const running = botOnEmulator(WAIT_MS, TEST_MS);
  const people: Person[] = [];
  const emu = (): Emulator => running.emulator();
  const meet = meeter(emu, people);
  const text = (p: Person): string => p.lastKeyboardScreen()?.text ?? "";

  it("'No, I'm not safe' opens the danger screen: 112 first, its silent ways, 181; then carries on", async () => {
    const p = meet("en");
    await p.command("start");
    await p.waitFor(/not your fault/i, WAIT_MS);
    await p.tap("Let's begin");
    await p.waitFor("are you safe right now", WAIT_MS);
    await p.tap("No, I'm not safe");
    await p.waitFor("112", WAIT_MS);
    const screen = text(p);
    expect(screen).toMatch(/power button/i);
    expect(screen.indexOf("112")).toBeLessThan(screen.indexOf("181"));
    expect(screen).not.toContain("14416");
    await p.tap("I'm safe now");
    await p.waitFor("What happened?", WAIT_MS);
  }, TEST_MS);

  it("a man at her door, typed mid-flow, gets the danger screen at once; a plan with pills gets Tele-MANAS", async () => {
    const p = people[0]!;
    await p.send(DANGER_EN);
    const danger = await p.waitFor("112", WAIT_MS);
    const said = danger.map((m) => m.text).join("\n");
    expect(said).toMatch(/hurting you or threatening you/);
    await p.send(PILLS_EN);
    const self = await p.waitFor("14416", WAIT_MS);
    expect(self.map((m) => m.text).join("\n")).toContain("112");
  }, TEST_MS);

  it("a Hindi speaker in danger reads the danger screen in Hindi, 112 first", async () => {
    const p = meet("hi");
    await p.command("start");
    await p.waitFor(/[\u0900-\u097F]/, WAIT_MS);
    await p.send(DANGER_HI);
    const msgs = await p.waitFor("112", WAIT_MS);
    const said = msgs.map((m) => m.text).join("\n");
    expect(said).toMatch(/[\u0900-\u097F]/);
    expect(said).toContain("181");
  }, TEST_MS);

  it("'Not sure' whether a child is in the images: no screenshot step, Take It Down, and a photo is not opened", async () => {
    const p = meet("en");
    await p.command("start");
    await answerImagesQuestion(p, "Not sure", WAIT_MS);
    await p.tap("That's all");
    await p.waitFor("Which country", WAIT_MS);
    await p.tap(/^India$/);
    const reassured = await p.waitFor("may have been under 18", WAIT_MS);
    expect(reassured.map((m) => m.text).join("\n")).toMatch(/don't save, screenshot or send/i);
    await p.sendRaw({ photo: [{ file_id: "AgAnotopened", file_unique_id: "u1", width: 90, height: 90, file_size: 1000 }] });
    const refused = await p.waitFor("didn't open that file", WAIT_MS);
    expect(refused.length).toBeGreaterThan(0);
    expect(emu().calls("getFile")).toEqual([]);
  }, TEST_MS);

  it("a friend helping someone is told how to help, then walks the steps for her", async () => {
    const p = meet("en");
    await p.command("start");
    await p.waitFor(/not your fault/i, WAIT_MS);
    await p.tap("I'm helping someone");
    const how = await p.waitFor("Don't download, forward or screenshot", WAIT_MS);
    expect(how.map((m) => m.text).join("\n")).toMatch(/share this bot/);
    await p.tap("Continue");
    await p.waitFor("the person you're helping", WAIT_MS);
  }, TEST_MS);

  it("someone who came across images, unsure whether a child is in them, is sent to report the link, never to keep it", async () => {
    const p = meet("en");
    await p.command("start");
    await p.waitFor(/not your fault/i, WAIT_MS);
    await p.tap("I came across someone's images");
    await p.waitFor("Report the post", WAIT_MS);
    await p.tap("A child may be in the images");
    const child = await p.waitFor("1098", WAIT_MS);
    const said = child.map((m) => m.text).join("\n");
    expect(said).toContain("cybercrime.gov.in");
    expect(said).toMatch(/Never save, screenshot or forward/);
  }, TEST_MS);

  it("prints no id, username, name or typed text in any log line", async () => {
    const bot = running.bot();
    await bot.stop(10_000);
    const lines = bot.lines();
    expect(lines.length, "the bot printed nothing, so the scan would prove nothing").toBeGreaterThan(0);
    const forbidden = [{ what: "typed text", pattern: /outside my door|sleeping pills|दरवाज़े/i }, ...people.flatMap((p) => identityOf(p))];
    expect(leaksIn(lines, forbidden)).toEqual([]);
    // Both kinds were detected and logged as kinds only.
    expect(lines.some((l) => /crisis detected/.test(l.text) && /danger/.test(l.text))).toBe(true);
    expect(lines.some((l) => /crisis detected/.test(l.text) && /self/.test(l.text))).toBe(true);
  }, TEST_MS);
});
