import { create as createQrCode } from 'qrcode';
import { a4Layout, contentWidth, type PdfDocument } from './page-layout';
import { pdfFonts } from './pdf-fonts';

/** What the footer of every page of an issued document shows. */
export interface DocumentFooter {
  /** The document's reference or register number, e.g. 'ARR-RD-i6123456-20221110'. */
  reference: string;
  /** How a reader checks the document is genuine: the code, and where to enter it (drawn as a QR code too). */
  verification?: { code: string; url?: string };
}

const qrSize = 52;
const footerLineHeight = 10;

/** Draws a QR code of `text` as vector squares, `size` points wide, with its top-left corner at (x, y). */
function drawQrCode(doc: PdfDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules keeps the page content small.
    let runStart = -1;
    for (let col = 0; col <= modules.size; col++) {
      const isDark = col < modules.size && modules.get(row, col) === 1;
      if (isDark && runStart < 0) runStart = col;
      if (!isDark && runStart >= 0) {
        doc.rect(x + runStart * cell, y + row * cell, (col - runStart) * cell, cell);
        runStart = -1;
      }
    }
  }
  doc.fill();
  doc.restore();
}

/**
 * Draws the footer of the current page, below the bottom margin: the reference, the verification
 * code and address when given, the page number and, for a verification address, its QR code.
 */
export function drawDocumentFooter(
  doc: PdfDocument,
  footer: DocumentFooter,
  page: { number: number; count: number },
): void {
  const { margins, colours, height } = a4Layout;
  const left = margins.left;
  const top = height - margins.bottom + 22;
  const qrUrl = footer.verification?.url;
  const textWidth = contentWidth - (qrUrl ? qrSize + 12 : 0);

  // pdfkit starts a new page when text passes the bottom margin; the footer is meant to be there.
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save();
  doc
    .moveTo(left, top)
    .lineTo(left + contentWidth, top)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke();

  const lines: [label: string, value: string][] = [['Reference', footer.reference]];
  if (footer.verification) {
    lines.push(['Verification code', footer.verification.code]);
    if (footer.verification.url) lines.push(['Verify at', footer.verification.url]);
  }
  lines.forEach(([label, value], i) => {
    const y = top + 8 + i * footerLineHeight;
    doc.font(pdfFonts.bold).fontSize(7.5).fillColor(colours.muted).text(label, left, y, { lineBreak: false });
    doc
      .font(pdfFonts.regular)
      .fontSize(7.5)
      .fillColor(colours.text)
      .text(value, left + 78, y, { lineBreak: false });
  });
  doc
    .font(pdfFonts.regular)
    .fontSize(7.5)
    .fillColor(colours.muted)
    .text(`Page ${page.number} of ${page.count}`, left, top + 8, {
      width: textWidth,
      height: footerLineHeight,
      align: 'right',
    });
  if (qrUrl) drawQrCode(doc, qrUrl, left + contentWidth - qrSize, top + 6, qrSize);
  doc.restore();
  doc.page.margins.bottom = bottomMargin;
}
