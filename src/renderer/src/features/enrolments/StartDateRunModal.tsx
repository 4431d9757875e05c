import { Alert, Badge, Button, Group, Modal, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api';
import { formatCents } from '../../../../shared/money';
import { desk, unwrap } from '../../api/desk-client';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useToday } from '../../api/useSession';
import { ReasonList, type Reason } from '../../components/ReasonList';
import { formatLongDate } from '../fees/long-date';
import { statusBadges } from './EnrolmentDeskSection';
import { useStartDateRun } from './useEnrolmentDesk';

type RunResult = CallOutput<'enrolments:startDateRun'>;
type Worklist = CallOutput<'enrolments:documentsWorklist'>;

/** One line of the outcome: what happens (or happened) to an enrolment on the start date, and why. */
interface RunLine {
  enrolmentId: number;
  studentNumber: string;
  name: string;
  outcome: 'denied' | 'administrative-hold' | 'nothing';
  missing: string[];
  reasons: Reason[];
  creditedCents: number;
}

const outcomeBadges: Record<RunLine['outcome'], { label: string; color: string }> = {
  denied: { label: 'Denied', color: 'red' },
  'administrative-hold': { label: 'Administrative hold', color: 'orange' },
  nothing: { label: 'Nothing', color: 'gray' },
};

/** The run's actions, then the other open enrolments with documents missing, which the run leaves alone. */
function linesOf(result: RunResult, worklist: Worklist | null): RunLine[] {
  const acted = new Set(result.actions.map((a) => a.enrolmentId));
  return [
    ...result.actions.map((a) => ({
      enrolmentId: a.enrolmentId,
      studentNumber: a.studentNumber,
      name: a.name,
      outcome: a.to,
      missing: a.missing,
      reasons: a.reasons,
      creditedCents: a.creditedCents,
    })),
    ...(worklist ?? [])
      .filter((row) => !acted.has(row.enrolmentId))
      .filter((row) => row.status === 'applied' || row.status === 'awaiting-documents')
      .map((row) => ({
        enrolmentId: row.enrolmentId,
        studentNumber: row.studentNumber,
        name: row.name,
        outcome: 'nothing' as const,
        missing: row.missing.map((m) => m.document),
        reasons: row.consequence.reasons,
        creditedCents: 0,
      })),
  ];
}

/** Downloads the missing-documents letter of one enrolment (Art 13.1, 13.3). */
async function downloadLetter(enrolmentId: number, today: string): Promise<void> {
  const letter = await unwrap(desk.enrolments.missingDocumentsLetter({ enrolmentId, today }));
  downloadFile(letter.fileName, 'application/pdf', letter.pdfBase64);
}

/**
 * The Art 13.3 start-date run: a dry run lists per enrolment what the start date means (denied,
 * administrative hold or nothing) with the articles; applying it, after a confirmation, changes the
 * statuses, and the letters to the students can then be downloaded.
 */
