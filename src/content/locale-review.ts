/**
 * Native review of the translations: the shared, pure logic behind `npm run locales:export`,
 * `locales:import` and `locales:review` (scripts/locales-*.ts do the file I/O).
 *
 * - A `.ftl` file is read as a layout (comments, blank lines and entries as written), so a file can be
 *   rewritten with only the changed messages touched: an import of an unchanged export writes the
 *   same bytes.
 * - The exchange format is CSV: UTF-8 with a BOM (Excel reads it as UTF-8 only with one), RFC 4180
 *   quoting, CRLF between records and LF inside cells. Columns: key, screen, english,
 *   translation (<lang>), reviewed, notes, context.
 * - A cell holds a message's Fluent source as written after `key =`, variants included; a value that
 *   starts on its own line (`key =` then indented lines) is shown without its indentation.
 * - Review state is `locales/review/<lang>.json`: per key `{ reviewed, by?, at?, enHash?, textHash? }`,
 *   the hashes being sha256 of the English and of the translation (their cells) when it was
 *   reviewed. A reviewed key whose English or translation changed since is stale: not reviewed.
 */
import { createHash } from "node:crypto";
import { FluentResource, type Message } from "@fluent/bundle";

type Pattern = NonNullable<Message["value"]>;
type PatternElement = Exclude<Pattern, string>[number];
type Expression = Exclude<PatternElement, string>;

// ─── Fluent files as written ──────────────────────────────────────────────────────────────────

export interface FtlEntry {
  id: string;
  /** Index of the entry's first line (`id = …`) in FtlLayout.lines. */
  start: number;
  /** Index after its last non-blank line. */
  end: number;
  /** `# ` comment lines right above it (no blank line between), without the `# `. */
  comment: string[];
  /** The `## ` heading of the group it is in (first line of the nearest `##` block above). */
  group: string;
  /** The other lines of that `##` block. */
  groupNotes: string[];
}

export interface FtlLayout {
  lines: string[];
  eol: "\n" | "\r\n";
  entries: FtlEntry[];
  byId: Map<string, FtlEntry>;
}

const ENTRY_START = /^(-?[a-zA-Z][\w-]*) *=/;

/** Splits a .ftl file into its lines and entries, keeping every byte. */
export function parseLayout(text: string): FtlLayout {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  const entries: FtlEntry[] = [];
  let group = "";
  let groupNotes: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("## ") || line === "##") {
      const block: string[] = [];
      while (i < lines.length && (lines[i]!.startsWith("## ") || lines[i] === "##")) block.push(lines[i++]!.slice(3).trim());
      i--;
      group = block[0]!;
      groupNotes = block.slice(1);
      continue;
    }
    const m = ENTRY_START.exec(line);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && !/^(#|-?[a-zA-Z])/.test(lines[j]!)) j++;
    let end = j;
    while (end > i + 1 && lines[end - 1]!.trim() === "") end--;
    const comment: string[] = [];
    for (let k = i - 1; k >= 0 && /^#( |$)/.test(lines[k]!); k--) comment.unshift(lines[k]!.slice(2));
    entries.push({ id: m[1]!, start: i, end, comment, group, groupNotes });
    i = end - 1;
  }
  return { lines, eol, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/** The lines of an entry as written. */
export function entryText(layout: FtlLayout, entry: FtlEntry): string {
  return layout.lines.slice(entry.start, entry.end).join("\n");
}

/**
 * A message's Fluent source as a reviewer sees it: what follows `key =` (one line, or several with
 * their indentation as written). A value that starts on the next line is shown dedented.
 */
export function sourceOf(layout: FtlLayout, entry: FtlEntry): string {
  const [first, ...rest] = layout.lines.slice(entry.start, entry.end);
  const head = first!.replace(ENTRY_START, "").replace(/^ +/, "");
  if (head.trim() !== "") return [head.trimEnd(), ...rest.map((l) => l.trimEnd())].join("\n");
  const indent = Math.min(...rest.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return rest.map((l) => l.slice(Math.min(indent, /^ */.exec(l)![0].length)).trimEnd()).join("\n");
}

/** Cell text as a spreadsheet may have changed it: line endings, trailing spaces, blank edges. */
export function normaliseSource(cell: string): { text: string; skipped: number } {
  const lines = cell.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t]+$/, "").replace(/^\t+/, (t) => "    ".repeat(t.length)));
  let skipped = 0;
  while (lines.length > 0 && lines[0] === "") {
    lines.shift();
    skipped++;
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return { text: lines.join("\n"), skipped };
}

/**
 * The entry a cell becomes: `key = first line`, and the other lines indented. Lines the cell has
 * at column 0 (a dedented value, or a spreadsheet that trimmed them) are all moved in by four
 * spaces, which keeps their indentation relative to each other; `}` may stay at column 0.
 */
export function entryFromSource(key: string, source: string): string {
  const [first = "", ...rest] = normaliseSource(source).text.split("\n");
  const flush = rest.some((l) => l !== "" && !/^[ }]/.test(l));
  const lines = rest.map((l) => (l === "" ? "" : flush ? `    ${l}` : l));
  return [`${key} = ${first.trimStart()}`, ...lines].join("\n");
}

