/**
 * End to end, as a story: the real bot, started the way the README says (`npm start`), against the
 * local Bot API emulator. People tap through the whole flow, write in Hindi and Hinglish, say they
 * want to die half-way through, send stickers and nonsense, talk in groups, lose their session to a
 * crash, erase everything and leave. Then every line every bot process printed is scanned for who
 * they are and for anything they typed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, type BotProcess } from "../support/bot-process.js";
import { createCast, groupAlive, sleep } from "../support/e2e-cast.js";
import { startEmulator, type BotMessage, type Emulator, type Person, type Screen } from "../support/emulator.js";

const WAIT_MS = 20_000;
const TEST_MS = 30_000;

const DEVANAGARI = /[\u0900-\u097F]/;
const STEP = /Step (\d+) of (\d+)/;
const TAKEDOWN = /taken down — (\d+) of (\d+)/;
const REPORT_ROUTE = /Where to report — (\d+) of (\d+)/;
const PICK_UP = /pick up from here/i;
const MENU = "Where would you like to go?";

const CRISIS_HI = "मैं मरना चाहती हूँ";
const CRISIS_EN = "i really want to die";
const CRISIS_HINGLISH = "mujhe ab jeena nahi hai";
const LONG_TEXT = Array.from({ length: 200 }, (_, i) => `quokka line ${String(i)} of my long story`)
  .join(". ")
  .slice(0, 4096);
const EMOJI_ONLY = "🙏😢💔";
const UNKNOWN_COMMAND = "/frobnicate";
const GROUP_CHATTER = "anyone up for chai at five, zanzibar";

// Steps share one emulator and, in turn, two bot processes; they run in order.
describe("e2e journey: npm start, the whole flow, crisis, odd input, groups, restart, forget, exit", { concurrent: false }, () => {
  let emulator: Emulator | undefined;
  const bots: BotProcess[] = [];

  const emu = (): Emulator => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
  const bot = (): BotProcess => {
    const b = bots.at(-1);
    if (!b) throw new Error("bot not started");
    return b;
  };
  /** Everyone who writes to the bot, remembered with everything they typed. */
  const cast = createCast({ emulator: emu, describeBot: () => bot().describe(), waitMs: WAIT_MS });
  const { meet, typed, say, command, tapEdit, answers, editsOf, screenOf, noErrorText, taps, unwatchBot } = cast;

  /** Types a crisis message; expects crisis numbers at once, then the first button resumes. */
  const crisisThenResume = async (p: Person, words: string, where: Screen): Promise<void> => {
    await say(p, words);
    // The first answer must already be the crisis screen (not "please use the buttons").
    const msgs = await p.waitForReply(WAIT_MS);
    noErrorText(msgs);
    const said = msgs.map((m) => m.text).join("\n---\n");
    expect(said, `"${words}" must get crisis numbers at once`).toContain("14416");
    expect(said).toContain("112");
    const resume = screenOf(p).labels[0];
    if (!resume) throw new Error("the crisis screen has no buttons");
    const back = await tapEdit(p, resume, STEP);
    expect(back.text).toContain(where.text);
  };

  const launch = (): Promise<BotProcess> =>
    cast.startWatched(() => {
      // Exactly as the README says: `npm start` in the repo root (memory store, so a restart loses
      // every session). Debug logs make the privacy scan below stricter.
      const b = startBot({ apiRoot: emu().apiRoot, token: emu().token, launcher: "npm", env: { LOG_LEVEL: "debug" } });
      bots.push(b);
      return b;
    });

  beforeAll(async () => {
    emulator = await startEmulator();
    await launch();
  }, TEST_MS);

  afterAll(async () => {
    unwatchBot();
    for (const b of bots) await b.stop(5_000);
    await emulator?.stop();
    for (const b of bots) {
      if (b.pid !== undefined) expect(groupAlive(b.pid), `processes of npm start (pgid ${String(b.pid)}) are still running`).toBe(false);
    }
  }, TEST_MS);

  // ---- 1. an English person walks the whole flow -----------------------------------------------

  let ashwini: Person | undefined;

  it("walks an English speaker from /start to the closing screen and helplines, editing one message", async () => {
    const p = meet({ languageCode: "en", firstName: "Ashwini", username: "ashwini_k93" });
    ashwini = p;
    await command(p, "start");
    await p.waitFor("not your fault", WAIT_MS);
    const first = screenOf(p).messageId;

    await tapEdit(p, "Let's begin", "are you safe right now");
    await tapEdit(p, "Yes, I'm safe right now", "What happened?");
    await tapEdit(p, "I'm being blackmailed", "under 18 when they were taken?");
    await tapEdit(p, "No, everyone was 18 or older", "Where is it happening");
    const toggled = await tapEdit(p, /^Instagram$/);
    expect(toggled.labels).toContain("✓ Instagram");
    await tapEdit(p, "That's all", "Which country");
    const reassured = await tapEdit(p, /^India$/, "not your fault");
    expect(reassured.text).toMatch(/don't pay/i);

    let screen = await tapEdit(p, "Continue", STEP);
    const total = Number(STEP.exec(screen.text)?.[2]);
    expect(total).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    for (let i = 0; STEP.test(screen.text) && i < 20; i++) {
      seen.push(Number(STEP.exec(screen.text)?.[1]));
      screen = await tapEdit(p, i % 3 === 1 ? "Skip →" : "✓ Done");
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    // Takedown or reporting first: her choice, with a word about keeping proof for the police.
    expect(screen.text).toContain("either order");
    screen = await tapEdit(p, "Get it taken down");
    expect(screen.text).toMatch(TAKEDOWN);
    const routes = Number(TAKEDOWN.exec(screen.text)?.[2]);
    expect(screen.text).toMatch(/instagram|meta/i);
    for (let i = 0; TAKEDOWN.test(screen.text) && i < 20; i++) screen = await tapEdit(p, "Next →");
    expect(routes).toBeGreaterThanOrEqual(1);

    expect(screen.text).toContain("Reporting is your choice");
    expect(screen.text).toContain("cybercrime.gov.in");
    if (screen.labels.some((l) => l.startsWith("How each one works"))) {
      screen = await tapEdit(p, "How each one works", REPORT_ROUTE);
      for (let i = 0; REPORT_ROUTE.test(screen.text) && i < 20; i++) screen = await tapEdit(p, "Next →");
      expect(screen.text, "after the last route: back to the list").toContain("Reporting is your choice");
    }
    screen = await tapEdit(p, "Next →", "go through this alone");
    expect(screen.text).toContain("14416");
    screen = await tapEdit(p, "Next →", "You did something hard today");
    expect(screen.text).toMatch(/marked \d+ of \d+ evidence steps done/);

    const helplines = await tapEdit(p, "🆘 Helplines");
    for (const part of ["1930", "14416", "112", "cybercrime.gov.in"]) expect(helplines.text).toContain(part);

    // One message all the way: the welcome, edited on every tap.
    expect(p.messages().map((m) => m.messageId)).toEqual([first]);
    expect(editsOf(p).every((e) => e.messageId === first)).toBe(true);
    expect(editsOf(p).length).toBeGreaterThanOrEqual(taps());
    expect(answers()).toBe(taps());
  }, TEST_MS);

  // ---- 2. a Hindi speaker, crisis typed mid-way, then back where she was ------------------------

  it("walks a Hindi speaker by Hindi labels; a crisis message gets 14416 and 112, then resumes", async () => {
    const p = meet({ languageCode: "hi", firstName: "मीरा", username: "meera_v_2001" });
    await command(p, "start");
    await p.waitFor(DEVANAGARI, WAIT_MS);
    let screen = screenOf(p);
    const path: string[] = [];
    for (let i = 0; i < 3; i++) {
      const label = screen.labels[0];
      if (!label) throw new Error(`no buttons on ${screen.text}`);
      expect(label, "the first button is in Hindi").toMatch(DEVANAGARI);
      path.push(label);
      screen = await tapEdit(p, label);
      expect(screen.text).toMatch(DEVANAGARI);
    }
    const where = screen; // the age question, in Hindi

    await say(p, CRISIS_HI);
    const crisis = await p.waitFor((m) => m.text.includes("14416") && m.text.includes("112"), WAIT_MS);
    noErrorText(crisis);
    const crisisScreen = screenOf(p);
    expect(crisisScreen.text).toMatch(DEVANAGARI);
    const resume = crisisScreen.labels[0];
    if (!resume) throw new Error("the crisis screen has no buttons");
    expect(resume).toMatch(DEVANAGARI);

    const back = await tapEdit(p, resume);
    expect(back.text, `after "${resume}" she should be back at: ${where.text}`).toContain(where.text);
    expect(back.labels).toEqual(where.labels);
  }, TEST_MS);

  // ---- 3. crisis in English and Hinglish, mid-evidence ------------------------------------------

  let ravi: Person | undefined;
  let restartTapped: number | undefined;

  it("answers a crisis typed mid-evidence in English, then resumes at the step", async () => {
    const p = meet({ languageCode: "en" });
    ravi = p;
    await command(p, "start");
    await p.waitFor("not your fault", WAIT_MS);
    await tapEdit(p, "Let's begin");
    await tapEdit(p, "Yes, I'm safe right now");
    await tapEdit(p, "My images were shared", "asking you for money");
    await tapEdit(p, /^No$/, "under 18 when they were taken?");
    await tapEdit(p, "No, everyone was 18 or older");
    await tapEdit(p, /^WhatsApp$/);
    await tapEdit(p, "That's all");
    await tapEdit(p, /^India$/, "Are you a woman?");
    await tapEdit(p, /^Yes$/, "not your fault");
    await tapEdit(p, "Continue", STEP);
    const step = await tapEdit(p, "✓ Done", /Step 2 of/);
    await crisisThenResume(p, CRISIS_EN, step);
  }, TEST_MS);

  it("answers a crisis typed in Hinglish mid-evidence (mujhe ab jeena nahi hai)", async () => {
    const p = ravi;
    if (!p) throw new Error("needs the previous step");
    const step = screenOf(p);
    expect(step.text).toMatch(STEP);
    await crisisThenResume(p, CRISIS_HINGLISH, step);
  }, TEST_MS);

  // ---- 4. odd input: calm answers, never "error" ------------------------------------------------

  it("answers stickers, photos, very long text, emoji, unknown commands and bad buttons calmly", async () => {
    const p = ravi;
    if (!p) throw new Error("needs the previous step");

    await p.sendRaw({
      sticker: { file_id: "CAACAgIAAxkBAAIBsticker", file_unique_id: "AgADsticker", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
    });
    noErrorText(await p.waitFor("I can't use stickers", WAIT_MS));
    // A photo is fingerprinted for the evidence log; the emulator has no getFile, so this is the
    // calm "couldn't read that file" line, not an error (test/telegram/evidence-files covers success).
    await p.sendRaw({
      photo: [{ file_id: "AgACAgIAAxkBAAIBphoto", file_unique_id: "AQADphoto", width: 90, height: 90 }],
      caption: "proof pelican 77",
    });
    typed(p).push("proof pelican 77");
    noErrorText(await p.waitFor("couldn't read that file", WAIT_MS));

    expect(LONG_TEXT.length).toBe(4096);
    const replyTo = async (send: () => Promise<void>): Promise<BotMessage[]> => {
      await send();
      const msgs = await p.waitForReply(WAIT_MS);
      noErrorText(msgs);
      expect(msgs.some((m) => m.buttons.length > 0), "a way on: buttons").toBe(true);
      expect(msgs.map((m) => m.text).join("\n"), "not a crisis").not.toContain("14416");
      return msgs;
    };
    await replyTo(() => say(p, LONG_TEXT));
    await replyTo(() => say(p, EMOJI_ONLY));
    typed(p).push(UNKNOWN_COMMAND);
    await replyTo(() => p.command(UNKNOWN_COMMAND));

    // A garbled button on the latest message, and an old-version one on an older message (each
    // on a different message: the emulator never says "not modified", so a second identical edit
    // of one message would look like silence here).
    const older = p.messages().at(-2)?.messageId;
    for (const [data, messageId] of [["garbage", undefined], ["0|welcome|b", older]] as const) {
      const before = answers();
      await cast.tapData(p, data, messageId);
      const msgs = await p.waitFor(PICK_UP, WAIT_MS);
      noErrorText(msgs);
      if (messageId !== undefined) expect(msgs.map((m) => m.messageId)).toContain(messageId);
      expect(msgs.map((m) => m.text).join("\n")).toContain(MENU);
      expect(answers() - before, `tapData(${data}) answered`).toBe(1);
    }
  }, TEST_MS);

  // ---- 5. groups ---------------------------------------------------------------------------------

  it("says at most one line in a group and never walks the flow there; ignores plain chatter", async () => {
    const group = meet({ chatType: "group", chatId: -Number(`4${randomDigits(9)}`) });
    await command(group, "start");
    await group.waitForReply(WAIT_MS);
    await sleep(500);
    const said = group.messages();
    expect(said.length, said.map((m) => m.text).join("\n---\n")).toBe(1);
    expect(said[0]?.text.trim()).not.toContain("\n");
    expect(said[0]?.text).not.toContain("not your fault");
    expect(said[0]?.buttons.flat()).toEqual([]);

    // Chatter first, then a /start in the same supergroup: only the /start gets an answer.
    const supergroup = meet({ chatType: "supergroup", chatId: -Number(`100${randomDigits(10)}`) });
    await say(supergroup, GROUP_CHATTER);
    await command(supergroup, "start");
    await supergroup.waitForReply(WAIT_MS);
    await say(supergroup, `${GROUP_CHATTER} again`);
    await cast.waitUntil(() => supergroup.allDelivered(), "until the chatter is delivered");
    await sleep(700);
    expect(supergroup.messages().length).toBe(1);
    expect(supergroup.messages()[0]?.text).toContain("private");
  }, TEST_MS);

  // ---- 6. a crash mid-flow: the old button still gets an answer --------------------------------

  it("after a SIGKILL and a new process, an old button answers: pick up from here, and a menu", async () => {
    const p = ravi;
    if (!p) throw new Error("needs the earlier steps");
    // Back into the evidence steps from the menu the stale buttons left on screen.
    await tapEdit(p, "Keep proof", STEP);
    expect(screenOf(p).labels).toContain("✓ Done");
    const first = bot();
    unwatchBot();
    const killed = await first.kill();
    expect(killed.signal ?? killed.code).not.toBeUndefined();
    if (first.pid !== undefined) expect(groupAlive(first.pid), "npm start left processes behind after SIGKILL").toBe(false);

    await launch();
    const before = answers();
    restartTapped = screenOf(p).messageId;
    await cast.tap(p, "✓ Done");
    const msgs = await p.waitFor(PICK_UP, WAIT_MS);
    noErrorText(msgs);
    const all = msgs.map((m) => m.text).join("\n");
    expect(all).toContain(MENU);
    expect(answers() - before).toBe(1);
    expect(screenOf(p).labels.length).toBeGreaterThan(2);
  }, TEST_MS);

  // ---- 7. forget and quick exit ------------------------------------------------------------------

  it("/forget erases after a confirm; /exit falls back to deleteMessage and says Chat cleared", async () => {
    const a = ashwini;
    const p = ravi;
    if (!a || !p) throw new Error("needs the earlier steps");
    await command(a, "forget");
    await a.waitFor("Erase everything", WAIT_MS);
    await tapEdit(a, "Yes, erase everything", "erased");

    // What this process knows of the chat starts at the message tapped after the restart (the
    // memory store lost everything before it).
    const known = restartTapped ?? 0;
    const ownBefore = p.messages().filter((m) => m.messageId >= known).length;
    expect(ownBefore).toBeGreaterThanOrEqual(1);
    const deletesBefore = emu().calls("deleteMessage").length;
    const batchBefore = emu().calls("deleteMessages").length;
    await command(p, "exit");
    const msgs = await p.waitFor("Chat cleared", WAIT_MS);
    noErrorText(msgs);
    const batch = emu().calls("deleteMessages").slice(batchBefore);
    expect(batch.length, "deleteMessages is tried first").toBeGreaterThanOrEqual(1);
    expect(batch.every((c) => c.status === 500)).toBe(true);
    const singles = emu()
      .calls("deleteMessage")
      .slice(deletesBefore)
      .filter((c) => String(c.body.chat_id) === String(p.chatId));
    expect(singles.length, "fell back to deleteMessage one by one").toBeGreaterThanOrEqual(ownBefore);
    // Of everything the bot said since the restart, only the closing line is left.
    expect(p.messages().filter((m) => m.messageId >= known).map((m) => m.text)).toEqual([expect.stringContaining("Chat cleared")]);
  }, TEST_MS);

  // ---- 8. shutdown, process hygiene, and what reached the logs -----------------------------------

  it("stops when only npm gets SIGTERM (as Docker or systemd would send it) and leaves no process behind", async () => {
    const b = bot();
    unwatchBot();
    if (b.pid === undefined) throw new Error("no pid");
    // Signal npm alone, not its group: `exec` in the start script must hand the signal to the bot.
    process.kill(b.pid, "SIGTERM");
    const exited = await Promise.race([b.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    const result = exited ? { graceful: true } : await b.stop(5_000);
    expect(result.graceful, b.describe()).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.lines().some((l) => l.json?.msg === "stopping"), `the bot did not log "stopping"\n${b.describe()}`).toBe(true);
    if (b.pid !== undefined) expect(groupAlive(b.pid)).toBe(false);
  }, TEST_MS);

  it("answered every tap, kept every text within Telegram's limits", () => {
    expect(answers()).toBe(taps());
    for (const c of [...emu().calls("sendMessage"), ...emu().calls("editMessageText")]) {
      const text = typeof c.body.text === "string" ? c.body.text : "";
      expect(text.length, `${c.method} with ${String(text.length)} chars: ${text.slice(0, 80)}`).toBeLessThanOrEqual(4096);
    }
  });

  it("printed no id, username, name or typed text in any log line of either process, and no errors", () => {
    expect(bots.length).toBe(2);
    const lines = bots.flatMap((b, i) => b.lines().map((l) => ({ ...l, run: i + 1 })));
    expect(lines.length, "the bots printed nothing, so the scan would prove nothing").toBeGreaterThan(10);

    const forbidden = [...cast.mustNeverLeak(), { what: "long text fragment", pattern: /quokka line/i }, { what: "chatter fragment", pattern: /zanzibar/i }];

    const leaks = lines.flatMap((line) =>
      forbidden.filter((f) => f.pattern.test(line.text)).map((f) => `run ${String(line.run)}: ${f.what} in [${line.stream}] ${line.text.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);

    const errors = lines.filter((l) => typeof l.json?.level === "number" && l.json.level >= 50);
    expect(errors.map((l) => `run ${String(l.run)}: ${l.text.slice(0, 400)}`)).toEqual([]);
    const stderr = lines.filter((l) => l.stream === "stderr" && l.text.trim() !== "");
    expect(stderr.map((l) => `run ${String(l.run)}: ${l.text.slice(0, 300)}`)).toEqual([]);
  });
});

// ---- helpers -----------------------------------------------------------------------------------

function randomDigits(n: number): string {
  let s = "";
  while (s.length < n) s += String(Math.floor(Math.random() * 10));
  return s;
}
