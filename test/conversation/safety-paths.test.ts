import { describe, expect, it } from "vitest";
import type { CountryId } from "../../src/content/schema.js";
import { evidenceSteps, reportingRoutes, takedownRoutes } from "../../src/conversation/steps.js";
import { acceptsImages, runTurn, StoredConversation } from "../../src/conversation/turn.js";
import { renderScreen } from "../../src/screens/render.js";
import { conversationDeps } from "../support/deps.js";
import { Person } from "../support/person.js";
import { Walker } from "../support/walk.js";

const deps = conversationDeps();


/** Walks to the reassurance screen with an answer to the images question (`undefined` skips it). */
function answered(age: string | undefined, role: "self" | "helper" = "self", country: CountryId = "in") {
  const w = new Walker();
  if (role === "helper") w.tap("welcome-helping").tap("btn-continue");
  else w.tap("welcome-begin").tap("safety-yes");
  w.tap("incident-shared", "shared").tap("threat-no");
  if (age === undefined) w.tap("btn-skip");
  else w.send({ type: "CHOOSE", value: age });
  w.tap("btn-done-choosing").tap(`country-${country}`);
  // India asks whether she is a woman, for the laws that protect women only.
  return w.at === "woman" ? w.tap("woman-yes") : w;
}

const partsOf = (w: Walker) => JSON.stringify(w.screen.parts);
const routeIds = (w: Walker) => takedownRoutes(deps.content, w.snapshot.context).map((r) => r.id);

describe("someone in danger from another person", () => {
  it("'No, I'm not safe' opens what to do when someone is hurting or threatening you: 112 first, its silent ways, 181 and 1098", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("No, I'm not safe");
    expect(p.at).toBe("danger");
    const text = p.text;
    expect(text.indexOf("112")).toBeGreaterThan(-1);
    expect(text.indexOf("112")).toBeLessThan(text.indexOf("181"));
    expect(text).toMatch(/power button/i);
    expect(text).toContain("112 India");
    expect(text).toContain("1098");
    expect(text).not.toContain("14416");
    p.tap("I'm safe now");
    expect(p.at).toBe("incident");
  });

  it("a message about someone outside the door opens the danger screen, and she goes back to the same evidence step", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("Yes, I'm safe").tap("blackmailed").tap("No, everyone was 18");
    p.tap("That's all").tap("India").tap("Continue").tap("Done");
    const step = p.at;
    const match = deps.detectCrisis("he is outside my door and says he will kill me");
    expect(match?.kind).toBe("danger");
    p.type("he is outside my door and says he will kill me");
    expect(p.at).toBe("danger");
    p.tap("I'm safe now");
    expect(p.at).toBe(step);
  });

  it("a message about wanting to die opens the self screen with Tele-MANAS, not the danger screen", () => {
    const p = new Person().event({ type: "BEGIN" }).type("I want to die");
    expect(p.at).toBe("crisis");
    expect(p.text).toContain("14416");
  });

  it("someone blackmailed or stalked has the danger screen one tap away from her reassurance, because threats can turn physical", () => {
    const p = new Person().event({ type: "BEGIN" }).tap("Yes, I'm safe").tap("blackmailed").tap("No, everyone was 18").tap("That's all").tap("India");
    expect(p.at).toBe("reassurance");
    p.tap("Someone threatens to hurt me");
    expect(p.at).toBe("danger");
    p.tap("I'm safe now");
    expect(p.at).toBe("reassurance");
  });

  it("from either crisis screen the other one is one tap away", () => {
    const p = new Person().event({ type: "CRISIS" }).tap("Someone is hurting or threatening me");
    expect(p.at).toBe("danger");
    p.tap("I'm thinking of hurting myself");
    expect(p.at).toBe("crisis");
  });

  it("an adult in danger is not shown Childline; someone under 18 now is", () => {
    const adult = answered("adult").send({ type: "DANGER" });
    expect(partsOf(adult)).not.toContain("line-in-childline");
    const child = answered("minor").send({ type: "DANGER" });
    expect(partsOf(child)).toContain("line-in-childline");
  });

  it.each(["in", "pk", "bd", "np", "gb", "us", "ca", "au", "other"] as const)("in %s the danger screen leads with the emergency number and ends with a way on", (country) => {
    const w = answered("adult", "self", country).send({ type: "DANGER" });
    const c = deps.content.countries.find((x) => x.id === country)!;
    const parts = w.screen.parts.map((p) => JSON.stringify(p));
    const firstLine = parts.findIndex((p) => p.includes('"line-'));
    expect(parts[firstLine]).toContain(`line-${c.emergency[0]}`);
    expect(w.screen.buttons.flat().map((b) => b.label.key)).toContain("crisis-resume");
    const emergency = deps.content.helplines.find((h) => h.id === c.emergency[0])!;
    for (const locale of ["en", "hi"] as const) {
      const text = renderScreen(w.screen, deps.translate(locale)).text;
      expect(text).toContain(emergency.phone ?? emergency.url);
    }
  });
});

