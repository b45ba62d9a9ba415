import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";

/** What every webhook entry checks before an update reaches the bot (the server and the serverless handler). */

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Constant-time check of Telegram's secret header; no secret configured lets everything in. */
export function secretMatches(header: string | string[] | null | undefined, secret: string | undefined): boolean {
  if (secret === undefined) return true;
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An object with an integer update_id; anything else is answered 400 and never reaches the bot. */
export function parseUpdate(raw: string | undefined): Update | undefined {
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const id = (value as { update_id?: unknown }).update_id;
    return Number.isSafeInteger(id) && (id as number) >= 0 ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}
