import type { Selectable } from 'kysely';
import type {
  InstitutionsToInform,
  ReceivedBbc,
  ReceivedBbcInput,
} from '../../../shared/api/documents.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { ReceivedBbcTable } from '../../db/database';
import { feedFeeFactsInTransaction } from '../ledger/fee-feed';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  checkReceivedBbc,
  endedEnrolmentStatuses,
  feedReceivedBbc,
  informInstitutionsReason,
  isEndedEnrolment,
  receivedBbcGrounds,
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
  input: { studentId?: number | undefined },
): Promise<InstitutionsToInform[]> {
  let query = ctx.db
    .selectFrom('issuedDocuments')
    .innerJoin('enrolments', 'enrolments.id', 'issuedDocuments.enrolmentId')
    .innerJoin('students', 'students.id', 'enrolments.studentId')
    .select([
      'issuedDocuments.number',
      'issuedDocuments.receivingInstitution',
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
  const rows = await query.execute();
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
      status: row.status,
      institutions: [],
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
    else entry.institutions.push({ institution: row.receivingInstitution, bbcNumbers: [row.number] });
  }
  return [...byEnrolment.values()];
}
