import { describe, expect, it } from "vitest";
import { getShortestPaths } from "xstate/graph";
import type { ConversationEvent } from "../../src/conversation/machine.js";
import { leafStates, positionOf, statePath } from "../../src/conversation/position.js";
import { evidenceSteps } from "../../src/conversation/steps.js";
import type { ConversationSnapshot } from "../../src/conversation/turn.js";
import { screenFor } from "../../src/screens/screens.js";
import { conversationDeps } from "../support/deps.js";
import { Walker } from "../support/walk.js";

const deps = conversationDeps();

const at = "2026-03-14T15:30:00.000Z";

/** What a person can do on a screen: tap any of its buttons, send any command, or type evidence or a link. */
function personEvents(snapshot: ConversationSnapshot): ConversationEvent[] {
  const buttons = screenFor(deps.content, snapshot).buttons.flat().map((b) => b.event);
  const commands: ConversationEvent[] = [
    { type: "HELP" },
    { type: "HELPLINES" },
    { type: "LANGUAGE" },
    { type: "PRIVACY" },
    { type: "RESTART" },
    { type: "FORGET" },
    { type: "CRISIS" },
    { type: "DANGER" },
    { type: "LOG" },
    { type: "REPORT" },
    { type: "SUMMARY" },
    { type: "LETTERS" },
    // A complaint to a platform her log may not name yet (a button for it appears once it does).
    { type: "LETTER", value: "instagram" },
    { type: "STILL_UP", value: "instagram" },
    { type: "MONEY" },
    // /talk, consent as the turn completes it (with a fresh code), /end and the counsellor's end.
    { type: "TALK" },
    { type: "SHARE", value: "summary", code: "K7F3QX" },
    { type: "END_TALK" },
    { type: "CASE_ENDED" },
    { type: "ADD_ITEM", item: { kind: "money", at, amount: "5000", upi: "threat@okaxis" } },
    // What the turn sends once typed text or a file has passed validation.
    { type: "ADD_ITEM", item: { kind: "note", at, text: "he sent the first threat" } },
    { type: "OFFER", item: { kind: "link", at, url: "https://instagram.com/p/abc" } },
  ];
  return [...buttons, ...commands];
}

const paths = getShortestPaths(deps.machine, {
  input: { locale: "en" },
  events: personEvents,
  // An empty log and a log with items show different screens (only the latter can remove).
  // Offer screens are numbered by a counter that only grows: one offer screen is enough to explore.
  serializeState: (s) => `${positionOf(s).replace(/^offer#\d+$/, "offer")}|${s.context.evidence.length > 0}`,
});

