import type { Selectable } from 'kysely';
import type {
  InformMethod,
  InstitutionInformed,
  InstitutionsToInform,
  ReceivedBbc,
  ReceivedBbcInput,
} from '../../../shared/api/documents.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema, type OtherEnrolment } from '../../../shared/facts/fee-facts';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { ReceivedBbcTable } from '../../db/database';
import { feedFeeFactsInTransaction } from '../ledger/fee-feed';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  checkReceivedBbc,
  endedEnrolmentStatuses,
  type EndedEnrolmentStatus,
  feedReceivedBbc,
  informInstitutionsReason,
  isEndedEnrolment,
  receivedBbcGrounds,
  unfeedReceivedBbc,
} from './received-bbcs.rules';

function toReceivedBbc(row: Selectable<ReceivedBbcTable>): ReceivedBbc {
  return {
    id: row.id,
    studentId: row.studentId,
    enrolmentId: row.enrolmentId,
    number: row.number,
    institution: row.institution,
    institutionKind: row.institutionKind,
    programmeLevel: row.programmeLevel,
    feeKind: row.feeKind,
    amountCents: row.amountCents,
    academicYear: row.academicYear,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    receivedOn: row.receivedOn,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    effect: JSON.parse(row.effectJson) as ProvisionReason[],
    withdrawn:
      row.withdrawnAt === null
        ? null
        : {
            at: row.withdrawnAt,
            by: row.withdrawnBy ?? '',
            reason: row.withdrawalReason ?? '',
            effect: JSON.parse(row.withdrawalEffectJson ?? '[]') as ProvisionReason[],
          },
  };
}

/**
 * Records a BBC received from another institution on a UM enrolment (Art 14.6, 30.1–30.5): it joins the
 * enrolment's fee facts as an other enrolment, the fee is assessed again with the difference booked, and the
 * evidence, the reassessment and the audit are written in one transaction. A BBC received after the deadline
 * is recorded all the same; the fee engine's reasons then say it gives no exemption (Art 14.6).
 */
export async function recordReceivedBbc(
  ctx: ServiceContext,
  input: ReceivedBbcInput,
): Promise<{ bbc: ReceivedBbc; reasons: ProvisionReason[] }> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await trx
      .selectFrom('enrolments')
      .selectAll()
      .where('id', '=', input.enrolmentId)
      .executeTakeFirst();
    if (!enrolment)
      throw new DeskError('not_found', `Enrolment ${input.enrolmentId} does not exist; reload the student.`, {
        field: 'enrolmentId',
      });
    const check = checkReceivedBbc({ bbc: input, enrolment, today });
    if (check.outcome === 'refuse')
      throw new DeskError('refused', check.reasons.map((r) => `${r.text} (${r.article})`).join(' '), {
        field: check.field,
      });
    const duplicate = await trx
      .selectFrom('receivedBbcs')
      .select(['recordedAt', 'recordedBy', 'enrolmentId'])
      .where('institution', '=', input.institution)
      .where('number', '=', input.number)
      .where('withdrawnAt', 'is', null)
      .executeTakeFirst();
    if (duplicate)
      throw new DeskError(
        'conflict',
        `BBC ${input.number} of ${input.institution} was already recorded on ${duplicate.recordedAt.slice(0, 10)} by ${duplicate.recordedBy}.`,
        { field: 'number' },
      );

    const { enrolmentId: _enrolmentId, ...bbc } = input;
    const feed = feedReceivedBbc(feeFactsSchema.parse(JSON.parse(enrolment.feeFactsJson)), bbc);
    const fed = await feedFeeFactsInTransaction(trx, ctx, enrolment, {
      facts: feed.facts,
      reason: `BBC ${input.number} of ${input.institution} received on ${input.receivedOn}`,
      feedReasons: feed.reasons,
      grounds: receivedBbcGrounds,
    });
    const at = ctx.clock.now().toISOString();
    const row = await trx
      .insertInto('receivedBbcs')
      .values({
        studentId: enrolment.studentId,
        enrolmentId: enrolment.id,
        number: input.number,
        institution: input.institution,
        institutionKind: input.institutionKind,
        programmeLevel: input.programmeLevel,
        feeKind: input.feeKind,
        amountCents: input.amountCents,
        academicYear: input.academicYear,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        receivedOn: input.receivedOn,
        recordedAt: at,
        recordedBy: ctx.actor.name,
        recordedById: ctx.actor.id,
        effectJson: JSON.stringify(fed.reasons),
        replacedOtherEnrolmentJson: feed.replaced ? JSON.stringify(feed.replaced) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'documents.receiveBbc',
      entity: 'received_bbc',
      entityId: row.id,
      after: { ...bbc, enrolmentId: enrolment.id, differenceCents: fed.differenceCents },
      reason: fed.reasons.map((r) => `${r.article}: ${r.text}`).join(' '),
    });
    return { bbc: toReceivedBbc(row), reasons: fed.reasons };
  });
}