describe("the images question: was anyone in them under 18?", () => {
  it("'Yes, and I'm under 18 now' takes the under-18 path: no screenshots, Take It Down, Childline and a trusted adult", () => {
    const w = answered("minor");
    expect(partsOf(w)).toContain("reassure-minor");
    expect(evidenceSteps(deps.content, w.snapshot.context).filter((s) => s.capturesImage)).toEqual([]);
    expect(routeIds(w)).toContain("take-it-down");
    expect(routeIds(w)).not.toContain("stopncii");
    w.send({ type: "MENU" }).send({ type: "GOTO", value: "reporting" });
    expect(partsOf(w)).toContain("reporting-minor");
  });

  it("'Yes, but I'm an adult now' keeps her off screenshots and StopNCII, offers Take It Down, and doesn't speak to her as a child", () => {
    const w = answered("was-minor");
    expect(partsOf(w)).toContain("reassure-child-images");
    expect(partsOf(w)).not.toContain("reassure-minor");
    expect(evidenceSteps(deps.content, w.snapshot.context).filter((s) => s.capturesImage)).toEqual([]);
    expect(routeIds(w)).toContain("take-it-down");
    expect(routeIds(w)).not.toContain("stopncii");
    w.send({ type: "MENU" }).send({ type: "GOTO", value: "reporting" });
    expect(partsOf(w)).not.toContain("reporting-minor");
    expect(partsOf(w)).toContain("reporting-child-images");
  });

  it.each([["Not sure", "unsure"], ["a skipped question", undefined]] as const)("%s takes the under-18 path", (_, age) => {
    const w = answered(age);
    expect(evidenceSteps(deps.content, w.snapshot.context).filter((s) => s.capturesImage)).toEqual([]);
    expect(routeIds(w)).toContain("take-it-down");
    expect(routeIds(w)).not.toContain("stopncii");
    expect(partsOf(w)).toContain("reassure-child-images");
    expect(acceptsImages(deps.machine, new Person().event({ type: "BEGIN" }).stored)).toBe(false);
  });

  it("on the under-18 path the routes made for child images come first: cybercrime.gov.in's child section in India, Cybertip.ca in Canada", () => {
    const first = (age: string, country: CountryId) => reportingRoutes(deps.content, answered(age, "self", country).snapshot.context)[0]?.id;
    expect(first("unsure", "in")).toBe("ncrp-women-child");
    expect(first("minor", "ca")).toBe("ca-cybertip");
    expect(first("adult", "in")).toBe("ncrp-other-cyber");
    expect(first("adult", "ca")).toBe("ca-police");
  });

  it("'No, everyone was 18 or older' is the only answer that gets screenshot steps and StopNCII", () => {
    const w = answered("adult");
    expect(evidenceSteps(deps.content, w.snapshot.context).some((s) => s.capturesImage)).toBe(true);
    expect(routeIds(w)).toContain("stopncii");
    expect(routeIds(w)).not.toContain("take-it-down");
  });

  it("images are fingerprinted only for an adult path of her own; never for not sure, a child, or a helper", () => {
    const storedWith = (age: string, role = "self") => {
      const p = new Person().event({ type: "BEGIN" });
      const stored = structuredClone(p.stored) as StoredConversation;
      Object.assign(stored.snapshot.context, { age, role });
      return stored;
    };
    expect(acceptsImages(deps.machine, storedWith("adult"))).toBe(true);
    for (const age of ["minor", "was-minor", "unsure", "unknown"]) expect(acceptsImages(deps.machine, storedWith(age))).toBe(false);
    expect(acceptsImages(deps.machine, storedWith("adult", "helper"))).toBe(false);
  });

  it("a snapshot stored before this question restores: its 'rather not say' takes the not-sure path, 'under 18' stays under 18", () => {
    const old = (age: string) => {
      const p = new Person().event({ type: "BEGIN" });
      const stored = structuredClone(p.stored) as { snapshot: { context: Record<string, unknown> } };
      delete stored.snapshot.context.role;
      stored.snapshot.context.age = age;
      return stored;
    };
    for (const [age, path] of [["unknown", "minor"], ["minor", "minor"], ["adult", "adult"]] as const) {
      const turn = runTurn(deps.machine, old(age), { kind: "event", event: { type: "NEXT" }, locale: "en" });
      expect(turn.notice).toBeUndefined();
      expect(turn.snapshot.context.role).toBe("self");
      const capture = evidenceSteps(deps.content, { ...turn.snapshot.context, incident: "shared" }).some((s) => s.capturesImage);
      expect(capture).toBe(path === "adult");
    }
  });

  it("the question and its answers are about the images, in English and Hindi", () => {
    const en = new Person().event({ type: "BEGIN" }).tap("Yes, I'm safe").tap("My images were shared").tap("No");
    expect(en.text).toContain("in these images under 18");
    for (const label of ["Yes, and I'm under 18 now", "Yes, but I'm an adult now", "No, everyone was 18 or older", "Not sure"]) {
      expect(en.last.screen.buttons.flat().map((b) => b.label)).toContain(label);
    }
    const hi = new Person("hi").event({ type: "BEGIN" }).event({ type: "SAFE" });
    hi.event({ type: "CHOOSE", value: "shared" }).event({ type: "CHOOSE", value: "no" });
    expect(hi.at).toBe("age");
    expect(hi.text).toContain("तस्वीरों");
    expect(hi.last.screen.buttons.flat().map((b) => b.label)).toContain("पक्का नहीं पता");
  });
});

