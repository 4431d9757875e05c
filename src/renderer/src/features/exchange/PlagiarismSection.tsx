import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ExchangeFile } from '../../../../shared/api/exchange.contract';
import { DeskCallError } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { ReasonList, type Reason } from '../../components/ReasonList';
import { useRecordPlagiarism, useResitStanding } from './useResitRetention';

/** Props of PlagiarismSection. */
export interface PlagiarismSectionProps {
  /** The exchange student's file (stay and results). */
  file: ExchangeFile;
  /** Whether the signed-in member of staff may record a finding (IRO, administrator); default false. */
  canEdit?: boolean;
}

/** The periods of the stay's semesters: fall 1–3, spring 4–6 (Exchange guide, Academic calendar). */
function periodsOf(semesters: readonly string[]): number[] {
  return semesters.flatMap((key) => (key.endsWith('-fall') ? [1, 2, 3] : [4, 5, 6]));
}

/**
 * "Plagiarism" in an exchange student's panel (Exchange guide, Plagiarism): the findings recorded, the
 * exclusion from re-sits, and (for the IRO) recording a finding for a period after a confirmation that
 * states what follows: every result of the period becomes 0 and re-sits close for the rest of the year.
 */
export function PlagiarismSection({ file, canEdit = false }: PlagiarismSectionProps) {
  const standing = useResitStanding(file.studentId);
  const record = useRecordPlagiarism();
  const periods = periodsOf(file.stay.semesters);
  const [period, setPeriod] = useState<string | null>(null);
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [decided, setDecided] = useState<readonly Reason[] | null>(null);

  if (standing.isPending) return <Loader size="sm" />;
  if (standing.isError) return <Alert color="red">{standing.error.message}</Alert>;
  const { findings, exclusion, rule } = standing.data.plagiarism;
  const day = decidedOn ?? standing.data.asOf;
  const affected = file.attempts.filter(
    (a) => file.registrations.find((r) => r.courseId === a.courseId)?.period === Number(period),
  );
  const openResits = file.attempts.filter((a) => a.sitting === 'resit' && a.status === 'registered');

  const confirm = () => {
    if (!period) return;
    record.mutate(
      { studentId: file.studentId, period: Number(period), decidedOn: day, note: note.trim() || null },
      {
        onSuccess: (value) => {
          setIsConfirming(false);
          setDecided(value.reasons);
          setNote('');
          setPeriod(null);
          showDone(`Plagiarism recorded for period ${period}`);
        },
        onError: (error) => {
          setIsConfirming(false);
          if (error instanceof DeskCallError && ['refused', 'validation'].includes(error.shape.kind))
            setRefusal(error.shape.message);
          else showDeskError(error);
        },
      },
    );
  };

  return (
    <Stack gap="xs" component="section" aria-label="Plagiarism">
      <Group gap="xs">
        <Title order={4}>Plagiarism</Title>
        {exclusion ? (
          <Badge color="red" variant="light" tt="none" aria-label="Re-sit exclusion">
            excluded from re-sits for the rest of {exclusion.academicYear} (period {exclusion.period}, decided{' '}
            {exclusion.decidedOn})
          </Badge>
        ) : (
          <Badge color="gray" variant="light" tt="none" aria-label="Re-sit exclusion">
            no finding
          </Badge>
        )}
      </Group>
      {findings.length > 0 && (
        <Table verticalSpacing={4} aria-label="Plagiarism findings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Year</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Decided on</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th>Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((f) => (
              <Table.Tr key={f.id} aria-label={`Finding period ${f.period}`}>
                <Table.Td>{f.academicYear}</Table.Td>
                <Table.Td>{f.period}</Table.Td>
                <Table.Td>{f.decidedOn}</Table.Td>
                <Table.Td>{f.note ?? ''}</Table.Td>
                <Table.Td>
                  {f.recordedBy}, {f.recordedAt.slice(0, 10)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {decided && (
        <Alert color="teal" title="Plagiarism recorded" withCloseButton onClose={() => setDecided(null)}>
          <ReasonList reasons={decided} label="Reasons of the plagiarism finding" />
        </Alert>
      )}
      {refusal && (
        <Alert color="red" title="Refused" withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      {canEdit && (
        <Group
          align="flex-end"
          gap="xs"
          component="form"
          aria-label="Record plagiarism"
          onSubmit={(e) => {
            e.preventDefault();
            if (period) setIsConfirming(true);
          }}
        >
          <Select
            label="Period"
            aria-label="Plagiarism period"
            placeholder="Period"
            data={periods.map((p) => ({ value: String(p), label: `Period ${p}` }))}
            value={period}
            onChange={setPeriod}
            w={130}
          />
          <TextInput
            label="Decided on"
            type="date"
            value={day}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
            w={160}
          />
          <TextInput
            label="Finding"
            placeholder="What was found"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" color="red" variant="light" disabled={!period}>
            Record plagiarism…
          </Button>
        </Group>
      )}
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={`Record plagiarism in period ${period ?? ''}?`}
        size="lg"
      >
        <Stack>
          <Text size="sm">
            Every result of period {period} (
            {affected.length ? [...new Set(affected.map((a) => a.code))].join(', ') : 'no result yet'})
            becomes 0.0, and {file.name} is excluded from the re-sits for the rest of the academic year
            {openResits.length
              ? ` (open re-sit registrations withdrawn: ${openResits.map((a) => a.code).join(', ')})`
              : ''}
            . A finding cannot be changed or removed.
          </Text>
          <ReasonList reasons={[rule]} label="Plagiarism rule" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={record.isPending}>
              Record plagiarism
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
