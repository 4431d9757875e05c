import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import {
  issuedDocumentKindLabels,
  issuedDocumentKinds,
  type BatchJob,
  type BatchResult,
  type IssuedDocumentKind,
} from '../../../../shared/api/documents.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError } from '../../api/show-error';
import {
  fetchBatchZip,
  useBatchSelection,
  useBatchStatus,
  useCancelBatch,
  useStartBatch,
} from './useIssuingBatch';

const outcomeColours: Record<BatchResult['outcome'], string> = {
  issued: 'teal',
  refused: 'orange',
  failed: 'red',
};

const stateLabels: Record<BatchJob['state'], string> = {
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Stopped by an error',
};

/** Progress, counts and every student's result of a batch. */
function BatchProgress({
  job,
  onCancel,
  isCancelling,
}: {
  job: BatchJob;
  onCancel: () => void;
  isCancelling: boolean;
}) {
  const [isZipping, setIsZipping] = useState(false);
  const percent = job.total === 0 ? 100 : Math.round((job.processed / job.total) * 100);
  const downloadZip = () => {
    setIsZipping(true);
    fetchBatchZip(job.batchId)
      .then((zip) => downloadFile(zip.fileName, 'application/zip', zip.zipBase64))
      .catch((error: unknown) => showDeskError(error))
      .finally(() => setIsZipping(false));
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            {job.kindLabel}: {job.programmeName}, {job.academicYear}
          </Text>
          <Badge
            aria-label="Batch state"
            color={job.state === 'running' ? 'blue' : job.state === 'completed' ? 'teal' : 'orange'}
          >
            {stateLabels[job.state]}
          </Badge>
        </Group>
        <Progress value={percent} animated={job.state === 'running'} aria-label="Batch progress" size="lg" />
        <Text size="sm" aria-label="Batch counts">
          {job.processed} of {job.total} handled: {job.issued} issued, {job.refused} refused
          {job.failed > 0 ? `, ${job.failed} failed` : ''}
        </Text>
        {job.message && (
          <Alert color={job.state === 'failed' ? 'red' : 'orange'} role="status">
            {job.message}
          </Alert>
        )}
        <Group>
          {job.state === 'running' ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              onClick={onCancel}
              loading={isCancelling}
            >
              Cancel batch
            </Button>
          ) : (
            <Button
              leftSection={<IconDownload size={16} />}
              onClick={downloadZip}
              loading={isZipping}
              disabled={job.issued === 0 && job.results.length === 0}
            >
              Download ZIP ({job.issued} PDFs)
            </Button>
          )}
        </Group>
        <Table striped aria-label="Batch results" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Student number</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Document number or reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.results.map((r) => (
              <Table.Tr key={r.enrolmentId}>
                <Table.Td>{r.studentNumber}</Table.Td>
                <Table.Td>{r.studentName}</Table.Td>
                <Table.Td>
                  <Badge color={outcomeColours[r.outcome]} variant="light">
                    {r.outcome}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.number ?? (
                    <Stack gap={2}>
                      {r.reasons.map((reason) => (
                        <Text size="xs" key={reason.text}>
                          <b>{reason.article}</b> {reason.text}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/**
 * The Batch issue screen (issue 5 point 6): one document kind for every enrolment of a programme in a
 * year, with a preview of how many, progress while it runs, each student's result, Cancel, and the PDFs
 * as one ZIP.
 */
export function BatchIssuePage() {
  const [kind, setKind] = useState<IssuedDocumentKind>('enrolment-certificate');
  const [academicYear, setAcademicYear] = useState<string | null>(null);
  const [programmeCode, setProgrammeCode] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState('');
  const [batchId, setBatchId] = useState<string | null>(null);
  const selection = useBatchSelection(kind, academicYear);
  const start = useStartBatch();
  const cancel = useCancelBatch();
  const status = useBatchStatus(batchId);
  const job = status.data;
  const year = academicYear ?? selection.data?.academicYear ?? null;
  const programme = selection.data?.programmes.find((p) => p.code === programmeCode);
  const isRunning = job?.state === 'running';

  const startBatch = () => {
    if (!programmeCode || !year) return;
    start.mutate(
      {
        kind,
        programmeCode,
        academicYear: year,
        ...(kind === 'pre-master-certificate' && completedOn ? { completedOn } : {}),
      },
      { onSuccess: (started) => setBatchId(started.batchId), onError: (error) => showDeskError(error) },
    );
  };

  return (
    <Stack>
      <Title order={2}>Batch issue</Title>
      <Text c="dimmed" size="sm">
        Issue one kind of document for every enrolment of a programme in an academic year. Each document is
        checked against its rule (Art 5.1, 5.2, 8.3) and registered on its own, so a cancelled batch keeps the
        documents already issued.
      </Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="end" grow>
            <Select
              label="Document"
              data={issuedDocumentKinds.map((k) => ({ value: k, label: issuedDocumentKindLabels[k] }))}
              value={kind}
              allowDeselect={false}
              onChange={(value) => {
                if (value) setKind(value);
                setProgrammeCode(null);
              }}
              disabled={isRunning}
            />
            <Select
              label="Academic year"
              data={selection.data?.academicYears ?? []}
              value={year}
              allowDeselect={false}
              onChange={(value) => {
                setAcademicYear(value);
                setProgrammeCode(null);
              }}
              disabled={isRunning}
            />
          </Group>
          <Select
            label="Programme"
            placeholder="Choose a programme"
            searchable
            data={(selection.data?.programmes ?? []).map((p) => ({
              value: p.code,
              label: `${p.name} (${p.enrolments})`,
            }))}
            value={programmeCode}
            onChange={setProgrammeCode}
            nothingFoundMessage="No programme with enrolments in this year"
            disabled={isRunning}
          />
          {kind === 'pre-master-certificate' && (
            <TextInput
              label="Completed on"
              description="The day the pre-master’s was completed successfully (Art 8.3)"
              type="date"
              value={completedOn}
              onChange={(event) => setCompletedOn(event.currentTarget.value)}
              disabled={isRunning}
            />
          )}
          <Group justify="space-between">
            <Text size="sm" aria-label="Batch preview">
              {programme
                ? `${programme.enrolments} enrolment${programme.enrolments === 1 ? '' : 's'} of ${programme.name} in ${year ?? ''} will be checked and, where the rule allows, issued.`
                : 'Choose a programme to see how many enrolments the batch covers.'}
            </Text>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={startBatch}
              disabled={!programme || isRunning}
              loading={start.isPending}
            >
              Start batch
            </Button>
          </Group>
        </Stack>
      </Paper>
      {job && (
        <BatchProgress
          job={job}
          isCancelling={cancel.isPending}
          onCancel={() => cancel.mutate(job.batchId, { onError: (error) => showDeskError(error) })}
        />
      )}
    </Stack>
  );
}
