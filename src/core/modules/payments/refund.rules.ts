import type { Provisions } from '../../provisions/provisions.schema';
import {
  addMonths,
  calendarMonthsFromUntil,
  firstDayOfMonthsLater,
  firstDayOfNextMonth,
  firstDaysOfMonthsText,
  formatLongDate,
  laterDate,
  monthOf,
  parseIsoDate,
} from './calendar-dates';
import { setOffAgainstDebts } from './debt-set-off';
import { formatEuroCents, proRataCents } from './euro-cents';
import type { FeeKind } from './payment-plan.rules';
import type { Deduction, OutstandingDebt, ProvisionReason } from './provision-reason';
import type { RefundFacts } from '../../../shared/facts/refund-facts';

/** How the enrolment ended, as far as the refund is concerned. */
export type RefundOutcome =
  /** Cancelled before the start of the programme (Art 39). */
  | 'cancelled-before-start'
  /** Terminated during the academic year (Art 33.2, 33.5, 35, 37.2, 38.1). */
  | 'terminated'
  /** Graduated without terminating via Studielink: the enrolment continues (Art 33.3). */
  | 'continued-enrolment'
  /** A termination on the grounds of graduation that is not processed (Art 33.5). */
  | 'request-not-processed'
  /** The termination would take effect after 31 August; the enrolment ends by law first (Art 33.1). */
  | 'ends-by-law';

/** The refund after an enrolment ends, with every deduction and the reasons. */
export interface RefundDecision {
  outcome: RefundOutcome;
  feeKind: FeeKind;
  /** The date the termination takes effect; null when the enrolment is cancelled, continues or is not terminated. */
  effectiveDate: string | null;
  /** Months of the academic year from the effective date up to and including 31 August (the whole enrolment when cancelled). */
  monthsRemaining: number;
  /** What the refund is computed from. */
  refundBasis: 'remaining-months' | 'remaining-ects' | 'full-amount-paid' | 'none';
  /** The refund before deductions, rounded once to the cent. */
  refundCents: number;
  /** What is deducted before the refund is paid (Art 34.5), in order. */
  deductions: Deduction[];
  /** What is paid out. */
  netRefundCents: number;
  /** What the student still owes UM after the deductions (the fee not paid for the months enrolled, other debts). */
  stillOwedCents: number;
  /** The last day for paying the refund (Art 34.4); null when nothing is paid out. */
  refundDueBy: string | null;
  /** Where the refund is paid (Art 34.4, 38.2); null when nothing is paid out. */
  refundTo: 'account-paid-from' | 'third-party-account-on-record' | 'heirs' | null;
  reasons: ProvisionReason[];
}

/** The fee a student of this level and kind pays: examination fee (Art 27), study fee (Art 28.1) or tuition fee. */
export function feeKindOf(facts: Pick<RefundFacts, 'level' | 'studentKind'>): FeeKind {
  if (facts.studentKind === 'external-student') return 'examination-fee';
  return facts.level === 'pre-master' || facts.level === 'professional-master' ? 'study-fee' : 'tuition-fee';
}

/** ECTS credits as whole hundredths, so that a proportion of them is computed exactly. */
function ectsHundredths(credits: number): number {
  return Math.round(credits * 100);
}

const FEE_NAMES: Record<FeeKind, string> = {
  'tuition-fee': 'tuition fee',
  'study-fee': 'study fee',
  'examination-fee': 'examination fee',
};

/** When and how the enrolment ends, before any money is counted. */
interface Ending {
  outcome: RefundOutcome;
  effectiveDate: string | null;
  reasons: ProvisionReason[];
}

