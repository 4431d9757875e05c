import type { Transaction } from 'kysely';
import type { DeskEnrolment } from '../../../shared/api/enrolments.contract';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import type { EnrolmentRequest } from '../../../shared/facts/student-profile';
import { formatCents } from '../../../shared/money';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import { bookLedgerEntry } from '../ledger/ledger.repo';
import { enrolmentMoney, insertEnrolmentWithFee } from '../ledger/ledger.service';
import { formatLongDate } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';
import { requiredDocuments } from './document-checklist.rules';
import { assessEligibility } from './eligibility.rules';
import { decideTransition, statusLabels } from './enrolment-lifecycle.rules';
import {
  assessEnrolmentById,
  parseProfile,
  toDeskEnrolment,
  type EnrolmentAssessment,
} from './enrolments.repo';

/** Today's date on the service's clock. */
export function todayOf(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

/** '… (Art 3.1) … (Art 2.2c)': reasons as one sentence each with its article. */
export function reasonsText(reasons: readonly ProvisionReason[]): string {
  return reasons.map((r) => `${r.text} (${r.article})`).join(' ');
}

/** Refuses fee facts that describe another enrolment than the request. */
function assertFactsMatchRequest(request: EnrolmentRequest, facts: FeeFacts): void {
  if (facts.programmeCode !== request.programmeCode) {
    throw new DeskError(
      'validation',
      `The fee facts are for ${facts.programmeCode ?? 'no programme'} but the application is for ${request.programmeCode ?? 'no programme'}.`,
      { field: 'facts.programmeCode' },
    );
  }
  if (facts.startDate !== undefined && facts.startDate !== request.startDate) {
    throw new DeskError(
      'validation',
      `The fee facts start on ${facts.startDate} but the application starts on ${request.startDate}.`,
      { field: 'facts.startDate' },
    );
  }
  if (facts.enrolmentKind !== request.kind || facts.mode !== request.mode) {
    throw new DeskError(
      'validation',
      `The fee facts (${facts.enrolmentKind}, ${facts.mode}) disagree with the application (${request.kind}, ${request.mode}).`,
      { field: 'facts.enrolmentKind' },
    );
  }
}

/** Appends a step to an enrolment's status history. */
export async function recordTransition(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  at: string,
  t: { enrolmentId: number; from: EnrolmentStatus | null; to: EnrolmentStatus; reason: string },
): Promise<void> {
  await trx
    .insertInto('enrolmentTransitions')
    .values({
      enrolmentId: t.enrolmentId,
      fromStatus: t.from,
      toStatus: t.to,
      reason: t.reason,
      at,
      by: ctx.actor.name,
    })
    .execute();
}

/**
 * Records an application: the enrolment in status 'applied' with its fee assessed and charged (as
 * `enrolWithFee` does), and each document Art 13 requires of it requested. Refused with the articles
 * when Art 2–3 refuse the enrolment; an outstanding decision (admission, Art 2.4, 4.4) does not stop
 * the application but blocks the enrolment until it is recorded.
 */
export async function applyForEnrolment(
  ctx: ServiceContext,
  input: { studentId: number; request: EnrolmentRequest; facts: FeeFacts },
): Promise<DeskEnrolment> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorded = await recordApplication(trx, ctx, input);
    return toDeskEnrolment(await assessEnrolmentById(trx, recorded.enrolmentId, todayOf(ctx)));
  });
}

/** What `recordApplication` recorded: the enrolment, its fee and the documents requested. */
export interface RecordedApplication {
  readonly enrolmentId: number;
  readonly feeCents: number;
  readonly documentsRequested: readonly string[];
}

/**
 * The use case of `applyForEnrolment` inside the caller's transaction, so that an import records each
 * row the same way; throws a DeskError ('refused' with the articles of Art 2–3) before writing anything.
 */
