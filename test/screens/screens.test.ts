import { describe, expect, it } from "vitest";
import { getShortestPaths } from "xstate/graph";
import { CountryId, IncidentId, PlatformId } from "../../src/content/schema.js";
import { LOCALES, type ConversationEvent } from "../../src/conversation/machine.js";
import { positionOf } from "../../src/conversation/position.js";
import type { ConversationSnapshot } from "../../src/conversation/turn.js";
import { MAX_TEXT, renderScreen } from "../../src/screens/render.js";
import { screenFor } from "../../src/screens/screens.js";
import type { CounselView } from "../../src/screens/talk.js";
import { encodeButton, MAX_CALLBACK_BYTES } from "../../src/telegram/callback-data.js";
import { conversationDeps } from "../support/deps.js";
import { Walker } from "../support/walk.js";

const deps = conversationDeps();

const commands: ConversationEvent[] = [{ type: "HELPLINES" }, { type: "HELP" }, { type: "PRIVACY" }, { type: "LANGUAGE" }, { type: "FORGET" }, { type: "CRISIS" }, { type: "DANGER" }, { type: "TALK" }];

/**
 * Every screen a person can reach by tapping, for every incident, age and country: the state is
 * identified by where they are plus what picks their steps and routes.
 */
const paths = getShortestPaths(deps.machine, {
  input: { locale: "en" },
  events: (s: ConversationSnapshot) => [...screenFor(deps.content, s).buttons.flat().map((b) => b.event), ...commands],
  serializeState: (s) => `${positionOf(s)}|${s.context.role}|${s.context.incident}|${s.context.age}|${s.context.country}`,
});
const states = paths.map((p) => p.state);

