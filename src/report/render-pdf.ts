/**
 * Renders a ReportDocument (already translated) to PDF bytes. No grammY here: the bot and the
 * terminal playground both call it.
 *
 * Why pdfkit + Noto Sans Devanagari: pdfkit lays text out with fontkit, which runs the OpenType
 * Indic shaper, so Hindi comes out right (conjuncts like क्ष/प्र, reph, the ि matra drawn before
 * its consonant). The font ships in an npm package (@expo-google-fonts/noto-sans-devanagari) and
 * also covers Latin, digits, ₹ and the usual punctuation, so one family serves both languages and
 * no system fonts are needed (slim containers, serverless). ASCII-only "mono" blocks (hashes,
 * URLs) use Courier, one of the 14 standard PDF fonts, which viewers provide without embedding.
 *
 * Privacy: the PDF's Info dictionary carries only the title and dates, no Author/Subject/Keywords
 * and no Creator/Producer: a person hiding from an abuser may send or print this file.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Locale } from "../conversation/machine.js";
import type { Block, ReportDocument } from "./report-document.js";

/**
 * Nothing heavy happens when this module is imported: pdfkit (with fontkit, its shaper and their
 * data, tens of MB once loaded) and the font files are loaded by the first render. A bot that
 * never makes a report never carries them; one that does carries them on the worker thread
 * (pdf-renderer.ts), which goes away again when reports stop.
 */
type PdfKit = typeof import("pdfkit");
let pdfkit: Promise<PdfKit> | undefined;

function loadPdfkit(): Promise<PdfKit> {
  const loading = (pdfkit ??= import("pdfkit").then(
    (module) => (module as unknown as { default: PdfKit }).default,
    (error: unknown) => {
      pdfkit = undefined; // let a later call retry
      throw error;
    },
  ));
  return loading;
}

/**
 * One Noto family per script, each from its npm package, each with Latin, digits and ₹ too: a
 * report is set in the family of its language (Marathi shares Hindi's Devanagari). Ascent in em,
 * read from each font (fontkit), so every family sits on the same baseline rules.
 */
const FAMILIES = {
  devanagari: { pkg: "noto-sans-devanagari", file: "NotoSansDevanagari", ascent: 0.896 },
  bengali: { pkg: "noto-sans-bengali", file: "NotoSansBengali", ascent: 0.917 },
  tamil: { pkg: "noto-sans-tamil", file: "NotoSansTamil", ascent: 0.87 },
  telugu: { pkg: "noto-sans-telugu", file: "NotoSansTelugu", ascent: 0.869 },
} as const;
type Family = keyof typeof FAMILIES;
const FAMILY_OF: Record<Locale, Family> = { en: "devanagari", hi: "devanagari", mr: "devanagari", bn: "bengali", ta: "tamil", te: "telugu" };

/** Absolute paths of a language's TTFs (tests lay text out with them exactly as the PDF does). */
export function reportFontFilesFor(locale: Locale): { regular: string; bold: string } {
  const { pkg, file } = FAMILIES[FAMILY_OF[locale]];
  const resolve = (weight: string) => createRequire(import.meta.url).resolve(`@expo-google-fonts/${pkg}/${weight}/${file}_${weight}.ttf`);
  return { regular: resolve("400Regular"), bold: resolve("700Bold") };
}

/** The English and Hindi (Devanagari) family's files, resolved when first asked for. */
export const reportFontFiles = {
  get regular(): string {
    return reportFontFilesFor("hi").regular;
  },
  get bold(): string {
    return reportFontFilesFor("hi").bold;
  },
} as const;

interface FontBytes {
  regular: Buffer;
  bold: Buffer;
}

let anchorsGuarded = false;

/**
 * fontkit (pdfkit's shaper) throws on a NULL anchor in a GPOS mark table, which the OpenType spec
 * allows and Noto Sans Telugu has: every "ప్ర" would fail the whole report (foliojs/fontkit#367,
 * fix proposed in #374). Until a release has it, the one method is wrapped to skip such an anchor,
 * as HarfBuzz does. It reaches fontkit's private classes through a font's layout engine (pdfkit and
 * fontkit are pinned); if they ever move, nothing is changed and the test of Telugu reports fails.
 */
