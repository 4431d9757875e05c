import { formatCents } from '../../../shared/money';
import {
  issuingOffice,
  renderPdf,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeClosing,
  writeQuotedArticles,
  writeTable,
  type RichText,
} from '../../pdf';
import { findProvisionText } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { formatLongDate } from '../payments/calendar-dates';

/** Which reminder of the arrears procedure a letter is (Art 32.1a, 32.1b, 32.2). */
export type ArrearsReminderKind = 'first-reminder' | 'second-reminder' | 'reversal-reminder';

/** Everything an arrears reminder letter states; amounts in cents, dates as ISO dates. */
export interface ArrearsReminderLetter {
  kind: ArrearsReminderKind;
  /** The letter's reference, printed in the footer of every page and asked for with the payment. */
  reference: string;
  /** The date on the letter: the payment term runs from it (Art 32, 35). */
  letterDate: string;
  /** The last day of the payment term. */
  payBy: string;
  student: {
    studentNumber: string;
    givenNames: string;
    familyName: string;
    /** The personal email address the reminder goes to; null: the UM student account (Art 32). */
    email: string | null;
    /** Postal address lines, when known; omitted from the letter otherwise. */
    address?: readonly string[];
  };
  /** How many instalments are unpaid; the administration charge is per unpaid instalment. */
  unpaidInstalments: number;
  /** The unpaid instalments without administration charges. */
  instalmentsCents: number;
  /** The administration charges included in the amount due; 0 for a first reminder, which only announces them. */
  administrationChargesCents: number;
  /** What the student must pay by `payBy`: instalments plus administration charges. */
  amountDueCents: number;
  /** The first day a termination under Art 35 may take effect; null when the enrolment ends by law first. */
  terminationEffectiveFrom: string | null;
}

const titles: Readonly<Record<ArrearsReminderKind, string>> = {
  'first-reminder': 'First reminder: tuition fee instalment in arrears',
  'second-reminder': 'Second reminder: tuition fee arrears',
  'reversal-reminder': 'Reminder: reversed direct debit of your tuition fee',
};

function pluralInstalments(n: number): string {
  return n === 1 ? 'the one unpaid instalment' : `each of the ${n} unpaid instalments`;
}

/** The articles each reminder rests on, quoted at the end of the letter. */
function articlesOf(letter: ArrearsReminderLetter): string[] {
  const refs = letter.kind === 'reversal-reminder' ? ['Art 32.2', 'Art 35'] : ['Art 32.1', 'Art 35'];
  // Art 35 cannot take effect after the academic year; the arrears then block re-enrolment instead.
  if (letter.kind !== 'first-reminder' && letter.terminationEffectiveFrom === null) refs.push('Art 3.5');
  return refs;
}

/** The opening paragraphs: what happened and which reminder this is. */
function openingOf(letter: ArrearsReminderLetter, provisions: Provisions): RichText[] {
  const charge = formatCents(provisions.fees.arrearsAdministrationChargeCents.amountCents);
  const n = letter.unpaidInstalments;
  switch (letter.kind) {
    case 'first-reminder':
      return [
        `According to our records, ${n === 1 ? 'an instalment' : `${n} instalments`} of your tuition fee ${n === 1 ? 'has' : 'have'} not been paid. This is the first reminder under Article 32 paragraph 1a of the ${provisions.title}.`,
      ];
    case 'second-reminder':
      return [
        `The amount stated in our first reminder has not been paid. As that reminder announced, your UM card and your access to Canvas, the Student Portal and all other digital facilities at Maastricht University have been blocked, and an administration charge of ${charge} has been added for ${pluralInstalments(n)} (Article 32 paragraph 1a).`,
        `This is the second reminder under Article 32 paragraph 1b of the ${provisions.title}.`,
      ];
    case 'reversal-reminder':
      return [
        `Your bank has reversed the direct debit of your tuition fee at the request of the account holder. As Article 32 paragraph 2 of the ${provisions.title} provides, your UM card and your access to Canvas, the Student Portal and all other digital facilities at Maastricht University have therefore been blocked without prior notice, and an administration charge of ${charge} has been added for ${pluralInstalments(n)}.`,
        'This is the reminder that follows a reversed direct debit.',
      ];
  }
}

/** What happens when the payment term passes without payment. */
function consequencesOf(letter: ArrearsReminderLetter, provisions: Provisions): RichText[] {
  const perInstalment = provisions.fees.arrearsAdministrationChargeCents.amountCents;
  const n = letter.unpaidInstalments;
  const payBy = formatLongDate(letter.payBy);
  if (letter.kind === 'first-reminder') {
    return [
      [
        { text: `If we have not received the full amount by ${payBy}, ` },
        {
          text: 'your UM card and your access to Canvas, the Student Portal and all other digital facilities at Maastricht University will be blocked',
          strong: true,
        },
        {
          text: `, which means, for example, that you can no longer register for courses and exams, and the outstanding amount will be increased by ${formatCents(perInstalment)} in administration charges for ${pluralInstalments(n)}${n === 1 ? '' : `, ${formatCents(perInstalment * n)} in all`} (Article 32 paragraph 1a).`,
        },
      ],
      'If payment is still not forthcoming, a second reminder follows; if that is not paid within its term either, Maastricht University may terminate your enrolment (Article 32 paragraph 1b and Article 35).',
    ];
  }
  const termination: RichText =
    letter.terminationEffectiveFrom === null
      ? [
          { text: `If we have not received the full amount by ${payBy}, ` },
          { text: 'the de-registration procedure of Article 35 will be started', strong: true },
          {
            text: `. A termination could take effect only after your enrolment ends by law on ${formatLongDate(provisions.endDate)}; you cannot re-enrol for as long as the arrears, including administration charges, remain unpaid (Article 3 paragraph 5).`,
          },
        ]
      : [
          { text: `If we have not received the full amount by ${payBy}, ` },
          { text: 'the de-registration procedure of Article 35 will be started', strong: true },
          {
            text: `: Maastricht University may then terminate your enrolment, at the earliest as of ${formatLongDate(letter.terminationEffectiveFrom)}, the second month after the month of this reminder.`,
          },
        ];
  return [
    termination,
    'After a termination for arrears you may re-enrol only as of the following academic year, and only if you have paid all outstanding charges owed to Maastricht University before that academic year starts (Article 35).',
  ];
}

