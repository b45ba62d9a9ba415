import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../src/config.js";

const secret = "s".repeat(32);
// As `openssl rand -hex 32` and `openssl rand -base64 32` print them.
const strong = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const strongBase64 = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";
const webhookSecret = "3b1f0c2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";

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
    [{ BOT_TOKEN: "1:a", SESSION_TTL_HOURS: "0.5" }, /SESSION_TTL_HOURS: must be at least 1/],
    [{ BOT_TOKEN: "1:a", TELEGRAM_API_ROOT: "not a url" }, /TELEGRAM_API_ROOT/],
    [{ BOT_TOKEN: "1:a", STORE: "redis", REDIS_URL: "127.0.0.1:6379" }, /REDIS_URL: must be a redis:\/\//],
    [{ BOT_TOKEN: "1:a", STORE: "upstash", UPSTASH_REDIS_REST_URL: "https://x.upstash.io" }, /UPSTASH_REDIS_REST_TOKEN/],
    [{ BOT_TOKEN: "1:a", WEBHOOK_URL: "http://bot.example.org/tg" }, /WEBHOOK_URL: must be an https:\/\/ URL/],
    [{ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: strong, WEBHOOK_URL: "https://bot.example.org/tg" }, /WEBHOOK_SECRET is missing/],
    [{ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: "bad secret!" }, /WEBHOOK_SECRET/],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => createConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => createConfig(env as Record<string, string>)).toThrow(message);
  });

  it("webhook mode: the path comes from WEBHOOK_URL; plain http only for loopback", () => {
    const config = createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: webhookSecret, PORT: "9000" });
    expect(config.webhook).toEqual({ url: "https://bot.example.org/telegram/hook", path: "/telegram/hook", secret: webhookSecret, port: 9000 });
    expect(createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "http://127.0.0.1:8080/tg" }).webhook?.path).toBe("/tg");
    expect(createConfig({ BOT_TOKEN: "1:a" }).webhook).toBeUndefined();
  });

  it("a public webhook needs WEBHOOK_SECRET whatever NODE_ENV says; only a loopback one may go without", () => {
    for (const NODE_ENV of ["development", "test", "production"]) {
      const env = { BOT_TOKEN: "1:a", NODE_ENV, PSEUDONYM_SECRET: strong };
      expect(() => createConfig({ ...env, WEBHOOK_URL: "https://bot.example.org/tg" })).toThrow(/WEBHOOK_SECRET is missing/);
      expect(createConfig({ ...env, WEBHOOK_URL: "http://127.0.0.1:8080/tg" }).webhook?.secret).toBeUndefined();
      expect(createConfig({ ...env, WEBHOOK_URL: "http://localhost:8080/tg" }).webhook?.secret).toBeUndefined();
    }
    // A name that merely starts like loopback is not loopback.
    expect(() => createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://127.0.0.1.example.org/tg" })).toThrow(/WEBHOOK_SECRET is missing/);
  });

  it("WEBHOOK_SECRET on its own is kept for the serverless entry, which has no WEBHOOK_URL", () => {
    expect(createConfig({ BOT_TOKEN: "1:a", WEBHOOK_SECRET: webhookSecret }).webhookSecret).toBe(webhookSecret);
  });

  it.each([
    ["32 × 'a'", "a".repeat(32)],
    ["64 × 'a' (hex-shaped, one character)", "a".repeat(64)],
    ["a hex pattern repeated", "0123456789abcdef".repeat(4)],
    ["a passphrase of the right length", "correct horse battery staple is long enough"],
    ["24 random bytes (48 hex digits)", strong.slice(0, 48)],
  ])("production refuses a weak PSEUDONYM_SECRET: %s", (_, weak) => {
    expect(() => createConfig({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: weak })).toThrow(/PSEUDONYM_SECRET is too (weak|short)/);
  });

  it("production takes a secret as openssl prints it, hex or base64", () => {
    expect(createConfig({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: strong }).secret).toBe(strong);
    expect(createConfig({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: strongBase64 }).secret).toBe(strongBase64);
  });

  it.each([
    ["12 letters", "abcdefghijkl"],
    ["64 × '_'", "_".repeat(64)],
    ["base64 with '+' and '/', which Telegram refuses", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg"],
  ])("refuses a weak or unusable WEBHOOK_SECRET in any mode: %s", (_, weak) => {
    expect(() => createConfig({ BOT_TOKEN: "1:a", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: weak })).toThrow(/WEBHOOK_SECRET/);
  });

  it("development still runs with no environment at all (npm run chat)", () => {
    const config = createConfig({}, { needsToken: false });
    expect(config.secretGenerated).toBe(true);
    expect(config.nodeEnv).toBe("development");
  });

  it("needs no token for the terminal chat", () => {
    expect(createConfig({}, { needsToken: false }).botToken).toBeUndefined();
  });

  it("treats blank values in .env as unset", () => {
    expect(createConfig({ BOT_TOKEN: "1:a", PSEUDONYM_SECRET: secret, SESSION_TTL_HOURS: "" }).sessionTtlSeconds).toBe(72 * 3600);
  });
});