async function guardNullAnchors(bytes: Buffer): Promise<void> {
  if (anchorsGuarded) return;
  anchorsGuarded = true;
  // pdfkit's ESM build imports fontkit's ESM build, a separate copy from the CommonJS one that
  // require() gives (tools and tests use that): both get the guard.
  const fontkitName = "fontkit";
  const copies: unknown[] = [];
  try {
    copies.push(await import(fontkitName));
  } catch {
    // not importable from here: pdfkit then brings its own, unguarded
  }
  try {
    copies.push(createRequire(createRequire(import.meta.url).resolve("pdfkit"))(fontkitName));
  } catch {
    // likewise
  }
  for (const copy of copies) guardCopy(copy as { create?: unknown; default?: unknown }, bytes);
}

function guardCopy(fontkit: { create?: unknown; default?: unknown }, bytes: Buffer): void {
  try {
    const api = (typeof fontkit.create === "function" ? fontkit : fontkit.default) as { create(b: Buffer): unknown };
    const font = api.create(bytes) as { layout(t: string): unknown; _layoutEngine?: { engine?: { GPOSProcessor?: object } } };
    font.layout("a");
    const gpos = font._layoutEngine?.engine?.GPOSProcessor;
    if (!gpos) return;
    const proto = Object.getPrototypeOf(gpos) as { applyAnchor?: (mark: { markAnchor?: unknown } | null, base: unknown, index: number) => void };
    const applyAnchor = proto.applyAnchor;
    if (typeof applyAnchor !== "function") return;
    proto.applyAnchor = function (mark, base, index) {
      if (base == null || mark?.markAnchor == null) return;
      applyAnchor.call(this, mark, base, index);
    };
  } catch {
    // fontkit's insides changed: leave it as it is.
  }
}

const fontBytes = new Map<Family, Promise<FontBytes>>();

/** Reads each family's TTFs once per process, when a report in that script is first made. */
function loadFonts(locale: Locale): Promise<FontBytes> {
  const family = FAMILY_OF[locale];
  let loading = fontBytes.get(family);
  if (!loading) {
    const files = reportFontFilesFor(locale);
    loading = Promise.all([readFile(files.regular), readFile(files.bold)]).then(
      ([regular, bold]) => ({ regular, bold }),
      (error: unknown) => {
        fontBytes.delete(family); // let a later call retry
        throw error;
      },
    );
    fontBytes.set(family, loading);
  }
  return loading;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 } as const;
/** Baseline of the footer, measured from the bottom edge of the page (inside the bottom margin). */
const FOOTER_FROM_BOTTOM = 38;

const SIZE = { title: 18, intro: 9.5, heading: 13, subheading: 11, body: 10.5, label: 9.5, mono: 8.5, footer: 8 } as const;
const LINE_GAP = 1.5;
const COLOR = { text: "#1d1d1f", muted: "#5f6368", rule: "#d5d7da", box: "#aeb2b8" } as const;
const GAP = { block: 8, item: 3, row: 3, section: 14, subheading: 9, afterHeading: 5, box: 8 } as const;
const LABEL_WIDTH = 128;
const LABEL_GUTTER = 12;
const BULLET_INDENT = 14;
/** Room for one line of handwriting on a printed form, and the tick boxes beside their labels. */
const BLANK_LINE = 24;
const CHECKBOX = { size: 9, gap: 5, spacing: 18 } as const;

/** The two registered Noto faces, and the built-in Courier for ASCII-only mono blocks. */
type Font = "regular" | "bold" | "Courier";

/**
 * Ascent in em (Noto Sans Devanagari 896/1000 in both weights; Courier's AFM 629/1000). Set to the
 * report's family before it is laid out: layout runs synchronously once the fonts are loaded, so
 * two reports never interleave here.
 */
const ASCENT: Record<Font, number> = { regular: 0.896, bold: 0.896, Courier: 0.629 };

/** How far down to start `font` at `size` so it shares a baseline with body text started at the same y. */
function baselineShift(font: Font, size: number): number {
  return ASCENT.regular * SIZE.body - ASCENT[font] * size;
}

function use(doc: Doc, font: Font, size: number, color: string = COLOR.text): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

