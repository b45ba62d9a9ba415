import type { Middleware } from "grammy";
import type { CrisisMatch } from "../conversation/crisis-detector.js";
import type { Locale } from "../conversation/machine.js";
import type { ChatVault } from "../privacy/chat-vault.js";
import type { Translate } from "../screens/render.js";
import type { UpdateLimits } from "../store/session-store.js";
import { recordLocale } from "./chat-record.js";
import type { BotContext } from "./context.js";
import { localeFromTelegram } from "./locale.js";
import { sendUrgently } from "./outgoing-limits.js";

export interface GateLimits extends UpdateLimits {
  /** Updates one person may send per window before the bot pauses for them. */
  maxUpdates: number;
}

/** 4 a second for 10 s: fast tapping stays inside it (and the outgoing throttle answers a chat about once a second); a script does not. */
export const DEFAULT_LIMITS: GateLimits = { rateWindowMs: 10_000, maxUpdates: 40 };

export interface GateDeps {
  vault: ChatVault;
  translate: (locale: Locale) => Translate;
  detectCrisis: (text: string) => CrisisMatch | undefined;
  limits?: GateLimits;
}

/**
 * The door of every private update, in one store round trip (ChatVault.open), as it arrives
 * (before the chat's queue, so a burst is counted in real time):
 * - a flood from one person gets one calm line, then silence until the window ends — except a
 *   crisis message, which always goes through;
 * - the session read here is handed on, so the conversation only has to write (if the update
 *   then waits in the chat's queue, its compare-and-set notices the newer state and replays).
 * The counter is keyed by the chat pseudonym (never the raw id), lives one window, and goes with
 * /forget. If the store can't be reached the update goes through: help first.
 */
export function gate(deps: GateDeps): Middleware<BotContext> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  return async (ctx, next) => {
    let opened;
    try {
      opened = await deps.vault.open(ctx.chat!.id, limits);
    } catch (error) {
      // Help first: the update goes on, and its turn reports the outage (without asking again).
      ctx.opened = { unreachable: error };
      return next();
    }
    if (opened.hits > limits.maxUpdates && !isCrisis(ctx, deps)) {
      ctx.log.info({ hits: opened.hits }, "flood: paused for this person");
      if (opened.hits === limits.maxUpdates + 1) {
        const locale = recordLocale(opened.loaded.data, localeFromTelegram(ctx.from?.language_code));
        sendUrgently(ctx.api); // the one line that explains the silence: not behind the backlog
        await ctx.reply(deps.translate(locale)("notice-slow-down")).catch(() => undefined);
      }
      return;
    }
    ctx.opened = opened.loaded;
    await next();
  };
}

function isCrisis(ctx: BotContext, deps: GateDeps): boolean {
  const said = ctx.msg?.text ?? ctx.msg?.caption;
  return said !== undefined && deps.detectCrisis(said) !== undefined;
}
