import {
  issuingOffice,
  renderPdf,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeClosing,
  writeQuotedArticles,
  writeTable,
} from '../../pdf';
import { findProvisionText } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { formatLongDate } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';

/** What a letter about missing documents states (Art 13.1, 13.3). */
export interface MissingDocumentsLetter {
  reference: string;
  letterDate: string;
  student: { studentNumber: string; givenNames: string; familyName: string; email: string | null };
  programmeName: string;
  startDate: string;
  /** 'awaiting-documents': a reminder before the start; else the decision taken on the start date. */
  outcome: 'awaiting-documents' | 'administrative-hold' | 'denied';
  missing: readonly {
    document: string;
    label: string;
    article: string;
    deadline: string | null;
    status: string;
    rejectionReason: string | null;
  }[];
  reasons: readonly ProvisionReason[];
}

const titles: Readonly<Record<MissingDocumentsLetter['outcome'], string>> = {
  'awaiting-documents': 'Documents still missing for your enrolment',
  'administrative-hold': 'You are not enrolled: documents missing (administrative hold)',
  denied: 'Your enrolment is denied: documents missing',
};

/** The letter to the student naming the missing documents, what follows and the articles, as a PDF. */
export async function renderMissingDocumentsLetter(
  letter: MissingDocumentsLetter,
  options: { provisions: Provisions; createdAt: Date },
): Promise<Buffer> {
  const { student } = letter;
  const { provisions } = options;
  const name = `${student.givenNames} ${student.familyName}`;
  const startText = formatLongDate(letter.startDate);
  // The articles the reasons name, and Art 13.3 which decides what a missing document means.
  const refs = [...new Set([...letter.reasons.map((r) => r.article), 'Art 13.3'])];
  const articles = refs.flatMap((ref) => {
    const match = findProvisionText(provisions, ref);
    return match?.article ? [{ ref: match.ref, title: match.article.title, text: match.text }] : [];
  });
  return renderPdf(
    {
      title: titles[letter.outcome],
      subject: `${name} (${student.studentNumber}), ${formatLongDate(letter.letterDate)}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt: options.createdAt,
      footer: { reference: letter.reference },
    },
    (doc) => {
      writeParagraph(doc, [{ text: name, strong: true }], { gapAfter: 1 });
      doc.moveDown(1);
      writeKeyValues(doc, [
        ['Date', formatLongDate(letter.letterDate)],
        ['Student number', student.studentNumber],
        ['Programme', letter.programmeName],
        ['Start of the programme', startText],
        ['Our reference', letter.reference],
        ['Sent to', student.email ? `${student.email} (personal email address)` : 'your UM student account'],
      ]);
      doc.moveDown(0.8);
      writeHeading(doc, titles[letter.outcome]);
      writeParagraph(doc, `Dear ${name},`);
      const count = letter.missing.length;
      writeParagraph(
        doc,
        letter.outcome === 'awaiting-documents'
          ? `For your enrolment in ${letter.programmeName} starting on ${startText}, UM has not yet received ${count === 1 ? 'the following document' : `the following ${count} documents`} that Article 13 paragraph 1 of the ${provisions.title} requires:`
          : `On ${startText}, the start of ${letter.programmeName}, UM had not received ${count === 1 ? 'the following document' : `the following ${count} documents`} that Article 13 paragraph 1 of the ${provisions.title} requires:`,
      );
      writeTable(doc, {
        columns: [
          { header: 'Document (Art 13.1)', width: 4 },
          { header: 'Due', width: 1.6 },
          { header: 'Status', width: 2 },
        ],
        rows: letter.missing.map((m) => [
          `${m.document}. ${m.label}`,
          m.deadline ? formatLongDate(m.deadline) : 'before the start',
          m.status === 'rejected' && m.rejectionReason ? `rejected: ${m.rejectionReason}` : m.status,
        ]),
      });
      writeHeading(
        doc,
        letter.outcome === 'awaiting-documents'
          ? 'What happens if they are still missing'
          : 'What this means',
        {
          level: 2,
        },
      );
      for (const reason of letter.reasons) writeParagraph(doc, `${reason.text} (${reason.article})`);
      if (letter.outcome === 'denied') {
        writeParagraph(
          doc,
          'The fee charged for this enrolment has been credited. Everything else on your student file is kept; you may apply again for a later start.',
        );
      } else if (letter.outcome === 'administrative-hold') {
        writeParagraph(
          doc,
          'Until the documents are received you are not enrolled, and your access to UM’s facilities may be blocked. Send the documents as soon as possible; your enrolment is completed once they are received and verified. Nothing else on your student file is changed.',
        );
      } else {
        writeParagraph(doc, 'Please submit the documents through the Student Portal as soon as possible.');
      }
      writeParagraph(
        doc,
        `If you believe this letter is wrong, contact the Student Services Centre at ${issuingOffice.email}.`,
      );
      writeClosing(doc, issuingOffice.signature, issuingOffice.university);
      writeQuotedArticles(doc, `The rules this letter applies (${provisions.title})`, articles);
    },
  );
}
