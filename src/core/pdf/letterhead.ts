import { z } from 'zod';
import letterheadData from '../../../resources/letterhead/letterhead.json' with { type: 'json' };
import { a4Layout, contentWidth, type PdfDocument } from './page-layout';
import { pdfFonts } from './pdf-fonts';

const line = z.string().trim().min(1, 'must not be empty');

/** Schema of resources/letterhead/letterhead.json: the issuing office as letterhead and signature show it. */
export const letterheadSchema = z.strictObject({
  /** The university, in large type at the top left and in every closing. */
  university: line,
  /** The office under the university's name. */
  unit: line,
  /** Who signs the documents, above the university in the closing. */
  signature: line,
  /** The address block at the top right, one line each. */
  address: z.array(line).min(1, 'needs at least one line'),
  email: z.email(),
  /** Host name without scheme, e.g. 'www.maastrichtuniversity.nl'; verification links are built from it. */
  website: z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a host name such as www.example.nl (no https://)'),
});

/** The issuing office, read from resources/letterhead/letterhead.json. */
export type IssuingOffice = Readonly<z.infer<typeof letterheadSchema>>;

/**
 * Validates letterhead data; invalid data throws an Error naming each offending field, e.g.
 * `address.1: must not be empty`.
 */
export function parseLetterhead(
  raw: unknown,
  source = 'resources/letterhead/letterhead.json',
): IssuingOffice {
  const result = letterheadSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
    );
    throw new Error(`The letterhead in ${source} is invalid: ${problems.join('; ')}.`);
  }
  return Object.freeze({ ...result.data, address: Object.freeze([...result.data.address]) as string[] });
}

/** The office that issues the documents, as its letterhead and signature show it (Issue 5 point 5: from resources). */
export const issuingOffice: IssuingOffice = parseLetterhead(letterheadData);

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
