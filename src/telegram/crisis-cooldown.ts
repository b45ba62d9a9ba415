import type { CrisisMatch } from "../conversation/crisis-detector.js";

/**
 * One crisis screen per chat and kind per few seconds. Someone in crisis may send many messages
 * at once ("I want to die" ten times, or a script may): the first gets the crisis screen at once,
 * the rest within the cooldown (and before they do anything else) are answered by that same
 * screen, not sent it again — 200 copies
 * of it would bury the numbers and hit Telegram's limits for everyone. A "danger" message after a
 * "self" one still gets its own screen: the two screens say different things (112 first).
 *
 * Held in this process's memory only, under the chat's pseudonym (never the raw id), for the
 * cooldown and no longer. With several instances each keeps its own: at most one screen per
 * instance per cooldown.
 */
export class CrisisCooldown {
  readonly #until = new Map<string, number>();

  constructor(
    private readonly ms = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True if this crisis should get its screen now (and starts the cooldown); false if one was just sent. */
  claim(pseudonym: string, kind: CrisisMatch["kind"]): boolean {
    const now = this.now();
    const key = `${pseudonym}:${kind}`;
    if ((this.#until.get(key) ?? 0) > now) return false;
    this.#until.set(key, now + this.ms);
    if (this.#until.size > 1_000) this.#sweep(now);
    return true;
  }

  /** The screen could not be sent: the next crisis message must not wait out the cooldown. */
  release(pseudonym: string, kind: CrisisMatch["kind"]): void {
    this.#until.delete(`${pseudonym}:${kind}`);
  }

  /** Something else happened in the chat (a tap, a command, other text): the crisis screen may no longer be the one in view. */
  reset(pseudonym: string): void {
    if (this.#until.size === 0) return;
    this.#until.delete(`${pseudonym}:self`);
    this.#until.delete(`${pseudonym}:danger`);
  }

  /** How many chats are cooling down (tests). */
  get size(): number {
    this.#sweep(this.now());
    return this.#until.size;
  }

  #sweep(now: number): void {
    for (const [key, until] of this.#until) if (until <= now) this.#until.delete(key);
  }
}