// ─── Checking a message ───────────────────────────────────────────────────────────────────────

export interface Problem {
  /** 0-based line of the cell (after leading blank lines were dropped) the problem is on. */
  line: number;
  reason: string;
}

/**
 * A small Fluent pattern scanner for the reason a message does not parse and the line it is on.
 * @fluent/bundle's parser skips a broken entry silently and says nothing about where.
 */
export function scanSource(value: string): Problem[] {
  const s = value;
  let i = 0;
  const problems: Problem[] = [];
  const lineAt = (pos: number) => s.slice(0, pos).split("\n").length - 1;
  class Stop extends Error {}
  const fail = (pos: number, reason: string): never => {
    problems.push({ line: lineAt(pos), reason });
    throw new Stop(reason);
  };
  const blank = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const inline = () => {
    while (s[i] === " ") i++;
  };
  const ident = /[a-zA-Z][\w-]*/y;
  const readIdent = (): string | undefined => {
    ident.lastIndex = i;
    const m = ident.exec(s);
    if (!m) return undefined;
    i = ident.lastIndex;
    return m[0];
  };
  /** The next line's first non-space character, when the text is at a line break. */
  const nextLineStart = (): string | undefined => {
    let k = i + 1;
    while (k < s.length && s[k] === " ") k++;
    return s[k];
  };

  const pattern = (inVariant: boolean, openedAt: number): void => {
    while (i < s.length) {
      const c = s[i]!;
      if (c === "{") placeable();
      else if (c === "}") {
        if (inVariant) return;
        fail(i, "a } closes nothing: a placeable is { $name }, with one { before it");
      } else if (c === "\n") {
        const next = nextLineStart();
        if (inVariant && (next === "[" || next === "*" || next === "}")) return;
        if (!inVariant && next === ".") return;
        if (!inVariant && (next === "[" || next === "*")) {
          fail(i + 1, `a line here starts with ${next}, which Fluent reads as a choice (like *[other]) outside any { $n -> … }; put a word before it`);
        }
        i++;
      } else i++;
    }
    if (inVariant) fail(openedAt, "the choices opened here are never closed: end them with } on its own line");
  };

  const args = () => {
    const open = i;
    i++; // (
    for (;;) {
      blank();
      if (s[i] === ")") {
        i++;
        return;
      }
      if (i >= s.length) fail(open, "a ( here is never closed with )");
      const at = i;
      const name = readIdent();
      if (name !== undefined) {
        blank();
        if (s[i] === ":") {
          i++;
          blank();
          literal();
        } else {
          i = at;
          expression();
        }
      } else expression();
      blank();
      if (s[i] === ",") i++;
    }
  };

  const literal = () => {
    if (s[i] === '"') {
      const open = i;
      i++;
      while (i < s.length && s[i] !== '"' && s[i] !== "\n") i += s[i] === "\\" ? 2 : 1;
      if (s[i] !== '"') fail(open, 'a "text" here is never closed with " on the same line');
      i++;
      return;
    }
    const m = /-?[0-9]+(\.[0-9]+)?/y;
    m.lastIndex = i;
    if (!m.test(s)) fail(i, 'expected a number or "text" here');
    i = m.lastIndex;
  };

  const expression = () => {
    const c = s[i];
    if (c === "{") return placeable();
    if (c === '"' || (c !== undefined && /[0-9]/.test(c)) || (c === "-" && /[0-9]/.test(s[i + 1] ?? ""))) return literal();
    if (c === "$") {
      i++;
      if (readIdent() === undefined) fail(i, "a $ must be followed by the variable's name, as in the English: { $name }");
      return;
    }
    const term = c === "-";
    if (term) i++;
    const name = readIdent();
    if (name === undefined) {
      fail(i, c === undefined || c === "}" ? "{ } is empty: a placeable holds a $variable, as in the English" : `after { comes a $variable (as in the English), not "${c}"`);
    }
    if (s[i] === ".") {
      i++;
      if (readIdent() === undefined) fail(i, "expected an attribute name after the dot");
    }
    if (s[i] === "(") {
      if (!term && !/^[A-Z][A-Z0-9_-]*$/.test(name!)) fail(i, `${name}( is not a function: function names are in capitals, like NUMBER(`);
      args();
    }
  };

  const placeable = () => {
    const open = i;
    i++; // {
    blank();
    if (i >= s.length) fail(open, "this { is never closed: a placeable is { $name }");
    expression();
    blank();
    if (s.startsWith("->", i)) {
      i += 2;
      variants(open);
      blank();
    }
    if (s[i] === "}") {
      i++;
      return;
    }
    if (i >= s.length || s[i] === "\n") fail(open, "this { is never closed: a placeable is { $name }");
    fail(i, `this { is not closed before "${s.slice(i, i + 12).split("\n")[0]}": a placeable is { $name } and nothing else`);
  };

  const variants = (open: number) => {
    let count = 0;
    let defaults = 0;
    for (;;) {
      blank();
      const star = s[i] === "*";
      if (star) i++;
      if (s[i] !== "[") {
        if (star) fail(i, "a * must be followed by [, as in *[other]");
        break;
      }
      const keyAt = i;
      i++;
      inline();
      if (readIdent() === undefined) literal();
      inline();
      if (s[i] !== "]") fail(keyAt, "a choice's name here is not closed with ], as in [one]");
      i++;
      count++;
      if (star) defaults++;
      inline();
      pattern(true, keyAt);
    }
    if (count === 0) fail(open, "the -> here is followed by no choices: write them as [one] … and *[other] … on their own lines");
    if (defaults === 0) fail(open, "the choices opened here have no default: mark one with *, as in *[other]");
    if (defaults > 1) fail(open, "the choices opened here have more than one default (*): keep one");
  };

  try {
    pattern(false, 0);
    // Attributes: lines starting with .name = …
    while (i < s.length) {
      blank();
      if (s[i] !== ".") fail(i, "unexpected text");
      i++;
      if (readIdent() === undefined) fail(i, "expected an attribute name after the dot");
      inline();
      if (s[i] !== "=") fail(i, "expected = after the attribute's name");
      i++;
      pattern(false, i);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return problems;
}

interface Use {
  /** Used somewhere other than as a selector. */
  shown: boolean;
  selector: boolean;
}

interface Shape {
  vars: Map<string, Use>;
  messages: Set<string>;
  terms: Set<string>;
  functions: Set<string>;
  /** For each selector variable, the variant keys used with it. */
  selects: Map<string, Set<string>>;
}

function shapeOf(message: Message): Shape {
  const shape: Shape = { vars: new Map(), messages: new Set(), terms: new Set(), functions: new Set(), selects: new Map() };
  const use = (name: string, selector: boolean) => {
    const u = shape.vars.get(name) ?? { shown: false, selector: false };
    if (selector) u.selector = true;
    else u.shown = true;
    shape.vars.set(name, u);
  };
  const selectorVar = (e: Expression): string | undefined => {
    if (e.type === "var") return e.name;
    if (e.type === "func") for (const a of e.args) if (a.type === "var") return a.name;
    return undefined;
  };
  const expr = (e: Expression, selector: boolean): void => {
    switch (e.type) {
      case "var":
        use(e.name, selector);
        break;
      case "mesg":
        shape.messages.add(e.name);
        break;
      case "term":
        shape.terms.add(e.name);
        for (const a of e.args) if (a.type !== "narg") expr(a, selector);
        break;
      case "func":
        shape.functions.add(e.name);
        for (const a of e.args) if (a.type !== "narg") expr(a, selector);
        break;
      case "select": {
        expr(e.selector, true);
        const v = selectorVar(e.selector);
        if (v !== undefined) {
          const keys = shape.selects.get(v) ?? new Set<string>();
          for (const variant of e.variants) keys.add(String(variant.key.value));
          shape.selects.set(v, keys);
        }
        for (const variant of e.variants) pattern(variant.value);
        break;
      }
      default:
        break;
    }
  };
  const pattern = (p: Pattern): void => {
    if (typeof p === "string") return;
    for (const el of p) if (typeof el !== "string") expr(el, false);
  };
  if (message.value !== null) pattern(message.value);
  for (const attr of Object.values(message.attributes)) pattern(attr);
  return shape;
}

/** Parses one entry alone; undefined when Fluent cannot read it as exactly that message. */
export function parseEntry(key: string, entry: string): Message | undefined {
  const body = new FluentResource(`${entry}\n`).body;
  if (body.length !== 1 || body[0]!.id !== key) return undefined;
  return body[0];
}

/**
 * A message as JSON for comparing meaning: @fluent/bundle keeps a value that starts on its own line
 * as ["text"] and the same value on the key's line as "text"; both become "text" here.
 */
export function canonical(message: Message | undefined): string {
  const pattern = (p: Pattern): unknown => {
    if (typeof p === "string") return p;
    const out: unknown[] = [];
    for (const el of p) {
      const v = typeof el === "string" ? el : expr(el);
      const last = out[out.length - 1];
      if (typeof v === "string" && typeof last === "string") out[out.length - 1] = last + v;
      else out.push(v);
    }
    return out.length === 1 && typeof out[0] === "string" ? out[0] : out;
  };
  const expr = (e: Expression): unknown => (e.type === "select" ? { ...e, selector: expr(e.selector), variants: e.variants.map((v) => ({ key: v.key, value: pattern(v.value) })) } : e);
  if (!message) return "undefined";
  const attributes = Object.fromEntries(Object.entries(message.attributes).map(([k, v]) => [k, pattern(v)]));
  return JSON.stringify({ id: message.id, value: message.value === null ? null : pattern(message.value), attributes });
}

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);
const NUMERIC = /^-?[0-9]+(\.[0-9]+)?$/;
const LANGUAGE_NAMES: Record<string, string> = { hi: "Hindi", bn: "Bengali", mr: "Marathi", te: "Telugu", ta: "Tamil", en: "English" };
export const languageName = (lang: string) => LANGUAGE_NAMES[lang] ?? lang;

export interface CheckContext {
  lang: string;
  /** Every message id in en.ftl. */
  keys: Set<string>;
  /** Terms (-name) defined in the target file. */
  terms: Set<string>;
}

/**
 * Why a translation can't go in, if it can't: it must parse as the one message; keep every variable
 * the English shows (one the English uses only to choose a variant may go); add none; choices need a
 * default; plural choices use the language's plural forms or numbers, other choices the English's
 * names; references and functions must exist.
 */
export function checkTranslation(key: string, source: string, english: Message, ctx: CheckContext): Problem[] {
  const entry = entryFromSource(key, source);
  const value = entry.slice(entry.indexOf("=") + 2);
  const scanned = scanSource(value);
  if (scanned.length > 0) return scanned;
  const message = parseEntry(key, entry);
  if (!message) return [{ line: 0, reason: "this is not a Fluent message Fluent can read (check the { } and [ ] around the choices)" }];
  const problems: Problem[] = [];
  const whole = (reason: string) => problems.push({ line: 0, reason });
  if (english.value !== null && message.value === null) whole("the message has no text, only attributes");
  const en = shapeOf(english);
  const tr = shapeOf(message);
  const enAttrs = Object.keys(english.attributes).sort().join(", ");
  const trAttrs = Object.keys(message.attributes).sort().join(", ");
  if (enAttrs !== trAttrs) whole(`its attributes (${trAttrs || "none"}) differ from the English's (${enAttrs || "none"})`);
  const enVars = [...en.vars.keys()].map((v) => `{ $${v} }`).join(", ") || "none";
  for (const name of tr.vars.keys()) {
    if (!en.vars.has(name)) whole(`uses { $${name} }, which the English does not have (the English has ${enVars}): it would fail when shown`);
  }
  for (const [name, use] of en.vars) {
    if (tr.vars.has(name)) continue;
    if (use.shown) whole(`leaves out { $${name} }, which the English shows: keep it, as written`);
  }
  for (const name of tr.messages) if (!ctx.keys.has(name)) whole(`refers to { ${name} }, which is not a message (a variable is written { $${name} })`);
  for (const name of tr.terms) if (!ctx.terms.has(name)) whole(`refers to { -${name} }, which is not defined in this file`);
  for (const name of tr.functions) if (name !== "NUMBER" && name !== "DATETIME") whole(`calls ${name}(), which Fluent does not have (NUMBER and DATETIME only)`);
  const categories = new Set<string>(new Intl.PluralRules(ctx.lang).resolvedOptions().pluralCategories);
  for (const [name, keys] of tr.selects) {
    const enKeys = en.selects.get(name);
    const plural = !enKeys || [...enKeys].every((k) => PLURAL_CATEGORIES.has(k) || NUMERIC.test(k));
    for (const k of keys) {
      if (NUMERIC.test(k)) continue;
      if (plural && !categories.has(k)) {
        whole(`[${k}] is not a plural form in ${languageName(ctx.lang)} (${[...categories].join(", ")}, or a number like [0])`);
      } else if (!plural && enKeys && !enKeys.has(k)) {
        whole(`[${k}] is not one of the English's choices for $${name} (${[...enKeys].join(", ")})`);
      }
    }
  }
  return problems;
}

// ─── Review state ─────────────────────────────────────────────────────────────────────────────

export interface KeyReview {
  reviewed: boolean;
  /** Initials, or "native reviewer". */
  by?: string;
  /** ISO date (YYYY-MM-DD). */
  at?: string;
  /** sha256 of the English message's source (its export cell) when it was reviewed. */
  enHash?: string;
  /** sha256 of the translation's source when it was reviewed. */
  textHash?: string;
  /** What the reviewer wrote in the notes column. */
  note?: string;
}

export interface ReviewState {
  language: string;
  keys: Record<string, KeyReview>;
}

export const sha256 = (text: string) => createHash("sha256").update(normaliseSource(text).text, "utf8").digest("hex");

export function parseState(text: string, lang: string): ReviewState {
  const data = JSON.parse(text) as Partial<ReviewState>;
  if (data.language !== undefined && data.language !== lang) throw new Error(`review state is for ${data.language}, not ${lang}`);
  return { language: lang, keys: data.keys ?? {} };
}

/** One line per key, in en.ftl's order, so a review shows as a small diff. */
export function serialiseState(state: ReviewState, order: string[]): string {
  const keys = [...order.filter((k) => k in state.keys), ...Object.keys(state.keys).filter((k) => !order.includes(k))];
  const lines = keys.map((k) => {
    const r = state.keys[k]!;
    const ordered: KeyReview = { reviewed: r.reviewed };
    for (const f of ["by", "at", "enHash", "textHash", "note"] as const) if (r[f] !== undefined) ordered[f] = r[f];
    return `    ${JSON.stringify(k)}: ${JSON.stringify(ordered)}`;
  });
  return `{\n  "language": ${JSON.stringify(state.language)},\n  "keys": {\n${lines.join(",\n")}\n  }\n}\n`;
}

/** Every key of en.ftl unreviewed, except those the state already has. */
export function syncState(state: ReviewState, order: string[]): ReviewState {
  const keys: Record<string, KeyReview> = {};
  for (const k of order) keys[k] = state.keys[k] ?? { reviewed: false };
  return { language: state.language, keys };
}

export type Status = "reviewed" | "unreviewed" | "stale" | "missing";

export interface KeyStatus {
  key: string;
  status: Status;
  /** Why a stale key is stale. */
  why?: string;
}

export interface Sources {
  en: FtlLayout;
  target: FtlLayout;
}

export function statusOf(key: string, { en, target }: Sources, state: ReviewState): KeyStatus {
  const t = target.byId.get(key);
  if (!t) return { key, status: "missing" };
  const r = state.keys[key];
  if (!r?.reviewed) return { key, status: "unreviewed" };
  const why: string[] = [];
  if (r.enHash !== sha256(sourceOf(en, en.byId.get(key)!))) why.push("the English changed since the review");
  if (r.textHash !== sha256(sourceOf(target, t))) why.push("the translation changed since the review");
  return why.length > 0 ? { key, status: "stale", why: why.join("; ") } : { key, status: "reviewed" };
}

export interface Summary {
  lang: string;
  total: number;
  reviewed: number;
  unreviewed: number;
  stale: number;
  missing: number;
  keys: KeyStatus[];
}

export function summarise(lang: string, sources: Sources, state: ReviewState): Summary {
  const keys = sources.en.entries.filter((e) => !e.id.startsWith("-")).map((e) => statusOf(e.id, sources, state));
  const count = (s: Status) => keys.filter((k) => k.status === s).length;
  return { lang, total: keys.length, reviewed: count("reviewed"), unreviewed: count("unreviewed"), stale: count("stale"), missing: count("missing"), keys };
}

// ─── CSV ──────────────────────────────────────────────────────────────────────────────────────

export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
  /** 1-based line where each cell starts. */
  cellLines: number[];
}

