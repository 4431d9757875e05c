import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The Member States of Appendix III with their terms, for picking the issuing state. */
export function useLongTermResidentStates() {
  return useQuery({
    queryKey: ['residence', 'long-term-resident-states'],
    queryFn: () => unwrap(desk.residence.longTermResidentStates({})),
    staleTime: Infinity,
  });
}

/** The App III check of the wording as it is typed: asked again a moment after typing stops. */
export function useLongTermResidentCheck(memberState: string | null, wording: string) {
  const [debounced] = useDebouncedValue(wording, 250);
  const isComplete = memberState !== null && debounced.trim() !== '';
  return useQuery({
    queryKey: ['residence', 'check', memberState, debounced],
    queryFn: () =>
      unwrap(
        desk.residence.checkLongTermResidentWording({ memberState: memberState ?? '', wording: debounced }),
      ),
    enabled: isComplete,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A student's derived App II group and recorded App III decision. */
export function useStudentResidence(studentId: number) {
  return useQuery({
    queryKey: ['students', studentId, 'residence'],
    queryFn: () => unwrap(desk.residence.wsfGroup({ studentId })),
  });
}

/** Records the App III decision on a student; the residence, the fee file and the audit trail follow. */
export function useRecordLongTermResidentDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'residence:recordLongTermResidentDecision'>) =>
      unwrap(desk.residence.recordLongTermResidentDecision(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** IND notifications that are due (Art 33.8). */
export function useIndNotificationsWorklist() {
  return useQuery({
    queryKey: ['students', 'ind-notifications'],
    queryFn: () => unwrap(desk.residence.indNotificationsWorklist({})),
  });
}

/** Records a notification to the IND; the worklist and the audit trail follow. */
export function useRecordIndNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'residence:recordIndNotification'>) =>
      unwrap(desk.residence.recordIndNotification(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
