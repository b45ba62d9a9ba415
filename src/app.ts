import { run } from "@grammyjs/runner";
import type { Config } from "./config.js";
import { loadConversationDeps, ROOT, type ConversationDeps } from "./deps.js";
import { ChatVault } from "./privacy/chat-vault.js";
import type { Logger } from "./privacy/logger.js";
import { createStore, DeferredStore } from "./store/create-store.js";
import type { SessionStore } from "./store/session-store.js";
import { PdfRenderer } from "./report/pdf-renderer.js";
import { createBot, type NyfBot } from "./telegram/bot.js";
import { CaseVault, newCaseCode } from "./privacy/case-vault.js";
import { CaseDesk } from "./telegram/case-desk.js";
import { telegramLine, telegramRoom } from "./telegram/counsellor-room.js";
import { COMMANDS, COUNSEL_COMMANDS, registerCommands } from "./telegram/commands.js";
import { installOutgoingLimits } from "./telegram/outgoing-limits.js";
import { pacePolling } from "./telegram/polling-pace.js";
import { startWebhookServer, type WebhookServer } from "./telegram/webhook-server.js";

/**
 * The running bot: config → store → bot → long polling, or the webhook server when WEBHOOK_URL
 * is set. main.ts wraps it with the process's concerns (.env, exit codes, signals); the
 * throughput benchmark starts exactly this, without the outgoing throttle.
 */

export interface AppOptions {
  /** Telegram's send limits (production); off only to measure the bot itself. */
  outgoingLimits?: boolean;
  /** Webhook server address; default all interfaces. */
  host?: string;
}

export interface RunningApp {
  /** The webhook server, in webhook mode. */
  server?: WebhookServer;
  /**
   * Settles once the crisis check is built (CRISIS_CHECK_DELAY_MS after start, or at the first
   * text before that); rejects when it cannot be built, and then the bot must stop (main.ts).
   */
  crisisCheck: Promise<void>;
  /** Settles once the command menu is registered in every language (failures are logged, never thrown). */
  commands: Promise<void>;
  /** Stops taking updates, finishes those in flight, closes the store. */
  stop(): Promise<void>;
}

/** The Bot API could not be reached (or refused the token) at start. */
export class StartError extends Error {
  override readonly name = "StartError";
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"] as const;

/**
 * How long after start the crisis check is built, unless a text needs it sooner: long enough for
 * the updates waiting at start (a /start that woke the bot) to be answered first, as they need
 * none of it.
 */
export const CRISIS_CHECK_DELAY_MS = 1000;

/** The bot's commands, bare: not a crisis, whatever the crisis check (test/app.test.ts checks it agrees). */
export const OWN_COMMANDS: readonly string[] = [...COMMANDS, ...COUNSEL_COMMANDS];

/** Content, store and bot as the config says: the part every entry (npm start, serverless) shares. */
export function composeBot(config: Config, logger: Logger): { bot: NyfBot; store: SessionStore; deps: ConversationDeps; reports: PdfRenderer; desk: CaseDesk | undefined } {
  // The crisis check is built on first use or by startApp soon after start (loadConversationDeps).
  const deps = loadConversationDeps(ROOT, { lazyCrisisCheck: true, ownCommands: OWN_COMMANDS });
  const store = createStore(config, logger);
  // Reports render on a worker thread, so one /report doesn't hold up everyone else's taps.
  const reports = new PdfRenderer();
  const vault = new ChatVault(store, config.secret, config.sessionTtlSeconds);
  const counsel = config.counsel;
  const turnDeps = { ...deps, vault, ...(counsel ? { counsel, caseCode: newCaseCode } : {}) };
  // The desk needs the bot's api (with its send limits) and the bot needs the desk: the api is reached late.
  const api = () => bot.api;
  const desk = counsel
    ? new CaseDesk({
        settings: counsel,
        vault: new CaseVault(store, config.secret, config.sessionTtlSeconds, counsel.chatId),
        room: telegramRoom(api, counsel.chatId),
        her: telegramLine(api, counsel.chatId),
        turns: turnDeps,
        sessionTtlSeconds: config.sessionTtlSeconds,
        log: logger,
      })
    : undefined;
  const bot: NyfBot = createBot({ ...turnDeps, desk, token: config.botToken!, apiRoot: config.apiRoot, logger, reports });
  return { bot, store, deps, reports, desk };
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const { bot, store, deps, reports, desk } = composeBot(config, logger);
  if (config.secretGenerated) {
    logger.warn("PSEUDONYM_SECRET not set: using a random one for this process; progress will not survive a restart");
  }
  await checkStore(store, logger);

  try {
    // grammY retries a refused connection for ever; a bot that never starts should say so and stop.
    await Promise.race([bot.init(), new Promise((_, reject) => setTimeout(() => reject(new Error("no answer in 30 s")), 30_000).unref())]);
  } catch (error) {
    await store.close();
    throw new StartError(`cannot reach the Bot API at ${config.apiRoot} (${error instanceof Error ? error.message.replace(/bot[^/\s]*\//, "bot<token>/") : "unknown error"})`);
  }
  if (options.outgoingLimits !== false) installOutgoingLimits(bot.api);
  // The command menu (one setMyCommands per language: six round trips to Telegram) is sent while
  // the bot already answers, not before: a person's first /start does not wait for it. It never
  // throws (each failure is logged); stop() waits for it.
  const commands = registerCommands(bot.api, deps.translate, logger, desk !== undefined);
  const stopTicking = desk?.startTicking() ?? (async () => undefined);

  if (config.webhook) {
    const server = await serveWebhook(bot, store, config.webhook, logger, options.host);
    return {
      server,
      crisisCheck: prepareSoon(deps),
      commands,
      async stop() {
        await server.close();
        await commands;
        await stopTicking();
        await reports.close();
        await store.close();
      },
    };
  }
  const stopPolling = await poll(bot, logger);
  return {
    crisisCheck: prepareSoon(deps),
    commands,
    async stop() {
      await stopPolling();
      await commands;
      await stopTicking();
      await reports.close();
      await store.close();
    },
  };
}

/** Builds the crisis check CRISIS_CHECK_DELAY_MS from now (at once if a text asked for it already). */
function prepareSoon(deps: ConversationDeps): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      try {
        deps.prepareCrisisCheck();
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, CRISIS_CHECK_DELAY_MS).unref();
  });
}

/** A store that is down at start is not fatal: help still works and the store is retried per update. */
async function checkStore(store: SessionStore, logger: Logger): Promise<void> {
  if (store instanceof DeferredStore && !(await store.ready(3000))) return; // RedisStore logs the outage itself
  try {
    await store.ping();
  } catch (error) {
    logger.warn({ err: error }, "store unreachable at start; answering without saving until it returns");
  }
}

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
async function serveWebhook(bot: NyfBot, store: SessionStore, webhook: NonNullable<Config["webhook"]>, logger: Logger, host?: string): Promise<WebhookServer> {
  if (!webhook.secret) logger.warn("WEBHOOK_SECRET not set: anything on this machine can post updates (allowed for a loopback WEBHOOK_URL only)");
  const server = await startWebhookServer({ bot, store, path: webhook.path, secret: webhook.secret, port: webhook.port, host, logger });
  logger.info({ bot: bot.botInfo.username, port: server.port, path: webhook.path }, "bot starting (webhook)");
  try {
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    // The server still answers; Telegram may already have this webhook from an earlier start.
    logger.error({ err: error }, "setWebhook failed");
  }
  return server;
}
