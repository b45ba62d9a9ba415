import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import "./zod-messages.js";
import { DEFAULT_COUNSELLOR_ORG, isTimeZone, parseOfficeHours, type CounselSettings, type OfficeHours } from "./conversation/office-hours.js";

/**
 * Environment → typed config, parsed once at start. A wrong environment is one clear line on
 * stderr and exit code 2 (see main.ts), never a stack trace.
 */

export class ConfigError extends Error {
  override name = "ConfigError";
}

const Env = z.object({
  BOT_TOKEN: z.optional(z.string().check(z.trim())),
  TELEGRAM_API_ROOT: z._default(z.url({ protocol: /^https?$/ }), "https://api.telegram.org"),
  STORE: z._default(z.enum(["memory", "redis", "upstash"]), "memory"),
  REDIS_URL: z.optional(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })),
  UPSTASH_REDIS_REST_URL: z.optional(z.url({ protocol: /^https?$/, error: "must be an https:// URL" })),
  UPSTASH_REDIS_REST_TOKEN: z.optional(z.string()),
  PSEUDONYM_SECRET: z.optional(z.string()),
  // Under an hour a person loses their place while reading a long screen.
  SESSION_TTL_HOURS: z._default(z.coerce.number().check(z.minimum(1, "must be at least 1 (hour)"), z.maximum(24 * 365)), 72),
  LOG_LEVEL: z._default(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info"),
  NODE_ENV: z._default(z.enum(["development", "production", "test"]), "development"),
  // Telegram calls only https; plain http is allowed for loopback (a local Bot API server or emulator).
  WEBHOOK_URL: z.optional(
    z
      .url({ protocol: /^https?$/, error: "must be an https:// URL" })
      .check(z.refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u), "must be an https:// URL (http:// only for 127.0.0.1 or localhost)")),
  ),
  // Telegram's own rule for secret_token; strength is checked below (secretProblem).
  WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 letters, digits, _ or - (Telegram's alphabet for secret_token)"))),
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535)), 8080),
  // Counsellor hand-off (issue 14): unset COUNSELLOR_CHAT_ID = the feature is off. A group's id is
  // negative; a positive id is a person, and her words must never be relayed to one.
  COUNSELLOR_CHAT_ID: z.optional(
    z
      .pipe(
        z
          .string()
          .check(
            z.trim(),
            z.regex(/^-\d{5,16}$/, "must be the counsellors' group id, a negative number like -1001234567890 (add the bot to the group and read the id from an update; a positive id is a person, not a group)"),
          ),
        z.transform(Number),
      )
      .check(z.refine(Number.isSafeInteger, "is too long to be a Telegram group id")),
  ),
  COUNSELLOR_ORG: z._default(z.string().check(z.trim(), z.maxLength(80, "must be at most 80 characters: it is a name she reads on a small screen")), DEFAULT_COUNSELLOR_ORG),
  COUNSELLOR_HOURS: z.optional(z.string().check(z.trim())),
  COUNSELLOR_TZ: z._default(
    z.string().check(z.trim(), z.refine(isTimeZone, "must be an IANA time zone like Asia/Kolkata or Europe/London (not an abbreviation like IST)")),
    "Asia/Kolkata",
  ),
  // Decimals are allowed (0.05 = 3 s) so a test or a trial run need not wait whole minutes.
  COUNSELLOR_WAIT_MINUTES: z._default(
    z.coerce
      .number({ error: "must be a number of minutes from 0.05 to 1440" })
      .check(z.minimum(0.05, "must be a number of minutes from 0.05 to 1440"), z.maximum(24 * 60, "must be a number of minutes from 0.05 to 1440")),
    10,
  ),
});

export interface Config {
  botToken: string | undefined;
  apiRoot: string;
  store: "memory" | "redis" | "upstash";
  redisUrl: string | undefined;
  upstash: { url: string; token: string } | undefined;
  secret: string;
  /** True when the secret was made up for this process: sessions will not survive a restart. */
  secretGenerated: boolean;
  sessionTtlSeconds: number;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  nodeEnv: z.infer<typeof Env>["NODE_ENV"];
  /** Webhook mode: Telegram posts to `url`, whose path the server listens on. */
  webhook: { url: string; path: string; secret: string | undefined; port: number } | undefined;
  /** WEBHOOK_SECRET on its own: the serverless entry has no WEBHOOK_URL but must check it all the same. */
  webhookSecret: string | undefined;
  /** Talk to a person (issue 14): undefined when COUNSELLOR_CHAT_ID is unset (the feature is off). */
  counsel?: CounselSettings | undefined;
}

export const MIN_SECRET_LENGTH = 32;
const GENERATE = "generate one with `openssl rand -hex 32`";

/**
 * Why a secret is too weak to stand between the database and the people in it, or undefined.
 * 32 random bytes written out: 64 hex digits or 43+ base64 characters (the only shapes a generator
 * gives), and not a low-variety string such as 64 × "a" or "0123456789abcdef" four times, which
 * have the right length but almost no entropy. A random secret passes these with certainty
 * (64 random hex digits show ~16 distinct digits and ~56 distinct pairs).
 */
