import type { Selectable, Transaction } from 'kysely';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import { refundFactsSchema, type RefundFacts } from '../../../shared/facts/refund-facts';
import { formatCents } from '../../../shared/money';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { Database, EnrolmentTable } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import { assessTuitionFee, feeKindLabels } from '../fees/tuition-fee.rules';
import { settleFeeReassessment } from '../payments/reassessment.rules';
import { decideRefund } from '../payments/refund.rules';
import { arrearsRefusingReEnrolment } from './arrears.service';
import { bookLedgerEntry, toEnrolmentView } from './ledger.repo';

async function assertStudent(trx: Transaction<Database>, studentId: number, enrolmentId?: number) {
  const student = await trx
    .selectFrom('students')
    .select(['id', 'studentNumber'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student)
    throw new DeskError('not_found', `No student with id ${studentId}; search for the student again.`, {
      field: 'studentId',
    });
  if (enrolmentId !== undefined) {
    const enrolment = await trx
      .selectFrom('enrolments')
      .select('studentId')
      .where('id', '=', enrolmentId)
      .executeTakeFirst();
    if (enrolment?.studentId !== studentId) {
      throw new DeskError(
        'validation',
        `Enrolment ${enrolmentId} is not an enrolment of student ${student.studentNumber}.`,
        { field: 'enrolmentId' },
      );
    }
  }
  return student;
}

/** The enrolment as it is now, refused when missing or when someone changed it since it was read. */
async function currentEnrolment(trx: Transaction<Database>, enrolmentId: number, version: number) {
  const row = await trx.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirst();
  if (!row) throw new DeskError('not_found', `Enrolment ${enrolmentId} does not exist; reload the student.`);
  assertCurrentVersion(row, version, `Enrolment ${row.id}`);
  return row;
}

/** What the ledger says about one enrolment: charged (charges and reassessments), paid, and the student's other debt. */
export async function enrolmentMoney(trx: Transaction<Database>, studentId: number, enrolmentId: number) {
  const entries = await trx
    .selectFrom('ledgerEntries')
    .select(['enrolmentId', 'entryKind', 'amountCents'])
    .where('studentId', '=', studentId)
    .execute();
  const ofThis = entries.filter((e) => e.enrolmentId === enrolmentId);
  const sum = (list: typeof entries) => list.reduce((total, e) => total + e.amountCents, 0);
  return {
    chargedCents: sum(ofThis.filter((e) => e.entryKind === 'charge' || e.entryKind === 'adjustment')),
    // Payments are booked negative and reversals positive: together they are minus what was paid.
    paidCents: Math.max(
      0,
      -sum(ofThis.filter((e) => e.entryKind === 'payment' || e.entryKind === 'reversal')),
    ),
    otherDebtCents: Math.max(0, sum(entries.filter((e) => e.enrolmentId !== enrolmentId))),
  };
}

/** What an enrolment is recorded with: its fee facts and, at the desk, its status and the facts of the request. */
export interface NewEnrolmentWithFee {
  studentId: number;
  academicYear: string;
  facts: FeeFacts;
  /** Default 'enrolled' (an enrolment recorded for its fee); the desk starts at 'applied'. */
  status?: EnrolmentStatus;
  statusReason?: string | null;
  /** `enrolmentRequestSchema` JSON of the desk's request; null for a fee-only enrolment. */
  requestJson?: string | null;
}

/**
 * Inserts an enrolment with its fee assessed from the facts and books the charge (Art 16–30, 31.1)
 * inside the caller's transaction; refused while re-enrolment is blocked by arrears (Art 3.5).
 */
export async function insertEnrolmentWithFee(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: NewEnrolmentWithFee,
) {
  const provisions = loadProvisions(input.academicYear);
  const assessment = assessTuitionFee(input.facts, provisions);
  const at = ctx.clock.now().toISOString();
  const student = await assertStudent(trx, input.studentId);
  const arrears = await arrearsRefusingReEnrolment(trx, input.studentId, input.academicYear, at.slice(0, 10));
  if (arrears) throw new DeskError('refused', arrears);
  const row = await trx
    .insertInto('enrolments')
    .values({
      studentId: input.studentId,
      academicYear: input.academicYear,
      programmeCode: input.facts.programmeCode,
      enrolmentKind: input.facts.enrolmentKind,
      mode: input.facts.mode,
      startDate: input.facts.startDate ?? provisions.startDate,
      status: input.status ?? 'enrolled',
      statusReason: input.statusReason ?? null,
      requestJson: input.requestJson ?? null,
      feeFactsJson: JSON.stringify(input.facts),
      feeKind: assessment.kind,
      feeCents: assessment.amountCents,
      feeReasonsJson: JSON.stringify(assessment.reasons),
      createdAt: at,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const enrolment = toEnrolmentView(row);
  if (assessment.amountCents > 0) {
    await bookLedgerEntry(trx, ctx, {
      studentId: input.studentId,
      enrolmentId: row.id,
      entryKind: 'charge',
      amountCents: assessment.amountCents,
      bookedOn: at.slice(0, 10),
      description: `${feeKindLabels[assessment.kind]} ${input.academicYear}, ${enrolment.programmeName}`,
      reasons: assessment.reasons,
    });
  }
  return { row, enrolment, student, assessment };
}

/**
 * Records an enrolment with the facts its fee follows from, assesses the fee and books the charge
 * (Art 16–30, 31.1), all in one transaction with its audit row.
 */
export async function enrolWithFee(
  ctx: ServiceContext,
  input: { studentId: number; academicYear: string; facts: FeeFacts },
) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { row, enrolment, student, assessment } = await insertEnrolmentWithFee(trx, ctx, input);
    await recordAudit(trx, ctx.actor, at, {
      action: 'enrolment.create',
      entity: 'student',
      entityId: student.studentNumber,
      after: {
        enrolment: row.id,
        programme: enrolment.programmeName,
        fee: assessment.kind,
        amountCents: assessment.amountCents,
      },
    });
    return enrolment;
  });
}

