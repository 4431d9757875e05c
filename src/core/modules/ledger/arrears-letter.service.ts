import { createHash } from 'node:crypto';
import type { ArrearsStepKind } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import { nextArrearsAction, planArrearsProcedure, type ArrearsAction } from '../payments/arrears.rules';
import { formatLongDate } from '../payments/calendar-dates';
import { arrearsActionLabels, arrearsCaseOf } from './arrears.service';
import { renderArrearsReminderLetter, type ArrearsReminderKind } from './arrears-letter.pdf';

/** The reminders of the procedure, the letter each one is, and the step that records it. */
const reminders: readonly {
  action: ArrearsAction;
  kind: ArrearsReminderKind;
  step: ArrearsStepKind;
  /** Tells the reminders apart in the letter's reference, e.g. ARR-RD-i6123456-20221110. */
  code: string;
}[] = [
  { action: 'send-first-reminder', kind: 'first-reminder', step: 'firstReminderSentOn', code: 'R1' },
  { action: 'send-second-reminder', kind: 'second-reminder', step: 'secondReminderSentOn', code: 'R2' },
  { action: 'send-reversal-reminder', kind: 'reversal-reminder', step: 'reversalReminderSentOn', code: 'RD' },
];

/** A generated letter as the contract returns it. */
export interface ArrearsReminderLetterFile {
  fileName: string;
  pdfBase64: string;
}

/**
 * The reminder letter of a student's arrears procedure (Art 32, 35) as a PDF, with an audit row.
 *
 * A reminder that is due is dated `today`, with the payment term from today; once a reminder is
 * recorded, the letter is that reminder again, dated the day it was recorded. Refused when the
 * student is not in arrears or no reminder is due or recorded.
 */
export async function issueArrearsReminderLetter(
  ctx: ServiceContext,
  input: { studentId: number; today: string },
): Promise<ArrearsReminderLetterFile> {
  const provisions = loadProvisions();
  const student = await ctx.db
    .selectFrom('students')
    .select(['studentNumber', 'givenNames', 'familyName', 'email'])
    .where('id', '=', input.studentId)
    .executeTakeFirst();
  if (!student) {
    throw new DeskError('not_found', `No student with id ${input.studentId}; search for the student again.`);
  }
  const state = await arrearsCaseOf(ctx.db, input.today, input.studentId);
  if (!state) {
    throw new DeskError(
      'refused',
      `${student.studentNumber} is not in arrears (no reversed direct debit or missed instalment unpaid, Art 32), so there is no reminder to send.`,
    );
  }
  const next = nextArrearsAction(state, input.today, provisions);
  const due = reminders.find((r) => r.action === next.action);
  // The reminders are listed in the order of the procedure: the last one recorded is the latest sent.
  const recorded = reminders.filter((r) => state[r.step]).at(-1);

  const isSettled = state.settledOn != null && state.settledOn <= input.today;
  let reminder: (typeof reminders)[number];
  let letterDate: string;
  let letterState = state;
  if (due && next.isDue) {
    reminder = due;
    letterDate = input.today;
    // The letter is the reminder sent today: plan its term and the termination date from today.
    letterState = { ...state, [due.step]: input.today };
  } else if (recorded && !isSettled) {
    reminder = recorded;
    letterDate = state[recorded.step] ?? input.today;
  } else {
    const article = next.reasons[0]?.article ?? 'Art 32';
    throw new DeskError(
      'refused',
      due && next.dueOn
        ? `The reminder for ${student.studentNumber} is not due yet: it may be sent from ${formatLongDate(next.dueOn)} (${article}).`
        : `No reminder is due or recorded for ${student.studentNumber}: the next step of the arrears procedure is "${arrearsActionLabels[next.action]}" (${article}).`,
    );
  }

  const letterPlan = planArrearsProcedure(letterState, provisions);
  const step = letterPlan.steps.find((s) => s.action === reminder.action);
  if (!step?.payBy) throw new Error(`The arrears plan has no payment term for ${reminder.action}.`);
  const reference = `ARR-${reminder.code}-${student.studentNumber}-${letterDate.replaceAll('-', '')}`;
  const fileName = `arrears-reminder-${student.studentNumber}-${letterDate}.pdf`;
  const pdf = await renderArrearsReminderLetter(
    {
      kind: reminder.kind,
      reference,
      letterDate,
      payBy: step.payBy,
      student,
      unpaidInstalments: state.unpaidInstalments,
      instalmentsCents: state.outstandingCents,
      administrationChargesCents: step.amountDueCents - state.outstandingCents,
      amountDueCents: step.amountDueCents,
      terminationEffectiveFrom: letterPlan.terminationEffectiveFrom,
    },
    { provisions, createdAt: ctx.clock.now() },
  );

  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx.actor, at, {
      action: 'arrears.letter',
      entity: 'student',
      entityId: student.studentNumber,
      after: {
        kind: reminder.kind,
        reference,
        letterDate,
        payBy: step.payBy,
        amountDueCents: step.amountDueCents,
        fileName,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    });
  });
  return { fileName, pdfBase64: pdf.toString('base64') };
}