export function secretProblem(secret: string, alphabet: "base64" | "base64url"): string | undefined {
  // Hex digits carry 4 bits each, base64 characters 6: a string of hex digits only is read as hex.
  const hex = /^[0-9a-fA-F]+$/.test(secret);
  const longEnough = hex ? secret.length >= 64 : (alphabet === "base64" ? /^[A-Za-z0-9+/_-]{43,}={0,2}$/ : /^[A-Za-z0-9_-]{43,}$/).test(secret);
  if (!longEnough) return `it must be 32 random bytes written as 64 hex digits or 43+ base64 characters; ${GENERATE}`;
  const chars = secret.replace(/=+$/, "");
  const distinct = new Set(chars).size;
  const pairs = new Set(Array.from({ length: chars.length - 1 }, (_, i) => chars.slice(i, i + 2))).size;
  if (distinct < (hex ? 10 : 16) || pairs < chars.length / 2) return `it looks hand-made (too few different characters or a repeated pattern); ${GENERATE}`;
  return undefined;
}

/** Telegram posts from the internet to anything but these; a loopback URL is a local emulator or Bot API server. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

const CounselEnv = z.pick(Env, { COUNSELLOR_CHAT_ID: true, COUNSELLOR_ORG: true, COUNSELLOR_HOURS: true, COUNSELLOR_TZ: true, COUNSELLOR_WAIT_MINUTES: true });

/** COUNSELLOR_* → settings; checked even when the feature is off, so a typo shows before it is switched on. */
function counselSettings(e: z.infer<typeof CounselEnv>): CounselSettings | undefined {
  let hours: OfficeHours | undefined;
  if (e.COUNSELLOR_HOURS) {
    try {
      hours = parseOfficeHours(e.COUNSELLOR_HOURS);
    } catch (error) {
      throw new ConfigError(`COUNSELLOR_HOURS: ${(error as Error).message}`);
    }
  }
  if (e.COUNSELLOR_CHAT_ID === undefined) return undefined;
  return {
    chatId: e.COUNSELLOR_CHAT_ID,
    org: e.COUNSELLOR_ORG || DEFAULT_COUNSELLOR_ORG,
    hours,
    hoursText: hours ? e.COUNSELLOR_HOURS!.replace(/\s+/g, " ") : undefined,
    timeZone: e.COUNSELLOR_TZ,
    waitMinutes: e.COUNSELLOR_WAIT_MINUTES,
  };
}

/** Parses an env-like record with `schema`; empty strings (a blank line in .env) mean "not set". */
function parseEnv<T extends z.ZodMiniType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * COUNSELLOR_* alone, checked exactly as `npm start` checks them: the terminal playground
 * simulates the counselling service with them.
 */
export function counselFromEnv(env: Record<string, string | undefined>): CounselSettings | undefined {
  return counselSettings(parseEnv(CounselEnv, env));
}

/** Pure: builds the config from an env-like record. `needsToken` is false for the terminal chat. */
export function createConfig(env: Record<string, string | undefined>, { needsToken = true } = {}): Config {
  const e = parseEnv(Env, env);
  if (needsToken && !e.BOT_TOKEN) {
    throw new ConfigError("BOT_TOKEN is missing: get one from @BotFather and put it in .env (or try `npm run chat`, which needs none)");
  }
  let secret = e.PSEUDONYM_SECRET;
  let secretGenerated = false;
  if (!secret) {
    if (e.NODE_ENV !== "development") {
      throw new ConfigError(`PSEUDONYM_SECRET is missing: it is required when NODE_ENV=${e.NODE_ENV} (32 random bytes; ${GENERATE})`);
    }
    secret = randomBytes(32).toString("hex");
    secretGenerated = true;
  } else if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`PSEUDONYM_SECRET is too short: it needs at least ${MIN_SECRET_LENGTH} characters (${GENERATE})`);
  } else if (e.NODE_ENV === "production") {
    // Whoever guesses it can link every stored key back to a chat id: in production it must be random.
    const problem = secretProblem(secret, "base64");
    if (problem) throw new ConfigError(`PSEUDONYM_SECRET is too weak for production: ${problem}`);
  }
  // Whatever NODE_ENV says: a webhook reachable from the internet without a secret takes forged
  // updates from anyone who finds the URL (NODE_ENV is too easy to leave unset to be the guard).
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET && !isLoopbackUrl(e.WEBHOOK_URL)) {
    throw new ConfigError(`WEBHOOK_SECRET is missing: it is required with a WEBHOOK_URL that is not loopback, so that only Telegram can post updates (${GENERATE})`);
  }
  if (e.WEBHOOK_SECRET) {
    // Checked in every mode: it is the only thing between the internet and the bot's input.
    const problem = secretProblem(e.WEBHOOK_SECRET, "base64url");
    if (problem) throw new ConfigError(`WEBHOOK_SECRET is too weak: ${problem}`);
  }
  if (e.STORE === "redis" && !e.REDIS_URL) throw new ConfigError("REDIS_URL is missing: it is required when STORE=redis");
  if (e.STORE === "upstash" && (!e.UPSTASH_REDIS_REST_URL || !e.UPSTASH_REDIS_REST_TOKEN)) {
    throw new ConfigError("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are required when STORE=upstash");
  }
  const counsel = counselSettings(e);
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    store: e.STORE,
    redisUrl: e.REDIS_URL,
    upstash:
      e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
        ? { url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN }
        : undefined,
    secret,
    secretGenerated,
    sessionTtlSeconds: Math.round(e.SESSION_TTL_HOURS * 3600),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, path: new URL(e.WEBHOOK_URL).pathname, secret: e.WEBHOOK_SECRET, port: e.PORT } : undefined,
    webhookSecret: e.WEBHOOK_SECRET,
    counsel,
  };
}
