import type { Config } from "../config.js";
import { MemoryStore } from "./memory-store.js";
import type { StoreStatusLog } from "./outage-log.js";
import type { OpenedUpdate, SessionStore, UpdateKeys, UpdateLimits, Versioned } from "./session-store.js";

/**
 * The store the configuration names (config.ts has already checked its settings are there).
 *
 * The Redis and Upstash clients are imported only for the store that is configured: each is a
 * few hundred KB of code and several MB of memory, and a process uses one of them (in dist/ each
 * is a chunk of its own). The import starts at once, so a Redis connection opens as before.
 */
export function createStore(config: Pick<Config, "store" | "redisUrl" | "upstash" | "nodeEnv">, log: StoreStatusLog): SessionStore {
  if (config.store === "redis") {
    const url = config.redisUrl!;
    return new DeferredStore(import("./redis-store.js").then(({ RedisStore }) => new RedisStore(url, log)));
  }
  if (config.store === "upstash") {
    const upstash = config.upstash!;
    return new DeferredStore(import("./upstash-store.js").then(({ UpstashStore }) => new UpstashStore(upstash, log)));
  }
  // Allowed (one instance, people may accept starting over), but an operator should know.
  if (config.nodeEnv === "production") log.warn({ store: "memory" }, "STORE=memory in production: every session is lost on restart or deploy, and instances share nothing");
  return new MemoryStore();
}

/** A store that can say when its connection is ready (RedisStore). */
interface Connecting {
  ready(ms: number): Promise<boolean>;
}

/** A store whose module is still loading: every call waits for it (once), then goes straight through. */
export class DeferredStore implements SessionStore {
  #store: SessionStore | undefined;
  readonly #loading: Promise<SessionStore>;

  constructor(loading: Promise<SessionStore>) {
    this.#loading = loading.then((store) => (this.#store = store));
    // A failed import surfaces at the first call (and at start: app.ts pings the store).
    this.#loading.catch(() => undefined);
  }

  /** The store itself, once loaded. */
  loaded(): Promise<SessionStore> {
    return this.#loading;
  }

  /** As RedisStore.ready: true once connected (a store without a connection is ready when loaded). */
  async ready(ms: number): Promise<boolean> {
    const store = await this.#loading;
    return "ready" in store && typeof (store as Partial<Connecting>).ready === "function" ? (store as unknown as Connecting).ready(ms) : true;
  }

  get(key: string): Promise<Versioned | undefined> {
    return this.#store ? this.#store.get(key) : this.#loading.then((s) => s.get(key));
  }

  openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    return this.#store ? this.#store.openUpdate(keys, limits) : this.#loading.then((s) => s.openUpdate(keys, limits));
  }

  compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined> {
    return this.#store ? this.#store.compareAndSet(key, value, expected, ttlSeconds) : this.#loading.then((s) => s.compareAndSet(key, value, expected, ttlSeconds));
  }

  delete(...keys: string[]): Promise<void> {
    return this.#store ? this.#store.delete(...keys) : this.#loading.then((s) => s.delete(...keys));
  }

  ping(): Promise<void> {
    return this.#store ? this.#store.ping() : this.#loading.then((s) => s.ping());
  }

  async close(): Promise<void> {
    let store: SessionStore;
    try {
      store = await this.#loading;
    } catch {
      return;
    }
    await store.close();
  }
}
