import PDFDocument from 'pdfkit';
import { resourceFilePath } from '../resource-files';
import type { PdfDocument } from './page-layout';

/**
 * The font names official documents write with; both are DejaVu Sans, embedded (DESIGN.md §5).
 *
 * DejaVu Sans covers Latin with diacritics, Greek, Cyrillic and the euro sign, so students' names are
 * printed as they are spelled; the 14 standard PDF fonts cover none of that and are never embedded,
 * which PDF/A forbids.
 */
export const pdfFonts = {
  regular: 'DeskSans',
  bold: 'DeskSans-Bold',
} as const;

/** The font files under `resources/`, copied from the dejavu-fonts-ttf package. */
export const pdfFontFiles: Readonly<Record<keyof typeof pdfFonts, string>> = {
  regular: 'fonts/DejaVuSans.ttf',
  bold: 'fonts/DejaVuSans-Bold.ttf',
};

/** What pdfkit's `registerFont` and `font` option take; a parsed fontkit font is passed where the types say path. */
export type PdfFontSource = NonNullable<Parameters<PdfDocument['registerFont']>[1]>;

/** A font as fontkit parsed it: pdfkit recognises one by its `layout` method and uses it as it is. */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
  postscriptName: string;
  /** fontkit's cache of glyph objects by id, each with the code points it was first asked for. */
  _glyphs?: Record<number, unknown>;
}

/**
 * Reads and parses a TrueType file with the fontkit that pdfkit bundles, by opening it as the default font
 * of a document that is never written: pdfkit then holds the parsed font as `_font.font`.
 */
function parseFontFile(file: string): ParsedFont {
  const scratch = new PDFDocument({ autoFirstPage: false, font: resourceFilePath(file) });
  const parsed = (scratch as unknown as { _font?: { font?: Partial<ParsedFont> } })._font?.font;
  if (typeof parsed?.layout !== 'function' || typeof parsed.postscriptName !== 'string')
    throw new Error(`pdfkit did not parse ${file} as expected; check the pdfkit version.`);
  return parsed as ParsedFont;
}

let parsedFonts: Readonly<Record<keyof typeof pdfFonts, ParsedFont>> | undefined;

/**
 * The regular and bold fonts, read and parsed once per process and shared by every document.
 *
 * Registering a font by its path made pdfkit read the 700 KB file and parse it with fontkit for every
 * document, which took most of the 150–250 ms a certificate needed. pdfkit keeps each document's glyph
 * subset and layout cache in its own wrapper; the one state fontkit keeps is its glyph cache, whose
 * glyphs remember the code points they were first created with, and pdfkit writes those into the
 * document's ToUnicode map. Subsetting a composite glyph creates its components without code points
 * (Cyrillic 'р' is drawn from Latin 'p'), so a shared cache would make a later document's 'p' unreadable
 * to text extraction: each document starts with an empty glyph cache, as it did with its own parse.
 */
export function pdfFontSource(weight: keyof typeof pdfFonts): PdfFontSource {
  parsedFonts ??= { regular: parseFontFile(pdfFontFiles.regular), bold: parseFontFile(pdfFontFiles.bold) };
  const font = parsedFonts[weight];
  if (font._glyphs !== undefined) font._glyphs = {};
  return font as unknown as PdfFontSource;
}

/** Registers the regular and bold fonts under the names of `pdfFonts`; only glyphs used are embedded. */
export function registerPdfFonts(doc: PdfDocument): void {
  doc.registerFont(pdfFonts.regular, pdfFontSource('regular'));
  doc.registerFont(pdfFonts.bold, pdfFontSource('bold'));
}
