import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import {
  canonical,
  decodeCsv,
  entryFromSource,
  entryText,
  exportCsv,
  importCsv,
  parseCsv,
  parseLayout,
  rewrite,
  sha256,
  sourceOf,
  summarise,
  writeCsv,
} from "../../src/content/locale-review.js";
import { parseExportArgs, runExport } from "../../scripts/locales-export.js";
import { parseImportArgs, runImport } from "../../scripts/locales-import.js";
import { formatSummaries, languagesIn, parseReviewArgs, readState, reviewSummary, syncAll } from "../../scripts/locales-review.js";

const LOCALES = new URL("../../locales/", import.meta.url).pathname;
const read = (file: string) => readFileSync(join(LOCALES, file), "utf8");
const TRANSLATIONS = ["hi", "bn", "mr", "te", "ta"];

/** A copy of locales/*.ftl (and review/) in a temp dir: the tests write there, never in locales/. */
const dirs: string[] = [];
function tempLocales(): string {
  const dir = mkdtempSync(join(tmpdir(), "locale-review-"));
  dirs.push(dir);
  for (const f of readdirSync(LOCALES).filter((f) => f.endsWith(".ftl"))) copyFileSync(join(LOCALES, f), join(dir, f));
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function exportTo(dir: string, lang: string, file = join(dir, `${lang}.csv`)): string {
  writeFileSync(file, runExport(parseExportArgs(["--lang", lang, "--dir", dir])).csv);
  return file;
}

/** The export's rows as cells (header first), to edit like a reviewer. */
const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.cells.slice());
const edit = (csv: string, key: string, column: number, value: string) => {
  const rows = rowsOf(csv);
  const row = rows.find((r) => r[0] === key);
  if (!row) throw new Error(`no row ${key}`);
  row[column] = value;
  return writeCsv(rows);
};
const TRANSLATION = 3;
const REVIEWED = 4;
const NOTES = 5;

/** The 1-based line of the CSV where a row's translation cell starts. */
const translationLine = (csv: string, key: string) => {
  const row = parseCsv(csv).rows.find((r) => r.cells[0] === key)!;
  return row.cellLines[TRANSLATION]!;
};

function importInto(dir: string, lang: string, csv: string, extra: string[] = []) {
  const file = join(dir, `${lang}-reviewed.csv`);
  writeFileSync(file, csv);
  return runImport(parseImportArgs([file, "--dir", dir, "--by", "AB", "--date", "2026-05-01", ...extra]));
}

describe("the three commands' arguments", () => {
  it("refuse an unknown option, a missing value and a second file, instead of guessing", () => {
    expect(() => parseExportArgs(["--lang", "ta", "--bogus"])).toThrow(/--bogus/);
    expect(() => parseExportArgs(["--lang"])).toThrow(/--lang/);
    expect(() => parseExportArgs([])).toThrow(/--lang is required/);
    expect(() => parseImportArgs(["a.csv", "b.csv"])).toThrow(/one file at a time/);
    expect(() => parseImportArgs(["a.csv", "--by"])).toThrow(/--by/);
    expect(() => parseImportArgs(["a.csv", "--by", " "])).toThrow(/initials or a name/);
    // A review of one language given without its name used to fall back, silently, to every language.
    expect(() => parseReviewArgs(["--lang"])).toThrow(/--lang/);
    expect(parseReviewArgs(["--lang", "ta", "--list"])).toMatchObject({ langs: ["ta"], list: true, sync: false });
    expect(parseImportArgs(["a.csv", "--dry-run"], undefined, "2026-12-01")).toMatchObject({ file: "a.csv", by: "native reviewer", date: "2026-12-01", dryRun: true });
  });
});

