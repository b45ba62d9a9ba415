/**
 * `npm run facts [-- --days 30] [--today 2026-12-01] [--dir flows]`: the editor's list of facts to
 * re-check in flows/. It prints
 *   1. every fact whose `checked` date is older than --days (default 180),
 *   2. every fact whose `note` marks it unverified or conflicting (VERIFY, CONFLICT, unverified,
 *      not confirmed, not verified, not found, re-check),
 *   3. per file: how many facts, how many are old, how many are flagged.
 * A fact is any entry in flows/*.yaml with a `source` and a `checked` date (routes, lines, laws,
 * evidence steps). It is a list for a person, not a CI gate: it always exits 0 unless the
 * arguments or the files are wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";

export interface Fact {
  file: string;
  /** The entry's `id`, or its place in the file when it has none. */
  id: string;
  source: string;
  checked: string;
  note: string;
}

export interface Flag {
  kind: "conflict" | "unverified";
  /** The words in the note that raised it, as written there. */
  words: string[];
  /** The sentence of the note around the first of them. */
  excerpt: string;
}

export interface FactsReport {
  today: string;
  days: number;
  /** Facts checked before this date are old. */
  cutoff: string;
  old: Fact[];
  flagged: { fact: Fact; flag: Flag }[];
  perFile: { file: string; facts: number; old: number; flagged: number }[];
}

/** Words in a `note` that mean "not settled": a conflict between sources, or nothing that confirms it. */
const CONFLICT = /\bconflict(s|ing)?\b/gi;
const UNVERIFIED = /\bverify\b|\bunverified\b|\bnot (confirmed|verified|found)\b|\bre-check\b/gi;

/** Every entry with a `source` and a `checked` date in every flows/*.yaml file, in file order. */
export function collectFacts(dir: string): Fact[] {
  const facts: Fact[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  for (const file of files) {
    const data: unknown = parse(readFileSync(join(dir, file), "utf8"));
    walk(data, file, file, facts);
  }
  return facts;
}

function walk(value: unknown, file: string, path: string, out: Fact[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, file, `${path}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const entry = value as Record<string, unknown>;
  const checked = entry.checked instanceof Date ? entry.checked.toISOString().slice(0, 10) : entry.checked;
  if (typeof entry.source === "string" && typeof checked === "string") {
    out.push({
      file,
      id: typeof entry.id === "string" ? entry.id : path,
      source: entry.source,
      // YAML may read an unquoted date as a Date (the yaml package's default schema reads it as a string).
      checked,
      note: typeof entry.note === "string" ? entry.note : "",
    });
  }
  for (const [key, child] of Object.entries(entry)) walk(child, file, `${path}.${key}`, out);
}

/** Why a note marks its fact as unsettled, or undefined when it doesn't. */
export function flagOf(note: string): Flag | undefined {
  const conflicts = [...note.matchAll(CONFLICT)];
  const unverified = [...note.matchAll(UNVERIFIED)];
  const all = [...conflicts, ...unverified].sort((a, b) => a.index - b.index);
  if (all.length === 0) return undefined;
  const words = [...new Set(all.map((m) => m[0]))];
  return { kind: conflicts.length > 0 ? "conflict" : "unverified", words, excerpt: sentenceAround(note, all[0]!.index) };
}

function sentenceAround(note: string, at: number): string {
  const text = note.replace(/\s+/g, " ");
  // The note's whitespace is folded the same way before `at`, so map the index across.
  const before = note.slice(0, at).replace(/\s+/g, " ").length;
  const starts = [". ", "; "].map((s) => text.lastIndexOf(s, before)).filter((i) => i >= 0);
  const start = starts.length > 0 ? Math.max(...starts) + 2 : 0;
  const ends = [". ", "; "].map((s) => text.indexOf(s, before)).filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length > 220 ? `${sentence.slice(0, 217)}…` : sentence;
}

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export function factsReport(facts: Fact[], options: { days: number; today: string }): FactsReport {
  const cutoff = daysBefore(options.today, options.days);
  const old = facts.filter((f) => f.checked < cutoff);
  const flagged = facts.flatMap((fact) => {
    const flag = flagOf(fact.note);
    return flag ? [{ fact, flag }] : [];
  });
  const files = [...new Set(facts.map((f) => f.file))];
  const perFile = files.map((file) => ({
    file,
    facts: facts.filter((f) => f.file === file).length,
    old: old.filter((f) => f.file === file).length,
    flagged: flagged.filter((x) => x.fact.file === file).length,
  }));
  return { today: options.today, days: options.days, cutoff, old, flagged, perFile };
}

export function formatReport(report: FactsReport): string {
  const lines: string[] = [];
  lines.push(`Facts in flows/ to re-check (today ${report.today}).`, "");
  lines.push(`Checked more than ${report.days} days ago (before ${report.cutoff}): ${report.old.length}`);
  for (const f of report.old) lines.push(`  ${f.file}  ${f.id}  checked ${f.checked}  ${f.source}`);
  lines.push("");
  const conflicts = report.flagged.filter((x) => x.flag.kind === "conflict").length;
  lines.push(`Unverified or conflicting, from their notes: ${report.flagged.length} (${conflicts} conflicting, ${report.flagged.length - conflicts} unverified)`);
  for (const { fact, flag } of report.flagged) {
    lines.push(`  ${fact.file}  ${fact.id}  [${flag.kind}: ${flag.words.join(", ")}]  checked ${fact.checked}  ${fact.source}`);
    lines.push(`      ${flag.excerpt}`);
  }
  lines.push("");
  const width = Math.max(4, ...report.perFile.map((p) => p.file.length));
  lines.push(`${"file".padEnd(width)}  facts  old  flagged`);
  for (const p of report.perFile) {
    lines.push(`${p.file.padEnd(width)}  ${String(p.facts).padStart(5)}  ${String(p.old).padStart(3)}  ${String(p.flagged).padStart(7)}`);
  }
  const total = report.perFile.reduce((n, p) => n + p.facts, 0);
  lines.push(`${"total".padEnd(width)}  ${String(total).padStart(5)}  ${String(report.old.length).padStart(3)}  ${String(report.flagged.length).padStart(7)}`);
  return lines.join("\n");
}

export interface FactsArgs {
  days: number;
  today: string;
  dir: string;
}

/** Parses `--days N`, `--today YYYY-MM-DD` and `--dir path`; throws with a usage line on anything else. */
export function parseArgs(argv: readonly string[], defaults: FactsArgs): FactsArgs {
  const args = { ...defaults };
  const usage = "usage: npm run facts -- [--days 180] [--today YYYY-MM-DD] [--dir flows]";
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes("=") ? [flag.slice(0, flag.indexOf("=")), flag.slice(flag.indexOf("=") + 1)] : [flag, undefined];
    if (!["--days", "--today", "--dir"].includes(name)) throw new Error(`unknown option ${name}\n${usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value\n${usage}`);
    if (name === "--days") {
      if (!/^\d+$/.test(value)) throw new Error(`--days must be a whole number of days, not "${value}"\n${usage}`);
      args.days = Number(value);
    } else if (name === "--today") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`--today must be a date written YYYY-MM-DD, not "${value}"\n${usage}`);
      args.today = value;
    } else {
      args.dir = value;
    }
  }
  return args;
}

export const FLOWS_DIR = resolve(import.meta.dirname, "..", "flows");

function main(): void {
  let args: FactsArgs;
  try {
    args = parseArgs(process.argv.slice(2), { days: 180, today: new Date().toISOString().slice(0, 10), dir: FLOWS_DIR });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log(formatReport(factsReport(collectFacts(args.dir), args)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
