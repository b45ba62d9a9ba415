import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/store/redis-store.js";
import type { SessionStore } from "../../src/store/session-store.js";
import { UpstashStore } from "../../src/store/upstash-store.js";
import { redisUrl } from "../support/redis.js";
import { BACKENDS, openBackend, type OpenBackend } from "../support/stores.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One set of rules for every store: what the conversation relies on, not how each one does it. */
describe.each(BACKENDS)("the %s store", (name) => {
  let backend: OpenBackend;
  let store: SessionStore;
  let n = 0;
  /** A fresh key per test, so tests never depend on each other's leftovers. */
  const key = () => `nyf:v1:s:contract-${name}-${++n}`;

  beforeAll(async () => {
    backend = await openBackend(name, "storeContract");
    store = backend.store;
  });
  afterAll(() => backend.close());

  it("answers a ping", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("has nothing for a key never written", async () => {
    expect(await store.get(key())).toBeUndefined();
  });

  it("creates a key only when told to expect none, then counts versions up by one", async () => {
    const k = key();
    expect(await store.compareAndSet(k, "first", 1, 60)).toBeUndefined();
    expect(await store.compareAndSet(k, "first", 0, 60)).toBe(1);
    expect(await store.get(k)).toEqual({ value: "first", version: 1 });
    expect(await store.compareAndSet(k, "second", 1, 60)).toBe(2);
    expect(await store.get(k)).toEqual({ value: "second", version: 2 });
  });

  it("refuses a write based on an old version and keeps the newer value", async () => {
    const k = key();
    await store.compareAndSet(k, "a", 0, 60);
    await store.compareAndSet(k, "b", 1, 60);
    expect(await store.compareAndSet(k, "stale", 1, 60)).toBeUndefined();
    expect(await store.compareAndSet(k, "stale", 0, 60)).toBeUndefined();
    expect(await store.get(k)).toEqual({ value: "b", version: 2 });
  });

  it("treats the same write sent twice (a client retry after a lost reply) as one success", async () => {
    const k = key();
    expect(await store.compareAndSet(k, "once", 0, 60)).toBe(1);
    expect(await store.compareAndSet(k, "once", 0, 60)).toBe(1);
    expect(await store.get(k)).toEqual({ value: "once", version: 1 });
  });

  it("lets exactly one of many simultaneous writers win", async () => {
    const k = key();
    await store.compareAndSet(k, "base", 0, 60);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.compareAndSet(k, `writer-${i}`, 1, 60)));
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toEqual([2]);
    const winner = results.findIndex((r) => r === 2);
    expect(await store.get(k)).toEqual({ value: `writer-${winner}`, version: 2 });
  });

  it("keeps long and non-ASCII values exactly", async () => {
    const k = key();
    const value = `v1.${"नमस्ते ✓ \"quoted\"\n".repeat(200)}`;
    await store.compareAndSet(k, value, 0, 60);
    expect(await store.get(k)).toEqual({ value, version: 1 });
  });

  it("deletes every key it is given in one call, and deleting nothing is fine", async () => {
    const [a, b, c] = [key(), key(), key()];
    for (const k of [a, b, c]) await store.compareAndSet(k, "x", 0, 60);
    await store.delete(a, b);
    await store.delete();
    expect(await store.get(a)).toBeUndefined();
    expect(await store.get(b)).toBeUndefined();
    expect(await store.get(c)).toEqual({ value: "x", version: 1 });
  });

  it("reads a value it did not write (corrupt, or from before versions) as version 0, and a write replaces it", async () => {
    const k = key();
    await backend.plant(k, "garbage without a version");
    expect(await store.get(k)).toEqual({ value: "garbage without a version", version: 0 });
    expect(await store.compareAndSet(k, "fresh", 0, 60)).toBe(1);
    await backend.plant(k, "0:zero is not a version we write");
    expect((await store.get(k))?.version).toBe(0);
    expect(await store.compareAndSet(k, "fresh again", 0, 60)).toBe(1);
  });

  it("forgets a key when its time runs out, and every write restarts the clock", async () => {
    const k = key();
    await store.compareAndSet(k, "a", 0, 1);
    await sleep(600);
    await store.compareAndSet(k, "b", 1, 1);
    await sleep(600);
    expect(await store.get(k)).toEqual({ value: "b", version: 2 }); // 1.2 s after the first write
    await sleep(700);
    expect(await store.get(k)).toBeUndefined();
  });

  it("opens an update in one call: counts hits in a window that ends on time, and reads the session", async () => {
    const [session, rate] = [key(), key()];
    await store.compareAndSet(session, "the session", 0, 60);
    expect(await store.openUpdate({ session, rate }, { rateWindowMs: 800 })).toEqual({ hits: 1, session: { value: "the session", version: 1 } });
    expect((await store.openUpdate({ session, rate }, { rateWindowMs: 800 })).hits).toBe(2);
    const nobody = await store.openUpdate({ session: key(), rate: key() }, { rateWindowMs: 800 });
    expect(nobody).toEqual({ hits: 1, session: undefined });
    await sleep(900);
    // The window does not slide: it ends 800 ms after its first hit, and counting starts again.
    expect((await store.openUpdate({ session, rate }, { rateWindowMs: 800 })).hits).toBe(1);
  });

  it("stores nothing but the key and the versioned value it was given", async () => {
    const k = key();
    await store.compareAndSet(k, "only-this", 0, 60);
    const entries = (await backend.dump()).filter(([stored]) => stored === k);
    expect(entries).toEqual([[k, "1:only-this"]]);
  });
});

describe("a store that cannot be reached", () => {
  it.each([
    ["redis", () => new RedisStore("redis://127.0.0.1:1/0")],
    ["upstash", () => new UpstashStore({ url: "http://127.0.0.1:1", token: "t", timeoutMs: 500 })],
  ] as const)("(%s) fails each command quickly with a StoreError that names no key", async (_name, open) => {
    const store = open();
    const started = Date.now();
    const error = await store.get("nyf:v1:s:secret-looking-key").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreError" });
    expect(String((error as Error).message)).not.toContain("secret-looking-key");
    const write = await store.compareAndSet("nyf:v1:s:secret-looking-key", "v1.ciphertext", 0, 60).catch((e: unknown) => e);
    expect(String((write as Error).message)).not.toMatch(/secret-looking-key|ciphertext/);
    expect(Date.now() - started).toBeLessThan(5000);
    await store.close();
  });

  it("redis: the first connection attempt reports not-ready in time instead of hanging", async () => {
    const store = new RedisStore("redis://127.0.0.1:1/0");
    expect(await store.ready(300)).toBe(false);
    await store.close();
  });

  it("redis: a store on a live server is ready", async () => {
    const store = new RedisStore(redisUrl("storeContract"));
    expect(await store.ready(3000)).toBe(true);
    await store.close();
  });
});
