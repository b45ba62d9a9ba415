import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer, GrammyError, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { CrisisMatch } from "../conversation/crisis-detector.js";
import type { Locale } from "../conversation/machine.js";
import type { Logger } from "../privacy/logger.js";
import { decodeButton } from "./callback-data.js";
import { gate, type GateLimits } from "./gate.js";
import { sendUrgently } from "./outgoing-limits.js";
import { COMMAND_EVENTS } from "./commands.js";
import type { BotContext } from "./context.js";
import { converse, type ConverseDeps } from "./converse.js";
import { CrisisCooldown } from "./crisis-cooldown.js";
import { fileInput } from "./evidence-file.js";
import { localeFromTelegram } from "./locale.js";
import { quickExit } from "./quick-exit.js";
import { counsellorGroup } from "./counsellor-group.js";

export interface BotDeps extends ConverseDeps {
  token: string;
  apiRoot: string;
  logger: Logger;
  detectCrisis: (text: string) => CrisisMatch | undefined;
  /** Preset bot info: tests skip getMe with it. */
  botInfo?: UserFromGetMe;
  /** Re-delivery and flood limits; the defaults suit production. */
  limits?: GateLimits;
  /** At most one crisis screen per chat and kind per this long (default 5 s). */
  crisisCooldownMs?: number;
}


/** The locale to start a new conversation in; an existing one keeps its own. */
const startLocale = (ctx: BotContext): Locale => localeFromTelegram(ctx.from?.language_code);

/**
 * Builds the bot: private chats only, one chat at a time, crisis detection before anything else,
 * and an error boundary so that no Telegram error crashes the process or reaches the person.
 */
