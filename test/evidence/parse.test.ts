import { describe, expect, it } from "vitest";
import { errorOf, valueOf } from "../support/parsed.js";
import { DateFields, EvidenceItem, HandleFields, LIMITS, LinkFields, MoneyFields, NoteFields } from "../../src/evidence/item.js";
import {
  findLink,
  parseHandle,
  parseLink,
  parseMoney,
  parseNote,
  parseUtr,
  parseWhen,
  platformOfUrl,
} from "../../src/evidence/parse.js";


/** 20 March 2026, 12:00 in India. */
const now = new Date("2026-03-20T06:30:00Z");
const when = (text: string, at = now, timeZone?: string) => parseWhen(text, at, timeZone);

describe("links", () => {
  it.each([
    ["https://instagram.com/p/abc123", "https://instagram.com/p/abc123"],
    ["http://example.org/a?b=1#c", "http://example.org/a?b=1#c"],
    ["  https://x.com/someone/status/1  ", "https://x.com/someone/status/1"],
    ["look, he posted it here https://t.me/somechannel/42 today", "https://t.me/somechannel/42"],
    ["www.facebook.com/some.one", "https://www.facebook.com/some.one"],
    ["instagram.com/someone", "https://instagram.com/someone"],
    ["HTTPS://Instagram.COM/Some_One", "https://instagram.com/Some_One"],
    ["http://192.168.1.10/photos", "http://192.168.1.10/photos"],
  ])("a person who pastes %j has %s saved", (typed, url) => {
    const value = valueOf(parseLink(typed));
    expect(value).toEqual({ url });
    expect(LinkFields.parse(value)).toEqual(value);
  });

  it.each([
    ["(https://x.com/a)."],
    ["https://x.com/a!"],
    ["https://x.com/a?"],
    ["https://x.com/a,"],
    ["“https://x.com/a”"],
    ["«https://x.com/a»"],
    ["'https://x.com/a'"],
    ["https://x.com/a..."],
  ])("the punctuation a person types around a link is not part of it: %s", (typed) => {
    expect(findLink(typed)).toBe("https://x.com/a");
  });

  it("a closing bracket that belongs to the link (Wikipedia-style) is kept", () => {
    expect(findLink("(see https://en.wikipedia.org/wiki/Foo_(bar)).")).toBe("https://en.wikipedia.org/wiki/Foo_(bar)");
  });

  it("a link inside a Hindi sentence is found, without the full stop (।) after it", () => {
    expect(findLink("मेरी फोटो यहाँ डाली है https://instagram.com/p/abc। प्लीज़ हटवाओ")).toBe("https://instagram.com/p/abc");
  });

  it("when a message holds two links, the first is offered", () => {
    expect(findLink("first www.example.com/one then https://example.com/two")).toBe("https://www.example.com/one");
  });

  it.each([
    ["htp:/x"],
    ["not a link"],
    ["https://"],
    ["javascript:alert(1)"],
    ["ftp://x.com/a"],
    ["http://localhost/a"],
    ["http://localhost:3000"],
    ["https://.com/a"],
    ["instagram.com"],
    ["someone@gmail.com"],
    ["we met at 5.30pm/evening"],
    [""],
    ["   "],
  ])("%j is not taken as a link", (typed) => {
    expect(findLink(typed)).toBeUndefined();
    expect(errorOf(parseLink(typed))).toBe("link-invalid");
  });

  it("a link of exactly 2000 characters is kept; 2001 is too long and they are told", () => {
    const base = "https://example.com/";
    const longest = base + "a".repeat(LIMITS.link - base.length);
    expect(longest).toHaveLength(2000);
    expect(LinkFields.parse(valueOf(parseLink(longest)))).toEqual({ url: longest });
    expect(errorOf(parseLink(`${longest}a`))).toBe("link-too-long");
  });
});