export class CsvError extends Error {}

/** Bytes as a spreadsheet saved them: UTF-8 with or without a BOM, or UTF-16 with one. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvError("the file is not UTF-8: the spreadsheet saved it in another encoding. Save it as \"CSV UTF-8\" (Excel) or \"Text CSV\" with Unicode (UTF-8) (LibreOffice)");
  }
}

/** RFC 4180, leniently: any of , ; or tab (whichever the header uses), CRLF, LF or CR, a BOM. */
export function parseCsv(text: string): { delimiter: string; rows: CsvRow[] } {
  const s = text.replace(/^\uFEFF/, "");
  const firstLine = s.slice(0, s.search(/\r|\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = [",", ";", "\t"].sort((a, b) => count(b) - count(a))[0]!;
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  let cells: string[] = [];
  let cellLines: number[] = [];
  let rowLine = 1;
  const endRow = () => {
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells, cellLines });
    cells = [];
    cellLines = [];
  };
  while (i <= s.length) {
    const cellLine = line;
    let cell = "";
    if (s[i] === '"') {
      const open = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new CsvError(`line ${open}: a quoted cell is never closed (a " is missing)`);
        const c = s[i]!;
        if (c === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r" || c === "\n") {
          cell += "\n";
          line++;
          i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
          continue;
        }
        cell += c;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      while (i < s.length && s[i] !== delimiter && s[i] !== "\r" && s[i] !== "\n") cell += s[i++];
    } else {
      while (i < s.length && s[i] !== delimiter && s[i] !== "\r" && s[i] !== "\n") cell += s[i++];
    }
    cells.push(cell);
    cellLines.push(cellLine);
    if (i >= s.length) {
      endRow();
      break;
    }
    const c = s[i]!;
    if (c === delimiter) {
      i++;
      continue;
    }
    i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
    line++;
    endRow();
    rowLine = line;
  }
  return { delimiter, rows };
}

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** UTF-8 BOM, every cell quoted, CRLF between records, LF inside cells. */
export function writeCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

