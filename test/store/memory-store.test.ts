import { describe, expect, it, vi } from "vitest";
import { createStore } from "../../src/store/create-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";

describe("the memory store", () => {
  it("keeps a value until its time to live runs out, and each write restarts the clock", async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    expect(await store.compareAndSet("k", "v", 0, 10)).toBe(1);
    now = 9_000;
    expect(await store.get("k")).toEqual({ value: "v", version: 1 });
    expect(await store.compareAndSet("k", "v2", 1, 10)).toBe(2);
    now = 18_000;
    expect(await store.get("k")).toEqual({ value: "v2", version: 2 });
    now = 19_001;
    expect(await store.get("k")).toBeUndefined();
    expect(store.dump()).toEqual([]);
  });
});

describe("the memory store's sweep", () => {
  it("removes people who never come back once their TTL is over, without anyone reading their key", async () => {
    let now = 0;
    const store = new MemoryStore(() => now, { sweepEveryMs: 0 });
    await store.compareAndSet("gone", "v", 0, 10);
    await store.compareAndSet("stays", "v", 0, 100);
    now = 10_001;
    expect(store.sweep()).toBe(1);
    expect(store.dump().map(([k]) => k)).toEqual(["stays"]);
  });

  it("sweeps on its own timer, which holds no process open and stops on close", async () => {
    vi.useFakeTimers();
    try {
      const store = new MemoryStore(Date.now, { sweepEveryMs: 1000 });
      await store.compareAndSet("k", "v", 0, 1);
      vi.advanceTimersByTime(1500);
      expect(store.dump()).toEqual([]);
      await store.compareAndSet("k", "v", 0, 1);
      await store.close();
      vi.advanceTimersByTime(5000);
      expect(store.dump()).toHaveLength(1); // no sweep after close
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("choosing the memory store in production", () => {
  it("prints one warning line that sessions are lost on restart; development prints none", async () => {
    const warned: string[] = [];
    const log = { warn: (_: object, msg: string) => void warned.push(msg), info: () => undefined };
    await createStore({ store: "memory", redisUrl: undefined, upstash: undefined, nodeEnv: "production" }, log).close();
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/lost on restart/);
    await createStore({ store: "memory", redisUrl: undefined, upstash: undefined, nodeEnv: "development" }, log).close();
    expect(warned).toHaveLength(1);
  });
});