/** Courier has only WinAnsi glyphs; anything else in a "mono" block goes through the Noto font. */
function monoFont(text: string): "Courier" | "regular" {
  return /^[\x20-\x7e\n]*$/.test(text) ? "Courier" : "regular";
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function pageContentHeight(doc: Doc): number {
  return doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
}

/** Starts a new page when `height` does not fit in what is left of this one but fits on a fresh one. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc) && height <= pageContentHeight(doc)) {
    doc.addPage();
  }
}

function lineHeight(doc: Doc, font: Font, size: number): number {
  use(doc, font, size);
  return doc.currentLineHeight(true) + LINE_GAP;
}

function textHeight(doc: Doc, font: Font, size: number, text: string, width: number): number {
  use(doc, font, size);
  return doc.heightOfString(text, { width, lineGap: LINE_GAP });
}

/**
 * A value that is one long ASCII token (a SHA-256 hash, a long URL) and would not fit on one line
 * in the body font is set like a "mono" block, so a hash usually stays on one line.
 */
function valueStyle(doc: Doc, value: string, valueWidth: number): [Font, number] {
  if (/^[\x21-\x7e]+$/.test(value) && use(doc, "regular", SIZE.body).widthOfString(value) > valueWidth) {
    return ["Courier", SIZE.mono];
  }
  return ["regular", SIZE.body];
}

function fieldsRowHeight(doc: Doc, [label, value]: [string, string], width: number): number {
  const valueWidth = width - LABEL_WIDTH - LABEL_GUTTER;
  const [font, size] = valueStyle(doc, value, valueWidth);
  return Math.max(
    baselineShift("bold", SIZE.label) + textHeight(doc, "bold", SIZE.label, label, LABEL_WIDTH),
    baselineShift(font, size) + textHeight(doc, font, size, value, valueWidth),
  );
}

/** Height a block needs if drawn in one piece. */
function measure(doc: Doc, block: Block): number {
  const width = contentWidth(doc);
  switch (block.kind) {
    case "paragraph":
      return textHeight(doc, "regular", SIZE.body, block.text, width);
    case "list":
      return block.items.reduce(
        (sum, item) => sum + textHeight(doc, "regular", SIZE.body, item, width - BULLET_INDENT) + GAP.item,
        0,
      );
    case "fields":
      return block.rows.reduce((sum, row) => sum + fieldsRowHeight(doc, row, width) + GAP.row, 0);
    case "boxed":
      return textHeight(doc, "regular", SIZE.body, block.text, width - 2 * GAP.box) + 2 * GAP.box;
    case "mono":
      return textHeight(doc, monoFont(block.text), SIZE.mono, block.text, width);
    case "subheading":
      return textHeight(doc, "bold", SIZE.subheading, block.text, width);
    case "notice":
      return textHeight(doc, "bold", SIZE.body, block.text, width - 2 * GAP.box) + 2 * GAP.box;
    case "blanks":
      return block.rows.reduce((sum, row) => sum + blankRowHeight(doc, row) + GAP.row, 0);
    case "checkboxes":
      return checkboxRows(doc, block.items).length * lineHeight(doc, "regular", SIZE.body);
  }
}

/** A write-in row: its label, and as many ruled lines as asked for beside it. */
function blankRowHeight(doc: Doc, row: { label: string; lines?: number }): number {
  return Math.max(baselineShift("bold", SIZE.label) + textHeight(doc, "bold", SIZE.label, row.label, LABEL_WIDTH), (row.lines ?? 1) * BLANK_LINE);
}

/** Tick boxes with their labels, placed left to right and wrapped into rows that fit the width. */
function checkboxRows(doc: Doc, items: { label: string; checked?: boolean }[]): { x: number; width: number; label: string; checked: boolean }[][] {
  const width = contentWidth(doc);
  const rows: { x: number; width: number; label: string; checked: boolean }[][] = [[]];
  let x = 0;
  use(doc, "regular", SIZE.body);
  for (const item of items) {
    const itemWidth = Math.min(CHECKBOX.size + CHECKBOX.gap + doc.widthOfString(item.label), width);
    if (x > 0 && x + itemWidth > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push({ x, width: itemWidth, label: item.label, checked: item.checked ?? false });
    x += itemWidth + CHECKBOX.spacing;
  }
  return rows;
}

/** What must follow a heading on the same page, so a heading never ends a page alone. */
function leadHeight(doc: Doc, block: Block | undefined): number {
  if (!block) return 0;
  const whole = measure(doc, block);
  const keptWhole = block.kind === "fields" || block.kind === "mono" || block.kind === "blanks" || block.kind === "checkboxes" || block.kind === "subheading";
  const twoLines = 2 * lineHeight(doc, "regular", SIZE.body) + (block.kind === "boxed" || block.kind === "notice" ? 2 * GAP.box : 0);
  return keptWhole && whole <= pageContentHeight(doc) * 0.6 ? whole : Math.min(whole, twoLines);
}

function drawParagraph(doc: Doc, text: string): void {
  use(doc, "regular", SIZE.body).text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP });
}

