import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import { transcriptOf, type TranscriptData } from './transcript';
import { transcriptElmoXml, transcriptTorsXml } from './transcript.elmo';
import { renderTranscriptPdf, transcriptReference } from './transcript.pdf';
import { parseSemesterKey } from './exchange-calendar';

/** A transcript in the three forms sent home: the PDF, EMREX ELMO and the EWP tors response. */
export interface TranscriptDocuments {
  readonly data: TranscriptData;
  readonly reference: string;
  readonly pdf: Buffer;
  readonly elmoXml: string;
  readonly torsXml: string;
}

/** Renders the transcript of an exchange student: the PDF first, then the XML that carries it. */
export async function produceTranscript(
  ctx: { db: DeskDb; clock: ServiceContext['clock'] },
  studentId: number,
): Promise<TranscriptDocuments> {
  const data = await transcriptOf(ctx.db, studentId);
  const now = ctx.clock.now();
  const pdf = await renderTranscriptPdf(data, now);
  return {
    data,
    reference: transcriptReference(data),
    pdf,
    elmoXml: transcriptElmoXml(data, pdf, now),
    torsXml: transcriptTorsXml(data, pdf, now),
  };
}

/** The exchange students whose stay includes a semester, by student number. */
export async function exchangeStudentsOfSemester(db: DeskDb, semester: string): Promise<number[]> {
  parseSemesterKey(semester);
  const stays = await db
    .selectFrom('exchangeStays as s')
    .innerJoin('students as st', 'st.id', 's.studentId')
    .select(['s.studentId', 's.semestersJson'])
    .orderBy('st.studentNumber')
    .execute();
  return [
    ...new Set(
      stays
        .filter((s) => (JSON.parse(s.semestersJson) as string[]).includes(semester))
        .map((s) => s.studentId),
    ),
  ];
}

/** Records the day the transcript was sent to the home university (append-only, audited). */
export async function markTranscriptSent(ctx: ServiceContext, input: { studentId: number; sentOn: string }) {
  const at = ctx.clock.now().toISOString();
  if (input.sentOn > at.slice(0, 10))
    throw new DeskError('validation', 'A transcript cannot be sent on a day still to come.', {
      field: 'sentOn',
    });
  await ctx.db.transaction().execute(async (trx) => {
    const stay = await trx
      .selectFrom('exchangeStays')
      .select(['id', 'homeUniversity'])
      .where('studentId', '=', input.studentId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!stay)
      throw new DeskError('not_found', 'This student has no exchange recorded.', { field: 'studentId' });
    await trx
      .insertInto('exchangeTranscriptDispatches')
      .values({
        stayId: stay.id,
        studentId: input.studentId,
        sentOn: input.sentOn,
        sentTo: stay.homeUniversity,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.markTranscriptSent',
      entity: 'student',
      entityId: input.studentId,
      before: null,
      after: { sentOn: input.sentOn, sentTo: stay.homeUniversity },
    });
  });
  const sent = await ctx.db
    .selectFrom('exchangeTranscriptDispatches')
    .select(['sentOn', 'sentTo'])
    .where('studentId', '=', input.studentId)
    .orderBy('sentOn')
    .orderBy('id')
    .execute();
  return { studentId: input.studentId, dispatches: sent };
}