/**
 * Renders an arrears reminder letter to the student as an official PDF, in English: what is owed and
 * why, the payment term with its date, the consequences of not paying, how to pay, and the articles
 * of the provisions it rests on (Art 32, 35).
 */
export function renderArrearsReminderLetter(
  letter: ArrearsReminderLetter,
  options: { provisions: Provisions; createdAt: Date },
): Promise<Buffer> {
  const { provisions } = options;
  const { student } = letter;
  const name = `${student.givenNames} ${student.familyName}`;
  const termDays = {
    'first-reminder': provisions.fees.arrearsFirstReminderTermDays,
    'second-reminder': provisions.fees.arrearsSecondReminderTermDays,
    'reversal-reminder': provisions.fees.directDebitReversalReminderTermDays,
  }[letter.kind];
  const charge = provisions.fees.arrearsAdministrationChargeCents;
  const chargeArticle = letter.kind === 'reversal-reminder' ? 'Art 32.2' : charge.article;
  const articles = articlesOf(letter).map((ref) => {
    const match = findProvisionText(provisions, ref);
    if (!match?.article) throw new Error(`The provisions ${provisions.academicYear} have no ${ref}.`);
    return { ref: match.ref, title: match.article.title, text: match.text };
  });

  return renderPdf(
    {
      title: titles[letter.kind],
      subject: `${name} (${student.studentNumber}), ${formatLongDate(letter.letterDate)}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt: options.createdAt,
      footer: { reference: letter.reference },
    },
    (doc) => {
      writeParagraph(doc, [{ text: name, strong: true }], { gapAfter: 1 });
      for (const line of student.address ?? []) writeParagraph(doc, line, { gapAfter: 1 });
      doc.moveDown(1);
      writeKeyValues(doc, [
        ['Date', formatLongDate(letter.letterDate)],
        ['Student number', student.studentNumber],
        ['Our reference', letter.reference],
        // Art 32 sends reminders to the personal email address if known, else to the UM student account.
        ['Sent to', student.email ? `${student.email} (personal email address)` : 'your UM student account'],
      ]);
      doc.moveDown(0.8);
      writeHeading(doc, titles[letter.kind]);
      writeParagraph(doc, `Dear ${name},`);
      for (const paragraph of openingOf(letter, provisions)) writeParagraph(doc, paragraph);

      const rows: string[][] = [
        [
          `Unpaid tuition fee instalment${letter.unpaidInstalments === 1 ? '' : 's'} (${letter.unpaidInstalments})`,
          formatCents(letter.instalmentsCents),
        ],
      ];
      if (letter.administrationChargesCents > 0) {
        rows.push([
          `Administration charges: ${formatCents(charge.amountCents)} per unpaid instalment (${chargeArticle})`,
          formatCents(letter.administrationChargesCents),
        ]);
      }
      doc.moveDown(0.3);
      writeTable(doc, {
        columns: [
          { header: 'What you owe', width: 4 },
          { header: 'Amount', width: 1.2, align: 'right' },
        ],
        rows,
        totalRow: ['Total due', formatCents(letter.amountDueCents)],
      });
      writeParagraph(doc, [
        { text: 'Please pay ' },
        { text: formatCents(letter.amountDueCents), strong: true },
        { text: ' so that we receive it by ' },
        { text: formatLongDate(letter.payBy), strong: true },
        { text: `, within ${termDays.days} days of the date of this letter (${termDays.article}).` },
      ]);

      writeHeading(doc, 'If you do not pay on time', { level: 2 });
      for (const paragraph of consequencesOf(letter, provisions)) writeParagraph(doc, paragraph);

      writeHeading(doc, 'How to pay', { level: 2 });
      writeParagraph(
        doc,
        'Pay by bank transfer with the details below, so that your payment is matched to this reminder:',
      );
      writeKeyValues(doc, [
        ['Amount', [{ text: formatCents(letter.amountDueCents), strong: true }]],
        ['To be received by', [{ text: formatLongDate(letter.payBy), strong: true }]],
        ['Account', `${issuingOffice.university}, as shown on the Student Portal`],
        ['Description', `${student.studentNumber} ${letter.reference}`],
      ]);
      writeParagraph(
        doc,
        `Allow for the time your bank needs. If you have paid the full amount in the meantime, you can disregard this letter. If you cannot pay on time, or believe this reminder is wrong, contact the Student Services Centre at ${issuingOffice.email} before ${formatLongDate(letter.payBy)}.`,
      );

      writeClosing(doc, issuingOffice.signature, issuingOffice.university);
      writeQuotedArticles(doc, `The rules this reminder applies (${provisions.title})`, articles);
    },
  );
}