// ─── Export ───────────────────────────────────────────────────────────────────────────────────

/** Friendlier names for en.ftl's group headings, where the heading names data, not a screen. */
const SCREEN_NAMES: Record<string, string> = {
  "Commands (descriptions shown in Telegram's menu)": "Telegram's command menu",
  "Shared buttons": "Buttons on many screens",
  "Notices shown above a screen": "Notices above a screen",
  Evidence: "Evidence steps (/start → keeping proof)",
  Takedown: "Takedown steps",
  "Entries (names and numbers are filled in from flows/)": "Helplines and routes: one line each",
  Incidents: "What happened (the choices)",
  Platforms: "Platform names (many screens)",
  Countries: "Country names (helplines, reporting)",
  "Evidence steps": "Evidence steps (/start → keeping proof)",
  "Takedown routes": "Takedown: where to ask",
  "Reporting routes: India": "Reporting: where to report in India",
  "Reporting routes: other countries": "Reporting: where to report outside India",
  Lines: "Helplines (/helplines)",
  "Laws (India)": "Reporting → which laws apply",
  "Evidence log": "Evidence log (/evidence)",
  Report: "The PDF report (/report)",
  Summary: "Summary to share with a helpline (/summary)",
};

/** Key families that sit under another group's heading in en.ftl. */
const SCREEN_BY_PREFIX: [string, string][] = [
  ["cert-", "Section 63 certificate (appendix of the PDF report)"],
  ["report-", "The PDF report (/report)"],
];

