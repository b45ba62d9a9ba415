import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";

describe("the memory store", () => {
  it("keeps a value until its time to live runs out, and each write restarts the clock", async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    await store.set("k", "v", 10);
    now = 9_000;
    expect(await store.get("k")).toBe("v");
    await store.set("k", "v2", 10);
    now = 18_000;
    expect(await store.get("k")).toBe("v2");
    now = 19_001;
    expect(await store.get("k")).toBeUndefined();
    expect(store.dump()).toEqual([]);
  });

  it("deletes on request", async () => {
    const store = new MemoryStore();
    await store.set("k", "v", 10);
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
  });
});
