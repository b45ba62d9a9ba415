import type { Person } from "./emulator.js";

/** Something that must never appear in a log line or a stored key or value. */
export interface Forbidden {
  what: string;
  pattern: RegExp;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Who a person is (ids as whole numbers, username, first name) and what they typed. */
export function identityOf(p: Person, typed: readonly string[] = []): Forbidden[] {
  const who = `${p.firstName} @${p.username} (${p.languageCode})`;
  const forbidden: Forbidden[] = [
    { what: `user id of ${who}`, pattern: new RegExp(`(?<!\\d)${String(p.id)}(?!\\d)`) },
    { what: `chat id of ${who}`, pattern: new RegExp(`(?<!\\d)${escapeRegExp(String(p.chatId))}(?!\\d)`) },
    { what: `username of ${who}`, pattern: new RegExp(escapeRegExp(p.username), "i") },
    { what: `first name of ${who}`, pattern: new RegExp(escapeRegExp(p.firstName), "i") },
  ];
  for (const text of typed) {
    forbidden.push({ what: `text typed by ${who}: ${text.slice(0, 40)}`, pattern: new RegExp(escapeRegExp(text), "i") });
    // A long text could be logged cut short: its start alone must not appear either.
    if (text.length > 40) forbidden.push({ what: `start of a long text by ${who}`, pattern: new RegExp(escapeRegExp(text.slice(0, 40)), "i") });
  }
  return forbidden;
}

/** Every forbidden thing found in the lines, as "what: where" for a readable failure. */
export function leaksIn(lines: readonly { text: string; stream?: string }[], forbidden: readonly Forbidden[]): string[] {
  return lines.flatMap((line) => forbidden.filter((f) => f.pattern.test(line.text)).map((f) => `${f.what} in [${line.stream ?? "?"}] ${line.text.slice(0, 300)}`));
}
