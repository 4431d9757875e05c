import { issuingOffice, renderPdf, writeHeading, writeKeyValues, writeParagraph } from '../../pdf';
import { formatVerificationCode } from './verification-code';

/** What an issued document states and how it is identified; the same layout serves every kind. */
export interface IssuedDocumentContent {
  /** The title, e.g. 'Proof of payment of tuition fees (BBC)'. */
  title: string;
  /** The register number, printed in the footer of every page. */
  number: string;
  /** The verification code, 16 characters without separators. */
  verificationCode: string;
  /** Where a reader verifies it; the footer prints it and draws it as a QR code. */
  verificationUrl: string;
  /** The student as named on the document, e.g. 'Łukasz Dvořák'. */
  studentName: string;
  studentNumber: string;
  /** The opening declaration. */
  declaration: string;
  /** What the document certifies, label and value. */
  contents: readonly (readonly [string, string])[];
  /** Closing paragraphs: what the document is for, the articles it rests on. */
  notes: readonly string[];
  /** The day of issue as printed, e.g. '5 September 2022'. */
  issuedOnText: string;
}

/** The address a verification code is checked at; the QR code on the document encodes it. */
export function verificationUrlOf(code: string): string {
  return `https://${issuingOffice.website}/verify?code=${formatVerificationCode(code)}`;
}

/**
 * Renders an issued document as an official A4 PDF: letterhead, the declaration, what it certifies, the
 * notes, the signature, and on every page the register number, verification code and QR code.
 *
 * The verification code is also written into the document's metadata (uncompressed XMP), so that a
 * presented file whose bytes were changed can still be traced to its register entry ('altered').
 */
export function renderIssuedDocument(content: IssuedDocumentContent, createdAt: Date): Promise<Buffer> {
  const code = formatVerificationCode(content.verificationCode);
  return renderPdf(
    {
      title: content.title,
      subject: `${content.studentName} (${content.studentNumber}); ${content.number}; verification code ${code}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt,
      footer: { reference: content.number, verification: { code, url: content.verificationUrl } },
    },
    (doc) => {
      writeHeading(doc, content.title);
      writeParagraph(doc, content.declaration);
      doc.moveDown(0.3);
      writeKeyValues(
        doc,
        content.contents.map(([label, value]) => [label, value]),
      );
      doc.moveDown(0.6);
      for (const note of content.notes) writeParagraph(doc, note, { fontSize: 9 });
      doc.moveDown(0.6);
      writeKeyValues(doc, [
        ['Issued on', content.issuedOnText],
        ['Document number', content.number],
        ['Verification code', code],
      ]);
      doc.moveDown(0.6);
      writeParagraph(
        doc,
        `The authenticity of this document can be checked with its verification code at ${content.verificationUrl.split('?')[0] ?? ''} or by scanning the QR code below. A document whose code is unknown, revoked or superseded is not valid.`,
        { fontSize: 8.5, colour: '#3a3f47' },
      );
      doc.moveDown(0.6);
      writeParagraph(doc, [{ text: issuingOffice.signature, strong: true }], { gapAfter: 1 });
      writeParagraph(doc, issuingOffice.university);
    },
  );
}
