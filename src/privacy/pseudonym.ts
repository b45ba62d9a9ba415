import { createHmac, hkdfSync, scrypt } from "node:crypto";

/**
 * Turns a raw Telegram chat id into what the rest of the system may see. A storage key is
 * stable, so a returning person finds their progress, and cannot be linked back to a chat
 * without the server secret.
 *
 * v2 (current): every chat's keys come from one scrypt derivation. The secret alone does not
 * stop someone who has both the database and the secret: they can derive the key of every
 * possible chat id and see which ones are stored. With a plain HMAC that was ~7 core-hours for
 * all 10^10 ids; a memory-hard derivation makes each guess cost what it costs us once per chat
 * per process (see README, Threat model). ChatVault caches the result, so a tap pays none of it.
 *
 * v1 (before): HMAC-SHA256 pseudonym and an HKDF AES key straight from the secret. Still read,
 * to move a kept session to its v2 key, and deleted with the rest on /forget and /exit.
 */

export const KEY_PREFIX = "nyf:v2:s:";
const RATE_PREFIX = "nyf:v2:r:";
export const LEGACY_KEY_PREFIX = "nyf:v1:s:";
const LEGACY_RATE_PREFIX = "nyf:v1:r:";

/**
 * N=2^13, r=8: 8 MiB and ~17 ms per derivation on the 2-core machine the bench runs on (2^14 took
 * ~35 ms, over the 30 ms a person's first update may cost). maxmem leaves room for 2^14.
 */
export const SCRYPT_COST = { N: 2 ** 13, r: 8, p: 1, maxmem: 32 * 2 ** 20 } as const;
const SCRYPT_SALT = "nyf:v2:pseudonym";

/** Everything kept for one chat is named and sealed with these; all cheap once `root` is known. */
export interface ChatKeys {
  /** 64 hex characters. Also the chat's name in in-memory bookkeeping (never a log line: use tag). */
  pseudonym: string;
  session: string;
  /** The flood counter: the same pseudonym, never the raw id. */
  rate: string;
  /** A short prefix of the pseudonym: enough to follow one session through logs, too short to be a key. */
  tag: string;
  /** Per-chat AES-256 key: leaking one chat's key exposes no other chat. */
  aesKey: Buffer;
}

/** The memory-hard step, off the event loop (libuv's thread pool) so other chats' updates go on. */
async function scryptRoot(secret: string, chatId: number | string): Promise<Buffer> {
  // Keyed by the secret before scrypt: without it the database gives nothing to start from.
  const password = createHmac("sha256", secret).update(`nyf:v2:chat:${chatId}`).digest();
  return new Promise((resolve, reject) => {
    scrypt(password, SCRYPT_SALT, 32, SCRYPT_COST, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Derives a chat's v2 keys: one scrypt (slow on purpose), then an HMAC and an HKDF. */
export async function deriveChatKeys(secret: string, chatId: number | string): Promise<ChatKeys> {
  const root = await scryptRoot(secret, chatId);
  const pseudonym = createHmac("sha256", root).update("storage").digest("hex");
  return {
    pseudonym,
    session: `${KEY_PREFIX}${pseudonym}`,
    rate: `${RATE_PREFIX}${pseudonym}`,
    tag: pseudonym.slice(0, 8),
    // From root, not from the pseudonym: the pseudonym is in the database, the AES key must not follow from it.
    aesKey: Buffer.from(hkdfSync("sha256", root, "nyf:v2:hkdf-salt", "session", 32)),
  };
}

/** A chat's v2 session key (tests, tools: the bot goes through ChatVault's cache). */
export async function sessionKey(secret: string, chatId: number | string): Promise<string> {
  return (await deriveChatKeys(secret, chatId)).session;
}

/** A chat's v2 AES key (tests, tools). */
export async function chatEncryptionKey(secret: string, chatId: number | string): Promise<Buffer> {
  return (await deriveChatKeys(secret, chatId)).aesKey;
}

/**
 * Every key that may be kept for one person, v1 keys included. /forget and /exit delete exactly
 * these, so a new per-person key (a rate limit, an evidence log) must be added here to be
 * forgotten with the rest.
 */
export function personKeys(keys: ChatKeys, legacy: string): string[] {
  return [keys.session, keys.rate, `${LEGACY_KEY_PREFIX}${legacy}`, `${LEGACY_RATE_PREFIX}${legacy}`];
}

/** The same, from the secret and the chat id (tests, tools). */
export async function personKeysOf(secret: string, chatId: number | string): Promise<string[]> {
  return personKeys(await deriveChatKeys(secret, chatId), legacyPseudonym(secret, chatId));
}

// ---- v1 -------------------------------------------------------------------------------------

/** v1 pseudonym: HMAC-SHA256 of the chat id. Cheap, which is why it is no longer a storage key. */
export function legacyPseudonym(secret: string, chatId: number | string): string {
  return createHmac("sha256", secret).update(`chat:${chatId}`).digest("hex");
}

export function legacySessionKey(secret: string, chatId: number | string): string {
  return `${LEGACY_KEY_PREFIX}${legacyPseudonym(secret, chatId)}`;
}

export function legacyRateKey(secret: string, chatId: number | string): string {
  return `${LEGACY_RATE_PREFIX}${legacyPseudonym(secret, chatId)}`;
}

/** v1 AES key (HKDF-SHA256 from the secret and the chat id): opens sessions kept before v2. */
export function legacyEncryptionKey(secret: string, chatId: number | string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "nyf:v1:hkdf-salt", `session:${chatId}`, 32));
}
