import { describe, expect, it } from "vitest";
import { freshContext, type ConversationContext, type Locale } from "../../src/conversation/machine.js";
import { EvidenceItem } from "../../src/evidence/item.js";
import { parseMoney } from "../../src/evidence/parse.js";
import { buildReport } from "../../src/report/case-report.js";
import { hasMoney, moneyPack, PACK_MAX_CHARS } from "../../src/report/money-pack.js";
import { conversationDeps } from "../support/deps.js";
import { allText } from "./report-text.js";

const NOW = new Date("2026-11-20T16:30:00.000Z");
const deps = conversationDeps();

/** Three payments, added out of order: the pack lists them by time, not by when they were logged. */
const THREE: EvidenceItem[] = [
  { id: 1, kind: "note", at: "2026-11-18T09:00:00.000Z", text: "He called on video and recorded me." },
  {
    id: 2,
    kind: "money",
    at: "2026-11-20T15:10:00.000Z", // 20 Nov, 8:40 pm in India: the latest
    amount: "15000",
    currency: "INR",
    account: "50100123456789",
    ifsc: "HDFC0001234",
    utr: "HDFCN52026112012",
    paid: true,
    from: "SBI account 30012345678",
  },
  {
    id: 3,
    kind: "money",
    at: "2026-11-18T10:05:00.000Z", // 18 Nov, 3:35 pm: the first
    amount: "5000",
    currency: "INR",
    upi: "quokka.pay77@okaxis",
    utr: "412345678901",
    paid: true,
    what: "paid 5000 on 18/11 at 3pm, he said delete after",
  },
  {
    id: 4,
    kind: "money",
    at: "2026-11-19T06:30:00.000Z", // 19 Nov, 12:00 pm: the second
    amount: "10000",
    currency: "INR",
    wallet: "9876501234",
    paid: false,
  },
];

function context(locale: Locale, evidence: EvidenceItem[], country: ConversationContext["country"] = "in"): ConversationContext {
  return { ...freshContext(locale), incident: "sextortion", age: "adult", country, evidence, nextId: evidence.length + 1 };
}

const pack = (locale: Locale, evidence: EvidenceItem[] = THREE, country: ConversationContext["country"] = "in") =>
  moneyPack(deps.content, context(locale, evidence, country), deps.translate(locale));

/** Words that would promise what no source confirms (content-facts-2 D.6, §L.5). */
const PROMISES = [/will be frozen/i, /will be held/i, /get (your|the) money back/i, /money (will|can) be (returned|recovered)/i, /recover your money/i, /refund/i, /वापस मिल जाएँगे/, /वापस मिलेंगे/, /रोक दिए जाएँगे/];

