import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { decrypt, encrypt } from "../../src/privacy/cipher.js";
import { deriveChatKeys, legacyEncryptionKey, legacyRateKey, legacySessionKey } from "../../src/privacy/pseudonym.js";
import { formatVersioned, parseVersioned } from "../../src/store/versioned-value.js";
import { BACKENDS, openBackend, type OpenBackend } from "../support/stores.js";
import { prepareBot, tap, updates, type Person } from "../support/telegram.js";

/**
 * Storage keys moved from v1 (an HMAC of the chat id) to v2 (scrypt). A person whose session was
 * kept under v1 must find it, the v1 key must leave the database on their first visit back, and
 * /forget or /exit must take v1 and v2 keys alike.
 */

/** prepareBot's default secret. */
const SECRET = "test-secret-test-secret-test-secret-0001";
/** A record as this version keeps it: the evidence walk at step 2 of 6. */
const fixture = JSON.parse(readFileSync(new URL("../fixtures/snapshots/v1-sextortion-evidence-step-2.json", import.meta.url), "utf8")) as unknown;

let nextId = 7_700_000;
const person = (): Person => ({ id: ++nextId, first_name: "Ishita", language_code: "en" });

/** Writes a session exactly as the v1 code did: HMAC key, HKDF key, the key as associated data. */
async function plantV1(backend: OpenBackend, chatId: number, data: unknown, version = 3): Promise<void> {
  const key = legacySessionKey(SECRET, chatId);
  await backend.plant(key, formatVersioned(encrypt(legacyEncryptionKey(SECRET, chatId), JSON.stringify(data), key), version));
}

const opened: OpenBackend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

describe.each(BACKENDS)("v1 keys (%s store)", (name) => {
  async function open(): Promise<OpenBackend> {
    const backend = await openBackend(name, "keyMigration");
    opened.push(backend);
    return backend;
  }

  it("a session kept under a v1 key is read, moved under the v2 key, and gone from the v1 key", async () => {
    const backend = await open();
    const t = prepareBot({ store: backend.store });
    const p = person();
    await plantV1(backend, p.id, fixture);
    await t.send(updates.command(p, "start"));
    expect(t.screen().text).toContain("Welcome back");
    expect(t.screen().text).toContain("Step 2 of 6");
    await tap(t, p, "Done");
    expect(t.screen().text).toContain("Step 3 of 6");

    const keys = await deriveChatKeys(SECRET, p.id);
    const stored = await backend.dump();
    expect(stored.map(([k]) => k).sort()).toEqual([keys.rate, keys.session].sort());
    const { value } = parseVersioned(stored.find(([k]) => k === keys.session)![1]);
    expect(decrypt(keys.aesKey, value, keys.session)).toContain("\"locale\"");
  });

  it("/forget after the move leaves no key at all, v1 flood counter included", async () => {
    const backend = await open();
    const t = prepareBot({ store: backend.store });
    const p = person();
    await plantV1(backend, p.id, fixture);
    await backend.plant(legacyRateKey(SECRET, p.id), "2");
    await t.send(updates.command(p, "start"));
    await t.send(updates.command(p, "forget"));
    await tap(t, p, "Yes, erase everything");
    expect(await backend.dump()).toEqual([]);
  });

  it("erasing (as /exit does) takes v1 and v2 keys alike, even when nothing was moved yet", async () => {
    const backend = await open();
    const vault = new ChatVault(backend.store, SECRET, 3600);
    const p = person();
    await plantV1(backend, p.id, fixture);
    await backend.plant(legacyRateKey(SECRET, p.id), "2");
    expect(await vault.save(p.id, { other: true }, 0)).toBe(true);
    await vault.erase(p.id);
    expect(await backend.dump()).toEqual([]);
  });

  it("/exit after the move leaves no key at all", async () => {
    const backend = await open();
    const t = prepareBot({ store: backend.store });
    const p = person();
    await plantV1(backend, p.id, fixture);
    await t.send(updates.command(p, "start"));
    await t.send(updates.command(p, "exit"));
    expect(await backend.dump()).toEqual([]);
  });

  it("two instances opening the same v1 session at once: one v2 record, same content, v1 gone", async () => {
    const backend = await open();
    const p = person();
    await plantV1(backend, p.id, fixture);
    const [a, b] = [new ChatVault(backend.store, SECRET, 3600), new ChatVault(backend.store, SECRET, 3600)];
    const limits = { rateWindowMs: 10_000 };
    const [x, y] = await Promise.all([a.open(p.id, limits), b.open(p.id, limits)]);
    expect(x.loaded.data).toEqual(fixture);
    expect(y.loaded.data).toEqual(fixture);
    expect(x.loaded.version).toBe(1);
    expect(y.loaded.version).toBe(1);
    const keys = await deriveChatKeys(SECRET, p.id);
    expect((await backend.dump()).map(([k]) => k).sort()).toEqual([keys.rate, keys.session].sort());
  });

  it("a v1 value that can't be read is a lost session (the calm menu), and the v1 key goes", async () => {
    const backend = await open();
    const t = prepareBot({ store: backend.store });
    const p = person();
    await backend.plant(legacySessionKey(SECRET, p.id), "4:v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await t.send(updates.command(p, "helplines"));
    expect(t.screen().text).toContain("I couldn't pick up where we were");
    expect((await backend.dump()).map(([k]) => k)).not.toContain(legacySessionKey(SECRET, p.id));
  });
});

describe("the per-process key cache", () => {
  it("concurrent first updates of one chat share one derivation; an evicted chat derives again", async () => {
    const vault = new ChatVault(prepareBot().store, SECRET, 3600, 2);
    const first = vault.keys(1);
    expect(vault.keys(1)).toBe(first);
    await first;
    await vault.keys(2);
    await vault.keys(1); // used again: now the most recent
    await vault.keys(3); // evicts 2, the least recently used
    expect(vault.keys(1)).toBe(first);
    const again = vault.keys(2);
    expect((await again).pseudonym).toBe((await deriveChatKeys(SECRET, 2)).pseudonym);
  });

  it("a first update does not block the event loop for other chats (the derivation runs off it)", async () => {
    const vault = new ChatVault(prepareBot().store, SECRET, 3600);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 4 }, (_, i) => vault.keys(9_000 + i)));
    clearInterval(timer);
    // Four ~17 ms derivations; a blocked loop would see no tick until they were all done.
    expect(ticks).toBeGreaterThan(4);
  });
});
