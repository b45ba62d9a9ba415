import { afterEach, describe, expect, it } from "vitest";
import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import { createLogger } from "../../src/privacy/logger.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startWebhookServer, type WebhookServer } from "../../src/telegram/webhook-server.js";
import { prepareBot, updates, type Person, type TestBot } from "../support/telegram.js";

const SECRET = "webhook-secret-for-tests_01";
const PATH = "/tg/hook";
const anu: Person = { id: 5_100_200_300, first_name: "Anu", language_code: "en" };

const servers: WebhookServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close(1000);
});

async function serve(t: TestBot, store = t.store): Promise<{ url: string; server: WebhookServer }> {
  const server = await startWebhookServer({ bot: t.bot, store, path: PATH, secret: SECRET, port: 0, host: "127.0.0.1", logger: createLogger("silent") });
  servers.push(server);
  return { url: `http://127.0.0.1:${server.port}`, server };
}

/** `null`: no secret header at all. */
function post(url: string, body: unknown, secret: string | null = SECRET): Promise<Response> {
  return fetch(`${url}${PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const sent = (t: TestBot) => t.calls.filter((c) => c.method === "sendMessage");

describe("the webhook server", () => {
  it("takes an update with the right secret: 200, and the person is answered", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    const res = await post(url, updates.command(anu, "start"));
    expect(res.status).toBe(200);
    expect(sent(t)).toHaveLength(1);
  });

  it.each([
    ["a wrong secret", "not-the-secret-at-all_99"],
    ["no secret", null],
    ["a secret of the right length but wrong", SECRET.replace("01", "02")],
  ])("refuses %s with 401 and processes nothing", async (_, secret) => {
    const t = prepareBot();
    const { url } = await serve(t);
    const res = await post(url, updates.command(anu, "start"), secret);
    expect(res.status).toBe(401);
    expect(t.calls).toEqual([]);
    expect(t.store.dump()).toEqual([]);
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["an array", "[1,2]"],
    ["null", "null"],
    ["an object without update_id", "{}"],
    ["a negative update_id", '{"update_id":-4}'],
  ])("answers %s with 400 and never hands it to the bot", async (_, body) => {
    const t = prepareBot();
    const { url } = await serve(t);
    expect((await post(url, body)).status).toBe(400);
    expect(t.calls).toEqual([]);
  });

  it("has nothing but its path: 404 elsewhere, 405 for GET on it", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    expect((await fetch(`${url}/other`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${url}${PATH}`)).status).toBe(405);
  });

  it("processes an update Telegram delivers twice only once", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    await post(url, updates.command(anu, "start"));
    const again: Update = updates.text(anu, "hello, is anyone there");
    expect((await post(url, again)).status).toBe(200);
    expect((await post(url, again)).status).toBe(200);
    expect(sent(t)).toHaveLength(2); // /start and the first delivery of the text
  });

  it("reports health: 200 while the store answers, 503 when it does not", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    class DownStore extends MemoryStore {
      override ping(): Promise<void> {
        return Promise.reject(new Error("connection refused"));
      }
    }
    const down = prepareBot({ store: new DownStore() });
    const { url: downUrl } = await serve(down, down.store);
    const res = await fetch(`${downUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, store: "unreachable" });
  });

  it("closing finishes the update in flight (its person is answered), and takes no new ones", async () => {
    const t = prepareBot();
    const slow: Transformer = async (prev, method, payload, signal) => {
      if (method === "sendMessage") await new Promise((r) => setTimeout(r, 400));
      return prev(method, payload, signal);
    };
    t.bot.api.config.use(slow);
    const { url, server } = await serve(t);
    const inFlight = post(url, updates.command(anu, "start"));
    while (server.inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    const closing = server.close(5000);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(sent(t)).toHaveLength(1);
    await closing;
    servers.splice(servers.indexOf(server), 1);
    await expect(post(url, updates.command(anu, "help"))).rejects.toThrow();
    expect(sent(t)).toHaveLength(1);
  });
});
