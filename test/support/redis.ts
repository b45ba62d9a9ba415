/**
 * Real Redis for tests. The shared server is `REDIS_URL` or 127.0.0.1:6379 (`.ci/run` starts one);
 * each test file takes its own logical database so files running in parallel never see each
 * other's keys (a privacy scan reads "every key" of its database). Fault tests that stop Redis
 * start a private `redis-server` on a free port instead of touching the shared one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { RedisStore } from "../../src/store/redis-store.js";

const SHARED = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

/**
 * Logical databases handed out to test files by name, so two files never share one.
 * Database 0 is left alone (it may be someone's real data on a developer machine).
 */
export const TEST_DATABASES = {
  storeContract: 1,
  privacyScan: 2,
  upstashBridge: 3,
  race: 4,
  snapshots: 5,
  restartE2e: 6,
  bench: 7,
  privacyScanUpstash: 8,
  serverless: 9,
  gate: 10,
  keyMigration: 11,
} as const;

/** The shared server's URL for one test database. */
export function redisUrl(db: keyof typeof TEST_DATABASES): string {
  const url = new URL(SHARED);
  url.pathname = `/${TEST_DATABASES[db]}`;
  return url.toString();
}

/** A plain client for test assertions (dumping keys, planting corrupt values). */
export function adminClient(url: string): Redis {
  return new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
}

/** `n` RedisStores, each with its own connection (as separate bot processes would have), on an emptied database. */
export async function redisStores(db: keyof typeof TEST_DATABASES, n: number): Promise<RedisStore[]> {
  const admin = adminClient(redisUrl(db));
  await admin.flushdb();
  admin.disconnect();
  const stores = Array.from({ length: n }, () => new RedisStore(redisUrl(db)));
  for (const s of stores) if (!(await s.ready(5000))) throw new Error("Redis did not answer the store's connection");
  return stores;
}

/** Every key and value in the client's database, for privacy scans. */
export async function dumpDatabase(client: Redis): Promise<[string, string][]> {
  const entries: [string, string][] = [];
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "COUNT", 1000);
    cursor = next;
    for (const key of keys) {
      const type = await client.type(key);
      const value = type === "string" ? ((await client.get(key)) ?? "") : JSON.stringify(await client.call("DUMP", key));
      entries.push([key, value]);
    }
  } while (cursor !== "0");
  return entries;
}

/** True when a Redis at `url` answers PING; never throws, never retries. */
export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false, connectTimeout: 1000 });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server this test owns: it can be stopped and started again on the same port. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  start(): Promise<void>;
  /** Kills the server (SIGKILL: an outage, not a shutdown). */
  stop(): Promise<void>;
  /** Stops it for good and deletes its files. */
  remove(): Promise<void>;
}

/**
 * Starts a redis-server of the test's own. With `persist`, it keeps an append-only file in a temp
 * folder, so data outlives stop/start like a production Redis restart; without, a restart is empty.
 */
export async function privateRedis(options: { persist?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = options.persist ? await mkdtemp(path.join(tmpdir(), "nyf-redis-")) : undefined;
  const persistence = dir ? ["--appendonly", "yes", "--appendfsync", "always", "--dir", dir] : ["--appendonly", "no"];
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}/0`;


  const handle: PrivateRedis = {
    port,
    url,
    async start() {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence], { stdio: "ignore" });
      const spawned = child;
      const failed = new Promise<never>((_, reject) => spawned.once("error", (e) => reject(new Error(`cannot start redis-server: ${e.message}`))));
      for (let i = 0; i < 100; i++) {
        if (await Promise.race([redisAnswers(url), failed])) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server on port ${port} did not answer`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGKILL");
      await exited;
    },
    async remove() {
      await handle.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
