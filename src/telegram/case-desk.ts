import { freshContext, type ConversationContext, type ConversationEvent, type Locale } from "../conversation/machine.js";
import { isOpenAt, type CounselSettings } from "../conversation/office-hours.js";
import type { TalkEffect } from "../conversation/turn.js";
import type { CaseRecord, CaseVault, Found, Place } from "../privacy/case-vault.js";
import { caseBriefing } from "../screens/case-briefing.js";
import { renderScreen, translateText, type RenderedScreen } from "../screens/render.js";
import type { Lines, Text } from "../screens/screen.js";
import { caseNotice, counselView, groupText, type CaseNoticeKind, type GroupTextKind } from "../screens/talk.js";
import { loadRecord, takeTurn, type TurnDeps, type TurnLog } from "./take-turn.js";
import { ChatRecord, recordContext } from "./chat-record.js";

/**
 * The counsellor hand-off, between her private chat and the counsellors' group. No grammY here:
 * the room (the group) and her line (her chat) are passed in, so the terminal playground runs the
 * same desk with a simulated counsellor.
 *
 * Everything it knows lives in the store (privacy/case-vault.ts), so a relay survives a restart
 * and several instances share it; every case write is a compare-and-set.
 */

/** What she sent, as the transport can pass it on: by reference in Telegram, as words in the terminal. */
export type HerMessage = { chatId: number; messageId: number } | { text: string };

/** The counsellors' group, as the desk needs it. */
export interface CounsellorRoom {
  /** A topic named by the case's code, in a forum; undefined in a group without topics. */
  openTopic(code: string): Promise<number | undefined>;
  /** A new message in the group, not a reply: a case's opening in a group without topics. */
  startThread(text: string): Promise<number>;
  /** A line from the bot in the case; returns its message id. */
  post(place: Place, text: string): Promise<number>;
  /** Her message copied into the case, never forwarded (no author shown); returns its message id. */
  relay(place: Place, message: HerMessage): Promise<number>;
  /** Marks the place ended (the topic closed and renamed). */
  close(place: Place, code: string): Promise<void>;
}

/** Her chat, as the desk reaches it. `BlockedError` when she blocked the bot. */
export interface PersonLine {
  /** A counsellor's message copied to her: their account is never shown. */
  copy(chatId: number, groupMessageId: number): Promise<void>;
  show(chatId: number, screen: RenderedScreen): Promise<void>;
}

/** She blocked the bot (Telegram's 403): the case ends. */
export class BlockedError extends Error {
  override readonly name = "BlockedError";
}

/** A message in the counsellors' group, reduced to what the desk may see: never who wrote it. */
export interface GroupMessage {
  messageId: number;
  /** The forum topic it was written in, if any. */
  thread?: number | undefined;
  /** The message it replies to, if any. */
  replyTo?: number | undefined;
  /** In a group without topics: the first message of the reply chain it belongs to (Telegram's message_thread_id). */
  threadRoot?: number | undefined;
  /** A counsellor's command, if it is one. */
  command?: string | undefined;
}

/** pino's Logger fits; the terminal passes a quiet one. */
export type DeskLog = TurnLog & { info(obj: object, msg: string): void };

export type EndedBy = "her" | "counsellor" | "inactive" | "blocked" | "exit" | "forget" | "unavailable";

export interface DeskDeps {
  settings: CounselSettings;
  vault: CaseVault;
  room: CounsellorRoom;
  her: PersonLine;
  turns: TurnDeps;
  sessionTtlSeconds: number;
  log: DeskLog;
  now?: () => number;
}

/** An opening takes seconds (a minute in a busy group): a case with no place after this never opened. */
const OPENING_GIVES_UP_MS = 10 * 60 * 1000;

/** Told again that they are closed at most this often while she keeps writing. */
const OFF_HOURS_REMINDER_MS = 60 * 60 * 1000;

export class CaseDesk {
  readonly #now: () => number;
  #lastTick = 0;
  #ticking: Promise<void> | undefined;

  constructor(private readonly deps: DeskDeps) {
    this.#now = deps.now ?? Date.now;
  }

