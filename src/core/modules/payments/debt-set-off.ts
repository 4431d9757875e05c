import type { Deduction, OutstandingDebt } from './provision-reason';

/** What is left after a credit has been set against debts. */
export interface SetOffResult {
  /** The amounts taken from the credit, one per debt it reached, in the order the debts were given. */
  deductions: Deduction[];
  /** The credit left after the debts were covered. */
  remainingCreditCents: number;
  /** The part of the debts the credit did not cover; still owed. */
  uncoveredDebtCents: number;
}

/**
 * Sets a credit (a refund, an overcharge) against debts in the order given, each as far as the
 * credit reaches; deductions of nothing are left out.
 */
export function setOffAgainstDebts(
  creditCents: number,
  debts: readonly OutstandingDebt[],
  article: string,
): SetOffResult {
  let credit = creditCents;
  let uncovered = 0;
  const deductions: Deduction[] = [];
  for (const debt of debts) {
    if (!Number.isSafeInteger(debt.amountCents) || debt.amountCents < 0) {
      throw new RangeError(
        `The debt "${debt.description}" must be a whole, non-negative number of cents; got ${debt.amountCents}.`,
      );
    }
    const taken = Math.min(credit, debt.amountCents);
    if (taken > 0) deductions.push({ description: debt.description, amountCents: taken, article });
    credit -= taken;
    uncovered += debt.amountCents - taken;
  }
  return { deductions, remainingCreditCents: credit, uncoveredDebtCents: uncovered };
}