/** The effective date of a termination at the student's request (Art 33.2), or of an external student's (Art 37.2). */
function endingAtRequest(
  facts: RefundFacts,
  ending: Extract<RefundFacts['ending'], { reason: 'student-request' }>,
): Ending {
  if (facts.studentKind === 'external-student') {
    // Art 37.2 terminates "during the course of the academic year" on a dated and signed
    // statement and names no later date (Art 33.2 does not govern external students), so the
    // termination is taken to take effect on the date of that statement.
    return {
      outcome: 'terminated',
      effectiveDate: ending.requestDate,
      reasons: [
        {
          article: 'Art 37.2',
          text: `The external student asked on ${formatLongDate(ending.requestDate)}, by a dated and signed statement to the SSC, to end the enrolment, which is terminated during the academic year.`,
        },
      ],
    };
  }
  const effectiveDate = firstDayOfNextMonth(ending.requestDate);
  const reasons: ProvisionReason[] = [
    {
      article: 'Art 33.2',
      text: `The student requested termination on ${formatLongDate(ending.requestDate)}, so the enrolment is terminated with effect from ${formatLongDate(effectiveDate)}, the first day of the following month.`,
    },
  ];
  const wished = ending.requestedEffectiveDate ?? null;
  if (wished !== null && wished < effectiveDate) {
    reasons.push({
      article: 'Art 33.2',
      text: `The student asked for the termination to take effect on ${formatLongDate(wished)}, but an enrolment cannot be terminated at the student's request with retroactive effect.`,
    });
  } else if (wished !== null && wished > effectiveDate) {
    // Art 33.2 ties the effective date to the month of the request and offers no later date.
    reasons.push({
      article: 'Art 33.2',
      text: `The student asked for the termination to take effect on ${formatLongDate(wished)}, but the termination takes effect from the month following the month of the request; a later date needs a request in the month before it.`,
    });
  }
  return { outcome: 'terminated', effectiveDate, reasons };
}

/** The ending on the grounds of graduation (Art 33.3, 33.5). */
function endingAtGraduation(ending: Extract<RefundFacts['ending'], { reason: 'graduation' }>): Ending {
  const request = ending.terminationRequestDate;
  if (request === null) {
    return {
      outcome: 'continued-enrolment',
      effectiveDate: null,
      reasons: [
        {
          article: 'Art 33.3',
          text: `The student graduated on ${formatLongDate(ending.graduationDate)} but did not terminate the enrolment via Studielink, so it continues in the same programme and the fee is charged for as long as the student remains enrolled.`,
        },
      ],
    };
  }
  if (!ending.examinationRequirementsCompleted) {
    return {
      outcome: 'request-not-processed',
      effectiveDate: null,
      reasons: [
        {
          article: 'Art 33.5',
          text: `The request of ${formatLongDate(request)} to terminate on the grounds of graduation is not processed, because the student had not yet completed all examination requirements.`,
        },
      ],
    };
  }
  const afterGraduation = firstDayOfNextMonth(ending.graduationDate);
  const afterRequest = firstDayOfNextMonth(request);
  const effectiveDate = laterDate(afterGraduation, afterRequest);
  const reasons: ProvisionReason[] = [
    {
      article: 'Art 33.5',
      text: `The Board of Examiners set the graduation date at ${formatLongDate(ending.graduationDate)}, so the enrolment can be terminated as of ${formatLongDate(afterGraduation)}, the first day of the following month.`,
    },
  ];
  if (afterRequest > afterGraduation) {
    // Art 33.2 forbids a retroactive termination at the student's request; until the request the
    // enrolment continued after graduation (Art 33.3).
    reasons.push(
      {
        article: 'Art 33.3',
        text: `The student did not terminate the enrolment after graduating until ${formatLongDate(request)}, so it continued in the meantime and the fee is charged for that time.`,
      },
      {
        article: 'Art 33.2',
        text: `A termination at the student's request cannot be retroactive, so it takes effect from ${formatLongDate(afterRequest)}, the month after the request.`,
      },
    );
  }
  return { outcome: 'terminated', effectiveDate, reasons };
}

