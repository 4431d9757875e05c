import { DeskError } from '../../../shared/errors';
import type { Transaction } from 'kysely';
import { recordAudit, type Actor } from '../../db/audit';
import type { Database } from '../../db/database';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import { transcriptOf, type GradeTableCache, type TranscriptData } from './transcript';
import { transcriptElmoXml, transcriptTorsXml } from './transcript.elmo';
import { renderTranscriptPdf, transcriptReference } from './transcript.pdf';
import { parseSemesterKey } from './exchange-calendar';
import type { IssuedDocument } from '../../../shared/api/documents.contract';
import type { AttachmentStore } from '../../attachments/attachment-store';
import { registerTranscript } from './transcript-register';

/** A transcript in the three forms sent home: the PDF, EMREX ELMO and the EWP tors response. */
export interface TranscriptDocuments {
  readonly data: TranscriptData;
  readonly reference: string;
  readonly pdf: Buffer;
  readonly elmoXml: string;
  readonly torsXml: string;
  /** The entry in the document register, when the transcript was registered (see produceTranscript). */
  readonly document?: IssuedDocument | null;
}

/**
 * Renders the transcript of an exchange student: the PDF first, then the XML that carries it. With an actor
 * and the attachment store (a call's context), the PDF is entered in the document register as a
 * 'transcript-of-records' (number, verification code and QR in the footer, SHA-256, stored), superseding the
 * student's transcript before, and the XML carries exactly the registered bytes.
 */
export async function produceTranscript(
  ctx: {
    db: DeskDb;
    clock: ServiceContext['clock'];
    actor?: Actor | undefined;
    attachments?: AttachmentStore | undefined;
  },
  studentId: number,
  /** The student's data when the caller has just read it, and the grading tables shared by a batch. */
  prepared: { data?: TranscriptData; gradeTables?: GradeTableCache } = {},
): Promise<TranscriptDocuments> {
  const data = prepared.data ?? (await transcriptOf(ctx.db, studentId, prepared.gradeTables));
  const now = ctx.clock.now();
  const { actor, attachments } = ctx;
  const registered =
    actor && attachments
      ? await registerTranscript({ db: ctx.db, clock: ctx.clock, actor, attachments }, data, now)
      : null;
  const pdf = registered?.pdf ?? (await renderTranscriptPdf(data, now));
  return {
    data,
    reference: transcriptReference(data),
    pdf,
    elmoXml: transcriptElmoXml(data, pdf, now),
    torsXml: transcriptTorsXml(data, pdf, now),
    document: registered?.document ?? null,
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

/** Refuses a sent date after today: a transcript is recorded as sent once it has gone. */
export function refuseSentOnInFuture(sentOn: string, at: string): void {
  if (sentOn > at.slice(0, 10))
    throw new DeskError('validation', 'A transcript cannot be sent on a day still to come.', {
      field: 'sentOn',
    });
}

/** Appends one dispatch of a student's transcript to the home university of the latest stay, with its audit row. */
export async function recordTranscriptDispatch(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  input: { studentId: number; sentOn: string },
): Promise<void> {
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
      createdBy: actor.name,
    })
    .execute();
  await recordAudit(trx, actor, at, {
    action: 'exchange.markTranscriptSent',
    entity: 'student',
    entityId: input.studentId,
    before: null,
    after: { sentOn: input.sentOn, sentTo: stay.homeUniversity },
  });
}

/** Records the day the transcript was sent to the home university (append-only, audited). */
export async function markTranscriptSent(ctx: ServiceContext, input: { studentId: number; sentOn: string }) {
  const at = ctx.clock.now().toISOString();
  refuseSentOnInFuture(input.sentOn, at);
  await ctx.db.transaction().execute((trx) => recordTranscriptDispatch(trx, ctx.actor, at, input));
  const sent = await ctx.db
    .selectFrom('exchangeTranscriptDispatches')
    .select(['sentOn', 'sentTo'])
    .where('studentId', '=', input.studentId)
    .orderBy('sentOn')
    .orderBy('id')
    .execute();
  return { studentId: input.studentId, dispatches: sent };
}
