import type { z } from "zod";
import type { PlatformId } from "../content/schema.js";
import { LIMITS, UTR, type MoneyFields } from "./item.js";

/**
 * Reads what a person types into their evidence log. Pure: no I/O, no grammY.
 *
 * Every parser answers with a value or a named error, so the bot can say exactly what was wrong
 * ("that date does not exist") instead of a generic "try again". Limits are checked here and told
 * to the person, never applied silently. Lengths are counted in code points, like the zod schemas
 * in item.ts, so an emoji counts as one character.
 */

export type ParseError =
  | "link-invalid"
  | "link-too-long"
  | "handle-invalid"
  | "handle-too-long"
  | "date-unreadable"
  | "date-impossible"
  | "date-future"
  | "what-too-long"
  | "money-unreadable"
  | "utr-invalid"
  | "note-empty"
  | "note-too-long";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

/** What parseMoney finds; the same shape as MoneyFields in item.ts. */
export type MoneyValue = z.infer<typeof MoneyFields>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: ParseError): Parsed<T> => ({ ok: false, error });

const codePoints = (s: string): number => [...s].length;

/** ०-९ → 0-9. One UTF-16 unit each way, so offsets in the converted text match the original. */
function asciiDigits(s: string): string {
  return s.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** Not followed by a letter, mark or digit: a word boundary that also works for Devanagari. */
const END = String.raw`(?![\p{L}\p{M}\p{N}])`;

// ---------------------------------------------------------------------------------------------
// Links

/** Typed around a link, never part of it: "(see https://x.com/a)." or "…/abc»" or "…/abc।". */
const LEADING_PUNCT = /^[("'«“‘<[{]+/u;
const TRAILING_PUNCT = /^[).,;:!?\]}>»"'”’…।॥*]$/u;
/** A bare host with a path, e.g. instagram.com/someone: letters-only TLD of 2+ so "5.30pm/x" is not a link. */
const BARE_HOST_WITH_PATH = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}\//i;

/** Drops trailing punctuation, but keeps a ")" that closes one inside the link (Wikipedia-style). */
function trimTrailing(candidate: string): string {
  let s = candidate;
  for (let last = s.at(-1); last !== undefined && TRAILING_PUNCT.test(last); last = s.at(-1)) {
    if (last === ")" && count(s, "(") >= count(s, ")")) break;
    s = s.slice(0, -1);
  }
  return s;
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

function isAcceptableHost(hostname: string): boolean {
  if (hostname.startsWith("[")) return true; // IPv6 literal
  const labels = hostname.replace(/\.$/, "").split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) return false; // "localhost", ".com"
  if (labels.every((l) => /^\d+$/.test(l))) return true; // IPv4 literal
  const tld = labels[labels.length - 1] ?? "";
  if (tld === "localhost") return false;
  return /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld);
}

function toHref(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (!isAcceptableHost(url.hostname)) return undefined;
  return url.href;
}

/** The candidate link inside one whitespace-free word, or undefined. */
function linkCandidate(word: string): string | undefined {
  const scheme = /https?:\/\//i.exec(word);
  if (scheme) return trimTrailing(word.slice(scheme.index));
  const bare = trimTrailing(word.replace(LEADING_PUNCT, ""));
  if (/^www\./i.test(bare) || BARE_HOST_WITH_PATH.test(bare)) return `https://${bare}`;
  return undefined;
}

/**
 * The first web link in free text, as a normalised href; undefined when there is none.
 * Accepts http(s) URLs, "www." forms and bare host+path forms ("instagram.com/someone").
 */
export function findLink(text: string): string | undefined {
  return findLinks(text, 1)[0];
}

/** Every distinct web link in free text, in order, up to `max` (a forwarded threat can hold several). */
export function findLinks(text: string, max: number): string[] {
  const found: string[] = [];
  for (const word of text.split(/\s+/u)) {
    if (found.length >= max) break;
    const candidate = linkCandidate(word);
    const href = candidate === undefined ? undefined : toHref(candidate);
    if (href !== undefined && !found.includes(href)) found.push(href);
  }
  return found;
}

export function parseLink(text: string): Parsed<{ url: string }> {
  const url = findLink(text.trim());
  if (url === undefined) return fail("link-invalid");
  if (url.length > LIMITS.link) return fail("link-too-long");
  return ok({ url });
}

