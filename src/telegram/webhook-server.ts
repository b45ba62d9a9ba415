import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { webhookCallback } from "grammy";
import type { Logger } from "../privacy/logger.js";
import type { SessionStore } from "../store/session-store.js";
import type { NyfBot } from "./bot.js";
import { health, MAX_BODY, parseUpdate, SECRET_HEADER, secretMatches } from "./webhook-input.js";

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
  /** HTTP limits; the defaults suit production (tests shorten them). */
  http?: Partial<HttpLimits>;
}

export interface HttpLimits {
  /** A client that has not sent its headers by then is cut off (slowloris). */
  headersTimeoutMs: number;
  /** …nor its whole request. Handling the update is not counted: that has updateTimeoutMs. */
  requestTimeoutMs: number;
  /** How often Node checks those two (its default, 30 s, would let them run 3× over). */
  checkEveryMs: number;
  /** Telegram opens at most 40 connections by default (setWebhook's max_connections); more is not Telegram. */
  maxConnections: number;
  /** At most one "refused" warning per this long, with how many were refused: a scan can't flood the log. */
  refusalLogEveryMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, checkEveryMs: 1_000, maxConnections: 128, refusalLogEveryMs: 60_000 };

export interface WebhookServer {
  readonly port: number;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Stops taking updates (503 to anything new), finishes those in flight, then closes. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The webhook transport: POST <path> with Telegram's secret header → the bot; GET /healthz → 200
 * when the store answers, 503 when it doesn't. Kept apart from the bot (grammY's webhookCallback
 * does the handing over), so the same bot runs under polling, this server or a serverless handler.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { bot, store, logger } = options;
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.http };
  const refusals = refusalLog(logger, limits.refusalLogEveryMs);
  const handleUpdate = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: options.updateTimeoutMs ?? 50_000 });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkEveryMs }, (req, res) => {
    void route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return healthz(res);
    if (path !== options.path) return refuse(res, 404);
    if (req.method !== "POST") return refuse(res, 405, { allow: "POST" });
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      refusals.note("wrong or missing secret token");
      return refuse(res, 401);
    }
    // Telegram then tries another instance or later: this one is shutting down.
    if (draining) return void res.writeHead(503, { "retry-after": "1" }).end();
    const body = await readBody(req);
    if (body === undefined) {
      refusals.note("body over 1 MiB");
      return refuse(res, 413);
    }
    const update = parseUpdate(body);
    if (!update) {
      refusals.note("not an update");
      return refuse(res, 400);
    }

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

  server.maxConnections = limits.maxConnections;
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

/**
 * Every 4xx closes its connection: a client that got one is not Telegram, and keeping its socket
 * open only lets it hold a slot of maxConnections.
 */
function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.shouldKeepAlive = false;
  res.writeHead(status, { ...headers, connection: "close" }).end();
}

/** Refused calls as at most one warning line per interval, counting those in between. */
export function refusalLog(logger: Pick<Logger, "warn">, everyMs: number, now: () => number = Date.now) {
  let lastAt = -Infinity;
  let unlogged = 0;
  return {
    note(reason: string): void {
      unlogged++;
      if (now() - lastAt < everyMs) return;
      logger.warn({ refused: unlogged, reason }, "webhook calls refused (count since the last such line)");
      lastAt = now();
      unlogged = 0;
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
