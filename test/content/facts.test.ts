import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { FLOWS_DIR, collectFacts, factsReport, flagOf, formatReport, parseArgs } from "../../scripts/facts.js";

/** `npm run facts` on the real flows/: the editor's list of facts to re-check. */
const facts = collectFacts(FLOWS_DIR);
const content = loadContent(FLOWS_DIR);

describe("npm run facts (scripts/facts.ts)", () => {
  it("finds every sourced entry in flows/, counted per file", () => {
    const report = factsReport(facts, { days: 180, today: "2026-12-01" });
    const count = (file: string) => report.perFile.find((p) => p.file === file)?.facts;
    expect(count("routes.yaml")).toBe(content.routes.length);
    expect(count("helplines.yaml")).toBe(content.helplines.length);
    expect(count("laws.yaml")).toBe(content.laws.length);
    expect(count("evidence.yaml")).toBe(content.evidence.length);
    // Each platform's India grievance contact (content-facts-2 §B) is a fact of its own.
    expect(count("platforms.yaml")).toBe(content.platforms.length);
    // Files without sources (countries, incidents, crisis terms) have no row.
    expect(report.perFile.map((p) => p.file).sort()).toEqual(["evidence.yaml", "helplines.yaml", "laws.yaml", "platforms.yaml", "routes.yaml"]);
    for (const f of facts) expect(f.checked, `${f.file} ${f.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lists the known unverified and conflicting facts from their notes", () => {
    const report = factsReport(facts, { days: 180, today: "2026-12-01" });
    const kind = (id: string) => report.flagged.find((x) => x.fact.id === id)?.flag.kind;
    // Conflicts between sources (content-facts-2 §L).
    for (const id of ["pk-nccia", "grievance-officer", "call-1930", "police-station", "np-1166", "gac-appeal", "it-67"]) expect(kind(id), id).toBe("conflict");
    // Facts nothing confirms yet.
    for (const id of ["ca-cybertip", "ca-police", "in-nalsa", "bd-kaan-pete-roi", "ncrp-other-cyber", "stopncii", "check-room", "found-camera", "pk-drf"]) {
      expect(kind(id), id).toBe("unverified");
    }
    // A settled fact is not listed.
    expect(kind("take-it-down")).toBeUndefined();
    expect(kind("in-112")).toBeUndefined();
  });

  it("lists facts older than --days, by their checked date", () => {
    expect(factsReport(facts, { days: 180, today: "2026-12-01" }).old).toEqual([]);
    const report = factsReport(facts, { days: 3, today: "2026-12-01" });
    expect(report.cutoff).toBe("2026-11-28");
    expect(report.old.length).toBeGreaterThan(0);
    expect(report.old.every((f) => f.checked < "2026-11-28")).toBe(true);
    expect(facts.filter((f) => f.checked >= "2026-11-28").every((f) => !report.old.includes(f))).toBe(true);
    // A year on, everything is old.
    expect(factsReport(facts, { days: 180, today: "2027-12-01" }).old.length).toBe(facts.length);
  });

  it("prints both lists and a table with counts per file and in total", () => {
    const report = factsReport(facts, { days: 30, today: "2027-01-15" });
    const text = formatReport(report);
    expect(text).toContain("Checked more than 30 days ago (before 2026-12-16)");
    expect(text).toMatch(/Unverified or conflicting, from their notes: \d+ \(\d+ conflicting, \d+ unverified\)/);
    expect(text).toMatch(/routes\.yaml\s+\d+\s+\d+\s+\d+/);
    expect(text).toContain("  routes.yaml  pk-nccia  [conflict:");
    const total = text.split("\n").find((l) => l.startsWith("total"))!;
    expect(total.trim().split(/\s+/).slice(1).map(Number)).toEqual([facts.length, report.old.length, report.flagged.length]);
  });

  it("reads the words in a note that mark it unsettled", () => {
    expect(flagOf("")).toBeUndefined();
    expect(flagOf("3.7 needs no personal information; open worldwide.")).toBeUndefined();
    expect(flagOf("Hours CONFLICT (L.11): 8am-8pm vs 24/7.")).toMatchObject({ kind: "conflict", words: ["CONFLICT"], excerpt: "Hours CONFLICT (L.11): 8am-8pm vs 24/7." });
    expect(flagOf("Secondary. The portal address was not confirmed. Other text.")).toMatchObject({ kind: "unverified", excerpt: "The portal address was not confirmed." });
    expect(flagOf("Verify before launch.")?.kind).toBe("unverified");
  });

  it("takes --days, --today and --dir, and refuses anything else with a usage line", () => {
    const defaults = { days: 180, today: "2026-12-01", dir: FLOWS_DIR };
    expect(parseArgs([], defaults)).toEqual(defaults);
    expect(parseArgs(["--days", "30"], defaults).days).toBe(30);
    expect(parseArgs(["--days=7", "--today", "2027-01-01"], defaults)).toMatchObject({ days: 7, today: "2027-01-01" });
    expect(() => parseArgs(["--days", "soon"], defaults)).toThrow(/whole number[\s\S]*usage: npm run facts/);
    expect(() => parseArgs(["--today", "01/12/2026"], defaults)).toThrow(/YYYY-MM-DD/);
    expect(() => parseArgs(["--verbose"], defaults)).toThrow(/unknown option --verbose/);
    expect(() => parseArgs(["--days"], defaults)).toThrow(/needs a value/);
  });
});