/** The ending in the case of death (Art 38.1). */
function endingAtDeath(ending: Extract<RefundFacts['ending'], { reason: 'death' }>): Ending {
  const effectiveDate = firstDayOfNextMonth(ending.dateOfDeath);
  return {
    outcome: 'terminated',
    effectiveDate,
    reasons: [
      {
        article: 'Art 38.1',
        text: `The student died on ${formatLongDate(ending.dateOfDeath)}, so the enrolment is terminated as of ${formatLongDate(effectiveDate)}, the first day of the following month.`,
      },
    ],
  };
}

/** The ending by UM for payment arrears (Art 35). */
function endingForArrears(
  ending: Extract<RefundFacts['ending'], { reason: 'arrears' }>,
  provisions: Provisions,
): Ending {
  const months = provisions.fees.arrearsTerminationEffectMonths;
  const earliest = firstDayOfMonthsLater(ending.warningNoticeDate, months.months);
  const decided = ending.effectiveDate ?? null;
  const effectiveDate = decided === null ? earliest : laterDate(decided, earliest);
  const reasons: ProvisionReason[] = [
    {
      article: months.article,
      text: `UM terminated the enrolment for payment arrears after the reminder of ${formatLongDate(ending.warningNoticeDate)}; it takes effect as of ${formatLongDate(effectiveDate)}${decided !== null && decided < earliest ? `, not ${formatLongDate(decided)}, because it cannot take effect before the second month after the month of that notice` : ''}.`,
    },
  ];
  return { outcome: 'terminated', effectiveDate, reasons };
}

/**
 * The months of the academic year from the effective date up to and including its last day; an
 * enrolment that ends before it has started (e.g. a February starter who dies in December) counts
 * from its start.
 */
function monthsRemainingAfter(
  effectiveDate: string,
  enrolmentStartDate: string,
  provisions: Provisions,
): number {
  return calendarMonthsFromUntil(laterDate(effectiveDate, enrolmentStartDate), provisions.endDate);
}

