import { GrammyError } from "grammy";
import type { RenderedScreen } from "../screens/render.js";
import type { BotContext } from "./context.js";
import { keyboardFor } from "./keyboard.js";

/**
 * Shows a screen: button taps edit the message in place (the chat stays short and calm), anything
 * else sends a new message. If the old message can no longer be edited, a new one is sent instead.
 */
export async function deliver(ctx: BotContext, screen: RenderedScreen, mode: "edit" | "new"): Promise<void> {
  const reply_markup = keyboardFor(screen);
  const message = ctx.callbackQuery?.message;
  if (mode === "edit" && message) {
    try {
      await ctx.api.editMessageText(message.chat.id, message.message_id, screen.text, {
        reply_markup,
        link_preview_options: { is_disabled: true },
      });
      return;
    } catch (error) {
      // Tapping the same button twice: Telegram says "not modified", and the screen is already right.
      if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
      ctx.log.debug({ err: error }, "edit failed; sending a new message");
    }
  }
  await ctx.reply(screen.text, { reply_markup, link_preview_options: { is_disabled: true } });
}