/** Fluent syntax or a raw key leaking into what a person reads. */
const RAW = /[{}]|\$[a-z]|undefined|NaN|\[object|(^|\s)(btn|notice|route|line|law|evidence|incident|country|platform|reassure|menu|safety|crisis|welcome)-[a-z-]+(\s|$)/;

describe("every screen on every path", () => {
  it("covers every incident, age group and country", () => {
    expect(states.length).toBeGreaterThan(1000);
    for (const incident of IncidentId.options) expect(states.some((s) => s.context.incident === incident)).toBe(true);
    for (const country of CountryId.options) expect(states.some((s) => s.context.country === country)).toBe(true);
    for (const age of ["minor", "was-minor", "adult", "unsure", "unknown"]) expect(states.some((s) => s.context.age === age)).toBe(true);
    for (const role of ["self", "helper", "bystander"]) expect(states.some((s) => s.context.role === role)).toBe(true);
  });

  it.each(LOCALES)("renders in %s with no missing key, no raw Fluent and no undefined", (locale) => {
    deps.texts.missing.clear();
    const t = deps.translate(locale);
    const failures: string[] = [];
    for (const state of states) {
      const screen = renderScreen(screenFor(deps.content, state), t);
      const where = `${screen.id} ${state.context.role}/${state.context.incident}/${state.context.age}/${state.context.country}`;
      if (RAW.test(screen.text)) failures.push(`${where}: ${screen.text.match(RAW)?.[0]}`);
      if (screen.text.length > MAX_TEXT || screen.text.length === 0) failures.push(`${where}: length ${screen.text.length}`);
      for (const b of screen.buttons.flat()) {
        if (!b.label.trim() || RAW.test(b.label)) failures.push(`${where}: button "${b.label}"`);
        if (Buffer.byteLength(encodeButton(screen.id, b.event)) > MAX_CALLBACK_BYTES) failures.push(`${where}: callback too long`);
      }
      if (screen.buttons.flat().length === 0) failures.push(`${where}: no way on`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...deps.texts.missing]).toEqual([]);
  });

  /** A counselling service connected (open now, no case), and closed with a case open: what changes is buttons and a few parts. */
  const counselled: { counsel: CounselView; caseCode: string | undefined }[] = [
    { counsel: { org: "Meri Trustline", hours: "Mon-Sat 09:00-18:00", timeZone: "Asia/Kolkata", openNow: true, waitMinutes: 10 }, caseCode: undefined },
    { counsel: { org: "the counselling team", hours: undefined, timeZone: "Asia/Kolkata", openNow: false }, caseCode: "K7F3QX" },
  ];
  const TALK_ON = new Set(["support", "closing", "help", "crisis", "danger"]);

  it.each(LOCALES)("with a counselling service connected, and with a case open, renders in %s as cleanly", (locale) => {
    deps.texts.missing.clear();
    const t = deps.translate(locale);
    const failures: string[] = [];
    for (const state of states) {
      for (const { counsel, caseCode } of counselled) {
        const view = { value: state.value, context: { ...state.context, caseCode } };
        const screen = screenFor(deps.content, view, { counsel });
        const rendered = renderScreen(screen, t);
        const where = `${screen.id} ${state.context.role}/${state.context.incident}/${state.context.age}/${state.context.country} case=${caseCode ?? "-"}`;
        if (RAW.test(rendered.text)) failures.push(`${where}: ${rendered.text.match(RAW)?.[0]}`);
        if (rendered.text.length > MAX_TEXT || rendered.text.length === 0) failures.push(`${where}: length ${rendered.text.length}`);
        for (const b of rendered.buttons.flat()) {
          if (!b.label.trim() || RAW.test(b.label)) failures.push(`${where}: button "${b.label}"`);
          if (Buffer.byteLength(encodeButton(screen.id, b.event)) > MAX_CALLBACK_BYTES) failures.push(`${where}: callback too long`);
        }
        const types = screen.buttons.flat().map((b) => b.event.type);
        if (types.includes("TALK") !== TALK_ON.has(screen.id)) failures.push(`${where}: Talk button ${types.includes("TALK") ? "where it doesn't belong" : "missing"}`);
        if (caseCode && screen.id !== "talk.open" && screen.buttons.at(-1)?.[0]?.event.type !== "END_TALK") failures.push(`${where}: no End row last`);
        if (types.filter((type) => type === "END_TALK").length !== (caseCode ? 1 : 0)) failures.push(`${where}: ${types.filter((type) => type === "END_TALK").length} End buttons`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...deps.texts.missing]).toEqual([]);
  });

  it("reaches the talk screens: consent from everywhere", () => {
    expect(states.some((s) => positionOf(s) === "talk.consent")).toBe(true);
  });

  it("Hindi screens are written in Devanagari", () => {
    const t = deps.translate("hi");
    for (const state of states.slice(0, 200)) {
      expect(renderScreen(screenFor(deps.content, state), t).text).toMatch(/[\u0900-\u097F]/);
    }
  });

  it("every screen offers a way to help: a helplines or crisis button, or Back to one", () => {
    for (const state of states) {
      const events = screenFor(deps.content, state).buttons.flat().map((b) => b.event.type);
      expect(events.some((e) => ["HELPLINES", "BACK", "RESUME", "RESTART", "CONFIRM_FORGET"].includes(e)), positionOf(state)).toBe(true);
    }
  });
});

describe("takedown screens for every platform", () => {
  it.each(PlatformId.options)("a person on %s gets its routes, in both languages", (platform) => {
    for (const age of ["adult", "minor"] as const) {
      const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-shared", "shared").tap("threat-no");
      w.tap(age === "minor" ? "age-minor" : "age-adult").send({ type: "TOGGLE", value: platform }).tap("btn-done-choosing");
      w.send({ type: "MENU" }).send({ type: "GOTO", value: "takedown" });
      let guard = 0;
      while (w.at.startsWith("takedown") && guard++ < 20) {
        for (const locale of LOCALES) {
          const text = renderScreen(w.screen, deps.translate(locale)).text;
          expect(text).not.toMatch(RAW);
        }
        w.tap("btn-next");
      }
      expect(w.at).toBe("reporting.overview");
    }
  });
});

describe("the crisis screen", () => {
  it.each(CountryId.options)("for %s shows an emergency or crisis line and the way back", (country) => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-other", "other").tap("threat-no").tap("age-adult");
    w.tap("btn-done-choosing").tap(`country-${country}`).send({ type: "CRISIS" });
    const screen = renderScreen(w.screen, deps.translate("en"));
    expect(screen.text).toMatch(/\d{3}|https:\/\//);
    expect(screen.buttons.flat().map((b) => b.event.type)).toContain("RESUME");
  });

  it("in India shows 112 and Tele-MANAS 14416", () => {
    const w = new Walker().send({ type: "CRISIS" });
    for (const locale of LOCALES) {
      const text = renderScreen(w.screen, deps.translate(locale)).text;
      expect(text).toContain("112");
      expect(text).toContain("14416");
    }
  });

  it("India's /helplines lists 1930 and cybercrime.gov.in", () => {
    const text = renderScreen(new Walker().send({ type: "HELPLINES" }).screen, deps.translate("en")).text;
    expect(text).toContain("1930");
    expect(text).toContain("cybercrime.gov.in");
  });
});
