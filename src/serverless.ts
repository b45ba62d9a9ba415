import { webhookCallback } from "grammy";
import { ConfigError, createConfig } from "./config.js";
import { composeBot } from "./app.js";
import { createLogger } from "./privacy/logger.js";
import { installOutgoingLimits } from "./telegram/outgoing-limits.js";
import { health, MAX_BODY, parseUpdate, SECRET_HEADER, secretMatches } from "./telegram/webhook-input.js";

/**
 * A fetch-style entry for serverless platforms (Vercel, Netlify, Cloudflare-style runtimes on
 * Node, Deno Deploy…): `export default { fetch }`, one Request in, one Response out. Meant for
 * STORE=upstash, which keeps no connection between invocations. The same bot as `npm start`;
 * set the webhook once, e.g. with `npm start` in webhook mode or curl's setWebhook.
 *   POST any path — an update (secret header checked: 401; over 1 MiB: 413; not an update: 400)
 *   GET /healthz  — 200 when the store answers, 503 when it doesn't
 */

export type FetchHandler = (request: Request) => Promise<Response>;

/** Builds the handler from an env-like record (the default export reads process.env on first use). */
export function createHandler(env: Record<string, string | undefined>): FetchHandler {
  const config = createConfig(env);
  // A serverless URL is public by nature and often set without WEBHOOK_URL (the webhook was set
  // once by hand): the secret is read on its own and there is no way to run without it.
  const secret = config.webhookSecret;
  if (!secret) throw new ConfigError("WEBHOOK_SECRET is missing: the serverless entry takes updates only with Telegram's secret header (generate one with `openssl rand -hex 32` and pass it to setWebhook as secret_token)");
  const logger = createLogger(config.logLevel);
  if (config.store !== "upstash") logger.warn({ store: config.store }, "serverless entry without STORE=upstash: sessions may not survive between invocations");
  const { bot, store } = composeBot(config, logger);
  installOutgoingLimits(bot.api);
  // A platform's own limit is usually 10–60 s: answer Telegram before it, let the update finish.
  const handleUpdate = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: 8_000 });

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path === "/healthz") {
      const { status, body } = await health(store);
      return new Response(body, { status, headers: { "content-type": "application/json" } });
    }
    if (request.method !== "POST") return new Response(null, { status: 405, headers: { allow: "POST" } });
    if (!secretMatches(request.headers.get(SECRET_HEADER), secret)) return new Response(null, { status: 401 });
    const body = await readLimited(request, MAX_BODY);
    if (body === undefined) return new Response(null, { status: 413, headers: { connection: "close" } });
    const update = parseUpdate(body);
    if (!update) return new Response(null, { status: 400 });
    // A tap's answer comes back here (webhook reply) and leaves with the Response.
    let reply: string | undefined;
    await handleUpdate(update, (json: string) => void (reply = json), undefined);
    return reply === undefined ? new Response(null, { status: 200 }) : new Response(reply, { status: 200, headers: { "content-type": "application/json" } });
  };
}

/** The body as text, or undefined past `max` bytes: stops reading there instead of buffering it all. */
async function readLimited(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) return undefined;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

let handler: FetchHandler | undefined;

/** The platform's entry point. */
export default {
  fetch(request: Request): Promise<Response> {
    handler ??= createHandler(process.env);
    return handler(request);
  },
};
