import type { SessionStore, UpdateLimits, Versioned } from "../store/session-store.js";
import { decrypt, encrypt } from "./cipher.js";
import { chatEncryptionKey, chatPseudonym, logTag, personKeys, rateKey, sessionKey } from "./pseudonym.js";

/** What a load found: the decrypted JSON (undefined when nothing is kept) and the version to write against. */
export interface Loaded {
  data: unknown;
  /** 0 when nothing is stored yet. */
  version: number;
}

export interface OpenedChat {
  /** This person's updates in the current rate window, this one included. */
  hits: number;
  loaded: Loaded;
}

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

  /** The stored JSON for this chat; `{ corrupt: true }` when something is there that cannot be read. */
  async load(chatId: number): Promise<Loaded> {
    const key = sessionKey(this.secret, chatId);
    return this.#open(chatId, await this.store.get(key));
  }

  /**
   * An update arrives: count it against this person's rate window and load the session, in one
   * store round trip (the conversation then needs only the write).
   */
  async open(chatId: number, limits: UpdateLimits): Promise<OpenedChat> {
    const opened = await this.store.openUpdate({ session: sessionKey(this.secret, chatId), rate: rateKey(this.secret, chatId) }, limits);
    return { hits: opened.hits, loaded: this.#open(chatId, opened.session) };
  }

  #open(chatId: number, found: Versioned | undefined): Loaded {
    if (found === undefined) return { data: undefined, version: 0 };
    const key = sessionKey(this.secret, chatId);
    const plain = decrypt(chatEncryptionKey(this.secret, chatId), found.value, key);
    return { data: plain === undefined ? { corrupt: true } : parseJson(plain), version: found.version };
  }

  /** Encrypts and writes if nobody wrote since `version` was loaded; false on such a conflict. */
  async save(chatId: number, data: unknown, version: number): Promise<boolean> {
    const key = sessionKey(this.secret, chatId);
    const value = encrypt(chatEncryptionKey(this.secret, chatId), JSON.stringify(data), key);
    return (await this.store.compareAndSet(key, value, version, this.ttlSeconds)) !== undefined;
  }

  /** The chat's full pseudonym, for in-memory bookkeeping that must not hold the raw id (never a log line: use tag). */
  pseudonym(chatId: number): string {
    return chatPseudonym(this.secret, chatId);
  }

  /** A short pseudonym prefix to follow one chat through the logs. */
  tag(chatId: number): string {
    return logTag(this.secret, chatId);
  }

  /** Deletes every key kept for this person. */
  async erase(chatId: number): Promise<void> {
    await this.store.delete(...personKeys(this.secret, chatId));
  }
}

function parseJson(plain: string): unknown {
  try {
    return JSON.parse(plain) as unknown;
  } catch {
    return { corrupt: true };
  }
}
