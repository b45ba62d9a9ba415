import type { ConversationEvent } from "../../src/conversation/machine.js";
import type { PersonInput } from "../../src/conversation/turn.js";
import { reply, type Reply } from "../../src/screens/reply.js";
import { conversationDeps } from "./deps.js";

/**
 * One person's conversation through the pure turn, as both transports run it: taps find buttons by
 * the words on them, and typed text goes through the crisis detector first, as it does on Telegram.
 */
export class Person {
  readonly deps = conversationDeps();
  stored: unknown;
  last!: Reply;
  /** The clock the turn sees (tests move it on); the real time when unset. */
  now: Date | undefined;

  constructor(readonly locale: "en" | "hi" = "en") {}

  private take(input: PersonInput): this {
    this.last = reply(this.deps, this.stored, input, this.now ? { now: () => this.now! } : {});
    this.stored = this.last.turn.stored;
    return this;
  }
  event(event: ConversationEvent): this {
    return this.take({ kind: "event", event, locale: this.locale });
  }
  /** Taps the button whose label contains `label` on the current screen. */
  tap(label: string): this {
    return this.tapOn(this.last.screen, label);
  }
  /** Taps a button on an older message: `screen` as it was shown then. */
  tapOn(screen: Reply["screen"], label: string): this {
    const button = screen.buttons.flat().find((b) => b.label.includes(label));
    if (!button) throw new Error(`no "${label}" on ${screen.id}: ${screen.buttons.flat().map((b) => b.label).join(" | ")}`);
    return this.take({ kind: "event", event: button.event, screen: screen.id, locale: this.locale });
  }
  type(text: string, at = "2026-11-25T10:00:00.000Z"): this {
    return this.take({ kind: "text", crisis: this.deps.detectCrisis(text), text, at, locale: this.locale });
  }
  file(fingerprint: { sha256: string; size: number; type: "photo" | "document" }, refused?: "minor" | "too-big"): this {
    return this.take({ kind: "file", locale: this.locale, at: "2026-11-25T10:05:00.000Z", fingerprint: refused ? undefined : fingerprint, ...(refused ? { refused } : {}) });
  }
  get text() {
    return this.last.screen.text;
  }
  get at() {
    return this.last.screen.id;
  }
  get context() {
    return this.last.turn.snapshot.context;
  }
  /** The copyable messages the last turn sent (a complaint, an appeal, the money pack). */
  get copies() {
    return this.last.copies;
  }
  get items() {
    return this.context.evidence;
  }
}