describe("which platform a link is on", () => {
  it.each([
    ["https://www.instagram.com/p/abc", "instagram"],
    ["https://instagr.am/p/abc", "instagram"],
    ["https://m.facebook.com/some.one", "facebook"],
    ["https://fb.watch/abc", "facebook"],
    ["https://www.messenger.com/t/123", "facebook"],
    ["https://chat.whatsapp.com/AbCdEf", "whatsapp"],
    ["https://wa.me/919876543210", "whatsapp"],
    ["https://t.me/somechannel", "telegram"],
    ["https://telegram.me/someone", "telegram"],
    ["https://mobile.twitter.com/someone", "x"],
    ["https://x.com/someone/status/1", "x"],
    ["https://t.co/abc", "x"],
    ["https://www.snapchat.com/add/someone", "snapchat"],
    ["https://youtu.be/abc", "youtube"],
    ["https://m.youtube.com/watch?v=abc", "youtube"],
    ["https://drive.google.com/file/d/abc", "google"],
    ["https://photos.app.goo.gl/abc", "google"],
    ["instagram.com/someone", "instagram"],
  ])("%s is on %s", (url, platform) => {
    expect(platformOfUrl(url)).toBe(platform);
  });

  it.each([["https://example.com/a"], ["https://notinstagram.com/a"], ["https://instagram.com.evil.example/a"], ["not a link"]])(
    "%s is on no known platform",
    (url) => {
      expect(platformOfUrl(url)).toBeUndefined();
    },
  );
});

describe("handles", () => {
  it.each([
    ["@some_one", "@some_one"],
    ["  Priya   Sharma  ", "Priya Sharma"],
    ["+91 98765 43210", "+91 98765 43210"],
    ["प्रिया शर्मा", "प्रिया शर्मा"],
  ])("a person who types %j has the account %j saved", (typed, handle) => {
    const value = valueOf(parseHandle(typed));
    expect(value).toEqual({ handle });
    expect(HandleFields.parse(value)).toEqual(value);
  });

  it.each([[""], ["   "], ["@first\n@second"], ["name\r\nother"]])("%j is not one handle", (typed) => {
    expect(errorOf(parseHandle(typed))).toBe("handle-invalid");
  });

  it("100 characters fit (emoji count as one); 101 is too long", () => {
    expect(HandleFields.parse(valueOf(parseHandle("a".repeat(100))))).toEqual({ handle: "a".repeat(100) });
    expect(HandleFields.parse(valueOf(parseHandle("🙂".repeat(100))))).toEqual({ handle: "🙂".repeat(100) });
    expect(errorOf(parseHandle("a".repeat(101)))).toBe("handle-too-long");
  });
});

describe("notes", () => {
  it("a note keeps its line breaks and loses only the spaces around it", () => {
    const value = valueOf(parseNote("  He said he would send them to my family.\nI blocked him.  "));
    expect(value).toEqual({ text: "He said he would send them to my family.\nI blocked him." });
    expect(NoteFields.parse(value)).toEqual(value);
  });

  it.each([[""], ["   "], [" \n\t "]])("an empty note %j is refused", (typed) => {
    expect(errorOf(parseNote(typed))).toBe("note-empty");
  });

  it("a note of 1000 characters with emoji is kept: an emoji counts as one character", () => {
    const note = "😢" + "a".repeat(999);
    expect(note.length).toBe(1001); // UTF-16 units, which are not what a person counts
    expect(NoteFields.parse(valueOf(parseNote(note)))).toEqual({ text: note });
    expect(NoteFields.parse(valueOf(parseNote("😢".repeat(1000))))).toEqual({ text: "😢".repeat(1000) });
  });

  it("a note of 1001 characters is too long and they are told", () => {
    expect(errorOf(parseNote("😢" + "a".repeat(1000)))).toBe("note-too-long");
    expect(errorOf(parseNote("a".repeat(1001)))).toBe("note-too-long");
  });
});

