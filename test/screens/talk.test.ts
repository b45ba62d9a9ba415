import { describe, expect, it } from "vitest";
import { LOCALES, type ConversationEvent, type Locale } from "../../src/conversation/machine.js";
import { parseOfficeHours, type CounselSettings } from "../../src/conversation/office-hours.js";
import type { ConversationSnapshot, PersonInput } from "../../src/conversation/turn.js";
import { renderScreen, translateText } from "../../src/screens/render.js";
import { reply, type ReplyDeps } from "../../src/screens/reply.js";
import type { Screen } from "../../src/screens/screen.js";
import { screenFor } from "../../src/screens/screens.js";
import { caseNotice, counselView, groupText, zoneName, type CaseNoticeKind, type CounselView, type GroupTextKind } from "../../src/screens/talk.js";
import { encodeButton, MAX_CALLBACK_BYTES } from "../../src/telegram/callback-data.js";
import { conversationDeps } from "../support/deps.js";
import { Walker } from "../support/walk.js";

const deps = conversationDeps();
const CODE = "K7F3QX";
const open: CounselView = { org: "Meri Trustline", hours: "Mon-Sat 09:00-18:00", timeZone: "Asia/Kolkata", openNow: true, waitMinutes: 10 };
const closed: CounselView = { ...open, openNow: false };

