/**
 * End to end, as a story about what is kept: the real bot as a process (`npm start`) against the
 * local Bot API emulator, on a real Redis. A person is half-way through keeping proof when the bot
 * is killed (SIGKILL, no goodbye): a new process picks up her old buttons where she left them. Then
 * Redis itself dies mid-conversation, and later Upstash becomes unreachable: crisis numbers and
 * helplines still answer, other screens say saving is paused, nothing crashes, and once the store
 * is back the conversation carries on from where it was, on its own. Finally every line every bot
 * process printed, and every key and value in every Redis database used, is scanned for who these
 * people are and for anything they typed.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionKey } from "../../src/privacy/pseudonym.js";
import { REPO_ROOT, startBot, TEST_PSEUDONYM_SECRET, type BotProcess } from "../support/bot-process.js";
import { createCast, groupAlive, sleep } from "../support/e2e-cast.js";
import { startEmulator, type Emulator, type Person, type Screen } from "../support/emulator.js";
import { adminClient, dumpDatabase, privateRedis, redisUrl, type PrivateRedis } from "../support/redis.js";
import { startUpstashBridge, type UpstashBridge } from "../support/upstash-bridge.js";

const WAIT_MS = 20_000;
const TEST_MS = 30_000;
/** How long the bot may take to notice that the store is back (ioredis retries at most every 2 s). */
const RECOVER_MS = 10_000;
const RETRY_GAP_MS = 300;
/** How long Redis stays down at least: long enough for several of ioredis' reconnects to fail. */
const OUTAGE_MS = 2_500;

const SHARED_URL = redisUrl("restartE2e");
const DEVANAGARI = /[\u0900-\u097F]/;
const STEP = /Step (\d+) of (\d+)/;
const CRISIS_EN = "I want to die";

/** A one-line message from a locale file, exactly as the bot will print it (notices have no placeables). */
/** A message as a person reads it, formatted by Fluent (selectors take their default variant). */
function ftl(locale: "en" | "hi", key: string): string {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource(new FluentResource(readFileSync(path.join(REPO_ROOT, "locales", `${locale}.ftl`), "utf8")));
  const message = bundle.getMessage(key);
  if (!message?.value) throw new Error(`${key} not found in locales/${locale}.ftl`);
  return bundle.formatPattern(message.value, { who: "self" }).trim();
}

const SAVING_PAUSED = ftl("en", "notice-saving-paused");
/** Each notice that would mean "your progress is gone", in both languages. */
const LOST = (["en", "hi"] as const).flatMap((l) => [ftl(l, "notice-lost-session"), ftl(l, "notice-stale-button"), ftl(l, "notice-welcome-back"), ftl(l, "notice-saving-paused")]);
const PICK_UP = /pick up from here/i;

const STORE_DOWN_ONCE = "store unreachable; answering without saving until it returns";
const STORE_BACK = "store reachable again";
const LOAD_FAILED = "store unavailable on load";
const UNHANDLED = /unhandledRejection|unhandled rejection|uncaughtException|uncaught exception/i;