describe("locales:export and locales:import round trip (real files)", () => {
  it.each(TRANSLATIONS)("%s: export then import leaves the .ftl byte for byte the same", (lang) => {
    const dir = tempLocales();
    const before = readFileSync(join(dir, `${lang}.ftl`));
    const run = runImport(parseImportArgs([exportTo(dir, lang), "--dir", dir]));
    expect(run.result.ok ? [] : run.result.errors).toEqual([]);
    if (!run.result.ok) return;
    expect(run.result.changed).toEqual([]);
    expect(run.lang).toBe(lang);
    expect(readFileSync(join(dir, `${lang}.ftl`)).equals(before)).toBe(true);
    // Every key has a row, with the screen it is on.
    const rows = rowsOf(readFileSync(join(dir, `${lang}.csv`), "utf8"));
    expect(rows[0]).toEqual(["key", "screen", "english", `translation (${lang})`, "reviewed", "notes", "context"]);
    const keys = new FluentResource(read("en.ftl")).body.map((m) => m.id);
    expect(rows.slice(1).map((r) => r[0])).toEqual(keys);
    expect(rows.slice(1).filter((r) => r[1] === "").map((r) => r[0])).toEqual([]);
  });

  it.each(["en", ...TRANSLATIONS])("%s: every message rebuilt from its cell means the same, and the rebuilt file reads back", (lang) => {
    const en = parseLayout(read("en.ftl"));
    const target = parseLayout(read(`${lang}.ftl`));
    const replacements = new Map(target.entries.map((e) => [e.id, entryFromSource(e.id, sourceOf(target, e))]));
    const rebuilt = new FluentResource(rewrite(en, target, replacements)).body;
    const original = new Map(new FluentResource(read(`${lang}.ftl`)).body.map((m) => [m.id, m]));
    expect(rebuilt.length).toBe(original.size);
    for (const m of rebuilt) expect(canonical(m), m.id).toBe(canonical(original.get(m.id)));
  });

  it("shows multi-line values and choices as written, a value on its own line without its indentation", () => {
    const en = parseLayout(read("en.ftl"));
    expect(sourceOf(en, en.byId.get("notice-item-added")!)).toBe("✓ Added to your evidence log. It now has { $count } { $count ->\n    [one] item\n   *[other] items\n}.");
    expect(sourceOf(en, en.byId.get("route-entry")!)).toBe("{ $name }: { $contact }\n{ $how }\n{ $asks }");
    const rows = rowsOf(exportCsv({ lang: "ta", en, target: parseLayout(read("ta.ftl")), state: { language: "ta", keys: {} } }));
    const screen = (key: string) => rows.find((r) => r[0] === key)![1];
    expect(screen("talk-consent-intro")).toBe("Talk to a counsellor (/talk)");
    expect(screen("law-it-66e")).toBe("Reporting → which laws apply");
    expect(screen("btn-back")).toBe("Buttons on many screens");
    expect(screen("cert-what")).toBe("Section 63 certificate (appendix of the PDF report)");
  });
});