/** Fluent syntax or a raw key leaking into what a person reads. */
const RAW = /[{}]|\$[a-z]|undefined|NaN|\[object|(^|\s)(btn|notice|talk|counsellors|case-briefing|line|contact)-[a-z-]+(\s|$)/;

const render = (screen: Screen, locale: Locale = "en") => renderScreen(screen, deps.translate(locale));
const events = (screen: Screen) => screen.buttons.flat().map((b) => b.event);
const types = (screen: Screen) => events(screen).map((e) => e.type);
const keys = (screen: Screen) => screen.parts.flatMap((p) => ("lines" in p ? p.lines.map((l) => l.key) : [p.key]));

/** The pure machine, driven by events; the snapshot's screen with or without a service connected. */
function at(...sent: ConversationEvent[]): ConversationSnapshot {
  const w = new Walker();
  for (const event of sent) w.send(event);
  return w.snapshot;
}
const inCase = (...more: ConversationEvent[]) => at({ type: "TALK" }, { type: "SHARE", value: "summary", code: CODE }, ...more);
const withLocale = (s: ConversationSnapshot, locale: Locale) => ({ ...s, context: { ...s.context, locale } });
const screenOf = (s: ConversationSnapshot, counsel?: CounselView) => screenFor(deps.content, s, { counsel });

function expectClean(screen: Screen, locale: Locale) {
  const rendered = render(screen, locale);
  expect(rendered.text, `${screen.id} ${locale}`).not.toMatch(RAW);
  for (const b of rendered.buttons.flat()) expect(b.label, `${screen.id} ${locale}`).not.toMatch(RAW);
  for (const b of screen.buttons.flat()) expect(Buffer.byteLength(encodeButton(screen.id, b.event))).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
  if (locale === "hi") expect(rendered.text).toMatch(/[\u0900-\u097F]/);
  return rendered;
}

describe("the consent screen", () => {
  const consent = at({ type: "TALK" });

  it("says who, when, what they see, what is kept, that images are not passed on, then asks what to share", () => {
    const screen = screenOf(consent, open);
    expect(screen.id).toBe("talk.consent");
    expect(keys(screen)).toEqual(["talk-consent-intro", "talk-consent-hours", "talk-consent-see", "talk-consent-keep", "talk-consent-images", "talk-consent-choose"]);
    expect(events(screen)).toEqual([
      { type: "SHARE", value: "summary" },
      { type: "SHARE", value: "log" },
      { type: "SHARE", value: "none" },
      { type: "BACK" },
    ]);
    const text = render(screen).text;
    expect(text).toContain("Meri Trustline");
    expect(text).toContain("Mon-Sat 09:00-18:00 (India Standard Time)");
    expect(text).toMatch(/case code/);
    expect(text).toMatch(/never see your name, username, phone number or Telegram account/);
    expect(text).toMatch(/the way to reach this chat.*encrypted, and erased when the conversation ends/s);
    expect(text).toMatch(/not passed on.*tell them in words what happened/s);
    // Short paragraphs, no wall of text.
    for (const paragraph of text.split("\n\n")) expect(paragraph.length).toBeLessThan(260);
  });

  it("the button carries the choice only, never a case code", () => {
    for (const e of events(screenOf(consent, open))) expect("code" in e).toBe(false);
  });

  it("closed now: says so (a message still waits for them) and gives the crisis lines of her country", () => {
    const screen = screenOf(consent, closed);
    expect(keys(screen)).toContain("talk-consent-closed");
    const text = render(screen).text;
    expect(text).toMatch(/closed right now.*still write.*read it when they are back/s);
    expect(text).toContain("112");
    expect(text).toContain("14416");
    // Still her choice to leave a message.
    expect(types(screen).filter((t) => t === "SHARE")).toHaveLength(3);
  });

  it("in the UK it names the Samaritans when closed", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-other", "other").tap("threat-no").tap("age-adult").tap("btn-done-choosing").tap("country-gb");
    w.send({ type: "TALK" });
    const text = render(screenOf(w.snapshot, { ...closed, timeZone: "Europe/London" })).text;
    expect(text).toContain("999");
    expect(text).toMatch(/Samaritans/);
    expect(text).toMatch(/United Kingdom Time/);
  });

  it("no fixed hours: says so instead of hours; the default organisation is put in her language", () => {
    const counsel = { ...open, org: "the counselling team", hours: undefined };
    const screen = screenOf(consent, counsel);
    expect(keys(screen)).toContain("talk-consent-no-hours");
    expect(render(screen).text).toContain("talk to the counselling team here");
    expect(render(screenOf(withLocale(consent, "hi"), counsel), "hi").text).toContain("काउंसलिंग टीम");
  });

  it.each(LOCALES)("renders in %s with nothing raw, open or closed, with or without hours", (locale) => {
    for (const counsel of [open, closed, { ...open, hours: undefined }, { ...closed, hours: undefined }, undefined]) {
      expectClean(screenOf(withLocale(consent, locale), counsel), locale);
    }
    expect(render(screenOf(withLocale(consent, "hi"), closed), "hi").text).toContain("भारतीय मानक समय");
  });

  it("feature off: not connected, the lines she can reach herself to talk, and Back; nothing to share", () => {
    const screen = screenOf(consent, undefined);
    expect(screen.id).toBe("talk.consent");
    expect(types(screen)).toEqual(["BACK"]);
    const text = render(screen).text;
    expect(text).toMatch(/not connected to a counselling service/);
    expect(text).toContain("112");
    expect(text).toContain("14416");
    // A line for money taken online is not someone to talk to; Childline only while she may be under 18.
    expect(text).not.toContain("1930");
    expect(text).toContain("1098");
    const adult = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-shared", "shared").tap("threat-no").tap("age-adult").tap("btn-done-choosing");
    adult.send({ type: "TALK" });
    expect(render(screenOf(adult.snapshot, undefined)).text).not.toContain("1098");
  });
});

