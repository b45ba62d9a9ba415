import { describe, expect, it } from "vitest";
import type { CounselSettings } from "../../src/conversation/office-hours.js";
import { parseOfficeHours } from "../../src/conversation/office-hours.js";
import type { PersonInput } from "../../src/conversation/turn.js";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { CASE_PREFIX, CaseVault, LINK_PREFIX, type Place } from "../../src/privacy/case-vault.js";
import type { RenderedScreen } from "../../src/screens/render.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { StoreError, type SessionStore } from "../../src/store/session-store.js";
import { BlockedError, CaseDesk, type CounsellorRoom, type GroupMessage, type HerMessage, type PersonLine } from "../../src/telegram/case-desk.js";
import { takeTurn } from "../../src/telegram/take-turn.js";
import { conversationDeps } from "../support/deps.js";

const SECRET = "5c0f1e7a2b9d4c8e6f3a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";
const GROUP = -1001234567890;
const HER = 555000777;
const TTL = 72 * 3600;

interface Posted {
  id: number;
  place: Place;
  text: string;
}

/** The counsellors' group as a list of what the bot posted, in forum or reply-thread mode. */
function fakeRoom(mode: "topic" | "thread") {
  const posted: Posted[] = [];
  const closed: number[] = [];
  let nextId = 1;
  let nextThread = 500;
  /** Runs while the bot's next post is on its way (the group's throttle): what happens meanwhile. */
  let duringNextPost: (() => Promise<void>) | undefined;
  const add = (place: Place, text: string) => {
    const id = nextId++;
    posted.push({ id, place, text });
    return id;
  };
  const room: CounsellorRoom = {
    async openTopic() {
      return mode === "topic" ? nextThread++ : undefined;
    },
    async startThread(text) {
      return add({ mode: "thread", anchor: 0 }, text);
    },
    async post(place, text) {
      const meanwhile = duringNextPost;
      duringNextPost = undefined;
      if (meanwhile) await meanwhile();
      return add(place, text);
    },
    async relay(place, message: HerMessage) {
      return add(place, "text" in message ? message.text : `copy of ${message.messageId}`);
    },
    async close(place) {
      if (place.mode === "topic") closed.push(place.thread);
    },
  };
  return { room, posted, closed, counsellorId: () => nextId++, meanwhile: (f: () => Promise<void>) => (duringNextPost = f) };
}

/** Her chat: what reached her, and whether she blocked the bot. */
function fakeLine() {
  const got: { copyOf?: number; screen?: RenderedScreen }[] = [];
  let blocked = false;
  const line: PersonLine = {
    async copy(_chat, id) {
      if (blocked) throw new BlockedError("blocked");
      got.push({ copyOf: id });
    },
    async show(_chat, screen) {
      if (blocked) throw new BlockedError("blocked");
      got.push({ screen });
    },
  };
  return { line, got, block: () => (blocked = true) };
}

const logLines: string[] = [];
const log = {
  debug: (o: object, m: string) => logLines.push(JSON.stringify(o) + m),
  info: (o: object | string, m?: string) => logLines.push(JSON.stringify(o) + (m ?? "")),
  warn: (o: object, m: string) => logLines.push(JSON.stringify(o) + m),
  error: (o: object, m: string) => logLines.push(JSON.stringify(o) + m),
};

/**
 * The store as a stalled instance meets it: Redis answered, but this process was paused past the
 * client's 2 s command timeout, so the command failed here ("Command timed out"). `stall` makes the
 * next `times` matching calls fail so; `afterWrite` lets a compare-and-set land and then loses its
 * reply, with `meanwhile` (another writer) in between; `down` fails everything, as an outage.
 */
