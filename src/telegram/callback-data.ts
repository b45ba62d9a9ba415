import type { ConversationEvent, ConversationEventType } from "../conversation/machine.js";

/**
 * Button payloads: `1|<screen>|<event code>[|<value>]`, at most 64 bytes (Telegram's limit).
 * The leading version lets a future format tell old buttons apart; the screen lets a tap on an
 * older message be answered calmly instead of acting on a screen the person no longer sees.
 */

export const CALLBACK_VERSION = "1";
export const MAX_CALLBACK_BYTES = 64;

/** Events only the turn sends (they carry a whole item): no button can. */
type ButtonEventType = Exclude<ConversationEventType, "ADD_ITEM" | "OFFER" | "DRAFT" | "CASE_ENDED">;

const CODES: Record<ButtonEventType, string> = {
  BEGIN: "b",
  SAFE: "s",
  NOT_SAFE: "n",
  SELF_HARM: "z",
  DANGER: "D",
  ROLE: "O",
  CHILD: "K",
  CHOOSE: "c",
  TOGGLE: "t",
  NEXT: "x",
  DONE: "d",
  SKIP: "k",
  WHY: "w",
  BACK: "B",
  LAWS: "l",
  HOW: "o",
  CRISIS: "C",
  RESUME: "r",
  HELPLINES: "h",
  PRIVACY: "p",
  HELP: "H",
  MENU: "m",
  GOTO: "g",
  LANGUAGE: "L",
  SET_LOCALE: "S",
  FORGET: "F",
  CONFIRM_FORGET: "Y",
  RESTART: "R",
  LOG: "e",
  ADD: "a",
  EDIT: "E",
  REMOVE: "X",
  ACCEPT: "y",
  REPORT: "P",
  SUMMARY: "u",
  LETTERS: "W",
  LETTER: "M",
  GONE: "G",
  STILL_UP: "U",
  SENT: "Q",
  MONEY: "V",
  TALK: "T",
  SHARE: "A",
  END_TALK: "N",
};
const TYPES = new Map(Object.entries(CODES).map(([type, code]) => [code, type as ButtonEventType]));
const WITH_VALUE = new Set<ConversationEventType>(["CHOOSE", "TOGGLE", "GOTO", "SET_LOCALE", "ADD", "REMOVE", "ROLE", "LETTER", "GONE", "STILL_UP", "SHARE"]);
const SAFE_PART = /^[A-Za-z0-9._#-]{1,32}$/;

export interface DecodedButton {
  screen: string;
  event: ConversationEvent;
}

export function encodeButton(screen: string, event: ConversationEvent): string {
  if (event.type === "ADD_ITEM" || event.type === "OFFER" || event.type === "DRAFT" || event.type === "CASE_ENDED") throw new Error(`${event.type} cannot be a button`);
  const parts = [CALLBACK_VERSION, screen, CODES[event.type]];
  // A SHARE button carries the choice only: the case code is made by the turn, never by a button.
  if ("value" in event) parts.push(event.value);
  const data = parts.join("|");
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes for ${event.type}`);
  return data;
}

/** Returns undefined for anything that is not a current-version button: old, garbled or forged. */
export function decodeButton(data: string | undefined): DecodedButton | undefined {
  if (!data || Buffer.byteLength(data) > MAX_CALLBACK_BYTES) return undefined;
  const [version, screen, code, value, extra] = data.split("|");
  if (version !== CALLBACK_VERSION || !screen || !code || extra !== undefined) return undefined;
  if (!SAFE_PART.test(screen)) return undefined;
  const type = TYPES.get(code);
  if (!type) return undefined;
  if (WITH_VALUE.has(type)) {
    if (!value || !SAFE_PART.test(value)) return undefined;
    return { screen, event: { type, value } as ConversationEvent };
  }
  if (value !== undefined) return undefined;
  return { screen, event: { type } as ConversationEvent };
}