export function screenOf(entry: FtlEntry): string {
  for (const [prefix, name] of SCREEN_BY_PREFIX) if (entry.id.startsWith(prefix)) return name;
  const heading = entry.group.replace(/^──\s*|\s*──$/g, "");
  if (SCREEN_NAMES[heading]) return SCREEN_NAMES[heading];
  // "Talk to a counsellor (/talk): a partner helpline's …" → the part before the explanation
  // (a colon inside brackets is part of the name).
  let depth = 0;
  for (let i = 0; i < heading.length; i++) {
    const c = heading[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === ":" && depth === 0 && heading[i + 1] === " " && heading.length - i > 24) return heading.slice(0, i);
  }
  return heading;
}

export const HEADER = ["key", "screen", "english", "translation", "reviewed", "notes", "context"] as const;

export interface ExportOptions {
  lang: string;
  en: FtlLayout;
  target: FtlLayout;
  state: ReviewState;
  /** Only keys not reviewed (unreviewed, stale, missing). */
  unreviewedOnly?: boolean;
}

function contextOf(key: string, opts: ExportOptions, status: KeyStatus, english: Message | undefined): string {
  const e = opts.en.byId.get(key)!;
  const t = opts.target.byId.get(key);
  const parts: string[] = [];
  if (status.why) parts.push(`Stale: ${status.why}.`);
  if (status.status === "missing") parts.push(`Not translated yet: ${languageName(opts.lang)} shows the English.`);
  if (e.groupNotes.length > 0) parts.push(e.groupNotes.join(" "));
  if (e.comment.length > 0) parts.push(e.comment.join(" "));
  if (t && t.comment.length > 0 && t.comment.join(" ") !== e.comment.join(" ")) parts.push(t.comment.join(" "));
  if (english) {
    const shape = shapeOf(english);
    const vars = [...shape.vars.keys()].map((v) => `{ $${v} }`);
    if (vars.length > 0) parts.push(`Keep ${vars.join(", ")} as written: the bot fills ${vars.length === 1 ? "it" : "them"} in.`);
    if (shape.selects.size > 0) {
      const categories = new Intl.PluralRules(opts.lang).resolvedOptions().pluralCategories.join(", ");
      parts.push(`Choices: one [name] per line, the default marked *; for a number, ${languageName(opts.lang)}'s forms are ${categories}, or an exact number like [0].`);
    }
  }
  return parts.join("\n");
}

