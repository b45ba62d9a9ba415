import { run } from "@grammyjs/runner";
import { ConfigError, createConfig, type Config } from "./config.js";
import { ContentError } from "./content/load.js";
import { loadConversationDeps, ROOT } from "./deps.js";
import { ChatVault } from "./privacy/chat-vault.js";
import { createLogger, type Logger } from "./privacy/logger.js";
import { createStore } from "./store/create-store.js";
import { RedisStore } from "./store/redis-store.js";
import type { SessionStore } from "./store/session-store.js";
import { createBot, type NyfBot } from "./telegram/bot.js";
import { registerCommands } from "./telegram/commands.js";
import { installOutgoingLimits } from "./telegram/outgoing-limits.js";
import { pacePolling } from "./telegram/polling-pace.js";
import { startWebhookServer } from "./telegram/webhook-server.js";

/** Composition root: config → store → bot → long polling, or the webhook server when WEBHOOK_URL is set. */

/** A store that is down at start is not fatal: help still works and the store is retried per update. */
async function checkStore(store: SessionStore, logger: Logger): Promise<void> {
  if (store instanceof RedisStore && !(await store.ready(3000))) return; // RedisStore logs the outage itself
  try {
    await store.ping();
  } catch (error) {
    logger.warn({ err: error }, "store unreachable at start; answering without saving until it returns");
  }
}

/** Reads `.env` beside package.json if there is one; variables already set win. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile(`${ROOT}/.env`);
  } catch {
    // No .env: configuration comes from the environment alone.
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  let logger: Logger;
  let store: SessionStore;
  let deps: ReturnType<typeof loadConversationDeps>;
  try {
    config = createConfig(process.env);
    logger = createLogger(config.logLevel);
    deps = loadConversationDeps();
    store = createStore(config, logger);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      process.stderr.write(`not-your-fault: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (config.secretGenerated) {
    logger.warn("PSEUDONYM_SECRET not set: using a random one for this process; progress will not survive a restart");
  }
  await checkStore(store, logger);
  const vault = new ChatVault(store, config.secret, config.sessionTtlSeconds);
  const bot = createBot({ ...deps, vault, token: config.botToken!, apiRoot: config.apiRoot, logger });

  try {
    // grammY retries a refused connection for ever; a bot that never starts should say so and stop.
    await Promise.race([bot.init(), new Promise((_, reject) => setTimeout(() => reject(new Error("no answer in 30 s")), 30_000).unref())]);
  } catch (error) {
    // A wrong token or an unreachable API root: one clear line, not a stack trace.
    process.stderr.write(`not-your-fault: cannot reach the Bot API at ${config.apiRoot} (${error instanceof Error ? error.message.replace(/bot[^/\s]*\//, "bot<token>/") : "unknown error"})\n`);
    process.exit(1);
  }
  installOutgoingLimits(bot.api);
  await registerCommands(bot.api, deps.translate, logger);
  const stopTransport = config.webhook ? await serveWebhook(bot, store, config.webhook, logger) : await poll(bot, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await stopTransport();
    await store.close();
    logger.info("stopped");
    process.exit(0);
  };
  // `on`, not `once`: npm forwards the signal it gets to us, so it can arrive twice; a second one
  // must not kill an update that the first one is letting finish.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"] as const;

/** Long polling (@grammyjs/runner). Returns how to stop: the runner finishes what it has fetched. */
async function poll(bot: NyfBot, logger: Logger): Promise<() => Promise<void>> {
  logger.info({ bot: bot.botInfo.username }, "bot starting (long polling)");
  try {
    await bot.api.deleteWebhook();
  } catch (error) {
    logger.warn({ err: error }, "deleteWebhook failed; polling anyway");
  }
  bot.api.config.use(pacePolling());
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  // If polling itself dies (not an update: those have the error boundary), stop with a clear line.
  void runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, "polling stopped");
    process.exit(1);
  });
  return () => runner.stop();
}

/** Webhook mode: the HTTP server first, then tell Telegram where it is. */
async function serveWebhook(bot: NyfBot, store: SessionStore, webhook: NonNullable<Config["webhook"]>, logger: Logger): Promise<() => Promise<void>> {
  if (!webhook.secret) logger.warn("WEBHOOK_SECRET not set: anyone who finds the URL can post updates (allowed outside production only)");
  const server = await startWebhookServer({ bot, store, path: webhook.path, secret: webhook.secret, port: webhook.port, logger });
  logger.info({ bot: bot.botInfo.username, port: server.port, path: webhook.path }, "bot starting (webhook)");
  try {
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    // The server still answers; Telegram may already have this webhook from an earlier start.
    logger.error({ err: error }, "setWebhook failed");
  }
  return () => server.close();
}

await main();
