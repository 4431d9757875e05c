import { setOffAgainstDebts } from './debt-set-off';
import { formatEuroCents } from './euro-cents';
import type { Deduction, OutstandingDebt, ProvisionReason } from './provision-reason';

/** The facts of a fee found during the academic year to have been determined incorrectly (Art 31.2–31.3). */
export interface ReassessmentFacts {
  /** The fee as first assessed, in cents. */
  previousAssessedCents: number;
  /** The fee as correctly assessed, in cents. */
  newAssessedCents: number;
  /** What the student has paid towards this fee so far, in cents. */
  paidCents: number;
  /** Other charges the student owes UM, in the order they are to be covered (Art 31.3). */
  otherOpenDebts: readonly OutstandingDebt[];
}

/** How a corrected fee is settled. */
export interface ReassessmentSettlement {
  outcome: 'undercharged' | 'overcharged' | 'unchanged';
  /** The difference between the two assessments, in cents (always positive or zero). */
  differenceCents: number;
  /** Art 31.2: what the student must pay at once. */
  dueImmediatelyCents: number;
  /** What remains to be paid of the corrected fee apart from the amount due at once (e.g. later instalments). */
  remainingToPayCents: number;
  /** Art 31.3: the part of an overcharge that was not yet paid and is simply no longer owed. */
  noLongerOwedCents: number;
  /** Art 31.3: what the student has paid beyond the corrected fee. */
  overpaidCents: number;
  /** Art 31.3: the overpayment used to cover other outstanding charges. */
  setOff: Deduction[];
  /** Art 31.3: what UM reimburses as soon as possible. */
  refundCents: number;
  /** Other charges that the overpayment did not cover. */
  otherDebtsStillOpenCents: number;
  reasons: ProvisionReason[];
}

function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole, non-negative number of cents; got ${value}.`);
  }
}

/**
 * Settles a fee corrected during the academic year: an undercharge is due at once (Art 31.2); an
 * overcharge first covers other outstanding charges and the rest is reimbursed (Art 31.3).
 */
export function settleFeeReassessment(facts: ReassessmentFacts): ReassessmentSettlement {
  const { previousAssessedCents: before, newAssessedCents: after, paidCents: paid } = facts;
  assertCents(before, 'The previous assessment');
  assertCents(after, 'The new assessment');
  assertCents(paid, 'The amount paid');
  const otherDebtCents = facts.otherOpenDebts.reduce((sum, d) => sum + d.amountCents, 0);
  const difference = Math.abs(after - before);

  if (after > before) {
    // Art 31.2: "must immediately pay the difference"; a payment already above the old
    // assessment counts towards it, so never more than the corrected fee minus what was paid.
    const dueImmediately = Math.max(0, Math.min(difference, after - paid));
    return {
      outcome: 'undercharged',
      differenceCents: difference,
      dueImmediatelyCents: dueImmediately,
      remainingToPayCents: Math.max(0, after - paid - dueImmediately),
      noLongerOwedCents: 0,
      overpaidCents: 0,
      setOff: [],
      refundCents: 0,
      otherDebtsStillOpenCents: otherDebtCents,
      reasons: [
        {
          article: 'Art 31.2',
          text: `The fee was set at ${formatEuroCents(before)} but should be ${formatEuroCents(after)}; the student was undercharged by ${formatEuroCents(difference)} and must pay ${formatEuroCents(dueImmediately)} immediately.`,
        },
      ],
    };
  }

  if (after === before) {
    return {
      outcome: 'unchanged',
      differenceCents: 0,
      dueImmediatelyCents: 0,
      remainingToPayCents: Math.max(0, after - paid),
      noLongerOwedCents: 0,
      overpaidCents: Math.max(0, paid - after),
      setOff: [],
      refundCents: 0,
      otherDebtsStillOpenCents: otherDebtCents,
      reasons: [
        {
          article: 'Art 31.1',
          text: `The corrected assessment of ${formatEuroCents(after)} equals the previous one, so nothing is due or refunded.`,
        },
      ],
    };
  }

  // Art 31.3 speaks of "the difference" being used for other charges or reimbursed. Only money
  // actually received can be used or reimbursed: the part of the difference the student has not
  // yet paid is simply no longer owed, and the part paid beyond the corrected fee is the credit.
  const overpaid = Math.max(0, paid - after);
  const noLongerOwed = Math.max(0, difference - overpaid);
  const setOff = setOffAgainstDebts(overpaid, facts.otherOpenDebts, 'Art 31.3');
  const reasons: ProvisionReason[] = [
    {
      article: 'Art 31.3',
      text: `The fee was set at ${formatEuroCents(before)} but should be ${formatEuroCents(after)}; the student was overcharged by ${formatEuroCents(difference)}, of which ${formatEuroCents(overpaid)} has been paid beyond the corrected fee.`,
    },
  ];
  if (noLongerOwed > 0) {
    reasons.push({
      article: 'Art 31.3',
      text: `${formatEuroCents(noLongerOwed)} of the overcharge had not yet been paid and is no longer owed.`,
    });
  }
  if (setOff.deductions.length > 0) {
    const used = overpaid - setOff.remainingCreditCents;
    reasons.push({
      article: 'Art 31.3',
      text: `${formatEuroCents(used)} of the overpayment covers other outstanding charges the student owes UM (${setOff.deductions.map((d) => d.description).join('; ')}).`,
    });
  }
  if (setOff.remainingCreditCents > 0) {
    reasons.push({
      article: 'Art 31.3',
      text: `The remaining ${formatEuroCents(setOff.remainingCreditCents)} is reimbursed to the student as soon as possible.`,
    });
  }
  return {
    outcome: 'overcharged',
    differenceCents: difference,
    dueImmediatelyCents: 0,
    remainingToPayCents: Math.max(0, after - paid),
    noLongerOwedCents: noLongerOwed,
    overpaidCents: overpaid,
    setOff: setOff.deductions,
    refundCents: setOff.remainingCreditCents,
    otherDebtsStillOpenCents: setOff.uncoveredDebtCents,
    reasons,
  };
}
