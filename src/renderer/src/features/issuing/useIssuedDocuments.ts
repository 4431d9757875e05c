import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The documents issued to a student, newest first. */
export function useIssuedDocuments(studentId: number) {
  return useQuery({
    queryKey: ['documents', 'student', studentId],
    queryFn: () => unwrap(desk.documents.ofStudent({ studentId })),
  });
}

/** Refreshes the register lists and the audit trail after a change. */
function useRegisterChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Issues a document for an enrolment; the outcome is 'issued' with the PDF, or 'refused' with the reasons. */
export function useIssueDocument() {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: CallInput<'documents:issue'>) => unwrap(desk.documents.issue(input)),
    onSuccess: changed,
  });
}

/** Issues a document again; the old one becomes superseded. */
export function useReissueDocument() {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: CallInput<'documents:reissue'>) => unwrap(desk.documents.reissue(input)),
    onSuccess: changed,
  });
}

/** Revokes a document with a reason. */
export function useRevokeDocument() {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: CallInput<'documents:revoke'>) => unwrap(desk.documents.revoke(input)),
    onSuccess: changed,
  });
}

/** Fetches the PDF of an issued document exactly as issued. */
export function fetchIssuedDocumentPdf(documentId: number) {
  return unwrap(desk.documents.pdf({ documentId }));
}

/** Verifies a code or a presented PDF against the register. */
export function useVerifyDocument() {
  return useMutation({
    mutationFn: (input: CallInput<'documents:verify'>) => unwrap(desk.documents.verify(input)),
  });
}
