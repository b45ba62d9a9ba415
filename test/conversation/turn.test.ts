import { describe, expect, it } from "vitest";
import { runTurn, SNAPSHOT_VERSION, type StoredConversation } from "../../src/conversation/turn.js";
import { conversationDeps } from "../support/deps.js";

const { machine } = conversationDeps();
const en = "en" as const;

function storedAt(...events: Parameters<typeof runTurn>[2][]): StoredConversation {
  let stored: unknown;
  for (const input of events) stored = runTurn(machine, stored, input).stored;
  return stored as StoredConversation;
}

describe("one turn of the conversation", () => {
  it("a new person starts at the welcome, with no notice", () => {
    const turn = runTurn(machine, undefined, { kind: "start", locale: "hi" });
    expect(turn.snapshot.value).toEqual({ flow: "welcome" });
    expect(turn.snapshot.context.locale).toBe("hi");
    expect(turn.notice).toBeUndefined();
  });

  it("what is stored is plain JSON with a version and survives a round trip", () => {
    const stored = storedAt({ kind: "start", locale: en }, { kind: "event", event: { type: "BEGIN" }, screen: "welcome", locale: en });
    expect(stored.v).toBe(SNAPSHOT_VERSION);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    const next = runTurn(machine, JSON.parse(JSON.stringify(stored)), { kind: "event", event: { type: "SAFE" }, screen: "safety", locale: en });
    expect(next.snapshot.value).toEqual({ flow: "incident" });
  });

  it.each([
    ["a corrupt value", { corrupt: true }],
    ["an older snapshot version", { v: 0, snapshot: {} }],
    ["a state that no longer exists", { v: SNAPSHOT_VERSION, snapshot: { status: "active", value: { flow: "renamed" }, context: { locale: "en", age: "unknown", platforms: [], country: "in", step: 0, route: 0, done: [], visited: [] } } }],
    ["a context with a wrong shape", { v: SNAPSHOT_VERSION, snapshot: { status: "active", value: { flow: "welcome" }, context: { locale: "xx" } } }],
    ["a finished snapshot", { v: SNAPSHOT_VERSION, snapshot: { status: "done", value: {}, context: {} } }],
  ])("%s becomes a calm 'let's pick up from here', never a crash", (_, stored) => {
    const turn = runTurn(machine, stored, { kind: "start", locale: en });
    expect(turn.notice).toBe("lost-session");
    expect(turn.snapshot.status).toBe("active");
  });

  it("a crisis in typed text opens the crisis screen and is flagged (without the text)", () => {
    const turn = runTurn(machine, undefined, { kind: "text", crisis: { kind: "self", group: "en" }, locale: en });
    expect(turn.crisis).toBe(true);
    expect(turn.snapshot.value).toBe("crisis");
    expect(JSON.stringify(turn.stored)).not.toContain("\"group\"");
  });

  it("a stale button does nothing but say so; a global one (helplines) still works", () => {
    const stored = storedAt({ kind: "start", locale: en }, { kind: "event", event: { type: "BEGIN" }, screen: "welcome", locale: en });
    const stale = runTurn(machine, stored, { kind: "event", event: { type: "BEGIN" }, screen: "welcome", locale: en });
    expect(stale.notice).toBe("stale-button");
    expect(stale.snapshot.value).toEqual({ flow: "safety" });
    const help = runTurn(machine, stored, { kind: "event", event: { type: "HELPLINES" }, screen: "welcome", locale: en });
    expect(help.snapshot.value).toBe("helplines");
  });

  it("confirming /forget asks the transport to erase and save nothing", () => {
    const stored = storedAt({ kind: "start", locale: en }, { kind: "event", event: { type: "FORGET" }, locale: en });
    const turn = runTurn(machine, stored, { kind: "event", event: { type: "CONFIRM_FORGET" }, screen: "forgetConfirm", locale: en });
    expect(turn.forget).toBe(true);
  });
});