describe("dates", () => {
  it.each([
    ["14/03/2026", "2026-03-14"],
    ["14-03-2026", "2026-03-14"],
    ["14.03.2026", "2026-03-14"],
    ["4/3/26", "2026-03-04"],
    ["03/04/2025", "2025-04-03"],
    ["2026-03-14", "2026-03-14"],
    ["14 March 2026", "2026-03-14"],
    ["14 Mar 2026", "2026-03-14"],
    ["14th March, 2026", "2026-03-14"],
    ["1st jan 2026", "2026-01-01"],
    ["March 14, 2026", "2026-03-14"],
    ["14 मार्च 2026", "2026-03-14"],
    ["14 फ़रवरी 2026", "2026-02-14"],
    ["14 फरवरी 2026", "2026-02-14"],
    ["2 सितम्बर 2025", "2025-09-02"],
    ["2 सितंबर 2025", "2025-09-02"],
    ["१४/०३/२०२६", "2026-03-14"],
    ["१४ मार्च २०२६", "2026-03-14"],
    ["29/02/2024", "2024-02-29"],
    ["20/03/2026", "2026-03-20"],
  ])("a person who types %j has the date %s saved (day first, as typed in India)", (typed, date) => {
    const value = valueOf(when(typed));
    expect(value).toEqual({ when: date });
    expect(DateFields.parse(value)).toEqual(value);
  });

  it.each([
    ["14/03/2026 9pm", "2026-03-14T21:00"],
    ["14/03/2026 9 pm", "2026-03-14T21:00"],
    ["14/03/2026 9:30 pm", "2026-03-14T21:30"],
    ["14/03/2026 9.30pm", "2026-03-14T21:30"],
    ["14/03/2026 9:30 PM", "2026-03-14T21:30"],
    ["14/03/2026 21:30", "2026-03-14T21:30"],
    ["14/03/2026 at 21:30", "2026-03-14T21:30"],
    ["14/03/2026, 7 a.m.", "2026-03-14T07:00"],
    ["14/03/2026 12am", "2026-03-14T00:00"],
    ["2026-03-14T21:30", "2026-03-14T21:30"],
    ["14/03/2026 9 बजे", "2026-03-14T09:00"],
    ["14/03/2026 रात 9 बजे", "2026-03-14T21:00"],
    ["14/03/2026 १०:१५ pm", "2026-03-14T22:15"],
    ["14/03/2026 शाम 7 बजे", "2026-03-14T19:00"],
    ["14/03/2026 रात 2 बजे", "2026-03-14T02:00"],
  ])("a time after the date is kept: %j → %s", (typed, expected) => {
    expect(DateFields.parse(valueOf(when(typed)))).toEqual({ when: expected });
  });

  it.each([
    ["today", "2026-03-20"],
    ["Today 9pm", "2026-03-20T21:00"],
    ["yesterday at 21:30", "2026-03-19T21:30"],
    ["आज", "2026-03-20"],
    ["कल", "2026-03-19"],
    ["कल रात 9 बजे", "2026-03-19T21:00"],
    ["kal raat 9 baje", "2026-03-19T21:00"],
    ["aaj subah 7 baje", "2026-03-20T07:00"],
  ])("%j is read from today's date (कल as yesterday: evidence is about the past)", (typed, expected) => {
    expect(valueOf(when(typed))).toEqual({ when: expected });
  });

  it("'today 9pm' just after midnight in India is India's today, not the UTC date", () => {
    const justAfterMidnightInIndia = new Date("2026-03-14T19:00:00Z"); // 00:30 on 15 March in India
    expect(valueOf(when("today 9pm", justAfterMidnightInIndia))).toEqual({ when: "2026-03-15T21:00" });
    expect(valueOf(when("today 9pm", justAfterMidnightInIndia, "UTC"))).toEqual({ when: "2026-03-14T21:00" });
    expect(valueOf(when("15/03/2026", justAfterMidnightInIndia))).toEqual({ when: "2026-03-15" });
    expect(errorOf(when("15/03/2026", justAfterMidnightInIndia, "UTC"))).toBe("date-future");
  });

  it.each([
    ["14/03/2026 - first threat on Instagram", "2026-03-14", "first threat on Instagram"],
    ["14/03/2026: he sent the photo to my brother", "2026-03-14", "he sent the photo to my brother"],
    ["14 March 2026, 9pm — asked for money", "2026-03-14T21:00", "asked for money"],
    ["14/03/2026 at the bus stop", "2026-03-14", "at the bus stop"],
    ["१४ मार्च २०२६ रात 9 बजे पहली धमकी", "2026-03-14T21:00", "पहली धमकी"],
    ["14 मार्च 2026 को उसने फोटो भेजी", "2026-03-14", "उसने फोटो भेजी"],
  ])("the words after the date say what happened: %j", (typed, date, what) => {
    const value = valueOf(when(typed));
    expect(value).toEqual({ when: date, what });
    expect(DateFields.parse(value)).toEqual(value);
  });

  it("separators with nothing after them leave no 'what'", () => {
    expect(valueOf(when("14/03/2026 -  "))).toStrictEqual({ when: "2026-03-14" });
  });

  it("300 characters about what happened fit; 301 are too long and they are told", () => {
    expect(DateFields.parse(valueOf(when(`14/03/2026 ${"a".repeat(300)}`)))).toEqual({ when: "2026-03-14", what: "a".repeat(300) });
    expect(errorOf(when(`14/03/2026 ${"a".repeat(301)}`))).toBe("what-too-long");
  });

  it("a date without a year is the latest such day that is not in the future", () => {
    expect(valueOf(when("14 March"))).toEqual({ when: "2026-03-14" });
    expect(valueOf(when("25 March threat"))).toEqual({ when: "2025-03-25", what: "threat" });
  });

  it.each([
    ["31/02/2026"],
    ["29/02/2025"],
    ["31/04/2026"],
    ["14/13/2026"],
    ["00/03/2026"],
    ["14/03/2026 25:00"],
    ["14/03/2026 21:61"],
    ["14/03/2026 13pm"],
    ["14/03/1989"],
  ])("a person who types %s is told that date or time does not exist", (typed) => {
    expect(errorOf(when(typed))).toBe("date-impossible");
  });

  it.each([["21/03/2026"], ["1 April 2026"], ["4/3/95"]])("a person who types %s is told the date is in the future", (typed) => {
    expect(errorOf(when(typed))).toBe("date-future");
  });

  it.each([[""], ["hello"], ["last week"], ["first threat on 14/03/2026"], ["14/03"], ["May 2026"], ["परसों"], ["14/03/2026abc"]])(
    "%j is not read as a date (the date comes first)",
    (typed) => {
      expect(errorOf(when(typed))).toBe("date-unreadable");
    },
  );
});

