/**
 * A counselling service's office hours: parsed from COUNSELLOR_HOURS once at start, then asked
 * "open at this moment?" in the service's own time zone. Pure: no clock, no I/O (the caller brings
 * the date), so every case can be tested with a fixed instant in a real time zone.
 *
 * Grammar (case-insensitive, whitespace free):
 *   hours  := "24/7" | "always" | part ("," part)*      (";" also separates parts)
 *   part   := [days] [time "-" time]                    (a part without days means every day;
 *                                                        days without a time take the next part's)
 *   days   := day | day "-" day                         (Mon-Sat; Fri-Mon wraps over the weekend)
 *   day    := Mon | Tue | Wed | Thu | Fri | Sat | Sun   (or the full name: Monday, Tuesday, …);
 *             "Daily" is every day
 *   time   := H:MM | HH:MM, 24-hour; "24:00" only as an end
 * A range that ends before it starts runs overnight and belongs to the day it starts:
 * "Fri 20:00-02:00" is open from Friday 20:00 to Saturday 02:00.
 */

/** One span of the week: the days it starts on (0 = Sunday … 6 = Saturday) and minutes after midnight. */
export interface OfficeSpan {
  days: readonly number[];
  start: number;
  /** Exclusive; at or before `start` for an overnight span that ends the next day. */
  end: number;
}

export type OfficeHours = { always: true } | { always: false; spans: readonly OfficeSpan[] };

/** COUNSELLOR_ORG when unset; the screens put it into her language ("talk-org-default"). */
export const DEFAULT_COUNSELLOR_ORG = "the counselling team";

/** COUNSELLOR_* as config hands them on: read by the desk, the screens and the relay. */
export interface CounselSettings {
  /** The counsellors' private supergroup (negative, -100…). */
  chatId: number;
  /** Who she will talk to, as the organisation wants to be named ("the Meri Trustline team"). */
  org: string;
  /** Undefined: no fixed hours, always open. */
  hours: OfficeHours | undefined;
  /** COUNSELLOR_HOURS as the operator wrote it, for the screens; undefined with `hours`. */
  hoursText: string | undefined;
  /** IANA time zone the hours are in. */
  timeZone: string;
  /** How long she waits for a first answer before she is told plainly, with the helplines. */
  waitMinutes: number;
}

const DAY_NAMES: readonly (readonly string[])[] = [
  ["sun", "sunday"],
  ["mon", "monday"],
  ["tue", "tues", "tuesday"],
  ["wed", "weds", "wednesday"],
  ["thu", "thur", "thurs", "thursday"],
  ["fri", "friday"],
  ["sat", "saturday"],
];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const;

function dayOf(word: string, whole: string): number {
  const index = DAY_NAMES.findIndex((names) => names.includes(word.toLowerCase()));
  if (index < 0) throw new Error(`"${word}" is not a day in "${whole}": use Mon, Tue, Wed, Thu, Fri, Sat or Sun`);
  return index;
}

/** "Mon-Sat" → [1..6]; "Fri-Mon" wraps → [5, 6, 0, 1]; "Sun" → [0]. */
function daysOf(text: string, whole: string): number[] {
  if (/^daily$/i.test(text)) return [...EVERY_DAY];
  const [from, to, extra] = text.split(/\s*[-–—]\s*/);
  if (extra !== undefined || !from) throw new Error(`"${text}" in "${whole}" is not a day or a range of days like Mon-Sat`);
  const first = dayOf(from, whole);
  if (to === undefined) return [first];
  const last = dayOf(to, whole);
  const days: number[] = [];
  for (let d = first; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === last) break;
  }
  return days;
}

function minutesOf(text: string, whole: string, isEnd: boolean): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  const value = hours * 60 + minutes;
  if (!m || minutes > 59 || hours > 24 || (hours === 24 && (minutes > 0 || !isEnd))) {
    throw new Error(`"${text}" in "${whole}" is not a time: write it as HH:MM, 24-hour (09:00, 18:30; 24:00 only as an end)`);
  }
  return value;
}

const PART = /^(?:(?<days>[A-Za-z]+(?:\s*[-–—]\s*[A-Za-z]+)?)\s*)?(?:(?<from>\d{1,2}:\d{2})\s*[-–—]\s*(?<to>\d{1,2}:\d{2}))?$/;

/**
 * COUNSELLOR_HOURS → office hours. Throws an Error whose message names the part at fault and
 * what would be right, ready to follow "COUNSELLOR_HOURS: " in a ConfigError.
 */
export function parseOfficeHours(text: string): OfficeHours {
  const whole = text.trim();
  if (/^(24\s*\/\s*7|always)$/i.test(whole)) return { always: true };
  if (!whole) throw new Error(`it is empty: write hours like "Mon-Sat 09:00-18:00", or "24/7"`);
  const spans: OfficeSpan[] = [];
  let waiting: number[] = [];
  for (const raw of whole.split(/\s*[,;]\s*/)) {
    const part = raw.trim();
    const m = PART.exec(part);
    if (!part || !m?.groups) throw new Error(`"${part}" in "${whole}" is not days and a time range like "Mon-Sat 09:00-18:00"`);
    const { days, from, to } = m.groups;
    const partDays = days ? daysOf(days, whole) : undefined;
    if (from === undefined || to === undefined) {
      // "Mon, Wed 10:00-12:00": these days take the next part's time.
      waiting = [...waiting, ...(partDays ?? [])];
      continue;
    }
    const start = minutesOf(from, whole, false);
    const end = minutesOf(to, whole, true);
    if (start === end) throw new Error(`"${part}" in "${whole}" starts and ends at the same time: for a whole day write 00:00-24:00`);
    const spanDays = [...new Set([...waiting, ...(partDays ?? (waiting.length > 0 ? [] : EVERY_DAY))])].sort((a, b) => a - b);
    waiting = [];
    // 20:00-02:00 runs overnight: stored with end ≤ start, belongs to the day it starts.
    spans.push({ days: spanDays, start, end });
  }
  if (waiting.length > 0) throw new Error(`"${whole}" ends with days but no time: add a range like 09:00-18:00`);
  if (spans.length === 0) throw new Error(`"${whole}" has no time range: write hours like "Mon-Sat 09:00-18:00"`);
  return { always: false, spans };
}

/**
 * True when `timeZone` is an IANA zone written Area/Location (or "UTC") that this runtime knows.
 * Abbreviations are refused even where the runtime takes them: "IST" is India, Ireland or Israel,
 * and "EST" turns out to be Panama, with no summer time.
 */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone !== "UTC" && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Weekday (0 = Sunday) and minutes after midnight on the wall clock of `timeZone` at `date`. */
export function wallClock(timeZone: string, date: Date): { day: number; minutes: number } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: dayOf(part("weekday"), "the clock"),
    minutes: (Number(part("hour")) % 24) * 60 + Number(part("minute")),
  };
}

/**
 * Is the service open at `date`? Undefined hours (COUNSELLOR_HOURS unset) mean always open. The
 * wall clock of `timeZone` decides, so a change to or from summer time moves the hours with it.
 */
export function isOpenAt(hours: OfficeHours | undefined, timeZone: string, date: Date): boolean {
  if (!hours || hours.always) return true;
  const { day, minutes } = wallClock(timeZone, date);
  const yesterday = (day + 6) % 7;
  return hours.spans.some((span) => {
    if (span.end > span.start) return span.days.includes(day) && minutes >= span.start && minutes < span.end;
    // Overnight: the evening of a day it starts on, or the small hours after one.
    return (span.days.includes(day) && minutes >= span.start) || (span.days.includes(yesterday) && minutes < span.end);
  });
}
