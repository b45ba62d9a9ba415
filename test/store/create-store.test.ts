import { describe, expect, it } from "vitest";
import { createStore, DeferredStore } from "../../src/store/create-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const log = { warn: () => undefined, info: () => undefined, error: () => undefined };

/** createStore loads the Redis or Upstash client only when configured (the e2e, serverless and throughput runs use them for real). */
describe("createStore: the configured client only, loaded on demand", () => {
  it("a deferred store answers every call once its module has loaded, the first ones included", async () => {
    let resolve!: (s: MemoryStore) => void;
    const store = new DeferredStore(new Promise<MemoryStore>((r) => (resolve = r)));
    const first = store.compareAndSet("k", "v", 0, 60);
    const read = store.get("k");
    resolve(new MemoryStore());
    expect(await first).toBe(1);
    expect(await read).toEqual({ value: "v", version: 1 });
    expect(await store.openUpdate({ session: "k", rate: "r" }, { rateWindowMs: 1000 })).toMatchObject({ hits: 1, session: { value: "v", version: 1 } });
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await store.ready(10)).toBe(true);
    await store.close();
  });

  it("a failed load fails the calls (the start's ping reports it) and closing still works", async () => {
    const store = new DeferredStore(Promise.reject(new Error("no such module")));
    await expect(store.ping()).rejects.toThrow("no such module");
    await expect(store.close()).resolves.toBeUndefined();
  });

  it("redis: a deferred RedisStore that says it is not ready when nothing answers", async () => {
    const store = createStore({ store: "redis", redisUrl: "redis://127.0.0.1:1", upstash: undefined, nodeEnv: "test" }, log);
    expect(store).toBeInstanceOf(DeferredStore);
    expect(await (store as DeferredStore).ready(200)).toBe(false);
    expect((await (store as DeferredStore).loaded()).constructor.name).toBe("RedisStore");
    await store.close();
  });

  it("upstash: a deferred UpstashStore", async () => {
    const store = createStore({ store: "upstash", redisUrl: undefined, upstash: { url: "http://127.0.0.1:1", token: "t" }, nodeEnv: "test" }, log);
    expect((await (store as DeferredStore).loaded()).constructor.name).toBe("UpstashStore");
    await store.close();
  });
});
