import type { TranscriptSummary } from '../../../shared/api/exchange.contract';
import type { TranscriptData } from './transcript';

/** What a transcript carries, for the preview beside its PDF: the same courses and totals the PDF prints. */
export function transcriptSummaryOf(data: TranscriptData, producedAt: Date): TranscriptSummary {
  return {
    name: `${data.student.givenNames} ${data.student.familyName}`,
    homeUniversity: data.stay.homeUniversity,
    semesters: [...data.stay.semesters],
    academicYear: data.academicYear,
    courses: data.courses.map((c) => ({
      code: c.code,
      title: c.title,
      academicYear: c.academicYear,
      period: c.period,
      ects: c.ects,
      ectsObtained: c.ectsObtained,
      grade: c.grade,
      description: c.description,
      statusText: c.statusText,
    })),
    totals: { ...data.totals },
    gpa: data.gpa ? { label: data.gpa.label, gpa: data.gpa.gpa } : null,
    producedAt: producedAt.toISOString(),
  };
}