/** The gross refund of a termination and its reasons, before deductions. */
function refundOnTermination(
  facts: RefundFacts,
  feeKind: FeeKind,
  effectiveDate: string,
  provisions: Provisions,
): { cents: number; basis: RefundDecision['refundBasis']; reasons: ProvisionReason[] } {
  const { feeRules } = provisions;
  const reason = facts.ending.reason;
  const applicable = facts.fee.applicableCents;
  const charged = facts.fee.chargedCents ?? applicable;
  const months = monthsRemainingAfter(effectiveDate, facts.enrolmentStartDate, provisions);
  const noneMonths = feeRules.refundNoneFromMonths;
  const isNoneMonth = noneMonths.months.includes(monthOf(effectiveDate));
  const none = (article: string, text: string) => ({
    cents: 0,
    basis: 'none' as const,
    reasons: [{ article, text }],
  });

  if (feeKind === 'examination-fee') {
    return reason === 'death'
      ? none(
          'Art 38.2',
          'Art 38.2 refunds a tuition fee or a study fee to the heirs; an examination fee is neither, so it is not refunded.',
        )
      : none(
          'Art 37.3',
          `An external student who ends the enrolment during the academic year is not entitled to a full or partial refund of the examination fee of ${formatEuroCents(facts.fee.paidCents)} paid.`,
        );
  }

  if (feeKind === 'study-fee') {
    if (reason === 'arrears') {
      // Art 34.1 refunds tuition fees, Art 34.3 a study fee after termination "at the student's
      // request", Art 38.2 on death: none provides for a study fee after termination for arrears.
      return none(
        'Art 34.3',
        'A study fee is refunded after termination at the student’s request or on death; the provisions give no refund of a study fee after termination for payment arrears.',
      );
    }
    if (isNoneMonth) {
      return none(
        'Art 34.3',
        `The enrolment in the ${facts.level === 'pre-master' ? 'pre-master’s' : 'professional master’s'} programme ends as per ${formatLongDate(effectiveDate)}, and no study fee is refunded when it ends as per ${firstDaysOfMonthsText(noneMonths.months)}.`,
      );
    }
    if (!facts.refundRequested) {
      return reason === 'death'
        ? none('Art 38.2', 'The heirs did not ask for a refund, which is paid only if desired.')
        : none(
            'Art 33.4',
            'The student did not request a refund of the study fee via Studielink, so none is paid.',
          );
    }
    const ects = facts.ects;
    if (!ects) throw new RangeError('A study fee refund needs the ECTS of the programme (Art 34.3).');
    const cents = Math.min(
      charged,
      proRataCents(charged, ectsHundredths(ects.remaining), ectsHundredths(ects.programmeTotal)),
    );
    const reasons: ProvisionReason[] = [
      {
        article: feeRules.studyFeeRefundBasis.article,
        text: `${ects.remaining} of the ${ects.programmeTotal} ECTS of the programme remain after ${formatLongDate(effectiveDate)}, so ${ects.remaining}/${ects.programmeTotal} of the study fee of ${formatEuroCents(charged)} is refunded: ${formatEuroCents(cents)}.`,
      },
    ];
    if (reason === 'death') {
      reasons.unshift({
        article: 'Art 38.2',
        text: 'The student paid a study fee, so the amount repaid to the heirs is determined under Art 34.3.',
      });
    }
    return { cents, basis: 'remaining-ects', reasons };
  }

  // Tuition fee.
  if (reason === 'death') {
    // Art 38.2 is its own rule for death and has no exception for 1 July or 1 August: that
    // exception (Art 34.2) is stated "contrary to the provisions of paragraph 1" of Article 34 only.
    if (!facts.refundRequested) {
      return none('Art 38.2', 'The heirs did not ask for a refund, which is paid only if desired.');
    }
    const { numerator, denominator } = feeRules.deathRefundPerRemainingMonth.fraction;
    const cents = Math.min(charged, proRataCents(applicable, months * numerator, denominator));
    return {
      cents,
      basis: 'remaining-months',
      reasons: [
        {
          article: feeRules.deathRefundPerRemainingMonth.article,
          text: `${months} months of the academic year remain after the end date, so ${months * numerator}/${denominator} of the tuition fee of ${formatEuroCents(applicable)} is refunded to the heirs: ${formatEuroCents(cents)}.`,
        },
      ],
    };
  }
  if (isNoneMonth) {
    return none(
      noneMonths.articles[0],
      `The enrolment is terminated as per ${formatLongDate(effectiveDate)}, and no tuition fee is refunded for the remaining ${months} month${months === 1 ? '' : 's'} when it is terminated as per ${firstDaysOfMonthsText(noneMonths.months)}.`,
    );
  }
  if (!facts.refundRequested) {
    return none(
      'Art 33.4',
      'The student did not request a refund of the tuition fee via Studielink, and Art 34.1 refunds only on that request.',
    );
  }
  const { numerator, denominator } = feeRules.refundPerRemainingMonth.fraction;
  const cents = Math.min(charged, proRataCents(applicable, months * numerator, denominator));
  return {
    cents,
    basis: 'remaining-months',
    reasons: [
      {
        article: feeRules.refundPerRemainingMonth.article,
        text: `${months} months of the academic year remain after ${formatLongDate(effectiveDate)}, so ${months * numerator}/${denominator} of the tuition fee of ${formatEuroCents(applicable)} is refunded: ${formatEuroCents(cents)}.`,
      },
    ],
  };
}

/**
 * The refund after an enrolment ends (Art 33–39): when the termination takes effect, the months
 * remaining, the refund rounded once to the cent, the deductions of Art 34.5 and the net refund.
 */
