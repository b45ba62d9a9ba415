import type { ConversationEvent } from "../conversation/machine.js";
import type { Lines, Screen, Text, TextArg } from "./screen.js";

/** Looks up a Fluent message. Implemented with one @fluent/bundle per language in content/locales.ts. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

export interface RenderedButton {
  label: string;
  event: ConversationEvent;
}

export interface RenderedScreen {
  id: string;
  text: string;
  buttons: RenderedButton[][];
}

/** Telegram refuses messages over 4,096 characters; we keep well inside it. */
export const MAX_TEXT = 4000;

function resolveArg(arg: TextArg, t: Translate): string | number {
  if (typeof arg !== "object") return arg;
  if ("list" in arg) return arg.list.map((entry) => (typeof entry === "string" ? entry : translateText(entry, t))).join(t("list-separator"));
  return translateText(arg, t);
}

export function translateText(part: Text, t: Translate): string {
  if (!part.args) return t(part.key);
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(part.args)) args[name] = resolveArg(value, t);
  return t(part.key, args);
}

function translatePart(part: Text | Lines, t: Translate): string {
  return "lines" in part ? part.lines.map((l) => translateText(l, t).trim()).join("\n") : translateText(part, t);
}

/** Puts a screen (and an optional notice above it) into words. */
export function renderScreen(screen: Screen, t: Translate, notice?: Text): RenderedScreen {
  const paragraphs = (notice ? [notice, ...screen.parts] : screen.parts).map((p) => translatePart(p, t).trim());
  let body = paragraphs.filter((p) => p.length > 0).join("\n\n");
  if (body.length > MAX_TEXT) body = `${body.slice(0, MAX_TEXT - 1)}…`;
  return {
    id: screen.id,
    text: body,
    buttons: screen.buttons.map((row) => row.map((b) => ({ label: translateText(b.label, t), event: b.event }))),
  };
}
