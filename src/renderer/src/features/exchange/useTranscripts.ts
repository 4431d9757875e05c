import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import type { TranscriptBatchJob } from '../../../../shared/api/exchange.contract';
import { desk, unwrap } from '../../api/desk-client';

/** How often a running transcript batch is asked where it stands. */
const pollMilliseconds = 400;

/**
 * A student's transcript (PDF, ELMO, tors and a summary), rendered once per opening of the preview: it is
 * not fetched again in the background, since each fetch renders the documents anew.
 */
export function useTranscript(studentId: number, isOpen: boolean) {
  return useQuery({
    queryKey: ['exchange', 'transcript', studentId],
    queryFn: () => unwrap(desk.exchange.transcript({ studentId })),
    enabled: isOpen,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Issues a student's transcript: registered with number and verification code (iro, admin). */
export function useIssueTranscript() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:issueTranscript'>) =>
      unwrap(desk.exchange.issueTranscript(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Records the day a student's transcript was sent home; returns every dispatch so far. */
export function useMarkTranscriptSent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:markTranscriptSent'>) =>
      unwrap(desk.exchange.markTranscriptSent(input)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/** The semesters of every exchange stay, latest first, for the batch's semester choice. */
export function useExchangeSemesters() {
  return useQuery({
    queryKey: ['exchange', 'overview', 'all'],
    queryFn: () => unwrap(desk.exchange.overview({})),
    select: (data) => [...new Set(data.items.flatMap((i) => i.semesters))].sort(bySemester).reverse(),
  });
}

/** Orders semester keys in time: '2022-fall' < '2023-spring'. */
function bySemester(a: string, b: string): number {
  const order = (key: string) => Number(key.slice(0, 4)) * 2 + (key.endsWith('-fall') ? 1 : 0);
  return order(a) - order(b);
}

/** The latest batch of a semester since the app started (null if none); polled while it runs. */
export function useLatestTranscriptBatch(semester: string | null) {
  return useQuery({
    queryKey: ['exchange', 'transcriptBatch', 'latest', semester],
    enabled: semester !== null,
    queryFn: async () =>
      (await unwrap(desk.exchange.latestTranscriptBatch({ semester: semester ?? '' }))).job,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? pollMilliseconds : false),
  });
}

/** Puts a job where the screen reads it, so that it shows at once without waiting for the next poll. */
function useShowJob() {
  const queryClient = useQueryClient();
  return (job: TranscriptBatchJob) => {
    queryClient.setQueryData(['exchange', 'transcriptBatch', 'latest', job.semester], job);
    if (job.state !== 'running') void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Starts the batch of a semester; the screen then polls it. */
export function useStartTranscriptBatch() {
  const showJob = useShowJob();
  return useMutation({
    mutationFn: (semester: string) => unwrap(desk.exchange.startTranscriptBatch({ semester })),
    onSuccess: showJob,
  });
}

/** Asks a running batch to stop after the student in hand. */
export function useCancelTranscriptBatch() {
  const showJob = useShowJob();
  return useMutation({
    mutationFn: (batchId: string) => unwrap(desk.exchange.cancelTranscriptBatch({ batchId })),
    onSuccess: showJob,
  });
}

/** Records the day every transcript of a batch was sent home. */
export function useMarkTranscriptBatchSent() {
  const showJob = useShowJob();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:markTranscriptBatchSent'>) =>
      unwrap(desk.exchange.markTranscriptBatchSent(input)),
    onSuccess: (value) => showJob(value.job),
  });
}

/** Fetches the ZIP of an ended batch. */
export function fetchTranscriptBatchZip(batchId: string) {
  return unwrap(desk.exchange.transcriptBatchZip({ batchId }));
}
