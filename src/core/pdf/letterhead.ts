import { a4Layout, contentWidth, type PdfDocument } from './page-layout';
import { pdfFonts } from './pdf-fonts';

/** The office that issues the documents, as its letterhead and signature show it. */
export const issuingOffice = {
  university: 'Maastricht University',
  unit: 'Student Services Centre — Office of Student Affairs',
  signature: 'Office of Student Affairs, Student Services Centre',
  address: [
    'Bonnefantenstraat 2',
    '6211 KL Maastricht',
    'P.O. Box 616, 6200 MD Maastricht',
    'The Netherlands',
  ],
  email: 'study@maastrichtuniversity.nl',
  website: 'www.maastrichtuniversity.nl',
} as const;

const addressWidth = 170;
const addressLineHeight = 9.6;

/**
 * Draws the letterhead at the top of the current page, above the top margin: the university and the
 * office on the left, the address block on the right, and a rule across.
 */
export function drawLetterhead(doc: PdfDocument): void {
  const { margins, colours } = a4Layout;
  const left = margins.left;
  const top = 40;
  doc.save();
  doc
    .font(pdfFonts.bold)
    .fontSize(17)
    .fillColor(colours.brand)
    .text(issuingOffice.university, left, top, { lineBreak: false });
  doc
    .font(pdfFonts.regular)
    .fontSize(9.5)
    .fillColor(colours.brand)
    .text(issuingOffice.unit, left, top + 24, { lineBreak: false });

  const addressLeft = left + contentWidth - addressWidth;
  const lines = [...issuingOffice.address, issuingOffice.email, issuingOffice.website];
  doc.font(pdfFonts.regular).fontSize(7.5).fillColor(colours.muted);
  lines.forEach((line, i) => {
    doc.text(line, addressLeft, top + 1 + i * addressLineHeight, {
      width: addressWidth,
      align: 'right',
      lineBreak: false,
    });
  });

  const ruleY = top + 1 + lines.length * addressLineHeight + 8;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + contentWidth, ruleY)
    .lineWidth(1.2)
    .strokeColor(colours.accent)
    .stroke();
  doc.restore();
}
