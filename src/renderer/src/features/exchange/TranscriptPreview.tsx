import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { CallOutput } from '../../../../shared/api';
import type { ExchangeFile, TranscriptSummary } from '../../../../shared/api/exchange.contract';
import { formatGpa } from '../../../../shared/gpa';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { semesterLabel } from './ExchangePage';
import { MarkTranscriptSentForm } from './MarkTranscriptSentForm';
import { useIssueTranscript, useMarkTranscriptSent, useTranscript } from './useTranscripts';

/** Props of TranscriptPreviewButton. */
export interface TranscriptPreviewButtonProps {
  /** The exchange student whose transcript is previewed. */
  file: ExchangeFile;
}

/** The bytes of a base64 string. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** UTF-8 text as base64, for downloading the XML forms. */
function base64OfText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * "Transcript" on an exchange student: opens the transcript of records as the home university will get it
 * (Exchange guide, Grade transcripts): the PDF itself, a table of what is on it, the PDF, EMREX ELMO and
 * EWP tors files to download, and for the IRO the day it was sent home with the days recorded before.
 */
export function TranscriptPreviewButton({ file }: TranscriptPreviewButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Group justify="flex-end">
      <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => setIsOpen(true)}>
        Transcript
      </Button>
      <TranscriptPreviewModal
        studentId={isOpen ? file.studentId : null}
        title={`Transcript of records of ${file.name} (${file.studentNumber})`}
        onClose={() => setIsOpen(false)}
      />
    </Group>
  );
}

/** Props of TranscriptPreviewModal. */
export interface TranscriptPreviewModalProps {
  /** The student whose transcript is shown; null keeps the dialog closed. */
  studentId: number | null;
  /** The dialog's title. */
  title: string;
  onClose: () => void;
}

/** The transcript preview in a dialog; the transcript is rendered when it opens. */
export function TranscriptPreviewModal({ studentId, title, onClose }: TranscriptPreviewModalProps) {
  return (
    <Modal opened={studentId !== null} onClose={onClose} size="90%" title={title}>
      {studentId !== null && <TranscriptPreview studentId={studentId} />}
    </Modal>
  );
}

