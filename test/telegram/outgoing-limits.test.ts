import { Api, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { DEFAULT_OUTGOING, installOutgoingLimits, sendUrgently, type OutgoingLimits } from "../../src/telegram/outgoing-limits.js";

/**
 * What we send, against Telegram's limits. A fake Bot API answers inside the process (installed
 * first, so it is the innermost transformer: what the network would have said).
 */
function apiAnswering(answer: (method: string, n: number) => object, limits: OutgoingLimits = DEFAULT_OUTGOING): { api: Api; calls: { method: string; at: number }[] } {
  const api = new Api("1:TEST", { apiRoot: "http://127.0.0.1:9" });
  const calls: { method: string; at: number }[] = [];
  const network: Transformer = async (_prev, method) => {
    calls.push({ method, at: Date.now() });
    return answer(method, calls.length) as never;
  };
  api.config.use(network);
  installOutgoingLimits(api, limits);
  return { api, calls };
}

const ok = { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } };
const tooMany = (seconds: number) => ({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });

describe("sending within Telegram's limits", () => {
  it("a 429 with a short wait is retried after that wait, and the message goes out", async () => {
    const { api, calls } = apiAnswering((_m, n) => (n === 1 ? tooMany(1) : ok));
    const started = Date.now();
    await api.sendMessage(1, "hello");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a 429 asking for a long wait fails at once instead of holding the update", async () => {
    const { api, calls } = apiAnswering(() => tooMany(30));
    const started = Date.now();
    await expect(api.sendMessage(1, "hello")).rejects.toMatchObject({ error_code: 429 });
    expect(calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives up after a few retries when Telegram keeps saying 429", async () => {
    const { api, calls } = apiAnswering(() => tooMany(0));
    await expect(api.sendMessage(1, "hello")).rejects.toMatchObject({ error_code: 429 });
    expect(calls).toHaveLength(4); // the call and 3 retries
  });

  it("a 5xx is not retried with a long back-off: the caller's own fallback takes over at once", async () => {
    const { api, calls } = apiAnswering(() => ({ ok: false, error_code: 500, description: "Internal Server Error" }));
    const started = Date.now();
    await expect(api.deleteMessages(1, [1, 2])).rejects.toMatchObject({ error_code: 500 });
    expect(calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("one chat gets a short burst, then about one message a second; another chat is not held up by it", async () => {
    const { api, calls } = apiAnswering(() => ok);
    const started = Date.now();
    const toA = [api.sendMessage(1, "a1"), api.editMessageText(1, 5, "a2"), api.sendMessage(1, "a3"), api.sendMessage(1, "a4")];
    await api.sendMessage(2, "b1");
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all(toA);
    // Three at once, the fourth when the allowance refills (3 s after the first).
    const times = calls.map((c) => c.at - started).sort((a, b) => a - b);
    expect(times.filter((t) => t < 500)).toHaveLength(4); // a1, a2, a3 and chat 2's b1
    expect(times.at(-1)!).toBeGreaterThanOrEqual(2900);
    expect(calls).toHaveLength(5);
  });

  it("urgent sends skip their chat's queue but stay inside the overall limit", async () => {
    const { api, calls } = apiAnswering(() => ok, { ...DEFAULT_OUTGOING, perSecondOverall: 5 });
    sendUrgently(api);
    const started = Date.now();
    const sends = Array.from({ length: 12 }, (_, i) => api.sendMessage(100 + i, "crisis screen"));
    await new Promise((r) => setTimeout(r, 600));
    expect(calls.filter((c) => c.at - started < 600)).toHaveLength(5);
    await Promise.all(sends);
    expect(calls).toHaveLength(12);
  }, 10_000);

  it("quick exit's deletes and tap answers are never queued", async () => {
    const { api } = apiAnswering(() => ({ ok: true, result: true }));
    const started = Date.now();
    await Promise.all([api.deleteMessages(1, [1, 2]), api.deleteMessages(1, [3, 4]), api.deleteMessage(1, 5), api.answerCallbackQuery("q")]);
    expect(Date.now() - started).toBeLessThan(300);
  });
});