export function createBot(deps: BotDeps) {
  // Webhook mode: a tap's answerCallbackQuery rides back in the webhook's HTTP response (one Bot
  // API call per tap: the edit). Polling has no webhook reply, so nothing changes there.
  const config: BotConfig<BotContext> = { client: { apiRoot: deps.apiRoot, canUseWebhookReply: (method) => method === "answerCallbackQuery" } };
  if (deps.botInfo) config.botInfo = deps.botInfo;
  const bot = new Bot<BotContext>(deps.token, config);
  const t = deps.translate;

  // An update whose chat has no usable id cannot be answered or keyed: drop it quietly.
  bot.use(async (ctx, next) => {
    if (ctx.chat && !Number.isSafeInteger(ctx.chat.id)) return;
    await next();
  });

  // Every log line of an update carries its id and a short chat pseudonym, never the chat id.
  // Resolving the tag derives the chat's keys (once per process: ChatVault caches them), so
  // everything after this finds them ready.
  bot.use(async (ctx, next) => {
    const chatId = ctx.chat?.id;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, ...(chatId !== undefined ? { tag: await deps.vault.tag(chatId) } : {}) });
    const started = performance.now();
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
  });

  const desk = deps.desk;
  // Cases need time-based care (no answer yet, idle too long); where no timer runs (serverless), updates bring it.
  if (desk) {
    bot.use(async (_ctx, next) => {
      desk.tickSoon();
      await next();
    });
  }

  const boundary = bot.errorBoundary(async (err) => {
    const ctx = err.ctx;
    ctx.log.error({ err: err.error }, "update failed");
    // The person never sees "error": a calm line and a way on, if Telegram still lets us speak.
    if (ctx.chat?.type === "private" && !(err.error instanceof GrammyError && err.error.error_code === 403)) {
      try {
        await ctx.reply(t(startLocale(ctx))("notice-trouble"));
      } catch {
        // Blocked or rate-limited: nothing more we can do for this update.
      }
    }
  });

  // The counsellors' group, when there is one: relayed by the desk, never left.
  if (desk) boundary.use(counsellorGroup(desk, () => bot.botInfo.username));

  // Groups and channels: one polite line, then the bot leaves. Nothing is kept about them.
  const elsewhere = new Composer<BotContext>();
  elsewhere.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat.type === "private" || !["member", "administrator"].includes(status)) return;
    if (ctx.chat.type !== "channel") await ctx.reply(t(startLocale(ctx))("group-private-only")).catch(() => undefined);
    await ctx.leaveChat().catch(() => undefined);
  });
  elsewhere.chatType(["group", "supergroup"]).on("message", async (ctx) => {
    const addressed = ctx.msg.text?.startsWith("/") || ctx.msg.entities?.some((e) => e.type === "mention");
    if (!addressed) return;
    await ctx.reply(t(startLocale(ctx))("group-private-only")).catch(() => undefined);
    await ctx.leaveChat().catch(() => undefined);
  });
  elsewhere.on("channel_post", (ctx) => ctx.leaveChat().then(() => undefined, () => undefined));
  boundary.filter((ctx) => desk === undefined || ctx.chat?.id !== desk.settings.chatId).use(elsewhere);

  const chat = boundary.chatType("private");
  // Before anything can queue: a tap's spinner stops at once, whatever happens next.
  chat.on("callback_query", async (ctx, next) => {
    // Sent now, awaited later: waiting for it here would let a message typed right after this tap
    // reach the chat's queue first, and be read on the screen before the tap.
    const answered = ctx.answerCallbackQuery().catch((error: unknown) => ctx.log.debug({ err: error }, "answerCallbackQuery failed"));
    await next();
    await answered;
  });
  // Counted as it arrives, not when its turn comes: a flood is stopped before it can queue up.
  chat.use(gate(deps));

  // Crisis first: any text or caption, typed or edited, anywhere in the flow — ahead of this
  // chat's queue (the compare-and-set keeps the queued turns right) and of its outgoing queue
  // (not of the overall limit). Never stopped by the flood limit (gate.ts); a burst of them gets
  // one screen per kind per few seconds, claimed (checked and set in one synchronous step) before
  // the screen is sent, so a burst arriving at once sees the claim.
  const cooldown = new CrisisCooldown(deps.crisisCooldownMs);
  chat.use(async (ctx, next) => {
    // Only what the person wrote: a tap's ctx.msg is the bot's own message.
    const written = ctx.message ?? ctx.editedMessage;
    const said = written?.text ?? written?.caption;
    const crisis = said ? deps.detectCrisis(said) : undefined;
    // Derived when the update's logger was made: a cache hit here.
    const pseudonym = await deps.vault.pseudonym(ctx.chat.id);
    if (!crisis) {
      // Anything else they do (a tap, a command) may replace the crisis screen: the next crisis
      // message must bring it back, not count as already answered.
      cooldown.reset(pseudonym);
      return next();
    }
    if (!cooldown.claim(pseudonym, crisis.kind)) {
      ctx.log.info({ kind: crisis.kind, group: crisis.group }, "crisis detected; its screen was sent moments ago");
      // No second screen, but in a counselling case the counsellor must still get her words.
      if (deps.desk) await converse(ctx, deps, { kind: "text", crisis, locale: startLocale(ctx) }, "silent");
      return;
    }
    ctx.log.info({ kind: crisis.kind, group: crisis.group }, "crisis detected");
    sendUrgently(ctx.api);
    try {
      await converse(ctx, deps, { kind: "text", crisis, locale: startLocale(ctx) }, "new");
    } catch (error) {
      cooldown.release(pseudonym, crisis.kind);
      throw error;
    }
  });

  // Telegram sends one chat's updates in order, but the runner (and a webhook) handles them concurrently.
  chat.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  // An edit that is not a crisis needs no answer: the person already had one.
  chat.on("edited_message", () => undefined);

  chat.command("start", (ctx) => converse(ctx, deps, { kind: "start", locale: startLocale(ctx) }, "new"));
  chat.command("exit", (ctx) => quickExit(ctx, deps.vault, t, deps.desk));
  for (const [name, event] of Object.entries(COMMAND_EVENTS)) {
    chat.command(name, (ctx) => converse(ctx, deps, { kind: "event", event, locale: startLocale(ctx) }, "new"));
  }

  chat.on("callback_query:data", async (ctx) => {
    const button = decodeButton(ctx.callbackQuery.data);
    const locale = startLocale(ctx);
    const input = button ? { kind: "event" as const, event: button.event, screen: button.screen, locale } : { kind: "unknown-button" as const, locale };
    await converse(ctx, deps, input, "edit");
  });
  chat.on("message:text", (ctx) => {
    const at = new Date(ctx.msg.date * 1000).toISOString();
    return converse(ctx, deps, { kind: "text", crisis: undefined, text: ctx.msg.text, at, locale: startLocale(ctx) }, "new");
  });
  // Photos, videos and documents: fingerprinted for the evidence log, the file itself never kept.
  chat.on(["message:photo", "message:video", "message:animation", "message:document"], async (ctx) => {
    const input = await fileInput(ctx, deps, startLocale(ctx));
    const caption = ctx.msg.caption;
    await converse(ctx, deps, input ? { ...input, ...(caption ? { caption } : {}) } : { kind: "unsupported", locale: startLocale(ctx) }, "new");
  });
  // Stickers, voice, locations, contacts…: kindly redirected, never stored.
  chat.on("message", (ctx) => converse(ctx, deps, { kind: "unsupported", locale: startLocale(ctx) }, "new"));

  // Taps without data (game buttons) or outside a private chat (inline messages, groups): still stop the spinner.
  boundary.on("callback_query", async (ctx) => {
    if (ctx.chat?.type === "private") return; // answered on arrival, above
    await ctx.answerCallbackQuery().catch(() => undefined);
  });

  bot.catch((err) => {
    // Reached only if the boundary itself failed; keep the process alive.
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled bot error");
  });

  return bot;
}

export type NyfBot = ReturnType<typeof createBot>;
