/**
 * A start on a slow Telegram: the command menu (one setMyCommands per language, six round trips)
 * is sent while the bot already answers, so a person's first /start does not wait for it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startBot, TEST_PSEUDONYM_SECRET, type BotProcess } from "../support/bot-process.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { freePort } from "../support/redis.js";
import { updates, type Person } from "../support/telegram.js";

const SECRET = "e2e_slow_menu_7a1c4e9b2d5f8a0c3e6b9d2f5a8c1e4b7d0f3a6c9e2b5d8f1a4c7e0b3d6f9a2c";
const meera: Person = { id: 7_300_000_001, first_name: "Meerabai", username: "meera_slow_menu", language_code: "hi" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a start on a slow Telegram", () => {
  let api: FakeBotApi | undefined;
  let bot: BotProcess | undefined;
  afterAll(async () => {
    if (bot && !bot.exitInfo()) await bot.kill();
    await api?.close();
  });

  it("answers the first /start while the six command menus are still being sent, then sends them all", async () => {
    api = await startFakeBotApi();
    api.delay("setMyCommands", 3000);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    bot = startBot({
      apiRoot: api.apiRoot,
      token: "123456:SLOW-MENU-e2e-not-real",
      env: { WEBHOOK_URL: `${base}/tg`, WEBHOOK_SECRET: SECRET, PORT: String(port), NODE_ENV: "production", PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET, STORE: "memory" },
    });
    const post = () =>
      fetch(`${base}/tg`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(updates.command(meera, "start")) }).catch(() => undefined);
    const deadline = Date.now() + 20_000;
    let answered: Response | undefined;
    while (!(answered = await post()) || answered.status !== 200) {
      if (bot.exitInfo() || Date.now() > deadline) throw new Error(`no answer\n${bot.describe()}`);
      await sleep(50);
    }
    expect(api.callsOf("sendMessage").length).toBeGreaterThan(0);
    // Six menus at 3 s each: were the bot waiting for them, /start could not be answered yet.
    expect(api.callsOf("setMyCommands").length).toBeLessThan(6);
    const menus = Date.now() + 30_000;
    while (api.callsOf("setMyCommands").length < 6 && Date.now() < menus) await sleep(200);
    expect(api.callsOf("setMyCommands").map((c) => c.body.language_code ?? "en").sort()).toEqual(["bn", "en", "hi", "mr", "ta", "te"]);
  }, 60_000);
});
