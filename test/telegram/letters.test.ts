import { describe, expect, it } from "vitest";
import { prepareBot, tap, updates, type Person } from "../support/telegram.js";

const nisha: Person = { id: 7_100_300_411, first_name: "Nishatest", username: "nisha_letters_q", language_code: "en" };
const POST = "https://www.instagram.com/p/NishaPostQ7/";
const UPI = "nisha.blackmailer.q7@okaxis";

describe("letters and forms on Telegram", () => {
  it("a complaint comes as a copyable message with only that platform's link, and none of it is stored or logged", async () => {
    const t = prepareBot();
    await t.send(updates.command(nisha, "evidence"));
    await t.send(updates.text(nisha, POST));
    await t.send(updates.command(nisha, "letters"));
    expect(t.screen().text).toContain("Letters and forms");
    await tap(t, nisha, "Complaint to Instagram");
    await tap(t, nisha, "nudity");
    await tap(t, nisha, "Make the complaint");
    const sent = t.last.filter((c) => c.method === "sendMessage").map((c) => c.payload);
    const letter = sent.find((p) => String(p.text).includes("Rule 3(2)(b)"));
    expect(letter, "the complaint as its own message").toBeDefined();
    expect(letter!.text).toContain(POST);
    // One tap copies it: the whole complaint is a `pre` entity.
    const [entity] = letter!.entities as { type: string; offset: number; length: number }[];
    expect(entity?.type).toBe("pre");
    expect(entity?.length).toBe(String(letter!.text).length - entity!.offset);
    // Made from the log on demand: the letter's words are not in the store, and nothing of it is logged.
    const stored = t.store.dump().flat().join("\n");
    expect(stored).not.toContain("Rule 3(2)(b)");
    expect(stored).not.toContain("NishaPostQ7");
    for (const line of t.logs) {
      for (const needle of ["NishaPostQ7", "Rule 3(2)(b)", "Nishatest", "nisha_letters_q", String(nisha.id)]) expect(line).not.toContain(needle);
    }
    await tap(t, nisha, "I sent it");
    expect(t.screen(true).text).toContain("Instagram: complaint sent less than an hour ago");
  });

  it("the 1930 money pack comes as a copyable message with every amount and account in her log", async () => {
    const t = prepareBot();
    await t.send(updates.command(nisha, "evidence"));
    await tap(t, nisha, "Money");
    await t.send(updates.text(nisha, `paid ₹5,000 to ${UPI} UTR 412345678901`));
    await t.send(updates.command(nisha, "letters"));
    await tap(t, nisha, "1930 money pack");
    const pack = t.last.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)).find((text) => text.includes("412345678901"));
    expect(pack).toBeDefined();
    expect(pack).toContain(UPI);
    expect(pack).toContain("5,000");
    expect(pack).toContain("1930");
    for (const line of t.logs) expect(line).not.toContain(UPI);
    expect(t.store.dump().flat().join("\n")).not.toContain(UPI);
  });
});
