import type { SessionStore, UpdateLimits, Versioned } from "../store/session-store.js";
import { decrypt, encrypt } from "./cipher.js";
import { deriveChatKeys, LEGACY_KEY_PREFIX, legacyEncryptionKey, legacyPseudonym, personKeys, type ChatKeys } from "./pseudonym.js";

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
 * Chats whose derived keys one process keeps. An entry is about 700 bytes (measured), so 7 MB at
 * most; 10,000 is far more people than are active within minutes of each other at this bot's
 * scale (the throughput bench walks 1,000 at once). A person evicted and back pays one derivation
 * (~17 ms) again, nothing more. Bounded also because it is a list of recent people, if only of
 * HMACs.
 */
export const KEY_CACHE_SIZE = 10_000;

interface Slot {
  /** The v1 pseudonym (an HMAC of the id): this slot's cache key, and the suffix of the v1 keys. */
  legacy: string;
  keys: Promise<ChatKeys>;
  /** Set once this process knows no v1 session waits for this chat: no second look per update. */
  legacyChecked: boolean;
}

const NOTHING: Loaded = { data: undefined, version: 0 };

/**
 * The one door between a raw chat id and the store: it pseudonymises the key, encrypts the value
 * and slides the TTL. Nothing else in the app turns a chat id into a storage key.
 *
 * Keys come from a deliberately slow derivation (pseudonym.ts), done once per chat per process and
 * cached here. The cache is keyed by an HMAC of the chat id, not the id: the process sees raw ids
 * while it handles an update, but should not keep a plain list of its last 10,000 people after.
 */
export class ChatVault {
  readonly #slots = new Map<string, Slot>();

  constructor(
    private readonly store: SessionStore,
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly cacheSize = KEY_CACHE_SIZE,
  ) {}

  /** The chat's derived keys: from the cache, or one derivation shared by every update that asks meanwhile. */
  keys(chatId: number): Promise<ChatKeys> {
    return this.#slot(chatId).keys;
  }

  #slot(chatId: number): Slot {
    const legacy = legacyPseudonym(this.secret, chatId);
    const cached = this.#slots.get(legacy);
    if (cached) {
      // Most recently used goes last; Map keeps insertion order, so the first key is the eviction candidate.
      this.#slots.delete(legacy);
      this.#slots.set(legacy, cached);
      return cached;
    }
    const slot: Slot = { legacy, keys: deriveChatKeys(this.secret, chatId), legacyChecked: false };
    // A failed derivation is not cached: the next update tries again.
    slot.keys.catch(() => {
      if (this.#slots.get(legacy) === slot) this.#slots.delete(legacy);
    });
    this.#slots.set(legacy, slot);
    if (this.#slots.size > this.cacheSize) this.#slots.delete(this.#slots.keys().next().value!);
    return slot;
  }

  /** The stored JSON for this chat; `{ corrupt: true }` when something is there that cannot be read. */
  async load(chatId: number): Promise<Loaded> {
    const slot = this.#slot(chatId);
    const keys = await slot.keys;
    const found = await this.store.get(keys.session);
    return found ? this.#open(keys, found) : this.#fromLegacy(chatId, slot, keys);
  }

  /**
   * An update arrives: count it against this person's rate window and load the session, in one
   * store round trip (the conversation then needs only the write).
   */
  async open(chatId: number, limits: UpdateLimits): Promise<OpenedChat> {
    const slot = this.#slot(chatId);
    const keys = await slot.keys;
    const opened = await this.store.openUpdate({ session: keys.session, rate: keys.rate }, limits);
    return { hits: opened.hits, loaded: opened.session ? this.#open(keys, opened.session) : await this.#fromLegacy(chatId, slot, keys) };
  }

  #open(keys: ChatKeys, found: Versioned): Loaded {
    const plain = decrypt(keys.aesKey, found.value, keys.session);
    return { data: plain === undefined ? { corrupt: true } : parseJson(plain), version: found.version };
  }

  /**
   * Nothing under the v2 key: a session kept before v2 may wait under the v1 key. It is opened with
   * the v1 key, written under the v2 key (compare-and-set, so a concurrent update's write wins) and
   * the v1 key deleted, so the cheap-to-reverse name leaves the database with the first visit back.
   * Looked for once per chat per process: after that, nothing under v2 means nothing kept.
   */
  async #fromLegacy(chatId: number, slot: Slot, keys: ChatKeys): Promise<Loaded> {
    if (slot.legacyChecked) return NOTHING;
    const legacyKey = `${LEGACY_KEY_PREFIX}${slot.legacy}`;
    const old = await this.store.get(legacyKey);
    if (old === undefined) {
      slot.legacyChecked = true;
      return NOTHING;
    }
    const plain = decrypt(legacyEncryptionKey(this.secret, chatId), old.value, legacyKey);
    let loaded: Loaded;
    if (plain === undefined) {
      // Unreadable under v1 too: a lost session, as for a damaged v2 value; the next save starts v2.
      loaded = { data: { corrupt: true }, version: 0 };
    } else {
      const version = await this.store.compareAndSet(keys.session, encrypt(keys.aesKey, plain, keys.session), 0, this.ttlSeconds);
      if (version !== undefined) {
        loaded = { data: parseJson(plain), version };
      } else {
        // Another update (or instance) wrote the v2 key first: theirs is the newer state.
        const now = await this.store.get(keys.session);
        loaded = now ? this.#open(keys, now) : NOTHING;
      }
    }
    await this.store.delete(legacyKey);
    slot.legacyChecked = true;
    return loaded;
  }

  /** Encrypts and writes if nobody wrote since `version` was loaded; false on such a conflict. */
  async save(chatId: number, data: unknown, version: number): Promise<boolean> {
    const keys = await this.keys(chatId);
    const value = encrypt(keys.aesKey, JSON.stringify(data), keys.session);
    return (await this.store.compareAndSet(keys.session, value, version, this.ttlSeconds)) !== undefined;
  }

  /** The chat's full pseudonym, for in-memory bookkeeping that must not hold the raw id (never a log line: use tag). */
  async pseudonym(chatId: number): Promise<string> {
    return (await this.keys(chatId)).pseudonym;
  }

  /** A short pseudonym prefix to follow one chat through the logs. */
  async tag(chatId: number): Promise<string> {
    return (await this.keys(chatId)).tag;
  }

  /** Deletes every key kept for this person, v1 keys included, and this process's cached keys for them. */
  async erase(chatId: number): Promise<void> {
    const slot = this.#slot(chatId);
    const keys = await slot.keys;
    await this.store.delete(...personKeys(keys, slot.legacy));
    if (this.#slots.get(slot.legacy) === slot) this.#slots.delete(slot.legacy);
  }
}

function parseJson(plain: string): unknown {
  try {
    return JSON.parse(plain) as unknown;
  } catch {
    return { corrupt: true };
  }
}
