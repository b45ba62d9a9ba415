import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Api, Transformer } from "grammy";

/**
 * Staying inside Telegram's limits on what we send: about 30 messages a second overall and one a
 * second per chat on average (throttled, queued in this process), and a 429 retried after the `retry_after`
 * Telegram names — but only if that is short, and only a few times, so an update never hangs.
 * Installed by the composition root, not by createBot, so tests and benchmarks measure the bot
 * itself. With several instances each keeps its own queue: the per-chat rate holds (Telegram
 * sends one chat's updates to one instance at a time), the overall one is per instance.
 */

/** No wait for these: quick exit must be quick, and answering a tap is not a message. */
const UNTHROTTLED = new Set(["deleteMessage", "deleteMessages", "answerCallbackQuery", "leaveChat"]);

export interface OutgoingLimits {
  /** Longest `retry_after` worth waiting for; a longer one fails the call at once. */
  maxRetryDelaySeconds: number;
  maxRetryAttempts: number;
  /**
   * Per chat: up to `perChatBurst` messages at once, then the allowance refills every
   * `perChatWindowMs`: one a second on average, without making someone who taps twice wait.
   */
  perChatBurst: number;
  perChatWindowMs: number;
  perSecondOverall: number;
}

export const DEFAULT_OUTGOING: OutgoingLimits = { maxRetryDelaySeconds: 5, maxRetryAttempts: 3, perChatBurst: 3, perChatWindowMs: 3000, perSecondOverall: 30 };

/** Calls made through an Api marked by sendUrgently: past the chat's queue, within the overall limit. */
const urgent = new WeakSet<object>();

/**
 * Lets what this update sends skip its chat's queue: a crisis screen must not wait behind a burst
 * of edits to the same chat. It still counts against the overall limit (30 a second), so a crisis
 * burst can't push the bot past Telegram's limits for everyone else. (grammY gives each update its
 * own Api; a transformer added there runs before the bot's and sees the same payload object.)
 */
export function sendUrgently(api: Api): void {
  api.config.use((prev, method, payload, signal) => {
    urgent.add(payload);
    return prev(method, payload, signal);
  });
}

export function installOutgoingLimits(api: Api, limits: OutgoingLimits = DEFAULT_OUTGOING): void {
  const throttle = apiThrottler({
    global: { reservoir: limits.perSecondOverall, reservoirRefreshAmount: limits.perSecondOverall, reservoirRefreshInterval: 1000 },
    out: { maxConcurrent: 1, reservoir: limits.perChatBurst, reservoirRefreshAmount: limits.perChatBurst, reservoirRefreshInterval: limits.perChatWindowMs },
  });
  const selective: Transformer = (prev, method, payload, signal) => {
    if (UNTHROTTLED.has(method)) return prev(method, payload, signal);
    if (!urgent.has(payload)) return throttle(prev, method, payload, signal);
    // The throttler keeps one queue per Number(chat_id), each chained to the one overall limiter.
    // Keyed by chat id + 0.5 (never a real chat id), an urgent call gets its chat's second lane:
    // nothing of the ordinary queue ahead of it, the same per-chat and overall limits on it.
    const lane = { chat_id: `${String((payload as { chat_id?: unknown }).chat_id)}.5` };
    const sendTheRealPayload = ((m: typeof method, _lane: unknown, s: typeof signal) => prev(m, payload, s)) as typeof prev;
    return throttle(sendTheRealPayload, method, lane as never, signal);
  };
  api.config.use(selective);
  // Installed last, so it runs first: each retry queues through the throttle again.
  api.config.use(
    autoRetry({
      maxDelaySeconds: limits.maxRetryDelaySeconds,
      maxRetryAttempts: limits.maxRetryAttempts,
      // Its back-off for these starts at 3 s and, for network errors, never stops: our own
      // fallbacks (and Telegram re-sending the update) serve better than a hanging update.
      rethrowInternalServerErrors: true,
      rethrowHttpErrors: true,
    }),
  );
}
