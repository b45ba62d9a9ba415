import { z } from "zod";

/**
 * What is kept for one chat, encrypted as a whole by the vault: the conversation snapshot only.
 * (/exit needs no list of messages: ids in a private chat only go up, so it sweeps back a range.)
 */
export const ChatRecord = z.object({
  conversation: z.unknown(),
});
export type ChatRecord = z.infer<typeof ChatRecord>;
