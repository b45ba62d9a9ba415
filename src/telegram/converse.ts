import type { PersonInput } from "../conversation/turn.js";
import type { BotContext } from "./context.js";
import { deliver } from "./deliver.js";
import { takeTurn, type TurnDeps } from "./take-turn.js";

export type ConverseDeps = TurnDeps;

/**
 * One update through the conversation and onto the screen. takeTurn commits the new state before
 * anything is sent, so a crash after sending never shows a screen the store doesn't know.
 */
export async function converse(ctx: BotContext, deps: ConverseDeps, input: PersonInput, mode: "edit" | "new"): Promise<void> {
  const { turn, screen, storeDown } = await takeTurn(deps, ctx.chat!.id, input, ctx.log);
  const t = deps.translate(turn.snapshot.context.locale);
  const shown = storeDown ? { ...screen, text: `${t(turn.forget ? "notice-forget-failed" : "notice-saving-paused")}\n\n${screen.text}` } : screen;
  await deliver(ctx, shown, mode);
}
