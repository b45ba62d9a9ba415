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
  | { kind: "mono"; text: string };

export interface ReportSection {
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  locale: "en" | "hi";
  title: string;
  /** Lines under the title, e.g. "Prepared on 25 November 2026" and a one-line note about what this is. */
  intro: string[];
  sections: ReportSection[];
  /** Footer on every page; `{page}` and `{pages}` are replaced, e.g. "Page {page} of {pages}". */
  footer: string;
  /** Fixed for reproducible output in tests; defaults to now. */
  createdAt?: Date;
}
