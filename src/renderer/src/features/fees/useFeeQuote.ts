import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The facts a quote is asked for. */
export type FeeFactsInput = CallInput<'fees:quote'>['facts'];

/** The fee assessment (tuition and handling fee) for a set of facts; null facts ask nothing. */
export function useFeeQuote(facts: FeeFactsInput | null) {
  return useQuery({
    queryKey: ['fees', 'quote', facts],
    queryFn: () => unwrap(desk.fees.quote({ facts: facts as FeeFactsInput })),
    enabled: facts !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The programmes a facts object can name, from the provisions. */
export function useFeeProgrammes() {
  return useQuery({
    queryKey: ['fees', 'programmes'],
    queryFn: () => unwrap(desk.fees.programmes({})),
    staleTime: Infinity,
  });
}
