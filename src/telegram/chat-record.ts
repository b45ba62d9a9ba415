import * as z from "zod/mini";
import type { ConversationMachine, Locale } from "../conversation/machine.js";
import { acceptsImages, StoredConversation } from "../conversation/turn.js";

/** How many recent update ids a record remembers: Telegram re-sends the latest ones, not old ones. */
export const SEEN_KEPT = 8;

/**
 * What is kept for one chat, encrypted as a whole by the vault: the conversation snapshot, and
 * the ids of the last few updates it took in, so an update Telegram delivers again (a webhook it
 * thought failed) is recognised and answered only once. The compare-and-set on the record makes
 * that hold across instances too. (/exit needs no list of messages: ids in a private chat only go
 * up, so it sweeps back a range.)
 */
export const ChatRecord = z.object({
  conversation: z.unknown(),
  seen: z._default(z.array(z.int()).check(z.maxLength(SEEN_KEPT)), []),
});
export type ChatRecord = z.infer<typeof ChatRecord>;

/** Whether images may be opened for a stored record's chat: not for someone who said they are under 18. */
export function recordAcceptsImages(machine: ConversationMachine, data: unknown): boolean {
  const record = ChatRecord.safeParse(data);
  return acceptsImages(machine, record.success ? record.data.conversation : undefined);
}

/** The conversation's context in a stored record, if it can be read (its language, its open case…). */
export function recordContext(data: unknown): StoredConversation["snapshot"]["context"] | undefined {
  const record = ChatRecord.safeParse(data);
  return StoredConversation.safeParse(record.success ? record.data.conversation : undefined).data?.snapshot.context;
}

/** The language of a stored record, if it can be read; `fallback` (Telegram's) otherwise. */
export function recordLocale(data: unknown, fallback: Locale): Locale {
  return recordContext(data)?.locale ?? fallback;
}
