import type { StudyProgressRow } from '../../../shared/api/study-progress.contract';
import {
  issuingOffice,
  renderPdf,
  writeHeading,
  writeKeyValues,
  writeParagraph,
  writeTable,
} from '../../pdf';
import { formatLongDate } from '../payments/calendar-dates';
import { toCsv, type ExportSheet } from '../transfer/write-sheet';
import type { StudyProgressRequirements } from './study-progress-requirements.schema';
import { formatCredits } from './study-progress.rules';

/*
 * The list of students to notify to the IND for insufficient study progress (Study progress, IND), as an
 * official A4 PDF through the shared layout and as CSV through the transfer module's writer (UTF-8 with
 * BOM, RFC 4180, text guarded against formula injection).
 */

/** The reference the list's PDF carries in its footer, e.g. 'SP-IND-2022-23'. */
export function indListReference(academicYear: string): string {
  return `SP-IND-${academicYear}`;
}

/** The file name of the list in a format, e.g. 'ind-study-progress-2022-23.csv'. */
export function indListFileName(academicYear: string, format: 'pdf' | 'csv'): string {
  return `ind-study-progress-${academicYear}.${format}`;
}

const credits = (value: number | null): string =>
  value === null ? '' : formatCredits(Math.round(value * 10));

/** What the student fell short of, in a few words: 'Credits per year' or 'Preparatory programmes'. */
function groundOf(row: StudyProgressRow): string {
  return row.isPreparatory ? 'Preparatory programme not passed' : 'Credits below the requirement';
}

/** The article the ground rests on, e.g. 'Study progress, Part of the year'. */
function articleOf(row: StudyProgressRow, requirements: StudyProgressRequirements): string {
  if (row.isPreparatory) return requirements.preparatory.source;
  const partOfYear = row.reasons.find((r) => r.article === requirements.partOfYear.source);
  return partOfYear ? partOfYear.article : requirements.norm.source;
}

/** The CSV columns of the list, in order. */
export const indListCsvHeaders = [
  'Student number',
  'Name',
  'Date of birth',
  'Nationality',
  'Programme',
  'Enrolled from',
  'ECTS obtained',
  'ECTS required',
  'Ground',
  'Article',
] as const;

/** The list as CSV: one row per student to notify. */
export function indListCsv(
  rows: readonly StudyProgressRow[],
  requirements: StudyProgressRequirements,
): Buffer {
  const sheet: ExportSheet = {
    name: 'indStudyProgress',
    headers: indListCsvHeaders,
    rows: rows.map((r) => [
      r.studentNumber,
      r.name,
      r.dateOfBirth,
      r.nationalities.join(' '),
      r.programmeName,
      r.startDate,
      credits(r.creditsObtained),
      r.isPreparatory ? 'pass' : credits(r.norm),
      groundOf(r),
      articleOf(r, requirements),
    ]),
  };
  return toCsv(sheet);
}

/** The list as an official PDF: who is to be notified, with the requirement and its source. */
export function renderIndListPdf(
  rows: readonly StudyProgressRow[],
  requirements: StudyProgressRequirements,
  createdAt: Date,
): Promise<Buffer> {
  const year = requirements.academicYear;
  const { norm } = requirements;
  return renderPdf(
    {
      title: `Insufficient study progress ${year}: students to notify to the IND`,
      subject: `Study progress of students on a residence permit for study, ${year}`,
      author: `${issuingOffice.signature}, ${issuingOffice.university}`,
      createdAt,
      footer: { reference: indListReference(year) },
    },
    (doc) => {
      writeHeading(doc, 'Insufficient study progress: students to notify to the IND');
      writeKeyValues(doc, [
        [
          'Academic year',
          `${year} (${formatLongDate(requirements.startsOn)} – ${formatLongDate(requirements.endsOn)})`,
        ],
        [
          'Requirement',
          `${norm.requiredPercentage} % of the credits offered: ${formatCredits((norm.creditsPerYear * norm.requiredPercentage) / 10)} of ${norm.creditsPerYear} ECTS for a whole year, pro rata for part of the year; preparatory programmes must be passed`,
        ],
        ['Prepared on', formatLongDate(createdAt.toISOString().slice(0, 10))],
        ['Students', String(rows.length)],
      ]);
      doc.moveDown(0.5);
      writeParagraph(
        doc,
        'The students below hold a Dutch residence permit for study, are not nationals of the EU/EEA or Switzerland, were enrolled other than on exchange, did not meet the study progress requirement, and no excusable reason was recorded by a study adviser. The university is obliged by law to notify the IND.',
      );
      doc.moveDown(0.3);
      if (rows.length === 0) writeParagraph(doc, 'No student is to be notified for this academic year.');
      else
        writeTable(doc, {
          // Widths in points of the 467 between the margins, so that numbers and dates never wrap.
          columns: [
            { header: 'Student', width: 58 },
            { header: 'Name', width: 85 },
            { header: 'Born', width: 66 },
            { header: 'Nationality', width: 70 },
            { header: 'Programme, enrolled from', width: 106 },
            { header: 'ECTS', width: 40, align: 'right' },
            { header: 'Norm', width: 42, align: 'right' },
          ],
          rows: rows.map((r) => [
            r.studentNumber,
            r.name,
            r.dateOfBirth ?? '–',
            r.nationalities.join(', ') || '–',
            `${r.programmeName ?? '–'}, ${r.startDate ?? '–'}`,
            credits(r.creditsObtained),
            r.isPreparatory ? 'pass' : credits(r.norm),
          ]),
        });
      doc.moveDown(0.5);
      writeHeading(doc, 'Grounds', { level: 2 });
      for (const rule of [
        requirements.norm,
        requirements.partOfYear,
        requirements.preparatory,
        requirements.ind,
      ])
        writeParagraph(doc, `${rule.text} (${rule.source})`, { fontSize: 8.5, colour: '#3a3f47' });
      writeParagraph(
        doc,
        'Nationals of the EU/EEA or Switzerland are not de-registered with the IND (Art 13.1f); students on an exchange programme are exempt (Art 10.4). Study progress: Articles 5.5 and 5.6 of the Code of Conduct for International Students in Dutch Higher Education (Art 1l).',
        { fontSize: 8.5, colour: '#3a3f47' },
      );
      doc.moveDown(0.5);
      writeParagraph(doc, [{ text: issuingOffice.signature, strong: true }], { gapAfter: 1 });
      writeParagraph(doc, issuingOffice.university);
    },
  );
}
