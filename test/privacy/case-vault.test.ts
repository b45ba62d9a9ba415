import { describe, expect, it } from "vitest";
import { CASE_CODE } from "../../src/conversation/machine.js";
import { CASE_PREFIX, CaseVault, INDEX_KEY, LINK_PREFIX, newCaseCode, type CaseRecord } from "../../src/privacy/case-vault.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const SECRET = "5c0f1e7a2b9d4c8e6f3a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";
const GROUP = -1001234567890;
const HER_CHAT = 777000111;

const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  chat: HER_CHAT,
  place: { mode: "topic", thread: 55 },
  share: "summary",
  locale: "en",
  openedAt: 1,
  lastHerAt: 1,
  pending: [],
  links: [],
  ...over,
});

/** Every key and value the store holds, as one string to search. */
const dump = (store: MemoryStore) => store.dump().flat().join("\n");
const keysOf = (store: MemoryStore) => store.dump().map(([k]) => k);

describe("the case vault: a case code meets a chat id only here, and only while the case is open", () => {
  it("case codes are random, six characters from an alphabet without look-alikes", () => {
    const codes = new Set(Array.from({ length: 2000 }, newCaseCode));
    for (const code of codes) expect(code).toMatch(CASE_CODE);
    expect(codes.size).toBeGreaterThan(1990);
  });

  it("an open case reads back; its key and value show neither her chat id nor the code", async () => {
    const store = new MemoryStore();
    const vault = new CaseVault(store, SECRET, 3600, GROUP);
    expect(await vault.create("K7F3QX", record())).toBe(true);
    await vault.link("topic", 55, "K7F3QX");
    expect((await vault.load("K7F3QX"))?.record.chat).toBe(HER_CHAT);
    expect(await vault.find("topic", 55)).toEqual({ code: "K7F3QX" });
    const keys = keysOf(store);
    expect(keys.some((k) => k.startsWith(CASE_PREFIX))).toBe(true);
    expect(keys.some((k) => k.startsWith(LINK_PREFIX))).toBe(true);
    const all = dump(store);
    expect(all).not.toContain(String(HER_CHAT));
    expect(all).not.toContain("K7F3QX");
    expect(all).not.toContain(String(GROUP));
  });

  it("a code already in use is refused", async () => {
    const vault = new CaseVault(new MemoryStore(), SECRET, 3600, GROUP);
    expect(await vault.create("K7F3QX", record())).toBe(true);
    expect(await vault.create("K7F3QX", record({ chat: 5 }))).toBe(false);
    expect((await vault.load("K7F3QX"))?.record.chat).toBe(HER_CHAT);
  });

  it("another server secret opens nothing", async () => {
    const store = new MemoryStore();
    await new CaseVault(store, SECRET, 3600, GROUP).create("K7F3QX", record());
    const other = new CaseVault(store, SECRET.replace("5c0f", "6d1a"), 3600, GROUP);
    expect(await other.load("K7F3QX")).toBeUndefined();
  });

  it("closing a case erases the record and her chat id, leaves tombstones for late replies, and happens once", async () => {
    const store = new MemoryStore();
    const vault = new CaseVault(store, SECRET, 3600, GROUP);
    await vault.create("K7F3QX", record({ place: { mode: "thread", anchor: 10 }, links: [11, 12] }));
    for (const id of [10, 11, 12]) await vault.link("message", id, "K7F3QX");
    expect(await vault.openCodes()).toEqual(["K7F3QX"]);

    const [first, second] = await Promise.all([vault.close("K7F3QX"), vault.close("K7F3QX")]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await vault.load("K7F3QX")).toBeUndefined();
    for (const id of [10, 11, 12]) expect(await vault.find("message", id)).toEqual({ ended: true });
    expect(await vault.openCodes()).toEqual([]);
    const keys = keysOf(store);
    expect(keys.some((k) => k.startsWith(CASE_PREFIX))).toBe(false);
    // What is left (tombstones, the empty index) holds no code and no chat id even with the secret.
    const all = dump(store);
    expect(all).not.toContain(String(HER_CHAT));
    expect(keys).toContain(INDEX_KEY);
  });

  it("concurrent updates to one case all land (compare-and-set, replayed)", async () => {
    const vault = new CaseVault(new MemoryStore(), SECRET, 3600, GROUP);
    await vault.create("K7F3QX", record());
    await Promise.all(Array.from({ length: 6 }, (_, i) => vault.update("K7F3QX", (r) => ({ ...r, links: [...r.links, i] }))));
    expect((await vault.load("K7F3QX"))?.record.links.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("two groups never share a link name", async () => {
    const store = new MemoryStore();
    await new CaseVault(store, SECRET, 3600, GROUP).link("message", 10, "K7F3QX");
    expect(await new CaseVault(store, SECRET, 3600, -100999).find("message", 10)).toBeUndefined();
  });

  it("log tags are 8 characters and not the code", () => {
    const tag = new CaseVault(new MemoryStore(), SECRET, 3600, GROUP).tag("K7F3QX");
    expect(tag).toMatch(/^[0-9a-f]{8}$/);
  });
});
