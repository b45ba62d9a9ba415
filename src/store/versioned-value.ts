/**
 * How a versioned value sits in a Redis string: "<version>:<ciphertext>". The version is the
 * compare-and-set counter; it says how many turns a session took and nothing about whose it is.
 * The Lua script below and `parseVersioned` must agree on this format.
 */
import type { Versioned } from "./session-store.js";

export function parseVersioned(raw: string): Versioned {
  const sep = raw.indexOf(":");
  const version = sep > 0 ? Number(raw.slice(0, sep)) : NaN;
  // Something we did not write (or wrote before versions existed): version 0, value as found, so
  // the vault reports it as unreadable and the next write replaces it.
  if (!Number.isSafeInteger(version) || version < 1) return { value: raw, version: 0 };
  return { value: raw.slice(sep + 1), version };
}

export function formatVersioned(value: string, version: number): string {
  return `${version}:${value}`;
}

/**
 * The start of an update in one atomic step (EVAL/EVALSHA on Redis and Upstash alike).
 * KEYS[1] session · KEYS[2] rate counter · ARGV[1] rate window ms.
 * Returns {hits, raw session or nil}.
 */
export const OPEN_UPDATE_LUA = `
local hits = redis.call('INCR', KEYS[2])
if hits == 1 then redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1])) end
return {hits, redis.call('GET', KEYS[1])}
`;

/** Turns the script's reply into an OpenedUpdate (both remote stores get the same array back). */
export function parseOpenedUpdate(reply: unknown): { hits: number; session: Versioned | undefined } {
  const [hits, raw] = Array.isArray(reply) ? (reply as unknown[]) : [];
  return { hits: Number(hits) || 0, session: typeof raw === "string" ? parseVersioned(raw) : undefined };
}

/**
 * Compare-and-set in one atomic step, run by Redis and Upstash alike (EVAL/EVALSHA).
 * KEYS[1] key · ARGV[1] expected version · ARGV[2] new value · ARGV[3] ttl seconds.
 * Returns the new version, or 0 on conflict.
 */
export const COMPARE_AND_SET_LUA = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then
  local sep = string.find(current, ':', 1, true)
  local n = sep and tonumber(string.sub(current, 1, sep - 1))
  if n and n >= 1 and n == math.floor(n) then
    version = n
    -- Our own write, applied once already and retried after a lost reply: not a conflict.
    if string.sub(current, sep + 1) == ARGV[2] then return version end
  end
end
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], (version + 1) .. ':' .. ARGV[2], 'EX', tonumber(ARGV[3]))
return version + 1
`;
