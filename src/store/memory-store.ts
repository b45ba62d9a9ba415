import type { OpenedUpdate, SessionStore, UpdateKeys, UpdateLimits, Versioned } from "./session-store.js";
import { formatVersioned, parseVersioned } from "./versioned-value.js";

export interface MemoryStoreOptions {
  /** How often expired entries are removed; 0 turns the sweep off (tests drive it with sweep()). */
  sweepEveryMs?: number;
}

/**
 * In-process store for development, the terminal playground and tests. Expired keys vanish on
 * read, and a periodic sweep removes those nobody reads again: a person who never comes back
 * must not stay in memory past their TTL. Values are kept in the same "<version>:<value>" form
 * as in Redis, so the contract suite and privacy scans see one format everywhere.
 */
export class MemoryStore implements SessionStore {
  readonly #entries = new Map<string, { raw: string; expiresAt: number }>();
  readonly #sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    { sweepEveryMs = 60_000 }: MemoryStoreOptions = {},
  ) {
    // unref: the sweep alone never keeps a process (a test, the terminal chat) alive.
    if (sweepEveryMs > 0) this.#sweeper = setInterval(() => this.sweep(), sweepEveryMs).unref();
  }

  /** Removes every expired entry; returns how many went. */
  sweep(): number {
    const now = this.now();
    let removed = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) continue;
      this.#entries.delete(key);
      removed++;
    }
    return removed;
  }

  async get(key: string): Promise<Versioned | undefined> {
    const raw = this.#live(key);
    return raw === undefined ? undefined : parseVersioned(raw);
  }

  async openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    const hits = Number(this.#live(keys.rate) ?? 0) + 1;
    const expiresAt = hits === 1 ? this.now() + limits.rateWindowMs : this.#entries.get(keys.rate)!.expiresAt;
    this.#entries.set(keys.rate, { raw: String(hits), expiresAt });
    return { hits, session: await this.get(keys.session) };
  }

  async compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined> {
    const raw = this.#live(key);
    const current = raw === undefined ? { value: undefined, version: 0 } : parseVersioned(raw);
    if (current.version > 0 && current.value === value) return current.version;
    if (current.version !== expected) return undefined;
    const version = current.version + 1;
    this.#put(key, formatVersioned(value, version), ttlSeconds * 1000);
    return version;
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.#entries.delete(key);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
  }

  /** Everything held, as stored, for privacy tests that search every key and value. */
  dump(): [string, string][] {
    return [...this.#entries].map(([k, e]) => [k, e.raw]);
  }

  /** Plants a raw value, as a fault test would in Redis (corrupt or old snapshots). */
  plant(key: string, raw: string, ttlSeconds = 3600): void {
    this.#put(key, raw, ttlSeconds * 1000);
  }

  #put(key: string, raw: string, ttlMs: number): void {
    this.#entries.set(key, { raw, expiresAt: this.now() + ttlMs });
  }

  #live(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.raw;
  }
}
