import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { webhookCallback } from "grammy";
import type { Logger } from "../privacy/logger.js";
import type { SessionStore } from "../store/session-store.js";
import type { NyfBot } from "./bot.js";
import { health, parseUpdate, SECRET_HEADER, secretMatches } from "./webhook-input.js";

export interface WebhookServerOptions {
  bot: NyfBot;
  store: SessionStore;
  /** Path Telegram posts to (the path of WEBHOOK_URL). */
  path: string;
  /** WEBHOOK_SECRET: compared with X-Telegram-Bot-Api-Secret-Token; unset only outside production. */
  secret: string | undefined;
  port: number;
  host?: string;
  logger: Logger;
  /**
   * After this long Telegram gets its 200 and the update finishes in the background. Telegram waits
   * up to 60 s and re-sends on anything but 2xx; grammY's default of 10 s then throwing would make
   * it re-send updates that are merely slow.
   */
  updateTimeoutMs?: number;
}

export interface WebhookServer {
  readonly port: number;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Stops taking updates (503 to anything new), finishes those in flight, then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Telegram's updates are a few KB; anything this large is not one. */
const MAX_BODY = 1024 * 1024;

/**
 * The webhook transport: POST <path> with Telegram's secret header → the bot; GET /healthz → 200
 * when the store answers, 503 when it doesn't. Kept apart from the bot (grammY's webhookCallback
 * does the handing over), so the same bot runs under polling, this server or a serverless handler.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { bot, store, logger } = options;
  const handleUpdate = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: options.updateTimeoutMs ?? 50_000 });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return healthz(res);
    if (path !== options.path) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      logger.warn("webhook call without the right secret token: refused");
      return void res.writeHead(401).end();
    }
    // Telegram then tries another instance or later: this one is shutting down.
    if (draining) return void res.writeHead(503, { "retry-after": "1" }).end();
    const update = parseUpdate(await readBody(req));
    if (!update) return void res.writeHead(400).end();

    inFlight++;
    try {
      await handleUpdate(update, (json: string) => void res.writeHead(200, { "content-type": "application/json" }).end(json), undefined);
      if (!res.headersSent) res.writeHead(200).end();
      // Counted out only once the answer has left: a shutdown must not cut it off.
      if (!res.writableFinished) await new Promise((resolve) => res.once("close", resolve));
    } finally {
      inFlight--;
      if (draining && inFlight === 0) drained?.();
    }
  }

  async function healthz(res: ServerResponse): Promise<void> {
    const { status, body } = await health(store);
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  return {
    port,
    inFlight: () => inFlight,
    async close(graceMs = 25_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const done = new Promise<void>((resolve) => (drained = resolve));
        const timedOut = await Promise.race([done.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
        if (timedOut) logger.warn({ inFlight }, "shutdown grace period over with updates still in flight");
      }
      // Idle keep-alive connections go now; a last answer still being written gets a moment.
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
