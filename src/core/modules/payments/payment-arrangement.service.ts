import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/api';
import { paymentMethodLabels, type PaymentArrangement } from '../../../shared/api/payments.contract';
import { DeskError } from '../../../shared/errors';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { EnrolmentTable, PaymentArrangementTable } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import { bookLedgerEntry } from '../ledger/ledger.repo';
import {
  assessPaymentMethods,
  planInstalments,
  validateIban,
  type FeeKind,
  type Intake,
  type PaymentMethodFacts,
} from './payment-plan.rules';
import { addDays } from './calendar-dates';
import type { ProvisionReason } from './provision-reason';

/** The payment facts of a recorded enrolment: which fee it is, its intake, whether UM applies for a permit. */
function paymentFactsOf(
  enrolment: Selectable<EnrolmentTable>,
  provisions: Provisions,
  facultyOffersInstalments: boolean,
): PaymentMethodFacts {
  const feeKind: FeeKind =
    enrolment.feeKind === 'examination-fee' || enrolment.feeKind === 'study-fee'
      ? enrolment.feeKind
      : 'tuition-fee';
  const intake: Intake =
    provisions.enrolment.commencementDates.find((c) => c.date === enrolment.startDate)?.intake ?? 'interim';
  const facts = feeFactsSchema.parse(JSON.parse(enrolment.feeFactsJson));
  return {
    feeKind,
    intake,
    // A study permit among the fee facts means UM applies for it on the student's behalf (Art 31.6).
    universityAppliesForStudyResidencePermit: facts.residencePermit?.purpose === 'study',
    facultyOffersInstalments,
  };
}

/** What the payments booked on the enrolment cover of each instalment, earliest first. */
function instalmentStatuses(
  plan: { debitDate: string; amountCents: number; administrationChargeCents: number }[],
  paidCents: number,
  today: string,
): PaymentArrangement['instalments'] {
  let left = Math.max(0, paidCents);
  return plan.map((instalment, index) => {
    const covered = Math.min(left, instalment.amountCents);
    left -= covered;
    const status =
      covered === instalment.amountCents
        ? 'paid'
        : instalment.debitDate < today
          ? 'overdue'
          : covered > 0
            ? 'part-paid'
            : 'upcoming';
    return { number: index + 1, ...instalment, paidCents: covered, status };
  });
}

async function selectEnrolment(db: DeskDb, enrolmentId: number) {
  const enrolment = await db
    .selectFrom('enrolments')
    .selectAll()
    .where('id', '=', enrolmentId)
    .executeTakeFirst();
  if (!enrolment) {
    throw new DeskError('not_found', `No enrolment with id ${enrolmentId}; open the student again.`, {
      field: 'enrolmentId',
    });
  }
  return enrolment;
}

/** The payments net of reversals booked on an enrolment, as a positive number of cents paid. */
async function paidOnEnrolment(db: DeskDb, enrolmentId: number): Promise<number> {
  const row = await db
    .selectFrom('ledgerEntries')
    .select((eb) => eb.fn.sum<number>('amountCents').as('net'))
    .where('enrolmentId', '=', enrolmentId)
    .where('entryKind', 'in', ['payment', 'reversal'])
    .executeTakeFirst();
  return -(row?.net ?? 0);
}

