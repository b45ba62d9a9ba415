import { describe, expect, it } from "vitest";
import { CASE_CODE } from "../../src/conversation/machine.js";
import { runTurn, type PersonInput, type Turn } from "../../src/conversation/turn.js";
import { conversationDeps } from "../support/deps.js";

const { machine } = conversationDeps();
const en = "en" as const;
const CODE = "K7F3QX";
const options = { caseCode: () => CODE };

const ev = (type: string, extra: Record<string, string> = {}, screen?: string): PersonInput =>
  ({ kind: "event", event: { type, ...extra }, locale: en, ...(screen ? { screen } : {}) }) as PersonInput;
const say = (text: string): PersonInput => ({ kind: "text", crisis: undefined, locale: en, text, at: "2026-12-01T10:00:00.000Z" });

/** Runs the inputs in order, each on the stored result of the one before; returns every turn. */
function walk(...inputs: PersonInput[]): Turn[] {
  let stored: unknown;
  const turns: Turn[] = [];
  for (const input of inputs) {
    const turn = runTurn(machine, stored, input, options);
    turns.push(turn);
    stored = turn.stored;
  }
  return turns;
}
const last = (turns: Turn[]) => turns[turns.length - 1]!;
const inCase = [{ kind: "start", locale: en } as PersonInput, ev("TALK"), ev("SHARE", { value: "summary" })];

