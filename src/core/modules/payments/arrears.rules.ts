import type { Provisions } from '../../provisions/provisions.schema';
import {
  academicYearStartContaining,
  addDays,
  addMonths,
  calendarMonthsFromUntil,
  firstDayOfMonthsLater,
  formatLongDate,
  laterDate,
  parseIsoDate,
} from './calendar-dates';
import { formatEuroCents } from './euro-cents';
import type { DebtKind, OutstandingDebt, ProvisionReason } from './provision-reason';

/*
 * Counting the terms: "due within 14 days" of a reminder (Art 32.1a, 32.1b, 32.2) and "not
 * forthcoming within 14 days of the date on the (second) reminder" (Art 35) are read as calendar
 * days after the date of the reminder: a reminder dated 10 January must be paid by 24 January, and
 * the next step may be taken from 25 January. The number of days comes from the provisions.
 */

/** How the arrears arose: an instalment not paid (Art 32.1) or a direct debit reversed at the account holder's request (Art 32.2). */
export type ArrearsRoute = 'missed-instalment' | 'reversed-direct-debit';

/** A step of the arrears procedure. */
export type ArrearsAction =
  /** Art 32.1a: first reminder, 14 days to pay. */
  | 'send-first-reminder'
  /** Art 32.1a: the first reminder was not met; block the UM card and digital facilities and add the administration fee. */
  | 'block-facilities-and-add-administration-fee'
  /** Art 32.1b: second reminder, 14 days before the de-registration procedure of Art 35. */
  | 'send-second-reminder'
  /** Art 32.2: block the UM card and digital facilities without prior notice. */
  | 'block-facilities'
  /** Art 32.2: reminder including the administration fee per unpaid instalment, 14 days to pay. */
  | 'send-reversal-reminder'
  /** Art 35: UM may terminate the enrolment. */
  | 'terminate-enrolment';

/** What is known about one case of arrears: how it arose and which steps were taken when. */
export interface ArrearsState {
  route: ArrearsRoute;
  /** The day the instalment fell into arrears, or the day the bank reversed the direct debit. */
  arisenOn: string;
  /** How many instalments are unpaid; the administration fee is charged per unpaid instalment. */
  unpaidInstalments: number;
  /** The unpaid instalment amounts, without administration fees, in cents. */
  outstandingCents: number;
  firstReminderSentOn?: string | null;
  facilitiesBlockedOn?: string | null;
  secondReminderSentOn?: string | null;
  reversalReminderSentOn?: string | null;
  /** The day everything owed was paid; the procedure stops. */
  settledOn?: string | null;
  /** The day UM decided to terminate the enrolment under Art 35. */
  terminationDecidedOn?: string | null;
}

/** One step of the arrears procedure with its date. */
export interface ArrearsStep {
  action: ArrearsAction;
  /** The day the step was taken, if recorded, or else the earliest day it may be taken. */
  on: string;
  /** Whether the step has been recorded as taken. */
  taken: boolean;
  /** For a reminder: the last day for payment; otherwise null. */
  payBy: string | null;
  /** What the student owes at this step: the outstanding instalments plus the administration fees charged so far. */
  amountDueCents: number;
  reasons: ProvisionReason[];
}

/** The arrears procedure from the arrears to the first possible termination date. */
export interface ArrearsProcedure {
  route: ArrearsRoute;
  steps: ArrearsStep[];
  /** The administration fees: the amount per unpaid instalment times the number unpaid (Art 32.1a, 32.2). */
  administrationFeeCents: number;
  /** The outstanding instalments plus the administration fees. */
  amountDueCents: number;
  /** The first day on which UM may decide to terminate the enrolment (Art 35). */
  terminationMayBeDecidedFrom: string;
  /** The first date on which the termination may take effect, or null when that falls after 31 August and the enrolment ends by law first. */
  terminationEffectiveFrom: string | null;
  reasons: ProvisionReason[];
}

function stepDate(recorded: string | null | undefined, earliest: string): { on: string; taken: boolean } {
  return recorded ? { on: recorded, taken: true } : { on: earliest, taken: false };
}

function assertState(state: ArrearsState): void {
  parseIsoDate(state.arisenOn);
  if (!Number.isSafeInteger(state.unpaidInstalments) || state.unpaidInstalments < 1) {
    throw new RangeError(`At least one instalment must be unpaid; got ${state.unpaidInstalments}.`);
  }
  if (!Number.isSafeInteger(state.outstandingCents) || state.outstandingCents < 0) {
    throw new RangeError(`The outstanding amount must be whole cents; got ${state.outstandingCents}.`);
  }
}

/**
 * The arrears procedure of Art 32 and 35 for one case, step by step: recorded dates where known,
 * otherwise the earliest day each step may be taken.
 */
