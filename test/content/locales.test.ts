import { readFileSync } from "node:fs";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/conversation/machine.js";

const resource = (locale: string) => new FluentResource(readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8"));
const ids = (locale: string) => resource(locale).body.map((m) => m.id);

/** Keys that are the same in every language on purpose. */
const SAME_EVERYWHERE = new Set([
  "language-en",
  "language-hi",
  "language-bn",
  "language-mr",
  "language-te",
  "language-ta",
  "btn-language",
  "contact-line",
  // Evidence-log lines: a number, an icon and what the person typed, nothing to translate.
  "log-item-link",
  "log-item-handle",
  "log-item-date",
  "log-item-money",
  "log-item-note",
]);

describe("locales", () => {
  it("every message in every file parses: Fluent skips a broken entry silently, and the key would show raw", () => {
    for (const locale of LOCALES) {
      const raw = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
      const written = [...raw.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
      const parsed = new Set(ids(locale));
      expect(written.filter((id) => !parsed.has(id)), `${locale}.ftl`).toEqual([]);
    }
  });

  it("every key is in every language (parity), none twice", () => {
    const en = ids("en");
    expect(new Set(en).size).toBe(en.length);
    for (const locale of LOCALES) expect([...ids(locale)].sort()).toEqual([...en].sort());
  });

  it("Hindi is written in Devanagari, not left in English", () => {
    const source = readFileSync(new URL("../../locales/hi.ftl", import.meta.url), "utf8");
    const untranslated = source
      .split("\n")
      .filter((l) => /^[a-z][a-z0-9-]* = /.test(l))
      .filter((l) => !SAME_EVERYWHERE.has(l.split(" = ")[0]!))
      // A plural or select opens on its own line; its variants below are what gets read.
      .filter((l) => !/ = \{ \$[a-z-]+ ->$/.test(l))
      .filter((l) => /[A-Za-z]{4,}/.test(l.split(" = ")[1]!) && !/[\u0900-\u097F]/.test(l) && !/^(platform|country|route|line)-/.test(l));
    expect(untranslated).toEqual([]);
  });

  it.each([
    ["Marathi", "mr", /[\u0900-\u097F]/],
    ["Bengali", "bn", /[\u0980-\u09FF]/],
    ["Telugu", "te", /[\u0C00-\u0C7F]/],
    ["Tamil", "ta", /[\u0B80-\u0BFF]/],
  ])("%s is written in its own script, not left in English", (_, locale, script) => {
    const source = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
    const lines = source.split("\n").filter((l) => /^[a-z][a-z0-9-]* = /.test(l) && !SAME_EVERYWHERE.has(l.split(" = ")[0]!) && !/ = \{ \$[a-z-]+ ->$/.test(l));
    const english = lines.filter((l) => /[A-Za-z]{4,}/.test(l.split(" = ")[1]!) && !script.test(l) && !/^(platform|country|route|line)-/.test(l));
    expect(lines.length).toBeGreaterThan(400);
    // A few lines are names or forms the translators kept in Latin script on purpose (law titles, app labels).
    expect(english.length, english.slice(0, 10).join("\n")).toBeLessThan(lines.length / 50);
  });

  it("a file that says it is not reviewed by a native speaker says so at the top", () => {
    for (const locale of ["bn", "mr", "te", "ta"]) {
      const head = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8").slice(0, 400);
      expect(head).toMatch(/NOT yet reviewed by a native speaker/);
    }
  });

  it("every command has a description in every language", () => {
    for (const locale of LOCALES) {
      for (const command of ["start", "help", "helplines", "language", "privacy", "restart", "exit", "forget"]) {
        expect(ids(locale)).toContain(`command-${command}`);
      }
    }
  });
});