const PLATFORM_DOMAINS: ReadonlyArray<readonly [PlatformId, readonly string[]]> = [
  ["instagram", ["instagram.com", "instagr.am"]],
  ["facebook", ["facebook.com", "fb.com", "fb.me", "fb.watch", "messenger.com"]],
  ["whatsapp", ["whatsapp.com", "wa.me"]],
  ["telegram", ["t.me", "telegram.me", "telegram.org"]],
  ["x", ["x.com", "twitter.com", "t.co"]],
  ["snapchat", ["snapchat.com"]],
  ["youtube", ["youtube.com", "youtu.be"]],
  // google.co.in: the Google domain most people in India land on.
  ["google", ["google.com", "google.co.in", "photos.app.goo.gl"]],
];

/** Which platform a link is on, from its host; subdomains count (chat.whatsapp.com, drive.google.com). */
export function platformOfUrl(url: string): PlatformId | undefined {
  const href = findLink(url);
  if (href === undefined) return undefined;
  const host = new URL(href).hostname.replace(/^(?:www|m|mobile)\./, "");
  for (const [platform, domains] of PLATFORM_DOMAINS) {
    if (domains.some((d) => host === d || host.endsWith(`.${d}`))) return platform;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Handles and notes

/** A username, handle, profile name or phone number: one line, inner spaces collapsed. */
export function parseHandle(text: string): Parsed<{ handle: string }> {
  const trimmed = text.trim();
  if (trimmed === "" || /[\r\n\u2028\u2029]/.test(trimmed)) return fail("handle-invalid");
  const handle = trimmed.replace(/\s+/gu, " ");
  if (codePoints(handle) > LIMITS.handle) return fail("handle-too-long");
  return ok({ handle });
}

export function parseNote(text: string): Parsed<{ text: string }> {
  const trimmed = text.trim();
  if (trimmed === "") return fail("note-empty");
  if (codePoints(trimmed) > LIMITS.note) return fail("note-too-long");
  return ok({ text: trimmed });
}

// ---------------------------------------------------------------------------------------------
// Dates
//
// Day first, because that is how people in India write dates: 03/04/2026 is 3 April. A general
// parser such as chrono-node reads it as March 4 (US order), and a wrong date in a police
// complaint is worse than "I could not read that", so this is a small parser for the forms people
// actually type, and everything else is refused with "date-unreadable".

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ["january", "jan", "जनवरी"],
  ["february", "feb", "फ़रवरी", "फरवरी"],
  ["march", "mar", "मार्च"],
  ["april", "apr", "अप्रैल"],
  ["may", "मई"],
  ["june", "jun", "जून"],
  ["july", "jul", "जुलाई"],
  ["august", "aug", "अगस्त"],
  ["september", "sept", "sep", "सितंबर", "सितम्बर"],
  ["october", "oct", "अक्टूबर", "अक्तूबर"],
  ["november", "nov", "नवंबर", "नवम्बर"],
  ["december", "dec", "दिसंबर", "दिसम्बर"],
];

/** Month name (NFC, lowercase) → 1..12. */
const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n.normalize("NFC"), i + 1] as const)),
);
// Longest first, so "march" wins over "mar".
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join("|")})\\.?`;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A date found at the start of the text; y is undefined when they left the year out ("14 March"). */
interface DateMatch extends Partial<Pick<Ymd, "y">> {
  m: number;
  d: number;
  length: number;
}

/** Case-insensitive, Unicode, and NFC like the text it reads (फ़ and ड़ have two spellings). */
const re = (source: string, flags = ""): RegExp => new RegExp(source.normalize("NFC"), `iu${flags}`);

const DATE_FORMS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => Omit<DateMatch, "length"> }> = [
  // 2026-03-14 (ISO, year first). Also 2026-03-14T21:30.
  { pattern: re(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)`), read: (m) => ({ y: num(m[1]), m: num(m[3]), d: num(m[4]) }) },
  // 14/03/2026, 14-03-2026, 14.03.2026, 4/3/26: same separator twice.
  { pattern: re(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])`), read: (m) => ({ y: fullYear(m[4]), m: num(m[3]), d: num(m[1]) }) },
  // 14 March 2026, 14th March, 2026, 14 Mar 2026, 14 मार्च 2026, 14-Mar-2026, 14 March.
  {
    pattern: re(String.raw`^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-.]*${MONTH}${END}(?:[\s,\-.]*(\d{4})(?!\d))?`),
    read: (m) => ({ y: m[3] === undefined ? undefined : num(m[3]), m: monthNumber(m[2]), d: num(m[1]) }),
  },
  // March 14, 2026, March 14th 2026, March 14.
  {
    pattern: re(String.raw`^${MONTH}\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:[\s,]*(\d{4})(?!\d))?`),
    read: (m) => ({ y: m[3] === undefined ? undefined : num(m[3]), m: monthNumber(m[1]), d: num(m[2]) }),
  },
];

const num = (s: string | undefined): number => Number(s ?? NaN);
/** "26" → 2026: two-digit years are this century (nobody is logging 1990s evidence). */
const fullYear = (s: string | undefined): number => (s !== undefined && s.length === 2 ? 2000 + num(s) : num(s));
const monthNumber = (name: string | undefined): number => MONTH_BY_NAME.get((name ?? "").toLowerCase()) ?? NaN;

/** Also Hinglish, as many people type Hindi in Latin letters: "kal raat 9 baje". */
const RELATIVE = re(String.raw`^(today|yesterday|आज|कल|aaj|kal)${END}`);
const TODAY_WORDS = new Set(["today", "आज", "aaj"]);

function matchDate(text: string, today: Ymd): DateMatch | undefined {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const word = (relative[1] ?? "").toLowerCase();
    // "कल" is both yesterday and tomorrow; evidence is about the past.
    const day = TODAY_WORDS.has(word) ? today : addDays(today, -1);
    return { ...day, length: relative[0].length };
  }
  for (const form of DATE_FORMS) {
    const m = form.pattern.exec(text);
    if (m) return { ...form.read(m), length: m[0].length };
  }
  return undefined;
}

/** Today's calendar date where the person is, from the clock and their time zone. */
function todayIn(now: Date, timeZone: string): Ymd {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: part("year"), m: part("month"), d: part("day") };
}

function addDays({ y, m, d }: Ymd, days: number): Ymd {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const compareYmd = (a: Ymd, b: Ymd): number => a.y - b.y || a.m - b.m || a.d - b.d;

function isRealDate({ y, m, d }: Ymd): boolean {
  return Number.isInteger(y) && y >= 1990 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

interface TimeMatch {
  h: number;
  min: number;
  length: number;
}

/** Hindi time-of-day words that say am or pm: "रात 9 बजे" is 21:00. */
const DAYPARTS = new Map<string, "morning" | "afternoon" | "evening" | "night">([
  ["सुबह", "morning"],
  ["subah", "morning"],
  ["दोपहर", "afternoon"],
  ["dopahar", "afternoon"],
  ["शाम", "evening"],
  ["shaam", "evening"],
  ["रात", "night"],
  ["raat", "night"],
]);
const DAYPART = `(${[...DAYPARTS.keys()].join("|")})`;

const TIME_FORMS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => { h: number; min: number } }> = [
  // 9pm, 9 pm, 9:30 PM, 9.30pm, 9 p.m.
  {
    pattern: re(String.raw`^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?![\p{L}\p{N}])`),
    read: (m) => ({ h: from12(num(m[1]), (m[3] ?? "").toLowerCase() === "p"), min: num(m[2] ?? "0") }),
  },
  // 9 बजे, 9:30 बजे, रात 9 बजे, 9 बजे रात, raat 9 baje.
  {
    pattern: re(String.raw`^(?:${DAYPART}\s*)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:बजे|baje|bje)${END}(?:\s*${DAYPART}${END})?`),
    read: (m) => ({ h: fromDaypart(num(m[2]), m[1] ?? m[4]), min: num(m[3] ?? "0") }),
  },
  // 21:30, 21:30 hrs.
  { pattern: re(String.raw`^(\d{1,2}):(\d{2})(?!\d)(?:\s*(?:hrs?|hours)${END})?`), read: (m) => ({ h: num(m[1]), min: num(m[2]) }) },
];

/** 12-hour clock to 24: 12am is 0, 12pm is 12. Hour 0 or 13+ stays invalid so it is refused. */
function from12(h: number, pm: boolean): number {
  if (h < 1 || h > 12) return 99;
  return (h % 12) + (pm ? 12 : 0);
}

/** "9 बजे" alone is taken as 09:00: said without a part of the day, that is how it reads. */
function fromDaypart(h: number, word: string | undefined): number {
  const part = word === undefined ? undefined : DAYPARTS.get(word.toLowerCase());
  if (part === undefined || h > 12) return h;
  if (part === "morning") return h % 12;
  // Night: 9-11 बजे रात is evening, 1-4 बजे रात is after midnight.
  if (part === "night") return h === 12 ? 0 : h >= 6 ? h + 12 : h;
  return h === 12 ? 12 : h + 12; // afternoon, evening
}

/** A time right after the date: "9pm", ", 21:30", "at 9:30 PM", "@ 9pm", "9 बजे". */
function matchTime(text: string): TimeMatch | undefined {
  const lead = /^[\s,]*(?:(?:at|around|@|को|ko)\s*)?/iu.exec(text)?.[0] ?? "";
  const rest = text.slice(lead.length);
  for (const form of TIME_FORMS) {
    const m = form.pattern.exec(rest);
    if (m) return { ...form.read(m), length: lead.length + m[0].length };
  }
  return undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * A date (and maybe a time) at the start, and what happened after it:
 * "14/03/2026 9pm - first threat on Instagram" → { when: "2026-03-14T21:00", what: "first threat on Instagram" }.
 * `when` is local time as they told it; "today" and "yesterday" are taken in `timeZone`.
 */
export function parseWhen(text: string, now: Date, timeZone = "Asia/Kolkata"): Parsed<{ when: string; what?: string }> {
  // NFC so फ़ typed as one character or as फ + nukta both match; asciiDigits keeps offsets.
  const original = text.normalize("NFC").trim();
  const typed = asciiDigits(original).replace(/^(\d{4}-\d{1,2}-\d{1,2})T(?=\d)/i, "$1 ");
  const today = todayIn(now, timeZone);

  const date = matchDate(typed, today);
  if (date === undefined) return fail("date-unreadable");
  let ymd: Ymd = { y: date.y ?? today.y, m: date.m, d: date.d };
  if (!isRealDate(ymd)) return fail("date-impossible");
  // "14 March" with no year: the latest 14 March that is not in the future.
  if (date.y === undefined && compareYmd(ymd, today) > 0) {
    ymd = { ...ymd, y: ymd.y - 1 };
    if (!isRealDate(ymd)) return fail("date-impossible"); // 29 February, last year
  }
  if (compareYmd(ymd, today) > 0) return fail("date-future");

  let when = `${pad(ymd.y, 4)}-${pad(ymd.m)}-${pad(ymd.d)}`;
  let consumed = date.length;
  const time = matchTime(typed.slice(consumed));
  if (time !== undefined) {
    if (time.h > 23 || time.min > 59) return fail("date-impossible");
    when += `T${pad(time.h)}:${pad(time.min)}`;
    consumed += time.length;
  }

  // The date must end at a boundary: "14/03/2026abc" is not a date followed by "abc".
  const after = original.slice(consumed);
  if (/^[\p{L}\p{N}]/u.test(after)) return fail("date-unreadable");
  // "14 मार्च को उसने…": the "को" (on) belongs to the date, not to what happened.
  const what = after.replace(/^[\s\-–—:,;.|]+/u, "").replace(/^(?:को|ko)(?=\s|$)/iu, "").trim();
  if (what === "") return ok({ when });
  if (codePoints(what) > LIMITS.what) return fail("what-too-long");
  return ok({ when, what });
}

// ---------------------------------------------------------------------------------------------
// Money
//
// Each recogniser takes its match out of the working text (replacing it with spaces) so that a
// later one cannot read the same digits again: the digits of a UPI ID are not a phone number, and a
// phone number is not an amount.

const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["INR", String.raw`₹|(?<![\p{L}])(?:rs\.?|inr|rupees?|रुपये|रुपए|रुपया|रुपय|रु\.?)`],
  ["USD", String.raw`us\$|\$|(?<![\p{L}])(?:usd|dollars?)`],
  ["GBP", String.raw`£|(?<![\p{L}])(?:gbp|pounds?)`],
  ["EUR", String.raw`€|(?<![\p{L}])(?:eur|euros?)`],
];
const CURRENCY = CURRENCY_WORDS.map(([, words]) => `(?:${words})`).join("|");

function currencyOf(marker: string): string | undefined {
  for (const [code, words] of CURRENCY_WORDS) {
    if (re(`^(?:${words})$`).test(marker.trim())) return code;
  }
  return undefined;
}

/** 5000, 5,000, 1,00,000 (Indian grouping), 100,000, 2500.50. */
const NUMBER = String.raw`(?<!\d)(?<!\d[,.])(\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?!,\d)(\.\d{1,2})?(?!\d|\.\d)`;
/** "50k", "2 lakh", "1.5 लाख", "1 crore". */
const MULTIPLIERS: ReadonlyArray<readonly [number, RegExp]> = [
  [3, re("^(?:k|thousand|हज़ार|हजार)$")],
  [5, re("^(?:lakhs?|lacs?|लाख)$")],
  [7, re("^(?:crores?|cr|करोड़)$")],
];
const MULTIPLIER = String.raw`(?:\s*(k|thousand|हज़ार|हजार|lakhs?|lacs?|लाख|crores?|cr|करोड़)${END})?`;

const AMOUNT_BEFORE = re(String.raw`(${CURRENCY})\s*${NUMBER}${MULTIPLIER}(?:\s*\/-)?`);
const AMOUNT_AFTER = re(String.raw`${NUMBER}${MULTIPLIER}(?:\s*\/-)?\s*(${CURRENCY})${END}`);
const AMOUNT_BARE = re(String.raw`(?<![\p{L}_])${NUMBER}${MULTIPLIER}(?:\s*\/-)?(?![\p{L}\p{N}])`);

/** "1,00,000" and "1.5" × 10^5 → "150000"; undefined when it does not fit the schema (12 digits). */
function amountString(digits: string, fraction: string | undefined, multiplier: string | undefined): string | undefined {
  const exponent = MULTIPLIERS.find(([, word]) => multiplier !== undefined && word.test(multiplier))?.[0] ?? 0;
  let whole = digits.replace(/,/g, "");
  let frac = (fraction ?? "").replace(".", "");
  // Shift the decimal point right by `exponent` places.
  const shift = Math.min(exponent, frac.length);
  whole += frac.slice(0, shift) + "0".repeat(exponent - shift);
  frac = frac.slice(shift);
  whole = whole.replace(/^0+(?=\d)/, "");
  const amount = frac === "" ? whole : `${whole}.${frac}`;
  return /^\d{1,12}(\.\d{1,2})?$/.test(amount) ? amount : undefined;
}

/** Finds the first match, blanks it out of `work` (same length, so offsets hold), and returns it. */
function take(work: { text: string }, pattern: RegExp): RegExpExecArray | undefined {
  const m = pattern.exec(work.text);
  if (m) blank(work, m);
  return m ?? undefined;
}

/** Like take, for a global pattern: the first match that `accept` agrees to. */
function takeWhere(work: { text: string }, pattern: RegExp, accept: (m: RegExpMatchArray) => boolean): RegExpMatchArray | undefined {
  const m = [...work.text.matchAll(pattern)].find(accept);
  if (m) blank(work, m);
  return m;
}

function blank(work: { text: string }, m: RegExpMatchArray): void {
  const start = m.index ?? 0;
  work.text = work.text.slice(0, start) + " ".repeat(m[0].length) + work.text.slice(start + m[0].length);
}

/** user@domain.tld: an email, not a UPI ID (UPI handles have no dot after the @). */
const EMAIL = /[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+/gu;
const UPI = re(String.raw`(?<![\p{L}\p{N}._+-])([a-z0-9][a-z0-9._-]{0,200}@[a-z][a-z0-9]{0,60})(?!\.?[\p{L}\p{N}_@-])`);
const IFSC = re(String.raw`(?<![\p{L}\p{N}])([a-z]{4}0[a-z0-9]{6})(?![\p{L}\p{N}])`);
/** Indian mobile: 10 digits starting 6-9, maybe +91 / 91 / 0 first, maybe a space or dash in the middle. */
const MOBILE = re(String.raw`(?<![\d+])(?:\+?91[\s-]?|0)?([6-9]\d{4})[\s-]?(\d{5})(?!\d)`);
/**
 * Bank account: 9-18 digits, in one run or in small groups ("1234 5678 9012", "1234-5678-9012").
 * Groups are 2-6 digits so an amount and an account side by side ("5000 123456789") stay apart.
 */
const ACCOUNT = re(String.raw`(?<!\d)(?<!\d[,.])(?:\d{9,18}|\d{2,6}(?:[ -]\d{2,6})+)(?!\d|[,.]\d)`, "g");
/** Dates and times in a money message are not amounts: "paid 5000 on 14/03/2026 at 9pm". */
const DATE_OR_TIME = /(?<!\d)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)|(?<!\d)\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?(?![\p{L}])|(?<!\d)\d{1,2}:\d{2}(?!\d)/giu;

/** Words that only say what the numbers already say. */
const FILLER = new Set(
  [
    "to", "on", "in", "at", "via", "from", "for", "the", "a", "an", "and", "of", "is", "my", "me", "he", "she", "they",
    "paid", "pay", "sent", "send", "asked", "demanded", "demand", "wants", "transferred", "gave",
    "upi", "id", "vpa", "amount", "account", "acc", "ac", "a/c", "no", "number", "num", "ifsc", "code", "bank",
    "mobile", "phone", "wallet", "rs", "inr", "rupees", "rupee",
    "bheje", "bheja", "diye", "diya", "ko", "par", "pe", "se", "kiye", "kiya", "maange", "mange", "neft", "rtgs", "imps",
    "को", "पर", "से", "ने", "में", "का", "की", "के", "दिए", "दिये", "भेजे", "माँगे", "मांगे", "खाता", "नंबर", "रुपये", "रुपए", "रु",
  ].map((w) => w.normalize("NFC")),
);

function hasOtherWords(leftover: string): boolean {
  const words = leftover.toLowerCase().match(/[\p{L}\p{M}/]+/gu) ?? [];
  return words.some((w) => !FILLER.has(w) && /[\p{L}]{2,}|[\u0900-\u097F]/u.test(w));
}

// ---------------------------------------------------------------------------------------------
// Payment references (UTR), paid or demanded, and her own side

/** Labels that always mean the payment's reference: what follows must be one (see UTR in item.ts). */
const UTR_LABEL_STRICT = String.raw`utr|rrn|upi\s*ref(?:erence)?|upi\s*transaction`;
/** Labels that may name an app's own id ("txn id T2305…"): a UTR is taken from them only when it is one. */
const UTR_LABEL_LOOSE = String.raw`ref(?:erence)?|txn|trxn|transaction|trans`;
/** "UTR 412345678901", "UPI Ref No.: 4123 4567 8901", "txn id - SBIN123456789012", "UTR number is …". */
const UTR_LABELLED = re(
  String.raw`(?<![\p{L}\p{N}])(?:(${UTR_LABEL_STRICT})|(${UTR_LABEL_LOOSE}))(?![\p{L}])(?:\s*(?:id|no|number|num|#)(?![\p{L}]))?\.?(?:\s*(?:is|[:#=-]))?\s*` +
    String.raw`(\d{4}[ -]\d{4}[ -]\d{4}(?![\p{L}\p{N}])|[a-z0-9]+)`,
);

/** A reference as typed ("4123 4567 8901", "sbin123456789012") in the stored form, or undefined when it is none. */
function utrOf(token: string): string | undefined {
  const utr = token.replace(/[ -]/g, "").toUpperCase();
  return UTR.test(utr) ? utr : undefined;
}

/**
 * A UTR or transaction reference, alone or after its label: "412345678901", "UTR 412345678901",
 * "UPI Ref No. 4123 4567 8901", "SBIN123456789012" (NEFT), a 22-character RTGS reference.
 * 11 or 13 digits, or a letter among the 12, is "utr-invalid": it was mistyped or is something else.
 */
export function parseUtr(text: string): Parsed<{ utr: string }> {
  const typed = asciiDigits(text.normalize("NFC")).trim();
  const labelled = UTR_LABELLED.exec(typed);
  const token = labelled && labelled.index === 0 && labelled[0].length === typed.length ? (labelled[3] ?? "") : typed;
  const utr = utrOf(token);
  return utr === undefined ? fail("utr-invalid") : ok({ utr });
}

/** Said to have paid: paid, sent, transferred, bheje, दिए, भेजे … */
const PAID = re(
  String.raw`(?<![\p{L}\p{M}])(?:paid|payed|transferred|transfered|sent(?!\s+(?:me|him|her|a|an|the|this|that|message|msg|messages|photos?|pics?|videos?|link)${END})|gave|bheje|bheja|bhej\s*diye|bhej\s*diya|diye|diya|de\s*diye|de\s*diya|दिए|दिये|दिया|भेजे|भेजा|ट्रांसफर\s*किए|ट्रांसफर\s*किया)${END}`,
);
/** Only demanded: asked, demanded, wants, maange, माँगे … */
const DEMANDED = re(
  String.raw`(?<![\p{L}\p{M}])(?:asked|asking|asks|demanded|demanding|demands|wants|want|maange|mange|maanga|manga|maang|मांगे|माँगे|मांगा|माँगा|मांग|माँग|मांग\s*रहा|माँग\s*रहा)${END}`,
);
/** "didn't pay", "not paid", "never sent", "nahi diye", "नहीं दिए": only demanded, however it is worded. */
const NOT_PAID = re(
  String.raw`(?<![\p{L}\p{M}])(?:(?:didn'?t|did\s+not|haven'?t|have\s+not|not|never|won'?t)\s+(?:yet\s+)?(?:pay|paid|send|sent|transfer|transferred|give|gave)|(?:nahi|nahin|nhi|नहीं|ना)\s+(?:diye|diya|de|bheje|bheja|bheje\s*hai|दिए|दिये|दिया|दूँगी|दूंगी|भेजे|भेजा))${END}`,
);

/** Paid, only demanded, or not said. */
function paidOf(text: string): boolean | undefined {
  if (NOT_PAID.test(text)) return false;
  if (PAID.test(text)) return true;
  if (DEMANDED.test(text)) return false;
  return undefined;
}

/** "from my SBI account 1234…", "from me@oksbi": the words of her own side start here. */
const FROM_MINE = re(String.raw`(?<![\p{L}])from\s+(?:my\s+(?:own\s+)?)?`, "g");
/** Where her side's words end: the other side, the reference or the amount begins. */
const FROM_STOP = re(
  String.raw`^(?:to|into|in|on|at|via|for|and|but|then|utr|rrn|ref|txn|transaction|upi\s*ref|paid|sent|transferred|₹.*|rs\.?|inr|\d{1,8}(?:[.,]\d+)*(?:k|/-)?)$`,
);
/** "mere SBI account se", "मेरे पेटीएम से": her side between "mere" and "se". */
const MERE_SE = re(String.raw`(?<![\p{L}\p{M}])(?:mere|meri|mera|मेरे|मेरी|मेरा)\s+((?:[^\s]+\s+){0,4}?[^\s]+)\s+(?:se|से)${END}`);
/** Words that only say "an account", not which one: "from my account" names nothing to copy. */
const GENERIC_SIDE = re(String.raw`^(?:own|account|acc|ac|a/c|bank|khata|khate|खाता|खाते|अकाउंट|upi|id|wallet|number|no|phone|mobile|fon|फ़ोन|फोन)$`);

const MAX_FROM_WORDS = 5;

/**
 * Her own side, taken out of `work` so its UPI ID or account number is not read as the other side's.
 * Only "from my …", "from <UPI ID or account>" and "mere … se" count: "from him" is not her side.
 */
function takeFrom(work: { text: string }): string | undefined {
  for (const start of work.text.matchAll(FROM_MINE)) {
    const mine = /my\s/i.test(start[0]);
    const begin = (start.index ?? 0) + start[0].length;
    const tokens = [...work.text.slice(begin).matchAll(/\S+/gu)].map((m) => ({ raw: m[0], end: begin + (m.index ?? 0) + m[0].length }));
    const words: string[] = [];
    let end = begin;
    for (let i = 0; i < tokens.length && words.length < MAX_FROM_WORDS; i++) {
      const token = tokens[i]!;
      const word = token.raw.replace(/[,;:.!?)]+$/u, "");
      // A grouped account number ("1234 5678 9012") is one detail; a short number alone is the amount.
      const groups = digitGroups(tokens.slice(i).map((t) => t.raw));
      if (groups > 0) {
        words.push(tokens.slice(i, i + groups).map((t) => t.raw).join(" "));
        end = tokens[i + groups - 1]!.end;
        i += groups - 1;
        continue;
      }
      if (word === "" || FROM_STOP.test(word)) break;
      words.push(word);
      end = token.end;
      if (word !== token.raw) break; // a comma or full stop closes her side
    }
    if (words.length === 0) continue;
    if (!mine && !(words.length === 1 && (UPI.test(words[0]!) || /^\d{9,18}$/.test(words[0]!.replace(/\D/g, ""))))) continue;
    blankSpan(work, start.index ?? 0, end);
    return sideOf(words);
  }
  const mereSe = MERE_SE.exec(work.text);
  if (mereSe) {
    blank(work, mereSe);
    return sideOf((mereSe[1] ?? "").split(/\s+/u));
  }
  return undefined;
}

