import type { PersonInput } from "../conversation/turn.js";
import type { BotContext } from "./context.js";
import { deliver } from "./deliver.js";
import { sendCopyable, sendReport, type ReportDeps } from "./send-report.js";
import { takeTurn } from "./take-turn.js";

export type ConverseDeps = ReportDeps;

const URGENT_SCREENS = new Set(["crisis", "danger", "helplines"]);

/**
 * One update through the conversation and onto the screen. takeTurn commits the new state before
 * anything is sent, so a crash after sending never shows a screen the store doesn't know.
 */
export async function converse(ctx: BotContext, deps: ConverseDeps, input: PersonInput, mode: "edit" | "new"): Promise<void> {
  const { turn, screen, storeDown, duplicate, copies } = await takeTurn(deps, ctx.chat!.id, input, ctx.log, { preloaded: ctx.opened, updateId: ctx.update.update_id });
  // One turn per update: anything later in this update (there is nothing today) reads afresh.
  ctx.opened = undefined;
  if (duplicate) {
    ctx.log.info("update delivered again; already answered");
    return;
  }
  if (!storeDown) {
    await deliver(ctx, screen, mode);
    if (turn.report) await sendReport(ctx, deps, turn.snapshot.context);
    for (const copy of copies) await sendCopyable(ctx, copy);
    return;
  }
  // A report made from a log we can't read would be empty and wrong: say so instead of sending one.
  const noticeKey = turn.forget ? "notice-forget-failed" : turn.report ? "notice-report-unavailable" : "notice-saving-paused";
  const notice = deps.translate(turn.snapshot.context.locale)(noticeKey);
  // Someone in crisis reads the numbers first; elsewhere the notice explains the screen, so it leads.
  // The report screen would describe a PDF that isn't coming: the notice stands in for it.
  const text = turn.report ? notice : URGENT_SCREENS.has(screen.id) ? `${screen.text}\n\n${notice}` : `${notice}\n\n${screen.text}`;
  await deliver(ctx, { ...screen, text }, mode);
}