/**
 * Assesses an enrolment again after its facts changed and books the difference: an undercharge is due
 * at once (Art 31.2); an overcharge is first set against other debts, the rest refunded (Art 31.3).
 */
export async function reassessEnrolment(
  ctx: ServiceContext,
  input: { enrolmentId: number; version: number; facts: FeeFacts; reason: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await currentEnrolment(trx, input.enrolmentId, input.version);
    return reassessEnrolmentInTransaction(trx, ctx, row, input);
  });
}

/**
 * Assesses an enrolment again inside the caller's transaction and books the difference (Art 31.2–31.3),
 * with its audit row; `row` is the enrolment as read in that transaction. For use cases that change the
 * facts of several enrolments at once, such as a change of the student's residence.
 */
export async function reassessEnrolmentInTransaction(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  row: Selectable<EnrolmentTable>,
  input: { facts: FeeFacts; reason: string },
) {
  const at = ctx.clock.now().toISOString();
  const assessment = assessTuitionFee(input.facts, loadProvisions(row.academicYear));
  const money = await enrolmentMoney(trx, row.studentId, row.id);
  const settlement = settleFeeReassessment({
    previousAssessedCents: row.feeCents,
    newAssessedCents: assessment.amountCents,
    paidCents: money.paidCents,
    otherOpenDebts:
      money.otherDebtCents > 0
        ? [{ description: 'Other charges on the ledger', amountCents: money.otherDebtCents }]
        : [],
  });
  const updated = await trx
    .updateTable('enrolments')
    .set({
      programmeCode: input.facts.programmeCode,
      enrolmentKind: input.facts.enrolmentKind,
      mode: input.facts.mode,
      startDate: input.facts.startDate ?? row.startDate,
      feeFactsJson: JSON.stringify(input.facts),
      feeKind: assessment.kind,
      feeCents: assessment.amountCents,
      feeReasonsJson: JSON.stringify(assessment.reasons),
      version: row.version + 1,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const difference = assessment.amountCents - row.feeCents;
  if (difference !== 0) {
    await bookLedgerEntry(trx, ctx, {
      studentId: row.studentId,
      enrolmentId: row.id,
      entryKind: 'adjustment',
      amountCents: difference,
      bookedOn: at.slice(0, 10),
      description: `Fee assessed again: ${feeKindLabels[row.feeKind as keyof typeof feeKindLabels]} ${formatCents(row.feeCents)} → ${feeKindLabels[assessment.kind]} ${formatCents(assessment.amountCents)} (${input.reason})`,
      reasons: [...settlement.reasons, ...assessment.reasons],
    });
  }
  const student = await trx
    .selectFrom('students')
    .select('studentNumber')
    .where('id', '=', row.studentId)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx.actor, at, {
    action: 'enrolment.reassess',
    entity: 'student',
    entityId: student.studentNumber,
    before: {
      enrolment: row.id,
      fee: row.feeKind,
      amountCents: row.feeCents,
      facts: JSON.parse(row.feeFactsJson) as unknown,
    },
    after: {
      enrolment: row.id,
      fee: assessment.kind,
      amountCents: assessment.amountCents,
      facts: input.facts,
    },
    reason: input.reason,
  });
  return {
    enrolment: toEnrolmentView(updated),
    differenceCents: difference,
    dueImmediatelyCents: settlement.dueImmediatelyCents,
    refundCents: settlement.refundCents,
    reasons: settlement.reasons,
  };
}

/** Books a payment (negative amount: it reduces what the student owes). */
export async function recordPayment(
  ctx: ServiceContext,
  input: {
    studentId: number;
    enrolmentId?: number | undefined;
    amountCents: number;
    paidOn: string;
    description: string;
  },
) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const student = await assertStudent(trx, input.studentId, input.enrolmentId);
    const entry = await bookLedgerEntry(trx, ctx, {
      studentId: input.studentId,
      enrolmentId: input.enrolmentId ?? null,
      entryKind: 'payment',
      amountCents: -input.amountCents,
      bookedOn: input.paidOn,
      description: input.description,
    });
    await recordAudit(trx, ctx.actor, at, {
      action: 'ledger.payment',
      entity: 'student',
      entityId: student.studentNumber,
      after: entry,
    });
    return entry;
  });
}

