/**
 * Where ciphertext lives. Keys are already pseudonymous and values already encrypted when they
 * get here (see privacy/chat-vault.ts): a store never sees who anyone is. Kept small and async so
 * Redis and Upstash fit behind it.
 */
export interface SessionStore {
  get(key: string): Promise<string | undefined>;
  /** Writes and (re)starts the key's time to live: the TTL slides with every write. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
