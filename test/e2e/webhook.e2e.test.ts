/**
 * End to end in webhook mode: `npm start` with WEBHOOK_URL set, a local Bot API on loopback, and
 * Telegram's side played by this test (it posts updates to the bot with the secret header, as
 * Telegram would after setWebhook). The deploy story: an update is still being answered when the
 * platform sends SIGTERM — the person still gets the answer, and the process then exits cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, TEST_PSEUDONYM_SECRET, type BotProcess } from "../support/bot-process.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { freePort } from "../support/redis.js";
import { updates, type Person } from "../support/telegram.js";

const SECRET = "e2e_webhook_4f9c2a7b1d8e3f6a0c5b9d2e7f1a4c8b3d6e9f0a2c5b8d1e4f7a0c3b6d9e2f5a";
const WAIT_MS = 20_000;
const lata: Person = { id: 7_123_456_789, first_name: "Lataquilla", username: "lata_webhook_e2e", language_code: "en" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, bot: BotProcess): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (bot.exitInfo()) throw new Error(`bot exited while waiting for ${what}\n${bot.describe()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${bot.describe()}`);
    await sleep(50);
  }
}

describe("e2e webhook: npm start with WEBHOOK_URL", { concurrent: false }, () => {
  let api: FakeBotApi;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    api = await startFakeBotApi();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = startBot({
      apiRoot: api.apiRoot,
      token: "123456:WEBHOOK-e2e-not-real",
      launcher: "npm",
      env: { WEBHOOK_URL: `${base}/tg`, WEBHOOK_SECRET: SECRET, PORT: String(port), NODE_ENV: "production", PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET, LOG_LEVEL: "debug" },
    });
    await until("the health check", async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200, bot);
  }, 30_000);

  afterAll(async () => {
    if (!bot.exitInfo()) await bot.kill();
    await api.close();
  });

  const post = (update: object, secret = SECRET) =>
    fetch(`${base}/tg`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(update) });

  it("tells Telegram where it is, with the secret and the updates it wants", async () => {
    await until("setWebhook", () => api.callsOf("setWebhook").length > 0, bot);
    const [call] = api.callsOf("setWebhook");
    expect(call!.body.url).toBe(`${base}/tg`);
    expect(call!.body.secret_token).toBe(SECRET);
    expect(call!.body.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query"]));
    expect(api.callsOf("getUpdates")).toEqual([]);
  });

  it("answers a person, and refuses a post without the secret", async () => {
    expect((await post(updates.command(lata, "start"))).status).toBe(200);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect((await post(updates.command(lata, "help"), "someone-else-guessing")).status).toBe(401);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
  });

  it("SIGTERM with an update in flight: the person is still answered, then the process exits 0", async () => {
    api.delay("sendMessage", 1500);
    const before = api.callsOf("sendMessage").length;
    const inFlight = post(updates.command(lata, "helplines"));
    await until("the bot to be answering", () => api.callsOf("sendMessage").length > before, bot);
    const stopped = bot.stop(15_000);
    const res = await inFlight.catch(async (error: unknown) => {
      await stopped;
      throw new Error(`the in-flight answer was cut off (${String(error)})\n${bot.describe(40)}`);
    });
    expect(res.status).toBe(200);
    const exit = await stopped;
    expect(exit.graceful, bot.describe()).toBe(true);
    expect(exit.code).toBe(0);
    const messages = bot.lines().map((l) => l.json?.msg);
    expect(messages).toEqual(expect.arrayContaining(["stopping", "stopped"]));
    // By the time each line was logged (pino's own clock; lines can reach the pipe out of order).
    const timeOf = (msg: string, last = false) => {
      const times = bot.lines().filter((l) => l.json?.msg === msg).map((l) => Number(l.json?.time));
      return last ? Math.max(...times) : Math.min(...times);
    };
    expect(timeOf("stopped")).toBeGreaterThanOrEqual(timeOf("update handled", true));
    // Nothing about Lataquilla reached a log line.
    for (const needle of [String(lata.id), lata.first_name, lata.username!]) expect(bot.output()).not.toContain(needle);
  }, 30_000);
});