describe("the talk button and the end row", () => {
  const TALK_SCREENS = {
    support: at({ type: "MENU" }, { type: "GOTO", value: "support" }),
    closing: at({ type: "MENU" }, { type: "GOTO", value: "closing" }),
    help: at({ type: "HELP" }),
    crisis: at({ type: "CRISIS" }),
    danger: at({ type: "DANGER" }),
  };

  it.each(Object.entries(TALK_SCREENS))("%s has 💬 Talk to a counsellor only when a service is connected", (name, snapshot) => {
    expect(screenOf(snapshot, undefined).id).toBe(name);
    expect(types(screenOf(snapshot, undefined))).not.toContain("TALK");
    const screen = screenOf(snapshot, open);
    expect(screen.buttons.flat().filter((b) => b.event.type === "TALK").map((b) => b.label.key)).toEqual(["btn-talk"]);
    // Never the first thing on a crisis screen: the way back and the danger screen stay where they were.
    if (name === "crisis" || name === "danger") expect(screen.buttons[0]![0]!.event.type).toBe("RESUME");
    for (const locale of LOCALES) expectClean(screenOf(withLocale(snapshot, locale), open), locale);
  });

  it("other screens have no Talk button", () => {
    for (const snapshot of [at(), at({ type: "HELPLINES" }), at({ type: "BEGIN" }), at({ type: "PRIVACY" }), at({ type: "MENU" }), at({ type: "LOG" })]) {
      expect(types(screenOf(snapshot, open))).not.toContain("TALK");
    }
  });

  it("help and privacy say what /talk is when a service is connected", () => {
    expect(keys(screenOf(at({ type: "HELP" }), open))).toContain("help-talk");
    expect(keys(screenOf(at({ type: "HELP" }), undefined))).not.toContain("help-talk");
    expect(keys(screenOf(at({ type: "PRIVACY" }), open))).toContain("privacy-talk");
    expect(render(screenOf(at({ type: "PRIVACY" }), open)).text).toMatch(/never who you are/);
  });

  it("while a case is open every screen ends with ⏹ End conversation, and Talk leads back to it", () => {
    const snapshots = [
      inCase({ type: "BACK" }),
      inCase({ type: "MENU" }),
      inCase({ type: "HELPLINES" }),
      inCase({ type: "CRISIS" }),
      inCase({ type: "DANGER" }),
      inCase({ type: "HELP" }),
      inCase({ type: "LOG" }),
      inCase({ type: "PRIVACY" }),
      inCase({ type: "MENU" }, { type: "GOTO", value: "support" }),
      inCase({ type: "BACK" }, { type: "BEGIN" }),
    ];
    for (const snapshot of snapshots) {
      expect(snapshot.context.caseCode).toBe(CODE);
      for (const counsel of [open, undefined]) {
        const screen = screenOf(snapshot, counsel);
        expect(screen.buttons.at(-1)!.map((b) => b.event), screen.id).toEqual([{ type: "END_TALK" }]);
        expect(types(screen).filter((t) => t === "END_TALK"), screen.id).toHaveLength(1);
      }
    }
    const crisis = screenOf(inCase({ type: "CRISIS" }), open);
    expect(crisis.buttons.flat().find((b) => b.event.type === "TALK")?.label.key).toBe("btn-talk-return");
    for (const locale of LOCALES) expectClean(screenOf(withLocale(inCase({ type: "CRISIS" }), locale), open), locale);
  });

  it("no end row without a case", () => {
    expect(types(screenOf(at({ type: "MENU" }), open))).not.toContain("END_TALK");
  });
});

describe("the open and ended conversation", () => {
  it("open: connected, what goes where, how to end; End, Helplines, back to where she was", () => {
    const screen = screenOf(inCase(), open);
    expect(screen.id).toBe("talk.open");
    expect(screen.buttons.map((row) => row.map((b) => b.label.key))).toEqual([["btn-end-talk"], ["btn-helplines"], ["talk-back-to-where"]]);
    const text = render(screen).text;
    expect(text).toMatch(/connected to Meri Trustline/);
    expect(text).toMatch(/\/end/);
    expect(keys(screen)).toContain("talk-open-wait");
    expect(keys(screenOf(inCase(), closed))).toContain("talk-open-closed");
    expect(keys(screenOf(inCase(), { ...closed, hours: undefined }))).toContain("talk-open-closed-no-hours");
    for (const locale of LOCALES) for (const counsel of [open, closed, undefined]) expectClean(screenOf(withLocale(inCase(), locale), counsel), locale);
  });

  it("/talk again while the case is open shows it, not the consent", () => {
    expect(screenOf(inCase({ type: "BACK" }, { type: "TALK" }), open).id).toBe("talk.open");
  });

  it("ended: said plainly, the way to reach her erased, Helplines and Back", () => {
    for (const ending of [{ type: "END_TALK" }, { type: "CASE_ENDED" }] as const) {
      const snapshot = inCase({ type: "MENU" }, ending);
      expect(snapshot.context.caseCode).toBeUndefined();
      const screen = screenOf(snapshot, open);
      expect(screen.id).toBe("talk.ended");
      expect(types(screen)).toEqual(["HELPLINES", "BACK"]);
      expect(render(screen).text).toMatch(/has ended.*erased/s);
      for (const locale of LOCALES) expectClean(screenOf(withLocale(snapshot, locale), open), locale);
    }
  });
});

