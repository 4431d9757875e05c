import {
  Alert,
  Badge,
  Button,
  Divider,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconDownload, IconGavel, IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { SscRequestView } from '../../../../shared/api/requests.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession, useToday } from '../../api/useSession';
import { ReasonList } from '../../components/ReasonList';
import { DecisionLetterRegistration } from './DecisionLetterRegistration';
import { RequestDeadlineBadge, RequestStatusBadge } from './RequestBadges';
import {
  fetchDecisionLetter,
  fetchEvidenceFile,
  useAttachEvidence,
  useDecideRequest,
  useRequest,
} from './useRequests';

/** Props of RequestDetail. */
export interface RequestDetailProps {
  /** The request shown. */
  requestId: number;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Downloads the decision letter as issued. */
export function openDecisionLetter(requestId: number): void {
  fetchDecisionLetter(requestId).then(
    (file) => downloadFile(file.fileName, 'application/pdf', file.pdfBase64),
    (error: unknown) => showDeskError(error),
  );
}

function openEvidence(evidenceId: number): void {
  fetchEvidenceFile(evidenceId).then(
    (file) => downloadFile(file.fileName, file.contentType, file.contentBase64),
    (error: unknown) => showDeskError(error),
  );
}

/** Attaching one scan: what it shows, the day it arrived and the file. */
function AttachEvidenceForm({ request }: { request: SscRequestView }) {
  const attach = useAttachEvidence();
  const scans = request.completeness.items.filter((item) => item.source === 'scan');
  const firstMissing = scans.find((item) => !item.isPresent)?.key ?? scans[0]?.key ?? null;
  const [evidence, setEvidence] = useState<string | null>(firstMissing);
  const today = useToday();
  const [receivedOn, setReceivedOn] = useState(today);
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    if (!evidence || !file) return;
    attach.mutate(
      {
        requestId: request.id,
        expectedVersion: request.version,
        evidence,
        receivedOn,
        fileName: file.name,
        contentBase64: await toBase64(file),
      },
      {
        onSuccess: () => {
          showDone(`${file.name} attached to ${request.reference}.`);
          setFile(null);
        },
        onError: (e) => showDeskError(e),
      },
    );
  };
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Attach a scan
        </Text>
        <Select
          label="The scan shows"
          data={scans.map((item) => ({ value: item.key, label: `${item.label} (${item.article})` }))}
          value={evidence}
          onChange={setEvidence}
          allowDeselect={false}
        />
        <Group align="end" grow>
          <TextInput
            label="Received on"
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
          />
          <FileInput
            label="Scan (PDF, JPG or PNG)"
            placeholder="Choose a file"
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            clearable
          />
        </Group>
        <Group justify="flex-end">
          <Button
            leftSection={<IconPaperclip size={16} />}
            disabled={!evidence || !file}
            loading={attach.isPending}
            onClick={() => void submit()}
          >
            Attach scan
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The SSC director's decision form: granted or refused, with reasoning. */
function DecideForm({ request }: { request: SscRequestView }) {
  const decide = useDecideRequest();
  const [outcome, setOutcome] = useState<'granted' | 'refused'>(
    request.completeness.isComplete ? 'granted' : 'refused',
  );
  const [reasoning, setReasoning] = useState('');
  return (
    <Paper withBorder p="sm" aria-label="Decision of the SSC director" component="section">
      <Stack gap="xs">
        <Group gap="xs">
          <IconGavel size={18} />
          <Text fw={600}>Decide (SSC director, Art 42 and 44)</Text>
        </Group>
        <SegmentedControl
          aria-label="Outcome"
          value={outcome}
          onChange={(value) => setOutcome(value)}
          data={[
            { value: 'granted', label: 'Grant', disabled: !request.completeness.isComplete },
            { value: 'refused', label: 'Refuse' },
          ]}
        />
        {!request.completeness.isComplete && (
          <Text size="xs" c="dimmed">
            An incomplete request can only be refused (Art 42).
          </Text>
        )}
        <Textarea
          label="Reasoning"
          description="Printed on the decision letter."
          autosize
          minRows={3}
          value={reasoning}
          onChange={(e) => setReasoning(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            color={outcome === 'granted' ? 'teal' : 'red'}
            loading={decide.isPending}
            disabled={reasoning.trim().length < 10}
            onClick={() =>
              decide.mutate(
                { requestId: request.id, expectedVersion: request.version, outcome, reasoning },
                {
                  onSuccess: (decided) => {
                    showDone(`${decided.reference} ${decided.status}; the decision letter is ready.`);
                    openDecisionLetter(decided.id);
                  },
                  onError: (e) => showDeskError(e),
                },
              )
            }
          >
            {outcome === 'granted' ? 'Grant the request' : 'Refuse the request'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A request to the SSC: what is asked, the completeness check, the evidence, the Art 42 term and the decision. */
export function RequestDetail({ requestId }: RequestDetailProps) {
  const { staff } = useSession();
  const query = useRequest(requestId);
  if (query.isPending) return <Loader />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  const request = query.data;
  const canAttach =
    request.status === 'open' && (staff?.role === 'desk' || staff?.role === 'ssc' || staff?.role === 'admin');
  const canDecide = request.status === 'open' && staff?.role === 'ssc';
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Title order={4}>{request.kindLabel}</Title>
          <Text size="sm" c="dimmed">
            {request.reference} · {request.studentName} ({request.studentNumber})
            {request.enrolmentLabel ? ` · ${request.enrolmentLabel}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <RequestStatusBadge request={request} />
          <RequestDeadlineBadge request={request} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Received by the CSP
          </Text>
          <Text>{request.receivedOn}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Complete on
          </Text>
          <Text>{request.completeness.completedOn ?? 'not complete'}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Decision due ({request.term?.article ?? 'Art 42'})
          </Text>
          <Text>
            {request.term
              ? `${request.term.deadline} (${request.term.weeks} weeks from ${request.term.startsOn})`
              : 'the term starts the day after the request is complete'}
          </Text>
        </Stack>
      </SimpleGrid>
      <Text size="sm">
        <Text span fw={600}>
          Grounds:{' '}
        </Text>
        {request.grounds}
      </Text>
      {request.details.otherEnrolment && (
        <Text size="sm">
          Other enrolment: {request.details.otherEnrolment.institution},{' '}
          {request.details.otherEnrolment.level}, {request.details.otherEnrolment.feeKind} fee, €
          {(request.details.otherEnrolment.feePaidCents / 100).toFixed(2)}
        </Text>
      )}
      {request.details.requestedStartDate && (
        <Text size="sm">Start asked for: {request.details.requestedStartDate}</Text>
      )}
      <Divider label="Completeness (Art 42)" labelPosition="left" />
      <List spacing={4} size="sm" aria-label="Completeness">
        {request.completeness.items.map((item) => (
          <List.Item
            key={item.key}
            icon={
              <ThemeIcon size={20} radius="xl" color={item.isPresent ? 'teal' : 'red'} variant="light">
                {item.isPresent ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
            }
          >
            {item.label}{' '}
            <Badge size="xs" variant="outline" color="gray">
              {item.article}
            </Badge>{' '}
            <Text span size="xs" c="dimmed">
              {item.isPresent ? `received ${item.receivedOn ?? ''}` : 'missing'}
            </Text>
          </List.Item>
        ))}
      </List>
      {request.evidence.length > 0 && (
        <>
          <Divider label="Evidence" labelPosition="left" />
          <Stack gap={4} aria-label="Evidence">
            {request.evidence.map((e) => (
              <Group key={e.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {e.label} — {e.fileName}{' '}
                  <Text span size="xs" c="dimmed">
                    received {e.receivedOn}, attached by {e.attachedBy}
                  </Text>
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  style={{ flexShrink: 0 }}
                  aria-label={`Open ${e.fileName}`}
                  onClick={() => openEvidence(e.id)}
                >
                  Open
                </Button>
              </Group>
            ))}
          </Stack>
        </>
      )}
      {canAttach && <AttachEvidenceForm key={request.version} request={request} />}
      {canDecide && <DecideForm request={request} />}
      {request.decision && (
        <Paper withBorder p="sm" component="section" aria-label="Decision">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>
                {request.decision.outcome === 'granted' ? 'Granted' : 'Refused'} on{' '}
                {request.decision.decidedOn} by {request.decision.decidedBy}
              </Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} />}
                onClick={() => openDecisionLetter(request.id)}
              >
                Decision letter
              </Button>
            </Group>
            {request.decision.letter && (
              <DecisionLetterRegistration request={request} canCorrect={staff?.role === 'ssc'} />
            )}
            <Text size="sm">{request.decision.reasoning}</Text>
            {request.decision.effects.length > 0 && (
              <ReasonList reasons={request.decision.effects} label="What the decision changed" />
            )}
            <Text size="xs" c="dimmed">
              Objection: within six weeks of receipt, to the CSP for the attention of the Executive Board (Art
              43–44).
            </Text>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
