import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/evidence/item.js";
import { reply } from "../../src/screens/reply.js";
import { Person } from "../support/person.js";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("the evidence log", () => {
  it("a person adds a note, a date, a money demand, an account and a link, and sees them all in /evidence", () => {
    const p = new Person().event({ type: "LOG" });
    expect(p.text).toContain("0 of 200 items");
    p.tap("Note").type("He said he would send it to my family on Friday");
    expect(p.text).toContain("Added to your evidence log. It now has 1 item.");
    p.tap("Date").type("14/03/2026 9:30 pm first threat on Instagram");
    p.tap("Money").type("₹5,000 to ravi.k@okaxis");
    p.tap("Account").type("@blackmailer_99");
    p.tap("Link").type("https://instagram.com/p/Xyz123abc");
    expect(p.at).toBe("log.list");
    expect(p.items.map((i) => i.kind)).toEqual(["note", "date", "money", "handle", "link"]);
    expect(p.text).toContain("14 March 2026 at 9:30 pm: first threat on Instagram");
    expect(p.text).toContain("₹5,000 · UPI ravi.k@okaxis");
    expect(p.text).toContain("@blackmailer_99");
    expect(p.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("a person who sends a link in the middle of the walkthrough is asked first, and goes back to the same step", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("18 or older").tap("That's all").tap("India").tap("Continue");
    expect(p.at).toBe("evidence.step#0");
    p.type("this is the post https://www.instagram.com/p/Q1w2E3r4/ please help");
    expect(p.at).toBe("offer#1");
    expect(p.text).toContain("https://www.instagram.com/p/Q1w2E3r4/");
    expect(p.text).toContain("Add it to your evidence log?");
    p.tap("Add to my log");
    expect(p.at).toBe("evidence.step#0");
    expect(p.items).toMatchObject([{ kind: "link", url: "https://www.instagram.com/p/Q1w2E3r4/" }]);
  });

  it("a person who says no to the offer keeps nothing of the link", () => {
    const p = new Person().event({ type: "MENU" }).type("https://x.com/someone/status/1").tap("No, thanks");
    expect(p.at).toBe("welcome");
    expect(p.items).toEqual([]);
    expect(JSON.stringify(p.stored)).not.toContain("x.com/someone");
  });

  it("a step that asks for links has a button to add one there and then", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("18 or older").tap("That's all").tap("India").tap("Continue");
    let guard = 0;
    while (!p.last.screen.buttons.flat().some((b) => b.label.includes("💸")) && guard++ < 10) p.tap("Done");
    p.tap("💸");
    expect(p.at).toBe("log.input");
    expect(p.text).toContain("Please don't pay");
    p.type("Rs 10,000 to 9876543210");
    expect(p.items).toMatchObject([{ kind: "money", amount: "10000", wallet: "9876543210" }]);
    p.tap("Back");
    expect(p.at).toMatch(/^evidence\.step#/);
  });

  it.each([
    ["Link", "htp:/not a link", "doesn't look like a web link"],
    ["Link", "javascript:alert(1)", "doesn't look like a web link"],
    ["Date", "31/02/2026 he posted it", "doesn't exist on the calendar"],
    ["Date", "someday soon", "couldn't read a date"],
    ["Date", "14/03/2099 threat", "still to come"],
    ["Money", "please help me", "couldn't find an amount"],
    ["Money", "paid 5000 to abc@ybl UTR 41234567890", "12 digits"],
    ["Account", "line one\nline two", "on one line"],
  ])("a person who adds a %s as %j gets a kind explanation and nothing is added", (kind, typed, says) => {
    const p = new Person().event({ type: "LOG" }).tap(kind).type(typed);
    expect(p.text).toContain(says);
    expect(p.at).toBe("log.input");
    expect(p.items).toEqual([]);
    expect(p.text).not.toMatch(/error|undefined|invalid/i);
  });

  it("the money prompt asks for the UTR and her side; the log line shows paid, her side and the UTR", () => {
    const p = new Person().event({ type: "LOG" }).tap("Money");
    expect(p.text).toContain("UTR");
    expect(p.text).toContain("from my");
    p.type("paid ₹5,000 to name@okaxis from my SBI account, UTR 412345678901");
    expect(p.items).toMatchObject([{ kind: "money", amount: "5000", upi: "name@okaxis", from: "SBI account", utr: "412345678901", paid: true }]);
    p.event({ type: "LOG" });
    expect(p.text).toContain("₹5,000 paid · UPI name@okaxis · from SBI account · UTR 412345678901");
  });

  it("a link sent where an amount was asked for is kept as a link, not refused as a bad amount", () => {
    const p = new Person().event({ type: "LOG" }).tap("Money").type("look at this https://insta.example/x they posted it");
    expect(p.text).toContain("That looked like a link, so I added it to your evidence log as a link");
    expect(p.items).toMatchObject([{ kind: "link", url: "https://insta.example/x" }]);
  });

  it("a note over the limit is refused with the limit stated, one at the limit is kept whole", () => {
    const p = new Person().event({ type: "LOG" }).tap("Note").type("ख".repeat(LIMITS.note + 1));
    expect(p.text).toContain(`longer than ${LIMITS.note.toLocaleString("en")} characters`);
    expect(p.items).toEqual([]);
    p.type("ख".repeat(LIMITS.note));
    expect(p.items).toMatchObject([{ kind: "note", text: "ख".repeat(LIMITS.note) }]);
  });

  it("the 201st item is refused with the limit stated; removing one makes room again", () => {
    const p = new Person().event({ type: "LOG" });
    for (let i = 1; i <= LIMITS.items; i++) p.type(`https://example.com/post/${i}`);
    expect(p.items).toHaveLength(200);
    expect(p.text).toContain("200 of 200 items");
    p.type("https://example.com/post/201");
    expect(p.text).toContain("Your log is full: it holds up to 200 items");
    expect(p.items).toHaveLength(200);
    p.tap("Remove").tap("✕ 200");
    expect(p.items).toHaveLength(199);
    p.tap("Back").type("https://example.com/post/201");
    expect(p.items.at(-1)).toMatchObject({ url: "https://example.com/post/201", id: 201 });
  });

  it("a removed item is gone, and an old remove button for it does nothing more", () => {
    const p = new Person().event({ type: "LOG" }).type("https://a.example/1").type("https://a.example/2").tap("Remove");
    const staleRemove = p.last.screen.buttons.flat().find((b) => b.label.includes("✕ 1"))!;
    p.tap("✕ 1");
    expect(p.items.map((i) => (i.kind === "link" ? i.url : i.kind))).toEqual(["https://a.example/2"]);
    p.event(staleRemove.event);
    expect(p.items.map((i) => (i.kind === "link" ? i.url : i.kind))).toEqual(["https://a.example/2"]);
  });

  it("a file's fingerprint is read back and offered; the log keeps hash, size and type, never the file", () => {
    const p = new Person().event({ type: "BEGIN" }).file({ sha256: HASH, size: 123_456, type: "photo" });
    expect(p.at).toBe("offer#1");
    expect(p.text).toContain(HASH);
    expect(p.text).toContain("The file itself was not kept");
    p.tap("Add to my log");
    expect(p.items).toMatchObject([{ kind: "file", sha256: HASH, size: 123_456, type: "photo", at: "2026-11-25T10:05:00.000Z" }]);
  });

  it("a file sent while the log asks for one goes straight in, with its fingerprint told back", () => {
    // Pictures are asked for only once she has said everyone in her images was 18 or older.
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("18 or older");
    p.event({ type: "LOG" }).tap("Screenshot or file");
    expect(p.text).toContain("The file itself is not saved, not stored and not forwarded");
    p.file({ sha256: HASH, size: 2048, type: "document" });
    expect(p.text).toContain(`SHA-256 ${HASH} (2.0 KB)`);
    expect(p.at).toBe("log.list");
  });

  it("a file sent while the remove list is open is offered, not reported as added when it wasn't", () => {
    const p = new Person().event({ type: "LOG" }).type("https://a.example/1").tap("Remove");
    expect(p.at).toBe("log.remove");
    p.file({ sha256: HASH, size: 2048, type: "photo" });
    expect(p.text).not.toContain("Fingerprint added");
    expect(p.at).toBe("offer#1");
    p.tap("Add to my log");
    expect(p.items.map((i) => i.kind)).toEqual(["link", "file"]);
  });

  it("a file over Telegram's 20 MB limit gets a clear message and a way to log it by description", () => {
    const p = new Person().event({ type: "LOG" }).tap("Screenshot or file").file({ sha256: HASH, size: 0, type: "photo" }, "too-big");
    expect(p.text).toContain("bigger than 20 MB");
    expect(p.text).toContain("note describing it");
    expect(p.items).toEqual([]);
  });

  it("someone who said they are under 18 is never asked for an image: the file button explains and offers a link", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("under 18").event({ type: "LOG" }).tap("Screenshot or file");
    expect(p.text).toContain("must not be shared with anyone, not even with me");
    p.tap("link instead");
    expect(p.text).toContain("Send the link");
    p.file({ sha256: HASH, size: 1, type: "photo" }, "minor");
    expect(p.text).toContain("I didn't open that file");
    expect(p.items).toEqual([]);
  });

  it("starting over keeps the log; it goes only with /forget", () => {
    const p = new Person().event({ type: "LOG" }).type("https://a.example/keep").event({ type: "RESTART" });
    expect(p.items).toHaveLength(1);
    p.event({ type: "FORGET" }).tap("Yes");
    expect(p.last.turn.forget).toBe(true);
  });

  it("a session saved before the log existed still restores, with an empty log", () => {
    const p = new Person().event({ type: "BEGIN" });
    const stored = p.stored as { snapshot: { context: Record<string, unknown> } };
    for (const key of ["evidence", "nextId", "page", "pending", "adding"]) delete stored.snapshot.context[key];
    p.event({ type: "LOG" });
    expect(p.last.turn.notice).toBeUndefined();
    expect(p.text).toContain("0 of 200 items");
  });

  it("/summary names what happened, where and what they have, with no identity", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("18 or older").tap("Instagram").tap("That's all").tap("India");
    p.event({ type: "LOG" }).type("https://wa.me/919876543210").event({ type: "SUMMARY" });
    expect(p.text).toContain("What happened: blackmail (sextortion)");
    expect(p.text).toContain("Where: Instagram, WhatsApp");
    expect(p.text).toContain("Evidence kept: 1 item (1 link)");
    expect(p.text).toContain("What would help now:");
  });

  it("in Hindi, the log and its messages are in Hindi", () => {
    const p = new Person("hi").event({ type: "LOG" });
    expect(p.text).toContain("सबूत-रिकॉर्ड");
    p.tap("तारीख").type("31/02/2026");
    expect(p.text).toContain("कैलेंडर में होती ही नहीं");
    p.type("14 मार्च 2026 रात 9 बजे पहली धमकी");
    expect(p.items).toMatchObject([{ kind: "date", when: "2026-03-14T21:00" }]);
    expect(p.text).toContain("14 मार्च 2026");
  });

  it("/report asks the transport for the report; other turns don't", () => {
    const p = new Person().event({ type: "LOG" });
    expect(p.last.turn.report).toBe(false);
    p.tap("Report");
    expect(p.last.turn.report).toBe(true);
    expect(p.at).toBe("report");
    p.tap("Back");
    expect(p.last.turn.report).toBe(false);
  });
});

