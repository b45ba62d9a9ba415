import { z } from "zod";

/**
 * What is kept for one chat, encrypted as a whole by the vault: the conversation snapshot and the
 * id of the earliest message in this conversation, so /exit can delete the whole visible range
 * (Telegram message ids in a private chat only go up) without keeping a list of messages.
 */
export const ChatRecord = z.object({
  conversation: z.unknown(),
  firstMessageId: z.number().int().positive().optional(),
});
export type ChatRecord = z.infer<typeof ChatRecord>;
