import type { Place } from "../privacy/case-vault.js";
import type { RenderedScreen } from "../screens/render.js";
import { topicName } from "./counsellor-room.js";
import type { CounsellorRoom, GroupMessage, HerMessage, PersonLine } from "./case-desk.js";

/**
 * The counsellors' group, simulated for `npm run chat`: a forum whose messages are printed with a
 * "[counsellors]" mark, and a counsellor a content editor plays with `/as-counsellor <text>`. No
 * Telegram: only what the desk needs to walk the same flow.
 */
export interface TerminalRoom {
  room: CounsellorRoom;
  line: PersonLine;
  /** A counsellor writes in the newest open case: a GroupMessage for the desk, or undefined when no case is open. */
  counsellorSays(text: string): GroupMessage | undefined;
}

export function terminalRoom(print: (text: string) => void, showToHer: (screen: RenderedScreen) => void): TerminalRoom {
  const said = new Map<number, string>();
  let nextId = 1;
  let nextThread = 100;
  const open = new Map<number, string>();
  const post = (place: Place, text: string): number => {
    const id = nextId++;
    said.set(id, text);
    const name = place.mode === "topic" ? (open.get(place.thread) ?? "a case") : "a case";
    print(`[counsellors · ${name}] ${text}`);
    return id;
  };

  const room: CounsellorRoom = {
    async openTopic(code) {
      const thread = nextThread++;
      open.set(thread, topicName(code));
      return thread;
    },
    async startThread(text) {
      return post({ mode: "thread", anchor: 0 }, text);
    },
    async post(place, text) {
      return post(place, text);
    },
    async relay(place, message: HerMessage) {
      return post(place, "text" in message ? `(her message) ${message.text}` : "(her message)");
    },
    async close(place) {
      if (place.mode === "topic") open.delete(place.thread);
    },
  };
  const line: PersonLine = {
    async copy(_chatId, groupMessageId) {
      // On Telegram it is a plain message from the bot; the playground marks it so an editor can follow.
      showToHer({ id: "counsellor", text: `(counsellor) ${said.get(groupMessageId) ?? ""}`, buttons: [] });
    },
    async show(_chatId, screen) {
      showToHer(screen);
    },
  };
  return {
    room,
    line,
    counsellorSays(text) {
      const thread = [...open.keys()].pop();
      if (thread === undefined) return undefined;
      const messageId = nextId++;
      said.set(messageId, text);
      const command = text.match(/^\/(end|helplines|summary)\b/)?.[1];
      return { messageId, thread, ...(command ? { command } : {}) };
    },
  };
}
