import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallInput, CallOutput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The facts of a payment plan as the form edits them. */
export type PaymentPlanInput = CallInput<'fees:paymentPlan'>;

/** The deadline, the ways of paying, the IBAN check and the instalment schedule. */
export type PaymentPlan = CallOutput<'fees:paymentPlan'>;

/** The payment plan for a set of facts (Art 14, 31); null asks nothing. */
export function usePaymentPlan(input: PaymentPlanInput | null) {
  return useQuery({
    queryKey: ['fees', 'paymentPlan', input],
    queryFn: () => unwrap(desk.fees.paymentPlan(input as PaymentPlanInput)),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
