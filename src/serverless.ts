import { webhookCallback } from "grammy";
import { createConfig } from "./config.js";
import { composeBot } from "./app.js";
import { createLogger } from "./privacy/logger.js";
import { installOutgoingLimits } from "./telegram/outgoing-limits.js";
import { health, parseUpdate, SECRET_HEADER, secretMatches } from "./telegram/webhook-input.js";

/**
 * A fetch-style entry for serverless platforms (Vercel, Netlify, Cloudflare-style runtimes on
 * Node, Deno Deploy…): `export default { fetch }`, one Request in, one Response out. Meant for
 * STORE=upstash, which keeps no connection between invocations. The same bot as `npm start`;
 * set the webhook once, e.g. with `npm start` in webhook mode or curl's setWebhook.
 *   POST any path — an update (secret header checked: 401; not an update: 400)
 *   GET /healthz  — 200 when the store answers, 503 when it doesn't
 */

export type FetchHandler = (request: Request) => Promise<Response>;

/** Builds the handler from an env-like record (the default export reads process.env on first use). */
export function createHandler(env: Record<string, string | undefined>): FetchHandler {
  const config = createConfig(env);
  const logger = createLogger(config.logLevel);
  if (config.store !== "upstash") logger.warn({ store: config.store }, "serverless entry without STORE=upstash: sessions may not survive between invocations");
  const { bot, store } = composeBot(config, logger);
  installOutgoingLimits(bot.api);
  // A platform's own limit is usually 10–60 s: answer Telegram before it, let the update finish.
  const handleUpdate = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: 8_000 });
  const secret = config.webhook?.secret;

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path === "/healthz") {
      const { status, body } = await health(store);
      return new Response(body, { status, headers: { "content-type": "application/json" } });
    }
    if (request.method !== "POST") return new Response(null, { status: 405, headers: { allow: "POST" } });
    if (!secretMatches(request.headers.get(SECRET_HEADER), secret)) return new Response(null, { status: 401 });
    const update = parseUpdate(await request.text());
    if (!update) return new Response(null, { status: 400 });
    await handleUpdate(update, () => undefined, undefined);
    return new Response(null, { status: 200 });
  };
}

let handler: FetchHandler | undefined;

/** The platform's entry point. */
export default {
  fetch(request: Request): Promise<Response> {
    handler ??= createHandler(process.env);
    return handler(request);
  },
};
