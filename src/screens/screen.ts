import type { ConversationEvent } from "../conversation/machine.js";

/**
 * What the person sees, before it is put into words: Fluent keys with arguments and buttons that
 * carry the event they send. Screens know nothing of Telegram or the terminal.
 */

/** An argument is plain data (a number, a phone number, a URL), another text to translate, or a list of them. */
export type TextArg = string | number | Text | TextList;

/** Entries shown inline, joined by the language's list separator ("Instagram, WhatsApp"). */
export interface TextList {
  list: (string | Text)[];
}

export interface Text {
  key: string;
  args?: Record<string, TextArg>;
}

/** Short entries shown as one paragraph, one per line. */
export interface Lines {
  lines: Text[];
}

export interface Button {
  label: Text;
  event: ConversationEvent;
}

export interface Screen {
  /** Which screen this is (see `positionOf`); buttons carry it to spot taps on old screens. */
  id: string;
  /** Paragraphs, shown with a blank line between them. */
  parts: (Text | Lines)[];
  /** Rows of buttons. */
  buttons: Button[][];
}

export const text = (key: string, args?: Record<string, TextArg>): Text => (args ? { key, args } : { key });

export const lines = (entries: Text[]): Lines => ({ lines: entries });

export const inline = (entries: (string | Text)[]): TextList => ({ list: entries });

export const button = (key: string, event: ConversationEvent, args?: Record<string, TextArg>): Button => ({
  label: text(key, args),
  event,
});

/** Helplines and the menu: the row that keeps help one tap away. */
export const helpRow = (): Button[] => [button("btn-helplines", { type: "HELPLINES" }), button("btn-menu", { type: "MENU" })];
