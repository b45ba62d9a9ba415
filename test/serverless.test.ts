import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, type FetchHandler } from "../src/serverless.js";
import { adminClient, dumpDatabase, redisUrl } from "./support/redis.js";
import { startFakeBotApi, type FakeBotApi } from "./support/fake-bot-api.js";
import { startUpstashBridge, type UpstashBridge } from "./support/upstash-bridge.js";
import { updates, type Person } from "./support/telegram.js";

/** The serverless entry as a platform calls it: a Request in, a Response out, on Upstash. */

const SECRET = "serverless-secret_0123";
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
      PSEUDONYM_SECRET: "serverless-pseudonym-secret-0123456789",
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
    const session = stored.filter(([k]) => k.startsWith("nyf:v1:s:"));
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

  it("answers health checks from the store's state", async () => {
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(200);
    await bridge.close();
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(503);
    bridge = await startUpstashBridge({ redisUrl: redisUrl("serverless"), token: bridge.token, port: bridge.port });
    expect((await handle(new Request("https://bot.example.org/healthz"))).status).toBe(200);
  });
});