describe("notices the desk sends", () => {
  const kinds: CaseNoticeKind[] = ["off-hours", "no-answer", "unavailable"];

  it.each(LOCALES)("every kind renders in %s with the crisis lines", (locale) => {
    for (const kind of kinds) {
      for (const counsel of [closed, { ...closed, hours: undefined, waitMinutes: undefined }, undefined]) {
        const screen = caseNotice(deps.content, withLocale(inCase(), locale).context, kind, counsel);
        expect(screen.id).toBe(`talk.${kind}`);
        const rendered = expectClean(screen, locale);
        expect(rendered.text).toContain("112");
        expect(rendered.text).toContain("14416");
      }
    }
  });

  it("off-hours gives the hours; no-answer the minutes waited; unavailable asks to try again", () => {
    const c = inCase().context;
    expect(render(caseNotice(deps.content, c, "off-hours", closed)).text).toMatch(/Meri Trustline is closed right now\. Their hours: Mon-Sat 09:00-18:00 \(India Standard Time\)\. Your message is kept for them/);
    expect(render(caseNotice(deps.content, c, "no-answer", closed)).text).toMatch(/No one from Meri Trustline has answered in 10 minutes\./);
    expect(render(caseNotice(deps.content, c, "no-answer", { ...closed, waitMinutes: 1 })).text).toMatch(/answered in a minute\./);
    // A trial run's wait of 3 seconds is not "0.05 minutes".
    expect(render(caseNotice(deps.content, c, "no-answer", { ...closed, waitMinutes: 0.05 })).text).toMatch(/^No one from Meri Trustline has answered yet\./);
    expect(render(caseNotice(deps.content, { ...c, locale: "hi" }, "no-answer", { ...closed, waitMinutes: 1 }), "hi").text).toMatch(/^1 मिनट में/);
    expect(render(caseNotice(deps.content, { ...c, caseCode: undefined }, "unavailable", open)).text).toMatch(/couldn't connect you.*nothing you did.*\/talk/s);
  });

  it("buttons: Helplines always; ⏹ End while the case is open", () => {
    const c = inCase().context;
    expect(types(caseNotice(deps.content, c, "no-answer", open))).toEqual(["HELPLINES", "END_TALK"]);
    expect(types(caseNotice(deps.content, { ...c, caseCode: undefined }, "unavailable", open))).toEqual(["HELPLINES"]);
  });
});

describe("lines for the counsellors' group", () => {
  const english = deps.translate("en");
  const kinds: GroupTextKind[] = [
    "opened",
    "crisis",
    "not-passed",
    "summary-none",
    "helplines-sent",
    "has-ended",
    "ended-her",
    "ended-counsellor",
    "ended-inactive",
    "ended-blocked",
    "ended-exit",
    "ended-forget",
    "ended-unavailable",
  ];

  it("every kind is short English, with nothing raw", () => {
    deps.texts.missing.clear();
    for (const kind of kinds) {
      const line = translateText(groupText(kind, { code: CODE, shared: "none" }), english);
      expect(line, kind).not.toMatch(RAW);
      expect(line.length, kind).toBeLessThan(kind === "opened" ? 320 : 140);
    }
    expect([...deps.texts.missing]).toEqual([]);
  });

  it("opened names the case code and whether she shared her situation", () => {
    const opened = (shared: "none" | "summary" | "log") => translateText(groupText("opened", { code: CODE, shared }), english);
    expect(opened("none")).toMatch(/^💬 New case K7F3QX\. They chose not to share their situation\./);
    expect(opened("summary")).toMatch(/They shared a summary of their situation, below\./);
    expect(opened("log")).toMatch(/summary of their situation and their evidence log/);
    expect(opened("none")).toMatch(/\/end/);
  });

  it("crisis is the line the issue gives", () => {
    expect(translateText(groupText("crisis"), english)).toBe("🆘 crisis words in the last message");
  });
});

describe("reply(): the service's hours by the turn's clock", () => {
  const settings: CounselSettings = {
    chatId: -1001234567890,
    org: "Meri Trustline",
    hours: parseOfficeHours("Mon-Sat 09:00-18:00"),
    hoursText: "Mon-Sat 09:00-18:00",
    timeZone: "Asia/Kolkata",
    waitMinutes: 10,
  };
  const withCounsel: ReplyDeps = { ...deps, counsel: settings, caseCode: () => CODE };
  const ev = (event: ConversationEvent, screen?: string): PersonInput => ({ kind: "event", event, locale: "en", ...(screen ? { screen } : {}) });
  const clock = (iso: string) => () => new Date(iso);

  function talk(d: ReplyDeps, now: string) {
    const first = reply(d, undefined, { kind: "start", locale: "en" }, { now: clock(now) });
    return reply(d, first.turn.stored, ev({ type: "TALK" }), { now: clock(now) });
  }

  it("Monday 10:00 in India: open; Sunday: closed, with the crisis lines", () => {
    const monday = talk(withCounsel, "2026-03-16T04:30:00Z");
    expect(monday.screen.id).toBe("talk.consent");
    expect(monday.screen.text).not.toMatch(/closed right now/);
    const sunday = talk(withCounsel, "2026-03-15T04:30:00Z");
    expect(sunday.screen.text).toMatch(/closed right now/);
    expect(sunday.screen.text).toContain("14416");
  });

  it("consent opens a case only with a service connected; a forged share button without one opens nothing", () => {
    const consent = talk(withCounsel, "2026-03-16T04:30:00Z");
    const opened = reply(withCounsel, consent.turn.stored, ev({ type: "SHARE", value: "summary" }, "talk.consent"), { now: clock("2026-03-16T04:30:00Z") });
    expect(opened.turn.snapshot.context.caseCode).toBe(CODE);
    expect(opened.screen.id).toBe("talk.open");
    expect(opened.screen.buttons[0]!.map((b) => b.event)).toEqual([{ type: "END_TALK" }]);

    const off: ReplyDeps = { ...deps, caseCode: () => CODE };
    const offConsent = talk(off, "2026-03-16T04:30:00Z");
    expect(offConsent.screen.text).toMatch(/not connected/);
    const forged = reply(off, offConsent.turn.stored, ev({ type: "SHARE", value: "summary" }, "talk.consent"));
    expect(forged.turn.snapshot.context.caseCode).toBeUndefined();
    expect(forged.screen.id).toBe("talk.consent");
  });

  it("the support screen carries the Talk button only when a service is connected", () => {
    const at = (d: ReplyDeps) => {
      const first = reply(d, undefined, { kind: "start", locale: "en" });
      const menu = reply(d, first.turn.stored, ev({ type: "MENU" }));
      return reply(d, menu.turn.stored, ev({ type: "GOTO", value: "support" }, "menu")).screen;
    };
    expect(at(withCounsel).buttons.flat().map((b) => b.label)).toContain("💬 Talk to a counsellor");
    expect(at(deps).buttons.flat().map((b) => b.event.type)).not.toContain("TALK");
  });
});

describe("counselView and zone names", () => {
  it("24/7 shows no hours and is always open", () => {
    const view = counselView({ chatId: -1001, org: "X", hours: parseOfficeHours("24/7"), hoursText: "24/7", timeZone: "Asia/Kolkata", waitMinutes: 5 }, new Date("2026-03-15T20:00:00Z"));
    expect(view).toEqual({ org: "X", hours: undefined, timeZone: "Asia/Kolkata", openNow: true, waitMinutes: 5 });
    expect(counselView(undefined, new Date())).toBeUndefined();
  });

  it("names a zone as people say it, and falls back to its id", () => {
    expect(zoneName("Asia/Kolkata", "en")).toBe("India Standard Time");
    expect(zoneName("Europe/London", "en")).toBe("United Kingdom Time");
    expect(zoneName("UTC", "en")).toBe("UTC");
  });
});