/** How many of the first tokens make one grouped account number (2-6 digits each, 9-18 in all); 0 if none. */
function digitGroups(tokens: readonly string[]): number {
  let digits = 0;
  let n = 0;
  while (n < tokens.length && /^\d{2,6}$/.test(tokens[n]!) && digits + tokens[n]!.length <= 18) digits += tokens[n++]!.length;
  return n >= 2 && digits >= 9 ? n : 0;
}

function blankSpan(work: { text: string }, start: number, end: number): void {
  work.text = work.text.slice(0, start) + " ".repeat(end - start) + work.text.slice(end);
}

/** Her side as she typed it, or undefined when it names nothing ("my account") or is too long to be one. */
function sideOf(words: readonly string[]): string | undefined {
  if (words.every((w) => GENERIC_SIDE.test(w))) return undefined;
  const side = words.join(" ");
  return codePoints(side) <= 100 ? side : undefined;
}

/**
 * Payment details from a message like "asked ₹5,000 on abc@okaxis" or "a/c 1234 5678 9012 IFSC sbin0001234".
 * Finds a UPI ID, amount and currency, bank account, IFSC and a mobile (wallet) number: the other
 * side's. Also the payment's UTR ("UTR 412345678901"), whether she paid or it was only demanded,
 * and her own side ("from my SBI account …", "mere Paytm se").
 */
