import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** An enrolment's payment arrangement and the ways of paying open to it. */
export function usePaymentArrangement(enrolmentId: number) {
  return useQuery({
    // Under 'students' so that every booking on the ledger refreshes the instalment statuses.
    queryKey: ['students', 'payment-arrangement', enrolmentId],
    queryFn: () => unwrap(desk.payments.arrangement({ enrolmentId })),
  });
}

/** Record how an enrolment is paid. */
export function useArrangePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'payments:arrange'>) => unwrap(desk.payments.arrange(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
