import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** A student's enrolments at the desk: status history, blocking reasons and the Art 13 checklist. */
export function useStudentEnrolments(studentId: number) {
  return useQuery({
    queryKey: ['students', 'enrolments', studentId],
    queryFn: () => unwrap(desk.enrolments.ofStudent({ studentId })),
  });
}

/** Enrolments with missing or rejected documents, by deadline. */
export function useDocumentsWorklist() {
  return useQuery({
    queryKey: ['students', 'documents-worklist'],
    queryFn: () => unwrap(desk.enrolments.documentsWorklist({})),
  });
}

/** A mutation after which the student's file, the worklist, the ledger and the audit trail reload. */
function useDeskMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Change an enrolment's status with the reason. */
export function useTransitionEnrolment() {
  return useDeskMutation((input: CallInput<'enrolments:transition'>) =>
    unwrap(desk.enrolments.transition(input)),
  );
}

/** Receive a document with its scan. */
export function useReceiveDocument() {
  return useDeskMutation((input: CallInput<'enrolments:receiveDocument'>) =>
    unwrap(desk.enrolments.receiveDocument(input)),
  );
}

/** Verify a received document. */
export function useVerifyDocument() {
  return useDeskMutation((input: CallInput<'enrolments:verifyDocument'>) =>
    unwrap(desk.enrolments.verifyDocument(input)),
  );
}

/** Reject a received document with the reason. */
export function useRejectDocument() {
  return useDeskMutation((input: CallInput<'enrolments:rejectDocument'>) =>
    unwrap(desk.enrolments.rejectDocument(input)),
  );
}

/** Request a document (again). */
export function useRequestDocument() {
  return useDeskMutation((input: CallInput<'enrolments:requestDocument'>) =>
    unwrap(desk.enrolments.requestDocument(input)),
  );
}

/** Reads a file the clerk picked as base64, for the scan of a document. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** Record an application: the enrolment, its fee on the ledger and the documents requested. */
export function useApplyForEnrolment() {
  return useDeskMutation((input: CallInput<'enrolments:apply'>) => unwrap(desk.enrolments.apply(input)));
}

/** Run the Art 13.3 start-date check, as a dry run or for real. */
export function useStartDateRun() {
  return useDeskMutation((input: CallInput<'enrolments:startDateRun'>) =>
    unwrap(desk.enrolments.startDateRun(input)),
  );
}
