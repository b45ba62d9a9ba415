import type { Transformer } from "grammy";

/**
 * Long polling against a server that ignores `timeout` (local Bot API emulators answer at once)
 * turns the runner into a busy loop. When getUpdates comes back empty much sooner than the
 * requested timeout, wait a little before handing the answer back. Against Telegram, which holds
 * an empty poll for the whole timeout, this never triggers.
 */
export function pacePolling(pauseMs = 250, now: () => number = Date.now): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const started = now();
    const result = await prev(method, payload, signal);
    const timeoutMs = ((payload as { timeout?: number }).timeout ?? 0) * 1000;
    const empty = result.ok && Array.isArray(result.result) && result.result.length === 0;
    if (empty && timeoutMs > 0 && now() - started < timeoutMs / 2) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pauseMs);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return result;
  };
}
