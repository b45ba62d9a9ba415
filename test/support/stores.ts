/**
 * The three stores as tests meet them: memory, Redis over TCP (a real redis-server) and Upstash
 * over its REST protocol (the real @upstash/redis client through the local bridge to the same
 * redis-server). Each opened backend also gives the test a way to see everything stored, as an
 * attacker with the database would, and to plant raw values, as a fault would.
 */
import type { Redis } from "ioredis";
import { MemoryStore } from "../../src/store/memory-store.js";
import { RedisStore } from "../../src/store/redis-store.js";
import type { SessionStore } from "../../src/store/session-store.js";
import { UpstashStore } from "../../src/store/upstash-store.js";
import { adminClient, dumpDatabase, redisUrl, type TEST_DATABASES } from "./redis.js";
import { startUpstashBridge, type UpstashBridge } from "./upstash-bridge.js";

export type BackendName = "memory" | "redis" | "upstash";

export interface OpenBackend {
  store: SessionStore;
  /** Every key and value held, exactly as stored. */
  dump(): Promise<[string, string][]>;
  /** Writes a raw value under a key, bypassing the store's own format. */
  plant(key: string, raw: string): Promise<void>;
  /** The bridge, for Upstash: its request count is the number of round trips. */
  bridge?: UpstashBridge;
  close(): Promise<void>;
}

/**
 * Opens a backend on an empty database. `db` picks the Redis logical database (one per test file,
 * see TEST_DATABASES) and is flushed first.
 */
export async function openBackend(name: BackendName, db: keyof typeof TEST_DATABASES): Promise<OpenBackend> {
  if (name === "memory") {
    const store = new MemoryStore();
    return { store, dump: async () => store.dump(), plant: async (k, raw) => store.plant(k, raw), close: () => store.close() };
  }
  const url = redisUrl(db);
  const admin: Redis = adminClient(url);
  await admin.flushdb();
  const common = {
    dump: () => dumpDatabase(admin),
    plant: async (key: string, raw: string) => void (await admin.set(key, raw, "EX", 3600)),
  };
  if (name === "redis") {
    const store = new RedisStore(url);
    await store.ready(5000);
    return {
      ...common,
      store,
      async close() {
        await store.close();
        admin.disconnect();
      },
    };
  }
  const bridge = await startUpstashBridge({ redisUrl: url });
  const store = new UpstashStore({ url: bridge.url, token: bridge.token });
  return {
    ...common,
    store,
    bridge,
    async close() {
      await store.close();
      await bridge.close();
      admin.disconnect();
    },
  };
}

export const BACKENDS: BackendName[] = ["memory", "redis", "upstash"];