export function exportCsv(opts: ExportOptions): string {
  const rows: string[][] = [[...HEADER.slice(0, 3), `translation (${opts.lang})`, ...HEADER.slice(4)]];
  for (const e of opts.en.entries) {
    if (e.id.startsWith("-")) continue;
    const status = statusOf(e.id, opts, opts.state);
    if (opts.unreviewedOnly && status.status === "reviewed") continue;
    const t = opts.target.byId.get(e.id);
    const english = parseEntry(e.id, entryText(opts.en, e));
    const reviewed = status.status === "reviewed" ? "yes" : status.status === "stale" ? "stale" : "no";
    rows.push([e.id, screenOf(e), sourceOf(opts.en, e), t ? sourceOf(opts.target, t) : "", reviewed, opts.state.keys[e.id]?.note ?? "", contextOf(e.id, opts, status, english)]);
  }
  return writeCsv(rows);
}

// ─── Import ───────────────────────────────────────────────────────────────────────────────────

export interface ImportOptions {
  lang: string;
  en: FtlLayout;
  target: FtlLayout;
  state: ReviewState;
  csv: string;
  /** Who reviewed (initials, or "native reviewer"). */
  by: string;
  /** ISO date of the review. */
  date: string;
}

export type ImportResult =
  | { ok: true; ftl: string; state: ReviewState; changed: string[]; markedReviewed: string[]; unmarked: string[]; warnings: string[] }
  | { ok: false; errors: string[] };