function stallingStore(inner: MemoryStore) {
  const stalls: { command: "get" | "compareAndSet"; key: (k: string) => boolean; times: number }[] = [];
  let lostReply: { key: (k: string) => boolean; meanwhile: () => Promise<void> } | undefined;
  let down = false;
  const timedOut = (command: string) => new StoreError("redis", command, Object.assign(new Error("Command timed out"), { name: "Error" }));
  const stalled = (command: "get" | "compareAndSet", key: string): boolean => {
    if (down) return true;
    const s = stalls.find((x) => x.command === command && x.times > 0 && x.key(key));
    if (s) s.times--;
    return s !== undefined;
  };
  const store: SessionStore = {
    async get(key) {
      if (stalled("get", key)) throw timedOut("get");
      return inner.get(key);
    },
    openUpdate: (keys, limits) => inner.openUpdate(keys, limits),
    async compareAndSet(key, value, expected, ttl) {
      if (stalled("compareAndSet", key)) throw timedOut("compareAndSet");
      const version = await inner.compareAndSet(key, value, expected, ttl);
      const lost = lostReply;
      if (lost && version !== undefined && lost.key(key)) {
        lostReply = undefined;
        await lost.meanwhile();
        throw timedOut("compareAndSet");
      }
      return version;
    },
    async delete(...keys) {
      if (down) throw timedOut("delete");
      return inner.delete(...keys);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return {
    store,
    stall: (command: "get" | "compareAndSet", key: (k: string) => boolean, times: number) => void stalls.push({ command, key, times }),
    afterWrite: (key: (k: string) => boolean, meanwhile: () => Promise<void>) => void (lostReply = { key, meanwhile }),
    down: () => void (down = true),
    up: () => void (down = false),
    stalledLeft: () => stalls.reduce((n, s) => n + s.times, 0),
  };
}

const NO_WAIT = { tries: 3, backoffMs: [0] };

function setup(options: { mode?: "topic" | "thread"; hours?: string; waitMinutes?: number; store?: MemoryStore; clock?: { t: number }; caseStore?: SessionStore } = {}) {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? { t: Date.parse("2026-12-01T06:00:00Z") }; // 11:30 in India, a Tuesday
  const settings: CounselSettings = {
    chatId: GROUP,
    org: "Meri Trustline",
    hours: options.hours ? parseOfficeHours(options.hours) : undefined,
    hoursText: options.hours,
    timeZone: "Asia/Kolkata",
    waitMinutes: options.waitMinutes ?? 10,
  };
  const group = fakeRoom(options.mode ?? "topic");
  const her = fakeLine();
  const vault = new ChatVault(store, SECRET, TTL);
  let n = 0;
  const turns = { ...conversationDeps(), vault, counsel: settings, caseCode: () => ["K7F3QX", "M4N5PR", "Z2Y3XW"][n++ % 3]!, now: () => new Date(clock.t) };
  const cases = new CaseVault(options.caseStore ?? store, SECRET, TTL, GROUP, NO_WAIT);
  const desk = new CaseDesk({ settings, vault: cases, room: group.room, her: her.line, turns, sessionTtlSeconds: TTL, log, now: () => clock.t });
  let messageId = 1;
  /** She does something; her words travel as Telegram would pass them (by message id). */
  const act = async (input: PersonInput) => {
    const taken = await takeTurn(turns, HER, input, log);
    if (taken.turn.talk) await desk.afterTurn(HER, taken.turn.talk, taken.turn.snapshot.context, input.kind === "text" ? { chatId: HER, messageId: messageId++ } : undefined);
    return taken;
  };
  const tap = (type: string, value?: string) => act({ kind: "event", event: (value ? { type, value } : { type }) as never, locale: "en" });
  const say = (text: string, crisis?: "self" | "danger") => act({ kind: "text", crisis: crisis ? { kind: crisis, group: "test" } : undefined, text, locale: "en" });
  const counsellor = (text: string, where?: Partial<GroupMessage>): GroupMessage => {
    const thread = group.posted[0]?.place.mode === "topic" ? group.posted[0].place.thread : undefined;
    const command = text.match(/^\/(\w+)/)?.[1];
    return { messageId: group.counsellorId(), ...(thread !== undefined ? { thread } : { replyTo: group.posted[group.posted.length - 1]!.id }), ...(command ? { command } : {}), ...where };
  };
  return { store, desk, group, her, act, tap, say, counsellor, clock, vault: cases };
}

const shown = (her: ReturnType<typeof fakeLine>) => her.got.flatMap((g) => (g.screen ? [g.screen] : []));

describe("the counsellor desk: a person and a counsellor, neither learning who the other is", () => {
  it.each(["topic", "thread"] as const)("%s mode: consent opens a case whose opening names the code and what she shared, never her", async (mode) => {
    const { tap, group, store } = setup({ mode });
    await tap("BEGIN");
    await tap("TALK");
    await tap("SHARE", "summary");
    expect(group.posted).toHaveLength(1);
    const intro = group.posted[0]!.text;
    expect(intro).toContain("K7F3QX");
    expect(intro).not.toContain(String(HER));
    for (const [key, value] of store.dump()) {
      expect(key).not.toContain(String(HER));
      expect(value).not.toContain("K7F3QX");
    }
  });

  it.each(["topic", "thread"] as const)("%s mode: her words reach the case and the counsellor's reach her, as copies", async (mode) => {
    const { tap, say, group, her, desk, counsellor } = setup({ mode });
    await tap("TALK");
    await tap("SHARE", "none");
    await say("he is sending my photos to my cousins");
    expect(group.posted.at(-1)!.text).toMatch(/copy of \d+/);
    const reply = counsellor("I'm here. You did the right thing writing to us.");
    await desk.fromCounsellor(reply);
    expect(her.got.at(-1)).toEqual({ copyOf: reply.messageId });
  });

  it("sharing nothing: the opening says so, and /summary says she chose not to share", async () => {
    const { tap, group, desk, counsellor } = setup();
    await tap("CHOOSE", "sextortion");
    await tap("TALK");
    await tap("SHARE", "none");
    expect(group.posted[0]!.text).not.toMatch(/blackmail|sextortion/i);
    await desk.fromCounsellor(counsellor("/summary"));
    expect(group.posted.at(-1)!.text).not.toMatch(/blackmail|sextortion/i);
  });

  it("sharing her situation: the opening and /summary carry it; her log's items only with 'include my log'", async () => {
    const a = setup();
    await a.tap("LOG");
    await a.tap("ADD", "link");
    await a.say("https://instagram.com/p/leaked123");
    await a.tap("TALK");
    await a.tap("SHARE", "summary");
    expect(a.group.posted[0]!.text).not.toContain("leaked123");
    const b = setup();
    await b.tap("LOG");
    await b.tap("ADD", "link");
    await b.say("https://instagram.com/p/leaked123");
    await b.tap("TALK");
    await b.tap("SHARE", "log");
    expect(b.group.posted[0]!.text).toContain("leaked123");
  });

  it("a crisis message in a case: she sees the crisis screen (shown by the transport), the case gets her words and the 🆘 line", async () => {
    const { tap, say, group } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    const taken = await say("i have the pills in my hand", "self");
    expect(taken.turn.snapshot.matches("crisis")).toBe(true);
    expect(group.posted.at(-2)!.text).toMatch(/copy of/);
    expect(group.posted.at(-1)!.text).toContain("🆘");
  });

  it("/end by the counsellor: the case is erased, the topic closed, and she is told", async () => {
    const { tap, group, her, desk, counsellor, vault } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    await desk.fromCounsellor(counsellor("/end"));
    expect(group.closed).toHaveLength(1);
    expect(await vault.load("K7F3QX")).toBeUndefined();
    expect(shown(her).at(-1)!.id).toBe("talk.ended");
    // A counsellor writing after it ended gets one line, and nothing reaches her.
    const before = her.got.length;
    await desk.fromCounsellor(counsellor("are you still there?"));
    expect(her.got.length).toBe(before);
    expect(group.posted.at(-1)!.text).toMatch(/ended/i);
  });

  it("she ends it with ⏹: the group is told; her next words go to the walkthrough, not the case", async () => {
    const { tap, say, group } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    await tap("END_TALK");
    const told = group.posted.length;
    expect(group.posted.at(-1)!.text).toMatch(/ended/i);
    const taken = await say("hello?");
    expect(taken.turn.talk).toBeUndefined();
    expect(group.posted.length).toBe(told);
  });

  it("/helplines by the counsellor sends her the helplines screen", async () => {
    const { tap, her, desk, counsellor } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    await desk.fromCounsellor(counsellor("/helplines"));
    expect(shown(her).at(-1)!.id).toBe("helplines");
  });

  it("a stray message in the group (no case) reaches nobody and gets no answer", async () => {
    const { tap, group, her, desk, counsellor } = setup({ mode: "thread" });
    await tap("TALK");
    await tap("SHARE", "none");
    const posted = group.posted.length;
    await desk.fromCounsellor(counsellor("lunch at 1?", { replyTo: undefined }));
    await desk.fromCounsellor(counsellor("team meeting", { replyTo: 99_999 }));
    expect(group.posted.length).toBe(posted);
    expect(her.got).toHaveLength(0);
  });

  it("a counsellor's other commands are theirs: never passed to her", async () => {
    const { tap, her, desk, counsellor } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    await desk.fromCounsellor(counsellor("/notes call back later", { command: "other:notes" }));
    expect(her.got).toHaveLength(0);
  });

  it("if she blocked the bot, the case ends and the group is told", async () => {
    const { tap, group, her, desk, counsellor, vault } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    her.block();
    await desk.fromCounsellor(counsellor("hello?"));
    expect(await vault.load("K7F3QX")).toBeUndefined();
    expect(group.posted.at(-1)!.text).toMatch(/blocked/i);
  });

  it("outside the hours she is told plainly, with crisis lines, and her words still go into the case", async () => {
    // 06:00 UTC on a Tuesday is 11:30 in India: closed for a service open 18:00-22:00.
    const { tap, say, her, group } = setup({ hours: "Mon-Sun 18:00-22:00" });
    await tap("TALK");
    await tap("SHARE", "none");
    const notice = shown(her).at(-1)!;
    expect(notice.id).toBe("talk.off-hours");
    expect(notice.text).toContain("18:00");
    expect(notice.text).toContain("14416");
    await say("ok, I'll leave a message");
    expect(group.posted.at(-1)!.text).toMatch(/copy of/);
    expect(shown(her)).toHaveLength(1); // not told again within the hour
  });

  it("nobody answers within the wait: she is told once, even with two instances checking", async () => {
    const store = new MemoryStore();
    const clock = { t: Date.parse("2026-12-01T06:00:00Z") };
    const one = setup({ store, clock, waitMinutes: 10 });
    const two = setup({ store, clock, waitMinutes: 10 });
    await one.tap("TALK");
    await one.tap("SHARE", "none");
    clock.t += 9 * 60_000;
    await Promise.all([one.desk.tick(), two.desk.tick()]);
    expect(shown(one.her).length + shown(two.her).length).toBe(0);
    clock.t += 2 * 60_000;
    await Promise.all([one.desk.tick(), two.desk.tick()]);
    const notices = [...shown(one.her), ...shown(two.her)];
    expect(notices.map((s) => s.id)).toEqual(["talk.no-answer"]);
    await Promise.all([one.desk.tick(), two.desk.tick()]);
    expect(shown(one.her).length + shown(two.her).length).toBe(1);
  });

  it("a counsellor's answer stops the wait notice", async () => {
    const { tap, desk, her, counsellor, clock } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    clock.t += 5 * 60_000;
    await desk.fromCounsellor(counsellor("hi, I'm here"));
    clock.t += 30 * 60_000;
    await desk.tick();
    expect(shown(her)).toHaveLength(0);
  });

  it("a case idle for the session's time to live ends on both sides", async () => {
    const { tap, desk, her, group, clock, vault } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    clock.t += TTL * 1000 + 1;
    await desk.tick();
    expect(await vault.load("K7F3QX")).toBeUndefined();
    expect(group.closed).toHaveLength(1);
    expect(shown(her).at(-1)!.id).toBe("talk.ended");
  });

  it("a restart mid-case: a new desk on the same store carries on both ways", async () => {
    const store = new MemoryStore();
    const clock = { t: Date.parse("2026-12-01T06:00:00Z") };
    const before = setup({ store, clock });
    await before.tap("TALK");
    await before.tap("SHARE", "none");
    const after = setup({ store, clock });
    // The new process's room is a fresh fake: it finds the case by its topic id all the same.
    const first = before.group.posted[0]!.place;
    await after.desk.fromCounsellor({ messageId: 42, thread: first.mode === "topic" ? first.thread : -1 });
    expect(after.her.got).toEqual([{ copyOf: 42 }]);
  });

  it("/forget in a case ends it and tells the group; nothing is sent to her", async () => {
    const { tap, group, her, vault } = setup();
    await tap("TALK");
    await tap("SHARE", "none");
    await tap("FORGET");
    await tap("CONFIRM_FORGET");
    expect(await vault.load("K7F3QX")).toBeUndefined();
    expect(group.posted.at(-1)!.text).toMatch(/closed|ended/i);
    expect(her.got).toHaveLength(0);
  });

  it("no log line carries her chat id, the case code or anything either side wrote", async () => {
    logLines.length = 0;
    const { tap, say, desk, counsellor } = setup();
    await tap("TALK");
    await tap("SHARE", "summary");
    await say("my ex posted it on telegram channel");
    await desk.fromCounsellor(counsellor("can you send me the channel name?"));
    await desk.fromCounsellor(counsellor("/end"));
    const all = logLines.join("\n");
    expect(logLines.some((l) => l.includes("case opened"))).toBe(true);
    for (const secret of [String(HER), "K7F3QX", "my ex", "channel name", String(GROUP)]) expect(all).not.toContain(secret);
  });

  it("her words while the case is still opening (another instance, the group's throttle) wait in it and are passed on once it opens, in order", async () => {
    // Her messages arrive while the opening post is on its way (as they would at another instance).
    const a = setup({ mode: "topic" });
    await a.tap("TALK");
    a.group.meanwhile(async () => {
      await a.say("are you there?");
      await a.say("i took pills", "self");
    });
    await a.tap("SHARE", "none");
    const texts = a.group.posted.map((p) => p.text);
    expect(texts[0]).toMatch(/New case/);
    expect(texts.slice(1)).toEqual([expect.stringMatching(/copy of/), expect.stringMatching(/copy of/), expect.stringContaining("🆘")]);
    expect(shown(a.her).map((s) => s.id)).not.toContain("talk.ended");
  });

  it("a counsellor who writes in a new topic before its opening post is heard", async () => {
    const { tap, group, her, desk } = setup({ mode: "topic" });
    await tap("TALK");
    group.meanwhile(async () => {
      await desk.fromCounsellor({ messageId: 9001, thread: 500 });
    });
    await tap("SHARE", "none");
    expect(her.got).toContainEqual({ copyOf: 9001 });
  });

  it("reply threads: a reply to her copy that came before the copy was linked still reaches her (by its chain's first message)", async () => {
    const { tap, group, her, desk } = setup({ mode: "thread" });
    await tap("TALK");
    await tap("SHARE", "none");
    const anchor = group.posted[0]!.id;
    await desk.fromCounsellor({ messageId: 9002, replyTo: 77_777, threadRoot: anchor });
    expect(her.got).toContainEqual({ copyOf: 9002 });
  });
});

describe("a case opens although the store falters for a moment, and she is told when it can't", () => {
  const isLink = (k: string) => k.startsWith(LINK_PREFIX);
  const isCase = (k: string) => k.startsWith(CASE_PREFIX);

  it("an instance stalled while opening her case (its store commands timed out): each is tried again, the case opens and her words that waited go in", async () => {
    const inner = new MemoryStore();
    const flaky = stallingStore(inner);
    const { tap, say, group, her, vault } = setup({ mode: "topic", store: inner, caseStore: flaky.store });
    await tap("TALK");
    // The topic is made; linking it to the case times out once.
    flaky.stall("get", isLink, 1);
    group.meanwhile(async () => {
      await say("hello? is this working");
      // Then setting the case's place, once on the read and once on the write.
      flaky.stall("get", isCase, 1);
      flaky.stall("compareAndSet", isCase, 1);
    });
    await tap("SHARE", "none");
    expect(flaky.stalledLeft(), "every stall happened").toBe(0);
    expect(group.posted.map((p) => p.text)).toEqual([expect.stringMatching(/New case/), expect.stringMatching(/copy of/)]);
    expect((await vault.load("K7F3QX"))?.record.place).toEqual({ mode: "topic", thread: 500 });
    expect(shown(her).map((s) => s.id)).toEqual([]);
  });

  it("the write that opens it landed but its answer was lost, and another instance wrote in between: her waiting words are passed on all the same", async () => {
    const inner = new MemoryStore();
    const flaky = stallingStore(inner);
    const { tap, say, group } = setup({ mode: "topic", store: inner, caseStore: flaky.store });
    const another = new CaseVault(inner, SECRET, TTL, GROUP);
    await tap("TALK");
    group.meanwhile(async () => {
      await say("are you there?");
      await say("please answer");
      flaky.afterWrite(isCase, async () => void (await another.update("K7F3QX", (r) => ({ ...r, lastHerAt: r.lastHerAt + 1 }))));
    });
    await tap("SHARE", "none");
    expect(group.posted.map((p) => p.text)).toEqual([expect.stringMatching(/New case/), "copy of 1", "copy of 2"]);
  });

  it("the store out of reach while it opens: she is told plainly she couldn't be connected, the new topic is closed, and /talk works again once the store is back", async () => {
    const inner = new MemoryStore();
    const flaky = stallingStore(inner);
    const clock = { t: Date.parse("2026-12-01T06:00:00Z") };
    const { tap, group, her, vault, desk } = setup({ mode: "topic", store: inner, caseStore: flaky.store, clock });
    await tap("TALK");
    const openTopic = group.room.openTopic.bind(group.room);
    group.room.openTopic = async (code) => {
      const thread = await openTopic(code);
      flaky.down();
      return thread;
    };
    await tap("SHARE", "none");
    expect(shown(her).map((s) => s.id)).toEqual(["talk.unavailable"]);
    expect(shown(her)[0]!.text).toContain("14416");
    expect(group.closed).toEqual([500]);
    expect(group.posted).toEqual([]);

    flaky.up();
    group.room.openTopic = openTopic;
    await tap("TALK");
    await tap("SHARE", "none");
    expect(group.posted.map((p) => p.text)).toEqual([expect.stringMatching(/New case/)]);
    // The half-open case the outage kept from being erased goes later, without a word to anyone.
    expect(await vault.openCodes()).toEqual(["K7F3QX", "M4N5PR"]);
    clock.t += 11 * 60_000;
    await desk.tick();
    expect(await vault.openCodes()).toEqual(["M4N5PR"]);
    expect(shown(her).map((s) => s.id)).toEqual(["talk.unavailable", "talk.no-answer"]);
  });

  it("the store out of reach from the start: she is told, and nothing is posted in the group", async () => {
    const inner = new MemoryStore();
    const flaky = stallingStore(inner);
    const { tap, group, her } = setup({ mode: "thread", store: inner, caseStore: flaky.store });
    await tap("TALK");
    flaky.down();
    await tap("SHARE", "none");
    expect(shown(her).map((s) => s.id)).toEqual(["talk.unavailable"]);
    expect(group.posted).toEqual([]);
  });
});
