import { describe, expect, it } from "vitest";
import { pacePolling } from "../../src/telegram/polling-pace.js";

type Prev = Parameters<ReturnType<typeof pacePolling>>[0];

function fakePrev(result: unknown[], delayMs = 0): Prev {
  return (async () => {
    await new Promise((r) => setTimeout(r, delayMs));
    return { ok: true, result };
  }) as unknown as Prev;
}

const time = async (f: () => Promise<unknown>) => {
  const start = Date.now();
  await f();
  return Date.now() - start;
};

describe("polling pace", () => {
  const pace = pacePolling(200);

  it("waits after an empty poll that came back at once (an emulator that ignores timeout)", async () => {
    expect(await time(() => pace(fakePrev([]), "getUpdates", { timeout: 30 }))).toBeGreaterThanOrEqual(190);
  });

  it("does not wait when there were updates, or for other methods", async () => {
    expect(await time(() => pace(fakePrev([{ update_id: 1 }]), "getUpdates", { timeout: 30 }))).toBeLessThan(100);
    expect(await time(() => pace(fakePrev([]), "sendMessage", { chat_id: 1, text: "x" }))).toBeLessThan(100);
  });

  it("stops waiting at once when polling is aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await time(() => pace(fakePrev([]), "getUpdates", { timeout: 30 }, controller.signal as never))).toBeLessThan(150);
  });
});
