import { describe, expect, it } from "vitest";
import { Person } from "../support/person.js";

const HOUR = 3_600_000;
const T0 = new Date("2026-03-14T03:42:00.000Z"); // 09:12 in India

/** Blackmailed on Instagram and X, with a link on each and a private note, in India. */
function withLinks(locale: "en" | "hi" = "en", role: "self" | "helper" = "self"): Person {
  const p = new Person(locale);
  p.now = T0;
  p.event({ type: "RESTART" });
  if (role === "helper") p.event({ type: "ROLE", value: "helper" }).event({ type: "NEXT" });
  else p.event({ type: "BEGIN" }).event({ type: "SAFE" });
  p.event({ type: "CHOOSE", value: "sextortion" }).event({ type: "CHOOSE", value: "adult" }).event({ type: "DONE" }).event({ type: "CHOOSE", value: "in" });
  p.event({ type: "LOG" }).type("https://www.instagram.com/p/InstaPost1/").type("https://x.com/someone/status/123456");
  p.event({ type: "ADD", value: "note" }).type("he is my ex from college, Rakesh from Pune");
  return p;
}

describe("a grievance complaint to each platform", () => {
  it("/letters lists one complaint per platform her links point to, and nothing is kept but what she sends", () => {
    const p = withLinks().event({ type: "LETTERS" });
    expect(p.at).toBe("letters.list");
    expect(p.text).toContain("None of these is kept");
    const labels = p.last.screen.buttons.flat().map((b) => b.label);
    expect(labels.filter((l) => l.startsWith("✉️ Complaint to ")).length).toBe(2);
    expect(labels.some((l) => l.includes("Instagram"))).toBe(true);
  });

  it("each platform's complaint holds only that platform's links, what she chose it shows, no consent, and the request", () => {
    const p = withLinks().event({ type: "LETTERS" }).tap("Complaint to Instagram");
    expect(p.at).toBe("letters.shows");
    p.tap("nudity").tap("a sexual act").tap("Make the complaint");
    expect(p.at).toBe("letters.complaint");
    expect(p.copies).toHaveLength(1);
    const [letter] = p.copies;
    expect(letter).toContain("Rule 3(2)(b)");
    expect(letter).toContain("https://www.instagram.com/p/InstaPost1/");
    expect(letter).not.toContain("x.com");
    expect(letter).toContain("nudity, a sexual act");
    expect(letter).toContain("without my consent");
    expect(letter).toMatch(/remove this content or disable access/);
    expect(letter).toMatch(/keep the records/);
  });

  it("holds no name, number, e-mail or anything she typed about herself or him", () => {
    const p = withLinks().event({ type: "LETTERS" }).tap("Complaint to X").tap("Make the complaint");
    const letter = p.copies.join("\n");
    expect(letter).toContain("https://x.com/someone/status/123456");
    for (const typed of ["Rakesh", "Pune", "college"]) expect(letter).not.toContain(typed);
    expect(letter).not.toMatch(/@[a-z]/i);
    expect(letter).not.toMatch(/\+?\d{10}/);
  });

  it("says where to send it: the in-app report first, then the India grievance channel, or that none is known", () => {
    const x = withLinks().event({ type: "LETTERS" }).tap("Complaint to X").tap("Make the complaint");
    expect(x.text).toContain("report the post in the app itself");
    expect(x.text).toContain("grievance-officer-in@twitter.com");
    const insta = withLinks().event({ type: "LETTERS" }).tap("Complaint to Instagram").tap("Make the complaint");
    expect(insta.text).toContain("No India grievance contact for Instagram was found");
    expect(insta.text).toContain("no name, phone number or e-mail");
  });

  it("in Hindi the complaint comes in Hindi and in English, because platforms read English", () => {
    const p = withLinks("hi").event({ type: "LETTERS" }).event({ type: "LETTER", value: "instagram" }).event({ type: "DONE" });
    expect(p.copies).toHaveLength(2);
    expect(p.copies[0]).toMatch(/[\u0900-\u097F]/);
    expect(p.copies[0]).toContain("नियम 3(2)(b)");
    expect(p.copies[1]).toContain("Rule 3(2)(b)");
    for (const copy of p.copies) expect(copy).toContain("https://www.instagram.com/p/InstaPost1/");
  });

  it("someone helping writes on behalf of the person shown", () => {
    const p = withLinks("en", "helper").event({ type: "LETTERS" }).event({ type: "LETTER", value: "instagram" }).event({ type: "DONE" });
    expect(p.copies[0]).toContain("on behalf of the person shown");
    expect(p.copies[0]).toContain("without her consent");
  });
});

