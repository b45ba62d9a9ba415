import { text, type Text } from "./screen.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whole hours or days between two ISO times; negative spans (a clock set back) count as none. */
export function hoursBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / HOUR));
}

/**
 * "3 days ago", "5 hours ago", "less than an hour ago": how long since something she logged. `now`
 * is the time of her latest turn (screens are pure, so the turn brings the clock). Without it, nothing.
 */
export function sinceText(at: string, now: string | undefined): Text {
  if (now === undefined) return text("since-unknown");
  const ms = Math.max(0, Date.parse(now) - Date.parse(at));
  if (ms < HOUR) return text("since-now");
  if (ms < 2 * DAY) return text("since-hours", { n: Math.floor(ms / HOUR) });
  return text("since-days", { n: Math.floor(ms / DAY) });
}
