/**
 * `npm run locales:export -- --lang ta [--out translations-ta.csv] [--unreviewed] [--dir locales]`:
 * writes every message of locales/<lang>.ftl for a native reviewer, as a CSV a spreadsheet opens
 * (UTF-8 with a BOM, RFC 4180 quoting): key, screen, english, translation (<lang>), reviewed
 * (yes / no / stale), notes, context. `--unreviewed` leaves out the keys already reviewed. `--out -`
 * writes to standard output. The reviewed file comes back with `npm run locales:import`.
 * See docs/reviewing-translations.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { exportCsv, parseLayout, summarise } from "../src/content/locale-review.js";
import { LOCALES_DIR, readState } from "./locales-review.js";

export interface ExportArgs {
  lang: string;
  out: string;
  unreviewed: boolean;
  dir: string;
}

export function parseExportArgs(argv: readonly string[], dir = LOCALES_DIR): ExportArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { lang: { type: "string" }, out: { type: "string" }, dir: { type: "string" }, unreviewed: { type: "boolean", default: false } },
  });
  const { lang, out, unreviewed } = values;
  if (values.dir !== undefined) dir = resolve(values.dir);
  if (!lang) throw new Error("--lang is required, e.g. --lang ta");
  if (lang === "en") throw new Error("en is the source language: export a translation (hi, bn, mr, te, ta)");
  if (!existsSync(join(dir, `${lang}.ftl`))) throw new Error(`no ${join(dir, `${lang}.ftl`)}`);
  return { lang, out: out ?? `translations-${lang}.csv`, unreviewed, dir };
}

/** The CSV and a one-line summary of what is in it. */
export function runExport(args: ExportArgs): { csv: string; summary: string } {
  const en = parseLayout(readFileSync(join(args.dir, "en.ftl"), "utf8"));
  const target = parseLayout(readFileSync(join(args.dir, `${args.lang}.ftl`), "utf8"));
  const state = readState(args.dir, args.lang);
  const csv = exportCsv({ lang: args.lang, en, target, state, unreviewedOnly: args.unreviewed });
  const s = summarise(args.lang, { en, target }, state);
  const rows = args.unreviewed ? s.total - s.reviewed : s.total;
  return { csv, summary: `${rows} rows (${s.total} keys: ${s.reviewed} reviewed, ${s.unreviewed + s.missing} unreviewed, ${s.stale} stale)` };
}

function main(): void {
  let args: ExportArgs;
  try {
    args = parseExportArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`locales:export: ${(e as Error).message}`);
    process.exit(2);
  }
  const { csv, summary } = runExport(args);
  if (args.out === "-") {
    process.stdout.write(csv);
    return;
  }
  // npm runs scripts from the package root; a relative path means where the command was typed.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  writeFileSync(out, csv);
  console.log(`Wrote ${out}: ${summary}. Open it in a spreadsheet; see docs/reviewing-translations.md.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
