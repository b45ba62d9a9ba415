import { GrammyError, type Api } from "grammy";
import type { Place } from "../privacy/case-vault.js";
import type { RenderedScreen } from "../screens/render.js";
import { BlockedError, type CounsellorRoom, type HerMessage, type PersonLine } from "./case-desk.js";
import { keyboardFor } from "./keyboard.js";

/**
 * The counsellors' group over the Bot API. A forum gets one topic per case; a plain group gets an
 * opening message per case, and counsellors reply to it (or to any message of the case).
 */
export function telegramRoom(apiOf: () => Api, groupId: number): CounsellorRoom {
  // Learned from the first case: a group that is not a forum says so when asked for a topic.
  let forum: boolean | undefined;
  const api = { get: apiOf };
  const where = (place: Place) =>
    place.mode === "topic"
      ? { message_thread_id: place.thread }
      : { reply_parameters: { message_id: place.anchor, allow_sending_without_reply: true } };

  return {
    async openTopic(code) {
      if (forum === false) return undefined;
      try {
        const topic = await api.get().createForumTopic(groupId, topicName(code));
        forum = true;
        return topic.message_thread_id;
      } catch (error) {
        // "the chat is not a forum": reply threads instead. Any other failure is a real one.
        if (!(error instanceof GrammyError && error.error_code === 400 && /forum/i.test(error.description))) throw error;
        forum = false;
        return undefined;
      }
    },
    async startThread(text) {
      return (await api.get().sendMessage(groupId, text, { link_preview_options: { is_disabled: true } })).message_id;
    },
    async post(place, text) {
      return (await api.get().sendMessage(groupId, text, { ...where(place), link_preview_options: { is_disabled: true } })).message_id;
    },
    async relay(place, message: HerMessage) {
      if ("text" in message) return (await api.get().sendMessage(groupId, message.text, where(place))).message_id;
      return (await api.get().copyMessage(groupId, message.chatId, message.messageId, where(place))).message_id;
    },
    async close(place, code) {
      if (place.mode !== "topic") return;
      await api.get().editForumTopic(groupId, place.thread, { name: `${topicName(code)} · ended` }).catch(() => undefined);
      await api.get().closeForumTopic(groupId, place.thread);
    },
  };
}

export const topicName = (code: string) => `Case ${code}`;

/** Her private chat over the Bot API: a copy carries no "forwarded from", so no counsellor is named. */
export function telegramLine(apiOf: () => Api, groupId: number): PersonLine {
  const api = { get: apiOf };
  return {
    async copy(chatId, groupMessageId) {
      await blockedAs403(() => api.get().copyMessage(chatId, groupId, groupMessageId));
    },
    async show(chatId, screen: RenderedScreen) {
      await blockedAs403(() => api.get().sendMessage(chatId, screen.text, { reply_markup: keyboardFor(screen), link_preview_options: { is_disabled: true } }));
    },
  };
}

async function blockedAs403(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) throw new BlockedError("she blocked the bot");
    throw error;
  }
}
