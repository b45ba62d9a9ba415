import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ContentError, loadContent } from "../../src/content/load.js";
import { AgeGroup, CountryId, IncidentId, PlatformId, type Content } from "../../src/content/schema.js";

const flowsDir = new URL("../../flows", import.meta.url).pathname;
const localesDir = new URL("../../locales", import.meta.url).pathname;
const LANGS = ["en", "hi"] as const;

const content: Content = loadContent(flowsDir);

const country = (id: CountryId) => content.countries.find((c) => c.id === id)!;
const line = (id: string) => content.helplines.find((h) => h.id === id)!;
const route = (id: string) => content.routes.find((r) => r.id === id)!;
const stepsFor = (incident: IncidentId, age: AgeGroup) =>
  content.evidence.filter((s) => s.incidents.includes(incident) && s.ages.includes(age));

describe("flows: what a person in India is shown", () => {
  it("the crisis screen (emergency, then crisis lines) offers 112 and Tele-MANAS 14416", () => {
    const india = country("in");
    const phones = [...india.emergency, ...india.crisis].map((id) => line(id).phone);
    expect(phones).toContain("112");
    expect(phones).toContain("14416");
    expect(india.emergency.map((id) => line(id).phone)).toContain("112");
  });

  it("reporting includes the cybercrime.gov.in portal and the 1930 helpline", () => {
    const reporting = country("in").reporting.map(route);
    expect(reporting.some((r) => r.url?.startsWith("https://cybercrime.gov.in"))).toBe(true);
    expect(reporting.some((r) => r.phone === "1930")).toBe(true);
    // The anonymous route is offered, and it is the only portal route that says it is anonymous.
    const portal = reporting.filter((r) => r.url?.startsWith("https://cybercrime.gov.in"));
    expect(portal.map((r) => r.anonymous).sort()).toEqual(["no", "yes"]);
  });

  it("every country has an emergency and a crisis line, and 'other' falls back to findahelpline.com", () => {
    for (const id of CountryId.options) {
      expect(country(id).emergency.length, id).toBeGreaterThan(0);
      expect(country(id).crisis.length, id).toBeGreaterThan(0);
    }
    expect(country("other").emergency.map((id) => line(id).url)).toContain("https://findahelpline.com");
  });

  it("the crisis screen does not list the same line twice (a directory may stand for both where no number is known)", () => {
    for (const id of CountryId.options) {
      const { emergency, crisis } = country(id);
      expect(new Set(emergency).size, id).toBe(emergency.length);
      expect(new Set(crisis).size, id).toBe(crisis.length);
      for (const shared of emergency.filter((l) => crisis.includes(l))) expect(line(shared).kind, `${id}: ${shared}`).toBe("directory");
    }
  });
});

