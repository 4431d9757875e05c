import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RetentionItem } from '../../../../shared/api/resit-retention.contract';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { ReasonList } from '../../components/ReasonList';
import { semesterLabel } from './ExchangePage';
import { useExchangeOverview } from './useExchange';
import { useRetentionWorklist, useRunRetention } from './useResitRetention';

/** Props of ResitRetentionButton. */
export interface ResitRetentionButtonProps {
  /** The semester chosen on the Exchange screen; a fall semester is preselected, default the latest fall. */
  semester: string | null;
}

/** "Re-sit retention" on the Exchange screen (IRO and administrator): opens the worklist and the run. */
export function ResitRetentionButton({ semester }: ResitRetentionButtonProps) {
  const { staff } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  if (staff?.role !== 'iro' && staff?.role !== 'admin') return null;
  return (
    <>
      <Button variant="light" leftSection={<IconUserMinus size={16} />} onClick={() => setIsOpen(true)}>
        Re-sit retention
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => setIsOpen(false)}
        size="min(1400px, 96vw)"
        title="Re-sit retention at the end of the fall semester"
      >
        {isOpen && <ResitRetentionView initialSemester={semester?.endsWith('-fall') ? semester : null} />}
      </Modal>
    </>
  );
}

const changeLabels: Record<RetentionItem['change'], string> = {
  remove: 'remove',
  keep: 'keep',
  unchanged: 'recorded',
};

/** The outcome in words: 'kept until 2023-03-31' or 'removed 2023-02-03'. */
function OutcomeText({ item }: { item: Pick<RetentionItem, 'outcome' | 'effectiveOn' | 'studentNumber'> }) {
  return (
    <Text
      size="sm"
      fw={600}
      c={item.outcome === 'kept' ? 'teal.8' : 'gray.7'}
      style={{ whiteSpace: 'nowrap' }}
      aria-label={`Outcome of ${item.studentNumber}`}
    >
      {item.outcome === 'kept' ? `kept until ${item.effectiveOn}` : `removed ${item.effectiveOn}`}
    </Text>
  );
}