function drawList(doc: Doc, items: string[]): void {
  const width = contentWidth(doc);
  for (const item of items) {
    // The bullet is drawn by hand, so its item's first line must start on the same page.
    keepTogether(doc, Math.min(textHeight(doc, "regular", SIZE.body, item, width - BULLET_INDENT), 2 * lineHeight(doc, "regular", SIZE.body)));
    const y = doc.y;
    use(doc, "regular", SIZE.body).text("•", MARGIN.left + 3, y, { lineBreak: false });
    doc.text(item, MARGIN.left + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
    doc.y += GAP.item;
  }
  doc.y -= GAP.item;
}

/** `ruleAbove`: a hairline separates consecutive timeline entries (not at the top of a page). */
function drawFields(doc: Doc, rows: [string, string][], ruleAbove: boolean): void {
  const width = contentWidth(doc);
  const valueX = MARGIN.left + LABEL_WIDTH + LABEL_GUTTER;
  const valueWidth = width - LABEL_WIDTH - LABEL_GUTTER;
  // A timeline entry stays on one page when it can.
  keepTogether(doc, rows.reduce((sum, row) => sum + fieldsRowHeight(doc, row, width) + GAP.row, 0));
  if (ruleAbove && doc.y > doc.page.margins.top) rule(doc, doc.y - GAP.block / 2);
  for (const [label, value] of rows) {
    keepTogether(doc, fieldsRowHeight(doc, [label, value], width));
    const y = doc.y;
    const page = doc.page;
    use(doc, "bold", SIZE.label, COLOR.muted).text(label, MARGIN.left, y + baselineShift("bold", SIZE.label), {
      width: LABEL_WIDTH,
      lineGap: LINE_GAP,
    });
    const labelBottom = doc.y;
    const [font, size] = valueStyle(doc, value, valueWidth);
    use(doc, font, size).text(value, valueX, y + baselineShift(font, size), { width: valueWidth, lineGap: LINE_GAP });
    // A value taller than a page flows on; otherwise the row ends below the taller column.
    if (doc.page === page) doc.y = Math.max(doc.y, labelBottom);
    doc.y += GAP.row;
  }
  doc.y -= GAP.row;
}

/**
 * Text in a light border (a notice: bold, in a darker one). When it runs over a page break, each
 * page gets its own piece of box.
 */
function drawBoxed(doc: Doc, text: string, font: "regular" | "bold" = "regular"): void {
  const width = contentWidth(doc);
  const pad = GAP.box;
  const innerWidth = width - 2 * pad;
  const height = textHeight(doc, font, SIZE.body, text, innerWidth) + 2 * pad;
  // In one piece when it fits on a page (it is meant to be copied); else at least two lines here.
  keepTogether(doc, height <= pageContentHeight(doc) ? height : 2 * lineHeight(doc, font, SIZE.body) + 2 * pad);

  const pieces: { page: number; top: number; bottom: number }[] = [];
  let top = doc.y;
  let pageIndex = currentPageIndex(doc);
  const onPageAdded = () => {
    pieces.push({ page: pageIndex, top, bottom: doc.page.height - MARGIN.bottom + pad / 2 });
    pageIndex = currentPageIndex(doc);
    top = doc.page.margins.top - pad;
  };
  doc.on("pageAdded", onPageAdded);
  try {
    use(doc, font, SIZE.body).text(text, MARGIN.left + pad, top + pad, { width: innerWidth, lineGap: LINE_GAP });
  } finally {
    doc.off("pageAdded", onPageAdded);
  }
  // heightOfString/text count a line gap after the last line; keep the padding even.
  pieces.push({ page: pageIndex, top, bottom: doc.y - LINE_GAP + pad });

  for (const piece of pieces) {
    doc.switchToPage(piece.page);
    doc
      .save()
      .lineWidth(font === "bold" ? 1.5 : 0.75)
      .strokeColor(font === "bold" ? COLOR.text : COLOR.box)
      .roundedRect(MARGIN.left, piece.top, width, piece.bottom - piece.top, 3)
      .stroke()
      .restore();
  }
  doc.switchToPage(pageIndex);
  doc.y = pieces[pieces.length - 1]!.bottom;
}

function drawMono(doc: Doc, text: string): void {
  const width = contentWidth(doc);
  const font = monoFont(text);
  keepTogether(doc, textHeight(doc, font, SIZE.mono, text, width));
  use(doc, font, SIZE.mono).text(text, MARGIN.left, doc.y, { width, lineGap: LINE_GAP });
}

function drawSubheading(doc: Doc, text: string, next: Block | undefined): void {
  const width = contentWidth(doc);
  // Never the last line of a page: what it introduces starts on the same page.
  keepTogether(doc, textHeight(doc, "bold", SIZE.subheading, text, width) + GAP.block + leadHeight(doc, next));
  use(doc, "bold", SIZE.subheading).text(text, MARGIN.left, doc.y, { width, lineGap: LINE_GAP });
}

/** Each label with ruled lines beside it, left empty to be written on by hand. */
function drawBlanks(doc: Doc, rows: { label: string; lines?: number }[]): void {
  const ruleX = MARGIN.left + LABEL_WIDTH + LABEL_GUTTER;
  const ruleEnd = MARGIN.left + contentWidth(doc);
  for (const row of rows) {
    keepTogether(doc, blankRowHeight(doc, row));
    const y = doc.y;
    use(doc, "bold", SIZE.label, COLOR.muted).text(row.label, MARGIN.left, y + baselineShift("bold", SIZE.label), { width: LABEL_WIDTH, lineGap: LINE_GAP });
    const labelBottom = doc.y;
    // The first line sits on the label's baseline; more lines follow a handwriting line apart.
    const firstBaseline = y + ASCENT.regular * SIZE.body + 2;
    doc.save().lineWidth(0.6).strokeColor(COLOR.muted);
    for (let i = 0; i < (row.lines ?? 1); i++) {
      const lineY = firstBaseline + i * BLANK_LINE;
      doc.moveTo(ruleX, lineY).lineTo(ruleEnd, lineY).stroke();
    }
    doc.restore();
    doc.y = Math.max(labelBottom, y + blankRowHeight(doc, row)) + GAP.row;
  }
  doc.y -= GAP.row;
}

/** Empty squares to tick by hand; a checked one gets a drawn tick (no font has to carry ✓). */
function drawCheckboxes(doc: Doc, items: { label: string; checked?: boolean }[]): void {
  const rows = checkboxRows(doc, items);
  const height = lineHeight(doc, "regular", SIZE.body);
  keepTogether(doc, rows.length * height);
  for (const row of rows) {
    keepTogether(doc, height);
    const y = doc.y;
    const boxTop = y + ASCENT.regular * SIZE.body - CHECKBOX.size + 1;
    for (const item of row) {
      const x = MARGIN.left + item.x;
      doc.save().lineWidth(0.8).strokeColor(COLOR.text).rect(x, boxTop, CHECKBOX.size, CHECKBOX.size).stroke();
      if (item.checked) {
        const s = CHECKBOX.size;
        doc
          .lineWidth(1.4)
          .moveTo(x + 0.2 * s, boxTop + 0.55 * s)
          .lineTo(x + 0.42 * s, boxTop + 0.8 * s)
          .lineTo(x + 0.85 * s, boxTop + 0.15 * s)
          .stroke();
      }
      doc.restore();
      use(doc, "regular", SIZE.body).text(item.label, x + CHECKBOX.size + CHECKBOX.gap, y, { lineBreak: false });
    }
    doc.y = y + height;
  }
}

function drawBlock(doc: Doc, block: Block, previous: Block | undefined, next: Block | undefined): void {
  switch (block.kind) {
    case "paragraph":
      return drawParagraph(doc, block.text);
    case "list":
      return drawList(doc, block.items);
    case "fields":
      return drawFields(doc, block.rows, previous?.kind === "fields");
    case "boxed":
      return drawBoxed(doc, block.text);
    case "mono":
      return drawMono(doc, block.text);
    case "subheading":
      return drawSubheading(doc, block.text, next);
    case "notice":
      return drawBoxed(doc, block.text, "bold");
    case "blanks":
      return drawBlanks(doc, block.rows);
    case "checkboxes":
      return drawCheckboxes(doc, block.items);
  }
}

function currentPageIndex(doc: Doc): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
}