export function planArrearsProcedure(state: ArrearsState, provisions: Provisions): ArrearsProcedure {
  assertState(state);
  const { fees } = provisions;
  const perInstalment = fees.arrearsAdministrationChargeCents;
  const n = state.unpaidInstalments;
  const adminFee = perInstalment.amountCents * n;
  const owed = state.outstandingCents;
  const feeText =
    n === 1
      ? `${formatEuroCents(perInstalment.amountCents)} for the one unpaid instalment`
      : `${formatEuroCents(perInstalment.amountCents)} for each of the ${n} unpaid instalments (${formatEuroCents(adminFee)})`;
  const steps: ArrearsStep[] = [];
  let warningNotice: string;

  if (state.route === 'missed-instalment') {
    const first = stepDate(state.firstReminderSentOn, state.arisenOn);
    const firstPayBy = addDays(first.on, fees.arrearsFirstReminderTermDays.days);
    steps.push({
      action: 'send-first-reminder',
      ...first,
      payBy: firstPayBy,
      amountDueCents: owed,
      reasons: [
        {
          article: fees.arrearsFirstReminderTermDays.article,
          text: `${n === 1 ? `An instalment of ${formatEuroCents(owed)} is` : `${n} instalments totalling ${formatEuroCents(owed)} are`} in arrears since ${formatLongDate(state.arisenOn)}; the first reminder of ${formatLongDate(first.on)} gives notice that the outstanding amount is due within ${fees.arrearsFirstReminderTermDays.days} days, by ${formatLongDate(firstPayBy)}, failing which the UM card and digital facilities are blocked and ${formatEuroCents(perInstalment.amountCents)} per unpaid instalment is added.`,
        },
      ],
    });
    const block = stepDate(state.facilitiesBlockedOn, addDays(firstPayBy, 1));
    steps.push({
      action: 'block-facilities-and-add-administration-fee',
      ...block,
      payBy: null,
      amountDueCents: owed + adminFee,
      reasons: [
        {
          article: perInstalment.article,
          text: `The first reminder was not met by ${formatLongDate(firstPayBy)}, so the UM card, Canvas, the Student Portal and all other digital facilities are blocked and the outstanding amount is increased by ${feeText}.`,
        },
      ],
    });
    // Art 32.1b: the second reminder follows when payment is not forthcoming after the first.
    const second = stepDate(state.secondReminderSentOn, block.on);
    const secondPayBy = addDays(second.on, fees.arrearsSecondReminderTermDays.days);
    steps.push({
      action: 'send-second-reminder',
      ...second,
      payBy: secondPayBy,
      amountDueCents: owed + adminFee,
      reasons: [
        {
          article: fees.arrearsSecondReminderTermDays.article,
          text: `The second reminder of ${formatLongDate(second.on)} requests ${formatEuroCents(owed + adminFee)} including administration fees and gives notice that the de-registration procedure of Art 35 starts if it is not paid within ${fees.arrearsSecondReminderTermDays.days} days, by ${formatLongDate(secondPayBy)}.`,
        },
      ],
    });
    warningNotice = second.on;
  } else {
    const block = stepDate(state.facilitiesBlockedOn, state.arisenOn);
    steps.push({
      action: 'block-facilities',
      ...block,
      payBy: null,
      amountDueCents: owed,
      reasons: [
        {
          article: 'Art 32.2',
          text: `The direct debit was reversed by the bank at the account holder's request on ${formatLongDate(state.arisenOn)}, so the UM card and all digital facilities are blocked without prior notice.`,
        },
      ],
    });
    const reminder = stepDate(state.reversalReminderSentOn, block.on);
    const payBy = addDays(reminder.on, fees.directDebitReversalReminderTermDays.days);
    steps.push({
      action: 'send-reversal-reminder',
      ...reminder,
      payBy,
      amountDueCents: owed + adminFee,
      reasons: [
        {
          article: fees.directDebitReversalReminderTermDays.article,
          text: `The reminder of ${formatLongDate(reminder.on)} requests ${formatEuroCents(owed + adminFee)}, the outstanding ${formatEuroCents(owed)} plus ${feeText}, and gives notice that the de-registration procedure of Art 35 starts if it is not paid within ${fees.directDebitReversalReminderTermDays.days} days, by ${formatLongDate(payBy)}.`,
        },
      ],
    });
    warningNotice = reminder.on;
  }

  // Art 35: termination may be decided once the 14 days of the (second) reminder have passed, and
  // may take effect as of the second month following the month in which that notice was sent.
  const decisionFrom = addDays(warningNotice, fees.arrearsTerminationTermDays.days + 1);
  const effectMonths = fees.arrearsTerminationEffectMonths.months;
  const earliestEffect = laterDate(firstDayOfMonthsLater(warningNotice, effectMonths), decisionFrom);
  const endsByLawFirst = earliestEffect > provisions.endDate;
  const terminate = stepDate(state.terminationDecidedOn, decisionFrom);
  const terminationReasons: ProvisionReason[] = [
    {
      article: 'Art 35',
      text: endsByLawFirst
        ? `If ${formatEuroCents(owed + adminFee)} is not paid within ${fees.arrearsTerminationTermDays.days} days of the reminder of ${formatLongDate(warningNotice)}, UM may terminate the enrolment from ${formatLongDate(decisionFrom)}, but only as of ${formatLongDate(earliestEffect)}, after the academic year.`
        : `If ${formatEuroCents(owed + adminFee)} is not paid within ${fees.arrearsTerminationTermDays.days} days of the reminder of ${formatLongDate(warningNotice)}, UM may decide from ${formatLongDate(decisionFrom)} to terminate the enrolment as of ${formatLongDate(earliestEffect)}, the second month after the month of that notice.`,
    },
  ];
  if (endsByLawFirst) {
    terminationReasons.push(
      {
        article: provisions.enrolment.enrolmentEndsDate.article,
        text: `The enrolment ends by law on ${formatLongDate(provisions.endDate)}, before a termination for arrears could take effect.`,
      },
      {
        article: 'Art 3.5',
        text: 'Re-enrolment is refused for as long as the arrears, including administration fees, remain unpaid.',
      },
    );
  }
  steps.push({
    action: 'terminate-enrolment',
    ...terminate,
    payBy: null,
    amountDueCents: owed + adminFee,
    reasons: terminationReasons,
  });

  return {
    route: state.route,
    steps,
    administrationFeeCents: adminFee,
    amountDueCents: owed + adminFee,
    terminationMayBeDecidedFrom: decisionFrom,
    terminationEffectiveFrom: endsByLawFirst ? null : earliestEffect,
    reasons: steps.flatMap((s) => s.reasons),
  };
}

