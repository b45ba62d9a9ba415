import type { Locale } from "../conversation/machine.js";
/**
 * A report for the person (evidence timeline, complaint text, laws, helplines), already put into
 * words in one language. Language-neutral on purpose: the caller translates, the renderer only
 * lays it out (see render-pdf.ts), so the bot and the terminal playground can share it.
 */

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  /** Label/value rows, e.g. a timeline entry's fields. */
  | { kind: "fields"; rows: [label: string, value: string][] }
  /** Text to copy exactly (a complaint to paste into a portal): drawn in a light box. */
  | { kind: "boxed"; text: string }
  /** Machine-like strings (SHA-256 hashes, URLs): smaller, never broken mid-hash across pages if avoidable. */
  | { kind: "mono"; text: string }
  /** A smaller bold heading inside a section (a numbered part of a form). */
  | { kind: "subheading"; text: string }
  /** A short warning in bold, in a box (e.g. "DRAFT — to be checked with a lawyer"). */
  | { kind: "notice"; text: string }
  /** Labels, each followed by empty ruled lines to write on by hand once printed. */
  | { kind: "blanks"; rows: { label: string; lines?: number }[] }
  /** Tick boxes, drawn empty unless `checked` (then with a drawn tick), side by side as space allows. */
  | { kind: "checkboxes"; items: { label: string; checked?: boolean }[] };

export interface ReportSection {
  heading: string;
  blocks: Block[];
  /** Starts on a new page (an appendix meant to be printed on its own). */
  newPage?: boolean;
}

export interface ReportDocument {
  locale: Locale;
  title: string;
  /** Lines under the title, e.g. "Prepared on 25 November 2026" and a one-line note about what this is. */
  intro: string[];
  sections: ReportSection[];
  /** Footer on every page; `{page}` and `{pages}` are replaced, e.g. "Page {page} of {pages}". */
  footer: string;
  /** Fixed for reproducible output in tests; defaults to now. */
  createdAt?: Date;
}
