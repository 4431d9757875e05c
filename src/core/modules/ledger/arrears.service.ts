import { sql } from 'kysely';
import type { ArrearsStepKind, ArrearsWorklistRow } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import { missedInstalments } from '../payments/payment-arrangement.service';
import { nextArrearsAction, type ArrearsAction, type ArrearsState } from '../payments/arrears.rules';

/** What the worklist calls each next action. */
export const arrearsActionLabels: Readonly<Record<ArrearsAction | 'none', string>> = {
  'send-first-reminder': 'Send the first reminder',
  'block-facilities-and-add-administration-fee': 'Block facilities and add the administration fee',
  'send-second-reminder': 'Send the second reminder',
  'block-facilities': 'Block the UM card and digital facilities',
  'send-reversal-reminder': 'Send the reminder with the administration fee',
  'terminate-enrolment': 'Decide whether to terminate the enrolment',
  none: 'No further step',
};

/** The field of the arrears state that taking an action records. */
const stepOfAction: Readonly<Record<ArrearsAction, ArrearsStepKind>> = {
  'send-first-reminder': 'firstReminderSentOn',
  'block-facilities-and-add-administration-fee': 'facilitiesBlockedOn',
  'send-second-reminder': 'secondReminderSentOn',
  'block-facilities': 'facilitiesBlockedOn',
  'send-reversal-reminder': 'reversalReminderSentOn',
  'terminate-enrolment': 'terminationDecidedOn',
};

const stepLabels: Readonly<Record<ArrearsStepKind, string>> = {
  firstReminderSentOn: 'the first reminder',
  facilitiesBlockedOn: 'blocking the facilities',
  secondReminderSentOn: 'the second reminder',
  reversalReminderSentOn: 'the reminder after the reversal',
  terminationDecidedOn: 'the decision to terminate the enrolment',
  settledOn: 'the settlement',
};

// Every step kind is a date field of ArrearsState: a renamed field fails to compile here.
type StepDates = Pick<ArrearsState, ArrearsStepKind>;

interface ArrearsCase {
  row: ArrearsWorklistRow;
  state: ArrearsState;
  studentNumber: string;
}

/** How one student's arrears arose, before the steps taken are applied. */
interface ArrearsOrigin {
  studentId: number;
  studentNumber: string;
  name: string;
  balanceCents: number;
  route: ArrearsState['route'];
  arisenOn: string;
  unpaidInstalments: number;
  outstandingCents: number;
}

/** Each student's ledger balance and the administration charges booked on it. */
function balances(db: DeskDb) {
  return db
    .selectFrom('ledgerEntries')
    .innerJoin('students', 'students.id', 'ledgerEntries.studentId')
    .select([
      'ledgerEntries.studentId',
      'students.studentNumber',
      'students.familyName',
      'students.givenNames',
      sql<number>`sum(ledger_entries.amount_cents)`.as('balanceCents'),
      sql<number>`sum(case when ledger_entries.entry_kind = 'administration-charge' then ledger_entries.amount_cents else 0 end)`.as(
        'administrationChargesCents',
      ),
      sql<number>`sum(ledger_entries.entry_kind = 'reversal')`.as('reversals'),
      sql<string>`min(case when ledger_entries.entry_kind = 'reversal' then ledger_entries.booked_on end)`.as(
        'firstReversalOn',
      ),
    ])
    .groupBy([
      'ledgerEntries.studentId',
      'students.studentNumber',
      'students.familyName',
      'students.givenNames',
    ]);
}

/**
 * Where arrears arose: a reversed direct debit (Art 32.2), taken to arise on the earliest reversal, or
 * else instalments missed on their debit dates (Art 32.1); only students whose balance is positive.
 */