function toView(
  row: Selectable<PaymentArrangementTable>,
  enrolment: Selectable<EnrolmentTable>,
  provisions: Provisions,
  paidCents: number,
  today: string,
): PaymentArrangement {
  const facts = paymentFactsOf(enrolment, provisions, row.facultyOffersInstalments === 1);
  const debitDates = JSON.parse(row.debitDatesJson) as string[];
  let instalments: PaymentArrangement['instalments'] = [];
  let totalCents = enrolment.feeCents;
  let reasons: ProvisionReason[];
  if (row.method === 'direct-debit-instalments') {
    const plan = planInstalments({ ...facts, feeCents: enrolment.feeCents, debitDates }, provisions);
    if (plan.outcome === 'refused') {
      // The facts changed after the plan was recorded (e.g. a study permit): show why it no longer holds.
      reasons = plan.reasons;
    } else {
      instalments = instalmentStatuses(
        plan.instalments.map((i, index) => ({
          debitDate: debitDates[index] ?? '',
          amountCents: i.amountCents,
          administrationChargeCents: i.administrationChargeCents,
        })),
        paidCents,
        today,
      );
      totalCents = plan.totalCents;
      reasons = plan.reasons;
    }
  } else {
    reasons =
      assessPaymentMethods(facts, provisions).options.find((o) => o.method === row.method)?.reasons ?? [];
  }
  if (row.thirdPartyName) {
    reasons = [
      ...reasons,
      {
        article: 'Art 14.3',
        text: `${row.thirdPartyName} pays the fees on the student's behalf, authorised on ${row.thirdPartyAuthorisedOn ?? '—'}.`,
      },
    ];
  }
  return {
    enrolmentId: row.enrolmentId,
    method: row.method,
    methodLabel: paymentMethodLabels[row.method],
    mandate:
      row.iban && row.accountHolder && row.mandateSignedOn && row.mandateReference
        ? {
            iban: row.iban,
            accountHolder: row.accountHolder,
            signedOn: row.mandateSignedOn,
            reference: row.mandateReference,
          }
        : null,
    thirdPartyPayer:
      row.thirdPartyName && row.thirdPartyAuthorisedOn
        ? { name: row.thirdPartyName, authorisationReceivedOn: row.thirdPartyAuthorisedOn }
        : null,
    instalments,
    totalCents,
    reasons,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** An enrolment's recorded payment arrangement (or null), and the ways of paying open to it with why. */
export async function paymentArrangementOf(db: DeskDb, enrolmentId: number, today: string) {
  const enrolment = await selectEnrolment(db, enrolmentId);
  const provisions = loadProvisions(enrolment.academicYear);
  const row = await db
    .selectFrom('paymentArrangements')
    .selectAll()
    .where('enrolmentId', '=', enrolmentId)
    .executeTakeFirst();
  const facts = paymentFactsOf(enrolment, provisions, row?.facultyOffersInstalments === 1);
  const options = assessPaymentMethods(facts, provisions).options.map((o) => ({
    ...o,
    label: paymentMethodLabels[o.method],
  }));
  const latest = await db
    .selectFrom('paymentArrangements')
    .innerJoin('enrolments', 'enrolments.id', 'paymentArrangements.enrolmentId')
    .select('paymentArrangements.debitDatesJson')
    .where('paymentArrangements.method', '=', 'direct-debit-instalments')
    .where('enrolments.academicYear', '=', enrolment.academicYear)
    .where('enrolments.startDate', '=', enrolment.startDate)
    .orderBy('paymentArrangements.updatedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    arrangement: row
      ? toView(row, enrolment, provisions, await paidOnEnrolment(db, enrolmentId), today)
      : null,
    options,
    suggestedDebitDates: latest ? (JSON.parse(latest.debitDatesJson) as string[]) : [],
  };
}

/** The SEPA mandate reference: the student, the academic year and the enrolment make it unique. */
function mandateReference(studentNumber: string, enrolment: Selectable<EnrolmentTable>): string {
  return `UM-${studentNumber}-${enrolment.academicYear}-${enrolment.id}`.toUpperCase();
}

/**
 * Records how an enrolment's fee is paid. The method must be open to the enrolment (Art 28.4, 31.4–31.8);
 * a direct debit needs a SEPA mandate with a valid IBAN (Art 31.4b–c); instalments need the published
 * debit dates, and choosing them books the one-off administration charge (Art 31.10) once.
 */
export async function arrangePayment(
  ctx: ServiceContext,
  input: ParsedInput<'payments:arrange'>,
): Promise<PaymentArrangement> {
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await selectEnrolment(trx, input.enrolmentId);
    if (enrolment.status !== 'enrolled') {
      throw new DeskError(
        'refused',
        `The enrolment is ${enrolment.status}; a payment arrangement is only recorded for a current enrolment.`,
      );
    }
    const provisions = loadProvisions(enrolment.academicYear);
    const student = await trx
      .selectFrom('students')
      .select('studentNumber')
      .where('id', '=', enrolment.studentId)
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('paymentArrangements')
      .selectAll()
      .where('enrolmentId', '=', input.enrolmentId)
      .executeTakeFirst();
    // Changing a recorded arrangement names the version read, so that nobody overwrites a colleague unseen.
    if (existing) assertCurrentVersion(existing, input.expectedVersion ?? 0, 'The payment arrangement');

    const isDirectDebit = input.method !== 'lump-sum-transfer';
    let iban: string | null = null;
    if (isDirectDebit) {
      if (!input.mandate) {
        throw new DeskError(
          'validation',
          'A direct debit needs the SEPA mandate: the IBAN, the account holder and the day it was signed (Art 31.4).',
          { field: 'mandate' },
        );
      }
      const check = validateIban(input.mandate.iban);
      if (!check.valid) {
        throw new DeskError('validation', `${check.message} (${check.reasons[0]?.article ?? 'Art 31.4'})`, {
          field: 'mandate.iban',
        });
      }
      iban = check.iban;
    }
    const facts = paymentFactsOf(enrolment, provisions, input.facultyOffersInstalments);
    const option = assessPaymentMethods({ ...facts, iban }, provisions).options.find(
      (o) => o.method === input.method,
    );
    if (!option?.allowed) {
      const why = (option?.reasons ?? []).map((r) => `${r.text} (${r.article})`).join(' ');
      throw new DeskError(
        'refused',
        `${paymentMethodLabels[input.method]} is not open to this enrolment: ${why}`,
        {
          field: 'method',
        },
      );
    }
    const debitDates = input.method === 'direct-debit-instalments' ? input.debitDates : [];
    if (input.method === 'direct-debit-instalments') {
      try {
        planInstalments({ ...facts, iban, feeCents: enrolment.feeCents, debitDates }, provisions);
      } catch (error) {
        // planInstalments refuses dates of the wrong number or out of order (Art 31.4c).
        if (error instanceof RangeError)
          throw new DeskError('validation', error.message, { field: 'debitDates' });
        throw error;
      }
    }

    const values = {
      method: input.method,
      iban,
      accountHolder: isDirectDebit ? (input.mandate?.accountHolder ?? null) : null,
      mandateSignedOn: isDirectDebit ? (input.mandate?.signedOn ?? null) : null,
      mandateReference: isDirectDebit ? mandateReference(student.studentNumber, enrolment) : null,
      thirdPartyName: input.thirdPartyPayer?.name ?? null,
      thirdPartyAuthorisedOn: input.thirdPartyPayer?.authorisationReceivedOn ?? null,
      debitDatesJson: JSON.stringify(debitDates),
      facultyOffersInstalments: input.facultyOffersInstalments ? 1 : 0,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    };
    const row = existing
      ? await trx
          .updateTable('paymentArrangements')
          .set({ ...values, version: existing.version + 1 })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('paymentArrangements')
          .values({ ...values, enrolmentId: input.enrolmentId, createdAt: at })
          .returningAll()
          .executeTakeFirstOrThrow();

    // The administration charge of Art 31.10 is owed once per enrolment paid in instalments.
    if (input.method === 'direct-debit-instalments' && existing?.method !== 'direct-debit-instalments') {
      const charged = await trx
        .selectFrom('ledgerEntries')
        .select('id')
        .where('enrolmentId', '=', enrolment.id)
        .where('entryKind', '=', 'administration-charge')
        .where('description', '=', instalmentChargeDescription)
        .executeTakeFirst();
      if (!charged) {
        const charge = provisions.fees.instalmentAdministrationChargeCents;
        await bookLedgerEntry(trx, ctx, {
          studentId: enrolment.studentId,
          enrolmentId: enrolment.id,
          entryKind: 'administration-charge',
          amountCents: charge.amountCents,
          bookedOn: today,
          description: instalmentChargeDescription,
          reasons: [
            {
              article: charge.article,
              text: 'Paying in instalments adds a one-off administration charge to the first instalment.',
            },
          ],
        });
      }
    }
    const view = toView(row, enrolment, provisions, await paidOnEnrolment(trx, enrolment.id), today);
    await recordAudit(trx, ctx.actor, at, {
      action: existing ? 'payment-arrangement.update' : 'payment-arrangement.create',
      entity: 'student',
      entityId: student.studentNumber,
      before: existing ? arrangementForAudit(existing) : null,
      after: arrangementForAudit(row),
    });
    return view;
  });
}

