/**
 * The cast of an end-to-end story and how they act: the people who write to the real bot through
 * the Bot API emulator, and the bot process they talk to. Everyone met here is remembered with
 * everything they typed, so that the privacy scan at the end of a story knows what must never reach
 * a log. A tap is checked the way the person would feel it: the message it was on changes in place
 * (no new message), the spinner stops, and no error is shown.
 */
import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import type { BotProcess } from "./bot-process.js";
import type { Emulator, Person, Screen } from "./emulator.js";
import { escapeRegExp, identityOf, type Forbidden } from "./log-scan.js";

export { escapeRegExp };

/** What a frightened person must never be shown: an error, a leaked placeholder, or the error
 * boundary's apology (it means an update failed on the way). */
export const ERRORISH = /\berror\b|exception|\bundefined\b|\bnull\b|\bNaN\b|\{\s*\$|didn't work on my side/i;

export interface CastOptions {
  /** The emulator the story runs on (started in a `beforeAll`, so looked up when needed). */
  emulator: () => Emulator;
  /** The output of the bot now running, attached when a wait for a screen comes up empty. */
  describeBot: () => string;
  /** How long the bot may take to answer, or a new bot process to start polling. */
  waitMs: number;
}

/**
 * The people of one story (one emulator, one bot process at a time) and what they can do. Build it
 * inside the `describe`, next to the emulator it looks up.
 */
export function createCast({ emulator: emu, describeBot, waitMs }: CastOptions) {
  /** Everyone who wrote to the bot, with everything they typed. */
  const people: { person: Person; typed: string[] }[] = [];
  let taps = 0;
  let unwatch: (() => void)[] = [];

  /** A new person in the story, remembered for the privacy scan. */
  const meet = (opts: Parameters<Emulator["person"]>[0]): Person => {
    const person = emu().person(opts);
    people.push({ person, typed: [] });
    return person;
  };
  /** What `p` has typed so far; push onto it what they send by other means (a caption, say). */
  const typed = (p: Person): string[] => {
    const entry = people.find((e) => e.person === p);
    if (!entry) throw new Error("unknown person");
    return entry.typed;
  };
  const say = async (p: Person, text: string): Promise<void> => {
    typed(p).push(text);
    await p.send(text);
  };
  const command = async (p: Person, name: string): Promise<void> => {
    typed(p).push(`/${name}`);
    await p.command(name);
  };

  const answers = (): number => emu().calls("answerCallbackQuery").length;
  const editsOf = (p: Person): { messageId: number; text: string }[] =>
    emu()
      .calls("editMessageText")
      .filter((c) => String(c.body.chat_id) === String(p.chatId))
      .map((c) => ({ messageId: Number(c.body.message_id), text: typeof c.body.text === "string" ? c.body.text : "" }));
  const sendsTo = (p: Person): number =>
    emu()
      .calls("sendMessage")
      .filter((c) => String(c.body.chat_id) === String(p.chatId)).length;
  const screenOf = (p: Person): Screen => {
    const s = p.lastKeyboardScreen();
    if (!s) throw new Error(`no screen with buttons in this chat\n${describeBot()}`);
    return s;
  };
  const noErrorText = (msgs: readonly { text: string }[]): void => {
    for (const m of msgs) expect(m.text, `bot said: ${m.text.slice(0, 300)}`).not.toMatch(ERRORISH);
  };

  // Every tap goes through these two, so `taps()` can be held against answerCallbackQuery calls.
  /** A tap on a button by its label; the caller waits for and checks the answer. */
  const tap = async (p: Person, label: string | RegExp): Promise<void> => {
    taps++;
    await p.tap(label);
  };
  /** A tap with raw callback data, on the latest message or on `messageId`; the caller checks the answer. */
  const tapData = async (p: Person, data: string, messageId?: number): Promise<void> => {
    taps++;
    await p.tapData(data, messageId);
  };

  /**
   * Taps a button on the latest screen and waits for it to change (to `expected`, if given). The tap
   * must edit the message it was on (no new message), and be answered once (the spinner stops).
   */
  const tapEdit = async (p: Person, label: string | RegExp, expected?: string | RegExp): Promise<Screen> => {
    const before = screenOf(p);
    const editsBefore = editsOf(p).length;
    const sendsBefore = sendsTo(p);
    const answersBefore = answers();
    await tap(p, label);
    const fresh = await (expected === undefined ? p.waitForReply(waitMs) : p.waitFor(expected, waitMs));
    noErrorText(fresh);
    expect(fresh.map((m) => m.messageId), `tap ${String(label)} must edit message #${String(before.messageId)}`).toEqual([before.messageId]);
    expect(sendsTo(p), `tap ${String(label)} sent a new message instead of editing`).toBe(sendsBefore);
    const edits = editsOf(p).slice(editsBefore);
    expect(edits.length, `tap ${String(label)}: editMessageText calls`).toBeGreaterThanOrEqual(1);
    expect(edits.every((e) => e.messageId === before.messageId)).toBe(true);
    expect(answers() - answersBefore, `tap ${String(label)}: answerCallbackQuery calls`).toBe(1);
    return screenOf(p);
  };

  /** Waits until `done()`, looking every 20 ms; on timeout the error says `timed out waiting ${what}`. */
  const waitUntil = async (done: () => boolean, what: string, timeoutMs = waitMs): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting ${what}`);
      await sleep(20);
    }
  };

  /** Waits until the bot has polled again after `count` getUpdates calls (a new process is up). */
  const waitForNewPolling = async (count: number, b: BotProcess): Promise<void> => {
    const deadline = Date.now() + waitMs;
    while (emu().getUpdatesCount() <= count) {
      const why = b.exitedMessage();
      if (why) throw new Error(why);
      if (Date.now() > deadline) throw new Error(`the new bot never polled\n${b.describe()}`);
      await sleep(20);
    }
  };
  /** Stops failing every wait when the last bot exits: call it before killing or stopping it on purpose. */
  const unwatchBot = (): void => {
    for (const u of unwatch) u();
    unwatch = [];
  };
  /** Starts a bot with `start` and waits until it polls. */
  const startWatched = async (start: () => BotProcess): Promise<BotProcess> => {
    unwatchBot();
    const polled = emu().getUpdatesCount();
    const b = start();
    // A bot that crashes fails every wait at once, with its output attached.
    unwatch = [emu().addFailFast(() => b.exitedMessage()), emu().addDiagnostics(() => b.describe())];
    await waitForNewPolling(polled, b);
    return b;
  };

  /**
   * What no log line or stored value may contain: the bot token and, of everyone met, their user id,
   * chat id, username, first name and everything they typed.
   */
  const mustNeverLeak = (): Forbidden[] => [
    { what: "bot token", pattern: new RegExp(escapeRegExp(emu().token)) },
    ...people.flatMap(({ person, typed: texts }) => identityOf(person, texts)),
  ];

  return {
    people: people as readonly { person: Person; typed: string[] }[],
    meet,
    typed,
    say,
    command,
    tap,
    tapData,
    tapEdit,
    /** How many taps the cast has made (each must be answered exactly once). */
    taps: (): number => taps,
    answers,
    editsOf,
    sendsTo,
    screenOf,
    noErrorText,
    waitUntil,
    startWatched,
    unwatchBot,
    mustNeverLeak,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * True while any process of the group `pgid` is running. Zombies do not count: in a container whose
 * PID 1 does not reap, an exited orphan stays a zombie (`Z`) for good, though it runs nothing.
 */
export function groupAlive(pgid: number): boolean {
  const out = execFileSync("ps", ["-eo", "pgid=,stat=,args="], { encoding: "utf8" });
  return out.split("\n").some((line) => {
    const [group, stat] = line.trim().split(/\s+/);
    return Number(group) === pgid && stat !== undefined && !stat.startsWith("Z");
  });
}