// One emulator for the whole file; bots come and go (only one polls at a time). Steps run in order.
describe("e2e persistence: a SIGKILL and store outages on Redis and Upstash", { concurrent: false }, () => {
  let emulator: Emulator | undefined;
  const bots: { label: string; bot: BotProcess }[] = [];
  let shared: Redis | undefined;
  let ownRedis: PrivateRedis | undefined;
  const bridges: UpstashBridge[] = [];
  const closedBridges = new Set<UpstashBridge>();

  const emu = (): Emulator => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
  const admin = (): Redis => {
    if (!shared) throw new Error("no admin client");
    return shared;
  };
  /** Everyone who writes to the bot, remembered with everything they typed. */
  const cast = createCast({ emulator: emu, describeBot: () => bots.at(-1)?.bot.describe() ?? "", waitMs: WAIT_MS });
  const { meet, say, command, tapEdit, answers, editsOf, sendsTo, noErrorText, waitUntil, unwatchBot } = cast;

  const noNotice = (text: string): void => {
    for (const notice of LOST) expect(text, "a notice where the conversation should simply go on").not.toContain(notice);
    expect(text).not.toMatch(PICK_UP);
  };

  /**
   * Taps a button of a given (possibly older) message by its callback data and returns the text the
   * bot edited that message to. Waits on the edit call itself, not on a visible change: during an
   * outage two taps in a row can produce the very same screen, which the emulator would not show
   * as "fresh".
   */
  const tapOld = async (p: Person, data: string, messageId: number): Promise<string> => {
    const editsBefore = editsOf(p).length;
    const sendsBefore = sendsTo(p);
    const answersBefore = answers();
    await cast.tapData(p, data, messageId);
    await waitUntil(() => editsOf(p).length > editsBefore && answers() > answersBefore, `for an edit of message #${String(messageId)}`);
    const edits = editsOf(p).slice(editsBefore);
    expect(edits.map((e) => e.messageId), "the tapped message is the one edited").toEqual(edits.map(() => messageId));
    expect(sendsTo(p), "a tap sent a new message instead of editing").toBe(sendsBefore);
    expect(answers() - answersBefore).toBe(1);
    const text = edits.at(-1)?.text ?? "";
    noErrorText([{ text }]);
    return text;
  };

  /** The "✓ Done" button of a message, as it is now (it may be older than the latest screen). */
  const doneButton = (p: Person, messageId: number): { data: string; messageId: number } => {
    const message = p.messages().find((m) => m.messageId === messageId);
    const data = message?.buttons.flat().find((b) => b.text === ftl("en", "btn-done"))?.callback_data;
    if (!data) throw new Error(`no "✓ Done" button on message #${String(messageId)}: ${message?.text ?? "(gone)"}`);
    return { data, messageId };
  };

  /** `npm start`, exactly as the README says, with a production environment and a fixed secret. */
  const launch = async (label: string, env: Record<string, string>): Promise<BotProcess> => {
    // Only one bot may poll the emulator: one left running by a failed test would take the updates.
    unwatchBot();
    for (const { bot } of bots) if (!bot.exitInfo()) await bot.stop(5_000);
    return cast.startWatched(() => {
      const b = startBot({
        apiRoot: emu().apiRoot,
        token: emu().token,
        launcher: "npm",
        // Debug logs make the privacy scan at the end stricter.
        env: { NODE_ENV: "production", PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET, LOG_LEVEL: "debug", ...env },
      });
      bots.push({ label, bot: b });
      return b;
    });
  };
  const stopBot = async (b: BotProcess): Promise<void> => {
    unwatchBot();
    const result = await b.stop(5_000);
    expect(result.graceful, b.describe()).toBe(true);
    if (b.pid !== undefined) expect(groupAlive(b.pid), "npm start left processes behind").toBe(false);
  };

  /** /start, then through the questions into the evidence walkthrough, to step 2. */
  const walkToStepTwo = async (p: Person): Promise<Screen> => {
    await command(p, "start");
    await p.waitFor("not your fault", WAIT_MS);
    await tapEdit(p, "Let's begin", "are you safe right now");
    await tapEdit(p, "Yes, I'm safe right now", "What happened?");
    await tapEdit(p, "My images were shared", "asking you for money");
    await tapEdit(p, /^No$/, "under 18 when they were taken?");
    await tapEdit(p, "No, everyone was 18 or older", "Where is it happening");
    await tapEdit(p, /^Instagram$/);
    await tapEdit(p, "That's all", "Which country");
    await tapEdit(p, /^India$/, "Are you a woman?");
    await tapEdit(p, "I'd rather not say", "not your fault");
    await tapEdit(p, "Continue", /Step 1 of/);
    return tapEdit(p, "✓ Done", /Step 2 of/);
  };

  /** The outage, as the person meets it: crisis numbers, helplines, and a tap that says saving is paused. */
  const duringOutage = async (p: Person, b: BotProcess): Promise<number> => {
    let updates = 0;
    // Said in so many words: the crisis numbers come from content alone.
    updates++;
    await say(p, CRISIS_EN);
    const crisis = await p.waitFor((m) => m.text.includes("14416") && m.text.includes("112"), WAIT_MS);
    noErrorText(crisis);

    updates++;
    await command(p, "helplines");
    const helplines = await p.waitForAll(["1930", "14416", "112"], WAIT_MS);
    noErrorText(helplines);

    // Back from the helplines: a screen, with the notice on top (and no error).
    updates++;
    const back = await tapEdit(p, ftl("en", "btn-back"), SAVING_PAUSED);
    expect(back.text.startsWith(SAVING_PAUSED), back.text).toBe(true);
    // Out of reach is not lost: no "couldn't pick up where we were" on top of the outage notice.
    expect(back.text, back.text).not.toMatch(PICK_UP);
    expect(back.labels.length, "a way on: buttons").toBeGreaterThan(0);

    expect(b.exitInfo(), `the bot died during the outage\n${b.describe()}`).toBeUndefined();
    if (b.pid !== undefined) expect(groupAlive(b.pid)).toBe(true);
    return updates;
  };

  /**
   * Taps "✓ Done" on the evidence step shown before the outage until the answer comes without the
   * saving-paused notice (bounded by RECOVER_MS). Returns the answer and how many taps it took.
   */
  const tapUntilRecovered = async (p: Person, done: { data: string; messageId: number }): Promise<{ text: string; taps: number }> => {
    const deadline = Date.now() + RECOVER_MS;
    for (let taps = 1; ; taps++) {
      const text = await tapOld(p, done.data, done.messageId);
      if (!text.includes(SAVING_PAUSED)) return { text, taps };
      if (Date.now() > deadline) throw new Error(`still "saving paused" ${String(RECOVER_MS)} ms after the store came back\n${bots.at(-1)?.bot.describe() ?? ""}`);
      await sleep(RETRY_GAP_MS);
    }
  };

  /**
   * After an outage, her old "✓ Done" on step 2 (see tapUntilRecovered) must lead to step 3, and the
   * next tap to step 4: it is saved again. Returns how many taps it took to find the store back.
   */
  const carriesOnFromStepTwo = async (p: Person, done: { data: string; messageId: number }, total: number): Promise<number> => {
    const { text, taps } = await tapUntilRecovered(p, done);
    expect(STEP.exec(text)?.slice(1).map(Number), text).toEqual([3, total]);
    noNotice(text);
    expect(taps).toBeLessThanOrEqual(Math.ceil(RECOVER_MS / RETRY_GAP_MS) + 1);
    const step4 = await tapOld(p, doneButton(p, done.messageId).data, done.messageId);
    expect(STEP.exec(step4)?.slice(1).map(Number), step4).toEqual([4, total]);
    noNotice(step4);
    return taps;
  };

  const count = (b: BotProcess, msg: string): number => b.lines().filter((l) => l.json?.msg === msg).length;

  /**
   * What a bot that lived through an outage says of it in its own log: it is still running, nothing
   * went unhandled, no error; the outage and the recovery are logged once each, and the warning per
   * update that found the store down is bounded by the updates sent during the outage (at least)
   * and those plus the taps it took to find the store back (at most).
   */
  const expectCalmOutageLog = (b: BotProcess, outageUpdates: number, taps: number): void => {
    expect(b.exitInfo(), b.describe()).toBeUndefined();
    const lines = b.lines();
    expect(lines.filter((l) => UNHANDLED.test(l.text)).map((l) => l.text)).toEqual([]);
    expect(lines.filter((l) => typeof l.json?.level === "number" && l.json.level >= 50).map((l) => l.text.slice(0, 400))).toEqual([]);
    expect(count(b, STORE_DOWN_ONCE), b.describe(80)).toBe(1);
    expect(count(b, STORE_BACK), b.describe(80)).toBe(1);
    expect(count(b, LOAD_FAILED)).toBeGreaterThanOrEqual(outageUpdates);
    expect(count(b, LOAD_FAILED)).toBeLessThanOrEqual(outageUpdates + taps);
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    shared = adminClient(SHARED_URL);
    await shared.flushdb();
  }, TEST_MS);

  afterAll(async () => {
    unwatchBot();
    for (const { bot } of bots) await bot.stop(5_000);
    for (const bridge of bridges) if (!closedBridges.has(bridge)) await bridge.close();
    await ownRedis?.remove();
    shared?.disconnect();
    await emulator?.stop();
    for (const { bot } of bots) {
      if (bot.pid !== undefined) expect(groupAlive(bot.pid), `processes of npm start (pgid ${String(bot.pid)}) are still running`).toBe(false);
    }
  }, TEST_MS);

  // ---- 1. SIGKILL mid-conversation; a new process continues from the old buttons -----------------

  it("SIGKILL mid-conversation on Redis: after a restart, the person's old buttons continue the same conversation", async () => {
    const env = { STORE: "redis", REDIS_URL: SHARED_URL };
    const first = await launch("redis, before the SIGKILL", env);

    const oriane = meet({ languageCode: "en", firstName: "Orianthe", username: "orianthe_velk_4417" });
    const step2 = await walkToStepTwo(oriane);
    const [, current, total] = STEP.exec(step2.text)?.map(Number) ?? [];
    expect(total, "steps 3 and 4 must exist").toBeGreaterThanOrEqual(4);
    expect(current).toBe(2);

    // Her phone is set to English; she chose Hindi in the bot. Only the stored session remembers it.
    const vasu = meet({ languageCode: "en", firstName: "वसुंधरा", username: "vasundhara_qiret_0832" });
    await command(vasu, "start");
    await vasu.waitFor("not your fault", WAIT_MS);
    await tapEdit(vasu, "Language", ftl("en", "language-question"));
    await tapEdit(vasu, ftl("hi", "language-hi"), ftl("hi", "welcome-title"));
    await tapEdit(vasu, ftl("hi", "welcome-begin"), ftl("hi", "safety-question"));
    const incident = await tapEdit(vasu, ftl("hi", "safety-yes"), ftl("hi", "incident-question"));
    expect(incident.labels).toContain(ftl("hi", "incident-sextortion"));

    // Both records are in Redis, under pseudonymous keys, as versioned ciphertext.
    const keyOf = (p: Person): Promise<string> => sessionKey(TEST_PSEUDONYM_SECRET, p.chatId);
    const versionOf = async (p: Person): Promise<number> => {
      const raw = await admin().get(await keyOf(p));
      expect(raw, "a stored session").toMatch(/^\d+:v1\./);
      return Number(raw?.split(":")[0]);
    };
    const orianeVersion = await versionOf(oriane);
    const vasuVersion = await versionOf(vasu);

    // No goodbye: the whole `npm start` process group gets SIGKILL between two taps.
    unwatchBot();
    const killed = await first.kill();
    expect(killed.signal ?? killed.code).not.toBeUndefined();
    if (first.pid !== undefined) expect(groupAlive(first.pid), "npm start left processes behind after SIGKILL").toBe(false);
    expect(first.lines().some((l) => l.json?.msg === "stopping"), "a SIGKILL leaves no time to say stopping").toBe(false);

    await launch("redis, after the SIGKILL", env);

    // Her old "✓ Done" (still on screen from before the kill) moves her on: the next step, same
    // total, same message, no "pick up from here".
    const step3 = await tapEdit(oriane, "✓ Done", STEP);
    expect(step3.messageId).toBe(step2.messageId);
    expect(STEP.exec(step3.text)?.slice(1).map(Number)).toEqual([3, total]);
    noNotice(step3.text);
    const step4 = await tapEdit(oriane, "Skip →", STEP);
    expect(STEP.exec(step4.text)?.slice(1).map(Number)).toEqual([4, total]);
    noNotice(step4.text);
    expect(await versionOf(oriane), "the new process wrote on top of the record the old one left").toBe(orianeVersion + 2);

    // Hindi carries on in Hindi, though every update says language_code "en".
    const age = await tapEdit(vasu, ftl("hi", "incident-sextortion"), ftl("hi", "age-question"));
    expect(age.messageId).toBe(incident.messageId);
    expect(age.text).toMatch(DEVANAGARI);
    expect(age.text).not.toContain(ftl("en", "age-question"));
    expect(age.labels).toContain(ftl("hi", "age-adult"));
    noNotice(age.text);
    expect(await versionOf(vasu)).toBe(vasuVersion + 1);

    await stopBot(bots.at(-1)!.bot);
  }, TEST_MS);

  // ---- 2. Redis dies mid-conversation and comes back ----------------------------------------------

  it("Redis goes down mid-conversation and comes back", async () => {
    // A Redis of our own, with an append-only file: what was written before the outage survives it.
    const redis = await privateRedis({ persist: true });
    ownRedis = redis;
    const b = await launch("redis outage", { STORE: "redis", REDIS_URL: redis.url });

    const p = meet({ languageCode: "en", firstName: "Ilsabet", username: "ilsabet_korvane_58" });
    const step2 = await walkToStepTwo(p);
    const total = Number(STEP.exec(step2.text)?.[2]);
    const done = doneButton(p, step2.messageId);

    await redis.stop(); // SIGKILL: an outage, not a shutdown
    const downSince = Date.now();
    const outageUpdates = await duringOutage(p, b);
    // The bot says so in its log once ioredis fails to reconnect; keep Redis down a little longer,
    // so that several reconnects fail (each must not be logged again).
    await waitUntil(() => count(b, STORE_DOWN_ONCE) > 0, `for "${STORE_DOWN_ONCE}" in the log\n${b.describe()}`, 5_000);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downSince)));

    await redis.start();
    // The taps during the outage were answered but not saved (a failed load never writes), so once
    // ioredis has reconnected by itself she is exactly where she was: her old "✓ Done" on step 2
    // leads to step 3. The failed taps while it reconnects edit that same message, so they count.
    const taps = await carriesOnFromStepTwo(p, done, total);

    // The outage is logged once and the recovery once, not once per failed reconnect; the per-update
    // warning is bounded by the updates that arrived while it was down.
    expectCalmOutageLog(b, outageUpdates, taps);

    await stopBot(b);
  }, TEST_MS);

  // ---- 3. Upstash unreachable mid-conversation, then back ---------------------------------------

  it("Upstash becomes unreachable mid-conversation and comes back", async () => {
    const token = randomUUID();
    const bridge = await startUpstashBridge({ redisUrl: SHARED_URL, token });
    bridges.push(bridge);
    const b = await launch("upstash outage", { STORE: "upstash", UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: token });

    const p = meet({ languageCode: "en", firstName: "Thessaly", username: "thessaly_brunwick_93" });
    const step2 = await walkToStepTwo(p);
    const total = Number(STEP.exec(step2.text)?.[2]);
    const done = doneButton(p, step2.messageId);

    // Upstash unreachable: nothing listens on its address any more.
    await bridge.close();
    closedBridges.add(bridge);
    const outageUpdates = await duringOutage(p, b);

    // Back on the same address with the same token, as the real service would be.
    const again = await startUpstashBridge({ redisUrl: SHARED_URL, token, port: bridge.port });
    bridges.push(again);
    expect(again.url).toBe(bridge.url);
    // As with Redis: the outage taps were not saved, so step 2's "✓ Done" leads to step 3.
    const taps = await carriesOnFromStepTwo(p, done, total);

    // HTTP has no connection to watch: the first failed command marks the outage, the first
    // answered one its end, once each; plus one warning per update that found the store down.
    expectCalmOutageLog(b, outageUpdates, taps);

    await stopBot(b);
  }, TEST_MS);

  // ---- 4. what reached the logs and the databases --------------------------------------------------

  it("printed and stored no id, username, name or typed text: every log line of every process, every Redis key and value", async () => {
    expect(bots.length).toBe(4);
    const lines = bots.flatMap(({ label, bot }) => bot.lines().map((l) => ({ ...l, where: label })));
    expect(lines.length, "the bots printed nothing, so the scan would prove nothing").toBeGreaterThan(20);

    const dumps: { where: string; entries: [string, string][] }[] = [{ where: `shared redis db (${SHARED_URL})`, entries: await dumpDatabase(admin()) }];
    if (ownRedis) {
      const own = adminClient(ownRedis.url);
      try {
        dumps.push({ where: "private redis", entries: await dumpDatabase(own) });
      } finally {
        own.disconnect();
      }
    }
    // Three sessions on the shared database (two via Redis, one via Upstash), one on the private one.
    const sessions = (entries: [string, string][]) => entries.filter(([key]) => key.startsWith("nyf:v2:s:"));
    expect(dumps.map((d) => sessions(d.entries).length)).toEqual(ownRedis ? [3, 1] : [3]);
    for (const { entries } of dumps) {
      for (const [key, value] of entries) {
        // A session (ciphertext), or a person's flood counter (a number that lives 10 s): nothing else.
        if (key.startsWith("nyf:v2:r:")) {
          expect(key).toMatch(/^nyf:v2:r:[0-9a-f]{64}$/);
          expect(value).toMatch(/^\d+$/);
          continue;
        }
        expect(key).toMatch(/^nyf:v2:s:[0-9a-f]{64}$/);
        expect(value).toMatch(/^\d+:v1\.[A-Za-z0-9+/_=-]+$/);
      }
    }

    const forbidden = cast.mustNeverLeak();

    const leaks = [
      ...lines.flatMap((line) =>
        forbidden.filter((f) => f.pattern.test(line.text)).map((f) => `${line.where}: ${f.what} in [${line.stream}] ${line.text.slice(0, 300)}`),
      ),
      ...dumps.flatMap(({ where, entries }) =>
        entries.flatMap(([key, value]) => forbidden.filter((f) => f.pattern.test(key) || f.pattern.test(value)).map((f) => `${where}: ${f.what} in ${key}`)),
      ),
    ];
    expect(leaks).toEqual([]);

    const errors = lines.filter((l) => typeof l.json?.level === "number" && l.json.level >= 50);
    expect(errors.map((l) => `${l.where}: ${l.text.slice(0, 400)}`)).toEqual([]);
    expect(lines.filter((l) => UNHANDLED.test(l.text)).map((l) => `${l.where}: ${l.text.slice(0, 300)}`)).toEqual([]);
    const stderr = lines.filter((l) => l.stream === "stderr" && l.text.trim() !== "");
    expect(stderr.map((l) => `${l.where}: ${l.text.slice(0, 300)}`)).toEqual([]);
  }, TEST_MS);
});