export function decideRefund(facts: RefundFacts, provisions: Provisions): RefundDecision {
  if (facts.academicYear !== provisions.academicYear) {
    throw new RangeError(
      `The facts concern ${facts.academicYear}, but the provisions given are those of ${provisions.academicYear}.`,
    );
  }
  parseIsoDate(facts.enrolmentStartDate);
  const feeKind = feeKindOf(facts);
  const feeName = FEE_NAMES[feeKind];
  const charged = facts.fee.chargedCents ?? facts.fee.applicableCents;
  const paid = facts.fee.paidCents;
  const unpaidFee = Math.max(0, charged - paid);
  const debts: readonly OutstandingDebt[] = facts.outstandingDebts;
  const ending = facts.ending;
  const refundTerm = provisions.fees.refundPaymentTermMonths;

  // Art 39: a request made before the starting date of the programme cancels the enrolment.
  if (ending.reason === 'student-request' && ending.requestDate < facts.enrolmentStartDate) {
    const reasons: ProvisionReason[] = [
      {
        article: 'Art 39.1',
        text: `The ${facts.studentKind === 'external-student' ? 'external student' : 'student'} asked on ${formatLongDate(ending.requestDate)} to cancel the enrolment, before the programme starts on ${formatLongDate(facts.enrolmentStartDate)}.`,
      },
    ];
    const gross = facts.refundRequested ? paid : 0;
    reasons.push({
      article: 'Art 39.2',
      text: facts.refundRequested
        ? `At the student's request the full ${feeName} already paid, ${formatEuroCents(paid)}, is refunded and any authorisation for instalments is blocked.`
        : 'The student did not ask for a refund; any authorisation for payment in instalments is blocked.',
    });
    // Nothing is owed for an enrolment that never started, so only other debts are deducted; Art
    // 34.5 speaks of tuition and study fees, so an examination fee is refunded without deduction.
    const deducts = feeKind !== 'examination-fee';
    const setOff = deducts
      ? setOffAgainstDebts(gross, debts, 'Art 34.5')
      : {
          deductions: [],
          remainingCreditCents: gross,
          uncoveredDebtCents: debts.reduce((s, d) => s + d.amountCents, 0),
        };
    if (setOff.deductions.length > 0) {
      reasons.push({
        article: 'Art 34.5',
        text: `Before the refund is paid, ${formatEuroCents(gross - setOff.remainingCreditCents)} the student owes UM is deducted (${setOff.deductions.map((d) => d.description).join('; ')}).`,
      });
    }
    const net = setOff.remainingCreditCents;
    const refundDueBy = net > 0 ? addMonths(ending.requestDate, refundTerm.months) : null;
    if (refundDueBy !== null) {
      reasons.push({
        article: refundTerm.article,
        text: `${formatEuroCents(net)} is refunded within ${refundTerm.months} months, by ${formatLongDate(refundDueBy)}, into ${facts.paidByThirdParty ? 'the account UM has on record for the third party who paid' : 'the account from which it was paid'}.`,
      });
    }
    return {
      outcome: 'cancelled-before-start',
      feeKind,
      effectiveDate: null,
      monthsRemaining: calendarMonthsFromUntil(facts.enrolmentStartDate, provisions.endDate),
      refundBasis: gross > 0 ? 'full-amount-paid' : 'none',
      refundCents: gross,
      deductions: setOff.deductions,
      netRefundCents: net,
      stillOwedCents: setOff.uncoveredDebtCents,
      refundDueBy,
      refundTo:
        net > 0 ? (facts.paidByThirdParty ? 'third-party-account-on-record' : 'account-paid-from') : null,
      reasons,
    };
  }

  let end: Ending;
  switch (ending.reason) {
    case 'student-request':
      end = endingAtRequest(facts, ending);
      break;
    case 'graduation':
      end = endingAtGraduation(ending);
      break;
    case 'death':
      end = endingAtDeath(ending);
      break;
    case 'arrears':
      end = endingForArrears(ending, provisions);
      break;
  }
  const reasons = [...end.reasons];

  if (end.effectiveDate !== null && end.effectiveDate > provisions.endDate) {
    end = { outcome: 'ends-by-law', effectiveDate: null, reasons };
    reasons.push({
      article: provisions.enrolment.enrolmentEndsDate.article,
      text: `The enrolment ends by law on ${formatLongDate(provisions.endDate)}, before the termination could take effect, so no months remain to be refunded.`,
    });
  }

  let gross = 0;
  let basis: RefundDecision['refundBasis'] = 'none';
  let months = 0;
  if (end.outcome === 'terminated' && end.effectiveDate !== null) {
    months = monthsRemainingAfter(end.effectiveDate, facts.enrolmentStartDate, provisions);
    const refund = refundOnTermination(facts, feeKind, end.effectiveDate, provisions);
    gross = refund.cents;
    basis = refund.basis;
    reasons.push(...refund.reasons);
  }

  // Art 34.5: before any tuition or study fee is refunded, what the student owes UM is deducted —
  // first the part of this enrolment's fee not yet paid (owed for the months enrolled, Art 31.5),
  // then the other debts in the order given.
  const owed: OutstandingDebt[] = [
    ...(unpaidFee > 0
      ? [{ description: `The ${feeName} charged for this enrolment and not paid`, amountCents: unpaidFee }]
      : []),
    ...debts,
  ];
  const setOff = setOffAgainstDebts(gross, owed, 'Art 34.5');
  if (setOff.deductions.length > 0) {
    reasons.push({
      article: 'Art 34.5',
      text: `Before the refund is paid, ${formatEuroCents(gross - setOff.remainingCreditCents)} the student owes UM is deducted (${setOff.deductions.map((d) => `${d.description}: ${formatEuroCents(d.amountCents)}`).join('; ')}).`,
    });
  }
  const net = setOff.remainingCreditCents;
  const isDeath = ending.reason === 'death';
  const refundTo: RefundDecision['refundTo'] =
    net === 0
      ? null
      : isDeath
        ? 'heirs'
        : facts.paidByThirdParty
          ? 'third-party-account-on-record'
          : 'account-paid-from';
  const refundDueBy =
    net > 0 && end.effectiveDate !== null ? addMonths(end.effectiveDate, refundTerm.months) : null;
  if (refundDueBy !== null) {
    reasons.push({
      article: refundTerm.article,
      text: `${formatEuroCents(net)} is refunded within ${refundTerm.months} months after the termination, by ${formatLongDate(refundDueBy)}, into ${refundTo === 'heirs' ? 'the account of the heirs' : refundTo === 'third-party-account-on-record' ? 'the account UM has on record for the third party who paid' : 'the account from which the fee was received or debited'}.`,
    });
  }
  return {
    outcome: end.outcome,
    feeKind,
    effectiveDate: end.effectiveDate,
    monthsRemaining: months,
    refundBasis: basis,
    refundCents: gross,
    deductions: setOff.deductions,
    netRefundCents: net,
    stillOwedCents: setOff.uncoveredDebtCents,
    refundDueBy,
    refundTo,
    reasons,
  };
}