export function parseMoney(text: string): Parsed<MoneyValue> {
  const original = text.normalize("NFC").trim();
  const ascii = asciiDigits(original);
  // An email is not a payment detail, but it is worth keeping with the rest of the message.
  const hasEmail = ascii.search(EMAIL) >= 0;
  const work = { text: ascii.replace(EMAIL, (e) => " ".repeat(e.length)) };
  const value: MoneyValue = {};

  // The reference first: its 12 digits are not an account, its NEFT letters not an IFSC.
  let unreadRef = false;
  const labelled = take(work, UTR_LABELLED);
  if (labelled) {
    const utr = utrOf(labelled[3] ?? "");
    if (utr !== undefined) value.utr = utr;
    else if (labelled[1] !== undefined) return fail("utr-invalid");
    else unreadRef = true; // an app's own id: kept in 'what', never read as an account
  }

  // Her side before the other: "from my a/c 1234…" is not where the money went.
  const from = takeFrom(work);

  const upi = take(work, UPI);
  if (upi) value.upi = upi[1];

  const ifsc = take(work, IFSC);
  if (ifsc) value.ifsc = (ifsc[1] ?? "").toUpperCase();

  const before = take(work, AMOUNT_BEFORE);
  const after = before ? undefined : take(work, AMOUNT_AFTER);
  if (before) setAmount(value, before[2], before[3], before[4], before[1]);
  else if (after) setAmount(value, after[1], after[2], after[3], after[4]);

  // Blanked for the number search below, but kept as context: a money item has no date of its own.
  const hasDateOrTime = work.text.search(DATE_OR_TIME) >= 0;
  work.text = work.text.replace(DATE_OR_TIME, (m) => " ".repeat(m.length));

  const mobile = take(work, MOBILE);
  if (mobile) value.wallet = `${mobile[1] ?? ""}${mobile[2] ?? ""}`;

  const account = takeWhere(work, ACCOUNT, (m) => /^\d{9,18}$/.test(m[0].replace(/\D/g, "")));
  if (account) {
    const digits = account[0].replace(/\D/g, "");
    // Spaced unusually ("987 654 3210"), a mobile number can still look like an account.
    if (value.wallet === undefined && /^[6-9]\d{9}$/.test(digits)) value.wallet = digits;
    else value.account = digits;
  }

  // A bare number is an amount only when nothing else could be an account or phone number.
  if (value.amount === undefined && value.account === undefined && value.wallet === undefined) {
    const bare = take(work, AMOUNT_BARE);
    if (bare) setAmount(value, bare[1], bare[2], bare[3], undefined);
  }

  if (from !== undefined) value.from = from;
  if (Object.keys(value).length === 0) return fail("money-unreadable");
  const paid = paidOf(ascii);
  if (paid !== undefined) value.paid = paid;
  // Anything not read into a field (words, a date, a number we could not place) keeps the whole message as typed.
  if (hasEmail || hasDateOrTime || unreadRef || /\d/.test(work.text) || hasOtherWords(work.text)) {
    if (codePoints(original) > LIMITS.what) return fail("what-too-long");
    value.what = original;
  }
  return ok(value);
}

function setAmount(value: MoneyValue, digits?: string, fraction?: string, multiplier?: string, marker?: string): void {
  if (digits === undefined) return;
  const amount = amountString(digits, fraction, multiplier);
  if (amount === undefined) return;
  value.amount = amount;
  const currency = marker === undefined ? undefined : currencyOf(marker);
  if (currency !== undefined) value.currency = currency;
}