/** How the ledger books a reversed direct debit (Art 32.2). */
export const reversal = {
  description: 'Direct debit reversed',
  reasons: [
    {
      article: 'Art 32.2',
      text: 'A reversed direct debit means the amount is unpaid again; the arrears procedure applies.',
    },
  ],
} as const;

/** Books a reversed direct debit: the amount is owed again and the arrears procedure starts (Art 32.2). */
export async function recordReversal(
  ctx: ServiceContext,
  input: { studentId: number; enrolmentId?: number | undefined; amountCents: number; reversedOn: string },
) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const student = await assertStudent(trx, input.studentId, input.enrolmentId);
    const entry = await bookLedgerEntry(trx, ctx, {
      studentId: input.studentId,
      enrolmentId: input.enrolmentId ?? null,
      entryKind: 'reversal',
      amountCents: input.amountCents,
      bookedOn: input.reversedOn,
      description: reversal.description,
      reasons: reversal.reasons,
    });
    await recordAudit(trx, ctx.actor, at, {
      action: 'ledger.reversal',
      entity: 'student',
      entityId: student.studentNumber,
      after: entry,
    });
    return entry;
  });
}

const levelOfCode: Readonly<Record<string, RefundFacts['level']>> = {
  b: 'bachelor',
  m: 'initial-master',
  pm: 'pre-master',
  pro: 'professional-master',
};

/**
 * Ends an enrolment at the student's request: the refund follows from the ledger and Art 33–34;
 * a dry run only calculates. The fee for the months no longer enrolled is credited and the net refund
 * booked as paid out, so that debts deducted under Art 34.5 stay settled on the ledger.
 */
