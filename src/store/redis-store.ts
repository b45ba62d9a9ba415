import { Redis } from "ioredis";
import { OutageLog, type StoreStatusLog } from "./outage-log.js";
import { storeCommand, type OpenedUpdate, type SessionStore, type UpdateKeys, type UpdateLimits, type Versioned } from "./session-store.js";
import { COMPARE_AND_SET_LUA, OPEN_UPDATE_LUA, parseOpenedUpdate, parseVersioned } from "./versioned-value.js";

type RedisWithCas = Redis & {
  compareAndSet(key: string, expected: number, value: string, ttlSeconds: number): Promise<number>;
  openUpdate(session: string, rate: string, rateWindowMs: number): Promise<unknown>;
};

/**
 * Redis over TCP (ioredis). Tuned to fail fast: during an outage a command errors at once instead
 * of queueing, so the bot can still answer with help from content alone; ioredis reconnects in
 * the background and the next update simply works again.
 */
export class RedisStore implements SessionStore {
  readonly #client: RedisWithCas;
  readonly #outage: OutageLog;
  #closing = false;

  constructor(url: string, log?: StoreStatusLog) {
    this.#client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 2000,
      // Keep trying for ever, at most every 2 s: the store coming back must need nobody.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    }) as RedisWithCas;
    // defineCommand runs EVALSHA and falls back to EVAL once per connection: one round trip.
    this.#client.defineCommand("compareAndSet", { numberOfKeys: 1, lua: COMPARE_AND_SET_LUA });
    this.#client.defineCommand("openUpdate", { numberOfKeys: 2, lua: OPEN_UPDATE_LUA });
    // Without an error listener ioredis prints every failed reconnect; log an outage once instead,
    // from the moment the connection drops (a short outage may end before any reconnect fails).
    this.#outage = new OutageLog("redis", log);
    this.#client.on("error", (error: unknown) => this.#outage.down(error));
    this.#client.on("close", () => {
      if (!this.#closing) this.#outage.down(new Error("connection closed"));
    });
    this.#client.on("ready", () => this.#outage.up());
  }

  /** Waits up to `ms` for the first connection; false if Redis did not answer in time. */
  async ready(ms: number): Promise<boolean> {
    if (this.#client.status === "ready") return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#client.off("ready", onReady);
        resolve(false);
      }, ms);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.#client.once("ready", onReady);
    });
  }

  async get(key: string): Promise<Versioned | undefined> {
    const raw = await storeCommand("redis", "get", () => this.#client.get(key));
    return raw === null ? undefined : parseVersioned(raw);
  }

  async openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    const reply = await storeCommand("redis", "openUpdate", () => this.#client.openUpdate(keys.session, keys.rate, limits.rateWindowMs));
    return parseOpenedUpdate(reply);
  }

  async compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined> {
    const version = await storeCommand("redis", "compareAndSet", () => this.#client.compareAndSet(key, expected, value, ttlSeconds));
    return version > 0 ? version : undefined;
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await storeCommand("redis", "delete", () => this.#client.del(...keys));
  }

  async ping(): Promise<void> {
    await storeCommand("redis", "ping", () => this.#client.ping());
  }

  async close(): Promise<void> {
    this.#closing = true;
    try {
      await this.#client.quit();
    } catch {
      this.#client.disconnect();
    }
  }
}