describe("money", () => {
  it.each([
    ["₹5000", "5000", "INR"],
    ["₹ 5,000", "5000", "INR"],
    ["Rs 5,000", "5000", "INR"],
    ["rs. 5000/-", "5000", "INR"],
    ["Rs.5000", "5000", "INR"],
    ["INR 2500.50", "2500.50", "INR"],
    ["5000 rupees", "5000", "INR"],
    ["5000 रुपये", "5000", "INR"],
    ["5000 रुपए", "5000", "INR"],
    ["5000 रु", "5000", "INR"],
    ["५००० रुपये", "5000", "INR"],
    ["₹1,00,000", "100000", "INR"],
    ["Rs 10,00,000", "1000000", "INR"],
    ["₹1.5 lakh", "150000", "INR"],
    ["$50", "50", "USD"],
    ["USD 50", "50", "USD"],
    ["£20", "20", "GBP"],
    ["€30", "30", "EUR"],
  ])("a person who types %j has the amount %s %s saved", (typed, amount, currency) => {
    const value = valueOf(parseMoney(typed));
    expect(value).toEqual({ amount, currency });
    expect(MoneyFields.parse(value)).toEqual(value);
  });

  it("a number alone is an amount, with no currency guessed", () => {
    expect(valueOf(parseMoney("5000"))).toEqual({ amount: "5000" });
    expect(valueOf(parseMoney("50k"))).toEqual({ amount: "50000" });
  });

  it.each([["abc.xyz@okaxis"], ["9876543210@ybl"], ["some_one-1@paytm"]])("the UPI ID %s is saved, not read as a phone or amount", (upi) => {
    expect(MoneyFields.parse(valueOf(parseMoney(upi)))).toEqual({ upi });
  });

  it("a UPI ID at the end of a sentence loses the full stop", () => {
    expect(valueOf(parseMoney("pay to abc@ybl."))).toEqual({ upi: "abc@ybl" });
  });

  it("an email is not a UPI ID", () => {
    expect(errorOf(parseMoney("someone@gmail.com"))).toBe("money-unreadable");
    const value = valueOf(parseMoney("₹5000 to someone@gmail.com"));
    expect(value).toEqual({ amount: "5000", currency: "INR", what: "₹5000 to someone@gmail.com" });
    expect(value.upi).toBeUndefined();
  });

  it("an IFSC typed in lowercase is saved in capitals", () => {
    expect(MoneyFields.parse(valueOf(parseMoney("ifsc sbin0001234")))).toEqual({ ifsc: "SBIN0001234" });
  });

  it.each([
    ["a/c 12345678901", "12345678901"],
    ["1234567890", "1234567890"],
    ["1234 5678 9012", "123456789012"],
    ["1234-5678-9012-34", "12345678901234"],
  ])("the bank account %j is saved as digits", (typed, account) => {
    expect(MoneyFields.parse(valueOf(parseMoney(typed)))).toEqual({ account });
  });

  it.each([["9876543210"], ["+91 98765 43210"], ["+91-9876543210"], ["919876543210"], ["09876543210"]])(
    "the mobile (wallet) number %j is saved as its 10 digits, not as an account",
    (typed) => {
      expect(MoneyFields.parse(valueOf(parseMoney(typed)))).toEqual({ wallet: "9876543210" });
    },
  );

  it("a bare number next to a phone number is not guessed to be the amount; the message is kept", () => {
    expect(valueOf(parseMoney("5000 to 9876543210"))).toEqual({ wallet: "9876543210", what: "5000 to 9876543210" });
  });

  it("everything in one message is found, and the threat is kept as typed", () => {
    const typed = "Paid ₹5,000 to abc@okaxis, a/c 1234 5678 9012, IFSC sbin0001234 by Friday or else";
    const value = valueOf(parseMoney(typed));
    expect(value).toEqual({
      amount: "5000",
      currency: "INR",
      upi: "abc@okaxis",
      account: "123456789012",
      ifsc: "SBIN0001234",
      paid: true,
      what: typed,
    });
    expect(MoneyFields.parse(value)).toEqual(value);
  });

  it("filler words alone ('paid … to …') add no 'what'", () => {
    expect(valueOf(parseMoney("paid ₹5000 to abc@ybl"))).toStrictEqual({ amount: "5000", currency: "INR", upi: "abc@ybl", paid: true });
  });

  it("a date in a money message is not the amount, and is kept in 'what'", () => {
    expect(valueOf(parseMoney("paid 5000 on 14/03/2026 at 9pm"))).toEqual({ amount: "5000", paid: true, what: "paid 5000 on 14/03/2026 at 9pm" });
  });

  it("a threat in Hindi with the amount is kept", () => {
    const typed = "5000 रुपये दो वरना फोटो डाल दूंगा";
    expect(MoneyFields.parse(valueOf(parseMoney(typed)))).toEqual({ amount: "5000", currency: "INR", what: typed });
  });

  it("a money message over 300 characters is too long to keep its words, and they are told", () => {
    expect(errorOf(parseMoney(`₹5000 ${"please ".repeat(50)}`))).toBe("what-too-long");
  });

  it.each([[""], ["hello"], ["he wants money"], ["rs"]])("%j holds nothing we can read as money", (typed) => {
    expect(errorOf(parseMoney(typed))).toBe("money-unreadable");
  });
});