describe("words for a child are for someone under 18 now", () => {
  const stepIds = (w: Walker) => evidenceSteps(deps.content, w.snapshot.context).map((s) => s.id);
  it("'tell an adult you trust' is a step for a girl under 18 now, not for an adult whose images were taken at 16, nor for her parent", () => {
    expect(stepIds(answered("minor"))).toContain("tell-adult");
    expect(stepIds(answered("was-minor"))).not.toContain("tell-adult");
    expect(stepIds(answered("unsure"))).not.toContain("tell-adult");
    expect(stepIds(answered("minor", "helper"))).not.toContain("tell-adult");
  });
});

describe("a person helping someone", () => {
  it("a friend learns how to help, then walks the steps on her behalf without ever keeping the images", () => {
    const p = new Person().event({ type: "BEGIN" }).event({ type: "RESTART" }).tap("I'm helping someone");
    expect(p.at).toBe("helper");
    expect(p.text).toMatch(/Don't download, forward or screenshot/);
    expect(p.text).toMatch(/share this bot/);
    expect(p.text).toMatch(/Don't blame/);
    p.tap("Continue");
    expect(p.at).toBe("incident");
    expect(p.text).toContain("the person you're helping");
    p.tap("Their images were shared").tap("No");
    expect(p.last.screen.buttons.flat().map((b) => b.label)).toContain("Yes, and they're under 18 now");
    p.tap("No, everyone was 18 or older").tap("That's all").tap("India");
    expect(p.text).toContain("Is the person you're helping a woman?");
    p.tap("Yes");
    expect(p.text).toContain("Thank you for helping");
    expect(evidenceSteps(deps.content, p.context).filter((s) => s.capturesImage)).toEqual([]);
  });

  it("a parent answering for her daughter gets the under-18 path, with Childline", () => {
    const w = answered("minor", "helper");
    expect(w.snapshot.context.role).toBe("helper");
    expect(partsOf(w)).toContain("reassure-minor");
    expect(routeIds(w)).toContain("take-it-down");
    w.send({ type: "MENU" }).send({ type: "GOTO", value: "reporting" });
    expect(partsOf(w)).toContain("reporting-minor");
  });

  it("someone who came across a person's images is told not to keep or forward them and to report the post, with no hash-blocking routes", () => {
    const p = new Person().event({ type: "RESTART" }).tap("I came across someone's images");
    expect(p.at).toBe("bystander");
    expect(p.text).toMatch(/Don't download, forward or screenshot/);
    expect(p.text).toMatch(/Report the post/);
    expect(p.text).toMatch(/share this bot/);
    p.tap("How to report it on a platform");
    expect(p.at).toBe("platforms");
    p.tap("Instagram").tap("That's all").tap("India");
    expect(p.at).toBe("takedown#0");
    const routes = takedownRoutes(deps.content, p.context).map((r) => r.id);
    expect(routes).toContain("meta-report");
    expect(routes).not.toContain("stopncii");
    expect(routes).not.toContain("take-it-down");
    p.tap("Back");
    expect(p.at).toBe("country");
  });

  it("if a child may be in the images, they are sent to the child section of cybercrime.gov.in, Take It Down or NCMEC, and 1098", () => {
    const p = new Person().event({ type: "RESTART" }).tap("I came across someone's images").tap("A child may be in the images");
    expect(p.at).toBe("child");
    expect(p.text).toContain("cybercrime.gov.in");
    expect(p.text).toContain("Take It Down");
    expect(p.text).toMatch(/CyberTipline|NCMEC/);
    expect(p.text).toContain("1098");
    expect(p.text).toMatch(/Never save, screenshot or forward/);
    p.tap("Back");
    expect(p.at).toBe("bystander");
  });

  it("the helper and bystander screens read in Hindi", () => {
    const p = new Person("hi").event({ type: "RESTART" }).event({ type: "ROLE", value: "helper" });
    expect(p.at).toBe("helper");
    expect(p.text).toContain("डाउनलोड");
    const b = new Person("hi").event({ type: "RESTART" }).event({ type: "ROLE", value: "bystander" });
    expect(b.at).toBe("bystander");
    expect(b.text).toContain("फ़ॉरवर्ड");
  });
});

describe("words typed at the log are kept until she says what they are", () => {
  it("a note typed first becomes the note once she taps 📝 Note, with no retyping", () => {
    const p = new Person().event({ type: "LOG" }).type("He called me from a new number at night");
    expect(p.context.evidence).toEqual([]);
    expect(p.context.draft).toBe("He called me from a new number at night");
    p.tap("Note");
    expect(p.at).toBe("log.list");
    expect(p.context.evidence).toMatchObject([{ kind: "note", text: "He called me from a new number at night" }]);
    expect(p.context.draft).toBeUndefined();
  });

  it.each([
    ["Account", "@blackmailer_99", { kind: "handle" }],
    ["Date", "12/11/2026 21:30 he sent the first threat", { kind: "date" }],
    ["Money", "₹15,000 to threat@okaxis", { kind: "money" }],
  ] as const)("words typed first become %s once that kind is chosen", (label, typed, expected) => {
    const p = new Person().event({ type: "LOG" }).type(typed).tap(label);
    expect(p.context.evidence).toMatchObject([expected]);
  });

  it("words that don't fit the kind she chose are explained, and she can type them again there", () => {
    const p = new Person().event({ type: "LOG" }).type("he was rude").tap("Money");
    expect(p.at).toBe("log.input");
    expect(p.context.evidence).toEqual([]);
    expect(p.context.draft).toBeUndefined();
  });

  it("any other tap lets typed words go: nothing is kept that she didn't place", () => {
    const p = new Person().event({ type: "LOG" }).type("something private").tap("Back");
    expect(p.context.draft).toBeUndefined();
  });

  it("an unknown /command typed at the log is answered as an unknown command, never kept or offered", () => {
    const p = new Person().event({ type: "LOG" }).type("/whatever");
    expect(p.text).toContain("I don't know that command");
    expect(p.context.draft).toBeUndefined();
    expect(p.context.evidence).toEqual([]);
    p.tap("Note").type("/something");
    expect(p.text).toContain("I don't know that command");
    expect(p.context.evidence).toEqual([]);
  });
});
