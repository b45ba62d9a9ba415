/**
 * End to end, as the people in it live it (issue 14): the real bot as a child process against the
 * local Bot API emulator, a person in her private chat and a counsellor in the partner helpline's
 * Telegram group, in English and Hindi.
 *
 * - A forum group, the bot started with `npm start` on Redis: she says "Not now", then shares her
 *   situation; a topic opens; words go both ways as copies with no name on them; a crisis inside the
 *   case; the counsellor's /end; a late message to the ended case. A Hindi speaker; a SIGKILL
 *   mid-case and a new process on the same Redis; /exit inside a case.
 * - A plain group (reply threads): replies both ways; stray messages in the group reach nobody; she
 *   blocks the bot. Then out of hours (in a forum): told plainly, with the hours and crisis lines.
 * - No answer in time, with one instance and then with two on the same Redis; and a known bug of two
 *   instances (her first words while the other instance is still opening her case: they wait in it).
 * - At the end, every log line, every Redis key and value, the groups' posts and everything she
 *   received are scanned for who these people are and what they typed.
 *
 * Stories are spread over several groups and bot processes on purpose: the bot keeps Telegram's
 * limit of twenty messages a minute per group (topic calls included), and one process running every
 * story in one group would have her messages wait up to a minute.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { REPO_ROOT, startBot, TEST_PSEUDONYM_SECRET, type BotProcess } from "../support/bot-process.js";
import { groupAlive, sleep } from "../support/e2e-cast.js";
import {
  startEmulator,
  type BotMessage,
  type Counsellor,
  type CounsellorGroup,
  type Emulator,
  type ForumTopicState,
  type GroupPlace,
  type GroupPost,
  type Person,
} from "../support/emulator.js";
import { escapeRegExp, identityOf, type Forbidden } from "../support/log-scan.js";
import { adminClient, dumpDatabase, privateRedis, type PrivateRedis } from "../support/redis.js";

const WAIT_MS = 20_000;
const TEST_MS = 60_000;
/** How long "nothing more happens" is watched for, after the last thing that did. */
const SETTLE_MS = 800;

/**
 * How the forum group's bot is started: `npm start`, the README's way (it builds dist/ first). The
 * other bots of this file run as `node --import tsx src/main.ts`, which starts faster.
 */
const FORUM_LAUNCHER = "npm" as "npm" | "node";
const OTHER_LAUNCHER: "npm" | "node" = "node";

const ORG = "Sakhi Helpline";
const TZ = "Asia/Kolkata";
const FORUM_ID = -1001777000111;
const PLAIN_ID = -1001777000222;
const HOURS_ID = -1001777000333;
const WAITING_ID = -1001777000444;

/**
 * COUNSELLOR_WAIT_MINUTES for the "no answer in time" stories: 0.1 (6 s) where config takes a
 * decimal, else 1, the smallest whole minute (and those stories take a minute or more each). Not
 * less: in the two-instance exchange each of her messages starts the wait again, and a counsellor's
 * answer (through the group's send limit) must come well within it.
 */
const WAIT_MINUTES = acceptsWait("0.1") ? 0.1 : 1;
/** The desk checks cases every quarter of the wait, at least every second. */
const TICK_MS = Math.max(1000, Math.min(30_000, (WAIT_MINUTES * 60_000) / 4));
const NOTICE_MS = WAIT_MINUTES * 60_000 + 2 * TICK_MS + WAIT_MS;
const WAITING_TEST_MS = NOTICE_MS + 2 * TEST_MS;

function acceptsWait(value: string): boolean {
  try {
    createConfig({ COUNSELLOR_WAIT_MINUTES: value, PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET }, { needsToken: false });
    return true;
  } catch {
    return false;
  }
}

const DEVANAGARI = /[\u0900-\u097F]/;
const CASE_NAME = /^Case ([2-9A-Z]{6})$/;

/** A message as a person reads it, formatted by Fluent. */
function ftl(locale: "en" | "hi", key: string, args: Record<string, string | number> = {}): string {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource(new FluentResource(readFileSync(path.join(REPO_ROOT, "locales", `${locale}.ftl`), "utf8")));
  const message = bundle.getMessage(key);
  if (!message?.value) throw new Error(`${key} not found in locales/${locale}.ftl`);
  return bundle.formatPattern(message.value, args).trim();
}
const exact = (s: string): RegExp => new RegExp(`^${escapeRegExp(s)}$`);
const firstLine = (s: string): string => s.split("\n")[0]!;

/** A one-hour window of the day, twelve hours away from now in `timeZone`: closed now, whatever the time. */
function closedWindow(timeZone: string, now = new Date()): string {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
  const start = (hour + 12) % 24;
  const hh = (h: number): string => String(h).padStart(2, "0");
  return `Mon-Sun ${hh(start)}:00-${hh(start + 1)}:00`;
}

/** Someone who writes to the bot, with what Telegram tells it about her and everything she typed. */
interface Her {
  person: Person;
  lastName: string;
  typed: string[];
}
/** A counsellor in one of the groups, with everything they typed. */
interface Them {
  counsellor: Counsellor;
  lastName: string;
  typed: string[];
  group: CounsellorGroup;
}

