import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import type { IssuedDocumentKind } from '../../../../shared/api/documents.contract';
import { desk, unwrap } from '../../api/desk-client';

/** How often a running batch is asked where it stands. */
const pollMilliseconds = 400;

/** The academic years and, per programme, how many enrolments a batch of `kind` would cover. */
export function useBatchSelection(kind: IssuedDocumentKind, academicYear: string | null) {
  return useQuery({
    queryKey: ['documents', 'batchSelection', kind, academicYear],
    queryFn: () => unwrap(desk.documents.batchSelection({ kind, ...(academicYear ? { academicYear } : {}) })),
  });
}

/** Starts a batch; the screen then polls it with `useBatchStatus`. */
export function useStartBatch() {
  return useMutation({
    mutationFn: (input: CallInput<'documents:startBatch'>) => unwrap(desk.documents.startBatch(input)),
  });
}

/** Where a batch stands, polled while it runs; the register lists refresh once it ends. */
export function useBatchStatus(batchId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['documents', 'batch', batchId],
    enabled: batchId !== null,
    queryFn: async () => {
      const job = await unwrap(desk.documents.batchStatus({ batchId: batchId ?? '' }));
      if (job.state !== 'running') void queryClient.invalidateQueries({ queryKey: ['audit'] });
      return job;
    },
    refetchInterval: (query) => (query.state.data?.state === 'running' ? pollMilliseconds : false),
  });
}

/** Asks a running batch to stop after the document in hand. */
export function useCancelBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => unwrap(desk.documents.cancelBatch({ batchId })),
    onSuccess: (job) => queryClient.setQueryData(['documents', 'batch', job.batchId], job),
  });
}

/** Fetches the ZIP of an ended batch. */
export function fetchBatchZip(batchId: string) {
  return unwrap(desk.documents.batchZip({ batchId }));
}