async function arrearsOrigins(db: DeskDb, today: string, studentId?: number): Promise<ArrearsOrigin[]> {
  let reversed = balances(db).having(
    sql<boolean>`sum(ledger_entries.amount_cents) > 0 and sum(ledger_entries.entry_kind = 'reversal') > 0`,
  );
  if (studentId !== undefined) reversed = reversed.where('ledgerEntries.studentId', '=', studentId);
  const origins: ArrearsOrigin[] = (await reversed.execute()).map((b) => ({
    studentId: b.studentId,
    studentNumber: b.studentNumber,
    name: `${b.givenNames} ${b.familyName}`,
    balanceCents: b.balanceCents,
    route: 'reversed-direct-debit',
    arisenOn: b.firstReversalOn,
    unpaidInstalments: b.reversals,
    // The rules add the administration fees themselves: leave out what is already booked.
    outstandingCents: Math.max(0, b.balanceCents - b.administrationChargesCents),
  }));
  const reversedStudents = new Set(origins.map((o) => o.studentId));
  const missed = (await missedInstalments(db, today, studentId)).filter(
    (m) => !reversedStudents.has(m.studentId),
  );
  if (missed.length > 0) {
    const owing = await balances(db)
      .where(
        'ledgerEntries.studentId',
        'in',
        missed.map((m) => m.studentId),
      )
      .having(sql<boolean>`sum(ledger_entries.amount_cents) > 0`)
      .execute();
    const missedByStudent = new Map(missed.map((m) => [m.studentId, m]));
    for (const b of owing) {
      const m = missedByStudent.get(b.studentId);
      if (!m) continue;
      origins.push({
        studentId: b.studentId,
        studentNumber: b.studentNumber,
        name: `${b.givenNames} ${b.familyName}`,
        balanceCents: b.balanceCents,
        route: 'missed-instalment',
        arisenOn: m.arisenOn,
        unpaidInstalments: m.unpaidInstalments,
        outstandingCents: Math.min(m.outstandingCents, b.balanceCents),
      });
    }
  }
  return origins;
}

/** The arrears cases on a day, with the steps taken since each arose and the next step. */
async function arrearsCases(db: DeskDb, today: string, studentId?: number): Promise<ArrearsCase[]> {
  const provisions = loadProvisions();
  const origins = await arrearsOrigins(db, today, studentId);
  if (origins.length === 0) return [];
  const steps = await db
    .selectFrom('arrearsSteps')
    .select(['studentId', 'step', 'takenOn'])
    .where(
      'studentId',
      'in',
      origins.map((o) => o.studentId),
    )
    .orderBy('id')
    .execute();

  const cases = origins.map((o): ArrearsCase => {
    const dates: Partial<StepDates> = {};
    for (const s of steps) {
      // Steps of an earlier case, before this one arose, do not count.
      if (s.studentId === o.studentId && s.takenOn >= o.arisenOn) dates[s.step] ??= s.takenOn;
    }
    const state: ArrearsState = {
      route: o.route,
      arisenOn: o.arisenOn,
      unpaidInstalments: o.unpaidInstalments,
      outstandingCents: o.outstandingCents,
      ...dates,
    };
    const next = nextArrearsAction(state, today, provisions);
    return {
      studentNumber: o.studentNumber,
      state,
      row: {
        studentId: o.studentId,
        studentNumber: o.studentNumber,
        name: o.name,
        outstandingCents: o.balanceCents,
        arisenOn: o.arisenOn,
        nextAction: {
          id: next.action,
          label: arrearsActionLabels[next.action],
          step: next.action === 'none' ? null : stepOfAction[next.action],
        },
        dueOn: next.dueOn,
        isDue: next.isDue,
        reasons: next.reasons,
      },
    };
  });
  // By the day the next step is due; cases without a next step last.
  return cases.sort(
    (a, b) =>
      (a.row.dueOn ?? '9999-12-31').localeCompare(b.row.dueOn ?? '9999-12-31') ||
      a.row.studentNumber.localeCompare(b.row.studentNumber),
  );
}

/** One student's arrears case on a day with the steps taken since it arose, or null when not in arrears. */
export async function arrearsCaseOf(
  db: DeskDb,
  today: string,
  studentId: number,
): Promise<ArrearsState | null> {
  const [found] = await arrearsCases(db, today, studentId);
  return found?.state ?? null;
}

/** The arrears worklist on a day: each student in arrears with the next step and its day (Art 32, 35). */
export async function arrearsWorklist(db: DeskDb, today: string): Promise<ArrearsWorklistRow[]> {
  return (await arrearsCases(db, today)).map((c) => c.row);
}

/**
 * Records a step of a student's arrears procedure with its audit row. Only the next step due may be
 * recorded; blocking the facilities also books the administration charge per unpaid instalment (Art 32.1a, 32.2).
 */
