/**
 * vitest globalSetup: makes sure the Redis tests have a server, so `npm test` works on a fresh
 * machine that has redis-server installed but not running. REDIS_URL or 127.0.0.1:6379 is used
 * when it answers; otherwise a throwaway redis-server is started on a free port (nothing saved to
 * disk) and its URL handed to the test workers through REDIS_URL, which they inherit.
 */
import { privateRedis, redisAnswers, type PrivateRedis } from "./redis.js";

let started: PrivateRedis | undefined;

export async function setup(): Promise<void> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (await redisAnswers(url)) return;
  if (process.env.REDIS_URL) throw new Error(`REDIS_URL is set but nothing answers there; the Redis tests need it`);
  try {
    started = await privateRedis();
  } catch (error) {
    throw new Error(`No Redis on 127.0.0.1:6379 and redis-server could not be started (${(error as Error).message}). Install it (e.g. apt install redis-server) or set REDIS_URL.`);
  }
  process.env.REDIS_URL = `redis://127.0.0.1:${started.port}`;
}

export async function teardown(): Promise<void> {
  await started?.remove();
}
