/**
 * Reading text back out of a rendered PDF, and predicting how Hindi will read there.
 *
 * pdfkit writes shaped glyphs, and its ToUnicode map gives each glyph the code points fontkit
 * assigned to it, so text extracted with pdf.js comes out in glyph (visual) order: "हिन्दी"
 * reads "िहन्दी" (the ि matra is drawn first). But the map holds ONE entry per glyph, the one of
 * its first use in the document: इ and ई share a glyph (ई is इ plus a mark), so once "गई" is drawn
 * every इ reads back as ई; a reph glyph first drawn as part of ई reads back as nothing. So
 * `visualOrder(phrase, drawnText)` lays the phrase out with the same fontkit and font, reading
 * each glyph the way its first use in `drawnText` (all text drawn in that face, in order) reads.
 * `squash` drops the whitespace pdf.js may insert inside words, so
 * `squash(await pdfText(pdf)).includes(squash(visualOrder(phrase, drawnText)))` holds when the
 * phrase was drawn.
 *
 * `actualText` reads the /ActualText spans render-pdf.ts puts around Devanagari lines (logical
 * text, what Acrobat/poppler copy out); pdf.js ignores them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { reportFontFiles } from "../../src/report/render-pdf.js";

/** The few fontkit calls used here (fontkit ships no types). */
interface FontkitGlyph {
  id: number;
  codePoints: number[];
}
interface FontkitFont {
  layout(text: string): { glyphs: FontkitGlyph[] };
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont;
}

// fontkit is pdfkit's dependency, not ours: resolve it from pdfkit so it is the copy pdfkit uses.
const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
const fontkit = requireFromPdfkit("fontkit") as Fontkit;

let regularBytes: Buffer | undefined;
let regular: FontkitFont | undefined;

/**
 * A new fontkit instance of the report's Regular face. fontkit caches a Glyph per id and keeps
 * the code points of the glyph's first creation, exactly like pdfkit's ToUnicode map, and pdfkit
 * opens a new instance per document; so a fresh instance reproduces one document's text layer.
 */
function freshFont(): FontkitFont {
  regularBytes ??= readFileSync(reportFontFiles.regular);
  return fontkit.create(regularBytes);
}

/** A shared instance, for glyph ids and counts (whose code points are not looked at). */
export function reportFont(): FontkitFont {
  regular ??= freshFont();
  return regular;
}

/** All the text pdf.js finds, pages joined by pdf-parse's "-- n of N --" lines. */
export async function pdfText(buf: Uint8Array): Promise<string> {
  return (await pdfPages(buf)).text;
}

/** Text per page, plus the page count. */
export async function pdfPages(buf: Uint8Array): Promise<{ total: number; pages: string[]; text: string }> {
  const { PDFParse } = await import("pdf-parse");
  // pdf.js may transfer (detach) the array it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    const result = await parser.getText();
    return { total: result.total, pages: result.pages.map((p) => p.text), text: result.text };
  } finally {
    await parser.destroy();
  }
}

/** The PDF's Info dictionary as pdf.js reads it (Title, Author, Creator, CreationDate, ...). */
export async function pdfInfo(buf: Uint8Array): Promise<Record<string, unknown>> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    const result = await parser.getInfo();
    return (result.info ?? {}) as Record<string, unknown>;
  } finally {
    await parser.destroy();
  }
}

/**
 * Removes all whitespace (pdf.js inserts stray spaces inside shaped words) and control
 * characters (pdf.js reads a glyph whose ToUnicode entry is empty, like a reph, as U+0014).
 */
export function squash(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, "");
}

/** Glyphs as pdfkit lays them out: line by line, word by word (a word keeps its trailing space). */
function layoutLikePdfkit(text: string, font: FontkitFont = reportFont()): FontkitGlyph[] {
  return text
    .split(/\n|(?<=[ \t])/u)
    .filter((word) => word.length > 0)
    .flatMap((word) => font.layout(word).glyphs);
}

/**
 * Seeded instances by drawn text (a fresh instance costs ~0.2 s of GSUB set-up on first Hindi
 * layout). A phrase drawn in the document adds no first uses, so reuse does not change results.
 */
const seeded = new Map<string, FontkitFont>();

/**
 * The phrase as the PDF's text layer spells it: shaped glyphs in glyph order, each read as the
 * code points of its first use in `drawnText` (the text drawn in the Regular face, in drawing
 * order; defaults to the phrase alone, right when nothing before it shares a glyph).
 */
export function visualOrder(text: string, drawnText: string = text): string {
  let font = seeded.get(drawnText);
  if (!font) {
    font = freshFont();
    layoutLikePdfkit(drawnText, font); // seeds each glyph's code points with its first use
    seeded.set(drawnText, font);
  }
  return layoutLikePdfkit(text, font)
    .map((g) => String.fromCodePoint(...g.codePoints))
    .join("");
}

/** Decodes a PDF literal string body (after "(" ) up to its closing ")"; UTF-16BE when it has a BOM. */
function readLiteral(raw: string, start: number): string {
  let bytes = "";
  for (let i = start; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === ")") break;
    if (c !== "\\") {
      bytes += c;
      continue;
    }
    const next = raw[++i]!;
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i, i + 3));
    if (octal) {
      bytes += String.fromCharCode(parseInt(octal[0], 8));
      i += octal[0].length - 1;
    } else {
      bytes += ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[next] ?? next;
    }
  }
  const buf = Buffer.from(bytes, "latin1");
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString("utf16le");
  return bytes;
}

/** The /ActualText of every marked-content span in the (Flate-compressed) page content, in order. */
export function actualText(buf: Buffer): string[] {
  const raw = buf.toString("latin1");
  const found: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const from = match.index + match[0].length;
    const to = raw.indexOf("endstream", from);
    let content: string;
    try {
      content = inflateSync(buf.subarray(from, to)).toString("latin1");
    } catch {
      continue; // not a Flate stream (font files are, but hold no ActualText)
    }
    for (const span of content.matchAll(/\/ActualText\s*\(/g)) found.push(readLiteral(content, span.index + span[0].length));
  }
  return found;
}

/** Glyphs after shaping; fewer than `codePointCount` when conjuncts/ligatures formed. */
export function glyphCount(text: string): number {
  return reportFont().layout(text).glyphs.length;
}

export function codePointCount(text: string): number {
  return [...text].length;
}

/** Characters of `text` the report font has no glyph for (they would print as .notdef boxes). */
export function missingGlyphs(text: string): string[] {
  const font = reportFont();
  return [...new Set(text)].filter((ch) => !/\s/u.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
}

/** Whether shaping produced any .notdef glyph (id 0). */
export function hasNotdef(text: string): boolean {
  return layoutLikePdfkit(text).some((g) => g.id === 0);
}