describe("talking to a counsellor: the conversation side", () => {
  it("/talk opens the consent screen; nothing is opened until she chooses", () => {
    const turn = last(walk({ kind: "start", locale: en }, ev("TALK")));
    expect(turn.snapshot.matches({ talk: "consent" })).toBe(true);
    expect(turn.talk).toBeUndefined();
    expect(turn.snapshot.context.caseCode).toBeUndefined();
  });

  it.each(["none", "summary", "log"])("consenting and sharing '%s' opens a case with a fresh code and says what to share", (share) => {
    const turn = last(walk({ kind: "start", locale: en }, ev("TALK"), ev("SHARE", { value: share })));
    expect(turn.snapshot.matches({ talk: "open" })).toBe(true);
    expect(turn.snapshot.context.caseCode).toBe(CODE);
    expect(turn.talk).toEqual({ kind: "open", code: CODE, share });
  });

  it("a forged share choice opens nothing", () => {
    const turn = last(walk({ kind: "start", locale: en }, ev("TALK"), ev("SHARE", { value: "everything" })));
    expect(turn.snapshot.matches({ talk: "consent" })).toBe(true);
    expect(turn.talk).toBeUndefined();
  });

  it("a SHARE without a code from the turn (a button can't carry one) opens nothing", () => {
    let stored: unknown;
    for (const input of [{ kind: "start", locale: en } as PersonInput, ev("TALK"), ev("SHARE", { value: "none" })]) stored = runTurn(machine, stored, input).stored;
    const turn = runTurn(machine, stored, say("hello"));
    expect(turn.snapshot.context.caseCode).toBeUndefined();
  });

  it("while the case is open, what she types goes to the counsellor and the screen stays", () => {
    const turns = walk(...inCase, say("he has my photos and I am scared"));
    const turn = last(turns);
    expect(turn.talk).toEqual({ kind: "relay", code: CODE, crisis: false });
    expect(turn.notice).toBeUndefined();
    expect(turn.snapshot.value).toEqual(turns[turns.length - 2]!.snapshot.value);
  });

  it("she can look at the helplines mid-case; her words still go to the counsellor", () => {
    const turn = last(walk(...inCase, ev("HELPLINES"), say("which number should I call?")));
    expect(turn.snapshot.matches("helplines")).toBe(true);
    expect(turn.talk).toEqual({ kind: "relay", code: CODE, crisis: false });
  });

  it("a crisis message in a case shows the crisis screen and is passed on flagged", () => {
    let stored: unknown;
    for (const input of inCase) stored = runTurn(machine, stored, input, options).stored;
    const turn = runTurn(machine, stored, { kind: "text", crisis: { kind: "self", group: "intent" }, locale: en }, options);
    expect(turn.snapshot.matches("crisis")).toBe(true);
    expect(turn.talk).toEqual({ kind: "relay", code: CODE, crisis: true });
    expect(turn.snapshot.context.caseCode).toBe(CODE);
  });

  it("at her log, a link she was asked for goes into the log, not to the counsellor", () => {
    const turn = last(walk(...inCase, ev("ADD", { value: "link" }), say("https://instagram.com/p/abc")));
    expect(turn.talk).toBeUndefined();
    expect(turn.snapshot.context.evidence).toHaveLength(1);
  });

  it("a command she types is never passed on", () => {
    expect(last(walk(...inCase, say("/whatever"))).talk).toBeUndefined();
  });

  it("photos and stickers in a case get one line: not passed on", () => {
    const file = last(walk(...inCase, { kind: "file", locale: en, at: "2026-12-01T10:00:00.000Z", fingerprint: undefined, refused: "unavailable" }));
    expect(file.notice).toBe("talk-not-passed");
    expect(file.talk).toEqual({ kind: "not-passed", code: CODE });
    expect(file.snapshot.context.pending).toEqual([]);
    expect(last(walk(...inCase, { kind: "unsupported", locale: en })).notice).toBe("talk-not-passed");
  });

  it("⏹ End conversation (or /end) from any screen ends the case", () => {
    const turn = last(walk(...inCase, ev("MENU"), ev("END_TALK")));
    expect(turn.snapshot.matches({ talk: "ended" })).toBe(true);
    expect(turn.snapshot.context.caseCode).toBeUndefined();
    expect(turn.talk).toEqual({ kind: "end", code: CODE, by: "her" });
  });

  it("/end with no case open does nothing", () => {
    const turn = last(walk({ kind: "start", locale: en }, ev("END_TALK")));
    expect(turn.snapshot.matches({ flow: "welcome" })).toBe(true);
    expect(turn.talk).toBeUndefined();
  });

  it("when the counsellor ends it, she sees it has ended, and no second 'end' is asked of the transport", () => {
    const turn = last(walk(...inCase, ev("CASE_ENDED")));
    expect(turn.snapshot.matches({ talk: "ended" })).toBe(true);
    expect(turn.talk).toBeUndefined();
    expect(last(walk(...inCase, ev("CASE_ENDED"), say("hello?"))).talk).toBeUndefined();
  });

  it("/forget in a case ends the case too", () => {
    const turn = last(walk(...inCase, ev("FORGET"), ev("CONFIRM_FORGET", {}, "forgetConfirm")));
    expect(turn.forget).toBe(true);
    expect(turn.talk).toEqual({ kind: "end", code: CODE, by: "forget" });
  });

  it("/restart keeps the case open: she is still talking to someone", () => {
    const turn = last(walk(...inCase, ev("RESTART"), ev("TALK")));
    expect(turn.snapshot.context.caseCode).toBe(CODE);
    expect(turn.snapshot.matches({ talk: "open" })).toBe(true);
  });

  it("Back from the case screen returns her to where she was", () => {
    const turn = last(walk({ kind: "start", locale: en }, ev("BEGIN"), ev("TALK"), ev("SHARE", { value: "none" }), ev("BACK")));
    expect(turn.snapshot.matches({ flow: "safety" })).toBe(true);
    expect(turn.snapshot.context.caseCode).toBe(CODE);
  });

  it("a stored session with an open case restores it; a malformed code does not restore", () => {
    const stored = JSON.parse(JSON.stringify(last(walk(...inCase)).stored)) as { snapshot: { context: Record<string, unknown> } };
    expect(runTurn(machine, stored, say("still there?")).talk).toEqual({ kind: "relay", code: CODE, crisis: false });
    stored.snapshot.context.caseCode = "123";
    expect(runTurn(machine, stored, { kind: "start", locale: en }).notice).toBe("lost-session");
  });

  it("case codes the turn is given must look like codes", () => {
    expect(CASE_CODE.test(CODE)).toBe(true);
    expect(CASE_CODE.test("K7F3QO")).toBe(false);
  });
});