describe("the money pack (1930)", () => {
  it("holds every amount, UPI ID, account and IFSC, UTR and time of three payments, oldest first", () => {
    const text = pack("en")!;
    for (const needle of ["₹5,000", "₹10,000", "₹15,000", "quokka.pay77@okaxis", "A/c 50100123456789", "IFSC HDFC0001234", "wallet 9876501234", "412345678901", "HDFCN52026112012"]) {
      expect(text).toContain(needle);
    }
    // Times in India's zone, as the report gives them.
    expect(text).toMatch(/18 Nov 2026, 3:35\s?pm/i);
    expect(text).toMatch(/19 Nov 2026, 12:00\s?pm/i);
    expect(text).toMatch(/20 Nov 2026, 8:40\s?pm/i);
    const order = ["₹5,000", "₹10,000", "₹15,000"].map((a) => text.indexOf(a));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("1. Paid\nAmount: ₹5,000\nPaid into: UPI quokka.pay77@okaxis\nUTR / transaction ID: 412345678901");
    expect(text).toContain("2. Demanded, not paid\nAmount: ₹10,000\nAsked to be paid into: wallet 9876501234");
    expect(text).toContain("Paid from (your side): SBI account 30012345678");
    expect(text).toContain("Your words: paid 5000 on 18/11 at 3pm, he said delete after");
    // Not the note: only money.
    expect(text).not.toContain("recorded me");
  });

  it("says what to do now: 1930 at once, keep the screenshots, the complaint the same day, pay no more, no promise", () => {
    const text = pack("en")!;
    expect(text).toContain("Call 1930 as soon as you can");
    expect(text).toContain("golden hour");
    expect(text).toMatch(/screenshots/);
    expect(text).toContain("cybercrime.gov.in the same day");
    expect(text).toContain("Don't pay any more");
    expect(text).toContain("not confirmed");
    for (const promise of PROMISES) expect(text).not.toMatch(promise);
  });

  it("the Hindi pack is in Devanagari, with the same details and no promise", () => {
    const text = pack("hi")!;
    expect(text).toMatch(/[\u0900-\u097F]/);
    expect(text).toContain("1930");
    expect(text).toContain("पैसे दिए गए");
    expect(text).toContain("पैसे माँगे गए, दिए नहीं");
    for (const needle of ["₹5,000", "₹10,000", "₹15,000", "quokka.pay77@okaxis", "412345678901", "HDFCN52026112012", "IFSC HDFC0001234"]) expect(text).toContain(needle);
    expect(text).toContain("अभी क्या करें");
    expect(text).toContain("यह पक्का नहीं है");
    for (const promise of PROMISES) expect(text).not.toMatch(promise);
    // No English left in the words around the details.
    expect(text).not.toMatch(/Paid into|Amount|What to do now|golden hour/);
  });

  it("there is no pack without money items", () => {
    const noMoney = THREE.filter((i) => i.kind !== "money");
    expect(pack("en", noMoney)).toBeUndefined();
    expect(pack("en", [])).toBeUndefined();
    expect(hasMoney(context("en", noMoney))).toBe(false);
    expect(hasMoney(context("en", THREE))).toBe(true);
  });

  it("a paid payment without a UTR says where to find it; a demand does not ask for one", () => {
    const text = pack("en", [{ id: 1, kind: "money", at: "2026-11-20T15:10:00.000Z", amount: "2000", currency: "INR", upi: "x@ybl", paid: true }])!;
    expect(text).toContain("not noted yet");
    const demand = pack("en", [{ id: 1, kind: "money", at: "2026-11-20T15:10:00.000Z", amount: "2000", upi: "x@ybl", paid: false }])!;
    expect(demand).not.toContain("not noted yet");
    // Nothing paid: no "golden hour" about a payment that didn't happen.
    expect(demand).not.toContain("golden hour");
    expect(demand).toContain("Report the demand");
  });

  it("an old money item (no UTR, paid or from) still makes a pack", () => {
    const old = EvidenceItem.parse({ kind: "money", id: 1, at: "2026-03-14T15:35:00.000Z", amount: "5000", currency: "INR", upi: "abc@okaxis" });
    const text = pack("en", [old])!;
    expect(text).toContain("1. Payment or demand");
    expect(text).toContain("Their UPI ID or account: UPI abc@okaxis");
  });

  it("outside India it doesn't send her to 1930 or cybercrime.gov.in", () => {
    const text = pack("en", THREE, "gb")!;
    expect(text).not.toContain("1930");
    expect(text).not.toContain("cybercrime.gov.in");
    expect(text).toContain("₹5,000");
    expect(text).toContain("not confirmed");
  });

  it("a long log stays within one Telegram message and says how many entries are in the report", () => {
    const many: EvidenceItem[] = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      kind: "money",
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      amount: String(1000 + i),
      currency: "INR",
      upi: `payee${i}@okaxis`,
      utr: String(412345678000 + i),
      paid: true,
      what: "he said this is the last time, pay now or the video goes to your family",
    }));
    const text = pack("en", many)!;
    expect(text.length).toBeLessThanOrEqual(PACK_MAX_CHARS);
    expect(text).toMatch(/\d+ more entries are in your report/);
    expect(text).toContain("What to do now");
  });

  it("what she types at the log's money prompt (its own example) comes out in the pack", () => {
    const typed = "paid ₹5,000 to name@okaxis from my SBI account, UTR 412345678901";
    const parsed = parseMoney(typed);
    expect(parsed.ok).toBe(true);
    const item = EvidenceItem.parse({ kind: "money", id: 1, at: "2026-11-20T15:10:00.000Z", ...(parsed.ok ? parsed.value : {}) });
    const text = pack("en", [item])!;
    expect(text).toContain("Paid into: UPI name@okaxis");
    expect(text).toContain("Paid from (your side): SBI account");
    expect(text).toContain("UTR / transaction ID: 412345678901");
    const hindi = parseMoney("मेरे SBI अकाउंट से ₹5,000 भेजे name@okaxis पर, UTR 412345678901");
    expect(hindi.ok && hindi.value).toMatchObject({ amount: "5000", upi: "name@okaxis", from: "SBI अकाउंट", utr: "412345678901", paid: true });
  });
});

describe("the money pack in the /report PDF", () => {
  const report = (locale: Locale, evidence: EvidenceItem[]) =>
    buildReport({ content: deps.content, context: context(locale, evidence), t: deps.translate(locale), now: NOW });

  it("is a section of its own when there is money, with every detail and the advice", () => {
    const doc = report("en", THREE);
    const section = doc.sections.find((s) => s.heading === deps.translate("en")("money-pack-title"));
    expect(section).toBeDefined();
    const text = allText({ ...doc, sections: [section!] });
    for (const needle of ["₹5,000", "₹15,000", "quokka.pay77@okaxis", "412345678901", "HDFCN52026112012", "golden hour", "not confirmed"]) expect(text).toContain(needle);
    for (const promise of PROMISES) expect(allText(doc)).not.toMatch(promise);
  });

  it("the timeline line shows paid or demanded, her side and the UTR", () => {
    const text = allText(report("en", THREE));
    expect(text).toContain("₹5,000 paid · UPI quokka.pay77@okaxis · UTR 412345678901");
    expect(text).toContain("₹10,000 demanded · wallet 9876501234");
    expect(text).toContain("from SBI account 30012345678");
    const hindi = allText(report("hi", THREE));
    expect(hindi).toContain("₹5,000 दिए · UPI quokka.pay77@okaxis");
    expect(hindi).toContain("आपकी ओर से: SBI account 30012345678");
  });

  it("has no money section without money items", () => {
    const doc = report("en", THREE.filter((i) => i.kind !== "money"));
    expect(doc.sections.map((s) => s.heading)).not.toContain(deps.translate("en")("money-pack-title"));
  });
});
