import { InlineKeyboard } from "grammy";
import type { RenderedScreen } from "../screens/render.js";
import { encodeButton } from "./callback-data.js";

/** A rendered screen's buttons as an inline keyboard; each button carries the screen it belongs to. */
export function keyboardFor(screen: RenderedScreen): InlineKeyboard {
  return InlineKeyboard.from(screen.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, encodeButton(screen.id, b.event)))));
}