/** A row's reasons, compact: the section of the guide in bold, then the sentence. */
function CompactReasons({ item }: { item: RetentionItem }) {
  return (
    <Stack gap={2} role="list" aria-label={`Reasons for ${item.studentNumber}`} miw={360}>
      {item.reasons.map((r, index) => (
        <Text size="xs" role="listitem" key={index}>
          <b>{r.article}</b> · {r.text}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The worklist of a fall semester before the run (Exchange guide, Location of the re-sit): every fall
 * exchange student with the outcome — removed from active registration, or kept until the last period-2
 * re-sit — and its reasons; a dry-run preview, the run behind a confirmation, and its result.
 */
export function ResitRetentionView({ initialSemester }: { initialSemester: string | null }) {
  const all = useExchangeOverview({ semester: null, homeUniversity: null });
  const fallSemesters = [
    ...new Set((all.data?.items ?? []).flatMap((i) => i.semesters.filter((s) => s.endsWith('-fall')))),
  ].sort();
  const [chosen, setChosen] = useState<string | null>(initialSemester);
  const semester = chosen ?? fallSemesters.at(-1) ?? null;
  const worklist = useRetentionWorklist(semester);
  const run = useRunRetention();
  const [filter, setFilter] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const columns = useRetentionColumns();

  const runNow = (dryRun: boolean) => {
    if (!semester) return;
    run.mutate(
      { semester, dryRun },
      {
        onSuccess: (result) => {
          setIsConfirming(false);
          if (!result.dryRun)
            showDone(
              `Retention run: ${result.removed} removed, ${result.kept} kept, ${result.unchanged} unchanged`,
            );
        },
        onError: (error) => {
          setIsConfirming(false);
          showDeskError(error);
        },
      },
    );
  };

  const data = worklist.data;
  const toRemove = data?.items.filter((i) => i.change === 'remove').length ?? 0;
  const toKeep = data?.items.filter((i) => i.change === 'keep').length ?? 0;
  const result = run.data && run.variables.semester === semester ? run.data : null;
  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label="Fall semester"
            aria-label="Retention semester"
            data={fallSemesters.map((key) => ({ value: key, label: semesterLabel(key) }))}
            value={semester}
            onChange={(value) => {
              setChosen(value);
              run.reset();
            }}
            allowDeselect={false}
            w={200}
          />
          <TextInput
            label="Filter"
            aria-label="Filter retention worklist"
            placeholder="Name, number, outcome"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button
            variant="default"
            onClick={() => runNow(true)}
            loading={run.isPending && run.variables.dryRun}
          >
            Preview run (dry run)
          </Button>
          <Button
            color="red"
            onClick={() => setIsConfirming(true)}
            disabled={data?.canRun.outcome !== 'allowed'}
            leftSection={<IconUserMinus size={16} />}
          >
            Run retention…
          </Button>
        </Group>
      </Group>
      {worklist.isPending && semester !== null && <Loader />}
      {worklist.isError && <Alert color="red">{worklist.error.message}</Alert>}
      {data && (
        <>
          <Paper withBorder p="sm" component="section" aria-label="Retention facts">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
              <Fact label="Removal at the end of the fall semester" value={data.removalOn} />
              <Fact
                label={`Period ${data.resitPeriod} re-sit registration`}
                value={`${data.resitWindow.registrationOpensOn} – ${data.resitWindow.registrationClosesOn}`}
              />
              <Fact
                label={`Period ${data.resitPeriod} re-sits`}
                value={`${data.resitWindow.firstSittingOn} – ${data.resitWindow.lastSittingOn}`}
              />
              <Fact label="As of" value={data.asOf} />
            </SimpleGrid>
            <Stack mt="xs" gap={4}>
              <Text size="xs" c="dimmed">
                The rules the run applies
              </Text>
              <ReasonList reasons={data.rules} label="Retention rules" />
            </Stack>
          </Paper>
          {data.canRun.outcome === 'refused' && (
            <Alert color="yellow" title="The run is not possible yet">
              <ReasonList reasons={data.canRun.reasons} label="Why the run waits" />
            </Alert>
          )}
          {result && <RunResult result={result} />}
          <Text size="sm" aria-label="Retention summary">
            {data.items.length} fall students: {data.items.filter((i) => i.outcome === 'kept').length} kept
            until the re-sits, {data.items.filter((i) => i.outcome === 'removed').length} removed;{' '}
            {data.items.filter((i) => i.needsAttention).length} registered for a period {data.resitPeriod}{' '}
            re-sit without asking to stay. {data.continuing} whose exchange continues into spring are not
            affected.
          </Text>
          <DataTable
            label="Re-sit retention worklist"
            data={data.items}
            columns={columns}
            getRowId={(row) => String(row.studentId)}
            globalFilter={filter}
            emptyText="No exchange student's stay ends with this fall semester."
            // The worklist scrolls under its header, which stays in view (stickyHeader in a ScrollArea).
            maxHeight="60vh"
          />
          {data.runs.length > 0 && (
            <Stack gap={4} component="section" aria-label="Retention runs">
              <Title order={5}>Runs</Title>
              {data.runs.map((r) => (
                <Text size="sm" key={r.id}>
                  Run {r.id} on {r.runOn} by {r.createdBy}: {r.removed} removed, {r.kept} kept, {r.unchanged}{' '}
                  unchanged
                </Text>
              ))}
            </Stack>
          )}
        </>
      )}
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Run the re-sit retention?"
        size="lg"
      >
        <Stack>
          <Text size="sm">
            {toRemove} student{toRemove === 1 ? '' : 's'} will be removed from active registration and{' '}
            {toKeep} kept until the period {data?.resitPeriod ?? ''} re-sits (
            {semester ? semesterLabel(semester) : ''}). A removal is final: the student can no longer register
            for courses or re-sits, and open re-sit registrations are withdrawn. The UM account&apos;s end
            moves with the registration. Every change is recorded in the audit trail.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => runNow(false)}
              loading={run.isPending && !run.variables.dryRun}
            >
              Remove {toRemove}, keep {toKeep}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" aria-label={label}>
        {value}
      </Text>
    </Stack>
  );
}

/** The result of a dry run or a run: counts and the students it changes (would change). */
function RunResult({
  result,
}: {
  result: {
    dryRun: boolean;
    runId: number | null;
    runOn: string;
    removed: number;
    kept: number;
    unchanged: number;
    items: RetentionItem[];
  };
}) {
  const changed = result.items.filter((i) => i.change !== 'unchanged');
  return (
    <section aria-label={result.dryRun ? 'Dry run result' : 'Run result'}>
      <Alert
        color={result.dryRun ? 'blue' : 'teal'}
        title={
          result.dryRun
            ? 'Dry run: nothing recorded'
            : `Run ${result.runId ?? ''} recorded on ${result.runOn}`
        }
      >
        <Text size="sm" fw={600}>
          {result.dryRun ? 'Would remove' : 'Removed'} {result.removed}, {result.dryRun ? 'keep' : 'kept'}{' '}
          {result.kept}, {result.unchanged} unchanged
        </Text>
        {changed.length > 0 && (
          <Stack gap={2} mt={4}>
            {changed.map((i) => (
              <Text size="sm" key={i.studentId}>
                {i.name} ({i.studentNumber}):{' '}
                {i.outcome === 'kept' ? `kept until ${i.effectiveOn}` : `removed ${i.effectiveOn}`}, UM
                account until {i.umAccountEndsOn}
                {i.withdrawsResits.length
                  ? `; re-sit registration withdrawn: ${i.withdrawsResits.join(', ')}`
                  : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Alert>
    </section>
  );
}

function useRetentionColumns() {
  return useMemo<ColumnDef<RetentionItem, unknown>[]>(
    () => [
      {
        id: 'student',
        accessorFn: (row) => `${row.name} ${row.studentNumber}`,
        header: 'Student',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.name}</Text>
            <Text size="xs" c="dimmed">
              {original.studentNumber} · {original.homeUniversity}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'request',
        accessorFn: (row) => row.request,
        header: 'Asked to stay',
        cell: ({ row: { original } }) =>
          original.request === 'none' ? (
            <Text size="sm" c="dimmed">
              no
            </Text>
          ) : (
            <Text size="sm">{original.request === 'requested' ? 'yes' : 'withdrawn'}</Text>
          ),
      },
      {
        id: 'resits',
        accessorFn: (row) => row.resits.join(' '),
        header: 'Period-2 re-sits',
        cell: ({ row: { original } }) => (
          <Group gap={4}>
            <Text size="sm">{original.resits.join(', ') || '—'}</Text>
            {original.needsAttention && (
              <Badge size="xs" color="orange" variant="light">
                not asked
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'outcome',
        accessorFn: (row) => `${row.outcome} ${row.effectiveOn}`,
        header: 'Outcome',
        cell: ({ row: { original } }) => <OutcomeText item={original} />,
      },
      {
        id: 'umAccount',
        accessorFn: (row) => row.umAccountEndsOn,
        header: 'UM account until',
        cell: ({ row: { original } }) =>
          original.umAccountEndsOn === original.umAccountEndsOnBefore ? (
            <Text size="sm">{original.umAccountEndsOn}</Text>
          ) : (
            <Text size="sm">
              <s>{original.umAccountEndsOnBefore}</s> {original.umAccountEndsOn}
            </Text>
          ),
      },
      {
        id: 'change',
        accessorFn: (row) => changeLabels[row.change],
        header: 'Run',
        cell: ({ row: { original } }) =>
          original.change === 'unchanged' ? (
            <Text size="xs" c="dimmed">
              recorded {original.recorded?.decidedAt.slice(0, 10) ?? ''}
            </Text>
          ) : (
            <Text size="sm" fw={600} c={original.change === 'keep' ? 'teal.8' : 'red.8'}>
              {changeLabels[original.change]}
            </Text>
          ),
      },
      {
        id: 'reasons',
        accessorFn: (row) => row.reasons.map((r) => r.text).join(' '),
        header: 'Reasons',
        enableSorting: false,
        cell: ({ row: { original } }) => <CompactReasons item={original} />,
      },
    ],
    [],
  );
}