describe("e2e: talking to a counsellor of a partner helpline, anonymously", { concurrent: false }, () => {
  const emulators: Emulator[] = [];
  const bots: { label: string; bot: BotProcess; emulator: Emulator; groupId: number }[] = [];
  const unwatch = new Map<BotProcess, (() => void)[]>();
  const people: Her[] = [];
  const counsellors: Them[] = [];
  const groups: CounsellorGroup[] = [];
  /** Every case code seen (topic names and opening posts): never in full in a log line or the store. */
  const caseCodes = new Set<string>();
  let redis: PrivateRedis | undefined;
  const redisUrls: string[] = [];

  const redisDb = (db: number): string => {
    if (!redis) throw new Error("redis not started");
    const url = new URL(redis.url);
    url.pathname = `/${String(db)}`;
    const s = url.toString();
    if (!redisUrls.includes(s)) redisUrls.push(s);
    return s;
  };

  beforeAll(async () => {
    // A Redis of this file's own: its databases hold nothing but what these bots wrote.
    redis = await privateRedis();
  }, TEST_MS);

  afterAll(async () => {
    for (const { bot } of bots) {
      for (const u of unwatch.get(bot) ?? []) u();
      if (!bot.exitInfo()) await bot.stop(5_000);
    }
    for (const e of emulators) await e.stop();
    await redis?.remove();
    for (const { bot } of bots) {
      if (bot.detached && bot.pid !== undefined) expect(groupAlive(bot.pid), `processes of npm start (pgid ${String(bot.pid)}) are still running`).toBe(false);
    }
  }, TEST_MS);

  // ---- the cast and what they do --------------------------------------------------------------

  const meet = (emu: Emulator, opts: { id: number; firstName: string; lastName: string; username: string; languageCode: "en" | "hi" }): Her => {
    const { lastName, ...rest } = opts;
    const her: Her = { person: emu.person(rest), lastName, typed: [] };
    people.push(her);
    return her;
  };

  const hire = (group: CounsellorGroup, opts: { id: number; first_name: string; lastName: string; username: string }): Them => {
    const { lastName, ...rest } = opts;
    const them: Them = { counsellor: group.counsellor(rest), lastName, typed: [], group };
    counsellors.push(them);
    return them;
  };

  /** She types `text`; the update carries all Telegram would: her names, username and language. */
  const speak = async (her: Her, text: string): Promise<void> => {
    her.typed.push(text);
    const p = her.person;
    const names = { first_name: p.firstName, last_name: her.lastName, username: p.username };
    await p.sendRaw({
      text,
      from: { id: p.id, is_bot: false, ...names, language_code: p.languageCode },
      chat: { id: p.chatId, type: "private", ...names },
    });
  };

  /** A counsellor writes in the group, as a member with a first and last name and a username. */
  const write = async (them: Them, text: string, where: GroupPlace = {}): Promise<number> => {
    them.typed.push(text);
    return them.counsellor.sendRaw({ text, from: { ...them.counsellor.user, last_name: them.lastName } }, where);
  };

  /** Sends, copies and forwards to her chat, in the order the bot made them. */
  const toHer = (emu: Emulator, her: Her) =>
    emu.calls().filter((c) => /^(send|copyMessage|forwardMessage)/.test(c.method) && String(c.body.chat_id) === String(her.person.chatId));

  /** Starts a bot on an emulator and waits until it polls. Every wait fails at once if it dies. */
  const launch = async (label: string, emu: Emulator, env: Record<string, string>, launcher: "npm" | "node"): Promise<BotProcess> => {
    const webhooks = emu.calls("deleteWebhook").length;
    const bot = startBot({
      apiRoot: emu.apiRoot,
      token: emu.token,
      launcher,
      // Debug logs make the privacy scan at the end stricter.
      env: { NODE_ENV: "test", PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET, LOG_LEVEL: "debug", COUNSELLOR_ORG: ORG, COUNSELLOR_TZ: TZ, ...env },
    });
    bots.push({ label, bot, emulator: emu, groupId: Number(env.COUNSELLOR_CHAT_ID) });
    unwatch.set(bot, [emu.addFailFast(() => bot.exitedMessage()), emu.addDiagnostics(() => `${label}: ${bot.describe()}`)]);
    // The runner starts right after deleteWebhook; the next getUpdates is then its own.
    const deadline = Date.now() + WAIT_MS;
    while (emu.calls("deleteWebhook").length <= webhooks) {
      const why = bot.exitedMessage();
      if (why) throw new Error(why);
      if (Date.now() > deadline) throw new Error(`${label}: the bot never started polling\n${bot.describe()}`);
      await sleep(20);
    }
    const polled = emu.getUpdatesCount();
    while (emu.getUpdatesCount() <= polled) {
      if (Date.now() > deadline) throw new Error(`${label}: the bot never polled\n${bot.describe()}`);
      await sleep(20);
    }
    return bot;
  };
  const quiet = (bot: BotProcess): void => {
    for (const u of unwatch.get(bot) ?? []) u();
    unwatch.delete(bot);
  };
  const stop = async (bot: BotProcess): Promise<void> => {
    quiet(bot);
    const result = await bot.stop(10_000);
    expect(result.graceful, bot.describe()).toBe(true);
  };

  /** Waits until `done()`, looking every 20 ms. */
  const waitFor = async (done: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${bots.map(({ label, bot }) => `${label}: ${bot.describe(15)}`).join("\n")}`);
      await sleep(20);
    }
  };

  /** A new topic (not one of `known`) in a forum group: its case code is remembered for the scans. */
  const newTopic = async (group: CounsellorGroup, known: readonly ForumTopicState[]): Promise<{ topic: ForumTopicState; code: string }> => {
    const topic = await group.waitForTopic((t) => !known.some((k) => k.threadId === t.threadId), WAIT_MS);
    const code = CASE_NAME.exec(topic.name)?.[1];
    expect(topic.name, "a topic named by its case code").toMatch(CASE_NAME);
    caseCodes.add(code!);
    return { topic, code: code! };
  };

  /** The bot's opening post of a case: in the topic (forum) or in the group (reply threads). */
  const openingPost = async (group: CounsellorGroup, matches: (p: GroupPost) => boolean): Promise<GroupPost> => {
    await group.waitFor((p) => /New case/.test(p.text) && matches(p), WAIT_MS);
    const post = group.messages().find((p) => /New case/.test(p.text) && matches(p))!;
    const code = /New case ([2-9A-Z]{6})\./.exec(post.text)?.[1];
    expect(code, post.text).toBeDefined();
    caseCodes.add(code!);
    return post;
  };

  /** Her message as it lands in the group: a copy of exactly what she sent, placed by `where`. */
  const landsInGroup = async (group: CounsellorGroup, her: Her, text: string, where: (p: GroupPost) => boolean): Promise<GroupPost> => {
    const sent = her.person.sent().filter((m) => m.text === text).at(-1);
    expect(sent, `she sent ${text}`).toBeDefined();
    const isIt = (p: GroupPost): boolean => p.text === text && where(p);
    await group.waitFor(isIt, WAIT_MS);
    const post = group.messages().filter(isIt).at(-1)!;
    expect(post.copyOf, "copied, never forwarded").toEqual({ chatId: her.person.chatId, messageId: sent!.messageId });
    // And the bot has finished with it (the copy is linked to the case only after it is posted:
    // see notes/t3-bugs.md #3), so that a counsellor's reply to it finds the case.
    const copies = group.messages().filter((p) => p.copyOf !== undefined).length;
    const passedOn = (): number =>
      bots.filter((b) => b.groupId === group.id).reduce((n, b) => n + b.bot.lines().filter((l) => l.json?.msg === "her message passed on").length, 0);
    await waitFor(() => passedOn() >= copies, "the bot to finish passing her message on");
    return post;
  };

  /** A counsellor's words as they reach her: a copy, no name, no account, no forward header. */
  const reachesHer = async (her: Her, text: string): Promise<BotMessage> => {
    await her.person.waitFor((m) => m.text === text, WAIT_MS);
    const got = her.person.messages().filter((m) => m.text === text).at(-1)!;
    expect(got.raw.copied, "passed on with copyMessage").toBe(true);
    for (const field of ["from", "forward_from", "forward_origin", "forward_sender_name", "author_signature", "sender_chat"]) {
      expect(got.raw[field], `${field} on a counsellor's message to her`).toBeUndefined();
    }
    return got;
  };

  /** Nothing was sent to her after her first `since` calls, watched for `SETTLE_MS` more. */
  const nothingMoreToHer = async (emu: Emulator, her: Her, since: number, why: string): Promise<void> => {
    await sleep(SETTLE_MS);
    expect(toHer(emu, her).slice(since).map((c) => `${c.method}: ${typeof c.body.text === "string" ? c.body.text.slice(0, 120) : "(copy)"}`), why).toEqual([]);
  };

  /** /talk and the consent screen, in her language. */
  const consent = async (her: Her, locale: "en" | "hi" = "en"): Promise<BotMessage[]> => {
    await her.person.command("talk");
    return her.person.waitFor((m) => m.text.includes(firstLine(ftl(locale, "talk-consent-see"))), WAIT_MS);
  };

  /** The consent screen, then "Start without sharing anything": a case with no situation shared. */
  const startCase = async (her: Her, locale: "en" | "hi" = "en"): Promise<void> => {
    await consent(her, locale);
    await her.person.tap(exact(ftl(locale, "talk-share-none")));
    await her.person.waitFor((m) => m.text.includes(ftl(locale, "talk-open-intro", { org: ORG }).slice(0, 30)), WAIT_MS);
  };

  // ---- 1, 3, 6, 7, 8: a forum group, npm start, on Redis ------------------------------------------

  describe(`a forum group: a topic per case (${FORUM_LAUNCHER === "npm" ? "npm start" : "node"}, Redis)`, { concurrent: false }, () => {
    let emu: Emulator;
    let group: CounsellorGroup;
    let bot: BotProcess;
    let admin: Redis;
    let env: Record<string, string>;
    let priya: Them;

    beforeAll(async () => {
      emu = await startEmulator({ counsellorGroup: { id: FORUM_ID, forum: true, title: "Sakhi counsellors" } });
      emulators.push(emu);
      group = emu.counsellorGroup({ id: FORUM_ID, forum: true });
      groups.push(group);
      const url = redisDb(0);
      admin = adminClient(url);
      // Ten minutes for a first answer: no "nobody has answered" notice gets into these stories.
      env = { STORE: "redis", REDIS_URL: url, COUNSELLOR_CHAT_ID: String(FORUM_ID), COUNSELLOR_WAIT_MINUTES: "10" };
      bot = await launch(`forum (${FORUM_LAUNCHER})`, emu, env, FORUM_LAUNCHER);
      priya = hire(group, { id: 5550172839, first_name: "Ottoline", lastName: "Brackenfell", username: "ottoline_counsels_77" });
    }, TEST_MS);

    afterAll(async () => {
      admin.disconnect();
      const last = bots.filter((b) => b.emulator === emu).at(-1)?.bot;
      if (last && !last.exitInfo()) await stop(last);
    }, TEST_MS);

    it("she says 'Not now', then shares her situation: a topic opens, words go both ways with no names, a crisis is flagged, /end closes it", async () => {
      const her = meet(emu, { id: 7319904412, firstName: "Marisolde", lastName: "Quenteberg", username: "marisolde_q_5521", languageCode: "en" });
      const p = her.person;

      // She has told the bot what happened: images shared, on Instagram, in India.
      await p.command("start");
      await p.waitFor(/not your fault/i, WAIT_MS);
      const walk: [string | RegExp, string | RegExp | ((m: BotMessage) => boolean)][] = [
        ["Let's begin", "are you safe right now"],
        ["Yes, I'm safe right now", "What happened?"],
        ["My images were shared", "asking you for money"],
        [/^No$/, "under 18 when they were taken?"],
        ["No, everyone was 18 or older", "Where is it happening"],
        [/^Instagram$/, (m: BotMessage) => m.buttons.flat().some((b) => b.text === "✓ Instagram")],
        ["That's all", "Which country"],
        [/^India$/, "Are you a woman?"],
        ["I'd rather not say", /not your fault/i],
      ];
      for (const [label, next] of walk) {
        await p.tap(label);
        await p.waitFor(next, WAIT_MS);
      }

      // /talk: who she'd talk to, what they see, what is kept, no images. She says "Not now".
      const shown = (await consent(her)).map((m) => m.text).join("\n");
      expect(shown).toContain(ORG);
      expect(shown).toContain(ftl("en", "talk-consent-keep"));
      expect(shown).toContain(ftl("en", "talk-consent-images"));
      await p.tap(exact(ftl("en", "talk-not-now")));
      await p.waitFor(/not your fault/i, WAIT_MS);
      await sleep(SETTLE_MS);
      expect(emu.calls("createForumTopic"), "'Not now' opens no topic").toEqual([]);
      expect(group.messages(), "'Not now' posts nothing in the group").toEqual([]);
      expect((await admin.keys("nyf:v2:c:*")).length, "'Not now' stores no case").toBe(0);

      // Later, from the menu, the support screen: she taps "💬 Talk to a counsellor" and shares her situation.
      await p.tap(ftl("en", "btn-menu"));
      await p.waitFor(ftl("en", "menu-title"), WAIT_MS);
      await p.tap(ftl("en", "menu-support"));
      await p.waitFor((m) => m.buttons.flat().some((b) => b.text === ftl("en", "btn-talk")), WAIT_MS);
      await p.tap(ftl("en", "btn-talk"));
      await p.waitFor((m) => m.text.includes(ftl("en", "talk-consent-choose")), WAIT_MS);
      await p.tap(exact(ftl("en", "talk-share-summary")));
      const open = await p.waitFor((m) => m.text.includes(`You are connected to ${ORG}`), WAIT_MS);
      expect(open.at(-1)!.buttons.flat().map((b) => b.text)).toContain(ftl("en", "btn-end-talk"));

      const { topic, code } = await newTopic(group, []);
      const opening = await openingPost(group, (post) => post.threadId === topic.threadId);
      expect(opening.text).toContain(`New case ${code}.`);
      expect(opening.text).toContain("They shared a summary of their situation");
      expect(opening.text, "her situation, as she shared it").toContain(ftl("en", "case-incident-shared"));
      expect(opening.text).toContain("Instagram");
      await waitFor(() => bot.lines().some((l) => l.json?.msg === "case opened"), "the case to be stored");
      expect((await admin.keys("nyf:v2:c:*")).length, "one open case in the store").toBe(1);

      // Her words go to the topic as a copy, and she gets no screen for them.
      const hers = "Zorvanek the photographer still has the pictures from the shoot last winter";
      await speak(her, hers);
      const inTopic = await landsInGroup(group, her, hers, (post) => post.threadId === topic.threadId);
      expect(inTopic.isTopicMessage).toBe(true);
      expect(p.fresh(), "her words to a counsellor get no screen back").toEqual([]);

      // The counsellor answers in the topic: she reads it as a copy, with no name on it.
      const answer = "I'm here with you. None of this is your fault. Is he asking you for anything?";
      await write(priya, answer, { topic: topic.threadId });
      await reachesHer(her, answer);

      // Crisis words inside the case: the crisis screen at once, and the topic gets her words and a 🆘 line.
      group.mark();
      const crisisWords = "I want to die, I can't face anyone after this";
      await speak(her, crisisWords);
      const crisis = await p.waitFor((m) => m.text.includes("14416"), WAIT_MS);
      expect(crisis.map((m) => m.text).join("\n")).toContain("112");
      const copied = await landsInGroup(group, her, crisisWords, (post) => post.threadId === topic.threadId);
      await group.waitFor((post) => post.text === ftl("en", "counsellors-crisis") && post.threadId === topic.threadId, WAIT_MS);
      const sos = group.messages().find((post) => post.text === ftl("en", "counsellors-crisis"))!;
      expect(sos.messageId, "the 🆘 line follows her words").toBeGreaterThan(copied.messageId);

      // The counsellor's /end: she is told kindly; the topic is closed and renamed ended.
      await priya.counsellor.command("/end", { topic: topic.threadId });
      await p.waitFor((m) => m.text.includes(ftl("en", "talk-ended")), WAIT_MS);
      await group.waitFor(ftl("en", "counsellors-ended-counsellor"), WAIT_MS);
      await group.waitForTopic((t) => t.threadId === topic.threadId && t.closed, WAIT_MS);
      expect(group.topic(topic.threadId)?.name).toBe(`Case ${code} · ended`);

      // A counsellor writing to the ended case gets one line in the group; nothing reaches her.
      const since = toHer(emu, her).length;
      await write(priya, "Are you still there? Please write when you can.", { topic: topic.threadId });
      await group.waitFor(ftl("en", "counsellors-has-ended"), WAIT_MS);
      await nothingMoreToHer(emu, her, since, "a message to an ended case reached her");
      expect(group.messages().filter((post) => post.text === ftl("en", "counsellors-has-ended"))).toHaveLength(1);
      expect(emu.calls("forwardMessage"), "nothing is ever forwarded").toEqual([]);
    }, TEST_MS);

    it("a Hindi speaker: the consent screen is in Hindi, and the relay works both ways", async () => {
      const her = meet(emu, { id: 6620481937, firstName: "वसुंधरा", lastName: "Ketterwal", username: "vasundhara_kettr_408", languageCode: "hi" });
      const p = her.person;
      await p.command("start");
      await p.waitFor((m) => m.text.includes(ftl("hi", "welcome-title")), WAIT_MS);

      const screen = (await consent(her, "hi")).at(-1)!;
      expect(screen.text).toMatch(DEVANAGARI);
      expect(screen.text).toContain(ftl("hi", "talk-consent-intro", { org: ORG }));
      expect(screen.text).toContain(ftl("hi", "talk-consent-images"));
      expect(screen.text).not.toContain(ftl("en", "talk-consent-see"));
      const labels = screen.buttons.flat().map((b) => b.text);
      expect(labels).toEqual(expect.arrayContaining([ftl("hi", "talk-share-summary"), ftl("hi", "talk-share-none"), ftl("hi", "talk-not-now")]));

      const known = group.topics();
      await p.tap(exact(ftl("hi", "talk-share-none")));
      const open = await p.waitFor((m) => m.text.includes(ftl("hi", "talk-open-intro", { org: ORG })), WAIT_MS);
      expect(open.at(-1)!.text).toMatch(DEVANAGARI);
      const { topic } = await newTopic(group, known);
      const opening = await openingPost(group, (post) => post.threadId === topic.threadId);
      expect(opening.text).toContain("They chose not to share their situation");

      const hers = "मेरे पुराने सहकर्मी तिलकेश्वर ने मेरी तस्वीरें ग्रुप में डाल दीं";
      await speak(her, hers);
      await landsInGroup(group, her, hers, (post) => post.threadId === topic.threadId);
      const answer = "नमस्ते, मैं आपके साथ हूँ। इसमें आपकी कोई गलती नहीं है। क्या आप अभी सुरक्षित हैं?";
      await write(priya, answer, { topic: topic.threadId });
      await reachesHer(her, answer);
      const again = "हाँ, मैं घर पर सुरक्षित हूँ, पर बहुत डर लग रहा है";
      await speak(her, again);
      await landsInGroup(group, her, again, (post) => post.threadId === topic.threadId);
    }, TEST_MS);

    it("SIGKILL mid-case on Redis: a new process on the same Redis relays both ways in the same topic", async () => {
      const her = meet(emu, { id: 7788123450, firstName: "Philippa", lastName: "Gwendacott", username: "philippa_gwen_902", languageCode: "en" });
      const p = her.person;
      const known = group.topics();
      await startCase(her);
      const { topic } = await newTopic(group, known);
      const first = "he sent the screenshots to my brother Ulfric this morning";
      await speak(her, first);
      await landsInGroup(group, her, first, (post) => post.threadId === topic.threadId);
      const reply = "Thank you for telling me. Let's take this one step at a time.";
      await write(priya, reply, { topic: topic.threadId });
      await reachesHer(her, reply);
      expect(group.allDelivered() && p.allDelivered(), "nothing in flight when the bot dies").toBe(true);

      // No goodbye: the whole process group gets SIGKILL.
      quiet(bot);
      const killed = await bot.kill();
      expect(killed.signal ?? killed.code).not.toBeUndefined();
      if (bot.detached && bot.pid !== undefined) expect(groupAlive(bot.pid), "npm start left processes behind after SIGKILL").toBe(false);
      bot = await launch("forum, after the SIGKILL", emu, env, FORUM_LAUNCHER);

      const after = "Are you somewhere safe right now?";
      await write(priya, after, { topic: topic.threadId });
      await reachesHer(her, after);
      const hers = "yes, I'm at my aunt Rosamund's house";
      await speak(her, hers);
      await landsInGroup(group, her, hers, (post) => post.threadId === topic.threadId);
      expect(group.topics().length, "no new topic for the same case").toBe(known.length + 1);

      // She ends it herself with the button: the group is told, the topic closed.
      await p.tap(ftl("en", "btn-end-talk"));
      await group.waitFor((post) => post.text === ftl("en", "counsellors-ended-her") && post.threadId === topic.threadId, WAIT_MS);
      await group.waitForTopic((t) => t.threadId === topic.threadId && t.closed, WAIT_MS);
    }, TEST_MS);

    it("/exit inside a case: the group is told she left, the topic is closed, and nothing more is sent to her", async () => {
      const her = meet(emu, { id: 8042266193, firstName: "Tamsinne", lastName: "Oldacre", username: "tamsinne_oldacre_31", languageCode: "en" });
      const p = her.person;
      const known = group.topics();
      await startCase(her);
      const { topic } = await newTopic(group, known);
      const hers = "my cousin Berengar is the one spreading the video around";
      await speak(her, hers);
      await landsInGroup(group, her, hers, (post) => post.threadId === topic.threadId);

      await p.command("exit");
      await group.waitFor((post) => post.text === ftl("en", "counsellors-ended-exit") && post.threadId === topic.threadId, WAIT_MS);
      await p.waitFor((m) => m.text.includes(ftl("en", "exit-done")), WAIT_MS);
      await group.waitForTopic((t) => t.threadId === topic.threadId && t.closed, WAIT_MS);
      const calls = toHer(emu, her);
      const exitLine = calls.findLastIndex((c) => String(c.body.text).includes(ftl("en", "exit-done")));
      expect(exitLine, "the exit's own line").toBeGreaterThanOrEqual(0);
      expect(calls.slice(exitLine + 1), "nothing after the exit's line").toEqual([]);
      expect(calls.some((c) => String(c.body.text).includes(ftl("en", "talk-ended"))), "no 'conversation has ended' screen after /exit").toBe(false);

      // The counsellor, not yet aware, writes to her: the group gets one line, she gets nothing.
      await write(priya, "Take your time, I'm still here for you.", { topic: topic.threadId });
      await group.waitFor((post) => post.text === ftl("en", "counsellors-has-ended") && post.threadId === topic.threadId, WAIT_MS);
      await nothingMoreToHer(emu, her, calls.length, "a message reached her after /exit");
      expect(group.messages().filter((post) => post.text === ftl("en", "counsellors-has-ended") && post.threadId === topic.threadId)).toHaveLength(1);
    }, TEST_MS);
  });

  // ---- 2, 4: a plain group (reply threads), then out of hours in a forum ------------------------

  describe("a plain group (reply threads), then out of hours", { concurrent: false }, () => {
    let emu: Emulator;
    let plain: CounsellorGroup;
    let hoursGroup: CounsellorGroup;

    beforeAll(async () => {
      emu = await startEmulator();
      emulators.push(emu);
      plain = emu.counsellorGroup({ id: PLAIN_ID, forum: false, title: "Sakhi counsellors (plain)" });
      hoursGroup = emu.counsellorGroup({ id: HOURS_ID, forum: true, title: "Sakhi counsellors (office hours)" });
      groups.push(plain, hoursGroup);
    }, TEST_MS);

    afterAll(async () => {
      for (const { bot, emulator } of bots) if (emulator === emu && !bot.exitInfo()) await stop(bot);
    }, TEST_MS);

    it("plain group: replies both ways; a stray message and a reply to an unrelated one reach nobody", async () => {
      await launch("plain group", emu, { COUNSELLOR_CHAT_ID: String(PLAIN_ID), COUNSELLOR_WAIT_MINUTES: "10" }, OTHER_LAUNCHER);
      const anjali = hire(plain, { id: 6043318872, first_name: "Perpetua", lastName: "Vandermolen", username: "perpetua_listens_5" });
      const her = meet(emu, { id: 8830021574, firstName: "Cordelise", lastName: "Hawksmere", username: "cordelise_hawk_117", languageCode: "en" });
      const p = her.person;

      await startCase(her);
      const opening = await openingPost(plain, (post) => post.threadId === undefined);
      expect(opening.isTopicMessage).toBe(false);
      expect(plain.topics(), "no topics in a plain group").toEqual([]);

      // The counsellor replies to the opening post; she reads it with no name.
      const hello = "Hello, I'm a counsellor with the helpline. I'm listening.";
      await write(anjali, hello, { replyTo: opening.messageId });
      await reachesHer(her, hello);

      // Her answer lands as a reply in the case's thread.
      const hers = "thank you, my ex-husband Leopold has the videos";
      await speak(her, hers);
      const copy = await landsInGroup(plain, her, hers, (post) => post.replyTo === opening.messageId);
      expect(copy.threadId, "in the case's reply thread").toBe(opening.messageId);

      // A reply to her copied message reaches her too.
      const more = "Do you know if he has posted them anywhere yet?";
      await write(anjali, more, { replyTo: copy.messageId });
      await reachesHer(her, more);

      // The team talking among themselves: in the General chat, and a reply to that. Nobody is
      // answered, nothing reaches her; then a reply in the case shows the bot read past them.
      const callsBefore = emu.calls().length;
      const postsBefore = plain.messages().length;
      const stray = await write(anjali, "team: who takes the evening shift on Friday?");
      await write(anjali, "I can do Friday evening.", { replyTo: stray });
      const last = "We can report it together, whenever you're ready.";
      await write(anjali, last, { replyTo: copy.messageId });
      await reachesHer(her, last);
      await sleep(SETTLE_MS);
      const since = emu.calls().slice(callsBefore);
      expect(since.map((c) => `${c.method} → ${String(c.body.chat_id)}`), "the only call: the case reply, copied to her").toEqual([`copyMessage → ${String(p.chatId)}`]);
      expect(plain.messages().length, "nothing posted in the group").toBe(postsBefore);
    }, TEST_MS);

    it("she blocks the bot, then the counsellor writes: the case ends and the group is told", async () => {
      const her = meet(emu, { id: 9157730248, firstName: "Ysoldine", lastName: "Marrowby", username: "ysoldine_marrowby_6", languageCode: "en" });
      const them = counsellors.find((c) => c.group === plain)!;
      const lastPost = plain.messages().at(-1)?.messageId ?? 0;
      await startCase(her);
      const opening = await openingPost(plain, (post) => post.threadId === undefined && post.messageId > lastPost);
      const hers = "I need to think about whether I want to report this";
      await speak(her, hers);
      const copy = await landsInGroup(plain, her, hers, (post) => post.replyTo === opening.messageId);

      her.person.block();
      await write(them, "Of course. Whatever you decide, we can help with the next step.", { replyTo: copy.messageId });
      await plain.waitFor((post) => post.text === ftl("en", "counsellors-ended-blocked") && post.threadId === opening.messageId, WAIT_MS);
      const refused = toHer(emu, her).filter((c) => c.status === 403);
      expect(refused.map((c) => c.method), "one copy tried, refused with 403").toEqual(["copyMessage"]);
      // The case is over: the next reply to her words is answered in the group, and nothing is tried on her chat.
      const since = toHer(emu, her).length;
      await write(them, "Hello?", { replyTo: copy.messageId });
      await plain.waitFor((post) => post.text === ftl("en", "counsellors-has-ended") && post.threadId === opening.messageId, WAIT_MS);
      await nothingMoreToHer(emu, her, since, "the bot kept writing to a person who blocked it");
    }, TEST_MS);

    it("out of hours: after consent she is told plainly they're closed, with the hours and crisis lines, and her message still goes in", async () => {
      for (const { bot, emulator } of bots) if (emulator === emu && !bot.exitInfo()) await stop(bot);
      const hours = closedWindow(TZ);
      await launch("out of hours", emu, { COUNSELLOR_CHAT_ID: String(HOURS_ID), COUNSELLOR_HOURS: hours, COUNSELLOR_WAIT_MINUTES: "10" }, OTHER_LAUNCHER);
      const her = meet(emu, { id: 6179925083, firstName: "Anwenna", lastName: "Stroudley", username: "anwenna_s_2203", languageCode: "en" });
      const p = her.person;

      const screen = (await consent(her)).map((m) => m.text).join("\n");
      expect(screen).toContain(`Their hours: ${hours}`);
      expect(screen).toContain(ftl("en", "talk-consent-closed"));
      expect(screen).toContain("14416");
      expect(screen).toContain("112");

      await p.tap(exact(ftl("en", "talk-share-none")));
      const closedNow = `${ORG} is closed right now. Their hours: ${hours}`;
      const told = await p.waitFor((m) => m.text.includes(closedNow), WAIT_MS);
      const notice = told.find((m) => m.text.includes(closedNow))!;
      expect(notice.text).toContain(ftl("en", "talk-notice-lines"));
      expect(notice.text).toContain("14416");
      expect(notice.text).toContain("112");
      expect(notice.text).toMatch(/kept for them/);

      const { topic } = await newTopic(hoursGroup, []);
      const hers = "I know you're closed, but I wanted to write it down before I lose my nerve";
      await speak(her, hers);
      await landsInGroup(hoursGroup, her, hers, (post) => post.threadId === topic.threadId);
      await sleep(SETTLE_MS);
      const notices = p.messages().filter((m) => m.text.includes(closedNow));
      expect(notices, "told once, not again for each message within the hour").toHaveLength(1);
    }, TEST_MS);
  });

  // ---- 5, 9: no answer in time; then two instances on the same Redis ---------------------------

  describe(`nobody answers in time (COUNSELLOR_WAIT_MINUTES=${String(WAIT_MINUTES)}), with one instance and then two`, { concurrent: false }, () => {
    let emu: Emulator;
    let group: CounsellorGroup;
    let env: Record<string, string>;
    const noAnswer = (m: BotMessage): boolean => m.text.includes(`No one from ${ORG} has answered`);

    beforeAll(async () => {
      // No long-poll hold: each instance polls every quarter second or so, so updates go to both, as chance has it.
      emu = await startEmulator({ longPollMs: 0, counsellorGroup: { id: WAITING_ID, forum: true, title: "Sakhi counsellors (night)" } });
      emulators.push(emu);
      group = emu.counsellorGroup({ id: WAITING_ID, forum: true });
      groups.push(group);
      env = { STORE: "redis", REDIS_URL: redisDb(1), COUNSELLOR_CHAT_ID: String(WAITING_ID), COUNSELLOR_WAIT_MINUTES: String(WAIT_MINUTES) };
    }, TEST_MS);

    afterAll(async () => {
      for (const { bot, emulator } of bots) if (emulator === emu && !bot.exitInfo()) await stop(bot);
    }, TEST_MS);

    it("no answer in time: she is told nobody has answered yet, with helplines, exactly once", async () => {
      await launch("waiting, instance 1", emu, env, OTHER_LAUNCHER);
      const her = meet(emu, { id: 7264410983, firstName: "Ismenia", lastName: "Crowhurst", username: "ismenia_crow_44", languageCode: "en" });
      const p = her.person;
      await startCase(her);
      const { topic } = await newTopic(group, []);
      const hers = "is anyone there? he says he will post them tonight";
      await speak(her, hers);
      await landsInGroup(group, her, hers, (post) => post.threadId === topic.threadId);

      await p.waitFor(noAnswer, NOTICE_MS);
      const notice = p.messages().find(noAnswer)!;
      expect(notice.text).toContain(ftl("en", "talk-notice-lines"));
      expect(notice.text).toContain("14416");
      expect(notice.text).toContain("112");
      // Several more checks go by: still once.
      await sleep(3 * TICK_MS);
      expect(p.messages().filter(noAnswer)).toHaveLength(1);
    }, WAITING_TEST_MS);

    it("two instances on the same Redis, polling the same emulator: an exchange both ways, in order; the notice once", async () => {
      const one = bots.filter((b) => b.emulator === emu).at(-1)!.bot;
      const two = await launch("waiting, instance 2", emu, env, OTHER_LAUNCHER);
      const handledBy = (b: BotProcess): number => b.lines().filter((l) => l.json?.msg === "update handled").length;
      const before = [handledBy(one), handledBy(two)];

      const priya = hire(group, { id: 5129983347, first_name: "Gwenllian", lastName: "Ashborne", username: "gwenllian_night_shift" });
      const her = meet(emu, { id: 8456602719, firstName: "Rhosyn", lastName: "Tellamore", username: "rhosyn_tellam_81", languageCode: "en" });
      const p = her.person;
      const known = group.topics();
      const opened = (): number => [one, two].reduce((n, b) => n + b.lines().filter((l) => l.json?.msg === "case opened").length, 0);
      const openedBefore = opened();
      await startCase(her);
      const { topic } = await newTopic(group, known);
      const inTopic = (post: GroupPost): boolean => post.threadId === topic.threadId;
      // Her first words wait until the case is stored: sent sooner, they can reach the other
      // instance while this one is still opening the case (see the next two tests, a known bug).
      await waitFor(() => opened() > openedBefore, "the case to be stored");

      const first = "hello? I don't know where else to go with this";
      await speak(her, first);
      await landsInGroup(group, her, first, inTopic);
      await p.waitFor(noAnswer, NOTICE_MS);
      await sleep(3 * TICK_MS);
      expect(p.messages().filter(noAnswer), "two instances, one notice").toHaveLength(1);

      const exchange: ["her" | "them", string][] = [
        ["them", "I'm here now, sorry for the wait. What is happening?"],
        ["her", "someone made a fake account with my photos on Instagram"],
        ["them", "That must be frightening. We can get that account taken down."],
        ["her", "how long does that usually take?"],
        ["them", "Often a day or two. Let's start with the report together."],
        ["her", "okay, I'm ready to start"],
        ["them", "Good. I'll stay here with you while you do it."],
      ];
      // Which instance gets an update is up to the polls; a few more words, if need be, until both
      // have had some. Always ending on the counsellor's words: hers would start the wait again.
      const more: ["her" | "them", string][] = [
        ["them", "First, open the fake profile and tap the three dots at the top."],
        ["her", "I see the dots, then what"],
        ["them", "Choose Report, then 'Pretending to be someone', then 'Me'."],
        ["her", "done, it says they will review it"],
        ["them", "Well done. That was the hardest part."],
      ];
      const said: ["her" | "them", string][] = [];
      const share = (): number[] => [handledBy(one) - before[0]!, handledBy(two) - before[1]!];
      for (const [who, text] of [...exchange, ...more]) {
        if (said.length >= exchange.length && said.at(-1)![0] === "them" && share().every((n) => n > 0)) break;
        said.push([who, text]);
        if (who === "her") {
          await speak(her, text);
          await landsInGroup(group, her, text, inTopic);
        } else {
          await write(priya, text, { topic: topic.threadId });
          await reachesHer(her, text);
        }
      }
      const hersInTopic = group.messages().filter((post) => inTopic(post) && post.copyOf !== undefined).map((post) => post.text);
      expect(hersInTopic, "her words in the topic, in order, each once").toEqual([first, ...said.filter(([w]) => w === "her").map(([, t]) => t)]);
      const theirsToHer = p.messages().filter((m) => m.raw.copied === true).map((m) => m.text);
      expect(theirsToHer, "their words to her, in order, each once").toEqual(said.filter(([w]) => w === "them").map(([, t]) => t));
      expect(p.messages().filter(noAnswer), "still one notice").toHaveLength(1);
      const [byOne, byTwo] = share();
      expect(byOne, "instance 1 handled some of the updates").toBeGreaterThan(0);
      expect(byTwo, "instance 2 handled some of the updates").toBeGreaterThan(0);
    }, WAITING_TEST_MS);

    /**
     * Known bug (notes/t3-bugs.md #1). With several instances, the case is stored only after its
     * topic and opening post are sent (at most one a second, twenty a minute, in a group), but her
     * session already holds the case code and she already reads "You are connected". Her first
     * words, if another instance takes them in that window, find no case: that instance tells her
     * the conversation has ended and drops her words, and the first one then opens the case anyway.
     * Made certain here: the emulator holds the opening post (as a busy group's send limit would),
     * so the case is stored and its topic linked but it has no place yet, and the opening instance
     * is paused (SIGSTOP) there so that another instance takes her words. A store command it had in
     * flight times out when it resumes (ioredis's 2 s): the opening must ride that out too.
     */
    let race: { landed: boolean; toldEnded: boolean; noticeAfterEnded: boolean; reachedAfterEnded: boolean } | undefined;

    it("two instances: she writes while another instance is still opening her case", async () => {
      for (const { bot, emulator } of bots) if (emulator === emu && !bot.exitInfo()) await stop(bot);
      const a = await launch("race, instance A (opens the case)", emu, env, OTHER_LAUNCHER);
      const her = meet(emu, { id: 7019938826, firstName: "Leocadia", lastName: "Fenwarren", username: "leocadia_fenw_65", languageCode: "en" });
      const p = her.person;
      await consent(her);
      const known = group.topics();
      const opening = emu.hold((method, body) => method === "sendMessage" && String(body.chat_id) === String(WAITING_ID) && /New case/.test(String(body.text)));
      let reached = false;
      void opening.reached.then(() => (reached = true));
      try {
        await p.tap(exact(ftl("en", "talk-share-none")));
        await p.waitFor((m) => m.text.includes(`You are connected to ${ORG}`), WAIT_MS);
        await group.waitForTopic((t) => !known.some((k) => k.threadId === t.threadId), WAIT_MS);
        // The case is stored and its topic linked; its opening post is on its way, held.
        await waitFor(() => reached, "instance A to send the opening post");
        process.kill(a.pid!, "SIGSTOP");
        expect(a.lines().filter((l) => l.json?.msg === "case opened"), "paused before the case had its place").toEqual([]);
        const topic = group.topics().find((t) => !known.some((k) => k.threadId === t.threadId))!;
        caseCodes.add(CASE_NAME.exec(topic.name)![1]!);
        await sleep(300);
        const b = await launch("race, instance B (takes her words)", emu, env, OTHER_LAUNCHER);
        const words = "hello? I just pressed start, is this working";
        await speak(her, words);
        await waitFor(() => b.lines().some((l) => l.json?.msg === "update handled"), "instance B to take her words");
        process.kill(a.pid!, "SIGCONT");
        opening.release();
        await waitFor(() => a.lines().some((l) => l.json?.msg === "case opened"), "instance A to finish opening the case");
        await sleep(WAIT_MINUTES * 60_000 + 2 * TICK_MS);
        // A counsellor answers in the case's topic: does it reach her, or is the case ended?
        const them = hire(group, { id: 5471106628, first_name: "Araminta", lastName: "Coldharbour", username: "araminta_on_call_3" });
        const answer = "Hello, yes, it's working. I'm here.";
        await write(them, answer, { topic: topic.threadId });
        await Promise.race([p.waitFor((m) => m.text === answer, WAIT_MS), group.waitFor(ftl("en", "counsellors-has-ended"), WAIT_MS)]);
        const ended = p.messages().findIndex((m) => m.text.includes(ftl("en", "talk-ended")));
        race = {
          landed: group.messages().some((post) => post.text === words),
          toldEnded: ended >= 0,
          noticeAfterEnded: ended >= 0 && p.messages().slice(ended + 1).some(noAnswer),
          reachedAfterEnded: ended >= 0 && p.messages().slice(ended + 1).some((m) => m.text === answer),
        };
        // What the bug looks like today, for the record (the next test asks for the right thing).
        console.info(`[known bug t3 #1] ${JSON.stringify(race)}; instance B logged: ${b.lines().map((l) => (typeof l.json?.msg === "string" ? l.json.msg : l.text)).filter((m) => /case/.test(m)).join(" | ")}`);
      } finally {
        process.kill(a.pid!, "SIGCONT");
        opening.release();
      }
    }, TEST_MS);

    it("her first words reach the case being opened, and she is not told it has ended (was bug t3 #1)", () => {
      expect(race, "the setup ran").toBeDefined();
      expect(race!.toldEnded, "told 'The conversation has ended' while the case was opening").toBe(false);
      expect(race!.landed, "her first words reached the case").toBe(true);
      expect(race!.noticeAfterEnded, "a 'no answer yet' notice for a conversation she was told had ended").toBe(false);
      expect(race!.reachedAfterEnded, "a counsellor's words reached her after she was told the way to reach her was erased").toBe(false);
    });

    /**
     * Known bug (notes/t3-bugs.md #2). The topic is made first, and the case is linked to it only
     * after the opening post, which waits for the group's send limit (a second at least, up to a
     * minute in a busy group). A counsellor who greets her in the new topic in that time is
     * ignored: the words reach nobody, and nobody is told.
     */
    let early: { openingBeforeWrite: boolean; reached: boolean; answeredInGroup: boolean } | undefined;

    it("a counsellor writes in a new topic before its opening post", async () => {
      const her = meet(emu, { id: 6392207714, firstName: "Brisëis", lastName: "Holloway-Penn", username: "briseis_hp_0419", languageCode: "en" });
      const them = hire(group, { id: 5803316640, first_name: "Hildegund", lastName: "Sarrazin", username: "hildegund_helpline" });
      const opened = (): number => bots.filter((b) => b.emulator === emu).reduce((n, b) => n + b.bot.lines().filter((l) => l.json?.msg === "case opened").length, 0);
      const openedBefore = opened();
      await consent(her);
      const known = group.topics();
      await her.person.tap(exact(ftl("en", "talk-share-none")));
      const topic = await group.waitForTopic((t) => !known.some((k) => k.threadId === t.threadId), WAIT_MS);
      caseCodes.add(CASE_NAME.exec(topic.name)![1]!);
      const openingBeforeWrite = group.messages().some((post) => post.threadId === topic.threadId);
      const words = "Hi, I'm Sakhi's counsellor on duty. I'm here whenever you're ready.";
      await write(them, words, { topic: topic.threadId });
      await group.waitFor((post) => post.threadId === topic.threadId && /New case/.test(post.text), WAIT_MS);
      await waitFor(() => opened() > openedBefore, "the case to be stored");
      await sleep(2 * SETTLE_MS);
      early = {
        openingBeforeWrite,
        reached: her.person.messages().some((m) => m.text === words),
        answeredInGroup: group.messages().some((post) => post.threadId === topic.threadId && !/New case/.test(post.text)),
      };
      console.info(`[known bug t3 #2] ${JSON.stringify(early)}`);
      expect(openingBeforeWrite, "the counsellor wrote before the opening post").toBe(false);
    }, TEST_MS);

    it("a counsellor's words in a new topic before its opening post reach her (was bug t3 #2)", () => {
      expect(early, "the setup ran").toBeDefined();
      expect(early!.reached || early!.answeredInGroup, "the counsellor's first words went nowhere, and nobody was told").toBe(true);
    });
  });

  // ---- 10: what reached the logs, the store, the group and her -----------------------------------

  it("no id, name or username of her or of a counsellor, and no word either typed, in any log line or in Redis; the group never learns who she is, and she never learns who they are", async () => {
    for (const { bot } of bots) if (!bot.exitInfo()) await stop(bot);
    expect(people.length).toBeGreaterThanOrEqual(9);
    expect(counsellors.length).toBeGreaterThanOrEqual(3);
    expect(caseCodes.size, "the case codes seen").toBeGreaterThanOrEqual(8);

    const herIdentity = (her: Her): Forbidden[] => [
      ...identityOf(her.person),
      { what: `last name of ${her.person.firstName}`, pattern: new RegExp(escapeRegExp(her.lastName), "i") },
    ];
    const theirIdentity = (them: Them): Forbidden[] => [
      { what: `counsellor id of ${them.counsellor.firstName}`, pattern: new RegExp(`(?<!\\d)${String(them.counsellor.id)}(?!\\d)`) },
      { what: `counsellor first name ${them.counsellor.firstName}`, pattern: new RegExp(escapeRegExp(them.counsellor.firstName), "i") },
      { what: `counsellor last name ${them.lastName}`, pattern: new RegExp(escapeRegExp(them.lastName), "i") },
      { what: `counsellor username ${String(them.counsellor.username)}`, pattern: new RegExp(escapeRegExp(them.counsellor.username!), "i") },
    ];
    const words = (who: string, typed: readonly string[]): Forbidden[] =>
      typed.map((t) => ({ what: `words typed by ${who}: ${t.slice(0, 40)}`, pattern: new RegExp(escapeRegExp(t), "i") }));
    const codes: Forbidden[] = [...caseCodes].map((c) => ({ what: `case code ${c} in full`, pattern: new RegExp(`(?<![A-Za-z0-9])${c}(?![A-Za-z0-9])`) }));
    const forbidden: Forbidden[] = [
      ...people.flatMap((her) => [...herIdentity(her), ...words(her.person.firstName, her.typed)]),
      ...counsellors.flatMap((them) => [...theirIdentity(them), ...words(`counsellor ${them.counsellor.firstName}`, them.typed)]),
      ...codes,
      { what: "bot token", pattern: new RegExp(escapeRegExp(emulators[0]!.token)) },
    ];

    // Every line every bot process printed.
    const lines = bots.flatMap(({ label, bot }) => bot.lines().map((l) => ({ ...l, label })));
    expect(lines.length, "the bots printed nothing, so the scan would prove nothing").toBeGreaterThan(100);
    expect(lines.some((l) => l.json?.msg === "case opened"), "the desk logged its cases").toBe(true);
    const logLeaks = lines.flatMap((l) => forbidden.filter((f) => f.pattern.test(l.text)).map((f) => `${l.label}: ${f.what} in [${l.stream}] ${l.text.slice(0, 300)}`));

    // Every key and value in the Redis databases these bots used.
    const storeLeaks: string[] = [];
    let keys = 0;
    for (const url of redisUrls) {
      const client = adminClient(url);
      try {
        for (const [key, value] of await dumpDatabase(client)) {
          keys++;
          for (const f of forbidden) if (f.pattern.test(key) || f.pattern.test(value)) storeLeaks.push(`${url}: ${f.what} in ${key}`);
        }
      } finally {
        client.disconnect();
      }
    }
    expect(keys, "the store held nothing, so the scan would prove nothing").toBeGreaterThan(5);

    // What the counsellors' groups show: the bot's posts (texts and raw) and the topics' names.
    const groupLeaks = groups.flatMap((g) => {
      const shown = [
        ...g.messages().map((post) => `${post.text}\n${post.caption ?? ""}\n${JSON.stringify(post.raw)}`),
        ...g.topics().flatMap((t) => t.names),
      ];
      return people.flatMap((her) => herIdentity(her).flatMap((f) => shown.filter((s) => f.pattern.test(s)).map((s) => `group ${String(g.id)}: ${f.what} in ${s.slice(0, 200)}`)));
    });

    // What each of them received: every call to her chat, and every message there now.
    const herLeaks = people.flatMap((her) => {
      const emu = emulators.find((e) => toHer(e, her).length > 0);
      const received = [
        ...(emu ? toHer(emu, her).map((c) => JSON.stringify(c.body)) : []),
        ...her.person.messages().map((m) => JSON.stringify(m.raw)),
      ];
      return counsellors.flatMap((them) =>
        theirIdentity(them).flatMap((f) => received.filter((r) => f.pattern.test(r)).map((r) => `${her.person.firstName} received ${f.what}: ${r.slice(0, 200)}`)),
      );
    });

    expect({ logLeaks, storeLeaks, groupLeaks, herLeaks }).toEqual({ logLeaks: [], storeLeaks: [], groupLeaks: [], herLeaks: [] });
  }, TEST_MS);

  it("no process logged an error or an unhandled failure", () => {
    const lines = bots.flatMap(({ label, bot }) => bot.lines().map((l) => ({ ...l, label })));
    const errors = lines.filter((l) => typeof l.json?.level === "number" && l.json.level >= 50);
    expect(errors.map((l) => `${l.label}: ${l.text.slice(0, 400)}`)).toEqual([]);
    expect(lines.filter((l) => /unhandledRejection|uncaughtException/i.test(l.text)).map((l) => `${l.label}: ${l.text.slice(0, 300)}`)).toEqual([]);
  });
});
