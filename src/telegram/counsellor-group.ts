import { sequentialize } from "@grammyjs/runner";
import { Composer } from "grammy";
import type { CaseDesk, GroupMessage } from "./case-desk.js";
import type { BotContext } from "./context.js";

/** The commands counsellors use inside a case; anything else starting with "/" stays in the group. */
const COUNSELLOR_COMMANDS = new Set(["end", "helplines", "summary"]);

/**
 * Updates from the counsellors' group. Membership of that group is the access control: the bot
 * relays only from this one chat, only inside cases it opened (the desk finds them), and never
 * from a bot — anonymous admins post as a bot (GroupAnonymousBot), so they must write as
 * themselves to be relayed. Nothing about who wrote reaches the desk, a log line or her.
 */
export function counsellorGroup(desk: CaseDesk, botUsername: () => string): Composer<BotContext> {
  const group = new Composer<BotContext>();
  const ours = group.filter((ctx) => ctx.chat?.id === desk.settings.chatId);
  // Never leave it, and never answer a membership change in it.
  ours.on("my_chat_member", () => undefined);
  // One case's messages reach her in the order they were written.
  ours.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  ours.on("message", async (ctx) => {
    const msg = ctx.msg;
    if (ctx.from === undefined || ctx.from.is_bot || msg.sender_chat !== undefined) return;
    // Service messages (a topic created or closed, someone joined) are nobody's words.
    if (!hasContent(msg as unknown as Record<string, unknown>)) return;
    const message: GroupMessage = {
      messageId: msg.message_id,
      thread: msg.is_topic_message ? msg.message_thread_id : undefined,
      replyTo: msg.reply_to_message?.message_id,
      // Without topics, a reply chain's first message (the case's opening, when it is a case).
      threadRoot: msg.is_topic_message ? undefined : msg.message_thread_id,
      command: commandOf(msg.text, botUsername()),
    };
    await desk.fromCounsellor(message);
  });
  // An edit in the group cannot follow a copy already sent: she keeps what she got.
  ours.on("edited_message", () => undefined);
  return group;
}

function hasContent(msg: Record<string, unknown>): boolean {
  return ["text", "photo", "document", "video", "voice", "audio", "sticker", "animation", "video_note", "contact", "location"].some((k) => msg[k] !== undefined);
}

/** "/end" or "/end@ThisBot" → "end"; a command addressed to another bot, or none, → undefined. */
export function commandOf(text: string | undefined, botUsername: string): string | undefined {
  const m = text?.match(/^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s|$)/);
  if (!m) return undefined;
  if (m[2] !== undefined && m[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const name = m[1]!.toLowerCase();
  return COUNSELLOR_COMMANDS.has(name) ? name : `other:${name}`;
}