describe("the conversation machine", () => {
  it("reaches every state by tapping buttons and sending commands", () => {
    const reached = new Set(paths.map((p) => statePath(p.state.value)));
    const all = [...leafStates(deps.machine)];
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((s) => !reached.has(s))).toEqual([]);
  });

  it.each(paths.map((p) => [positionOf(p.state), p.state] as const))("from %s, help is one step away and leads back", (_, state) => {
    const walker = new Walker();
    walker.snapshot = state;
    walker.send({ type: "HELPLINES" });
    expect(statePath(walker.snapshot.value)).toBe("helplines");
    walker.send({ type: "BACK" });
    // Back from help returns to the flow state they were in (overlays return to the flow).
    if (statePath(state.value).startsWith("flow.")) expect(positionOf(walker.snapshot)).toBe(positionOf(state));
  });

  it.each(paths.map((p) => [positionOf(p.state), p.state] as const))("from %s, both crisis screens open and 'I'm safe now' leads back", (_, state) => {
    for (const [event, screen] of [["CRISIS", "crisis"], ["DANGER", "danger"]] as const) {
      const walker = new Walker();
      walker.snapshot = state;
      walker.send({ type: event });
      expect(statePath(walker.snapshot.value)).toBe(screen);
      walker.tap("crisis-resume");
      if (statePath(state.value).startsWith("flow.")) expect(positionOf(walker.snapshot)).toBe(positionOf(state));
      else expect(statePath(walker.snapshot.value)).toMatch(/^flow\./);
    }
  });

  it("a person who taps Skip on every step still reaches the helplines and the closing screen", () => {
    const w = new Walker().tap("welcome-begin");
    for (let i = 0; i < 40 && w.at !== "closing"; i++) {
      const skip = w.screen.buttons.flat().find((b) => b.label.key === "btn-skip");
      w.send(skip ? skip.event : { type: "NEXT" });
    }
    expect(w.at).toBe("closing");
    w.tap("btn-helplines");
    expect(w.at).toBe("helplines");
  });

  it("a person who is not safe gets the danger screen (112 first), then continues where they were", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-no");
    expect(w.at).toBe("danger");
    w.tap("crisis-resume");
    expect(w.at).toBe("incident");
  });

  it("a person thinking of hurting herself gets the crisis screen, then continues where she was", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-hurt");
    expect(w.at).toBe("crisis");
    w.tap("crisis-resume");
    expect(w.at).toBe("incident");
  });

  it("a crisis in the middle of the evidence steps returns to the same step", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-sextortion", "sextortion").tap("age-adult");
    w.tap("btn-done-choosing").tap("country-in").tap("btn-continue").tap("btn-done").tap("btn-done");
    expect(w.at).toBe("evidence.step#2");
    w.send({ type: "CRISIS" });
    expect(w.at).toBe("crisis");
    w.tap("crisis-resume");
    expect(w.at).toBe("evidence.step#2");
  });

  it("an under-18 is never shown a step that keeps or screenshots the image", () => {
    for (const incident of ["shared", "sextortion", "hidden-camera", "morphed", "stalking", "other"] as const) {
      const w = new Walker().tap("welcome-begin").tap("safety-yes").tap(`incident-${incident}`, incident);
      if (incident !== "sextortion") w.tap("threat-no");
      w.tap("age-minor").tap("btn-done-choosing").tap("country-in");
      if (w.at === "woman") w.tap("woman-unsaid");
      w.tap("btn-continue");
      const steps = evidenceSteps(deps.content, w.snapshot.context);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.filter((s) => s.capturesImage)).toEqual([]);
      const routes = [];
      for (let i = 0; i < steps.length; i++) w.tap("btn-skip");
      w.tap("next-takedown");
      while (w.at.startsWith("takedown")) {
        routes.push(w.snapshot.context.route);
        w.tap("btn-next");
      }
      expect(routes.length).toBeGreaterThan(0);
    }
  });

  it("under-18s are sent to Take It Down and adults to StopNCII", () => {
    const routesFor = (age: "minor" | "adult") => {
      const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-shared", "shared").tap("threat-no").tap(`age-${age}`);
      w.tap("btn-done-choosing").tap("country-in").tap("woman-yes").tap("btn-continue").send({ type: "MENU" }).send({ type: "GOTO", value: "takedown" });
      const ids: string[] = [];
      while (w.at.startsWith("takedown")) {
        ids.push(screenFor(deps.content, w.snapshot).parts.map((p) => JSON.stringify(p)).join());
        w.tap("btn-next");
      }
      return ids.join();
    };
    expect(routesFor("minor")).toContain("route-take-it-down");
    expect(routesFor("minor")).not.toContain("route-stopncii");
    expect(routesFor("adult")).toContain("route-stopncii");
  });

  it("Back on the first evidence step returns to the reassurance; after the last step she chooses takedown or reporting first", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-stalking", "stalking").tap("threat-no").tap("age-adult");
    w.tap("btn-done-choosing").tap("country-in").tap("woman-yes").tap("btn-continue");
    expect(w.at).toBe("evidence.step#0");
    w.tap("btn-back");
    expect(w.at).toBe("reassurance");
    w.tap("btn-continue");
    const total = evidenceSteps(deps.content, w.snapshot.context).length;
    for (let i = 0; i < total; i++) w.tap("btn-skip");
    expect(w.at).toBe("next");
    w.tap("btn-back");
    expect(w.at).toBe(`evidence.step#${total - 1}`);
    w.tap("btn-skip");
    // Reporting first (someone going to the police keeps the post up until she has reported), then takedown.
    w.tap("next-reporting");
    expect(w.at).toBe("reporting.overview");
    w.tap("btn-next");
    expect(w.at).toBe("takedown#0");
    while (w.at.startsWith("takedown")) w.tap("btn-next");
    expect(w.at).toBe("support");
  });

  it("takedown first, then reporting, then support: the other order works too", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-sextortion", "sextortion").tap("age-adult");
    w.tap("btn-done-choosing").tap("country-in").tap("btn-continue");
    while (w.at.startsWith("evidence")) w.tap("btn-skip");
    w.tap("next-takedown");
    while (w.at.startsWith("takedown")) w.tap("btn-next");
    expect(w.at).toBe("reporting.overview");
    w.tap("btn-next");
    expect(w.at).toBe("support");
  });

  it("choosing platforms toggles them on and off", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-shared", "shared").tap("threat-no").tap("age-adult");
    w.send({ type: "TOGGLE", value: "instagram" }).send({ type: "TOGGLE", value: "x" }).send({ type: "TOGGLE", value: "instagram" });
    expect(w.snapshot.context.platforms).toEqual(["x"]);
  });

  it("ignores values that are not in the lists (a forged button cannot set them)", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes");
    w.send({ type: "CHOOSE", value: "__proto__" });
    expect(w.at).toBe("incident");
    expect(w.snapshot.context.incident).toBeUndefined();
  });

  it("language can be changed from anywhere and the person stays where they were", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes");
    w.send({ type: "LANGUAGE" }).tap("language-hi");
    expect(w.snapshot.context.locale).toBe("hi");
    expect(w.at).toBe("incident");
  });

  it("/restart starts over but keeps the language", () => {
    const w = new Walker("hi").tap("welcome-begin").tap("safety-yes").tap("incident-morphed", "morphed");
    w.send({ type: "RESTART" });
    expect(w.at).toBe("welcome");
    expect(w.snapshot.context.incident).toBeUndefined();
    expect(w.snapshot.context.locale).toBe("hi");
  });

  it("/forget asks first; No keeps everything, Yes ends in forgotten", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes");
    w.send({ type: "FORGET" });
    expect(w.at).toBe("forgetConfirm");
    w.tap("forget-no");
    expect(w.at).toBe("incident");
    w.send({ type: "FORGET" }).tap("forget-yes");
    expect(w.at).toBe("forgotten");
  });
});

describe("which laws a person is shown", () => {
  it("the child-protection section (IT Act 67B) is shown to under-18s only", () => {
    const lawsFor = (age: "age-minor" | "age-adult") => {
      const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-sextortion", "sextortion").tap(age);
      w.tap("btn-done-choosing").tap("country-in").send({ type: "MENU" }).send({ type: "GOTO", value: "reporting" }).send({ type: "LAWS" });
      return JSON.stringify(w.screen.parts);
    };
    expect(lawsFor("age-minor")).toContain("law-it-67b");
    expect(lawsFor("age-adult")).not.toContain("law-it-67b");
    expect(lawsFor("age-adult")).toContain("law-bns-308");
  });
});
