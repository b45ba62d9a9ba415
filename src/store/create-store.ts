import type { Config } from "../config.js";
import { MemoryStore } from "./memory-store.js";
import type { StoreStatusLog } from "./outage-log.js";
import { RedisStore } from "./redis-store.js";
import type { SessionStore } from "./session-store.js";
import { UpstashStore } from "./upstash-store.js";

/** The store the configuration names (config.ts has already checked its settings are there). */
export function createStore(config: Pick<Config, "store" | "redisUrl" | "upstash" | "nodeEnv">, log: StoreStatusLog): SessionStore {
  if (config.store === "redis") return new RedisStore(config.redisUrl!, log);
  if (config.store === "upstash") return new UpstashStore(config.upstash!, log);
  // Allowed (one instance, people may accept starting over), but an operator should know.
  if (config.nodeEnv === "production") log.warn({ store: "memory" }, "STORE=memory in production: every session is lost on restart or deploy, and instances share nothing");
  return new MemoryStore();
}
