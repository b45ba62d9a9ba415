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
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => createConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => createConfig(env as Record<string, string>)).toThrow(message);
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
