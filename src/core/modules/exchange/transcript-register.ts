import type { IssuedDocument } from '../../../shared/api/documents.contract';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { Actor, Clock } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import { registerRenderedDocument } from '../issuing/issuing.service';
import type { TranscriptData } from './transcript';
import { renderTranscriptPdf, transcriptReference } from './transcript.pdf';

/**
 * Enters a transcript of records in the document register (DESIGN.md §5): the PDF is rendered with the
 * register number, verification code and QR code in its footer, stored under its SHA-256 and registered
 * as a 'transcript-of-records' of the exchange enrolment; the student's transcript before, if still valid,
 * is superseded by it. Returns the entry and the bytes exactly as registered.
 */
export async function registerTranscript(
  ctx: { db: DeskDb; clock: Clock; actor: Actor; attachments: AttachmentStore },
  data: TranscriptData,
  now: Date,
): Promise<{ document: IssuedDocument; pdf: Buffer }> {
  return ctx.db.transaction().execute(async (trx) => {
    const stay = await trx
      .selectFrom('exchangeStays')
      .select('enrolmentId')
      .where('id', '=', data.stay.id)
      .executeTakeFirst();
    const previous = await trx
      .selectFrom('issuedDocuments')
      .select('id')
      .where('studentId', '=', data.student.id)
      .where('kind', '=', 'transcript-of-records')
      .where('status', '=', 'valid')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const reference = transcriptReference(data);
    const { document, pdf } = await registerRenderedDocument(trx, ctx, {
      kind: 'transcript-of-records',
      studentId: data.student.id,
      enrolmentId: stay?.enrolmentId ?? null,
      academicYear: data.academicYear,
      fileSlug: reference,
      contents: [
        ['Name', `${data.student.givenNames} ${data.student.familyName}`],
        ['Student number', data.student.studentNumber],
        ['Transcript', reference],
        ['Home university', data.stay.homeUniversity],
        ['Exchange', data.stay.semesters.join(', ')],
        ['Courses', String(data.totals.courses)],
        ['ECTS obtained', String(data.totals.ectsObtained)],
      ],
      reason: `Transcript of records ${reference} of an incoming exchange student (Exchange guide, Grade transcripts).`,
      supersedes: previous
        ? {
            id: previous.id,
            reason: `Produced again on ${now.toISOString().slice(0, 10)} from the results on file.`,
          }
        : undefined,
      render: (registration) => renderTranscriptPdf(data, now, registration),
    });
    return { document, pdf };
  });
}
