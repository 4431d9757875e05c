import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The BBCs of other institutions recorded for a student, newest first. */
export function useReceivedBbcs(studentId: number) {
  return useQuery({
    queryKey: ['documents', 'received-bbcs', studentId],
    queryFn: () => unwrap(desk.documents.receivedBbcs({ studentId })),
  });
}

/** The student's ended enrolments with the institutions that received a UM BBC for them (Art 33.7). */
export function useInstitutionsToInform(studentId: number) {
  return useQuery({
    queryKey: ['documents', 'institutions-to-inform', studentId],
    queryFn: () => unwrap(desk.documents.institutionsToInform({ studentId })),
  });
}

/** Records a received BBC; the fee is assessed again, so fees, ledger and audit are refreshed too. */
export function useRecordReceivedBbc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'documents:recordReceivedBbc'>) =>
      unwrap(desk.documents.recordReceivedBbc(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
