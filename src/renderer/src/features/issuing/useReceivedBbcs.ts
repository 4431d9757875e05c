import { notifications } from '@mantine/notifications';
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

/** Withdraws a received BBC recorded by mistake; the fee is assessed again, so fees, ledger and audit refresh too. */
export function useWithdrawReceivedBbc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'documents:withdrawReceivedBbc'>) =>
      unwrap(desk.documents.withdrawReceivedBbc(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Records that an institution was informed that the UM enrolment ended (Art 33.7). */
export function useRecordInstitutionInformed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'documents:recordInstitutionInformed'>) =>
      unwrap(desk.documents.recordInstitutionInformed(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/**
 * After an enrolment ended (terminated, cancelled, denied): refreshes the Art 33.7 list and, when UM issued
 * BBCs for that enrolment, says which institutions are to be informed, so staff see it where they ended it.
 */
export function useAnnounceInstitutionsToInform() {
  const queryClient = useQueryClient();
  return (studentId: number, enrolmentId: number) => {
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
    desk.documents.institutionsToInform({ studentId }).then(
      (envelope) => {
        const entry = envelope.ok ? envelope.value.find((e) => e.enrolmentId === enrolmentId) : undefined;
        if (!entry) return;
        const names = entry.institutions.filter((i) => i.informed === null).map((i) => i.institution);
        const unnamed = entry.bbcsWithoutInstitution.length;
        notifications.show({
          color: 'orange',
          autoClose: false,
          title: 'Inform the institutions that received a UM BBC (Art 33.7)',
          message: `${[...names, ...(unnamed > 0 ? [`the institution of ${entry.bbcsWithoutInstitution.join(', ')} (not recorded)`] : [])].join('; ')}. Record each under "Documents issued" once informed.`,
        });
      },
      () => undefined,
    );
  };
}