/** The preview itself, rendered while the dialog is open. */
function TranscriptPreview({ studentId }: { studentId: number }) {
  const transcript = useTranscript(studentId, true);
  const { staff } = useSession();
  const canMark = staff?.role === 'iro' || staff?.role === 'admin';
  const mark = useMarkTranscriptSent();
  const issue = useIssueTranscript();
  // The issued transcript replaces the preview in this dialog once the IRO has issued it.
  const [issued, setIssued] = useState<CallOutput<'exchange:issueTranscript'> | null>(null);
  // Days recorded while the preview is open, so the transcript is not rendered again to show them.
  const [sentOn, setSentOn] = useState<readonly string[] | null>(null);
  const data = issued ?? transcript.data;
  const url = useMemo(
    () =>
      data ? URL.createObjectURL(new Blob([bytesOf(data.pdfBase64)], { type: 'application/pdf' })) : null,
    [data],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (transcript.isPending) return <Loader aria-label="Rendering the transcript" />;
  if (transcript.isError)
    return (
      <Alert color="red" title="No transcript">
        {transcript.error.message}
      </Alert>
    );
  const t = issued ?? transcript.data;
  const notIssued = t.isIssued ? undefined : 'Issue the transcript first: a preview is not valid to send.';
  const dispatches = sentOn ?? t.sentOn;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap="sm">
        <TranscriptSummaryTable summary={t.summary} reference={t.reference} />
        {t.isIssued ? (
          <Alert color="teal" title={`Issued as ${t.documentNumber ?? ''}`}>
            Verification code {t.verificationCode}; any transcript of this student issued before is
            superseded.
          </Alert>
        ) : (
          <Alert color="yellow" title="Preview — not issued">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                This copy has no register number or verification code. Issuing registers it (the transcript
                issued before, if any, is superseded) and gives the files to send to the home university.
              </Text>
              {canMark && (
                <Button
                  size="xs"
                  loading={issue.isPending}
                  onClick={() =>
                    issue.mutate(
                      { studentId },
                      {
                        onSuccess: (value) => {
                          setIssued(value);
                          showDone(`Transcript ${value.reference} issued as ${value.documentNumber ?? ''}.`);
                        },
                        onError: (error) => showDeskError(error),
                      },
                    )
                  }
                >
                  Issue transcript
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group gap="xs">
          <Button
            disabled={!t.isIssued}
            title={notIssued}
            leftSection={<IconDownload size={16} />}
            onClick={() => downloadFile(`${t.reference}.pdf`, 'application/pdf', t.pdfBase64)}
          >
            Download PDF
          </Button>
          <Button
            variant="default"
            disabled={!t.isIssued}
            title={notIssued}
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              downloadFile(`${t.reference}.elmo.xml`, 'application/xml', base64OfText(t.elmoXml))
            }
          >
            Download ELMO XML
          </Button>
          <Button
            variant="default"
            disabled={!t.isIssued}
            title={notIssued}
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              downloadFile(`${t.reference}.tors.xml`, 'application/xml', base64OfText(t.torsXml))
            }
          >
            Download tors XML
          </Button>
        </Group>
        <Paper withBorder p="sm" component="section" aria-label="Sent to home university">
          <Title order={5} mb={4}>
            Sent to {t.summary.homeUniversity}
          </Title>
          {dispatches.length === 0 ? (
            <Text size="sm" c="dimmed" aria-label="Sent dates">
              Not recorded as sent yet.
            </Text>
          ) : (
            <Group gap={6} aria-label="Sent dates">
              {dispatches.map((day, index) => (
                <Badge key={`${day}-${String(index)}`} variant="light" color="teal" tt="none">
                  {day}
                </Badge>
              ))}
            </Group>
          )}
          {canMark && (
            <MarkTranscriptSentForm
              label="Mark as sent to home university"
              question={(day) =>
                `Record that the transcript ${t.reference} was sent to ${t.summary.homeUniversity} on ${day}?`
              }
              isPending={mark.isPending}
              onConfirm={(day) =>
                mark.mutate(
                  { studentId, sentOn: day },
                  {
                    onSuccess: (value) => {
                      setSentOn(value.dispatches.map((d) => d.sentOn));
                      showDone(`Transcript ${t.reference} recorded as sent on ${day}.`);
                    },
                    onError: (error) => showDeskError(error),
                  },
                )
              }
            />
          )}
        </Paper>
      </Stack>
      {url && (
        <iframe
          src={url}
          title={`Transcript ${t.reference}`}
          style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-gray-3)' }}
        />
      )}
    </SimpleGrid>
  );
}

/** What is on the transcript: the stay, every course with its grade and status, and the totals. */
function TranscriptSummaryTable({ summary, reference }: { summary: TranscriptSummary; reference: string }) {
  return (
    <Stack gap="xs" component="section" aria-label="Transcript summary">
      <Group gap="xs">
        <Text fw={600}>{reference}</Text>
        <Text size="sm" c="dimmed">
          {summary.homeUniversity} · {summary.semesters.map(semesterLabel).join(', ')} · produced{' '}
          {summary.producedAt.slice(0, 10)}
        </Text>
      </Group>
      <Table striped verticalSpacing={4} fz="sm" aria-label="Courses on the transcript">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Course</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>ECTS</Table.Th>
            <Table.Th>Grade</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.courses.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  No course on the transcript.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {summary.courses.map((c) => (
            <Table.Tr key={`${c.academicYear}-${c.code}`}>
              <Table.Td>
                <b>{c.code}</b> {c.title}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.academicYear} P{c.period}
              </Table.Td>
              <Table.Td>{c.ects}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.grade ?? '–'}
                {c.description ? ` ${c.description}` : ''}
              </Table.Td>
              <Table.Td>{c.statusText}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr aria-label="Transcript totals">
            <Table.Th>
              Total {summary.totals.courses} course{summary.totals.courses === 1 ? '' : 's'}
            </Table.Th>
            <Table.Th />
            <Table.Th>{summary.totals.ectsRegistered}</Table.Th>
            <Table.Th colSpan={2}>{summary.totals.ectsObtained} ECTS obtained</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {summary.gpa && (
        <Text size="sm" aria-label="Transcript GPA">
          {summary.gpa.label} {formatGpa(summary.gpa.gpa)} (ECTS-weighted)
        </Text>
      )}
    </Stack>
  );
}
