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

/** Registers the regular and bold fonts under the names of `pdfFonts`; only glyphs used are embedded. */
export function registerPdfFonts(doc: PdfDocument): void {
  doc.registerFont(pdfFonts.regular, resourceFilePath(pdfFontFiles.regular));
  doc.registerFont(pdfFonts.bold, resourceFilePath(pdfFontFiles.bold));
}
