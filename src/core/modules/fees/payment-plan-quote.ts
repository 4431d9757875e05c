import { DeskError } from '../../../shared/errors';
import type { ParsedInput, CallOutput } from '../../../shared/api';
import type { Provisions } from '../../provisions/provisions.schema';
import {
  assessPaymentMethods,
  paymentDeadline,
  planInstalments,
  validateIban,
  type PaymentMethodFacts,
} from '../payments/payment-plan.rules';

/** The facts a payment plan is quoted for, as the call `fees:paymentPlan` parses them. */
export type PaymentPlanQuoteInput = ParsedInput<'fees:paymentPlan'>;

/** The payment plan as the call `fees:paymentPlan` returns it. */
export type PaymentPlanQuote = CallOutput<'fees:paymentPlan'>;

/** The IBAN check of Art 31.4 in the shape of the call: valid or not, the IBAN and one message. */
function checkIban(iban: string): NonNullable<PaymentPlanQuote['ibanCheck']> {
  const check = validateIban(iban);
  return check.valid
    ? { isValid: true, iban: check.iban, message: check.reasons[0]?.text ?? '', reasons: check.reasons }
    : { isValid: false, iban, message: check.message, reasons: check.reasons };
}

/**
 * The payment deadline (Art 14), the ways of paying open or refused (Art 28.4, 31.4–31.8), the IBAN
 * check (Art 31.4) and the instalment schedule (Art 31.4c, 31.10) for one set of facts, from the
 * pure payment rules; debit dates that do not fit the schedule are a field error.
 */
export function quotePaymentPlan(input: PaymentPlanQuoteInput, provisions: Provisions): PaymentPlanQuote {
  const iban = input.iban?.trim() ? input.iban.trim() : null;
  const methodFacts: PaymentMethodFacts = {
    feeKind: input.feeKind,
    intake: input.intake,
    universityAppliesForStudyResidencePermit: input.universityAppliesForStudyResidencePermit,
    facultyOffersInstalments: input.facultyOffersInstalments,
    iban,
  };
  const deadline = paymentDeadline(
    {
      round: input.round,
      intake: input.intake,
      nationalityCountryCode: input.nationalityCountryCode,
      latestEnrolmentDeadline: input.latestEnrolmentDeadline,
    },
    provisions,
  );
  const methods = assessPaymentMethods(methodFacts, provisions);
  let instalmentPlan: PaymentPlanQuote['instalmentPlan'];
  try {
    instalmentPlan = planInstalments(
      { ...methodFacts, feeCents: input.feeCents, debitDates: input.debitDates },
      provisions,
    );
  } catch (error) {
    // planInstalments refuses debit dates of the wrong number or out of order (Art 31.4c).
    if (error instanceof RangeError)
      throw new DeskError('validation', error.message, { field: 'debitDates' });
    throw error;
  }
  return {
    deadline,
    methods: methods.options,
    isChosenMethodAllowed: methods.allowedMethods.includes(input.method),
    ibanCheck: iban === null ? null : checkIban(iban),
    instalmentPlan,
  };
}