export async function terminateEnrolment(
  ctx: ServiceContext,
  input: {
    enrolmentId: number;
    version: number;
    requestDate: string;
    refundRequested: boolean;
    remainingEcts?: number | undefined;
    dryRun: boolean;
  },
) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await currentEnrolment(trx, input.enrolmentId, input.version);
    if (row.status !== 'enrolled') throw new DeskError('refused', `This enrolment is already ${row.status}.`);
    const provisions = loadProvisions(row.academicYear);
    const facts = JSON.parse(row.feeFactsJson) as FeeFacts;
    const assessment = assessTuitionFee(facts, provisions);
    const money = await enrolmentMoney(trx, row.studentId, row.id);
    // Art 34 refunds what was charged for the year, at most; an unpaid part is still owed.
    const chargedCents = Math.min(assessment.annualAmountCents, money.chargedCents);
    const paidCents = Math.min(chargedCents, money.paidCents);
    const otherDebt = money.otherDebtCents;
    const level = facts.level ?? levelOfCode[(row.programmeCode ?? '').split('-')[0] ?? ''] ?? 'bachelor';
    const isStudyFee = level === 'pre-master' || level === 'professional-master';
    if (isStudyFee && input.remainingEcts === undefined) {
      throw new DeskError(
        'validation',
        'Give the ECTS still to be obtained: a study fee is refunded in proportion to them (Art 34.3).',
        { field: 'remainingEcts' },
      );
    }
    const refundFacts = refundFactsSchema.parse({
      academicYear: row.academicYear,
      level,
      studentKind: row.enrolmentKind === 'external' ? 'external-student' : 'student',
      enrolmentStartDate: row.startDate,
      fee: { applicableCents: assessment.annualAmountCents, chargedCents, paidCents },
      ...(isStudyFee
        ? {
            ects: {
              programmeTotal: facts.preMaster?.ects ?? input.remainingEcts ?? 0,
              remaining: input.remainingEcts ?? 0,
            },
          }
        : {}),
      ending: { reason: 'student-request', requestDate: input.requestDate },
      refundRequested: input.refundRequested,
      outstandingDebts:
        otherDebt > 0 ? [{ description: 'Other charges on the ledger', amountCents: otherDebt }] : [],
    });
    const refund = decideRefund(refundFacts, provisions);
    if (input.dryRun) return { enrolment: toEnrolmentView(row), refund };
    if (refund.outcome !== 'terminated' && refund.outcome !== 'cancelled-before-start') {
      throw new DeskError(
        'refused',
        `The enrolment is not terminated: ${refund.reasons.map((r) => `${r.text} (${r.article})`).join(' ')}`,
      );
    }
    const status = refund.outcome === 'cancelled-before-start' ? 'cancelled' : 'terminated';
    const updated = await trx
      .updateTable('enrolments')
      .set({ status, version: row.version + 1, updatedAt: at, updatedBy: ctx.actor.name })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const bookedOn = refund.effectiveDate ?? input.requestDate;
    if (refund.refundCents > 0) {
      await bookLedgerEntry(trx, ctx, {
        studentId: row.studentId,
        enrolmentId: row.id,
        entryKind: 'adjustment',
        amountCents: -refund.refundCents,
        bookedOn,
        description: `Fee for the ${refund.monthsRemaining} months after termination credited`,
        reasons: refund.reasons,
      });
    }
    if (refund.netRefundCents > 0) {
      await bookLedgerEntry(trx, ctx, {
        studentId: row.studentId,
        enrolmentId: row.id,
        entryKind: 'refund',
        amountCents: refund.netRefundCents,
        bookedOn,
        description: `Refund to be paid by ${refund.refundDueBy ?? 'the due date'}`,
        reasons: refund.deductions.map((d) => ({
          article: d.article,
          text: `${d.description}: ${formatCents(d.amountCents)} deducted.`,
        })),
      });
    }
    const student = await trx
      .selectFrom('students')
      .select('studentNumber')
      .where('id', '=', row.studentId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, at, {
      action: 'enrolment.terminate',
      entity: 'student',
      entityId: student.studentNumber,
      before: { enrolment: row.id, status: row.status },
      after: {
        enrolment: row.id,
        status,
        effectiveDate: refund.effectiveDate,
        refundCents: refund.refundCents,
        netRefundCents: refund.netRefundCents,
      },
      reason: `Request of ${input.requestDate}`,
    });
    return { enrolment: toEnrolmentView(updated), refund };
  });
}
