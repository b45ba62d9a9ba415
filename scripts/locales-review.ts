/**
 * `npm run locales:review [-- --lang ta] [--list] [--sync] [--dir locales]`: which translations a
 * native speaker has reviewed. Per language: how many keys, how many reviewed, unreviewed, stale
 * (reviewed, but the English or the translation changed since) and missing. `--list` adds the keys
 * that are not reviewed, with why a stale one is stale. `--sync` writes locales/review/<lang>.json
 * with every key of en.ftl (new keys unreviewed, keys gone from en.ftl dropped, reviews kept).
 * The review state is written by `npm run locales:import`; see docs/reviewing-translations.md.
 * It always exits 0 unless the arguments or the files are wrong: it is a list for a person.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { languageName, parseLayout, parseState, serialiseState, summarise, syncState, type ReviewState, type Summary } from "../src/content/locale-review.js";

export const LOCALES_DIR = resolve(import.meta.dirname, "..", "locales");

/** The languages with a locales/<lang>.ftl, English (the source) left out, hi first then by name. */
export function languagesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2,3}\.ftl$/.test(f) && f !== "en.ftl")
    .map((f) => f.slice(0, -4))
    .sort((a, b) => (a === "hi" ? -1 : b === "hi" ? 1 : a.localeCompare(b)));
}

export const statePath = (dir: string, lang: string) => join(dir, "review", `${lang}.json`);

/** locales/review/<lang>.json, or an empty state (every key unreviewed) when there is none. */
export function readState(dir: string, lang: string): ReviewState {
  const file = statePath(dir, lang);
  return existsSync(file) ? parseState(readFileSync(file, "utf8"), lang) : { language: lang, keys: {} };
}

export function writeState(dir: string, state: ReviewState, order: string[]): void {
  mkdirSync(join(dir, "review"), { recursive: true });
  writeFileSync(statePath(dir, state.language), serialiseState(state, order));
}

export function reviewSummary(dir: string, lang: string): Summary {
  const en = parseLayout(readFileSync(join(dir, "en.ftl"), "utf8"));
  const target = parseLayout(readFileSync(join(dir, `${lang}.ftl`), "utf8"));
  return summarise(lang, { en, target }, readState(dir, lang));
}

/** Brings every language's review file in line with en.ftl's keys; returns the files written. */
export function syncAll(dir: string, langs = languagesIn(dir)): string[] {
  const order = parseLayout(readFileSync(join(dir, "en.ftl"), "utf8"))
    .entries.map((e) => e.id)
    .filter((id) => !id.startsWith("-"));
  const written: string[] = [];
  for (const lang of langs) {
    const state = syncState(readState(dir, lang), order);
    const text = serialiseState(state, order);
    const file = statePath(dir, lang);
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    writeState(dir, state, order);
    written.push(file);
  }
  return written;
}

export function formatSummaries(summaries: Summary[], list: boolean): string {
  const out: string[] = ["Native review of the translations (locales/review/<lang>.json):", ""];
  const width = Math.max(...summaries.map((s) => `${languageName(s.lang)} (${s.lang})`.length), 8);
  out.push(`${"language".padEnd(width)}  total  reviewed  unreviewed  stale  missing`);
  for (const s of summaries) {
    const name = `${languageName(s.lang)} (${s.lang})`.padEnd(width);
    out.push(`${name}  ${String(s.total).padStart(5)}  ${String(s.reviewed).padStart(8)}  ${String(s.unreviewed).padStart(10)}  ${String(s.stale).padStart(5)}  ${String(s.missing).padStart(7)}`);
  }
  out.push("");
  for (const s of summaries) {
    const verdict = s.reviewed === s.total ? "reviewed by a native speaker" : s.reviewed === 0 ? "NOT reviewed by a native speaker" : `partly reviewed (${s.reviewed} of ${s.total} keys)`;
    out.push(`${languageName(s.lang)}: ${verdict}.`);
  }
  if (list) {
    for (const s of summaries) {
      const open = s.keys.filter((k) => k.status !== "reviewed");
      out.push("", `${languageName(s.lang)} (${s.lang}): ${open.length} not reviewed`);
      for (const k of open) out.push(`  ${k.status.padEnd(10)} ${k.key}${k.why ? `  (${k.why})` : ""}`);
    }
  }
  return out.join("\n");
}

export interface ReviewArgs {
  langs: string[];
  list: boolean;
  sync: boolean;
  dir: string;
}

export function parseReviewArgs(argv: readonly string[], dir = LOCALES_DIR): ReviewArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { lang: { type: "string" }, dir: { type: "string" }, list: { type: "boolean", default: false }, sync: { type: "boolean", default: false } },
  });
  const { lang, list, sync } = values;
  if (values.dir !== undefined) dir = resolve(values.dir);
  const all = languagesIn(dir);
  if (lang !== undefined && !all.includes(lang)) throw new Error(`no translation "${lang}" in ${dir} (there are: ${all.join(", ")})`);
  return { langs: lang ? [lang] : all, list, sync, dir };
}

function main(): void {
  let args: ReviewArgs;
  try {
    args = parseReviewArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`locales:review: ${(e as Error).message}`);
    process.exit(2);
  }
  if (args.sync) for (const file of syncAll(args.dir, args.langs)) console.log(`Wrote ${file}`);
  console.log(formatSummaries(args.langs.map((l) => reviewSummary(args.dir, l)), args.list));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