describe("payment references (UTR)", () => {
  it.each([
    ["412345678901", "412345678901"],
    ["UTR 412345678901", "412345678901"],
    ["utr no. 412345678901", "412345678901"],
    ["UTR: 412345678901", "412345678901"],
    ["UPI Ref No. 4123 4567 8901", "412345678901"],
    ["RRN 412345678901", "412345678901"],
    ["txn id 412345678901", "412345678901"],
    ["४१२३४५६७८९०१", "412345678901"],
    ["sbin123456789012", "SBIN123456789012"],
    ["UTR HDFCR52023051200012345", "HDFCR52023051200012345"],
  ])("%j is the reference %s", (typed, utr) => {
    expect(valueOf(parseUtr(typed))).toEqual({ utr });
    expect(MoneyFields.parse({ utr })).toEqual({ utr });
  });

  it.each([
    ["41234567890", "11 digits"],
    ["4123456789012", "13 digits"],
    ["41234567890A", "a letter among a UPI reference's 12"],
    ["UTR 4123456789O1", "the letter O for a zero"],
    ["SBINABCDEFGHIJKL", "a NEFT-length reference with no number in it"],
    ["SBIN12345678901", "15 characters"],
    ["1234SBIN56789012", "no bank code first"],
    ["UTR", "a label and nothing"],
    ["", "nothing"],
  ])("%j is not a reference (%s)", (typed) => {
    expect(errorOf(parseUtr(typed))).toBe("utr-invalid");
  });

  it("the schema refuses what the parser refuses, so a stored reference is always one", () => {
    for (const utr of ["41234567890", "4123456789012", "41234567890A", "sbin123456789012"]) {
      expect(MoneyFields.safeParse({ utr }).success).toBe(false);
    }
  });

  it("a money message keeps its UTR apart: not an account, not an amount", () => {
    expect(valueOf(parseMoney("paid ₹5000 to abc@ybl UTR 412345678901"))).toStrictEqual({
      amount: "5000",
      currency: "INR",
      upi: "abc@ybl",
      utr: "412345678901",
      paid: true,
    });
    expect(valueOf(parseMoney("NEFT UTR SBIN123456789012 ₹50,000 a/c 12345678901 ifsc hdfc0001234"))).toStrictEqual({
      amount: "50000",
      currency: "INR",
      account: "12345678901",
      ifsc: "HDFC0001234",
      utr: "SBIN123456789012",
    });
  });

  it.each([["UTR 41234567890"], ["paid 5000 to abc@ybl utr 4123456789012"], ["UPI ref no 41234567890A"]])(
    "%j names a UTR that is not one: she is told, rather than it being saved as an account",
    (typed) => {
      expect(errorOf(parseMoney(typed))).toBe("utr-invalid");
    },
  );

  it("an app's own transaction id is kept in her words, never read as an account", () => {
    const typed = "txn id T2305121234567890123456 paid 5000";
    expect(valueOf(parseMoney(typed))).toStrictEqual({ amount: "5000", paid: true, what: typed });
  });

  it("a bare 12-digit number with no label stays an account number, as before", () => {
    expect(valueOf(parseMoney("412345678901"))).toEqual({ account: "412345678901" });
  });
});