/**
 * Withdraws a received BBC recorded by mistake (wrong student, enrolment or figures), with a reason: it
 * stops feeding the fee, the fee is assessed again with the difference booked (Art 14.6, 30.1, 31.2–31.3),
 * and the record stays, marked withdrawn by whom, when and why. The same BBC may then be recorded again.
 */
export async function withdrawReceivedBbc(
  ctx: ServiceContext,
  input: { receivedBbcId: number; reason: string },
): Promise<{ bbc: ReceivedBbc; reasons: ProvisionReason[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('receivedBbcs')
      .selectAll()
      .where('id', '=', input.receivedBbcId)
      .executeTakeFirst();
    if (!row)
      throw new DeskError(
        'not_found',
        `Received BBC ${input.receivedBbcId} is not on file; reload the student.`,
        {
          field: 'receivedBbcId',
        },
      );
    if (row.withdrawnAt !== null)
      throw new DeskError(
        'conflict',
        `BBC ${row.number} of ${row.institution} was already withdrawn on ${row.withdrawnAt.slice(0, 10)} by ${row.withdrawnBy ?? '?'}: ${row.withdrawalReason ?? ''}.`,
        { field: 'receivedBbcId' },
      );
    const enrolment = await trx
      .selectFrom('enrolments')
      .selectAll()
      .where('id', '=', row.enrolmentId)
      .executeTakeFirstOrThrow();
    // Like recording one (Art 30.1): an ended enrolment's fee was settled when it ended (Art 33–34).
    if (isEndedEnrolment(enrolment.status))
      throw new DeskError(
        'refused',
        `The UM enrolment is ${enrolment.status}: its fee was settled when it ended (Art 33, 34) and is not assessed again, so BBC ${row.number} stays recorded on it (Art 30.1).`,
        { field: 'receivedBbcId' },
      );
    const effect = JSON.parse(row.effectJson) as ProvisionReason[];
    const unfed = unfeedReceivedBbc(
      feeFactsSchema.parse(JSON.parse(enrolment.feeFactsJson)),
      {
        ...row,
        replaced:
          row.replacedOtherEnrolmentJson === null
            ? null
            : (JSON.parse(row.replacedOtherEnrolmentJson) as OtherEnrolment),
        // Recorded before migration 014 kept the replaced enrolment: the reason it gave says which it did.
        completedExisting:
          row.replacedOtherEnrolmentJson !== null ||
          effect.some((r) => r.article === 'Art 14.6' && r.text.includes('recorded on the student')),
      },
      input.reason,
    );
    const fed = await feedFeeFactsInTransaction(trx, ctx, enrolment, {
      facts: unfed.facts,
      reason: `BBC ${row.number} of ${row.institution} withdrawn: ${input.reason}`,
      feedReasons: unfed.reasons,
      grounds: receivedBbcGrounds,
    });
    const at = ctx.clock.now().toISOString();
    const updated = await trx
      .updateTable('receivedBbcs')
      .set({
        withdrawnAt: at,
        withdrawnBy: ctx.actor.name,
        withdrawnById: ctx.actor.id,
        withdrawalReason: input.reason,
        withdrawalEffectJson: JSON.stringify(fed.reasons),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'documents.withdrawReceivedBbc',
      entity: 'received_bbc',
      entityId: row.id,
      before: { number: row.number, institution: row.institution, withdrawn: false },
      after: { withdrawn: true, enrolmentId: row.enrolmentId, differenceCents: fed.differenceCents },
      reason: `${input.reason} — ${fed.reasons.map((r) => `${r.article}: ${r.text}`).join(' ')}`,
    });
    return { bbc: toReceivedBbc(updated), reasons: fed.reasons };
  });
}

/** The BBCs of other institutions recorded for a student, newest first. */
export async function receivedBbcsOfStudent(ctx: ServiceContext, studentId: number): Promise<ReceivedBbc[]> {
  const rows = await ctx.db
    .selectFrom('receivedBbcs')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toReceivedBbc);
}

/**
 * Art 33.7: every ended UM enrolment (of one student, or all) for which UM issued a BBC that was not revoked,
 * with the institutions it was issued for; BBCs issued without naming one are listed to be traced.
 */
