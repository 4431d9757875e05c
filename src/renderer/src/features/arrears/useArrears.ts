import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** Students in arrears with the next step of the procedure, as of today. */
export function useArrearsWorklist() {
  return useQuery({
    queryKey: ['students', 'arrears'],
    queryFn: () => unwrap(desk.ledger.arrearsWorklist({})),
  });
}

/** Record a step of a student's arrears procedure; the worklist, the student's ledger and the audit trail follow. */
export function useRecordArrearsStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'ledger:recordArrearsStep'>) =>
      unwrap(desk.ledger.recordArrearsStep(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
