import type { SessionStore } from "./session-store.js";

/** In-process store for development, the terminal playground and tests. Expired keys vanish on read. */
export class MemoryStore implements SessionStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.#entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async close(): Promise<void> {}

  /** Everything held, for privacy tests that search every key and value. */
  dump(): [string, string][] {
    return [...this.#entries].map(([k, e]) => [k, e.value]);
  }
}
