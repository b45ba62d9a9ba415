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

/** Calls made through an Api marked by sendUrgently: never held by the throttle. */
const urgent = new WeakSet<object>();

/**
 * Lets what this update sends skip the queue: a crisis screen must not wait behind a burst of
 * edits to the same chat. (grammY gives each update its own Api; a transformer added there runs
 * before the bot's and sees the same payload object.)
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
  const selective: Transformer = (prev, method, payload, signal) =>
    UNTHROTTLED.has(method) || urgent.has(payload) ? prev(method, payload, signal) : throttle(prev, method, payload, signal);
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
