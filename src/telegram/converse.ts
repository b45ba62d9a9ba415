import type { PersonInput } from "../conversation/turn.js";
import type { ChatVault } from "../privacy/chat-vault.js";
import { reply, type ReplyDeps } from "../screens/reply.js";
import { ChatRecord } from "./chat-record.js";
import type { BotContext } from "./context.js";
import { deliver } from "./deliver.js";

export interface ConverseDeps extends ReplyDeps {
  vault: ChatVault;
}

/** Loads the chat's record; a store outage is logged and treated as "nothing kept" so help still works. */
export async function loadRecord(ctx: BotContext, vault: ChatVault): Promise<{ record: ChatRecord | undefined; raw: unknown; storeDown: boolean }> {
  try {
    const raw = await vault.load(ctx.chat!.id);
    const parsed = ChatRecord.safeParse(raw);
    return { record: parsed.success ? parsed.data : undefined, raw, storeDown: false };
  } catch (error) {
    ctx.log.warn({ err: error }, "store unavailable on load");
    return { record: undefined, raw: undefined, storeDown: true };
  }
}

/**
 * One update through the conversation: load → turn → commit → show. The new state is saved
 * before anything is sent, so a crash after sending never shows a screen the store doesn't know.
 */
export async function converse(ctx: BotContext, deps: ConverseDeps, input: PersonInput, mode: "edit" | "new"): Promise<void> {
  const chatId = ctx.chat!.id;
  const { record, raw, storeDown: loadFailed } = await loadRecord(ctx, deps.vault);
  // A record that exists but doesn't parse is handed on as-is, so the turn reports a lost session.
  const stored = record ? record.conversation : raw;
  const { turn, screen } = reply(deps, stored, input);
  let storeDown = loadFailed;

  if (turn.forget) {
    try {
      await deps.vault.erase(chatId);
      ctx.log.info("session forgotten");
    } catch (error) {
      storeDown = true;
      ctx.log.error({ err: error }, "forget failed: store unavailable");
    }
  } else if (!loadFailed) {
    // After a failed load we don't save: a fresh session must not overwrite progress we couldn't read.
    const next: ChatRecord = { conversation: turn.stored };
    try {
      await deps.vault.save(chatId, next);
    } catch (error) {
      storeDown = true;
      ctx.log.warn({ err: error }, "store unavailable on save");
    }
  }

  const t = deps.translate(turn.snapshot.context.locale);
  const shown = storeDown ? { ...screen, text: `${t(turn.forget ? "notice-forget-failed" : "notice-saving-paused")}\n\n${screen.text}` } : screen;
  await deliver(ctx, shown, mode);
}
