import { connect, type Socket } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import { createLogger } from "../../src/privacy/logger.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { refusalLog, startWebhookServer, type HttpLimits, type WebhookServer } from "../../src/telegram/webhook-server.js";
import { prepareBot, updates, type Person, type TestBot } from "../support/telegram.js";

const SECRET = "webhook-secret-for-tests_01";
const PATH = "/tg/hook";
const anu: Person = { id: 5_100_200_300, first_name: "Anu", language_code: "en" };

const servers: WebhookServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close(1000);
});

async function serve(t: TestBot, store = t.store, http?: Partial<HttpLimits>, logger = createLogger("silent")): Promise<{ url: string; server: WebhookServer }> {
  const server = await startWebhookServer({ bot: t.bot, store, path: PATH, secret: SECRET, port: 0, host: "127.0.0.1", logger, ...(http ? { http } : {}) });
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

/** A raw TCP client: what it was sent back, and when the server closed it. */
function rawClient(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    let data = "";
    const started = Date.now();
    const socket = connect(port, "127.0.0.1", () => resolve({ socket, received: () => data, closed }));
    const closed = new Promise<number>((r) => socket.once("close", () => r(Date.now() - started)));
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.once("error", reject);
  });
}

describe("the webhook server facing things that are not Telegram", () => {
  it("closes the connection on every refusal (4xx): a scanner can't keep its sockets", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    const refused = [
      await post(url, updates.command(anu, "start"), null),
      await post(url, "{not json"),
      await fetch(`${url}/other`, { method: "POST" }),
      await fetch(`${url}${PATH}`),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 400, 404, 405]);
    for (const res of refused) expect(res.headers.get("connection")).toBe("close");
    // Telegram's own calls keep their connection.
    expect((await post(url, updates.command(anu, "start"))).headers.get("connection")).not.toBe("close");
  });

  it("refuses a body over 1 MiB with 413 and hands nothing to the bot", async () => {
    const t = prepareBot();
    const { url } = await serve(t);
    const res = await post(url, JSON.stringify({ ...updates.command(anu, "start"), padding: "x".repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(t.calls).toEqual([]);
  });

  it("cuts off a client that never finishes its headers (slowloris), after headersTimeout", async () => {
    const t = prepareBot();
    const { server } = await serve(t, t.store, { headersTimeoutMs: 300, requestTimeoutMs: 600, checkEveryMs: 50 });
    const client = await rawClient(server.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n`); // and nothing more
    const after = await client.closed;
    expect(after).toBeLessThan(2000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it("cuts off a client whose body never finishes, after requestTimeout", async () => {
    const t = prepareBot();
    const { server } = await serve(t, t.store, { headersTimeoutMs: 300, requestTimeoutMs: 600, checkEveryMs: 50 });
    const client = await rawClient(server.port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 100\r\n\r\n{"update_id":`);
    expect(await client.closed).toBeLessThan(2500);
    expect(t.calls).toEqual([]);
  });

  it("takes no more than maxConnections at once", async () => {
    const t = prepareBot();
    const { server } = await serve(t, t.store, { maxConnections: 2 });
    const held = [await rawClient(server.port), await rawClient(server.port)];
    const third = await rawClient(server.port);
    expect(await third.closed).toBeLessThan(1000);
    for (const c of held) c.socket.destroy();
  });

  it("writes one warning line for a burst of refused calls, not one per call", async () => {
    const t = prepareBot();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const { url } = await serve(t, t.store, undefined, createLogger("info", sink));
    for (let i = 0; i < 20; i++) await post(url, updates.command(anu, "start"), "wrong-secret");
    const warnings = lines.filter((l) => l.includes("refused"));
    expect(warnings).toHaveLength(1);
  });

  it("the next warning line counts every call refused since the last one", () => {
    const warned: object[] = [];
    let now = 0;
    const log = refusalLog({ warn: (obj: object) => void warned.push(obj) } as never, 60_000, () => now);
    log.note("wrong or missing secret token");
    for (let i = 0; i < 9; i++) log.note("wrong or missing secret token");
    now = 61_000;
    log.note("not an update");
    expect(warned).toEqual([
      { refused: 1, reason: "wrong or missing secret token" },
      { refused: 10, reason: "not an update" },
    ]);
  });
});