const instalmentChargeDescription = 'Administration charge for payment in instalments';

/** The audit shows the method, payer and dates, and the IBAN only by its last four characters. */
function arrangementForAudit(row: Selectable<PaymentArrangementTable>) {
  return {
    enrolment: row.enrolmentId,
    method: row.method,
    iban: row.iban ? `…${row.iban.slice(-4)}` : null,
    accountHolder: row.accountHolder,
    mandateSignedOn: row.mandateSignedOn,
    thirdPartyPayer: row.thirdPartyName,
    debitDates: JSON.parse(row.debitDatesJson) as unknown,
  };
}

/** Instalments past their debit date and not (fully) paid, per student (Art 32.1). */
export interface MissedInstalments {
  studentId: number;
  /** The day after the debit date of the earliest missed instalment. */
  arisenOn: string;
  unpaidInstalments: number;
  outstandingCents: number;
}

/**
 * The students with instalments missed as of a day: the schedules of every enrolment paid in
 * instalments against the payments booked on it, read in two queries whatever the number of students.
 */
export async function missedInstalments(
  db: DeskDb,
  today: string,
  studentId?: number,
): Promise<MissedInstalments[]> {
  let query = db
    .selectFrom('paymentArrangements')
    .innerJoin('enrolments', 'enrolments.id', 'paymentArrangements.enrolmentId')
    .selectAll('enrolments')
    .select(['paymentArrangements.debitDatesJson', 'paymentArrangements.facultyOffersInstalments'])
    .where('paymentArrangements.method', '=', 'direct-debit-instalments')
    .where('enrolments.status', '=', 'enrolled');
  if (studentId !== undefined) query = query.where('enrolments.studentId', '=', studentId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const paid = await db
    .selectFrom('ledgerEntries')
    .select(['enrolmentId', (eb) => eb.fn.sum<number>('amountCents').as('net')])
    .where(
      'enrolmentId',
      'in',
      rows.map((r) => r.id),
    )
    .where('entryKind', 'in', ['payment', 'reversal'])
    .groupBy('enrolmentId')
    .execute();
  const paidByEnrolment = new Map(paid.map((p) => [p.enrolmentId, -p.net]));
  const byStudent = new Map<number, MissedInstalments>();
  for (const row of rows) {
    const provisions = loadProvisions(row.academicYear);
    const debitDates = JSON.parse(row.debitDatesJson) as string[];
    const plan = planInstalments(
      {
        ...paymentFactsOf(row, provisions, row.facultyOffersInstalments === 1),
        feeCents: row.feeCents,
        debitDates,
      },
      provisions,
    );
    if (plan.outcome === 'refused') continue;
    const statuses = instalmentStatuses(
      plan.instalments.map((i, index) => ({
        debitDate: debitDates[index] ?? '',
        amountCents: i.amountCents,
        administrationChargeCents: i.administrationChargeCents,
      })),
      paidByEnrolment.get(row.id) ?? 0,
      today,
    );
    const missed = statuses.filter((s) => s.status === 'overdue');
    const first = missed[0];
    if (!first) continue;
    const arisenOn = addDays(first.debitDate, 1);
    const outstandingCents = missed.reduce((sum, s) => sum + s.amountCents - s.paidCents, 0);
    const known = byStudent.get(row.studentId);
    byStudent.set(row.studentId, {
      studentId: row.studentId,
      arisenOn: known && known.arisenOn < arisenOn ? known.arisenOn : arisenOn,
      unpaidInstalments: (known?.unpaidInstalments ?? 0) + missed.length,
      outstandingCents: (known?.outstandingCents ?? 0) + outstandingCents,
    });
  }
  return [...byStudent.values()];
}