/** The next step of an arrears case for a worklist. */
export interface NextArrearsAction {
  /** The next step to take, or 'none' when the case needs no further step. */
  action: ArrearsAction | 'none';
  /** The day from which the step is due; null for 'none'. */
  dueOn: string | null;
  /** Whether the step is due today or overdue. */
  isDue: boolean;
  /** What the student owes now, including any administration fees already charged. */
  amountDueCents: number;
  /** For a termination: the date it may take effect (Art 35); otherwise null. */
  terminationEffectiveFrom: string | null;
  reasons: ProvisionReason[];
}

/** The next action of an arrears case and its date, for a worklist (Art 32, 35). */
export function nextArrearsAction(
  state: ArrearsState,
  today: string,
  provisions: Provisions,
): NextArrearsAction {
  parseIsoDate(today);
  const plan = planArrearsProcedure(state, provisions);
  const taken = plan.steps.filter((s) => s.taken);
  const owedNow = taken.length > 0 ? taken[taken.length - 1].amountDueCents : state.outstandingCents;

  if (state.settledOn && state.settledOn <= today) {
    return {
      action: 'none',
      dueOn: null,
      isDue: false,
      amountDueCents: 0,
      terminationEffectiveFrom: null,
      reasons: [
        {
          article: 'Art 32',
          text: `The arrears were paid on ${formatLongDate(state.settledOn)}, so the arrears procedure goes no further.`,
        },
      ],
    };
  }
  const next = plan.steps.find((s) => !s.taken);
  if (!next) {
    return {
      action: 'none',
      dueOn: null,
      isDue: false,
      amountDueCents: owedNow,
      terminationEffectiveFrom: null,
      reasons: [
        {
          article: 'Art 35',
          text: `UM decided on ${formatLongDate(state.terminationDecidedOn ?? today)} to terminate the enrolment for arrears; the procedure is complete.`,
        },
      ],
    };
  }
  if (next.action === 'terminate-enrolment' && plan.terminationEffectiveFrom === null) {
    return {
      action: 'none',
      dueOn: null,
      isDue: false,
      amountDueCents: owedNow,
      terminationEffectiveFrom: null,
      reasons: next.reasons,
    };
  }
  return {
    action: next.action,
    dueOn: next.on,
    isDue: next.on <= today,
    amountDueCents: owedNow,
    terminationEffectiveFrom: next.action === 'terminate-enrolment' ? plan.terminationEffectiveFrom : null,
    reasons: next.reasons,
  };
}

// ------------------------------------------------------------------------------- re-enrolment

