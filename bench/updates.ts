/**
 * What both bots in the benchmark are driven with: the same bot info, the same taps, the same
 * walk into the conversation (bench/this-bot.ts and bench/conversations-flow.ts).
 */
import type { Update, UserFromGetMe } from "grammy/types";
import { encodeButton } from "../src/telegram/callback-data.js";

export const BOT_INFO = {
  id: 1,
  is_bot: true,
  first_name: "b",
  username: "b",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as unknown as UserFromGetMe;

/** A button tap in a private chat. */
export function tapUpdate(chat: number, data: string, updateId: number): Update {
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      from: { id: chat, is_bot: false, first_name: "p" },
      chat_instance: "c",
      data,
      message: { message_id: 1, date: 0, chat: { id: chat, type: "private", first_name: "p" }, text: "…" } as never,
    },
  };
}

let updateId = 0;
/** Update ids for callers that don't keep their own. */
export const nextUpdateId = () => ++updateId;

/** The taps that bring a chat to depth 4 (the platforms screen), and the screen each leaves it on; toggles go deeper. */
export const SCRIPT: readonly (readonly [string, string])[] = [
  ["1|welcome|b", "safety"],
  ["1|safety|s", "incident"],
  ["1|incident|c|sextortion", "age"],
  ["1|age|c|adult", "platforms"],
];
export const TOGGLE = encodeButton("platforms", { type: "TOGGLE", value: "instagram" });

/** The screen a chat is on after `depth` taps of the script. */
export const screenAt = (depth: number): string => (depth === 0 ? "welcome" : (SCRIPT[depth - 1]?.[1] ?? "platforms"));

/** The median of per-round means: JIT warm-up and noise hit every depth alike. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
