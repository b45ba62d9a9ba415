import type { ReportDocument } from "../../src/report/report-document.js";

/**
 * The text of a ReportDocument as render-pdf draws it, for predicting how Hindi reads back
 * (visualOrder needs the Regular face's text in drawing order) and for font-coverage checks.
 */

/** The text render-pdf draws in the Regular face, in drawing order (title, headings, labels, subheadings and notices are bold). */
export function drawnInRegular(doc: ReportDocument): string {
  const blocks = doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) => {
      switch (b.kind) {
        case "list":
          return b.items.flatMap((item) => ["•", item]);
        case "fields":
          return b.rows.map(([, value]) => value);
        case "checkboxes":
          return b.items.map((item) => item.label);
        case "blanks":
        case "subheading":
        case "notice":
          return [];
        default:
          return [b.text];
      }
    }),
  );
  return [...doc.intro, ...blocks, doc.footer].join("\n");
}

/** Every string the reader will see. */
export function allText(doc: ReportDocument): string {
  const blocks = doc.sections.flatMap((s) => [
    s.heading,
    ...s.blocks.flatMap((b) => {
      switch (b.kind) {
        case "list":
          return b.items;
        case "fields":
          return b.rows.flat();
        case "checkboxes":
          return b.items.map((item) => item.label);
        case "blanks":
          return b.rows.map((row) => row.label);
        default:
          return [b.text];
      }
    }),
  ]);
  return [doc.title, ...doc.intro, ...blocks, doc.footer].join("\n");
}
