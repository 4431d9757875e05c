import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** Open requests to the SSC by their Art 42 deadline. */
export function useRequestsWorklist() {
  return useQuery({
    queryKey: ['requests', 'worklist'],
    queryFn: () => unwrap(desk.requests.worklist({})),
  });
}

/** A student's requests to the SSC, newest first. */
export function useStudentRequests(studentId: number) {
  return useQuery({
    queryKey: ['requests', 'student', studentId],
    queryFn: () => unwrap(desk.requests.ofStudent({ studentId })),
  });
}

/** One request with its evidence, completeness and decision; idle while no request is open. */
export function useRequest(requestId: number | null) {
  return useQuery({
    queryKey: ['requests', 'one', requestId],
    queryFn: () => unwrap(desk.requests.get({ requestId: requestId ?? 0 })),
    enabled: requestId !== null,
  });
}

/** Refreshes requests, the student's fee (a grant re-assesses it) and the audit trail after a change. */
function useRequestsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
    void queryClient.invalidateQueries({ queryKey: ['students'] });
    void queryClient.invalidateQueries({ queryKey: ['enrolments'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    // A decision letter is entered in the document register (issue 5).
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
  };
}

/** Registers a request as received by the CSP. */
export function useRegisterRequest() {
  const changed = useRequestsChanged();
  return useMutation({
    mutationFn: (input: CallInput<'requests:register'>) => unwrap(desk.requests.register(input)),
    onSuccess: changed,
  });
}

/** Attaches a scan as evidence. */
export function useAttachEvidence() {
  const changed = useRequestsChanged();
  return useMutation({
    mutationFn: (input: CallInput<'requests:attachEvidence'>) => unwrap(desk.requests.attachEvidence(input)),
    onSuccess: changed,
  });
}

/** The SSC director's decision (ssc role only; the back office enforces it). */
export function useDecideRequest() {
  const changed = useRequestsChanged();
  return useMutation({
    mutationFn: (input: CallInput<'requests:decide'>) => unwrap(desk.requests.decide(input)),
    onSuccess: changed,
  });
}

/** The SSC director corrects a decision letter; the corrected letter supersedes the one before. */
export function useCorrectDecisionLetter() {
  const changed = useRequestsChanged();
  return useMutation({
    mutationFn: (input: CallInput<'requests:correctLetter'>) => unwrap(desk.requests.correctLetter(input)),
    onSuccess: changed,
  });
}

/** Fetches the decision letter as issued. */
export function fetchDecisionLetter(requestId: number) {
  return unwrap(desk.requests.letter({ requestId }));
}

/** Fetches the scan of a piece of evidence. */
export function fetchEvidenceFile(evidenceId: number) {
  return unwrap(desk.requests.evidenceFile({ evidenceId }));
}
