import type { EvidenceItem } from "./item.js";

/**
 * Items put into short, human words for screens and the report. Pure: dates are formatted with
 * Intl in the person's language and their country's time zone, never the server's.
 */

/** Latin digits everywhere (-u-nu-latn): the numbers written in the texts (112, 1930, 18) are, and a mix reads badly. */
const INTL_LOCALE = { en: "en-IN", hi: "hi-IN", bn: "bn-IN-u-nu-latn", mr: "mr-IN-u-nu-latn", te: "te-IN-u-nu-latn", ta: "ta-IN-u-nu-latn" } as const;
export type DisplayLocale = keyof typeof INTL_LOCALE;

/**
 * Making an Intl formatter costs far more than using one, and a report formats hundreds of times.
 * The keys are few: six languages, the zones in flows/countries.yaml, a handful of option sets.
 */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** 284113 → "2,84,113" in Indian grouping, as people here write amounts and sizes. */
export function formatNumber(n: number | bigint, locale: DisplayLocale): string {
  const key = `n|${locale}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[locale])));
  return format.format(n);
}

/** When an item was received, e.g. "14 Mar 2026, 9:05 pm". */
export function formatReceived(iso: string, locale: DisplayLocale, timeZone: string): string {
  return dateFormat(INTL_LOCALE[locale], {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A date as they gave it (`YYYY-MM-DD[THH:MM]`, their local time), e.g. "14 March 2026, 9:30 pm". */
export function formatWhen(when: string, locale: DisplayLocale): string {
  const [date, time] = when.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  // Built in UTC and shown in UTC: the wall-clock time they typed, unshifted.
  const moment = new Date(Date.UTC(y!, m! - 1, d, ...(time ? time.split(":").map(Number) : [0, 0])));
  return dateFormat(INTL_LOCALE[locale], {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(time ? { hour: "numeric", minute: "2-digit" } : {}),
  }).format(moment);
}

/** The date the report prints at its top, in their zone. */
export function formatDay(date: Date, locale: DisplayLocale, timeZone: string): string {
  return dateFormat(INTL_LOCALE[locale], { timeZone, day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** 1234567 → "1.2 MB": for people, not machines; the report keeps the exact byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const CURRENCY_SIGN: Record<string, string> = { INR: "₹", USD: "$", GBP: "£", EUR: "€" };

/**
 * The few words that stand among the numbers of a money line. Kept here, beside "UPI", "A/c" and
 * "IFSC", because a log line is made from one string; the money pack has its words in locales/.
 */
const MONEY_WORDS: Record<DisplayLocale, { paid: string; demanded: string; from: (side: string) => string }> = {
  en: { paid: "paid", demanded: "demanded", from: (side) => `from ${side}` },
  hi: { paid: "दिए", demanded: "माँगे", from: (side) => `आपकी ओर से: ${side}` },
  // Machine-drafted like their locale files, awaiting the same native review.
  bn: { paid: "দেওয়া হয়েছে", demanded: "চাওয়া হয়েছে", from: (side) => `আপনার তরফ থেকে: ${side}` },
  mr: { paid: "दिले", demanded: "मागितले", from: (side) => `तुमच्याकडून: ${side}` },
  te: { paid: "చెల్లించారు", demanded: "అడిగారు", from: (side) => `మీ వైపు నుండి: ${side}` },
  ta: { paid: "செலுத்தப்பட்டது", demanded: "கேட்கப்பட்டது", from: (side) => `உங்கள் பக்கத்திலிருந்து: ${side}` },
};

type MoneyItem = Omit<Extract<EvidenceItem, { kind: "money" }>, "id">;

/** "₹5,000", "$50", "2,500.50": the amount in Indian grouping with its sign; undefined when none was given. */
export function formatAmount(item: Pick<MoneyItem, "amount" | "currency">, locale: DisplayLocale): string | undefined {
  if (!item.amount) return undefined;
  const [whole, fraction] = item.amount.split(".");
  const grouped = formatNumber(BigInt(whole!), locale);
  const sign = item.currency ? (CURRENCY_SIGN[item.currency] ?? `${item.currency} `) : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Where the money went or was asked to go: "UPI name@okaxis · A/c 1234567890 · IFSC SBIN0001234 · wallet 9876543210". */
export function payeeDetails(item: MoneyItem): string {
  const parts: string[] = [];
  if (item.upi) parts.push(`UPI ${item.upi}`);
  if (item.account) parts.push(`A/c ${item.account}`);
  if (item.ifsc) parts.push(`IFSC ${item.ifsc}`);
  if (item.wallet) parts.push(`wallet ${item.wallet}`);
  return parts.join(" · ");
}

/**
 * "₹5,000 paid · UPI name@okaxis · A/c 1234567890 · IFSC SBIN0001234 · wallet 9876543210 ·
 * from SBI account 5010… · UTR 412345678901". Paid or demanded only when she said which.
 */
export function moneyDetails(item: MoneyItem, locale: DisplayLocale): string {
  const words = MONEY_WORDS[locale];
  const state = item.paid === undefined ? undefined : item.paid ? words.paid : words.demanded;
  const amount = [formatAmount(item, locale), state].filter(Boolean).join(" ");
  const parts = [amount, payeeDetails(item)];
  if (item.from) parts.push(words.from(item.from));
  if (item.utr) parts.push(`UTR ${item.utr}`);
  return parts.filter(Boolean).join(" · ");
}

/** Cuts long text for a one-line list; the report always has it whole. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The order of a timeline: a date they gave is when it happened; anything else, when they added
 * it. Dates they typed are their local time, so the received time is shifted into the same zone.
 */
export function timelineKey(item: EvidenceItem, timeZone: string): string {
  if (item.kind === "date") return item.when.length === 10 ? `${item.when}T00:00` : item.when;
  const parts = dateFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(item.at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** Items in timeline order; ties keep the order they were added. */
export function timeline(items: readonly EvidenceItem[], timeZone: string): EvidenceItem[] {
  return items
    .map((item, index) => ({ item, index, key: timelineKey(item, timeZone) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map((e) => e.item);
}
