import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** A student's enrolments, fees and ledger. */
export function useStudentFeeFile(studentId: number | null) {
  return useQuery({
    queryKey: ['students', 'file', studentId],
    queryFn: () => unwrap(desk.ledger.studentFile({ studentId: studentId ?? 0 })),
    enabled: studentId !== null,
  });
}

function useLedgerMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Enrol with a fee. */
export function useEnrol() {
  return useLedgerMutation((input: CallInput<'ledger:enrol'>) => unwrap(desk.ledger.enrol(input)));
}

/** Assess an enrolment again. */
export function useReassess() {
  return useLedgerMutation((input: CallInput<'ledger:reassess'>) => unwrap(desk.ledger.reassess(input)));
}

/** Book a payment. */
export function useRecordPayment() {
  return useLedgerMutation((input: CallInput<'ledger:recordPayment'>) =>
    unwrap(desk.ledger.recordPayment(input)),
  );
}

/** Book a reversed direct debit. */
export function useRecordReversal() {
  return useLedgerMutation((input: CallInput<'ledger:recordReversal'>) =>
    unwrap(desk.ledger.recordReversal(input)),
  );
}
