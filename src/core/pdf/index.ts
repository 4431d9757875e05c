/** The shared layout of official documents (DESIGN.md §5): A4, embedded DejaVu Sans, letterhead, footer. */
export { createA4Document, type DocumentMetadata } from './a4-document';
export {
  ensureSpace,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeTable,
  type ParagraphStyle,
  type RichText,
  type TableColumn,
  type TableSpec,
  type TextRun,
} from './document-blocks';
export { drawDocumentFooter, type DocumentFooter } from './document-footer';
export { drawLetterhead, issuingOffice } from './letterhead';
export { writeClosing, writeQuotedArticles, type QuotedArticle } from './letter-blocks';
export { a4Layout, contentWidth, type PdfDocument } from './page-layout';
export { pdfFontFiles, pdfFonts, registerPdfFonts } from './pdf-fonts';
export { decorateOfficialPages, renderPdf, type OfficialDocumentSpec } from './render-pdf';
