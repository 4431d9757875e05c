import { create as createQrCode, type QRCodeSegment } from 'qrcode';
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

/** What QR alphanumeric mode encodes: digits, capitals, space and $%*+-./: (11 bits per two characters). */
const qrAlphanumeric = /^[0-9A-Z $%*+\-./:]+$/;

/**
 * A verification address as QR segments: the address in byte mode and the code after its last '=' in the
 * denser alphanumeric mode, which is the split qrcode's own search finds for these addresses. Naming the
 * segments spares that search (a shortest-path over every character), which took half of the QR code.
 */
function qrSegmentsOf(text: string): QRCodeSegment[] {
  const split = text.lastIndexOf('=') + 1;
  const tail = text.slice(split);
  return split > 0 && tail.length >= 8 && qrAlphanumeric.test(tail)
    ? [
        { data: Buffer.from(text.slice(0, split), 'utf8'), mode: 'byte' },
        { data: tail, mode: 'alphanumeric' },
      ]
    : [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }];
}

/**
 * The dark modules of a QR code of `text` as PDF path operators in module units, one rectangle per run of
 * dark modules in a row: '4 0 3 1 re' is three modules from column 4 of row 0.
 */
function qrCodePath(text: string): { size: number; path: string } {
  const { modules } = createQrCode(qrSegmentsOf(text), { errorCorrectionLevel: 'M' });
  const rectangles: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let runStart = -1;
    for (let col = 0; col <= modules.size; col++) {
      const isDark = col < modules.size && modules.get(row, col) === 1;
      if (isDark && runStart < 0) runStart = col;
      if (!isDark && runStart >= 0) {
        rectangles.push(`${runStart} ${row} ${col - runStart} 1 re`);
        runStart = -1;
      }
    }
  }
  return { size: modules.size, path: rectangles.join('\n') };
}

/**
 * Draws a QR code of `text` as one vector path, `size` points wide, with its top-left corner at (x, y).
 *
 * The path is written in module units under a scaling matrix: integer coordinates keep the page content a
 * third of what rectangles in points with six decimals took, which is less to build and to compress.
 */
function drawQrCode(doc: PdfDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrCodePath(text);
  const cell = size / qr.size;
  doc.save().fillColor('#000000');
  doc.transform(cell, 0, 0, cell, x, y);
  doc.addContent(qr.path);
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