export async function recordApplication(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: { studentId: number; request: EnrolmentRequest; facts: FeeFacts },
): Promise<RecordedApplication> {
  const at = ctx.clock.now().toISOString();
  const today = todayOf(ctx);
  const provisions = loadProvisions(input.request.academicYear);
  assertFactsMatchRequest(input.request, input.facts);
  const student = await trx
    .selectFrom('students')
    .select(['studentNumber', 'profileJson'])
    .where('id', '=', input.studentId)
    .executeTakeFirst();
  if (!student) {
    throw new DeskError('not_found', `No student with id ${input.studentId}; search for the student again.`);
  }
  const { profile, problem } = parseProfile(student.profileJson);
  if (!profile) throw new DeskError('refused', problem ?? 'The profile is not recorded.');
  const eligibility = assessEligibility(profile, input.request, provisions, today);
  if (eligibility.outcome === 'refused') {
    const refusals = eligibility.blockingReasons.filter((r) => r.effect === 'refusal');
    throw new DeskError('refused', `The enrolment is refused: ${reasonsText(refusals)}`, {
      details: refusals.map((r) => ({ field: r.article, message: r.text })),
    });
  }
  const { row } = await insertEnrolmentWithFee(trx, ctx, {
    studentId: input.studentId,
    academicYear: input.request.academicYear,
    facts: { ...input.facts, startDate: input.request.startDate },
    status: 'applied',
    statusReason: 'Application recorded at the desk.',
    requestJson: JSON.stringify(input.request),
  });
  await recordTransition(trx, ctx, at, {
    enrolmentId: row.id,
    from: null,
    to: 'applied',
    reason: `Application recorded for a start on ${formatLongDate(input.request.startDate)}.`,
  });
  const required = requiredDocuments(profile, input.request, provisions, today).filter((d) => d.required);
  for (const document of required) {
    const created = await trx
      .insertInto('enrolmentDocuments')
      .values({
        enrolmentId: row.id,
        document: document.document,
        status: 'requested',
        rejectionReason: null,
        attachmentSha256: null,
        attachmentName: null,
        attachmentType: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('documentEvents')
      .values({
        documentId: created.id,
        status: 'requested',
        reason: reasonsText(document.reasons),
        attachmentSha256: null,
        at,
        by: ctx.actor.name,
      })
      .execute();
  }
  await recordAudit(trx, ctx.actor, at, {
    action: 'enrolment.apply',
    entity: 'student',
    entityId: student.studentNumber,
    after: {
      enrolment: row.id,
      programme: input.request.programmeCode,
      startDate: input.request.startDate,
      status: 'applied',
      feeCents: row.feeCents,
      documentsRequested: required.map((d) => d.document),
    },
  });
  return {
    enrolmentId: row.id,
    feeCents: row.feeCents,
    documentsRequested: required.map((d) => d.document),
  };
}

/** The grounds on which a denial credits the fee: the refusals, or the missing documents, of the enrolment. */
function denialGrounds(assessment: EnrolmentAssessment): ProvisionReason[] {
  const refusals = assessment.eligibility?.blockingReasons.filter((r) => r.effect === 'refusal') ?? [];
  if (refusals.length > 0) return refusals;
  const consequence = assessment.consequence;
  if (consequence && consequence.outcome !== 'complete') return consequence.reasons;
  return [
    {
      article: 'Art 2.1',
      text: 'Only an enrolled student may use UM’s facilities and owes the fee for them; the enrolment was denied.',
    },
  ];
}

/**
 * Credits the fee still charged for an enrolment that never took effect (denied, or cancelled before the
 * start, Art 39.2), with the article on the ledger; returns the amount credited.
 */
export async function creditFeeOfUnstartedEnrolment(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  assessment: EnrolmentAssessment,
  to: 'denied' | 'cancelled',
  reason: string,
): Promise<number> {
  const { row } = assessment;
  const money = await enrolmentMoney(trx, row.studentId, row.id);
  if (money.chargedCents <= 0) return 0;
  const reasons: ProvisionReason[] =
    to === 'cancelled'
      ? [
          {
            article: 'Art 39.2',
            text: `The enrolment was cancelled before the start of the programme on ${formatLongDate(row.startDate)}, so the fee of ${formatCents(money.chargedCents)} charged for it is credited in full.`,
          },
        ]
      : [
          ...denialGrounds(assessment),
          {
            article: 'Art 13.3',
            text: `UM does not enrol the student, so the fee of ${formatCents(money.chargedCents)} charged for the enrolment is credited.`,
          },
        ];
  await bookLedgerEntry(trx, ctx, {
    studentId: row.studentId,
    enrolmentId: row.id,
    entryKind: 'adjustment',
    amountCents: -money.chargedCents,
    bookedOn: todayOf(ctx),
    description: `Fee credited: enrolment ${to} (${reason})`,
    reasons,
  });
  return money.chargedCents;
}

/** Changes the status of an enrolment inside a transaction, with its history row, fee credit and audit row. */
export async function changeEnrolmentStatus(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  assessment: EnrolmentAssessment,
  to: EnrolmentStatus,
  reason: string,
): Promise<{ creditedCents: number }> {
  const at = ctx.clock.now().toISOString();
  const { row } = assessment;
  const decision = decideTransition(assessment.lifecycle, to);
  if (!decision.isAllowed) {
    throw new DeskError(
      'refused',
      `${statusLabels[row.status]} → ${statusLabels[to].toLowerCase()}: ${decision.refusal ?? 'not allowed.'}`,
    );
  }
  await trx
    .updateTable('enrolments')
    .set({
      status: to,
      statusReason: reason,
      version: row.version + 1,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    })
    .where('id', '=', row.id)
    .execute();
  await recordTransition(trx, ctx, at, { enrolmentId: row.id, from: row.status, to, reason });
  const creditedCents =
    to === 'denied' || to === 'cancelled'
      ? await creditFeeOfUnstartedEnrolment(trx, ctx, assessment, to, reason)
      : 0;
  const student = await trx
    .selectFrom('students')
    .select('studentNumber')
    .where('id', '=', row.studentId)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx.actor, at, {
    action: 'enrolment.transition',
    entity: 'student',
    entityId: student.studentNumber,
    before: { enrolment: row.id, status: row.status },
    after: { enrolment: row.id, status: to, creditedCents },
    reason,
  });
  return { creditedCents };
}

/** Moves an enrolment to another status when its lifecycle allows, with the reason, in one transaction. */
export async function transitionEnrolment(
  ctx: ServiceContext,
  input: { enrolmentId: number; expectedVersion: number; to: EnrolmentStatus; reason: string },
): Promise<DeskEnrolment> {
  const today = todayOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const assessment = await assessEnrolmentById(trx, input.enrolmentId, today);
    assertCurrentVersion(assessment.row, input.expectedVersion, `Enrolment ${assessment.row.id}`);
    await changeEnrolmentStatus(trx, ctx, assessment, input.to, input.reason);
    return toDeskEnrolment(await assessEnrolmentById(trx, input.enrolmentId, today));
  });
}