export async function institutionsToInform(
  ctx: { db: DeskDb },
  input: { studentId?: number | undefined; enrolmentId?: number | undefined },
): Promise<InstitutionsToInform[]> {
  let query = ctx.db
    .selectFrom('issuedDocuments')
    .innerJoin('enrolments', 'enrolments.id', 'issuedDocuments.enrolmentId')
    .innerJoin('students', 'students.id', 'enrolments.studentId')
    .leftJoin('programmes', 'programmes.code', 'enrolments.programmeCode')
    .select([
      'issuedDocuments.number',
      'issuedDocuments.receivingInstitution',
      'programmes.name as programmeName',
      'enrolments.id as enrolmentId',
      'enrolments.studentId',
      'enrolments.academicYear',
      'enrolments.programmeCode',
      'enrolments.status',
      'students.studentNumber',
      'students.givenNames',
      'students.familyName',
    ])
    .where('issuedDocuments.kind', '=', 'proof-of-payment')
    .where('issuedDocuments.status', '!=', 'revoked')
    .where('enrolments.status', 'in', endedEnrolmentStatuses)
    .orderBy('enrolments.id')
    .orderBy('issuedDocuments.id');
  if (input.studentId !== undefined) query = query.where('enrolments.studentId', '=', input.studentId);
  if (input.enrolmentId !== undefined) query = query.where('enrolments.id', '=', input.enrolmentId);
  const rows = await query.execute();
  const noticeRows =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('bbcTerminationNotices')
          .selectAll()
          .where('enrolmentId', 'in', [...new Set(rows.map((r) => r.enrolmentId))])
          .orderBy('id')
          .execute();
  const byEnrolment = new Map<number, InstitutionsToInform>();
  for (const row of rows) {
    if (!isEndedEnrolment(row.status)) continue;
    const entry = byEnrolment.get(row.enrolmentId) ?? {
      enrolmentId: row.enrolmentId,
      studentId: row.studentId,
      studentNumber: row.studentNumber,
      studentName: `${row.givenNames} ${row.familyName}`,
      academicYear: row.academicYear,
      programmeCode: row.programmeCode,
      programmeName: row.programmeName ?? row.programmeCode,
      status: row.status,
      institutions: [],
      notYetInformed: 0,
      bbcsWithoutInstitution: [],
      reasons: [informInstitutionsReason(row.status)],
    };
    byEnrolment.set(row.enrolmentId, entry);
    if (row.receivingInstitution === null) {
      entry.bbcsWithoutInstitution.push(row.number);
      continue;
    }
    const institution = entry.institutions.find(
      (i) => i.institution.toLowerCase() === row.receivingInstitution?.toLowerCase(),
    );
    if (institution) institution.bbcNumbers.push(row.number);
    else
      entry.institutions.push({
        institution: row.receivingInstitution,
        bbcNumbers: [row.number],
        informed: null,
      });
  }
  for (const notice of noticeRows) {
    const entry = byEnrolment.get(notice.enrolmentId);
    if (!entry) continue;
    const informed: InstitutionInformed = {
      informedOn: notice.informedOn,
      method: notice.method,
      note: notice.note,
      recordedAt: notice.recordedAt,
      recordedBy: notice.recordedBy,
    };
    const institution = entry.institutions.find(
      (i) => i.institution.toLowerCase() === notice.institution.toLowerCase(),
    );
    // An institution found for a BBC issued without naming one is listed with the notice.
    if (institution) institution.informed = informed;
    else entry.institutions.push({ institution: notice.institution, bbcNumbers: [], informed });
  }
  for (const entry of byEnrolment.values())
    entry.notYetInformed = entry.institutions.filter((i) => i.informed === null).length;
  return [...byEnrolment.values()];
}

/**
 * The first day on which an institution can have been informed that the UM enrolment ended (Art 33.7): not
 * before the desk recorded the end, and not before UM issued the BBC the institution holds. The end counts
 * from the day it was recorded, as the IND list does, not from the day it takes effect: a termination takes
 * effect on the first of the following month (Art 33.2), and informing the institution as soon as it is
 * decided is timely. `institution` null: the BBCs issued without naming one.
 */
async function earliestInformedOn(
  trx: DeskDb,
  enrolment: { id: number; status: EndedEnrolmentStatus; updatedAt: string },
  institution: string | null,
): Promise<{ day: string; why: string }> {
  const transition = await trx
    .selectFrom('enrolmentTransitions')
    .select('at')
    .where('enrolmentId', '=', enrolment.id)
    .where('toStatus', '=', enrolment.status)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // A termination at the student's request (ledger:terminate) writes no transition; its row's update is the day.
  const endedOn = (transition?.at ?? enrolment.updatedAt).slice(0, 10);
  let bbcs = trx
    .selectFrom('issuedDocuments')
    .select(['number', 'issuedAt'])
    .where('enrolmentId', '=', enrolment.id)
    .where('kind', '=', 'proof-of-payment')
    .where('status', '!=', 'revoked')
    .orderBy('issuedAt')
    .orderBy('id');
  bbcs =
    institution === null
      ? bbcs.where('receivingInstitution', 'is', null)
      : bbcs.where((eb) => eb(eb.fn('lower', ['receivingInstitution']), '=', institution.toLowerCase()));
  const first = await bbcs.executeTakeFirst();
  const issuedOn = first?.issuedAt.slice(0, 10);
  if (first && issuedOn && issuedOn > endedOn)
    return {
      day: issuedOn,
      why: `UM issued BBC ${first.number}${institution === null ? '' : ` for ${institution}`} on ${issuedOn}, so the institution cannot have been informed before it held it.`,
    };
  return {
    day: endedOn,
    why: `the enrolment was recorded as ${enrolment.status} on ${endedOn}, and an institution is informed of the end once it has ended.`,
  };
}