/** The debt kinds that Art 3.5 names: tuition, examination and study fees, including administration fees. */
const FEE_ARREARS_KINDS: readonly DebtKind[] = [
  'tuition-fee',
  'examination-fee',
  'study-fee',
  'administration-fee',
];

/** The facts of a re-enrolment by someone who may owe UM money (Art 3.5, 35). */
export interface ReEnrolmentArrearsFacts {
  /** The day the re-enrolment is decided. */
  decidedOn: string;
  /** The first day of the enrolment applied for. */
  enrolmentStartDate: string;
  /** Everything the student owes UM on the day of the decision. */
  debts: readonly OutstandingDebt[];
  /** A previous termination of enrolment for arrears (Art 35), if any, and the day all outstanding charges were paid (null: not yet). */
  terminationForArrears?: { effectiveDate: string; allChargesPaidOn: string | null } | null;
}

/** Whether a re-enrolment is refused because of arrears, and why. */
export interface ReEnrolmentArrearsDecision {
  refused: boolean;
  /** The tuition, examination or study fees and administration fees in arrears (Art 3.5). */
  feeArrearsCents: number;
  reasons: ProvisionReason[];
}

/** Whether re-enrolment is refused for arrears (Art 3.5) or for not paying after a termination for arrears (Art 35). */
export function isReEnrolmentRefusedForArrears(
  facts: ReEnrolmentArrearsFacts,
  provisions: Provisions,
): ReEnrolmentArrearsDecision {
  parseIsoDate(facts.decidedOn);
  parseIsoDate(facts.enrolmentStartDate);
  const reasons: ProvisionReason[] = [];
  const feeArrears = facts.debts
    .filter((d) => FEE_ARREARS_KINDS.includes(d.kind ?? 'other'))
    .reduce((sum, d) => sum + d.amountCents, 0);
  const allDebts = facts.debts.reduce((sum, d) => sum + d.amountCents, 0);
  let refused = false;

  if (feeArrears > 0) {
    refused = true;
    reasons.push({
      article: 'Art 3.5',
      text: `On ${formatLongDate(facts.decidedOn)} the student is in arrears with ${formatEuroCents(feeArrears)} in tuition, examination or study fees including administration fees, so re-enrolment is refused for as long as that remains unpaid.`,
    });
  } else {
    reasons.push({
      article: 'Art 3.5',
      text: `On ${formatLongDate(facts.decidedOn)} the student owes no tuition, examination or study fees nor administration fees, so Art 3.5 does not stand in the way of re-enrolment.`,
    });
  }

  const termination = facts.terminationForArrears ?? null;
  if (termination) {
    const monthsPerYear = calendarMonthsFromUntil(provisions.startDate, provisions.endDate);
    // The enrolment was terminated as of its effective date, so it belonged to the academic year of the day before.
    const terminatedYearStart = academicYearStartContaining(
      addDays(termination.effectiveDate, -1),
      provisions.startDate,
    );
    const followingYearStart = addMonths(terminatedYearStart, monthsPerYear);
    const requestedYearStart = academicYearStartContaining(facts.enrolmentStartDate, provisions.startDate);
    if (requestedYearStart < followingYearStart) {
      refused = true;
      reasons.push({
        article: 'Art 35',
        text: `The enrolment was terminated for arrears as of ${formatLongDate(termination.effectiveDate)}, so the student may re-enrol only as of the following academic year, starting ${formatLongDate(followingYearStart)}, not as of ${formatLongDate(facts.enrolmentStartDate)}.`,
      });
    } else {
      // Art 35 "before the start of that academic year": read as the academic year of the re-enrolment applied for.
      const paidOn = termination.allChargesPaidOn;
      const before = formatLongDate(requestedYearStart);
      let text: string;
      if (allDebts > 0) {
        text = `After the termination for arrears the student may re-enrol only if all outstanding charges owed to UM were paid before ${before}, and ${formatEuroCents(allDebts)} is still owed.`;
      } else if (paidOn === null) {
        text = `After the termination for arrears the student may re-enrol only if all outstanding charges owed to UM were paid before ${before}, and no such payment is recorded.`;
      } else if (paidOn >= requestedYearStart) {
        text = `After the termination for arrears the student may re-enrol only if all outstanding charges owed to UM were paid before ${before}, and they were paid only on ${formatLongDate(paidOn)}.`;
      } else {
        text = `After the termination for arrears the student paid all outstanding charges on ${formatLongDate(paidOn)}, before the academic year starting ${before}.`;
      }
      const paidInTime = allDebts === 0 && paidOn !== null && paidOn < requestedYearStart;
      if (!paidInTime) refused = true;
      reasons.push({ article: 'Art 35', text });
    }
  }
  return { refused, feeArrearsCents: feeArrears, reasons };
}