function rule(doc: Doc, y: number): void {
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + contentWidth(doc), y)
    .stroke()
    .restore();
}

/** The scripts whose shaped glyphs do not copy back out in order: Devanagari, Bengali, Tamil, Telugu. */
const INDIC = /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}]/u;

/**
 * pdfkit gives each glyph a single Unicode string in the font's ToUnicode map (the first one it
 * was drawn for), so shaped Hindi copies out of a PDF in glyph order and sometimes with the wrong
 * letter (इ and ई share a glyph; a reph can vanish). Each drawn line holding Devanagari is wrapped
 * in a marked-content Span whose /ActualText is the line as written, which viewers that honour
 * ActualText (Acrobat, poppler; not pdf.js) use for copy and search. Hooks pdfkit's per-line
 * callback (private; pdfkit is pinned), and does nothing if that ever disappears.
 */
function copyableHindi(doc: Doc): void {
  const internal = doc as unknown as { _line?: (text: string, ...rest: unknown[]) => void };
  const drawLine = internal._line;
  if (typeof drawLine !== "function") return;
  internal._line = (text: string, ...rest: unknown[]) => {
    const span = INDIC.test(text);
    if (span) doc.markContent("Span", { actual: text.replace(/\n/g, "") });
    drawLine(text, ...rest);
    if (span) doc.endMarkedContent();
  };
}

