import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../src/config.js";

const secret = "s".repeat(32);

describe("config", () => {
  it("needs only a token in development; the secret is generated and flagged", () => {
    const config = createConfig({ BOT_TOKEN: "1:abc" });
    expect(config.secretGenerated).toBe(true);
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    expect(config.store).toBe("memory");
    expect(config.apiRoot).toBe("https://api.telegram.org");
    expect(config.sessionTtlSeconds).toBe(72 * 3600);
  });

  it("takes TELEGRAM_API_ROOT for a local Bot API server, without a trailing slash", () => {
    expect(createConfig({ BOT_TOKEN: "1:a", TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).apiRoot).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{}, /BOT_TOKEN is missing/],
    [{ BOT_TOKEN: "1:a", NODE_ENV: "production" }, /PSEUDONYM_SECRET is missing/],
    [{ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: "short" }, /too short/],
    [{ BOT_TOKEN: "1:a", PSEUDONYM_SECRET: "short" }, /too short/],
    [{ BOT_TOKEN: "1:a", STORE: "mongo" }, /STORE/],
    [{ BOT_TOKEN: "1:a", STORE: "redis" }, /REDIS_URL/],
    [{ BOT_TOKEN: "1:a", SESSION_TTL_HOURS: "-1" }, /SESSION_TTL_HOURS/],
    [{ BOT_TOKEN: "1:a", TELEGRAM_API_ROOT: "not a url" }, /TELEGRAM_API_ROOT/],
    [{ BOT_TOKEN: "1:a", STORE: "redis", REDIS_URL: "127.0.0.1:6379" }, /REDIS_URL: must be a redis:\/\//],
    [{ BOT_TOKEN: "1:a", STORE: "upstash", UPSTASH_REDIS_REST_URL: "https://x.upstash.io" }, /UPSTASH_REDIS_REST_TOKEN/],
    [{ BOT_TOKEN: "1:a", WEBHOOK_URL: "http://bot.example.org/tg" }, /WEBHOOK_URL: must be an https:\/\/ URL/],
    [{ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: secret, WEBHOOK_URL: "https://bot.example.org/tg" }, /WEBHOOK_SECRET is missing/],
    [{ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: "bad secret!" }, /WEBHOOK_SECRET/],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => createConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => createConfig(env as Record<string, string>)).toThrow(message);
  });

  it("webhook mode: the path comes from WEBHOOK_URL; plain http only for loopback", () => {
    const config = createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: "abcdefghijkl", PORT: "9000" });
    expect(config.webhook).toEqual({ url: "https://bot.example.org/telegram/hook", path: "/telegram/hook", secret: "abcdefghijkl", port: 9000 });
    expect(createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "http://127.0.0.1:8080/tg" }).webhook?.path).toBe("/tg");
    expect(createConfig({ BOT_TOKEN: "1:a" }).webhook).toBeUndefined();
  });

  it("needs no token for the terminal chat", () => {
    expect(createConfig({}, { needsToken: false }).botToken).toBeUndefined();
  });

  it("treats blank values in .env as unset", () => {
    expect(createConfig({ BOT_TOKEN: "1:a", PSEUDONYM_SECRET: secret, SESSION_TTL_HOURS: "" }).sessionTtlSeconds).toBe(72 * 3600);
  });
});

describe("npm start with a wrong environment", () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });

  it("without BOT_TOKEN prints one clear line and exits with code 2", () => {
    const run = start({});
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("BOT_TOKEN is missing");
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("in production with a short PSEUDONYM_SECRET prints one clear line and exits with code 2", () => {
    const run = start({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: "short" });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("PSEUDONYM_SECRET is too short");
  });
});
