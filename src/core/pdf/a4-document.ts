import PDFDocument from 'pdfkit';
import { pdfFonts, registerPdfFonts } from './pdf-fonts';
import { a4Layout, type PdfDocument } from './page-layout';
import { streamObjectsCheaply } from './pdf-streams';

/** What the PDF says about itself (document properties and XMP metadata). */
export interface DocumentMetadata {
  /** The document title, e.g. 'Reminder: tuition fee arrears'; viewers show it instead of the file name. */
  title: string;
  /** One line on what the document is about, e.g. the student it concerns. */
  subject: string;
  /** Who issues it, e.g. 'Student Services Centre, Maastricht University'. */
  author: string;
  /** When it was made: the service's clock, so that a fixed clock gives the same bytes. */
  createdAt: Date;
}

/**
 * pdfkit writes the title, author and subject into the XMP packet without escaping them, so a '<' or
 * '&' in a student's name would make the metadata invalid XML and the file fail PDF/A validation.
 */
function safeForXmp(text: string): string {
  return text.replaceAll('&', 'and').replace(/[<>]/g, '');
}

/**
 * A new A4 document with DejaVu Sans embedded and the metadata and output intent of PDF/A-2b (as far
 * as pdfkit 0.20 provides them), on its first page, ready for text at the top margin.
 *
 * Pages are buffered: the letterhead and the footer ("page n of N") are drawn on every page once the
 * content is complete and the page count known (`decorateOfficialPages`). Drawing them from pdfkit's
 * 'pageAdded' event instead would change the font and colour of a paragraph that flows onto a new page.
 */
export function createA4Document(metadata: DocumentMetadata): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...a4Layout.margins },
    // PDF/A-2 builds on PDF 1.7; pdfkit then adds the XMP identification and the sRGB output intent.
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load Helvetica, which cannot be embedded, or parse and embed a
    // second copy of DejaVu Sans. The registered fonts are selected below, before the first page.
    font: null as unknown as string,
    info: {
      Title: safeForXmp(metadata.title),
      Subject: safeForXmp(metadata.subject),
      Author: safeForXmp(metadata.author),
      Creator: 'Student Affairs Desk',
      Producer: 'Student Affairs Desk (PDFKit)',
      // From the caller's clock rather than pdfkit's `new Date()`: the file ID is derived from it too.
      CreationDate: metadata.createdAt,
      ModDate: metadata.createdAt,
    },
  });
  streamObjectsCheaply(doc);
  registerPdfFonts(doc);
  doc.font(pdfFonts.regular);
  doc.addPage();
  doc.font(pdfFonts.regular).fontSize(a4Layout.fontSize.body).fillColor(a4Layout.colours.text);
  return doc;
}