const YES = new Set(["yes", "y", "true", "1", "x", "✓", "✔", "reviewed", "ok"]);
const NO = new Set(["no", "n", "false", "0", "", "✗", "unreviewed"]);

/** The language a header names, as in "translation (ta)". */
export function headerLanguage(header: string): string | undefined {
  return /\(([a-z]{2,3})\)/i.exec(header)?.[1]?.toLowerCase();
}

/** Reads a reviewed CSV back. Nothing is returned to write unless every row is right. */
export function importCsv(opts: ImportOptions): ImportResult {
  const errors: string[] = [];
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(opts.csv);
  } catch (e) {
    return { ok: false, errors: [(e as Error).message] };
  }
  const [head, ...rows] = parsed.rows;
  if (!head) return { ok: false, errors: ["the file is empty"] };
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string) => names.findIndex((n) => n === name || n.startsWith(`${name} `) || n.startsWith(`${name}(`));
  const keyCol = col("key");
  const trCol = col("translation");
  const reviewedCol = col("reviewed");
  const enCol = col("english");
  const notesCol = col("notes");
  if (keyCol < 0 || trCol < 0) return { ok: false, errors: [`line ${head.line}: the first row must name the columns, with at least "key" and "translation" (found: ${head.cells.join(", ")})`] };
  const named = headerLanguage(head.cells[trCol]!);
  if (named && named !== opts.lang) return { ok: false, errors: [`line ${head.line}: this file's translations are for "${named}", not "${opts.lang}"`] };

  const keys = new Set(opts.en.entries.map((e) => e.id));
  const terms = new Set(opts.target.entries.filter((e) => e.id.startsWith("-")).map((e) => e.id.slice(1)));
  const seen = new Map<string, number>();
  const replacements = new Map<string, string>();
  const keys2 = { ...opts.state.keys };
  const changed: string[] = [];
  const markedReviewed: string[] = [];
  const unmarked: string[] = [];
  const warnings: string[] = [];

  for (const row of rows) {
    const cell = (c: number) => (c >= 0 ? (row.cells[c] ?? "") : "");
    const key = cell(keyCol).trim();
    const at = (c: number, offset = 0) => (c >= 0 ? (row.cellLines[c] ?? row.line) : row.line) + offset;
    const refuse = (line: number, reason: string) => errors.push(`line ${line} (${key || "no key"}): ${reason}`);
    if (key === "") {
      refuse(row.line, "the row has no key");
      continue;
    }
    if (!keys.has(key) || key.startsWith("-")) {
      refuse(at(keyCol), `"${key}" is not a key in en.ftl`);
      continue;
    }
    if (seen.has(key)) {
      refuse(at(keyCol), `the key is also on line ${seen.get(key)}`);
      continue;
    }
    seen.set(key, row.line);
    const enEntry = opts.en.byId.get(key)!;
    const english = parseEntry(key, entryText(opts.en, enEntry))!;
    const raw = cell(trCol);
    const { text: source, skipped } = normaliseSource(raw);
    if (source.trim() === "") {
      refuse(at(trCol), "the translation is empty (to leave a text as it is, leave its row unchanged or delete the row)");
      continue;
    }
    const problems = checkTranslation(key, source, english, { lang: opts.lang, keys, terms });
    for (const p of problems) refuse(at(trCol, skipped + p.line), p.reason);
    if (problems.length > 0) continue;

    const current = opts.target.byId.get(key);
    const newEntry = entryFromSource(key, source);
    const same = current !== undefined && canonical(parseEntry(key, entryText(opts.target, current))) === canonical(parseEntry(key, newEntry));
    if (!same) {
      replacements.set(key, newEntry);
      changed.push(key);
    }
    const textSource = same ? sourceOf(opts.target, current) : sourceOf(parseLayout(newEntry), parseLayout(newEntry).entries[0]!);

    const mark = cell(reviewedCol).trim().toLowerCase();
    const note = cell(notesCol).trim();
    const prior = keys2[key] ?? { reviewed: false };
    let next: KeyReview = { ...prior };
    if (reviewedCol >= 0 && YES.has(mark)) {
      const enNow = sourceOf(opts.en, enEntry);
      let enHash = sha256(enNow);
      if (enCol >= 0) {
        const seenEnglish = cell(enCol);
        const sameEnglish = canonical(parseEntry(key, entryFromSource(key, seenEnglish))) === canonical(english);
        if (!sameEnglish) {
          enHash = sha256(seenEnglish);
          warnings.push(`line ${row.line} (${key}): the English changed after this file was exported; the translation is imported, and stays stale until it is reviewed against the new English`);
        }
      }
      const wasReviewed = statusOf(key, opts, opts.state).status === "reviewed" && same;
      next = wasReviewed ? { ...prior } : { reviewed: true, by: opts.by, at: opts.date, enHash, textHash: sha256(textSource) };
      if (!wasReviewed) markedReviewed.push(key);
    } else if (reviewedCol >= 0 && NO.has(mark)) {
      if (prior.reviewed) unmarked.push(key);
      next = { reviewed: false };
    } else if (reviewedCol >= 0 && mark !== "stale") {
      refuse(at(reviewedCol), `"${cell(reviewedCol)}" in the reviewed column: write yes or no`);
      continue;
    }
    if (note !== "") next.note = note;
    else delete next.note;
    keys2[key] = next;
  }
  if (errors.length > 0) return { ok: false, errors };

  const ftl = rewrite(opts.en, opts.target, replacements);
  // The whole file must still read as every message, each exactly as checked.
  const resource = new FluentResource(ftl);
  const byId = new Map(resource.body.map((m) => [m.id, m]));
  for (const [key, entry] of replacements) {
    if (canonical(byId.get(key)) !== canonical(parseEntry(key, entry))) return { ok: false, errors: [`${key}: the rewritten file does not read back as the message checked (this is a bug in locales:import)`] };
  }
  return { ok: true, ftl, state: { language: opts.lang, keys: keys2 }, changed, markedReviewed, unmarked, warnings };
}

