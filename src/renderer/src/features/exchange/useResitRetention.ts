import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** A student's standing for re-sits: request to stay, retention outcome, plagiarism findings. */
export function useResitStanding(studentId: number) {
  return useQuery({
    queryKey: ['exchange', 'resit-standing', studentId],
    queryFn: () => unwrap(desk.exchange.resitStanding({ studentId })),
  });
}

/** The retention worklist of a fall semester; idle until one is chosen. */
export function useRetentionWorklist(semester: string | null) {
  return useQuery({
    queryKey: ['exchange', 'retention-worklist', semester],
    queryFn: () => unwrap(desk.exchange.retentionWorklist({ semester: semester ?? '' })),
    enabled: semester !== null,
  });
}

/** Refreshes everything exchange (overview, files, standings, worklist) and the audit trail after a change. */
function useResitChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['exchange'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Records a request to stay for the period-2 re-sits (refused with the rule). */
export function useRecordResitStay() {
  const changed = useResitChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:recordResitStay'>) =>
      unwrap(desk.exchange.recordResitStay(input)),
    onSuccess: changed,
  });
}

/** Withdraws a request to stay. */
export function useWithdrawResitStay() {
  const changed = useResitChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:withdrawResitStay'>) =>
      unwrap(desk.exchange.withdrawResitStay(input)),
    onSuccess: changed,
  });
}

/** Previews (dry run) or makes the retention run of a fall semester. */
export function useRunRetention() {
  const changed = useResitChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:runRetention'>) => unwrap(desk.exchange.runRetention(input)),
    onSuccess: (_data, input) => {
      if (!input.dryRun) changed();
    },
  });
}

/** Records a plagiarism finding for a period. */
export function useRecordPlagiarism() {
  const changed = useResitChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:recordPlagiarism'>) =>
      unwrap(desk.exchange.recordPlagiarism(input)),
    onSuccess: changed,
  });
}