function drawFooters(doc: Doc, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const text = footer.replaceAll("{page}", String(i - start + 1)).replaceAll("{pages}", String(count));
    // Writing below the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    use(doc, "regular", SIZE.footer, COLOR.muted);
    const y = doc.page.height - FOOTER_FROM_BOTTOM - SIZE.footer * ASCENT.regular;
    doc.text(text, MARGIN.left, y, { width: contentWidth(doc), align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const [fonts, PDFDocument] = await Promise.all([loadFonts(report.locale), loadPdfkit()]);
  await guardNullAnchors(fonts.regular);
  ASCENT.regular = ASCENT.bold = FAMILIES[FAMILY_OF[report.locale]].ascent;
  const createdAt = report.createdAt ?? new Date();
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: { ...MARGIN },
    bufferPages: true,
    lang: `${report.locale}-IN`,
    info: { Title: report.title, CreationDate: createdAt, ModDate: createdAt },
  });
  // pdfkit fills these in with "PDFKit"; the file says nothing beyond its title and dates.
  delete doc.info.Producer;
  delete doc.info.Creator;

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  copyableHindi(doc);
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);

  const width = contentWidth(doc);
  use(doc, "bold", SIZE.title).text(report.title, MARGIN.left, MARGIN.top, { width, lineGap: LINE_GAP });
  if (report.intro.length > 0) {
    doc.y += 2;
    use(doc, "regular", SIZE.intro, COLOR.muted).text(report.intro.join("\n"), MARGIN.left, doc.y, {
      width,
      lineGap: LINE_GAP,
    });
  }
  doc.y += 6;
  rule(doc, doc.y);

  for (const section of report.sections) {
    if (section.newPage && doc.y > doc.page.margins.top) doc.addPage();
    else doc.y += GAP.section;
    const headingHeight = textHeight(doc, "bold", SIZE.heading, section.heading, width) + GAP.afterHeading;
    keepTogether(doc, headingHeight + leadHeight(doc, section.blocks[0]));
    use(doc, "bold", SIZE.heading).text(section.heading, MARGIN.left, doc.y, { width, lineGap: LINE_GAP });
    doc.y += GAP.afterHeading;
    section.blocks.forEach((block, i) => {
      if (i > 0) doc.y += block.kind === "subheading" ? GAP.subheading : GAP.block;
      drawBlock(doc, block, section.blocks[i - 1], section.blocks[i + 1]);
    });
  }

  drawFooters(doc, report.footer);
  doc.end();
  return done;
}
