import {
  ensureSpace,
  issuingOffice,
  renderPdf,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeQuotedArticles,
} from '../../pdf';
import { findProvisionText } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { formatLongDate } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';

/** What a decision letter of the SSC director states (Art 42–44). */
export interface DecisionLetter {
  reference: string;
  letterDate: string;
  student: { studentNumber: string; name: string; email: string | null };
  kindLabel: string;
  enrolmentLabel: string | null;
  receivedOn: string;
  completedOn: string | null;
  outcome: 'granted' | 'refused';
  reasoning: string;
  /** What the decision changes, e.g. the fee assessed again with the Art 30.9 reason. */
  effects: readonly ProvisionReason[];
  /** The articles the request rests on, e.g. ['Art 30.9']. */
  articles: readonly string[];
  decidedBy: string;
  /** A corrected letter: the letter it replaces, when that was issued, and why it is corrected. */
  corrects?: { number: string; issuedOn: string; reason: string } | undefined;
}

/** The letter's entry in the document register, printed on it: number, verification code and address (QR). */
export interface DecisionLetterRegistration {
  number: string;
  verificationCode: string;
  verificationUrl: string;
}

/** The objection route of Art 43–44, in the words the letter prints. */
export function objectionRouteText(provisions: Provisions): string {
  const weeks = provisions.procedures.objectionTermWeeks.weeks;
  return `If you do not agree with this decision, you may lodge an objection within ${weeks === 6 ? 'six' : String(weeks)} weeks of receipt of this decision, by submitting it to the CSP for the attention of the Executive Board (Article 43 of the ${provisions.title}). The Executive Board decides on the objection with the advice of the Dispute Advisory Committee for Student Affairs (Article 44).`;
}

/** The decision letter on a request to the SSC director, with the objection route and the articles, as a PDF. */
export async function renderDecisionLetter(
  letter: DecisionLetter,
  options: { provisions: Provisions; createdAt: Date; registration?: DecisionLetterRegistration },
): Promise<Buffer> {
  const { provisions, registration } = options;
  const title = `Decision on your request: ${letter.outcome === 'granted' ? 'granted' : 'refused'}`;
  const refs = [
    ...new Set([...letter.articles, ...letter.effects.map((e) => e.article), 'Art 42', 'Art 43', 'Art 44']),
  ];
  const articles = refs.flatMap((ref) => {
    const match = findProvisionText(provisions, ref);
    return match?.article ? [{ ref: match.ref, title: match.article.title, text: match.text }] : [];
  });
  return renderPdf(
    {
      title,
      subject: `${letter.student.name} (${letter.student.studentNumber}), ${letter.reference}${registration ? `; ${registration.number}; verification code ${registration.verificationCode}` : ''}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt: options.createdAt,
      footer: registration
        ? {
            reference: `${letter.reference} · ${registration.number}`,
            verification: { code: registration.verificationCode, url: registration.verificationUrl },
          }
        : { reference: letter.reference },
    },
    (doc) => {
      writeParagraph(doc, [{ text: letter.student.name, strong: true }], { gapAfter: 1 });
      doc.moveDown(1);
      writeKeyValues(doc, [
        ['Date', formatLongDate(letter.letterDate)],
        ['Student number', letter.student.studentNumber],
        ['Our reference', letter.reference],
        ['Your request', letter.kindLabel],
        ...(letter.enrolmentLabel ? ([['Enrolment', letter.enrolmentLabel]] as [string, string][]) : []),
        ['Received by the CSP', formatLongDate(letter.receivedOn)],
        ['Complete on', letter.completedOn ? formatLongDate(letter.completedOn) : 'not complete'],
        ...(registration
          ? ([
              ['Document number', registration.number],
              ['Verification code', registration.verificationCode],
            ] as [string, string][])
          : []),
      ]);
      if (letter.corrects)
        writeParagraph(
          doc,
          [
            {
              text: `This letter corrects and replaces letter ${letter.corrects.number} of ${formatLongDate(letter.corrects.issuedOn)}: ${letter.corrects.reason}. The decision itself and the date it was taken stand.`,
              strong: true,
            },
          ],
          { fontSize: 9, gapAfter: 4 },
        );
      doc.moveDown(0.8);
      writeHeading(doc, title);
      writeParagraph(doc, `Dear ${letter.student.name},`);
      writeParagraph(
        doc,
        `On ${formatLongDate(letter.receivedOn)} you asked the director of the Student Services Centre to decide on the following: ${letter.kindLabel.toLowerCase()}. The director decides on such requests under Article 42 of the ${provisions.title}, as authorised by the Executive Board (Article 44).`,
      );
      writeParagraph(
        doc,
        letter.outcome === 'granted'
          ? 'The director has GRANTED your request.'
          : 'The director has REFUSED your request.',
        { gapAfter: 6 },
      );
      writeHeading(doc, 'Reasons', { level: 2 });
      writeParagraph(doc, letter.reasoning);
      if (letter.effects.length > 0) {
        writeHeading(doc, 'What this decision changes', { level: 2 });
        for (const effect of letter.effects) writeParagraph(doc, `${effect.text} (${effect.article})`);
      }
      writeHeading(doc, 'Objection', { level: 2 });
      writeParagraph(doc, objectionRouteText(provisions));
      ensureSpace(doc, 80);
      doc.moveDown(0.5);
      writeParagraph(doc, 'Yours sincerely,', { gapAfter: 16 });
      writeParagraph(
        doc,
        [{ text: `On behalf of the director of the Student Services Centre`, strong: true }],
        {
          gapAfter: 1,
        },
      );
      writeParagraph(doc, `${letter.decidedBy}, ${issuingOffice.university}`);
      if (registration)
        writeParagraph(
          doc,
          `The authenticity of this letter can be checked with its verification code at ${registration.verificationUrl.split('?')[0] ?? ''} or by scanning the QR code below. A letter whose code is unknown, revoked or superseded is not valid.`,
          { fontSize: 8.5, colour: '#3a3f47' },
        );
      writeQuotedArticles(doc, `The rules this letter applies (${provisions.title})`, articles);
    },
  );
}