describe("counsellor hand-off settings", () => {
  const base = { BOT_TOKEN: "1:a" };

  it("is off without COUNSELLOR_CHAT_ID, whatever else is set", () => {
    expect(createConfig(base).counsel).toBeUndefined();
    expect(createConfig({ ...base, COUNSELLOR_ORG: "Meri Trustline", COUNSELLOR_HOURS: "Mon-Sat 09:00-18:00" }).counsel).toBeUndefined();
  });

  it("takes the group id alone, with defaults for the rest", () => {
    expect(createConfig({ ...base, COUNSELLOR_CHAT_ID: "-1001234567890" }).counsel).toEqual({
      chatId: -1001234567890,
      org: "the counselling team",
      hours: undefined,
      hoursText: undefined,
      timeZone: "Asia/Kolkata",
      waitMinutes: 10,
    });
  });

  it("takes every setting, and tidies the hours' spacing for the screens", () => {
    const counsel = createConfig({
      ...base,
      COUNSELLOR_CHAT_ID: " -1009876543210 ",
      COUNSELLOR_ORG: " Meri Trustline ",
      COUNSELLOR_HOURS: "Mon-Fri  09:00-18:00,  Sat 10:00-14:00",
      COUNSELLOR_TZ: "Europe/London",
      COUNSELLOR_WAIT_MINUTES: "15",
    }).counsel;
    expect(counsel).toMatchObject({ chatId: -1009876543210, org: "Meri Trustline", hoursText: "Mon-Fri 09:00-18:00, Sat 10:00-14:00", timeZone: "Europe/London", waitMinutes: 15 });
    expect(counsel?.hours).toEqual({
      always: false,
      spans: [
        { days: [1, 2, 3, 4, 5], start: 540, end: 1080 },
        { days: [6], start: 600, end: 840 },
      ],
    });
    expect(createConfig({ ...base, COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_HOURS: "24/7" }).counsel?.hours).toEqual({ always: true });
    // A trial run or a test need not wait whole minutes.
    expect(createConfig({ ...base, COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_WAIT_MINUTES: "0.05" }).counsel?.waitMinutes).toBe(0.05);
  });

  it("blank values in .env are unset", () => {
    const counsel = createConfig({ ...base, COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_ORG: "", COUNSELLOR_HOURS: "", COUNSELLOR_TZ: "", COUNSELLOR_WAIT_MINUTES: "" }).counsel;
    expect(counsel).toMatchObject({ org: "the counselling team", hours: undefined, timeZone: "Asia/Kolkata", waitMinutes: 10 });
  });

  it.each([
    [{ COUNSELLOR_CHAT_ID: "1234567890" }, /^COUNSELLOR_CHAT_ID: must be the counsellors' group id, a negative number/],
    [{ COUNSELLOR_CHAT_ID: "@counsellors" }, /^COUNSELLOR_CHAT_ID: must be the counsellors' group id/],
    [{ COUNSELLOR_CHAT_ID: "-100123456789012345" }, /^COUNSELLOR_CHAT_ID: /],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_TZ: "IST" }, /^COUNSELLOR_TZ: must be an IANA time zone like Asia\/Kolkata/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_TZ: "Asia/Kolkatta" }, /^COUNSELLOR_TZ: /],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_HOURS: "Mon-Sat 9am-6pm" }, /^COUNSELLOR_HOURS: "Mon-Sat 9am-6pm" .*like "Mon-Sat 09:00-18:00"/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_HOURS: "Mon-Sat" }, /^COUNSELLOR_HOURS: .*no time/],
    [{ COUNSELLOR_HOURS: "Funday 09:00-18:00" }, /^COUNSELLOR_HOURS: "Funday" is not a day/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_WAIT_MINUTES: "0" }, /^COUNSELLOR_WAIT_MINUTES: must be a number of minutes from 0.05 to 1440/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_WAIT_MINUTES: "0.01" }, /^COUNSELLOR_WAIT_MINUTES: must be a number of minutes/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_WAIT_MINUTES: "ten" }, /^COUNSELLOR_WAIT_MINUTES: must be a number of minutes/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_WAIT_MINUTES: "2000" }, /^COUNSELLOR_WAIT_MINUTES: must be a number of minutes/],
    [{ COUNSELLOR_CHAT_ID: "-1001234567890", COUNSELLOR_ORG: "x".repeat(81) }, /^COUNSELLOR_ORG: must be at most 80 characters/],
  ])("refuses %o with one line naming the variable", (env, message) => {
    const make = () => createConfig({ ...base, ...env });
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(message);
    try {
      make();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
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

  it("in production with 32 × 'a' as PSEUDONYM_SECRET prints one clear line and exits with code 2", () => {
    const run = start({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: "a".repeat(32) });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("PSEUDONYM_SECRET is too weak for production");
    expect(run.stderr).toContain("openssl rand -hex 32");
  });

  it("in production with a short PSEUDONYM_SECRET prints one clear line and exits with code 2", () => {
    const run = start({ BOT_TOKEN: "1:a", NODE_ENV: "production", PSEUDONYM_SECRET: "short" });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("PSEUDONYM_SECRET is too short");
  });
});
