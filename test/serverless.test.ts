import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, type FetchHandler } from "../src/serverless.js";
import { adminClient, dumpDatabase, redisUrl } from "./support/redis.js";
import { startFakeBotApi, type FakeBotApi } from "./support/fake-bot-api.js";
import { startUpstashBridge, type UpstashBridge } from "./support/upstash-bridge.js";
import { updates, type Person } from "./support/telegram.js";

/** The serverless entry as a platform calls it: a Request in, a Response out, on Upstash. */

const SECRET = "serverless_6a1f9c3e8b2d7f4a0c5e9b1d6f3a8c2e7b4d0f5a9c1e6b3d8f2a7c4e0b5d9f1a";
const PSEUDONYM_SECRET = "2d7f4a9c1e6b3d8f0a5c2e7b9d4f1a6c3e8b0d5f2a7c4e9b1d6f3a8c5e0b7d2f";
const dev: Person = { id: 6_200_300_400, first_name: "Devika", username: "devika_serverless_x", language_code: "hi" };

describe("the serverless entry (fetch handler) on Upstash", () => {
  let api: FakeBotApi;
  let bridge: UpstashBridge;
  let handle: FetchHandler;

  beforeAll(async () => {
    const admin = adminClient(redisUrl("serverless"));
    await admin.flushdb();
    admin.disconnect();
    api = await startFakeBotApi();
    bridge = await startUpstashBridge({ redisUrl: redisUrl("serverless") });
    handle = createHandler({
      BOT_TOKEN: "123456:SERVERLESS-test-token",
      TELEGRAM_API_ROOT: api.apiRoot,
      STORE: "upstash",
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: bridge.token,
      PSEUDONYM_SECRET,
      NODE_ENV: "production",
      WEBHOOK_URL: "https://bot.example.org/api/telegram",
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: "silent",
    });
  });
  afterAll(async () => {
    await bridge.close();
    await api.close();
  });

  const post = (body: unknown, secret: string | null = SECRET) =>
    handle(
      new Request("https://bot.example.org/api/telegram", {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  it("answers a person (in Hindi) and keeps the session encrypted in Upstash", async () => {
    const res = await post(updates.command(dev, "start"));
    expect(res.status).toBe(200);
    const sent = api.callsOf("sendMessage");
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.body.text)).toMatch(/[\u0900-\u097F]{4}/);
    const admin = adminClient(redisUrl("serverless"));
    const stored = await dumpDatabase(admin);
    admin.disconnect();
    const session = stored.filter(([k]) => k.startsWith("nyf:v2:s:"));
    expect(session).toHaveLength(1);
    for (const needle of [String(dev.id), dev.first_name, dev.username!]) expect(JSON.stringify(stored)).not.toContain(needle);
  });

  it("refuses a missing or wrong secret (401) and a body that is not an update (400)", async () => {
    const before = api.calls.length;
    expect((await post(updates.command(dev, "help"), null)).status).toBe(401);
    expect((await post(updates.command(dev, "help"), "wrong-secret-wrong")).status).toBe(401);
    expect((await post("{oops")).status).toBe(400);
    expect((await post({ hello: 1 })).status).toBe(400);
    expect(api.calls.length).toBe(before);
  });

  it("refuses a body over 1 MiB (413, connection closed) without handing it to the bot", async () => {
    const before = api.calls.length;
    const huge = JSON.stringify({ ...updates.command(dev, "help"), padding: "x".repeat(1024 * 1024) });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(api.calls.length).toBe(before);
  });

  it("answers health checks from the store's state", async () => {
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(200);
    await bridge.close();
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(503);
    bridge = await startUpstashBridge({ redisUrl: redisUrl("serverless"), token: bridge.token, port: bridge.port });
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(200);
  });
});

describe("the serverless entry's configuration", () => {
  const base = { BOT_TOKEN: "123456:SERVERLESS-test-token", STORE: "upstash", UPSTASH_REDIS_REST_URL: "https://x.upstash.io", UPSTASH_REDIS_REST_TOKEN: "t", PSEUDONYM_SECRET, NODE_ENV: "production", LOG_LEVEL: "silent" };

  it("will not start without WEBHOOK_SECRET, with or without WEBHOOK_URL, whatever NODE_ENV", () => {
    expect(() => createHandler(base)).toThrow(/WEBHOOK_SECRET is missing/);
    expect(() => createHandler({ ...base, NODE_ENV: "development" })).toThrow(/WEBHOOK_SECRET is missing/);
    expect(() => createHandler({ ...base, WEBHOOK_URL: "https://bot.example.org/api/telegram" })).toThrow(/WEBHOOK_SECRET is missing/);
  });

  it("checks the secret when WEBHOOK_SECRET is set on its own (the webhook was set by hand, no WEBHOOK_URL)", async () => {
    const handle = createHandler({ ...base, WEBHOOK_SECRET: SECRET });
    const res = await handle(new Request("https://bot.example.org/api/telegram", { method: "POST", body: JSON.stringify(updates.command(dev, "help")) }));
    expect(res.status).toBe(401);
  });
});