export async function recordArrearsStep(
  ctx: ServiceContext,
  input: { studentId: number; step: ArrearsStepKind; takenOn: string },
): Promise<ArrearsWorklistRow | null> {
  const at = ctx.clock.now().toISOString();
  const provisions = loadProvisions();
  await ctx.db.transaction().execute(async (trx) => {
    const [current] = await arrearsCases(trx, input.takenOn, input.studentId);
    if (!current) {
      throw new DeskError(
        'refused',
        `Student ${input.studentId} is not in arrears (no reversed direct debit or missed instalment unpaid), so no arrears step can be recorded.`,
      );
    }
    const { row } = current;
    const expected = row.nextAction.step;
    if (expected === null) {
      throw new DeskError(
        'refused',
        `No further arrears step is due for ${row.studentNumber}: ${row.reasons.map((r) => `${r.text} (${r.article})`).join(' ')}`,
      );
    }
    const article = row.reasons[0]?.article ?? 'Art 32';
    if (input.step !== expected) {
      throw new DeskError(
        'refused',
        `The next arrears step for ${row.studentNumber} is ${stepLabels[expected]} (${row.nextAction.label}, ${article}), not ${stepLabels[input.step]}.`,
        { field: 'step' },
      );
    }
    if (row.dueOn !== null && input.takenOn < row.dueOn) {
      throw new DeskError(
        'refused',
        `${row.nextAction.label} for ${row.studentNumber} may be taken from ${row.dueOn} (${article}), not on ${input.takenOn}.`,
        { field: 'takenOn' },
      );
    }
    await trx
      .insertInto('arrearsSteps')
      .values({
        studentId: input.studentId,
        step: input.step,
        takenOn: input.takenOn,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .execute();
    let chargeCents = 0;
    if (input.step === 'facilitiesBlockedOn') {
      const perInstalment = provisions.fees.arrearsAdministrationChargeCents;
      const n = current.state.unpaidInstalments;
      chargeCents = perInstalment.amountCents * n;
      await trx
        .insertInto('ledgerEntries')
        .values({
          studentId: input.studentId,
          enrolmentId: null,
          entryKind: 'administration-charge',
          amountCents: chargeCents,
          bookedOn: input.takenOn,
          description: `Administration charge for arrears: ${formatCents(perInstalment.amountCents)} × ${n} unpaid instalment${n === 1 ? '' : 's'}`,
          reasonsJson: JSON.stringify([
            {
              article: perInstalment.article,
              text: `The outstanding amount is increased by ${formatCents(perInstalment.amountCents)} for each unpaid instalment (${n}), ${formatCents(chargeCents)} in all; after a reversed direct debit per unpaid instalment as well (Art 32.2).`,
            },
          ]),
          createdAt: at,
          createdBy: ctx.actor.name,
        })
        .execute();
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'arrears.step',
      entity: 'student',
      entityId: current.studentNumber,
      after: {
        step: input.step,
        takenOn: input.takenOn,
        action: row.nextAction.id,
        administrationChargeCents: chargeCents,
      },
    });
  });
  const [after] = await arrearsCases(ctx.db, ctx.clock.now().toISOString().slice(0, 10), input.studentId);
  return after?.row ?? null;
}

/**
 * Why a student may not enrol again while in arrears at UM (Art 3.5), or null when nothing stands in
 * the way: an open arrears case (Art 32), or fees of an earlier academic year still unpaid.
 */
export async function arrearsRefusingReEnrolment(
  db: DeskDb,
  studentId: number,
  academicYear: string,
  today: string,
): Promise<string | null> {
  const [open] = await arrearsCases(db, today, studentId);
  if (open) {
    return `${open.row.name} is in arrears since ${open.row.arisenOn} and owes ${formatCents(open.row.outstandingCents)} including administration fees; re-enrolment is refused until that is paid (Art 3.5).`;
  }
  const earlier = await db
    .selectFrom('ledgerEntries')
    .innerJoin('enrolments', 'enrolments.id', 'ledgerEntries.enrolmentId')
    .select((eb) => eb.fn.sum<number>('ledgerEntries.amountCents').as('owed'))
    .where('ledgerEntries.studentId', '=', studentId)
    .where('enrolments.academicYear', '<', academicYear)
    .executeTakeFirst();
  const owed = earlier?.owed ?? 0;
  return owed > 0
    ? `Fees of ${formatCents(owed)} for an earlier academic year are unpaid; re-enrolment for ${academicYear} is refused until they are paid (Art 3.5).`
    : null;
}
