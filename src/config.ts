import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Environment → typed config, parsed once at start. A wrong environment is one clear line on
 * stderr and exit code 2 (see main.ts), never a stack trace.
 */

export class ConfigError extends Error {
  override name = "ConfigError";
}

const Env = z.object({
  BOT_TOKEN: z.string().trim().optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  STORE: z.enum(["memory", "redis", "upstash"]).default("memory"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  UPSTASH_REDIS_REST_URL: z.url({ protocol: /^https?$/, error: "must be an https:// URL" }).optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  PSEUDONYM_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(72),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Telegram calls only https; plain http is allowed for loopback (a local Bot API server or emulator).
  WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: "must be an https:// URL" })
    .refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u), "must be an https:// URL (http:// only for 127.0.0.1 or localhost)")
    .optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{12,256}$/, "must be 12-256 letters, digits, _ or -").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
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
}

export const MIN_SECRET_LENGTH = 32;

/** Pure: builds the config from an env-like record. `needsToken` is false for the terminal chat. */
export function createConfig(env: Record<string, string | undefined>, { needsToken = true } = {}): Config {
  // Empty strings (a blank line in .env) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  if (needsToken && !e.BOT_TOKEN) {
    throw new ConfigError("BOT_TOKEN is missing: get one from @BotFather and put it in .env (or try `npm run chat`, which needs none)");
  }
  let secret = e.PSEUDONYM_SECRET;
  let secretGenerated = false;
  if (!secret) {
    if (e.NODE_ENV !== "development") {
      throw new ConfigError(`PSEUDONYM_SECRET is missing: it is required when NODE_ENV=${e.NODE_ENV} (at least ${MIN_SECRET_LENGTH} characters, e.g. \`openssl rand -hex 32\`)`);
    }
    secret = randomBytes(32).toString("hex");
    secretGenerated = true;
  } else if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`PSEUDONYM_SECRET is too short: it needs at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET && e.NODE_ENV === "production") {
    throw new ConfigError("WEBHOOK_SECRET is missing: it is required with WEBHOOK_URL when NODE_ENV=production, so that only Telegram can post updates");
  }
  if (e.STORE === "redis" && !e.REDIS_URL) throw new ConfigError("REDIS_URL is missing: it is required when STORE=redis");
  if (e.STORE === "upstash" && (!e.UPSTASH_REDIS_REST_URL || !e.UPSTASH_REDIS_REST_TOKEN)) {
    throw new ConfigError("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are required when STORE=upstash");
  }
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
  };
}
