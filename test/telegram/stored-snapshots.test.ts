import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { sessionKey } from "../../src/privacy/pseudonym.js";
import { openBackend, type BackendName, type OpenBackend } from "../support/stores.js";
import { prepareBot, tap, updates, type Person, type TestBot } from "../support/telegram.js";

/**
 * What a person meets when what we kept for them can't be used as it is: a value damaged in the
 * store, a snapshot from an older flow, a record of another shape. Always a calm "let's pick up
 * from here" with the menu, never an error, and the next tap works. And a snapshot kept as a
 * fixture from this version must keep restoring to the same place (a library upgrade once
 * changed the snapshot shape).
 */

const SECRET = "snapshot-secret-snapshot-secret-snapshot-1";
const ERRORISH = /\berror\b|exception|\bundefined\b|\bnull\b|didn't work on my side/i;
const fixture = JSON.parse(readFileSync(new URL("../fixtures/snapshots/v1-sextortion-evidence-step-2.json", import.meta.url), "utf8")) as unknown;

let nextId = 8_800_000;
const person = (): Person => ({ id: ++nextId, first_name: "Noor", language_code: "en" });

describe.each(["redis", "upstash"] as BackendName[])("kept sessions that can't be used as they are (%s store)", (name) => {
  let backend: OpenBackend;
  let t: TestBot;
  let vault: ChatVault;

  beforeAll(async () => {
    backend = await openBackend(name, "snapshots");
    t = prepareBot({ store: backend.store, secret: SECRET });
    vault = new ChatVault(backend.store, SECRET, 3600);
  });
  afterAll(() => backend.close());

  /** Plants `what` for a new person, then that person taps a button of a message from before. */
  async function tapAfter(plant: (p: Person) => Promise<void>): Promise<Person> {
    const p = person();
    await t.send(updates.command(p, "start"));
    await tap(t, p, "Let's begin");
    await plant(p);
    await tap(t, p, "Yes, I'm safe");
    return p;
  }

  async function expectCalmMenuThenOn(p: Person): Promise<void> {
    const screen = t.screen();
    expect(screen.text).toContain("I couldn't pick up where we were");
    expect(screen.text).toContain("Where would you like to go?");
    expect(screen.text).not.toMatch(ERRORISH);
    // The damaged value was replaced with a good one: the next tap is an ordinary step on.
    await tap(t, p, "What happened");
    expect(t.screen().text).toContain("What happened? Choose what fits best.");
    expect(t.screen().text).not.toContain("pick up");
    expect((await vault.load(p.id)).version).toBeGreaterThan(0);
  }

  it.each([
    ["bytes that are not ours at all", "\u0000\u00ff not a session"],
    ["a damaged ciphertext", "7:v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a ciphertext sealed for another key", null],
  ])("%s in the store: a calm 'pick up from here' and the menu", async (_, raw) => {
    const other = person();
    const p = await tapAfter(async (p) => {
      if (raw !== null) return backend.plant(await sessionKey(SECRET, p.id), raw);
      // Another chat's (valid) value moved under this chat's key: the AAD check refuses it.
      await vault.save(other.id, { conversation: fixture }, 0);
      const otherKey = await sessionKey(SECRET, other.id);
      const moved = (await backend.dump()).find(([k]) => k === otherKey)![1];
      await backend.plant(await sessionKey(SECRET, p.id), moved);
    });
    await expectCalmMenuThenOn(p);
  });

  it.each([
    ["a snapshot from an older envelope version", { conversation: { v: 0, snapshot: { value: "welcome" } } }],
    ["a snapshot whose state no longer exists", { conversation: { ...(fixture as { conversation: object }).conversation, snapshot: { ...((fixture as { conversation: { snapshot: object } }).conversation.snapshot), value: { flow: "consent" } } } }],
    ["a record of another shape", { messages: [1, 2, 3] }],
    ["valid JSON that is not an object", "just a string"],
  ])("%s: a calm 'pick up from here' and the menu", async (_, data) => {
    const p = await tapAfter(async (p) => {
      const { version } = await vault.load(p.id);
      expect(await vault.save(p.id, data, version)).toBe(true);
    });
    await expectCalmMenuThenOn(p);
  });

  it("a snapshot kept from this version (evidence step 2 of 6) restores to the same step, and Done goes on to step 3", async () => {
    const p = person();
    expect(await vault.save(p.id, fixture, 0)).toBe(true);
    await t.send(updates.command(p, "start"));
    expect(t.screen().text).toContain("Welcome back");
    expect(t.screen().text).toContain("Step 2 of 6");
    await tap(t, p, "Done");
    expect(t.screen().text).toContain("Step 3 of 6");
    expect(t.screen().text).not.toMatch(ERRORISH);
  });
});