describe("locales:import reads what a spreadsheet saves", () => {
  it("a file saved with CRLF everywhere, a BOM, semicolons and minimal quoting imports unchanged", () => {
    const dir = tempLocales();
    const before = readFileSync(join(dir, "ta.ftl"));
    const csv = readFileSync(exportTo(dir, "ta"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = rowsOf(csv);
    const minimal = (c: string) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const resaved = `\uFEFF${rows.map((r) => r.map(minimal).join(";")).join("\r\n")}\r\n`.replace(/\r?\n/g, "\r\n");
    const run = importInto(dir, "ta", resaved);
    expect(run.result.ok && run.result.changed).toEqual([]);
    expect(readFileSync(join(dir, "ta.ftl")).equals(before)).toBe(true);
  });

  it("a file without a BOM, and one saved as UTF-16, decode; a non-UTF-8 file is refused", () => {
    const text = 'key,translation (ta)\r\n"command-start","தொடங்கு"\r\n';
    expect(decodeCsv(Buffer.from(text, "utf8"))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
    expect(() => decodeCsv(Buffer.from([0x6b, 0x65, 0x79, 0x0a, 0xe9, 0x3f]))).toThrow(/not UTF-8/);
  });

  it("parses RFC 4180: doubled quotes, line breaks inside quotes, and the line each cell starts on", () => {
    const { rows } = parseCsv('a,b\r\n"x ""y""","1\r\n2\n3"\r\nlast,"z"\r\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ['x "y"', "1\n2\n3"],
      ["last", "z"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(rows[1]!.cellLines).toEqual([2, 2]);
  });

  it("a changed translation is written in place; the glossary, comments and every other line stay", () => {
    const dir = tempLocales();
    const before = read("ta.ftl");
    const csv = edit(readFileSync(exportTo(dir, "ta"), "utf8"), "notice-item-added", TRANSLATION, "✓ சேர்க்கப்பட்டது: இப்போது { $count } { $count ->\n    [one] பதிவு\n   *[other] பதிவுகள்\n}.");
    const run = importInto(dir, "ta", csv);
    expect(run.result.ok && run.result.changed).toEqual(["notice-item-added"]);
    const after = readFileSync(join(dir, "ta.ftl"), "utf8");
    const old = parseLayout(before).byId.get("notice-item-added")!;
    const lines = before.split("\n");
    const expected = [...lines.slice(0, old.start), "notice-item-added = ✓ சேர்க்கப்பட்டது: இப்போது { $count } { $count ->", "    [one] பதிவு", "   *[other] பதிவுகள்", "}.", ...lines.slice(old.end)].join("\n");
    expect(after).toBe(expected);
    expect(after.startsWith("## Not Your Fault — Tamil")).toBe(true);
  });

  it("a value whose lines a spreadsheet left at column 0 is indented back", () => {
    const dir = tempLocales();
    const csv = edit(readFileSync(exportTo(dir, "ta"), "utf8"), "route-entry", TRANSLATION, "{ $name }: { $contact }\r\n{ $asks }\r\n{ $how }");
    const run = importInto(dir, "ta", csv);
    expect(run.result.ok).toBe(true);
    const after = readFileSync(join(dir, "ta.ftl"), "utf8");
    expect(after).toContain("route-entry = { $name }: { $contact }\n    { $asks }\n    { $how }\n");
  });

  it("a key the language lacks goes in after the key before it in en.ftl", () => {
    const dir = tempLocales();
    const ta = read("ta.ftl");
    const entry = parseLayout(ta).byId.get("btn-skip")!;
    const lines = ta.split("\n");
    writeFileSync(join(dir, "ta.ftl"), [...lines.slice(0, entry.start), ...lines.slice(entry.end)].join("\n"));
    const csv = readFileSync(exportTo(dir, "ta"), "utf8");
    expect(rowsOf(csv).find((r) => r[0] === "btn-skip")![TRANSLATION]).toBe("");
    expect(summarise("ta", { en: parseLayout(read("en.ftl")), target: parseLayout(readFileSync(join(dir, "ta.ftl"), "utf8")) }, { language: "ta", keys: {} }).missing).toBe(1);
    const run = importInto(dir, "ta", edit(csv, "btn-skip", TRANSLATION, "தவிர் →"));
    expect(run.result.ok).toBe(true);
    const after = readFileSync(join(dir, "ta.ftl"), "utf8").split("\n");
    const at = after.indexOf("btn-skip = தவிர் →");
    expect(after[at - 1]).toMatch(/^btn-back = /);
    expect(after[at + 1]).toMatch(/^btn-next = /);
  });
});

describe("locales:import refuses broken Fluent and names the line, writing nothing", () => {
  function refused(csv: string) {
    const dir = tempLocales();
    const ftl = readFileSync(join(dir, "ta.ftl"));
    const run = importInto(dir, "ta", csv);
    expect(run.result.ok).toBe(false);
    expect(run.written).toEqual([]);
    expect(readFileSync(join(dir, "ta.ftl")).equals(ftl)).toBe(true);
    expect(readdirSync(dir)).not.toContain("review");
    return run.result.ok ? [] : run.result.errors;
  }
  const exported = () => exportCsv({ lang: "ta", en: parseLayout(read("en.ftl")), target: parseLayout(read("ta.ftl")), state: { language: "ta", keys: {} } });

  it("an unclosed placeable { $n", () => {
    const csv = edit(exported(), "notice-log-full", TRANSLATION, "உங்கள் பட்டியல் நிறைந்துவிட்டது: அதிகபட்சம் { $max");
    expect(refused(csv)).toEqual([`line ${translationLine(csv, "notice-log-full")} (notice-log-full): this { is never closed: a placeable is { $name }`]);
  });

  it("the broken line of a multi-line value, and every broken row at once", () => {
    let csv = edit(exported(), "notice-file-added", TRANSLATION, "✓ சேர்க்கப்பட்டது:\nSHA-256 { $sha256 } ({ $size )\nஃபைல் வைக்கப்படவில்லை.");
    csv = edit(csv, "btn-back", TRANSLATION, "← பின்செல் }");
    const errors = refused(csv);
    expect(errors).toEqual([
      `line ${translationLine(csv, "btn-back")} (btn-back): a } closes nothing: a placeable is { $name }, with one { before it`,
      `line ${translationLine(csv, "notice-file-added") + 1} (notice-file-added): this { is not closed before ")": a placeable is { $name } and nothing else`,
    ]);
  });

  it("a missing variable, and one the English does not have", () => {
    let csv = edit(exported(), "notice-file-too-big", TRANSLATION, "அந்த ஃபைல் மிகப் பெரியது.");
    csv = edit(csv, "btn-back", TRANSLATION, "← { $where }");
    const errors = refused(csv);
    expect(errors).toContainEqual(`line ${translationLine(csv, "notice-file-too-big")} (notice-file-too-big): leaves out { $max }, which the English shows: keep it, as written`);
    expect(errors).toContainEqual(`line ${translationLine(csv, "btn-back")} (btn-back): uses { $where }, which the English does not have (the English has none): it would fail when shown`);
  });

  it("a variable the English uses only to choose a variant may be left out", () => {
    const en = parseLayout(read("en.ftl"));
    const selectorOnly = en.entries.find((e) => /^\{ \$(\w+) ->/.test(sourceOf(en, e)) && !/\{ \$\w+ \}/.test(sourceOf(en, e)))!;
    const variable = /\$(\w+)/.exec(sourceOf(en, selectorOnly))![1]!;
    const dir = tempLocales();
    const run = importInto(dir, "ta", edit(exported(), selectorOnly.id, TRANSLATION, "ஒரே வாசகம்"));
    expect(run.result.ok, `${selectorOnly.id} selects on $${variable}`).toBe(true);
  });

  it("choices without a default, a plural form the language lacks, a name the English does not choose from", () => {
    let csv = edit(exported(), "notice-item-added", TRANSLATION, "சேர்க்கப்பட்டது: { $count } { $count ->\n    [one] பதிவு\n    [other] பதிவுகள்\n}.");
    csv = edit(csv, "notice-log-full", TRANSLATION, "நிறைந்தது: { $max } { $max ->\n    [few] பதிவு\n   *[other] பதிவுகள்\n}.");
    const errors = refused(csv);
    expect(errors).toEqual([
      `line ${translationLine(csv, "notice-item-added")} (notice-item-added): the choices opened here have no default: mark one with *, as in *[other]`,
      `line ${translationLine(csv, "notice-log-full")} (notice-log-full): [few] is not a plural form in Tamil (one, other, or a number like [0])`,
    ]);
  });

  it("unknown and repeated keys, an empty translation, a reviewed value it can't read", () => {
    const rows = rowsOf(exported());
    rows.push(["no-such-key", "", "", "x", "no", "", ""]);
    rows.push([...rows[1]!]);
    rows[2]![TRANSLATION] = "";
    rows[3]![REVIEWED] = "maybe";
    const errors = refused(writeCsv(rows));
    expect(errors).toHaveLength(4);
    expect(errors.some((e) => /\(no-such-key\): "no-such-key" is not a key in en\.ftl/.test(e))).toBe(true);
    expect(errors.some((e) => /\(command-start\): the key is also on line 2/.test(e))).toBe(true);
    expect(errors.some((e) => /the translation is empty/.test(e))).toBe(true);
    expect(errors.some((e) => /"maybe" in the reviewed column/.test(e))).toBe(true);
  });

  it("a file for another language", () => {
    const csv = exportCsv({ lang: "bn", en: parseLayout(read("en.ftl")), target: parseLayout(read("bn.ftl")), state: { language: "bn", keys: {} } });
    const result = importCsv({ lang: "ta", en: parseLayout(read("en.ftl")), target: parseLayout(read("ta.ftl")), state: { language: "ta", keys: {} }, csv, by: "AB", date: "2026-05-01" });
    expect(result.ok || result.errors).toEqual(['line 1: this file\'s translations are for "bn", not "ta"']);
  });
});

describe("review state", () => {
  it("a row marked reviewed lands in locales/review/<lang>.json with who, when and the English's hash; a changed English makes it stale", () => {
    const dir = tempLocales();
    let csv = readFileSync(exportTo(dir, "ta"), "utf8");
    csv = edit(csv, "btn-back", REVIEWED, "yes");
    csv = edit(csv, "btn-next", REVIEWED, "Yes");
    csv = edit(csv, "btn-next", NOTES, "சரி");
    const run = importInto(dir, "ta", csv);
    expect(run.result.ok && run.result.markedReviewed).toEqual(["btn-back", "btn-next"]);
    const en = parseLayout(readFileSync(join(dir, "en.ftl"), "utf8"));
    const ta = parseLayout(readFileSync(join(dir, "ta.ftl"), "utf8"));
    const state = readState(dir, "ta");
    expect(state.keys["btn-back"]).toEqual({
      reviewed: true,
      by: "AB",
      at: "2026-05-01",
      enHash: sha256("← Back"),
      textHash: sha256(sourceOf(ta, ta.byId.get("btn-back")!)),
    });
    expect(state.keys["btn-back"]!.enHash).toMatch(/^[0-9a-f]{64}$/);
    expect(state.keys["btn-next"]!.note).toBe("சரி");
    expect(state.keys["btn-skip"]).toEqual({ reviewed: false });
    expect(Object.keys(state.keys)).toEqual(en.entries.map((e) => e.id));
    let summary = reviewSummary(dir, "ta");
    expect([summary.reviewed, summary.stale, summary.unreviewed]).toEqual([2, 0, summary.total - 2]);

    // The English of btn-back changes: its review is stale, and counts as not reviewed.
    const enText = readFileSync(join(dir, "en.ftl"), "utf8");
    writeFileSync(join(dir, "en.ftl"), enText.replace("btn-back = ← Back\n", "btn-back = ← Go back\n"));
    summary = reviewSummary(dir, "ta");
    expect([summary.reviewed, summary.stale]).toEqual([1, 1]);
    expect(summary.keys.find((k) => k.key === "btn-back")).toEqual({ key: "btn-back", status: "stale", why: "the English changed since the review" });
    // The export says so, and a fresh "yes" reviews it again.
    csv = readFileSync(exportTo(dir, "ta"), "utf8");
    const row = rowsOf(csv).find((r) => r[0] === "btn-back")!;
    expect(row[REVIEWED]).toBe("stale");
    expect(row[6]).toMatch(/^Stale: the English changed since the review\./);
    expect(importInto(dir, "ta", edit(csv, "btn-back", REVIEWED, "yes")).result.ok).toBe(true);
    expect(reviewSummary(dir, "ta").reviewed).toBe(2);

    // Someone edits the Tamil without a review: stale again.
    const taText = readFileSync(join(dir, "ta.ftl"), "utf8");
    writeFileSync(join(dir, "ta.ftl"), taText.replace(/^btn-next = .*$/m, "btn-next = அடுத்து →→"));
    expect(reviewSummary(dir, "ta").keys.find((k) => k.key === "btn-next")!.why).toBe("the translation changed since the review");
  });

  it("an export older than a change to the English imports, but its reviews stay stale", () => {
    const dir = tempLocales();
    const csv = edit(readFileSync(exportTo(dir, "ta"), "utf8"), "btn-back", REVIEWED, "yes");
    writeFileSync(join(dir, "en.ftl"), readFileSync(join(dir, "en.ftl"), "utf8").replace("btn-back = ← Back\n", "btn-back = ← Go back\n"));
    const run = importInto(dir, "ta", csv);
    expect(run.result.ok && run.result.warnings).toEqual([expect.stringMatching(/btn-back.*English changed after this file was exported/)]);
    expect(reviewSummary(dir, "ta").keys.find((k) => k.key === "btn-back")!.status).toBe("stale");
  });

  it("the listing counts per language, and --sync writes every key unreviewed", () => {
    const dir = tempLocales();
    expect(languagesIn(dir)).toEqual(["hi", "bn", "mr", "ta", "te"]);
    const written = syncAll(dir);
    expect(written).toHaveLength(5);
    expect(syncAll(dir)).toEqual([]);
    const total = new FluentResource(read("en.ftl")).body.length;
    for (const lang of languagesIn(dir)) expect(Object.values(readState(dir, lang).keys).filter((k) => !k.reviewed)).toHaveLength(total);
    importInto(dir, "ta", edit(readFileSync(exportTo(dir, "ta"), "utf8"), "btn-back", REVIEWED, "yes"));
    const text = formatSummaries(
      languagesIn(dir).map((l) => reviewSummary(dir, l)),
      true,
    );
    expect(text).toContain(`Tamil (ta)    ${String(total).padStart(5)}         1  ${String(total - 1).padStart(10)}      0        0`);
    expect(text).toContain(`Tamil: partly reviewed (1 of ${total} keys).`);
    expect(text).toContain("Bengali: NOT reviewed by a native speaker.");
    expect(text).toMatch(/Tamil \(ta\): \d+ not reviewed\n {2}unreviewed command-start/);
    const tamil = text.slice(text.indexOf("Tamil (ta): "), text.indexOf("Telugu (te): "));
    expect(tamil).toContain("unreviewed btn-next");
    expect(tamil).not.toMatch(/ btn-back$/m);
  });

  it("the real review files read, for every translation, and name only keys of en.ftl", () => {
    const keys = new Set(new FluentResource(read("en.ftl")).body.map((m) => m.id));
    for (const lang of TRANSLATIONS) {
      const s = reviewSummary(LOCALES, lang);
      expect(s.total).toBe(keys.size);
      expect(s.reviewed + s.unreviewed + s.stale + s.missing).toBe(s.total);
      expect(Object.keys(readState(LOCALES, lang).keys).filter((k) => !keys.has(k)), lang).toEqual([]);
    }
  });

  it("export --unreviewed leaves out reviewed keys", () => {
    const dir = tempLocales();
    importInto(dir, "ta", edit(readFileSync(exportTo(dir, "ta"), "utf8"), "btn-back", REVIEWED, "yes"));
    const csv = runExport(parseExportArgs(["--lang", "ta", "--dir", dir, "--unreviewed"])).csv;
    const keys = rowsOf(csv).map((r) => r[0]);
    expect(keys).not.toContain("btn-back");
    expect(keys).toContain("btn-next");
    expect(entryText(parseLayout(read("en.ftl")), parseLayout(read("en.ftl")).byId.get("btn-back")!)).toBe("btn-back = ← Back");
  });
});
