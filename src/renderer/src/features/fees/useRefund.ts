import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallInput, CallOutput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The facts of a refund as the form edits them (defaults may be left out). */
export type RefundFactsInput = CallInput<'fees:refund'>['facts'];

/** The refund decision with its deductions and reasons. */
export type RefundDecision = CallOutput<'fees:refund'>;

/** The refund for a set of facts (Art 33–39); null facts ask nothing. */
export function useRefund(facts: RefundFactsInput | null) {
  return useQuery({
    queryKey: ['fees', 'refund', facts],
    queryFn: () => unwrap(desk.fees.refund({ facts: facts as RefundFactsInput })),
    enabled: facts !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
