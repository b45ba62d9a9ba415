import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { SessionStore } from "../store/session-store.js";

/** What every webhook entry checks before an update reaches the bot (the server and the serverless handler). */

/** GET /healthz: whether the store answers a ping within `ms`, as a status and a small JSON body. */
export async function health(store: SessionStore, ms = 2000): Promise<{ status: 200 | 503; body: string }> {
  try {
    await Promise.race([store.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error("store ping timed out")), ms).unref())]);
    return { status: 200, body: '{"ok":true}' };
  } catch {
    return { status: 503, body: '{"ok":false,"store":"unreachable"}' };
  }
}

/** Telegram's updates are a few KB; anything this large is not one (server and serverless alike). */
export const MAX_BODY = 1024 * 1024;

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
