import { StoreError, type OpenedUpdate, type SessionStore, type UpdateKeys, type UpdateLimits, type Versioned } from "./session-store.js";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  tries: number;
  /** Wait before each retry, in order (the last one repeats). */
  backoffMs: readonly number[];
}

/**
 * A moment's failure, not an outage: a command that timed out because this process stalled (a
 * long GC pause, a starved CPU, a stopped process resumed) while Redis had answered, or a
 * connection being re-made. Three tries over half a second ride it out; a real outage still fails
 * within about a second when commands fail fast (2 s per try when Redis hangs).
 */
export const BRIEF_RETRIES: RetryPolicy = { tries: 3, backoffMs: [100, 400] };

/**
 * A store whose idempotent commands are tried again after a StoreError: reads, deletes, and the
 * compare-and-set, sent again with the very same value (the contract counts our own write, applied
 * before a lost reply, as success, not as a conflict). `openUpdate` counts a hit, so it is never
 * repeated. For work that happens after the person's screen is shown (the counsellor desk), where
 * a few hundred ms more beats "it didn't work"; the turn itself keeps failing fast, with its notice.
 */
export class RetryingStore implements SessionStore {
  constructor(
    private readonly store: SessionStore,
    private readonly policy: RetryPolicy = BRIEF_RETRIES,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async #retried<T>(command: () => Promise<T>): Promise<T> {
    const { tries, backoffMs } = this.policy;
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        // Anything else (a bug, a value we can't parse) would fail the same way again.
        if (!(error instanceof StoreError) || attempt >= tries) throw error;
        await this.sleep(backoffMs[Math.min(attempt - 1, backoffMs.length - 1)] ?? 0);
      }
    }
  }

  get(key: string): Promise<Versioned | undefined> {
    return this.#retried(() => this.store.get(key));
  }

  openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    return this.store.openUpdate(keys, limits);
  }

  compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined> {
    return this.#retried(() => this.store.compareAndSet(key, value, expected, ttlSeconds));
  }

  delete(...keys: string[]): Promise<void> {
    return this.#retried(() => this.store.delete(...keys));
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
