import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parse } from "yaml";
import type { CrisisMatch } from "../../src/conversation/crisis-detector.js";

/** The floors one development set must stay at, per language: recall, false alarms, kind right. */
export type Floors = Record<string, { recall: number; alarms: number; kind: number }>;

interface Case {
  lang: string;
  expect: "self" | "danger" | "none";
  text: string;
}

/**
 * Holds a development set (test/fixtures/crisis/<file>) to its floors with `detect`, naming the
 * misses and false alarms when it fails. Never give it a held-out set: those are only measured.
 */
export function checkSet(detect: (text: string) => CrisisMatch | undefined, file: string, floors: Floors): void {
  if (file.startsWith("held-out")) throw new Error("held-out sets are measured, never tested against");
  const { cases } = parse(readFileSync(new URL(`../fixtures/crisis/${file}`, import.meta.url), "utf8")) as { cases: Case[] };
  for (const [lang, floor] of Object.entries(floors)) {
    const mine = cases.filter((c) => c.lang === lang);
    const crises = mine.filter((c) => c.expect !== "none");
    const everyday = mine.filter((c) => c.expect === "none");
    const found = crises.filter((c) => detect(c.text) !== undefined);
    const alarms = everyday.filter((c) => detect(c.text) !== undefined);
    expect(found.length / crises.length, `${lang} recall; missed: ${crises.filter((c) => !found.includes(c)).map((c) => c.text).join(" | ")}`).toBeGreaterThanOrEqual(floor.recall);
    expect(alarms.length / everyday.length, `${lang} false alarms: ${alarms.map((c) => c.text).join(" | ")}`).toBeLessThanOrEqual(floor.alarms);
    const rightKind = found.filter((c) => detect(c.text)?.kind === c.expect);
    expect(rightKind.length / found.length, `${lang} kind`).toBeGreaterThanOrEqual(floor.kind);
  }
}
