import type { Content } from "../content/schema.js";
import type { ConversationContext } from "../conversation/machine.js";
import { countryOf } from "../conversation/steps.js";
import { formatAmount, formatReceived, payeeDetails, timeline } from "../evidence/describe.js";
import type { EvidenceItem } from "../evidence/item.js";
import type { Translate } from "../screens/render.js";

/**
 * The money pack: every payment or demand in her log in one block to copy, with what 1930 asks for
 * (content-facts-2 D.2: the amount, the account or UPI ID, the transaction ID or UTR, the date), and
 * what to do now. Pure: no grammY, no I/O; /letters sends it as a message, /report prints it.
 *
 * What it does not say, on purpose: that the money will be frozen or returned. Whether money paid
 * under blackmail can be held is not confirmed (D.6, §L.5); the 24-hour follow-up on
 * cybercrime.gov.in comes from secondary copies only (D.3), so it is given as advice ("the same
 * day"), not as a rule.
 */

type Money = Extract<EvidenceItem, { kind: "money" }>;

/** A Telegram message holds 4,096 characters; the rest of the entries are in the PDF. */
export const PACK_MAX_CHARS = 4000;

export interface MoneyPackParts {
  title: string;
  intro: string;
  /** One block of lines per money item, in timeline order. */
  entries: string[];
  /** "What to do now". */
  heading: string;
  advice: string[];
}

const isMoney = (i: EvidenceItem): i is Money => i.kind === "money";

/** Whether her log holds any money item (a payment or a demand). */
export function hasMoney(c: ConversationContext): boolean {
  return c.evidence.some(isMoney);
}

const state = (m: Money): "paid" | "demanded" | "other" => (m.paid === undefined ? "other" : m.paid ? "paid" : "demanded");

function entry(m: Money, n: number, c: ConversationContext, t: Translate, timeZone: string): string {
  const amount = formatAmount(m, c.locale);
  const payee = payeeDetails(m);
  const lines = [t("money-pack-entry", { n, state: state(m) })];
  if (amount) lines.push(t("money-pack-amount", { amount }));
  if (payee) lines.push(t("money-pack-into", { state: state(m), details: payee }));
  if (m.from) lines.push(t("money-pack-from", { from: m.from }));
  if (m.utr) lines.push(t("money-pack-utr", { utr: m.utr }));
  else if (m.paid === true) lines.push(t("money-pack-utr-missing"));
  lines.push(t("money-pack-logged", { at: formatReceived(m.at, c.locale, timeZone) }));
  if (m.what) lines.push(t("money-pack-words", { what: m.what.replace(/\s+/g, " ").trim() }));
  return lines.join("\n");
}

/** The pack in pieces, for the PDF; undefined when the log has no money item. */
export function moneyPackParts(content: Content, c: ConversationContext, t: Translate): MoneyPackParts | undefined {
  const tz = countryOf(content, c.country).timeZone;
  const money = timeline(c.evidence, tz).filter(isMoney);
  if (money.length === 0) return undefined;
  const india = c.country === "in";
  // Nothing paid at all: no "golden hour" about a payment there wasn't.
  const paid = money.every((m) => m.paid === false) ? "none" : "some";
  const advice = india
    ? [
        t("money-pack-now-call", { paid }),
        t("money-pack-now-screenshots"),
        t("money-pack-now-complaint"),
        t("money-pack-now-no-more"),
        t("money-pack-now-no-promise"),
        t("money-pack-also"),
      ]
    : [t("money-pack-now-report-other"), t("money-pack-now-screenshots"), t("money-pack-now-no-more"), t("money-pack-now-no-promise")];
  return {
    title: t(india ? "money-pack-title" : "money-pack-title-other"),
    intro: t("money-pack-intro", { count: money.length }),
    entries: money.map((m, i) => entry(m, i + 1, c, t, tz)),
    heading: t("money-pack-now-heading"),
    advice,
  };
}

/**
 * The pack as one block of text in her language, to copy into the 1930 call notes or the complaint
 * on cybercrime.gov.in; undefined when the log has no money item. Entries that would take it past
 * one Telegram message are left to the PDF, and it says how many.
 */
export function moneyPack(content: Content, c: ConversationContext, t: Translate): string | undefined {
  const parts = moneyPackParts(content, c, t);
  if (parts === undefined) return undefined;
  const tail = [parts.heading, ...parts.advice.map((a) => `• ${a}`)].join("\n");
  const head = [parts.title, parts.intro].join("\n");
  const shown: string[] = [];
  const budget = PACK_MAX_CHARS - head.length - tail.length - 200;
  let used = 0;
  for (const e of parts.entries) {
    if (used + e.length + 2 > budget) break;
    shown.push(e);
    used += e.length + 2;
  }
  const more = parts.entries.length - shown.length;
  return [head, ...shown, ...(more > 0 ? [t("money-pack-more", { count: more })] : []), tail].join("\n\n");
}