// ------------------------------------------------------------------------------------- damages

/** The facts of participation in education without a legally valid enrolment (Art 40). */
export interface DamagesFacts {
  /** What the individual took part in: a full-time (Art 40.2) or part-time (40.3) bachelor's or initial master's, or a pre-master's or professional master's (40.4). */
  participation: 'full-time' | 'part-time' | 'pre-master' | 'professional-master';
  /** Full-time and part-time: the code of the programme in Appendix I. */
  programmeCode?: string | null;
  /** Pre-master's and professional master's: the study fee set by the faculty board, in cents. */
  studyFeeCents?: number | null;
  /** The first and last day on which education or examination facilities were used unlawfully. */
  usedFrom: string;
  usedUntil: string;
  /** The day the damages were paid, if they were. */
  damagesPaidOn?: string | null;
}

/** The damages owed and their effect on the enrolment. */
export interface DamagesDecision {
  /** The calendar months in which the facilities were used. */
  months: number;
  /** The fee one twelfth of which is owed per month. */
  feeBasisCents: number;
  /** The damages, rounded once to the cent. */
  damagesCents: number;
  /** Art 40.5: when paid, the enrolment may take effect as of the first day of the following month. */
  enrolmentEffectiveFrom: string | null;
  reasons: ProvisionReason[];
}

