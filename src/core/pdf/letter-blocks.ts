import { ensureSpace, writeHeading, writeParagraph } from './document-blocks';
import type { PdfDocument } from './page-layout';

/** An article a letter applies, quoted in full at its end. */
export interface QuotedArticle {
  readonly ref: string;
  readonly title: string;
  readonly text: string;
}

/** "Yours sincerely," with the signatory in bold and the line under it, kept together on one page. */
export function writeClosing(doc: PdfDocument, signatory: string, underSignatory: string): void {
  ensureSpace(doc, 80);
  doc.moveDown(0.5);
  writeParagraph(doc, 'Yours sincerely,', { gapAfter: 16 });
  writeParagraph(doc, [{ text: signatory, strong: true }], { gapAfter: 1 });
  writeParagraph(doc, underSignatory);
}

/** The rules a letter applies, quoted after the closing so the reader can check every reason. */
export function writeQuotedArticles(
  doc: PdfDocument,
  heading: string,
  articles: readonly QuotedArticle[],
): void {
  doc.moveDown(0.8);
  writeHeading(doc, heading, { level: 2 });
  for (const article of articles) {
    writeParagraph(doc, [{ text: `${article.ref} — ${article.title}`, strong: true }], {
      fontSize: 8,
      gapAfter: 1.5,
    });
    writeParagraph(doc, article.text, { fontSize: 8, colour: '#3a3f47', gapAfter: 6 });
  }
}
