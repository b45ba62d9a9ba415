import { describe, expect, it } from "vitest";
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
