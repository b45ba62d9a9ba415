import { describe, expect, it } from "vitest";
import { loadTexts } from "../../src/content/locales.js";
import { LOCALES } from "../../src/conversation/machine.js";
import { ROOT } from "../../src/deps.js";
import { parseMoney, parseWhen } from "../../src/evidence/parse.js";

/**
 * The log shows an example of what to type for a date and for money, in her language. Whatever
 * the example says must be read back by the parser exactly as it promises: a Tamil or Telugu
 * example the parser could not read would teach her to type something that fails.
 */
const texts = loadTexts(`${ROOT}/locales`);
/** 20 March 2026, 12:00 in India. */
const now = new Date("2026-03-20T06:30:00Z");

/** The part of a line after its last colon: "For example: paid ₹5,000 …" -> "paid ₹5,000 …". */
const example = (line: string): string => line.slice(line.lastIndexOf(":") + 1).trim();

describe.each(LOCALES)("the typing examples in %s parse as they promise", (locale) => {
  const t = texts.forLocale(locale);

  it("both date examples (a date and time, and today or yesterday with a time) are read, with their words kept", () => {
    const lines = t("log-ask-date", { max: 200 }).split("\n").map((l) => l.trim());
    const [first, second] = lines.slice(-2);
    const a = parseWhen(first!, now);
    const b = parseWhen(second!, now);
    expect(a, first).toMatchObject({ ok: true, value: { when: "2026-03-14T21:30" } });
    expect(b.ok && b.value.when, second).toMatch(/^2026-03-(?:19|20)T21:00$/);
    expect(a.ok && a.value.what, first).toBeTruthy();
    expect(b.ok && b.value.what, second).toBeTruthy();
  });

  it("the money examples are read: asked (amount and UPI ID), then paid from her own account with its UTR", () => {
    const [asked, paid] = t("log-ask-money").split("\n").map((l) => l.trim());
    expect(parseMoney(example(asked!)), asked).toMatchObject({ ok: true, value: { amount: "5000", upi: "name@okaxis" } });
    const value = parseMoney(example(paid!));
    expect(value, paid).toMatchObject({ ok: true, value: { amount: "5000", upi: "name@okaxis", paid: true, utr: "412345678901" } });
    expect(value.ok && value.value.from, paid).toMatch(/^SBI /);
  });

  it("says nothing in English where the language is not English", () => {
    if (locale === "en") return;
    for (const key of ["log-ask-date", "log-ask-money"]) expect(t(key, { max: 200 })).not.toMatch(/\b(?:paid|from my|yesterday)\b/);
  });
});