  get settings(): CounselSettings {
    return this.deps.settings;
  }

  #english(): (part: Text | Lines) => string {
    const t = this.deps.turns.translate("en");
    return (part) => ("lines" in part ? part.lines.map((l) => translateText(l, t).trim()).join("\n") : translateText(part, t));
  }

  #group(kind: GroupTextKind, args?: Parameters<typeof groupText>[1]): string {
    return this.#english()(groupText(kind, args));
  }

  #openNow(): boolean {
    return isOpenAt(this.deps.settings.hours, this.deps.settings.timeZone, new Date(this.#now()));
  }

  /** Her turn was saved: do what it asked of the case. */
  async afterTurn(chatId: number, effect: TalkEffect, context: ConversationContext, message: HerMessage | undefined): Promise<void> {
    if (effect.kind === "open") return this.#open(chatId, effect.code, effect.share, context);
    if (effect.kind === "end") return void (await this.end(effect.code, effect.by === "forget" ? "forget" : "her"));
    if (effect.kind === "not-passed") return this.#notPassed(effect.code);
    if (message) await this.#fromHer(chatId, effect.code, message, effect.crisis, context);
  }

  /**
   * Opens a case. The record is stored first (with no place yet), so that her next message, which
   * may reach another instance while the group is still being written to (its sends are throttled
   * to Telegram's 20 a minute), finds an opening case and waits in it instead of finding none. A
   * forum topic is linked as soon as it exists, before the opening post, so a counsellor who writes
   * in it at once is heard.
   */
  async #open(chatId: number, code: string, share: CaseRecord["share"], context: ConversationContext): Promise<void> {
    const { log, vault, room } = this.deps;
    const tag = vault.tag(code);
    const now = this.#now();
    const openNow = this.#openNow();
    const record: CaseRecord = {
      chat: chatId,
      share,
      locale: context.locale,
      openedAt: now,
      lastHerAt: now,
      waitingSince: now,
      ...(openNow ? {} : { offHoursNoticeAt: now }),
      pending: [],
      links: [],
    };
    const english = this.#english();
    // The opening already says when she shared nothing.
    const briefing = share === "none" ? [] : caseBriefing(this.deps.turns.content, context, share).map(english);
    const intro = [this.#group("opened", { code, shared: share }), ...briefing].join("\n\n");
    let created: boolean;
    try {
      created = await vault.create(code, record);
    } catch (error) {
      return this.#failedToOpen(chatId, code, undefined, context.locale, error);
    }
    if (!created) {
      log.error({ case: tag }, "case code already in use; not opened");
      return this.#couldNotOpen(chatId, context.locale);
    }
    let place: Place | undefined;
    // Her messages that came while it opened go in now, in order, with the place.
    let waiting: CaseRecord["pending"] = [];
    try {
      const thread = await room.openTopic(code);
      if (thread !== undefined) {
        place = { mode: "topic", thread };
        await vault.link("topic", thread, code);
        await room.post(place, intro);
      } else {
        place = { mode: "thread", anchor: await room.startThread(intro) };
        await vault.link("message", place.anchor, code);
      }
      const opened = place;
      await vault.update(code, (r) => {
        // Already ours: our write landed before a lost reply, and what waited then is what to pass on.
        if (r.place !== undefined) return undefined;
        waiting = r.pending;
        return { ...r, place: opened, pending: [] };
      });
    } catch (error) {
      return this.#failedToOpen(chatId, code, place, context.locale, error);
    }
    log.info({ case: tag, mode: place.mode, shared: share, waiting: waiting.length }, "case opened");
    for (const m of waiting) await this.#passOn(code, place, { chatId, messageId: m.id }, m.crisis);
    if (!openNow) await this.#notice(chatId, context, "off-hours");
  }

  /**
   * The group refused, or the store stayed out of reach past CaseVault's retries. Never a silent
   * loss: the half-open case is closed on both sides (as far as they answer) and she is told to
   * try again later.
   */
  async #failedToOpen(chatId: number, code: string, place: Place | undefined, locale: Locale, error: unknown): Promise<void> {
    const { log, vault, room } = this.deps;
    log.error({ err: error, case: vault.tag(code) }, "case could not be opened");
    await vault.close(code).catch(() => undefined);
    if (place) await room.close(place, code).catch(() => undefined);
    return this.#couldNotOpen(chatId, locale);
  }

  async #couldNotOpen(chatId: number, locale: Locale): Promise<void> {
    const { turn } = await takeTurn(this.deps.turns, chatId, { kind: "event", event: { type: "CASE_ENDED" }, locale }, this.deps.log);
    await this.#notice(chatId, turn.snapshot.context, "unavailable");
  }

  async #notice(chatId: number, context: ConversationContext, kind: CaseNoticeKind): Promise<void> {
    const { content, translate } = this.deps.turns;
    const screen = caseNotice(content, context, kind, this.#view());
    await this.#show(chatId, renderScreen(screen, translate(context.locale)));
  }

  #view() {
    return counselView(this.deps.settings, new Date(this.#now()));
  }

  async #show(chatId: number, screen: RenderedScreen): Promise<void> {
    try {
      await this.deps.her.show(chatId, screen);
    } catch (error) {
      if (!(error instanceof BlockedError)) throw error;
    }
  }

  /** Her message, with the context her turn left (its language and country for a notice). */
  async #fromHer(chatId: number, code: string, message: HerMessage, crisis: boolean, context: ConversationContext): Promise<void> {
    const tag = this.deps.vault.tag(code);
    const now = this.#now();
    const closed = !this.#openNow();
    let place: Place | undefined;
    let remind = false;
    // One compare-and-set decides it all, so of two instances only one sends the off-hours reminder.
    const updated = await this.deps.vault.update(code, (r) => {
      place = r.place;
      remind = closed && (r.offHoursNoticeAt ?? 0) < now - OFF_HOURS_REMINDER_MS;
      // Still opening: she waits in the case (by message id, never her words) until it has a place.
      const pending = r.place === undefined && "messageId" in message ? [...r.pending, { id: message.messageId, crisis }].slice(-50) : r.pending;
      return { ...r, lastHerAt: now, waitingSince: r.waitingSince ?? now, pending, ...(remind ? { offHoursNoticeAt: now } : {}) };
    });
    if (!updated) {
      // Ended while she was away (or never opened): her session still had the code.
      this.deps.log.info({ case: tag }, "message for a case that has ended");
      await this.#herCaseEnded(chatId, context.locale);
      return;
    }
    if (place === undefined) {
      this.deps.log.debug({ case: tag }, "her message waits: the case is still opening");
    } else {
      await this.#passOn(code, place, message, crisis);
    }
    if (remind) await this.#notice(chatId, context, "off-hours");
  }

  /** Her message copied into the case (and linked, in reply-thread mode), with the 🆘 line after a crisis. */
  async #passOn(code: string, place: Place, message: HerMessage, crisis: boolean): Promise<void> {
    const copied = await this.deps.room.relay(place, message);
    if (crisis) await this.deps.room.post(place, this.#group("crisis"));
    if (place.mode === "thread") {
      await this.deps.vault.link("message", copied, code);
      await this.deps.vault.update(code, (r) => ({ ...r, links: [...r.links, copied].slice(-2000) }));
    }
    this.deps.log.debug({ case: this.deps.vault.tag(code), crisis }, "her message passed on");
  }

  async #notPassed(code: string): Promise<void> {
    const place = (await this.deps.vault.load(code))?.record.place;
    if (place) await this.deps.room.post(place, this.#group("not-passed"));
  }

  /** Her session's context as it is now (for the language and country of a notice); a fresh one if it can't be read. */
  async #herContext(chatId: number, locale: Locale): Promise<ConversationContext> {
    const { raw } = await loadRecord(this.deps.turns.vault, chatId, this.deps.log);
    return (recordContext(raw) as ConversationContext | undefined) ?? freshContext(locale);
  }

  /** A turn for her that the counsellor side caused, shown as a new message. */
  async #turnForHer(chatId: number, event: ConversationEvent, locale: Locale): Promise<void> {
    const taken = await takeTurn(this.deps.turns, chatId, { kind: "event", event, locale }, this.deps.log);
    await this.#show(chatId, taken.screen);
  }

  async #herCaseEnded(chatId: number, locale: Locale): Promise<void> {
    await this.#turnForHer(chatId, { type: "CASE_ENDED" }, locale);
  }

  /**
   * Which case a group message belongs to: its forum topic; else the message it replies to; else
   * the first message of its reply chain (a reply to her copy that came before the copy was linked
   * still belongs to the case whose opening started the chain).
   */
  async #caseOf(message: GroupMessage): Promise<Found> {
    const { vault } = this.deps;
    if (message.thread !== undefined) return vault.find("topic", message.thread);
    const byReply = message.replyTo !== undefined ? await vault.find("message", message.replyTo) : undefined;
    if (byReply !== undefined || message.threadRoot === undefined || message.threadRoot === message.replyTo) return byReply;
    return vault.find("message", message.threadRoot);
  }

  /** A message in the counsellors' group: passed to her if it belongs to an open case. */
  async fromCounsellor(message: GroupMessage): Promise<void> {
    const { vault, room, log } = this.deps;
    const found = await this.#caseOf(message);
    if (found === undefined) return; // counsellors talking among themselves, or the bot's own service messages
    if ("ended" in found) {
      await room.post(placeOf(message), this.#group("has-ended")).catch((error: unknown) => log.warn({ err: error }, "could not say the case has ended"));
      return;
    }
    const code = found.code;
    const loaded = await vault.load(code);
    if (!loaded) {
      await room.post(placeOf(message), this.#group("has-ended")).catch(() => undefined);
      return;
    }
    const { record } = loaded;
    const tag = vault.tag(code);
    // Still opening, found by its topic: that topic is its place (a counsellor may write before the opening post).
    const place = record.place ?? (message.thread !== undefined ? ({ mode: "topic", thread: message.thread } as const) : undefined);
    if (place === undefined) return;
    switch (message.command) {
      case "end":
        await this.end(code, "counsellor");
        return;
      case "helplines":
        await this.#turnForHer(record.chat, { type: "HELPLINES" }, record.locale);
        await room.post(place, this.#group("helplines-sent"));
        return;
      case "summary": {
        const context = await this.#herContext(record.chat, record.locale);
        await room.post(place, caseBriefing(this.deps.turns.content, context, record.share).map(this.#english()).join("\n\n"));
        return;
      }
      case undefined:
        break;
      default:
        // Another command is a counsellor's own business, never passed to her.
        return;
    }
    try {
      await this.deps.her.copy(record.chat, message.messageId);
    } catch (error) {
      if (error instanceof BlockedError) {
        log.info({ case: tag }, "she blocked the bot: case ended");
        await this.end(code, "blocked");
        return;
      }
      throw error;
    }
    const now = this.#now();
    await vault.update(code, (r) => {
      const { waitingSince: _, ...rest } = r;
      return { ...rest, lastCounsellorAt: now, ...(place.mode === "thread" ? { links: [...r.links, message.messageId].slice(-2000) } : {}) };
    });
    if (place.mode === "thread") await vault.link("message", message.messageId, code);
    // Their words keep her session alive as hers do.
    await this.#touchHer(record.chat);
    log.debug({ case: tag }, "counsellor's message passed on");
  }

  async #touchHer(chatId: number): Promise<void> {
    const { vault } = this.deps.turns;
    const loaded = await vault.load(chatId);
    if (ChatRecord.safeParse(loaded.data).success) await vault.save(chatId, loaded.data, loaded.version).catch(() => false);
  }

  /**
   * Ends a case: erased from the store first (so of two instances only one goes on), then the
   * group is told and the topic closed, then she is told — unless she left with /exit or /forget,
   * or blocked the bot, when a message to her would be unwelcome or impossible.
   */
  async end(code: string, by: EndedBy): Promise<boolean> {
    const { vault, room, log } = this.deps;
    const record = await vault.close(code);
    if (!record) return false;
    log.info({ case: vault.tag(code), by }, "case ended");
    const place = record.place;
    if (place) {
      await room.post(place, this.#group(`ended-${by}` as GroupTextKind)).catch((error: unknown) => log.warn({ err: error }, "could not tell the group the case ended"));
      await room.close(place, code).catch((error: unknown) => log.warn({ err: error }, "could not close the case's topic"));
    }
    if (by === "counsellor" || by === "inactive") await this.#herCaseEnded(record.chat, record.locale).catch((error: unknown) => log.warn({ err: error }, "could not tell her the case ended"));
    return true;
  }

  /** She left with /exit: the case ends and the group is told; nothing more is sent to her. */
  async exit(code: string): Promise<void> {
    await this.end(code, "exit");
  }

  /** How often cases are checked: a quarter of the wait (so a notice is at most that late), at most every 30 s. */
  get tickMs(): number {
    return Math.max(1000, Math.min(30_000, (this.deps.settings.waitMinutes * 60_000) / 4));
  }

  /** Runs a check in the background if none ran for a tick's length; never waits for it. */
  tickSoon(): void {
    if (this.#ticking || this.#now() - this.#lastTick < this.tickMs) return;
    this.#lastTick = this.#now();
    this.#ticking = this.tick()
      .catch((error: unknown) => this.deps.log.warn({ err: error }, "case check failed"))
      .finally(() => {
        this.#ticking = undefined;
      });
  }

  /** Checks on a timer, for a long-running process; returns how to stop (waiting for a check under way). */
  startTicking(): () => Promise<void> {
    const timer = setInterval(() => this.tickSoon(), this.tickMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await this.#ticking;
    };
  }

  /**
   * Time-based care, run every few seconds by every instance (and on updates where nothing runs in
   * between, as on a serverless platform): tells her when nobody has answered within the wait, and
   * ends cases idle for the session's time to live. Each notice is claimed with a compare-and-set
   * before it is sent, so two instances never send it twice.
   */
  async tick(): Promise<void> {
    const { vault, settings, log } = this.deps;
    const now = this.#now();
    const waitMs = settings.waitMinutes * 60_000;
    const idleMs = this.deps.sessionTtlSeconds * 1000;
    for (const code of await vault.openCodes()) {
      try {
        const loaded = await vault.load(code);
        if (!loaded) {
          await vault.close(code);
          continue;
        }
        const r = loaded.record;
        if (r.place === undefined) {
          // Still opening, or an opening that failed while the store was out of reach (she was
          // told then, and may be in a newer case now): nobody can see it, so nothing is sent.
          if (r.openedAt + OPENING_GIVES_UP_MS <= now && (await vault.close(code))) log.info({ case: vault.tag(code) }, "case never opened: erased");
          continue;
        }
        if (Math.max(r.lastHerAt, r.lastCounsellorAt ?? 0) + idleMs <= now) {
          await this.end(code, "inactive");
          continue;
        }
        const due = r.waitingSince !== undefined && r.waitingSince + waitMs <= now && (r.waitNoticeAt ?? 0) < r.waitingSince;
        if (!due || !this.#openNow()) continue;
        const claimed = await vault.update(code, (x) =>
          x.waitingSince !== undefined && (x.waitNoticeAt ?? 0) < x.waitingSince ? { ...x, waitNoticeAt: now } : undefined,
        );
        if (!claimed?.changed) continue;
        const context = await this.#herContext(r.chat, r.locale);
        await this.#notice(r.chat, context, "no-answer");
        log.info({ case: vault.tag(code) }, "no answer yet: she was told");
      } catch (error) {
        log.warn({ err: error, case: vault.tag(code) }, "case check failed; tried again on the next tick");
      }
    }
  }
}

/** Where a group message was: its topic, or a reply to it. */
function placeOf(message: GroupMessage): Place {
  return message.thread !== undefined ? { mode: "topic", thread: message.thread } : { mode: "thread", anchor: message.messageId };
}
