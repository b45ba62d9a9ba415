import { describe, expect, it } from "vitest";
import { evidenceSteps } from "../../src/conversation/steps.js";
import { complaintText } from "../../src/report/complaint.js";
import { conversationDeps } from "../support/deps.js";
import { Walker } from "../support/walk.js";

const deps = conversationDeps();
const t = deps.translate("en");

/** A woman (or not) filmed secretly in India, through the questions to the reassurance. */
function filmed(answer: "woman-yes" | "woman-no" | "woman-unsaid", threat: "threat-yes" | "threat-no" = "threat-no") {
  return new Walker()
    .tap("welcome-begin")
    .tap("safety-yes")
    .tap("incident-hidden-camera", "hidden-camera")
    .tap(threat)
    .tap("age-adult")
    .tap("btn-done-choosing")
    .tap("country-in")
    .tap(answer);
}

describe("the complaint's laws follow the answer to 'are you a woman?'", () => {
  it("a woman's complaint cites the sections that protect women (BNS 77), with the IT Act", () => {
    const w = filmed("woman-yes");
    expect(w.at).toBe("reassurance");
    const complaint = complaintText(deps.content, w.snapshot.context, t);
    expect(complaint).toMatch(/Bharatiya Nyaya Sanhita[^.]*\b77\b/);
    expect(complaint).toContain("66E");
  });

  it.each(["woman-no", "woman-unsaid"] as const)("after '%s' it cites only the gender-neutral IT Act sections", (answer) => {
    const complaint = complaintText(deps.content, filmed(answer).snapshot.context, t);
    expect(complaint).toContain("66E");
    expect(complaint).not.toMatch(/\b7[789]\b/);
  });

  it("the question is asked only where a women-only section could apply: not for blackmail alone, not outside India", () => {
    const blackmail = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-sextortion", "sextortion").tap("age-adult");
    blackmail.tap("btn-done-choosing").tap("country-in");
    expect(blackmail.at).toBe("reassurance");
    const uk = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-hidden-camera", "hidden-camera").tap("threat-no").tap("age-adult");
    uk.tap("btn-done-choosing").tap("country-gb");
    expect(uk.at).toBe("reassurance");
  });

  it("a skipped question cites no women-only section", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-stalking", "stalking").tap("threat-no").tap("age-adult");
    w.tap("btn-done-choosing").tap("country-in").tap("btn-skip");
    expect(w.at).toBe("reassurance");
    expect(complaintText(deps.content, w.snapshot.context, t)).not.toMatch(/\b7[789]\b/);
  });
});

describe("filmed secretly and also blackmailed", () => {
  it("'someone is also asking for money' adds the blackmail steps and laws to the hidden-camera ones", () => {
    const only = filmed("woman-yes", "threat-no");
    const both = filmed("woman-yes", "threat-yes");
    const ids = (w: Walker) => evidenceSteps(deps.content, w.snapshot.context).map((s) => s.id);
    const blackmailOnly = ids(both).filter((id) => !ids(only).includes(id));
    expect(blackmailOnly.length).toBeGreaterThan(0);
    expect(ids(both)).toContain("payment-demands");
    expect(complaintText(deps.content, both.snapshot.context, t)).toContain("308");
    expect(complaintText(deps.content, only.snapshot.context, t)).not.toContain("308");
  });

  it("someone who chose blackmail is not asked again whether she is being blackmailed", () => {
    const w = new Walker().tap("welcome-begin").tap("safety-yes").tap("incident-sextortion", "sextortion");
    expect(w.at).toBe("age");
    w.tap("btn-back");
    expect(w.at).toBe("incident");
  });
});
