import type { ChatVault } from "../privacy/chat-vault.js";
import type { Translate } from "../screens/render.js";
import type { BotContext } from "./context.js";
import { loadRecord } from "./take-turn.js";
import { localeFromTelegram } from "./locale.js";
import type { Locale } from "../conversation/machine.js";
import { recordContext, recordLocale } from "./chat-record.js";
import type { CaseDesk } from "./case-desk.js";

/** Telegram lets bots delete messages up to 48 hours old, up to 100 ids per deleteMessages call. */
const BATCH = 100;
/**
 * How far back we reach. The whole private chat is with the bot, so /exit sweeps the last 1,000
 * ids whether or not a session survives (a restart or a lost session still clears the screen);
 * ids that are gone, too old or not deletable are skipped by Telegram.
 */
const MAX_IDS = 1000;
/** When deleteMessages is unavailable, one-by-one deletes are capped so /exit stays quick. */
const MAX_SINGLE_DELETES = 150;

export function idRange(last: number): number[] {
  const start = Math.max(1, last - MAX_IDS + 1);
  const ids: number[] = [];
  for (let id = start; id <= last; id++) ids.push(id);
  return ids;
}

/**
 * /exit: remove everything visible that Telegram still lets us remove (the bot's messages and the
 * person's own), erase the session, and leave one neutral line that says what could not go.
 */
export async function quickExit(ctx: BotContext, vault: ChatVault, translate: (l: Locale) => Translate, desk?: CaseDesk): Promise<void> {
  const chatId = ctx.chat!.id;
  const last = ctx.msg!.message_id;
  const { raw } = await loadRecord(vault, chatId, ctx.log, ctx.opened);
  const locale = recordLocale(raw, localeFromTelegram(ctx.from?.language_code));
  // An open case ends first: the counsellors are told she left; the way to reach her is erased.
  const caseCode = recordContext(raw)?.caseCode;
  if (caseCode !== undefined && desk) {
    try {
      await desk.exit(caseCode);
    } catch (error) {
      ctx.log.error({ err: error }, "quick exit: the case could not be ended now; it ends when idle");
    }
  }
  const ids = idRange(last);

  let deleted = 0;
  try {
    for (let i = 0; i < ids.length; i += BATCH) {
      await ctx.api.deleteMessages(chatId, ids.slice(i, i + BATCH));
    }
    deleted = ids.length;
  } catch (error) {
    // Older Bot API servers and emulators lack deleteMessages: fall back to one at a time, newest first.
    ctx.log.debug({ err: error }, "deleteMessages unavailable; deleting one by one");
    for (const id of ids.slice(-MAX_SINGLE_DELETES).reverse()) {
      try {
        await ctx.api.deleteMessage(chatId, id);
        deleted++;
      } catch {
        // Too old, already gone, or never ours to delete: nothing to do.
      }
    }
  }

  let erased = true;
  try {
    await vault.erase(chatId);
  } catch (error) {
    erased = false;
    ctx.log.error({ err: error }, "quick exit: store unavailable, session not erased");
  }
  ctx.log.info({ deleted }, "quick exit");
  const t = translate(locale);
  // Say only what happened: "cleared" when something was, and never that what was kept is gone when it isn't.
  const lines = deleted > 0 ? [t("exit-done"), t("exit-limits")] : [t("exit-not-deleted")];
  // After as before: /exit erases the session, evidence log included, not only the messages.
  lines.push(erased ? t("exit-erased") : t("notice-forget-failed"));
  await ctx.reply(lines.join("\n"));
}