describe("paid or only demanded", () => {
  it.each([
    ["paid ₹5000 to abc@ybl", true],
    ["sent 5000 to abc@ybl", true],
    ["transferred ₹2,000 to abc@ybl", true],
    ["2000 bheje abc@ybl pe", true],
    ["5000 रुपये दिए abc@ybl पर", true],
    ["abc@ybl पर 5000 भेजे", true],
    ["he asked 10000 on abc@ybl", false],
    ["demanded ₹5000", false],
    ["wants 5000 on abc@ybl", false],
    ["5000 maange abc@ybl pe", false],
    ["5000 माँगे", false],
    ["didn't pay, he wants 5000 on abc@ybl", false],
    ["I did not send the 5000 he asked", false],
    ["5000 नहीं दिए, abc@ybl", false],
    ["he sent me a message asking 5000 on abc@ybl", false],
  ])("%j: paid is %s", (typed, paid) => {
    expect(valueOf(parseMoney(typed)).paid).toBe(paid);
  });

  it("when she doesn't say, nothing is guessed", () => {
    expect(valueOf(parseMoney("₹5000 abc@ybl")).paid).toBeUndefined();
    expect(valueOf(parseMoney("pay to abc@ybl.")).paid).toBeUndefined();
  });

  it("a paid word alone is not money", () => {
    expect(errorOf(parseMoney("I paid"))).toBe("money-unreadable");
  });
});

describe("her own side (paid from)", () => {
  it.each([
    ["paid 5000 from my SBI account 1234567890 to abc@ybl", "SBI account 1234567890", { upi: "abc@ybl", amount: "5000" }],
    ["sent ₹3,000 from my a/c 1234 5678 9012 to ravi@okaxis", "a/c 1234 5678 9012", { upi: "ravi@okaxis", amount: "3000" }],
    ["transferred 5000 from me@oksbi to abc@ybl", "me@oksbi", { upi: "abc@ybl", amount: "5000" }],
    ["mere paytm se 2000 bheje raju@paytm ko", "paytm", { upi: "raju@paytm", amount: "2000" }],
    ["मेरे SBI अकाउंट से 5000 भेजे abc@ybl पर", "SBI अकाउंट", { upi: "abc@ybl", amount: "5000" }],
    ["paid ₹40,000 from my HDFC account 50100123456789 to a/c 12345678901 ifsc sbin0001234", "HDFC account 50100123456789", { account: "12345678901", ifsc: "SBIN0001234", amount: "40000" }],
  ])("%j: her side is %j, and the other side is still theirs", (typed, from, theirs) => {
    const value = valueOf(parseMoney(typed));
    expect(value).toMatchObject({ from, paid: true, ...theirs });
    expect(MoneyFields.parse(value)).toEqual(value);
  });

  it("'from my account' names nothing to copy: no from, and the amount after it is still the amount", () => {
    expect(valueOf(parseMoney("paid 5000 from my account to abc@ybl"))).toStrictEqual({ amount: "5000", upi: "abc@ybl", paid: true });
  });

  it("'from him' is not her side", () => {
    const value = valueOf(parseMoney("message from him: pay 5000 to abc@ybl"));
    expect(value.from).toBeUndefined();
    expect(value.upi).toBe("abc@ybl");
  });
});

describe("stored money items from before UTRs", () => {
  it("an old money item, with none of the new fields, still reads", () => {
    const old = { kind: "money", id: 3, at: "2026-03-14T15:35:00.000Z", amount: "5000", currency: "INR", upi: "abc@okaxis", what: "by Friday" };
    expect(EvidenceItem.parse(old)).toEqual(old);
  });
});
