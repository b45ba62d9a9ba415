/**
 * `npm run locales:import -- <file.csv> [--lang ta] [--by AB] [--date 2026-05-01] [--dry-run] [--dir locales]`:
 * reads a reviewed export back (as any spreadsheet saves it: with or without a BOM, CRLF or LF,
 * , ; or tab, any quoting). Each row's translation must be a Fluent message that keeps the English's
 * variables, closes its { } placeables and gives its choices a default; the key must be in en.ftl.
 * If any row is wrong, nothing is written and every problem is listed as "line N (key): why", N
 * being the line of the CSV file. Otherwise locales/<lang>.ftl gets the changed messages (comments,
 * glossary and order kept; an unchanged file stays byte for byte the same) and
 * locales/review/<lang>.json records the rows marked reviewed (by, date, sha256 of the English
 * and of the translation). The language is read from the "translation (ta)" column or --lang.
 * See docs/reviewing-translations.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { CsvError, decodeCsv, headerLanguage, importCsv, parseCsv, parseLayout, type ImportResult } from "../src/content/locale-review.js";
import { LOCALES_DIR, readState, writeState } from "./locales-review.js";

export interface ImportArgs {
  file: string;
  lang?: string;
  by: string;
  date: string;
  dryRun: boolean;
  dir: string;
}

export function parseImportArgs(argv: readonly string[], dir = LOCALES_DIR, today = new Date().toISOString().slice(0, 10)): ImportArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      by: { type: "string", default: "native reviewer" },
      date: { type: "string", default: today },
      dir: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  if (positionals.length > 1) throw new Error(`one file at a time (got ${positionals.join(" and ")})`);
  const [file] = positionals;
  const { lang, date } = values;
  const by = values.by.trim();
  const dryRun = values["dry-run"];
  if (values.dir !== undefined) dir = resolve(values.dir);
  if (!file) throw new Error("which file? npm run locales:import -- translations-ta.csv");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`--date ${date}: write it as YYYY-MM-DD`);
  if (by === "") throw new Error("--by needs initials or a name");
  return { file, lang, by, date, dryRun, dir };
}

export interface ImportRun {
  lang: string;
  result: ImportResult;
  /** Files written (none on a dry run or a refusal). */
  written: string[];
}

export function runImport(args: ImportArgs): ImportRun {
  const csv = decodeCsv(readFileSync(args.file));
  const head = parseCsv(csv).rows[0];
  const named = head ? head.cells.map(headerLanguage).find((l) => l !== undefined) : undefined;
  const lang = args.lang ?? named;
  if (!lang) throw new CsvError('which language? The translation column does not name it (as in "translation (ta)"): add --lang ta');
  if (lang === "en") throw new CsvError("en is the source language; edit locales/en.ftl itself");
  const ftlPath = join(args.dir, `${lang}.ftl`);
  if (!existsSync(ftlPath)) throw new CsvError(`no ${ftlPath}`);
  const before = readFileSync(ftlPath, "utf8");
  const en = parseLayout(readFileSync(join(args.dir, "en.ftl"), "utf8"));
  const result = importCsv({ lang, en, target: parseLayout(before), state: readState(args.dir, lang), csv, by: args.by, date: args.date });
  const written: string[] = [];
  if (result.ok && !args.dryRun) {
    if (result.ftl !== before) {
      writeFileSync(ftlPath, result.ftl);
      written.push(ftlPath);
    }
    writeState(
      args.dir,
      result.state,
      en.entries.map((e) => e.id),
    );
    written.push(join(args.dir, "review", `${lang}.json`));
  }
  return { lang, result, written };
}

function main(): void {
  let run: ImportRun;
  try {
    const args = parseImportArgs(process.argv.slice(2));
    // npm runs scripts from the package root; a relative path means where the command was typed.
    run = runImport({ ...args, file: resolve(process.env.INIT_CWD ?? process.cwd(), args.file) });
  } catch (e) {
    console.error(`locales:import: ${(e as Error).message}`);
    process.exit(2);
  }
  const { result } = run;
  if (!result.ok) {
    console.error(`locales:import: nothing was written. ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} to fix in the file:`);
    for (const e of result.errors) console.error(`  ${e}`);
    process.exit(1);
  }
  for (const w of result.warnings) console.log(`note: ${w}`);
  console.log(`${run.lang}: ${result.changed.length} translation${result.changed.length === 1 ? "" : "s"} changed, ${result.markedReviewed.length} newly marked reviewed, ${result.unmarked.length} unmarked.`);
  for (const file of run.written) console.log(`Wrote ${file}`);
  if (run.written.length === 0) console.log("Dry run: nothing written.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