/**
 * Damages for using education or examination facilities without a valid enrolment (Art 40): one
 * twelfth of the (partial) institutional fee or the study fee for each month of use.
 */
export function assessDamagesForUnenrolledParticipation(
  facts: DamagesFacts,
  provisions: Provisions,
): DamagesDecision {
  parseIsoDate(facts.usedFrom);
  parseIsoDate(facts.usedUntil);
  if (facts.usedUntil < facts.usedFrom) {
    throw new RangeError(`The period of use ends (${facts.usedUntil}) before it starts (${facts.usedFrom}).`);
  }
  const reasons: ProvisionReason[] = [
    {
      article: 'Art 40.1',
      text: `Education or examination facilities were used from ${formatLongDate(facts.usedFrom)} to ${formatLongDate(facts.usedUntil)} without a legally valid enrolment, so damages are owed to UM.`,
    },
  ];
  let fee: number;
  let article: string;
  let feeText: string;
  if (facts.participation === 'full-time' || facts.participation === 'part-time') {
    const programme = provisions.programmes.find((p) => p.code === facts.programmeCode);
    if (!programme) throw new RangeError(`No programme "${facts.programmeCode ?? ''}" in Appendix I.`);
    if (facts.participation === 'full-time') {
      fee = programme.institutionalFeeCents;
      article = 'Art 40.2';
      feeText = `the institutional tuition fee of ${programme.name} in Appendix I`;
    } else {
      if (programme.institutionalFeePartTimeCents === null) {
        throw new RangeError(`Appendix I sets no partial institutional fee for ${programme.name}.`);
      }
      fee = programme.institutionalFeePartTimeCents;
      article = 'Art 40.3';
      feeText = `the partial institutional tuition fee of ${programme.name} in Appendix I`;
    }
  } else {
    if (facts.studyFeeCents === null || facts.studyFeeCents === undefined) {
      throw new RangeError(
        'Damages for a pre-master’s or professional master’s need the study fee set by the faculty board.',
      );
    }
    fee = facts.studyFeeCents;
    article = 'Art 40.4';
    feeText = 'the study fee set by the faculty board';
  }
  // "For each month that the individual ... has unlawfully utilised" the facilities: every
  // calendar month in which they were used counts as a month, however few its days of use.
  const months = calendarMonthsFromUntil(facts.usedFrom, facts.usedUntil);
  const { numerator, denominator } = provisions.feeRules.damagesPerMonth.fraction;
  const damages = proRataCents(fee, months * numerator, denominator);
  reasons.push({
    article,
    text: `The facilities were used in ${months} calendar month${months === 1 ? '' : 's'}, so the damages are ${months * numerator}/${denominator} of ${feeText}, ${formatEuroCents(fee)}: ${formatEuroCents(damages)}.`,
  });
  const paidOn = facts.damagesPaidOn ?? null;
  const enrolmentEffectiveFrom = paidOn === null ? null : firstDayOfNextMonth(paidOn);
  if (paidOn !== null && enrolmentEffectiveFrom !== null) {
    reasons.push({
      article: 'Art 40.5',
      text: `The damages were paid on ${formatLongDate(paidOn)}, so at the student's request the enrolment comes into effect as of ${formatLongDate(enrolmentEffectiveFrom)}${facts.participation === 'pre-master' ? ', subject to the commencement dates of the pre-master’s programme (Art 4.6)' : ''}.`,
    });
  }
  return { months, feeBasisCents: fee, damagesCents: damages, enrolmentEffectiveFrom, reasons };
}