export function StartDateRunModal({ onClose }: { onClose: () => void }) {
  const run = useStartDateRun();
  const [today, setToday] = useState(useToday());
  const [result, setResult] = useState<RunResult | null>(null);
  const [lines, setLines] = useState<RunLine[]>([]);
  const [isConfirming, setConfirming] = useState(false);
  const [letters, setLetters] = useState<{ done: number; total: number } | null>(null);

  const start = (dryRun: boolean) => {
    setConfirming(false);
    run.mutate(
      { today, dryRun },
      {
        onSuccess: (answer) => {
          setResult(answer);
          // Only the dry run lists what is left alone; afterwards the statuses speak for themselves.
          if (!dryRun) {
            setLines(linesOf(answer, null));
            showDone(
              `Start-date run of ${formatLongDate(answer.today)}: ${answer.actions.length} enrolment${answer.actions.length === 1 ? '' : 's'} changed.`,
            );
            return;
          }
          unwrap(desk.enrolments.documentsWorklist({ today: answer.today }))
            .then((worklist) => setLines(linesOf(answer, worklist)))
            .catch(() => setLines(linesOf(answer, null)));
        },
        onError: (error) => showDeskError(error),
      },
    );
  };

  const downloadAll = async () => {
    if (!result) return;
    const ids = result.actions.map((a) => a.enrolmentId);
    setLetters({ done: 0, total: ids.length });
    try {
      for (const [index, id] of ids.entries()) {
        await downloadLetter(id, result.today);
        setLetters({ done: index + 1, total: ids.length });
      }
    } catch (error) {
      showDeskError(error);
    } finally {
      setLetters(null);
    }
  };

  const isApplied = result !== null && !result.dryRun;
  const denials = result?.actions.filter((a) => a.to === 'denied').length ?? 0;
  const holds = result?.actions.filter((a) => a.to === 'administrative-hold').length ?? 0;

  return (
    <Modal opened onClose={onClose} size={1100} title="Start-date run (Art 13.3)">
      <Stack>
        <Text size="sm" c="dimmed">
          On the start date an enrolment still applied for or awaiting documents with a required document
          missing is denied (diploma or proof of legal residence missing) or placed on administrative hold.
          Try it as a dry run first: nothing changes until you apply it.
        </Text>
        <Group align="flex-end">
          <TextInput
            label="Run on"
            type="date"
            value={today}
            disabled={run.isPending || isApplied}
            onChange={(event) => {
              setToday(event.currentTarget.value);
              setResult(null);
              setLines([]);
            }}
          />
          <Button
            variant="default"
            onClick={() => start(true)}
            disabled={today === '' || isApplied}
            loading={run.isPending && run.variables.dryRun}
          >
            Dry run
          </Button>
        </Group>
        {run.isPending && (
          <Stack gap={4}>
            <Text size="sm">
              {run.variables.dryRun ? 'Checking' : 'Applying'} the start date of {formatLongDate(today)}…
            </Text>
            <Progress value={100} animated striped aria-label="Start-date run in progress" />
          </Stack>
        )}

        {result && !run.isPending && (
          <>
            <Group gap="xs">
              <Badge variant="light" color={result.dryRun ? 'blue' : 'teal'}>
                {result.dryRun ? 'Dry run: nothing changed' : 'Applied'}
              </Badge>
              <Text size="sm">
                {formatLongDate(result.today)}: {denials} denied, {holds} on administrative hold
                {result.dryRun ? ' would follow' : ''}.
              </Text>
            </Group>
            {lines.length === 0 ? (
              <Text size="sm" c="dimmed">
                No open enrolment has a document missing.
              </Text>
            ) : (
              <Table aria-label="Start-date run" verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={170}>Student</Table.Th>
                    <Table.Th w={150}>{result.dryRun ? 'Would be' : 'Now'}</Table.Th>
                    <Table.Th w={70}>Missing</Table.Th>
                    <Table.Th>Why</Table.Th>
                    {isApplied && <Table.Th w={80}>Letter</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((line) => (
                    <Table.Tr
                      key={line.enrolmentId}
                      data-enrolment={line.enrolmentId}
                      style={{ verticalAlign: 'top' }}
                    >
                      <Table.Td>
                        <Text size="sm">{line.name}</Text>
                        <Text size="xs" c="dimmed">
                          {line.studentNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={outcomeBadges[line.outcome].color}>
                          {line.outcome === 'nothing'
                            ? outcomeBadges.nothing.label
                            : statusBadges[line.outcome].label}
                        </Badge>
                        {line.creditedCents > 0 && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {formatCents(line.creditedCents)} credited
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{line.missing.join(', ')}</Table.Td>
                      <Table.Td>
                        <ReasonList reasons={line.reasons} label={`Why: ${line.studentNumber}`} />
                      </Table.Td>
                      {isApplied && (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="default"
                            leftSection={<IconFileTypePdf size={12} />}
                            aria-label={`Letter to ${line.studentNumber}`}
                            onClick={() => {
                              downloadLetter(line.enrolmentId, result.today).catch((error: unknown) =>
                                showDeskError(error),
                              );
                            }}
                          >
                            PDF
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}

        {isConfirming && result && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title="This changes statuses"
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {denials} enrolment{denials === 1 ? '' : 's'} will be denied, which is final and credits the
                fee; {holds} will be placed on administrative hold. Nothing else about the students changes.
              </Text>
              <Group>
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  Back
                </Button>
                <Button color="red" size="xs" onClick={() => start(false)}>
                  Apply the start-date run
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {letters && (
          <Stack gap={4}>
            <Text size="sm">
              Writing letter {Math.min(letters.done + 1, letters.total)} of {letters.total}…
            </Text>
            <Progress value={(letters.done / Math.max(letters.total, 1)) * 100} aria-label="Letters" />
          </Stack>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          {isApplied ? (
            <Button
              leftSection={<IconFileTypePdf size={16} />}
              disabled={result.actions.length === 0}
              loading={letters !== null}
              onClick={() => void downloadAll()}
            >
              Download the letters
            </Button>
          ) : (
            <Button
              color="red"
              disabled={result === null || !result.dryRun || result.actions.length === 0 || run.isPending}
              onClick={() => setConfirming(true)}
            >
              Apply…
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