describe("the clock: ✓ I sent it, the time since, and what is due when she comes back", () => {
  it("'✓ I sent it' logs the platform and the time, nothing else, and the log and the list show the time since", () => {
    const p = withLinks().event({ type: "LETTERS" }).tap("Complaint to Instagram").tap("Make the complaint").tap("I sent it");
    expect(p.at).toBe("letters.list");
    const sent = p.items.filter((i) => i.kind === "sent");
    // The platform, the time and whether it was a complaint or an appeal: nothing else.
    expect(sent.map(({ id: _id, ...rest }) => rest)).toEqual([{ kind: "sent", at: T0.toISOString(), platform: "instagram", to: "complaint" }]);
    p.now = new Date(T0.getTime() + 3 * 24 * HOUR);
    p.event({ type: "LOG" });
    expect(p.text).toMatch(/Complaint sent to Instagram, 14 Mar 2026, 9:12 am \(3 days ago\)/);
    p.event({ type: "LETTERS" });
    expect(p.text).toContain("Instagram: complaint sent 3 days ago");
  });

  it("before a day has passed nothing is asked; after it, 'did it come down?', and 'still there' drafts the appeal", () => {
    const p = withLinks().event({ type: "LETTERS" }).tap("Complaint to Instagram").tap("Make the complaint").tap("I sent it");
    p.now = new Date(T0.getTime() + 5 * HOUR);
    p.event({ type: "LETTERS" });
    expect(p.text).not.toContain("Did it come down?");
    p.now = new Date(T0.getTime() + 25 * HOUR);
    p.event({ type: "LETTERS" });
    expect(p.text).toContain("It has been a day or more since you complained to Instagram. Did it come down?");
    p.tap("It's still there");
    expect(p.at).toBe("letters.appeal");
    expect(p.text).toContain("gac.gov.in");
    expect(p.text).toContain("within 30 days of the platform's decision");
    const [appeal] = p.copies;
    expect(appeal).toContain("Rule 3A");
    expect(appeal).toContain("14 Mar 2026");
    expect(appeal).toContain("https://www.instagram.com/p/InstaPost1/");
    p.tap("I sent the appeal");
    expect(p.items.filter((i) => i.kind === "sent").map((i) => i.kind === "sent" && i.to)).toEqual(["complaint", "appeal"]);
    p.event({ type: "LETTERS" });
    expect(p.text).not.toContain("Did it come down?");
    expect(p.text).toContain("Instagram: appeal sent");
  });

  it("'it came down' is remembered and not asked again", () => {
    const p = withLinks().event({ type: "LETTERS" }).tap("Complaint to X").tap("Make the complaint").tap("I sent it");
    p.now = new Date(T0.getTime() + 48 * HOUR);
    p.event({ type: "LETTERS" }).tap("It came down");
    expect(p.context.resolved).toEqual(["x"]);
    p.event({ type: "LETTERS" });
    expect(p.text).not.toContain("Did it come down?");
  });

  it("the letters are one tap from the log and from the takedown screens", () => {
    const p = withLinks().event({ type: "LOG" });
    expect(p.last.screen.buttons.flat().map((b) => b.label)).toContain("✉️ Letters and forms");
    p.event({ type: "MENU" }).event({ type: "GOTO", value: "takedown" });
    expect(p.last.screen.buttons.flat().map((b) => b.label)).toContain("✉️ Letters and forms");
  });
});