/**
 * The target file with the given entries replaced in place; an entry it lacks goes after the
 * nearest key before it in en.ftl's order (or at the end).
 */
export function rewrite(en: FtlLayout, target: FtlLayout, replacements: Map<string, string>): string {
  const lines = [...target.lines];
  const inserts = new Map<number, string[]>();
  const order = en.entries.map((e) => e.id);
  for (const [key, entry] of replacements) {
    const at = target.byId.get(key);
    if (at) continue;
    let after = lines.length;
    for (let k = order.indexOf(key) - 1; k >= 0; k--) {
      const prev = target.byId.get(order[k]!);
      if (prev) {
        after = prev.end;
        break;
      }
    }
    inserts.set(after, [...(inserts.get(after) ?? []), entry]);
  }
  // Replace from the bottom up so earlier indices stay valid.
  const edits: { start: number; end: number; text: string[] }[] = [];
  for (const [key, entry] of replacements) {
    const at = target.byId.get(key);
    if (at) edits.push({ start: at.start, end: at.end, text: entry.split("\n") });
  }
  for (const [index, entries] of inserts) edits.push({ start: index, end: index, text: entries.flatMap((e) => e.split("\n")) });
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of edits) lines.splice(e.start, e.end - e.start, ...e.text);
  return lines.join(target.eol);
}