describe("flows: crisis, emergency and danger lines (content-facts-2 F)", () => {
  /** Phones (or the link, for a directory) on the crisis screen, emergency first. */
  const contacts = (ids: readonly string[]) => ids.map((id) => line(id).phone ?? line(id).url);

  it.each([
    ["in", ["112"], ["14416"]],
    ["gb", ["999"], ["116 123"]],
    ["us", ["911"], ["988"]],
    ["ca", ["911"], ["9-8-8"]],
    ["au", ["000"], ["13 11 14"]],
    ["pk", ["15", "1122"], ["0311-7786264"]],
    ["bd", ["999"], ["https://findahelpline.com"]],
    ["np", ["100"], ["https://findahelpline.com"]],
    ["other", ["https://findahelpline.com"], ["https://findahelpline.com"]],
  ] as const)("%s: the emergency number, then the crisis line the facts support", (id, emergency, crisis) => {
    expect(contacts(country(id).emergency)).toEqual(emergency);
    expect(contacts(country(id).crisis)).toEqual(crisis);
  });

  it("every country has an emergency line, each with a source and the date checked", () => {
    for (const id of CountryId.options) {
      expect(country(id).emergency.length, id).toBeGreaterThan(0);
      for (const l of country(id).emergency) {
        expect(line(l).source, l).toMatch(/^https?:\/\//);
        expect(line(l).checked, l).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("every crisis line is a sourced crisis line open 24/7; a directory only where no verified 24/7 line exists", () => {
    for (const id of CountryId.options) {
      const { crisis, support } = country(id);
      for (const l of crisis.map(line)) {
        expect(l.source, l.id).toMatch(/^https?:\/\//);
        expect(l.checked, l.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (l.kind === "directory") {
          // The directory stands alone, and no 24/7 mental-health line is known for the country.
          expect(crisis, `${id}: ${l.id}`).toEqual([l.id]);
          expect(support.map(line).filter((s) => s.kind === "mental-health" && s.always).map((s) => s.id), id).toEqual([]);
        } else {
          expect(l.always, `${id}: ${l.id}`).toBe(true);
          // Not the weekday image-abuse helpline, a tipline or a 9-to-5 line: someone to talk to now.
          expect(l.kind, `${id}: ${l.id}`).toBe("mental-health");
        }
      }
    }
  });

  it("lines with limited hours or an unverified number are not on crisis lists", () => {
    const onCrisis = new Set(CountryId.options.flatMap((id) => country(id).crisis));
    for (const id of ["gb-rph", "pk-drf", "np-1166", "rph-outside-uk"]) expect(onCrisis.has(id), id).toBe(false);
    // The CCRI number is seen only in third-party lists (content-facts 4.4, 8.12): never shown.
    expect(content.helplines.map((h) => h.phone)).not.toContain("844-878-2274");
  });

  it("India's danger screen adds 181 and Childline 1098 and has silent ways to reach 112; other lists are women's or violence lines", () => {
    expect(country("in").danger.map((id) => line(id).phone)).toEqual(["181", "1098"]);
    expect(country("in").silent).toBe(true);
    expect(country("bd").danger.map((id) => line(id).phone)).toEqual(["109"]);
    for (const id of CountryId.options) {
      for (const l of country(id).danger.map(line)) expect(["women", "child"], `${id}: ${l.id}`).toContain(l.kind);
    }
  });
});

describe("flows: evidence steps", () => {
  it("never asks an under-18 to capture or keep the image itself", () => {
    const minorSteps = content.evidence.filter((s) => s.ages.includes("minor"));
    expect(minorSteps.length).toBeGreaterThan(0);
    for (const step of minorSteps) expect(step.capturesImage, step.id).toBe(false);
  });

  it("every incident has 5 to 7 steps for adults and for under-18s", () => {
    for (const incident of IncidentId.options) {
      for (const age of AgeGroup.options) {
        const n = stepsFor(incident, age).length;
        expect(n, `${incident} (${age})`).toBeGreaterThanOrEqual(5);
        expect(n, `${incident} (${age})`).toBeLessThanOrEqual(7);
      }
    }
  });

  it("under-18s are told to tell a trusted adult and to report the link instead of keeping the image", () => {
    for (const incident of IncidentId.options) {
      const ids = stepsFor(incident, "minor").map((s) => s.id);
      expect(ids, incident).toContain("tell-adult");
    }
    expect(stepsFor("sextortion", "minor").map((s) => s.id)).toContain("report-link");
  });

  it("sextortion keeps the chat and the payment demands", () => {
    const ids = stepsFor("sextortion", "adult").map((s) => s.id);
    expect(ids).toContain("keep-chats");
    expect(ids).toContain("payment-demands");
  });
});

describe("flows: takedown", () => {
  it("adults get StopNCII and under-18s get Take It Down, whatever the platform", () => {
    expect(content.takedownExtras.adult).toContain("stopncii");
    expect(content.takedownExtras.minor).toContain("take-it-down");
    expect(content.takedownExtras.minor).not.toContain("stopncii");
  });

  it("every platform has at least one route", () => {
    for (const id of PlatformId.options) {
      expect(content.platforms.find((p) => p.id === id)?.routes.length, id).toBeGreaterThan(0);
    }
  });
});

describe("flows: every fact carries its source and date", () => {
  const copies: string[] = [];
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of flows/ with routes[0] missing one field. */
  function copyWithout(field: "source" | "checked"): string {
    const dir = mkdtempSync(join(tmpdir(), "nyf-flows-"));
    copies.push(dir);
    cpSync(flowsDir, dir, { recursive: true });
    const path = join(dir, "routes.yaml");
    const data = parse(readFileSync(path, "utf8")) as { routes: Record<string, unknown>[] };
    delete data.routes[0]![field];
    writeFileSync(path, stringify(data));
    return dir;
  }

  it.each(["source", "checked"] as const)("a route without %s is rejected, naming the file and the field", (field) => {
    const dir = copyWithout(field);
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(new RegExp(`routes\\.yaml: routes\\.0\\.${field}:`));
  });

  it("every sourced entry in the real flows has a source and the date checked", () => {
    for (const entry of [...content.routes, ...content.helplines, ...content.laws, ...content.evidence]) {
      expect(entry.source, entry.id).toMatch(/^https?:\/\//);
      expect(entry.checked, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("content text in locales/<lang>.ftl", () => {
  const resources = Object.fromEntries(
    LANGS.map((lang) => [lang, new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8"))]),
  ) as Record<(typeof LANGS)[number], FluentResource>;
  const keysOf = (lang: (typeof LANGS)[number]) => resources[lang].body.map((m) => m.id);

  /** Every key the screens ask for, from the ids in flows/. */
  const expected = [
    ...content.incidents.flatMap((i) => [`incident-${i.id}`, `reassure-${i.id}`]),
    ...content.platforms.map((p) => `platform-${p.id}`),
    ...content.countries.map((c) => `country-${c.id}`),
    ...content.evidence.flatMap((e) => [`evidence-${e.id}`, `evidence-${e.id}-why`]),
    ...content.routes.flatMap((r) => [`route-${r.id}`, `route-${r.id}-how`, `route-${r.id}-asks`]),
    ...content.helplines.flatMap((h) => [`line-${h.id}`, `line-${h.id}-about`]),
    ...content.laws.map((l) => `law-${l.id}`),
  ].sort();

  /** Screen keys that share a content prefix but belong to no id. */
  const screenKeys = new Set([
    "evidence-progress", "route-entry", "route-entry-plain", "platform-toggle", "incident-question", "incident-question-helper", "country-question",
    // Reassurance by role and for images that may show a child, not by incident.
    "reassure-helper", "reassure-bystander", "reassure-child-images", "reassure-danger",
  ]);
  const contentPrefix = /^(incident|reassure|platform|country|evidence|route|line|law)-/;

  it.each(LANGS)("%s has text for every content id, and no text for ids that don't exist", (lang) => {
    const keys = keysOf(lang);
    expect(expected.filter((k) => !keys.includes(k))).toEqual([]);
    const orphans = keys.filter((k) => contentPrefix.test(k) && !screenKeys.has(k) && !expected.includes(k) && !k.startsWith("reassure-minor") && k !== "reassure-next");
    expect(orphans).toEqual([]);
  });

  it.each(LANGS)("%s: every message formats without errors and stays short", (lang) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    expect(bundle.addResource(resources[lang])).toEqual([]);
    for (const id of expected) {
      const errors: Error[] = [];
      // Incident labels select on who is talking (the person, or someone helping her).
      const text = bundle.formatPattern(bundle.getMessage(id)!.value!, id.startsWith("incident-") ? { who: "self" } : undefined, errors);
      expect(errors, id).toEqual([]);
      expect(text.trim().length, id).toBeGreaterThan(0);
      expect(text.length, id).toBeLessThanOrEqual(350);
      if (id.startsWith("incident-")) expect(text.length, id).toBeLessThanOrEqual(30);
    }
  });

  it.each(LANGS)("%s: a line's or route's own number and link are not repeated in its text", (lang) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(resources[lang]);
    const say = (id: string) => bundle.formatPattern(bundle.getMessage(id)!.value!);
    for (const entry of [...content.helplines, ...content.routes]) {
      const prefix = "kind" in entry ? "line" : "route";
      const words = [`${prefix}-${entry.id}`, ...(prefix === "line" ? ["about"] : ["how", "asks"]).map((s) => `${prefix}-${entry.id}-${s}`)]
        .map(say)
        .join(" ");
      // The number as a whole, not inside a longer one (Lifeline's text number 0477 13 11 14 holds 13 11 14).
      if (entry.phone) expect(words, entry.id).not.toMatch(new RegExp(`(?<!\\d[ -]?)${escapeRegExp(entry.phone)}(?![ -]?\\d)`));
      if (entry.url) expect(words, entry.id).not.toContain(entry.url);
    }
  });

  /**
   * What a line's text may claim, per language: each claim only when the data says so (the flag
   * comes from a source). Saying less than the data is fine; saying more fails.
   */
  const CLAIMS = {
    free: { en: /\b(toll-)?free\b|no cost/i, hi: /मुफ़्त|मुफ्त|निःशुल्क|नि:शुल्क|फ़्री|फ्री/ },
    always: { en: /24\s*\/\s*7|24\s*x\s*7|24[ -]hours?|round the clock|day and night|any time|anytime/i, hi: /24\s*\/\s*7|24\s*x\s*7|24 घंटे|चौबीसों|दिन-रात|दिन हो या रात/ },
    text: { en: /\btext(s|ing)?\b|\bSMS\b|\bWhatsApp\b/i, hi: /मैसेज|टेक्स्ट|SMS|एसएमएस|WhatsApp|व्हाट्सऐप/ },
    anonymous: { en: /anonym|without (giving |saying )?your name|don't have to (say|give) (who you are|your name)/i, hi: /गुमनाम|बिना नाम|पहचान बताना ज़रूरी नहीं|पहचान बताए बिना/ },
  } as const;

  it.each(LANGS)("%s: a line's text claims free, 24/7, texting or anonymity only when its data says so", (lang) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(resources[lang]);
    const say = (id: string) => bundle.formatPattern(bundle.getMessage(id)!.value!);
    const claims: string[] = [];
    for (const h of content.helplines) {
      const words = `${say(`line-${h.id}`)} ${say(`line-${h.id}-about`)}`;
      for (const [flag, patterns] of Object.entries(CLAIMS) as [keyof typeof CLAIMS, (typeof CLAIMS)[keyof typeof CLAIMS]][]) {
        if (!h[flag] && patterns[lang].test(words)) claims.push(`${h.id} says "${flag}": ${words}`);
      }
    }
    expect(claims).toEqual([]);
  });

  it("the claim check catches a text that says more than its data", () => {
    const unflagged = content.helplines.find((h) => !h.free && !h.always && !h.text && !h.anonymous)!;
    expect(unflagged).toBeDefined();
    for (const [flag, patterns] of Object.entries(CLAIMS)) {
      const sample = { free: ["Free to call.", "कॉल मुफ़्त है।"], always: ["Open 24/7.", "24 घंटे खुली।"], text: ["Or text us.", "मैसेज भी करें।"], anonymous: ["Anonymous.", "गुमनाम।"] }[flag]!;
      expect(patterns.en.test(sample[0]!), flag).toBe(true);
      expect(patterns.hi.test(sample[1]!), flag).toBe(true);
    }
  });
});

describe("flows: laws for children (POCSO, IT Act 67B; content-facts-2 E)", () => {
  const say = (lang: (typeof LANGS)[number], id: string) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8")));
    return bundle.formatPattern(bundle.getMessage(id)!.value!);
  };
  const childLaws = ["pocso-11-12", "pocso-13-14", "pocso-15", "it-67b"];

  it("POCSO and 67B are shown only on the under-18 path, with a source", () => {
    for (const id of childLaws) {
      const law = content.laws.find((l) => l.id === id);
      expect(law, id).toBeDefined();
      expect(law!.ages, id).toEqual(["minor"]);
      expect(law!.source, id).toMatch(/^https?:\/\//);
    }
  });

  it("every incident where images may show someone under 18 lists POCSO 15 and 67B; threats and stalking list POCSO 11", () => {
    for (const incident of ["shared", "sextortion", "hidden-camera", "morphed", "other"] as const) {
      const laws = content.incidents.find((i) => i.id === incident)!.laws;
      expect(laws, incident).toContain("pocso-15");
      expect(laws, incident).toContain("it-67b");
    }
    for (const incident of ["sextortion", "morphed", "stalking"] as const) {
      expect(content.incidents.find((i) => i.id === incident)!.laws, incident).toContain("pocso-11-12");
    }
  });

  it("section 14 gives the post-2019 minimum, and section 15 gives no figures (its text conflicts, L.6)", () => {
    expect(say("en", "law-pocso-13-14")).toMatch(/at least 5 years/i);
    expect(say("hi", "law-pocso-13-14")).toMatch(/कम से कम 5 साल/);
    expect(say("en", "law-pocso-15")).not.toMatch(/\byears?\b|months?|₹|lakh|rupee/i);
    expect(say("hi", "law-pocso-15")).not.toMatch(/साल तक|साल की|महीने|₹|लाख|रुपये/);
  });

  it.each(LANGS)("%s: words for the person in the images never promise they face no risk (E.9)", (lang) => {
    const promises = lang === "en" ? /not in trouble|won't get in trouble|no risk|can't be punished|will not be punished/i : /मुसीबत में नहीं|कोई ख़तरा नहीं|सज़ा नहीं होगी/;
    for (const id of [...childLaws.map((l) => `law-${l}`), "reassure-minor", "reporting-minor"]) expect(say(lang, id), id).not.toMatch(promises);
  });

  it.each(LANGS)("%s: under-18s are told honestly that a teacher or counsellor must tell the police (s.19), and about Childline 1098", (lang) => {
    for (const id of ["reassure-minor", "reporting-minor"]) {
      const words = say(lang, id);
      expect(words, id).toMatch(lang === "en" ? /must[^.]*police/ : /पुलिस को बताना ही होगा/);
      expect(words, id).toMatch(lang === "en" ? /teacher|counsellor/ : /टीचर|काउंसलर/);
      expect(words, id).toContain("1098");
    }
  });
});

describe("screen words say no more than the lines do", () => {
  const say = (lang: (typeof LANGS)[number], id: string, args?: Record<string, string>) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8")));
    return bundle.formatPattern(bundle.getMessage(id)!.value!, args);
  };
  const FREE = { en: /\bfree\b/i, hi: /मुफ़्त|मुफ्त|निःशुल्क|फ़्री/ } as const;

  it.each(LANGS)("%s: the crisis and helplines intros make no blanket 'free' claim, and the crisis intro stays warm", (lang) => {
    expect(say(lang, "crisis-intro")).not.toMatch(FREE[lang]);
    expect(say(lang, "helplines-intro", { country: "X" })).not.toMatch(FREE[lang]);
    expect(say(lang, "crisis-intro")).toMatch(lang === "en" ? /Thank you for telling me\. You matter/ : /बताने के लिए शुक्रिया/);
  });

  it.each(LANGS)("%s: every country with silent: true has its silent ways; India's are the three in F.1 and no SMS", (lang) => {
    for (const c of content.countries.filter((c) => c.silent)) expect(say(lang, `danger-silent-${c.id}`).length, c.id).toBeGreaterThan(0);
    const india = say(lang, "danger-silent-in");
    expect(india).toContain("112");
    expect(india).toMatch(/\b3\b/);
    expect(india).toMatch(/5[^\n]*9/);
    expect(india).toContain("SOS");
    expect(india).not.toMatch(/SMS|\btext\b|मैसेज|एसएमएस/i);
  });
});

describe("privacy words say what the bot does (src/telegram/quick-exit.ts, src/privacy)", () => {
  const say = (lang: (typeof LANGS)[number], id: string) => {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8")));
    return bundle.formatPattern(bundle.getMessage(id)!.value!, { max: 20 });
  };
  const LOG = { en: /log/, hi: /सबूत-रिकॉर्ड/ } as const;

  it.each(LANGS)("%s: before /exit, people are told it also erases their evidence log", (lang) => {
    for (const id of ["welcome-privacy", "privacy-body", "help-body", "command-exit"]) {
      const exitLine = say(lang, id).split("\n").find((l) => l.includes("/exit") || id === "command-exit");
      expect(exitLine, id).toMatch(LOG[lang]);
    }
    // Telegram's limit for a command description.
    expect(say(lang, "command-exit").length).toBeLessThanOrEqual(256);
    // After: a line that says the log is gone, for the transport to add once the erase succeeded.
    expect(say(lang, "exit-erased")).toMatch(LOG[lang]);
  });

  it.each(LANGS)("%s: the stored code is described honestly (linkable with the server's key, not from the database alone)", (lang) => {
    const body = say(lang, "privacy-body");
    expect(body).not.toMatch(/can't be turned back|वापस नहीं पहुँचा जा सकता/);
    expect(body).toMatch(lang === "en" ? /secret key[^\n]*database alone/ : /गुप्त चाबी[^\n]*डेटाबेस/);
  });

  it.each(LANGS)("%s: people are asked to send pictures as a file, and told a compressed photo's fingerprint is only Telegram's copy", (lang) => {
    for (const id of ["log-ask-file", "privacy-body"]) {
      const words = say(lang, id);
      expect(words, id).toMatch(/📎[^\n]*File/);
      expect(words, id).toMatch(lang === "en" ? /compressed/ : /कंप्रेस/);
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("facts corrected from content-facts-2 (what each route and line says)", () => {
  const bundles = Object.fromEntries(
    LANGS.map((lang) => {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8")));
      return [lang, bundle];
    }),
  ) as Record<(typeof LANGS)[number], FluentBundle>;
  const say = (lang: (typeof LANGS)[number], id: string) => bundles[lang].formatPattern(bundles[lang].getMessage(id)!.value!, {}, []);
  /** A route's name, how and asks, or a line's name and about, in one string. */
  const words = (lang: (typeof LANGS)[number], id: string) =>
    content.routes.some((r) => r.id === id)
      ? ["", "-how", "-asks"].map((s) => say(lang, `route-${id}${s}`)).join(" ")
      : ["", "-about"].map((s) => say(lang, `line-${id}${s}`)).join(" ");
  /** Every message in a language, formatted (with made-up arguments), keyed by id. */
  const everything = (lang: (typeof LANGS)[number]) =>
    new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), "utf8")).body
      .filter((m) => !m.id.startsWith("-"))
      .map((m) => {
        const message = bundles[lang].getMessage(m.id)!;
        return [m.id, message.value ? bundles[lang].formatPattern(message.value, { count: 2, n: 2, max: 20, total: 3, current: 1, sections: 2, done: 1 }, []) : ""] as const;
      });

  it("Canada: adults have their own route, and Cybertip.ca says it is for under-18s only", () => {
    expect(country("ca").reporting).toEqual(["ca-police", "ca-cybertip"]);
    expect(route("ca-police").source).toMatch(/^https?:\/\//);
    expect(words("en", "ca-police")).toMatch(/18 or over/);
    expect(words("hi", "ca-police")).toMatch(/18 या उससे ज़्यादा/);
    expect(say("en", "route-ca-cybertip")).toMatch(/under 18 only/);
    expect(say("en", "route-ca-cybertip-how")).toMatch(/^Only for images of someone under 18/);
    expect(say("hi", "route-ca-cybertip")).toMatch(/सिर्फ़ 18 साल से कम/);
  });

  it.each(LANGS)("%s: Pakistan reports to the NCCIA, not the FIA, and the DRF helpline's hours are given", (lang) => {
    expect(country("pk").reporting).toEqual(["pk-nccia"]);
    expect(content.routes.map((r) => r.id).filter((id) => id.includes("fia"))).toEqual([]);
    expect(say(lang, "route-pk-nccia")).toMatch(/NCCIA/);
    expect(say(lang, "route-pk-nccia")).not.toMatch(/FIA/);
    // The FIA is named only as what the NCCIA replaced.
    expect(say(lang, "route-pk-nccia-how")).toMatch(lang === "en" ? /NCCIA replaced the FIA/ : /NCCIA ने FIA की साइबर क्राइम विंग की जगह ली/);
    for (const text of [say(lang, "line-pk-drf-about"), say(lang, "route-pk-nccia-how")]) expect(text).toMatch(lang === "en" ? /9am to 5pm Pakistan time/ : /पाकिस्तान के समय से सुबह 9 से शाम 5/);
  });

  it.each(LANGS)("%s: cybercrime.gov.in's women/child section is for child sexual material and rape videos, and can't be withdrawn", (lang) => {
    const how = say(lang, "route-ncrp-women-child-how");
    const asks = say(lang, "route-ncrp-women-child-asks");
    expect(how).toMatch(lang === "en" ? /^Only for sexual material involving children[^.]*rape or gang-rape videos/ : /^सिर्फ़ बच्चों \(18 साल से कम\) से जुड़े यौन कंटेंट और बलात्कार/);
    expect(asks).toMatch(lang === "en" ? /can't be withdrawn/ : /वापस नहीं ली जा सकती/);
    // "Report and Track" is an option inside this section (content-facts 1.2), not a route of its own.
    expect(how).toContain('"Report and Track"');
    expect(content.routes.map((r) => r.id)).not.toContain("ncrp-report-track");
    // Adults with other image abuse start at "Report Other Cyber Crime", which can be withdrawn until an FIR.
    expect(country("in").reporting.slice(0, 2)).toEqual(["ncrp-other-cyber", "ncrp-women-child"]);
    expect(words(lang, "ncrp-other-cyber")).toMatch(lang === "en" ? /For adults[\s\S]*withdrawn until it becomes an FIR/ : /बालिगों के लिए[\s\S]*FIR बनने तक इसे वापस लिया जा सकता है/);
    expect(route("ncrp-women-child").anonymous).toBe("yes");
    expect(route("ncrp-other-cyber").anonymous).toBe("no");
  });

  it.each(LANGS)("%s: no text quotes an hour figure for platform deadlines or for finishing a 1930 complaint (A.9, L.1, L.5)", (lang) => {
    const figure =
      lang === "en"
        ? /within (2|24|36|72)[ -]?(h\b|hours?)|\b(2|36|72)[ -]?(h\b|hours?)/i
        : /(2|24|36|72) घंटे (के भीतर|में)|(?<![\d])(2|36|72) घंटे/;
    // "5 hours ago" says how long since she sent a complaint, not a deadline.
    expect(everything(lang).filter(([id, text]) => id !== "since-hours" && figure.test(text)).map(([id]) => id)).toEqual([]);
    // What is true in every version of the rules.
    for (const id of ["route-grievance-officer-how", "reassure-morphed"]) expect(say(lang, id), id).toMatch(lang === "en" ? /act quickly, within hours/ : /जल्दी, कुछ ही घंटों में/);
    expect(say(lang, "route-call-1930-how")).toMatch(lang === "en" ? /as soon as you can, the same day if possible/ : /जितनी जल्दी हो सके[^।]*उसी दिन/);
  });

  it("'All are free' appears nowhere: not in either language, the flows or the README", () => {
    for (const path of [join(localesDir, "en.ftl"), join(localesDir, "hi.ftl"), new URL("../../README.md", import.meta.url).pathname]) {
      expect(readFileSync(path, "utf8"), path).not.toMatch(/all (of them )?are free|सभी (नंबर |लाइनें )?मुफ़्त|सब मुफ़्त/i);
    }
    expect(readFileSync(join(flowsDir, "helplines.yaml"), "utf8")).not.toMatch(/all are free/i);
  });

  it.each(LANGS)("%s: India's support lists NCW's free 14490, One Stop Centres and free legal aid (NALSA 15100, the DLSA)", (lang) => {
    const support = country("in").support;
    expect(line("in-ncw")).toMatchObject({ phone: "14490", free: true, always: true });
    expect(support).toContain("in-ncw");
    expect(support).toContain("in-one-stop-centre");
    expect(support.map((id) => line(id).phone)).toContain("15100");
    expect(line("in-nalsa")).toMatchObject({ phone: "15100", free: true });
    expect(words(lang, "in-nalsa")).toMatch(lang === "en" ? /Every woman and every child is entitled to free legal aid[\s\S]*District Legal Services Authority/ : /हर महिला और हर बच्चे को मुफ़्त कानूनी सहायता का हक़[\s\S]*ज़िला विधिक सेवा प्राधिकरण/);
    expect(words(lang, "in-one-stop-centre")).toMatch(lang === "en" ? /One Stop Centre[\s\S]*legal aid through the District Legal Services Authority/ : /वन स्टॉप सेंटर[\s\S]*(DLSA)/);
    // The NCW's long number is named, never as free.
    expect(say(lang, "line-in-ncw-about")).toContain("7827170170");
  });

  it.each(LANGS)("%s: hidden cameras: what to do on finding one and how to check a room, on every age path", (lang) => {
    for (const age of AgeGroup.options) {
      const ids = stepsFor("hidden-camera", age).map((s) => s.id);
      expect(ids, age).toContain("found-camera");
      expect(ids, age).toContain("check-room");
    }
    for (const id of ["found-camera", "check-room"]) {
      const step = content.evidence.find((s) => s.id === id)!;
      // A photo of the camera is not an image of a person: no step here captures one.
      expect(step.capturesImage, id).toBe(false);
      expect(step.logs, id).not.toBe("file");
      expect(step.incidents, id).toEqual(["hidden-camera"]);
    }
    const found = say(lang, "evidence-found-camera");
    const check = say(lang, "evidence-check-room");
    if (lang === "en") {
      expect(found).toMatch(/don't touch/);
      expect(found).toMatch(/Photograph it/);
      expect(found).toMatch(/don't open or copy what it recorded/);
      expect(found).toMatch(/call the police \(112 in India\)[^.]*\. Tell the management after that/);
      expect(check).toMatch(/torch/);
      expect(check).toMatch(/phone camera[^\n]*glowing dots/);
      expect(check).toMatch(/Mirror/);
      expect(say(lang, "evidence-check-room-why")).toMatch(/not reliable on its own[\s\S]*can miss a camera/);
    } else {
      expect(found).toMatch(/न छुएँ/);
      expect(found).toMatch(/फ़ोटो लें/);
      expect(found).toMatch(/रिकॉर्डिंग न खोलें, न कॉपी करें/);
      expect(found).toMatch(/पुलिस को कॉल करें \(भारत में 112\)। मैनेजमेंट को उसके बाद बताएँ/);
      expect(check).toMatch(/टॉर्च/);
      expect(check).toMatch(/फ़ोन के कैमरे[^\n]*चमकते बिंदु/);
      expect(check).toMatch(/आईना/);
      expect(say(lang, "evidence-check-room-why")).toMatch(/अकेले भरोसेमंद नहीं[\s\S]*चूक भी सकती/);
    }
  });

  it.each(LANGS)("%s: threats to hurt point to 🆘 and the emergency number, with 181 and the police in India", (lang) => {
    for (const id of ["reassure-stalking", "reassure-shared"]) {
      const text = say(lang, id);
      expect(text, id).toContain("🆘");
      expect(text, id).toContain("181");
      expect(text, id).toMatch(lang === "en" ? /If anyone threatens to hurt you[^\n]*emergency number comes first/ : /धमकी दे, तो 🆘[^\n]*सबसे पहले इमरजेंसी नंबर/);
    }
  });

  it.each(LANGS)("%s: police station: e-FIR signed within 3 days, a woman officer for BNS 77-79, a free FIR copy, the SP or a magistrate on refusal", (lang) => {
    const text = words(lang, "police-station");
    const expected =
      lang === "en"
        ? [/e-FIR\) counts only once you sign it, within 3 days/, /free copy of the FIR/, /Superintendent of Police/, /magistrate/, /BNS 77-79\) is recorded by a woman officer/, /keep your evidence before asking platforms to remove anything/]
        : [/e-FIR\) तभी दर्ज मानी जाती है जब आप 3 दिन के भीतर/, /FIR की कॉपी आपको मुफ़्त/, /पुलिस अधीक्षक/, /मजिस्ट्रेट/, /BNS 77-79\)[^।]*महिला अधिकारी/, /हटवाने से पहले सबूत/];
    for (const pattern of expected) expect(text).toMatch(pattern);
  });

  it.each(LANGS)("%s: reporting may come before or after takedown, and evidence is kept before asking for removal", (lang) => {
    const intro = say(lang, "reporting-intro");
    expect(intro).toMatch(lang === "en" ? /before or after takedown[\s\S]*keep your proof before asking platforms to remove anything/ : /हटवाने से पहले या बाद में[\s\S]*हटवाने से पहले सबूत संभालकर रख लें/);
  });

  it.each(LANGS)("%s: StopNCII's partners as the facts give them, and Aylo's duty to NCMEC is Aylo's", (lang) => {
    const how = say(lang, "route-stopncii-how");
    for (const partner of ["Facebook", "Instagram", "Threads", "TikTok", "Snapchat", "Reddit", "Bumble", "OnlyFans", "Pornhub", "Redgifs", "Microsoft Bing"]) expect(how).toContain(partner);
    expect(how).toMatch(lang === "en" ? /Google was not one/ : /Google नहीं/);
    expect(say(lang, "route-aylo-removal-asks")).toMatch(lang === "en" ? /Aylo itself must report it to NCMEC: that isn't your job/ : /NCMEC को रिपोर्ट करना ख़ुद Aylo की ज़िम्मेदारी है, आपकी नहीं/);
  });
});
