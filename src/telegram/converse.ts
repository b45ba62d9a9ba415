import type { PersonInput, Turn } from "../conversation/turn.js";
import type { CaseDesk } from "./case-desk.js";
import type { BotContext } from "./context.js";
import { deliver } from "./deliver.js";
import { sendCopyable, sendReport, type ReportDeps } from "./send-report.js";
import { takeTurn } from "./take-turn.js";

export interface ConverseDeps extends ReportDeps {
  /** The counsellor hand-off; absent when COUNSELLOR_CHAT_ID is unset. */
  desk?: CaseDesk | undefined;
}

const URGENT_SCREENS = new Set(["crisis", "danger", "helplines"]);

/**
 * One update through the conversation and onto the screen. takeTurn commits the new state before
 * anything is sent, so a crash after sending never shows a screen the store doesn't know.
 */
export async function converse(ctx: BotContext, deps: ConverseDeps, input: PersonInput, mode: "edit" | "new" | "silent"): Promise<void> {
  const { turn, screen, storeDown, duplicate, copies } = await takeTurn(deps, ctx.chat!.id, input, ctx.log, { preloaded: ctx.opened, updateId: ctx.update.update_id });
  // One turn per update: anything later in this update (there is nothing today) reads afresh.
  ctx.opened = undefined;
  if (duplicate) {
    ctx.log.info("update delivered again; already answered");
    return;
  }
  if (!storeDown) {
    // Her words passed to a counsellor need no screen; a crisis among them still gets its screen.
    if (mode !== "silent" && (turn.talk?.kind !== "relay" || turn.crisis)) await deliver(ctx, screen, mode);
    if (turn.report) await sendReport(ctx, deps, turn.snapshot.context);
    for (const copy of copies) await sendCopyable(ctx, copy);
    if (turn.talk) await handOver(ctx, deps, turn);
    return;
  }
  // A report made from a log we can't read would be empty and wrong: say so instead of sending one.
  const noticeKey = turn.forget ? "notice-forget-failed" : turn.report ? "notice-report-unavailable" : "notice-saving-paused";
  const notice = deps.translate(turn.snapshot.context.locale)(noticeKey);
  // Someone in crisis reads the numbers first; elsewhere the notice explains the screen, so it leads.
  // The report screen would describe a PDF that isn't coming: the notice stands in for it.
  const text = turn.report ? notice : URGENT_SCREENS.has(screen.id) ? `${screen.text}\n\n${notice}` : `${notice}\n\n${screen.text}`;
  if (mode !== "silent") await deliver(ctx, { ...screen, text }, mode);
}

/** What the turn asked of the counselling case, done after the turn is saved and shown. */
async function handOver(ctx: BotContext, deps: ConverseDeps, turn: Turn): Promise<void> {
  const talk = turn.talk!;
  if (!deps.desk) {
    // A consent button from before the service was switched off: close the case that can't exist.
    if (talk.kind === "end") return;
    const ended = await takeTurn(deps, ctx.chat!.id, { kind: "event", event: { type: "CASE_ENDED" }, locale: turn.snapshot.context.locale }, ctx.log);
    await deliver(ctx, ended.screen, "new");
    return;
  }
  const message = ctx.message ? { chatId: ctx.message.chat.id, messageId: ctx.message.message_id } : undefined;
  await deps.desk.afterTurn(ctx.chat!.id, talk, turn.snapshot.context, message);
}
