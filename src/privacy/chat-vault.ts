import type { SessionStore } from "../store/session-store.js";
import { decrypt, encrypt } from "./cipher.js";
import { chatEncryptionKey, logTag, sessionKey } from "./pseudonym.js";

/**
 * The one door between a raw chat id and the store: it pseudonymises the key, encrypts the value
 * and slides the TTL. Nothing else in the app turns a chat id into a storage key.
 */
export class ChatVault {
  constructor(
    private readonly store: SessionStore,
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  /** The stored JSON for this chat, or undefined when there is none or it cannot be decrypted. */
  async load(chatId: number): Promise<unknown> {
    const key = sessionKey(this.secret, chatId);
    const value = await this.store.get(key);
    if (value === undefined) return undefined;
    const plain = decrypt(chatEncryptionKey(this.secret, chatId), value, key);
    if (plain === undefined) return { corrupt: true };
    try {
      return JSON.parse(plain) as unknown;
    } catch {
      return { corrupt: true };
    }
  }

  async save(chatId: number, data: unknown): Promise<void> {
    const key = sessionKey(this.secret, chatId);
    await this.store.set(key, encrypt(chatEncryptionKey(this.secret, chatId), JSON.stringify(data), key), this.ttlSeconds);
  }

  /** A short pseudonym prefix to follow one chat through the logs. */
  tag(chatId: number): string {
    return logTag(this.secret, chatId);
  }

  async erase(chatId: number): Promise<void> {
    await this.store.delete(sessionKey(this.secret, chatId));
  }
}
