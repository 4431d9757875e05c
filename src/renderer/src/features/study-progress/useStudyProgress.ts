import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The study progress list of an academic year (study-permit students, credits against the norm). */
export function useStudyProgressList(academicYear: string) {
  return useQuery({
    queryKey: ['study-progress', academicYear],
    queryFn: () => unwrap(desk.studyProgress.list({ academicYear })),
  });
}

/** After a change: the list, and the audit trail that recorded it. */
function useInvalidateStudyProgress() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['study-progress'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Records the excusable reason a study adviser found. */
export function useRecordExcusableReason() {
  const invalidate = useInvalidateStudyProgress();
  return useMutation({
    mutationFn: (input: CallInput<'studyProgress:recordExcusableReason'>) =>
      unwrap(desk.studyProgress.recordExcusableReason(input)),
    onSuccess: invalidate,
  });
}

/** Withdraws an excusable reason recorded by mistake. */
export function useWithdrawExcusableReason() {
  const invalidate = useInvalidateStudyProgress();
  return useMutation({
    mutationFn: (input: CallInput<'studyProgress:withdrawExcusableReason'>) =>
      unwrap(desk.studyProgress.withdrawExcusableReason(input)),
    onSuccess: invalidate,
  });
}

/** Records that the list was sent to the IND. */
export function useRecordIndListSent() {
  const invalidate = useInvalidateStudyProgress();
  return useMutation({
    mutationFn: (input: CallInput<'studyProgress:recordIndListSent'>) =>
      unwrap(desk.studyProgress.recordIndListSent(input)),
    onSuccess: invalidate,
  });
}

/** The list for the IND as a file (PDF or CSV). */
export function useExportIndList() {
  return useMutation({
    mutationFn: (input: CallInput<'studyProgress:exportIndList'>) =>
      unwrap(desk.studyProgress.exportIndList(input)),
  });
}
