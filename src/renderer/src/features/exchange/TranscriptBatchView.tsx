import { Alert, Badge, Button, Group, Modal, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileStack, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { TranscriptBatchJob, TranscriptBatchResult } from '../../../../shared/api/exchange.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { semesterLabel } from './ExchangePage';
import { MarkTranscriptSentForm } from './MarkTranscriptSentForm';
import { TranscriptPreviewModal } from './TranscriptPreview';
import {
  fetchTranscriptBatchZip,
  useCancelTranscriptBatch,
  useExchangeSemesters,
  useLatestTranscriptBatch,
  useMarkTranscriptBatchSent,
  useStartTranscriptBatch,
} from './useTranscripts';

const outcomeColours: Record<TranscriptBatchResult['outcome'], string> = {
  produced: 'teal',
  refused: 'orange',
  failed: 'red',
};

const stateLabels: Record<TranscriptBatchJob['state'], string> = {
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Stopped by an error',
};

/** Props of EndOfSemesterTranscriptsButton. */
export interface EndOfSemesterTranscriptsButtonProps {
  /** The semester chosen on the Exchange screen, preselected; default the latest semester with stays. */
  semester: string | null;
}

/** "Transcripts" on the Exchange screen, for the IRO and an administrator: opens the end-of-semester batch. */
export function EndOfSemesterTranscriptsButton({ semester }: EndOfSemesterTranscriptsButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const { staff } = useSession();
  // The batch is the IRO's (and an administrator's) work; the contract refuses it to the other roles.
  if (staff?.role !== 'iro' && staff?.role !== 'admin') return null;
  return (
    <>
      <Button variant="light" leftSection={<IconFileStack size={16} />} onClick={() => setIsOpen(true)}>
        Transcripts
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} size={1200} title="End-of-semester transcripts">
        {isOpen && <TranscriptBatchView initialSemester={semester} />}
      </Modal>
    </>
  );
}

/**
 * The end-of-semester transcripts (Exchange guide, Grade transcripts; issue 6 point 4): for a semester, the
 * transcript of every exchange student whose exchange ends with it, produced one after the other with
 * progress and each student's result (produced, or refused with the rule), Cancel, the files as one ZIP,
 * and the day they were all sent to the home universities.
 */
export function TranscriptBatchView({ initialSemester }: { initialSemester: string | null }) {
  const semesters = useExchangeSemesters();
  const [chosen, setChosen] = useState<string | null>(initialSemester);
  const semester = chosen ?? semesters.data?.[0] ?? null;
  const latest = useLatestTranscriptBatch(semester);
  const start = useStartTranscriptBatch();
  const job = latest.data ?? null;
  const isRunning = job?.state === 'running';
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        The transcript goes to the home university at the end of the exchange (Exchange guide, Grade
        transcripts). A batch produces it — PDF, EMREX ELMO and EWP tors — for every exchange student of the
        semester whose stay ends with it, and tells you why any other is left out.
      </Text>
      <Group align="flex-end">
        <Select
          label="Semester"
          aria-label="Batch semester"
          data={(semesters.data ?? []).map((key) => ({ value: key, label: semesterLabel(key) }))}
          value={semester}
          onChange={setChosen}
          allowDeselect={false}
          disabled={isRunning}
          w={220}
        />
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          disabled={semester === null || isRunning}
          loading={start.isPending}
          onClick={() => {
            if (semester) start.mutate(semester, { onError: (error) => showDeskError(error) });
          }}
        >
          {job && !isRunning ? 'Run batch again' : 'Start batch'}
        </Button>
      </Group>
      {job ? (
        <BatchProgress job={job} />
      ) : (
        semester && (
          <Text size="sm" aria-label="Transcript batch preview">
            No batch for {semesterLabel(semester)} yet in this session.
          </Text>
        )
      )}
    </Stack>
  );
}

