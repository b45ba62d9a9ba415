import { Redis } from "@upstash/redis";
import { OutageLog, type StoreStatusLog } from "./outage-log.js";
import { storeCommand, type OpenedUpdate, type SessionStore, type UpdateKeys, type UpdateLimits, type Versioned } from "./session-store.js";
import { COMPARE_AND_SET_LUA, OPEN_UPDATE_LUA, parseOpenedUpdate, parseVersioned } from "./versioned-value.js";

export interface UpstashOptions {
  url: string;
  token: string;
  /** Per-request limit, so an unreachable endpoint fails fast instead of holding an update. */
  timeoutMs?: number;
}

/**
 * Upstash Redis over its REST API. Values are our own ciphertext, so the client's automatic JSON
 * (de)serialisation is off. Auto-pipelining is off too: a turn's two commands depend on each other
 * (the write needs the read's version), so batching would only mix different chats' commands into
 * one non-atomic request. Telemetry headers are off: nothing leaves but the command.
 */
export class UpstashStore implements SessionStore {
  readonly #client: Redis;
  readonly #cas: ReturnType<Redis["createScript"]>;
  readonly #open: ReturnType<Redis["createScript"]>;
  readonly #outage: OutageLog;

  constructor(options: UpstashOptions, log?: StoreStatusLog) {
    this.#outage = new OutageLog("upstash", log);
    const timeoutMs = options.timeoutMs ?? 3000;
    this.#client = new Redis({
      url: options.url,
      token: options.token,
      automaticDeserialization: false,
      enableAutoPipelining: false,
      enableTelemetry: false,
      // One quick retry for a dropped connection; the CAS makes a repeated write harmless.
      retry: { retries: 1, backoff: () => 100 },
      signal: () => AbortSignal.timeout(timeoutMs),
    });
    // EVALSHA first, EVAL once when the script is not cached yet.
    this.#cas = this.#client.createScript<number>(COMPARE_AND_SET_LUA);
    this.#open = this.#client.createScript<unknown>(OPEN_UPDATE_LUA);
  }

  async get(key: string): Promise<Versioned | undefined> {
    const raw = await this.#command("get", () => this.#client.get<string>(key));
    return raw === null || raw === undefined ? undefined : parseVersioned(String(raw));
  }

  async openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    const reply = await this.#command("openUpdate", () => this.#open.exec([keys.session, keys.rate], [String(limits.rateWindowMs)]));
    return parseOpenedUpdate(reply);
  }

  async compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined> {
    const version = await this.#command("compareAndSet", () => this.#cas.exec([key], [String(expected), value, String(ttlSeconds)]));
    return Number(version) > 0 ? Number(version) : undefined;
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.#command("delete", () => this.#client.del(...keys));
  }

  async ping(): Promise<void> {
    await this.#command("ping", () => this.#client.ping());
  }

  /** HTTP needs no teardown: there is no connection to release. */
  async close(): Promise<void> {}

  /** Every command marks the store up or down: HTTP has no connection whose state we could watch. */
  async #command<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      const result = await storeCommand("upstash", operation, command);
      this.#outage.up();
      return result;
    } catch (error) {
      this.#outage.down(error);
      throw error;
    }
  }
}
