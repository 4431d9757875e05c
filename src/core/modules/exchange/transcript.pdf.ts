import {
  issuingOffice,
  renderPdf,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeTable,
} from '../../pdf';
import { formatGpa } from '../../../shared/gpa';
import type { TranscriptData } from './transcript';

/** One formatter for every transcript: making one per date (toLocaleDateString) took a tenth of a transcript. */
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2023-02-03' → '3 February 2023'. */
function formatDay(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

const ects = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The reference a transcript carries in its footer, e.g. 'TOR-i6100001-2022-23'. */
export function transcriptReference(data: TranscriptData): string {
  return `TOR-${data.student.studentNumber}-${data.academicYear}`;
}

/**
 * Renders the transcript of records of an exchange student in English as an official A4 PDF: the
 * student and the stay, each course with period, ECTS, grade, description and status, the totals, the
 * GPA where the faculty shows it, the Dutch grading scale explained and the ECTS grading tables.
 */
export function renderTranscriptPdf(
  data: TranscriptData,
  createdAt: Date,
  /** The entry in the document register, printed in the footer with its QR code; none for an unregistered copy. */
  registration?: { number: string; verificationCode: string; verificationUrl: string },
): Promise<Buffer> {
  const name = `${data.student.givenNames} ${data.student.familyName}`;
  return renderPdf(
    {
      title: 'Transcript of records',
      subject: `${name} (${data.student.studentNumber}); exchange ${data.stay.semesters.join(', ')}${registration ? `; ${registration.number}; verification code ${registration.verificationCode}` : ''}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt,
      footer: registration
        ? {
            reference: `${transcriptReference(data)} · ${registration.number}`,
            verification: { code: registration.verificationCode, url: registration.verificationUrl },
          }
        : { reference: `${transcriptReference(data)} · preview, not issued` },
    },
    (doc) => {
      writeHeading(doc, 'Transcript of records');
      if (!registration)
        writeParagraph(
          doc,
          [
            {
              text: 'Preview — not issued. This copy has no register number or verification code and is not a valid transcript; the IRO issues the transcript to send it.',
              strong: true,
            },
          ],
          { colour: '#b42318' },
        );
      writeKeyValues(doc, [
        ['Student', name],
        ['Student number', data.student.studentNumber],
        ['Status', 'Incoming exchange student, School of Business and Economics'],
        [
          'Home university',
          data.stay.homeUniversity + (data.stay.homeCountry ? ` (${data.stay.homeCountry})` : ''),
        ],
        ['Exchange agreement', data.stay.agreement],
        [
          'Exchange period',
          `${formatDay(data.stay.startsOn)} – ${formatDay(data.stay.endsOn)} (${data.stay.semesters.join(', ')})`,
        ],
      ]);
      doc.moveDown(0.5);
      writeHeading(doc, 'Courses', { level: 2 });
      if (data.courses.length === 0) writeParagraph(doc, 'No courses are recorded for this exchange.');
      else
        writeTable(doc, {
          columns: [
            { header: 'Code', width: 1.45 },
            { header: 'Course', width: 2.3 },
            { header: 'Period', width: 1.6 },
            { header: 'ECTS', width: 1, align: 'right' },
            { header: 'Grade', width: 1.1, align: 'right' },
            { header: 'Description', width: 1.95 },
            { header: 'Status', width: 2.1 },
          ],
          rows: data.courses.map((c) => [
            c.code,
            c.title,
            `${c.academicYear} P${c.period}`,
            ects(c.ects),
            c.grade ?? '–',
            c.description ?? '–',
            c.sitting === 'resit' ? `${c.statusText} (re-sit)` : c.statusText,
          ]),
          totalRow: [
            'Total',
            `${data.totals.courses} course${data.totals.courses === 1 ? '' : 's'}`,
            '',
            ects(data.totals.ectsRegistered),
            '',
            '',
            `${ects(data.totals.ectsObtained)} ECTS obtained`,
          ],
        });
      if (data.gpa)
        writeParagraph(doc, [
          { text: `${data.gpa.label}: `, strong: true },
          { text: `${formatGpa(data.gpa.gpa)} (ECTS-weighted)` },
        ]);
      doc.moveDown(0.5);
      writeHeading(doc, 'Grading scale', { level: 2 });
      writeParagraph(
        doc,
        'Grades are given on the official Dutch grading scale from 1 to 10 as applied by Maastricht University and the School of Business and Economics:',
      );
      writeTable(doc, {
        columns: [
          { header: 'Grade', width: 1 },
          { header: 'Description', width: 2 },
          { header: 'Result', width: 1 },
        ],
        rows: data.gradingScale.map((b) => [b.printed, b.description, b.isPass ? 'Pass' : 'Fail']),
      });
      for (const note of data.gradingNotes) writeParagraph(doc, note, { fontSize: 9 });
      doc.moveDown(0.3);
      writeHeading(doc, 'ECTS grading tables', { level: 2 });
      for (const t of data.gradeTables) {
        const title = `Reference group: ISCED ${t.iscedCode} (courses of ${t.faculty}), passing grades ${t.academicYears.join(' and ')}`;
        if (t.distribution.kind === 'insufficient-data') {
          writeParagraph(
            doc,
            `${title}: insufficient data (${t.distribution.total} passing grades; a table needs at least ${t.distribution.minimumGroupSize}).`,
            { fontSize: 9 },
          );
          continue;
        }
        writeParagraph(doc, `${title}: ${t.distribution.total} passing grades.`, { fontSize: 9 });
        writeTable(doc, {
          columns: [
            { header: 'Grade', width: 1 },
            { header: 'Number', width: 1, align: 'right' },
            { header: 'Percentage', width: 1, align: 'right' },
            { header: 'Cumulative', width: 1, align: 'right' },
          ],
          rows: t.distribution.rows.map((r) => [
            r.label,
            String(r.count),
            `${r.percentage.toFixed(1)}%`,
            `${r.cumulativePercentage.toFixed(1)}%`,
          ]),
        });
      }
      doc.moveDown(0.3);
      for (const r of data.reasons)
        writeParagraph(doc, `${r.text} (${r.article})`, { fontSize: 8.5, colour: '#3a3f47' });
      doc.moveDown(0.5);
      writeParagraph(doc, [{ text: issuingOffice.signature, strong: true }], { gapAfter: 1 });
      writeParagraph(doc, issuingOffice.university);
    },
  );
}
