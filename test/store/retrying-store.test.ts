import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { RetryingStore } from "../../src/store/retrying-store.js";
import { StoreError, type SessionStore } from "../../src/store/session-store.js";

const timedOut = () => new StoreError("redis", "get", new Error("Command timed out"));

/** A memory store whose next `failures` commands throw `error` first. */
function faltering(failures: number, error: () => Error = timedOut) {
  const inner = new MemoryStore();
  const calls: string[] = [];
  let left = failures;
  const wrap =
    <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      calls.push(name);
      if (left > 0) {
        left--;
        throw error();
      }
      return f(...a);
    };
  const store: SessionStore = {
    get: wrap("get", (k: string) => inner.get(k)),
    openUpdate: wrap("openUpdate", (k: Parameters<SessionStore["openUpdate"]>[0], l: Parameters<SessionStore["openUpdate"]>[1]) => inner.openUpdate(k, l)),
    compareAndSet: wrap("compareAndSet", (k: string, v: string, e: number, t: number) => inner.compareAndSet(k, v, e, t)),
    delete: wrap("delete", (...k: string[]) => inner.delete(...k)),
    ping: wrap("ping", () => inner.ping()),
    close: () => inner.close(),
  };
  return { store, calls, inner };
}

describe("a store tried again after a moment's failure (the counsellor desk's)", () => {
  const policy = { tries: 3, backoffMs: [10, 20] };

  it("a read that timed out twice is answered on the third try, after the backoff", async () => {
    const { store, calls } = faltering(2);
    const waits: number[] = [];
    const retrying = new RetryingStore(store, policy, async (ms) => void waits.push(ms));
    expect(await retrying.get("k")).toBeUndefined();
    expect(calls).toEqual(["get", "get", "get"]);
    expect(waits).toEqual([10, 20]);
  });

  it("a write whose answer was lost is sent again as it was, and counts once", async () => {
    const { store, inner } = faltering(0);
    let lost = true;
    const losing: SessionStore = {
      ...store,
      async compareAndSet(k, v, e, t) {
        const version = await inner.compareAndSet(k, v, e, t);
        if (lost) {
          lost = false;
          throw timedOut();
        }
        return version;
      },
    };
    const retrying = new RetryingStore(losing, policy, async () => undefined);
    expect(await retrying.compareAndSet("k", "v", 0, 60)).toBe(1);
    expect(await inner.get("k")).toEqual({ value: "v", version: 1 });
  });

  it("an outage still fails, after the tries", async () => {
    const { store, calls } = faltering(10);
    const retrying = new RetryingStore(store, policy, async () => undefined);
    await expect(retrying.compareAndSet("k", "v", 0, 60)).rejects.toBeInstanceOf(StoreError);
    expect(calls).toHaveLength(3);
  });

  it("counting an update is never repeated, and an error that is no store failure is not tried again", async () => {
    const counted = faltering(1);
    await expect(new RetryingStore(counted.store, policy, async () => undefined).openUpdate({ session: "s", rate: "r" }, { rateWindowMs: 1000 })).rejects.toBeInstanceOf(StoreError);
    expect(counted.calls).toEqual(["openUpdate"]);
    const bug = faltering(1, () => new TypeError("not a store failure"));
    await expect(new RetryingStore(bug.store, policy, async () => undefined).get("k")).rejects.toBeInstanceOf(TypeError);
    expect(bug.calls).toEqual(["get"]);
  });
});
