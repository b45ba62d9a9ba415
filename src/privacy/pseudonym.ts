import { createHmac, hkdfSync } from "node:crypto";

/**
 * Turns a raw Telegram chat id into what the rest of the system may see. A storage key is an
 * HMAC: without the server secret it cannot be linked back to a chat, and it is stable, so a
 * returning person finds their progress.
 */

export const KEY_PREFIX = "nyf:v1:s:";
const RATE_PREFIX = "nyf:v1:r:";


export function chatPseudonym(secret: string, chatId: number | string): string {
  return createHmac("sha256", secret).update(`chat:${chatId}`).digest("hex");
}

export function sessionKey(secret: string, chatId: number | string): string {
  return `${KEY_PREFIX}${chatPseudonym(secret, chatId)}`;
}

/**
 * Every key kept for one person. /forget and /exit delete exactly these, so a new per-person key
 * (a rate limit, an evidence log) must be added here to be forgotten with the rest.
 */
export function personKeys(secret: string, chatId: number | string): string[] {
  return [sessionKey(secret, chatId), rateKey(secret, chatId)];
}

/** The person's update counter for flood control: the same pseudonym, never the raw id. */
export function rateKey(secret: string, chatId: number | string): string {
  return `${RATE_PREFIX}${chatPseudonym(secret, chatId)}`;
}


/** A short prefix of the pseudonym: enough to follow one session through logs, too short to be a key. */
export function logTag(secret: string, chatId: number | string): string {
  return chatPseudonym(secret, chatId).slice(0, 8);
}

/** A per-chat AES key (HKDF-SHA256): leaking one chat's key exposes no other chat. */
export function chatEncryptionKey(secret: string, chatId: number | string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "nyf:v1:hkdf-salt", `session:${chatId}`, 32));
}