/**
 * Records that an institution holding a UM BBC was informed that the UM enrolment ended (Art 33.7): when, how
 * and by whom, once per institution, audited. The institution must be one a UM BBC of the enrolment names,
 * or, when a BBC was issued without naming one, the institution found for it.
 */
export async function recordInstitutionInformed(
  ctx: ServiceContext,
  input: {
    enrolmentId: number;
    institution: string;
    informedOn: string;
    method: InformMethod;
    note?: string | undefined;
  },
): Promise<InstitutionsToInform> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  if (input.informedOn > today)
    throw new DeskError(
      'validation',
      `An institution cannot have been informed on ${input.informedOn}, after today.`,
      {
        field: 'informedOn',
      },
    );
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await trx
      .selectFrom('enrolments')
      .select(['id', 'studentId', 'status', 'academicYear', 'updatedAt'])
      .where('id', '=', input.enrolmentId)
      .executeTakeFirst();
    if (!enrolment)
      throw new DeskError('not_found', `Enrolment ${input.enrolmentId} does not exist; reload the student.`, {
        field: 'enrolmentId',
      });
    if (!isEndedEnrolment(enrolment.status))
      throw new DeskError(
        'refused',
        `The enrolment is ${enrolment.status}; institutions are informed once it has ended (Art 33.7).`,
        { field: 'enrolmentId' },
      );
    const [entry] = await institutionsToInform({ db: trx }, { enrolmentId: enrolment.id });
    if (!entry)
      throw new DeskError(
        'refused',
        'UM issued no BBC for this enrolment that still stands, so there is no institution to inform (Art 33.7).',
        { field: 'enrolmentId' },
      );
    const listed = entry.institutions.find(
      (i) => i.institution.toLowerCase() === input.institution.toLowerCase(),
    );
    if (!listed && entry.bbcsWithoutInstitution.length === 0)
      throw new DeskError(
        'validation',
        `${input.institution} received no UM BBC for this enrolment; the BBCs were issued for ${entry.institutions.map((i) => i.institution).join(', ')}.`,
        { field: 'institution' },
      );
    if (listed?.informed)
      throw new DeskError(
        'conflict',
        `${listed.institution} was already recorded as informed on ${listed.informed.informedOn} (${listed.informed.method}) by ${listed.informed.recordedBy}.`,
        { field: 'institution' },
      );
    const institution = listed?.institution ?? input.institution;
    const earliest = await earliestInformedOn(
      trx,
      { id: enrolment.id, status: enrolment.status, updatedAt: enrolment.updatedAt },
      listed ? institution : null,
    );
    if (input.informedOn < earliest.day)
      throw new DeskError(
        'validation',
        `informedOn ${input.informedOn} is too early: ${earliest.why} The earliest allowed day is ${earliest.day} (Art 33.7).`,
        { field: 'informedOn' },
      );
    const at = ctx.clock.now().toISOString();
    const { id } = await trx
      .insertInto('bbcTerminationNotices')
      .values({
        enrolmentId: enrolment.id,
        studentId: enrolment.studentId,
        institution,
        informedOn: input.informedOn,
        method: input.method,
        note: input.note && input.note.length > 0 ? input.note : null,
        recordedAt: at,
        recordedBy: ctx.actor.name,
        recordedById: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'documents.institutionInformed',
      entity: 'enrolment',
      entityId: enrolment.id,
      after: {
        notice: id,
        institution,
        informedOn: input.informedOn,
        method: input.method,
        note: input.note ?? null,
        bbcNumbers: listed?.bbcNumbers ?? entry.bbcsWithoutInstitution,
      },
      reason: `Art 33.7: ${institution} informed that the UM enrolment ${enrolment.academicYear} is ${enrolment.status}.`,
    });
    const [after] = await institutionsToInform({ db: trx }, { enrolmentId: enrolment.id });
    if (!after) throw new Error(`Enrolment ${enrolment.id} left the Art 33.7 list within its transaction.`);
    return after;
  });
}