describe("offers that arrive together", () => {
  it("a forwarded threat with two links offers both in one question", () => {
    const p = new Person().event({ type: "BEGIN" }).type("he wrote: see https://t.me/leaker_channel and also instagram.com/fake.profile.22 lol");
    expect(p.at).toBe("offer#2");
    expect(p.text).toContain("https://t.me/leaker_channel");
    expect(p.text).toContain("https://instagram.com/fake.profile.22");
    p.tap("Add to my log");
    expect(p.items.map((i) => (i.kind === "link" ? i.url : ""))).toEqual(["https://t.me/leaker_channel", "https://instagram.com/fake.profile.22"]);
  });

  it("a screenshot under the under-18 rule is refused, but the link written under it is still offered", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("under 18");
    p.last = reply(p.deps, p.stored, { kind: "file", locale: "en", at: "2026-11-25T10:05:00.000Z", fingerprint: undefined, refused: "minor", caption: "it is here: https://instagram.com/p/Minor123" });
    p.stored = p.last.turn.stored;
    expect(p.text).toContain("I didn't open that file");
    expect(p.at).toBe("offer#1");
    expect(p.text).toContain("https://instagram.com/p/Minor123");
  });

  it("typing words without a link while looking at the log asks what kind of item it is", () => {
    const p = new Person().event({ type: "LOG" }).type("he threatened me again");
    expect(p.text).toContain("What is it?");
    expect(p.items).toEqual([]);
  });

  const hash = (n: number) => String(n).repeat(64).slice(0, 64);

  it("an album of three photos is offered as one question, and yes adds all three", () => {
    const p = new Person().event({ type: "BEGIN" });
    for (const n of [1, 2, 3]) p.file({ sha256: hash(n), size: 1000 * n, type: "photo" });
    expect(p.at).toBe("offer#3");
    expect(p.text).toContain("Add these 3 to your evidence log?");
    for (const n of [1, 2, 3]) expect(p.text).toContain(hash(n));
    p.tap("Add to my log");
    expect(p.items.map((i) => (i.kind === "file" ? i.sha256 : ""))).toEqual([hash(1), hash(2), hash(3)]);
    expect(p.text).toContain("It now has 3 items");
  });

  it("an older offer's button stays old after the offers were cleared and a new one began", () => {
    const p = new Person().event({ type: "BEGIN" }).type("https://probe.example/first");
    const older = p.last.screen;
    p.event({ type: "LOG" }).tap("Back").type("https://probe.example/second");
    p.tapOn(older, "Add to my log");
    expect(p.last.turn.notice).toBe("stale-button");
    expect(p.items).toEqual([]);
  });

  it("with 10 offers waiting, a newer message (which pushes the oldest out) makes the older button old", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `https://cap.example/n${i}`).join(" ");
    const p = new Person().event({ type: "BEGIN" }).type(ten);
    const older = p.last.screen;
    p.type("and https://cap.example/eleventh");
    expect(p.text).not.toContain("https://cap.example/n0");
    p.tapOn(older, "Add to my log");
    expect(p.last.turn.notice).toBe("stale-button");
    expect(p.items).toEqual([]);
  });

  it("an under-18 person in the log whose photo carries a link is told the link was kept, not asked for it", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("safe right now").tap("blackmailed").tap("under 18").event({ type: "LOG" });
    p.last = reply(p.deps, p.stored, { kind: "file", locale: "en", at: "2026-11-25T10:05:00.000Z", fingerprint: undefined, refused: "minor", caption: "in log https://cap.example/inlog" });
    p.stored = p.last.turn.stored;
    expect(p.text).toContain("I didn't open that file");
    expect(p.text).toContain("I kept the link you wrote with it");
    expect(p.text).not.toContain("Send me the link");
    expect(p.items).toMatchObject([{ kind: "link", url: "https://cap.example/inlog" }]);
  });

  it("tapping yes on an older offer, after a newer one arrived, adds nothing unseen", () => {
    const p = new Person().event({ type: "BEGIN" }).type("https://a.example/first");
    const older = p.last.screen;
    p.type("https://a.example/second");
    const add = older.buttons.flat().find((b) => b.label.includes("Add to my log"))!;
    p.last = reply(p.deps, p.stored, { kind: "event", event: add.event, screen: older.id, locale: "en" });
    p.stored = p.last.turn.stored;
    expect(p.last.turn.notice).toBe("stale-button");
    expect(p.items).toEqual([]);
    expect(p.at).toBe("offer#2");
  });
});
