/**
 * End to end: the evidence log through the real bot (`src/main.ts`) and the Bot API emulator. The
 * emulator has no sendDocument or getFile (HTTP 500), which is what a person meets when Telegram
 * fails: they still get the complaint text, and a calm line instead of the PDF or the fingerprint.
 * (The PDF and the fingerprint themselves are tested against local fakes in test/telegram.)
 */
import { describe, expect, it } from "vitest";
import { botOnEmulator } from "../support/bot-on-emulator.js";
import type { Person } from "../support/emulator.js";
import { answerImagesQuestion } from "../support/e2e-walk.js";

const WAIT_MS = 20_000;
const TEST_MS = 40_000;
const NOTE = "okapi-thimble-3391 said he would post it";
const LINK = "https://instagram.com/okapi_thimble_3391";
const UPI = "okapithimble3391@okaxis";

describe("e2e: the evidence log over the Bot API emulator", { concurrent: false }, () => {
  const running = botOnEmulator(WAIT_MS, TEST_MS);
  const people: Person[] = [];

  it("a person logs a note, a money demand and a link, then gets the complaint text even though the PDF can't be sent", async () => {
    const p = running.emulator().person({ languageCode: "en" });
    people.push(p);
    await p.command("evidence");
    await p.waitFor("Your evidence log: 0 of 200 items", WAIT_MS);
    await p.tap("📝 Note");
    await p.waitFor("in your own words", WAIT_MS);
    await p.send(NOTE);
    await p.waitFor("It now has 1 item", WAIT_MS);
    await p.tap("💸 Money demand");
    await p.waitFor("Please don't pay", WAIT_MS);
    await p.send(`₹7,500 to ${UPI}`);
    await p.waitFor("It now has 2 items", WAIT_MS);
    // A link sent from anywhere is offered, not taken.
    await p.command("helplines");
    await p.waitFor("14416", WAIT_MS);
    await p.send(`this is the account ${LINK}`);
    await p.waitFor("Add it to your evidence log?", WAIT_MS);
    await p.tap("✓ Add to my log");
    await p.waitFor("It now has 3 items", WAIT_MS);

    await p.command("report");
    const complaint = await p.waitFor("Complaint text, ready to paste", WAIT_MS);
    const text = complaint.map((m) => m.text).join("\n");
    expect(text).toContain(LINK);
    expect(text).toContain(UPI);
    expect(text).toContain("I request that the content be removed");
    expect(p.messages().map((m) => m.text).join("\n")).toContain("couldn't send the PDF just now");
  }, TEST_MS);

  it("a photo is answered calmly when Telegram won't hand it over; a sticker gets the usual line", async () => {
    const p = people[0]!;
    // Pictures are opened only once she has said everyone in her images was 18 or older.
    await p.command("restart");
    await answerImagesQuestion(p, "No, everyone was 18 or older", WAIT_MS);
    await p.sendRaw({ photo: [{ file_id: "AgACphoto-e2e", file_unique_id: "AQADe2e", width: 800, height: 600 }] });
    await p.waitFor("couldn't read that file just now", WAIT_MS);
    await p.sendRaw({ sticker: { file_id: "CAACstk-e2e", file_unique_id: "AgADstk", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } });
    await p.waitFor("I can't use stickers", WAIT_MS);
  }, TEST_MS);

  it("in Hindi, a wrong date is explained in Hindi and a right one is logged", async () => {
    const p = running.emulator().person({ languageCode: "hi" });
    people.push(p);
    await p.command("evidence");
    await p.waitFor("सबूत-रिकॉर्ड", WAIT_MS);
    await p.tap("📅 तारीख और समय");
    await p.send("31/02/2026 पहली धमकी");
    await p.waitFor("कैलेंडर में होती ही नहीं", WAIT_MS);
    await p.send("14/03/2026 पहली धमकी");
    await p.waitFor("14 मार्च 2026", WAIT_MS);
    await p.command("summary");
    await p.waitFor("रखे गए सबूत: 1", WAIT_MS);
  }, TEST_MS);

  it("/forget erases the log; nothing they logged or are was ever printed", async () => {
    const p = people[0]!;
    await p.command("forget");
    await p.waitFor(/erase/i, WAIT_MS);
    await p.tap(/erase everything/);
    await p.waitFor("has been erased", WAIT_MS);
    await p.command("evidence");
    await p.waitFor("0 of 200 items", WAIT_MS);

    await running.bot().stop(10_000);
    const lines = running.bot().lines();
    expect(lines.length).toBeGreaterThan(0);
    // Numbers only count as whole numbers: a log line's timestamp can contain any short digit run.
    const words = ["okapi", "thimble", UPI, ...people.flatMap((x) => [x.username, x.firstName])];
    const numbers = people.flatMap((x) => [String(x.id), String(x.chatId)]);
    const leaks = lines.flatMap((line) => [
      ...words.filter((n) => line.text.toLowerCase().includes(n.toLowerCase())),
      ...numbers.filter((n) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(line.text)),
    ].map((n) => `${n} in ${line.text.slice(0, 200)}`));
    expect(leaks).toEqual([]);
    expect(lines.filter((l) => /"level":(50|60)/.test(l.text))).toEqual([]);
  }, TEST_MS);
});