/** Progress, counts, Cancel, the ZIP, marking sent, and every student's result. */
function BatchProgress({ job }: { job: TranscriptBatchJob }) {
  const cancel = useCancelTranscriptBatch();
  const markSent = useMarkTranscriptBatchSent();
  const [isZipping, setIsZipping] = useState(false);
  const [previewed, setPreviewed] = useState<TranscriptBatchResult | null>(null);
  const percent = job.total === 0 ? 100 : Math.round((job.processed / job.total) * 100);
  const isRunning = job.state === 'running';
  const downloadZip = () => {
    setIsZipping(true);
    fetchTranscriptBatchZip(job.batchId)
      .then((zip) => downloadFile(zip.fileName, 'application/zip', zip.zipBase64))
      .catch((error: unknown) => showDeskError(error))
      .finally(() => setIsZipping(false));
  };
  const columns = useMemo<ColumnDef<TranscriptBatchResult, unknown>[]>(
    () => [
      { accessorKey: 'studentNumber', header: 'Student number' },
      { accessorKey: 'studentName', header: 'Name' },
      { accessorKey: 'homeUniversity', header: 'Home university' },
      {
        accessorKey: 'outcome',
        header: 'Result',
        cell: ({ row: { original } }) => (
          <Badge
            color={outcomeColours[original.outcome]}
            variant="light"
            style={{ overflow: 'visible', maxWidth: 'none' }}
            styles={{ label: { overflow: 'visible' } }}
          >
            {original.outcome}
          </Badge>
        ),
      },
      {
        id: 'detail',
        header: 'Transcript or reason',
        accessorFn: (row) => `${row.reference ?? ''} ${row.reasons.map((r) => r.text).join(' ')}`,
        enableSorting: false,
        cell: ({ row: { original } }) => (
          <Stack gap={2}>
            {original.reference && (
              <Text size="sm">
                {original.reference}
                {original.documentNumber ? ` (${original.documentNumber})` : ''} · {original.courses} course
                {original.courses === 1 ? '' : 's'}, {original.ectsObtained} ECTS obtained
              </Text>
            )}
            {original.reasons.map((reason) => (
              <Text size="xs" key={reason.text} c={original.outcome === 'produced' ? 'dimmed' : undefined}>
                <b>{reason.article}</b> {reason.text}
              </Text>
            ))}
          </Stack>
        ),
      },
      {
        id: 'sentOn',
        header: 'Sent on',
        accessorFn: (row) => row.sentOn.join(' '),
        cell: ({ row: { original } }) => original.sentOn.join(', ') || '—',
      },
    ],
    [],
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            Transcripts of {semesterLabel(job.semester)} · started by {job.startedBy} at{' '}
            {job.startedAt.slice(0, 16).replace('T', ' ')}
          </Text>
          <Badge
            aria-label="Transcript batch state"
            color={isRunning ? 'blue' : job.state === 'completed' ? 'teal' : 'orange'}
          >
            {stateLabels[job.state]}
          </Badge>
        </Group>
        <Progress value={percent} animated={isRunning} aria-label="Transcript batch progress" size="lg" />
        <Text size="sm" aria-label="Transcript batch counts">
          {job.processed} of {job.total} handled: {job.produced} produced, {job.refused} refused
          {job.failed > 0 ? `, ${job.failed} failed` : ''}
        </Text>
        {job.message && (
          <Alert color={job.state === 'failed' ? 'red' : 'orange'} role="status">
            {job.message}
          </Alert>
        )}
        <Group justify="space-between" align="flex-end">
          {isRunning ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              loading={cancel.isPending}
              onClick={() => cancel.mutate(job.batchId, { onError: (error) => showDeskError(error) })}
            >
              Cancel batch
            </Button>
          ) : (
            <Button leftSection={<IconDownload size={16} />} onClick={downloadZip} loading={isZipping}>
              Download ZIP ({job.produced} transcripts)
            </Button>
          )}
          {!isRunning && (
            <MarkTranscriptSentForm
              label="Mark all produced as sent"
              disabled={job.produced === 0}
              isPending={markSent.isPending}
              question={(day) =>
                `Record that the ${job.produced} transcripts produced for ${semesterLabel(job.semester)} were sent to the home universities on ${day}?`
              }
              onConfirm={(day) =>
                markSent.mutate(
                  { batchId: job.batchId, sentOn: day },
                  {
                    onSuccess: (value) =>
                      showDone(
                        `${value.marked} transcripts recorded as sent on ${day}${value.alreadyMarked > 0 ? `; ${value.alreadyMarked} already recorded that day` : ''}.`,
                      ),
                    onError: (error) => showDeskError(error),
                  },
                )
              }
            />
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Open a produced transcript with Enter or a double click to see it.
        </Text>
        <DataTable
          label="Transcript batch results"
          data={job.results}
          columns={columns}
          getRowId={(row) => String(row.studentId)}
          onRowOpen={(row) => {
            if (row.outcome === 'produced') setPreviewed(row);
          }}
          emptyText="No student handled yet."
        />
      </Stack>
      <TranscriptPreviewModal
        studentId={previewed?.studentId ?? null}
        title={
          previewed ? `Transcript of records of ${previewed.studentName} (${previewed.studentNumber})` : ''
        }
        onClose={() => setPreviewed(null)}
      />
    </Paper>
  );
}
