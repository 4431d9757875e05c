import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ArrearsWorklistRow } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { desk, unwrap } from '../../api/desk-client';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useHashRoute } from '../../api/useHashRoute';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate, formatShortDate } from '../fees/long-date';
import { useArrearsWorklist, useRecordArrearsStep } from './useArrears';

const columns: ColumnDef<ArrearsWorklistRow, unknown>[] = [
  { accessorKey: 'studentNumber', header: 'Student number' },
  { accessorKey: 'name', header: 'Name' },
  {
    accessorKey: 'outstandingCents',
    header: 'Outstanding',
    cell: ({ getValue }) => formatCents(getValue() as number),
  },
  {
    accessorKey: 'arisenOn',
    header: 'In arrears since',
    cell: ({ getValue }) => formatLongDate(getValue() as string),
  },
  { id: 'nextAction', accessorFn: (row) => row.nextAction.label, header: 'Next step' },
  {
    id: 'dueOn',
    accessorFn: (row) => row.dueOn ?? '',
    header: 'Due',
    cell: ({ row: { original } }) =>
      original.dueOn === null ? (
        '—'
      ) : (
        <Badge
          variant="light"
          color={original.isDue ? 'orange' : 'gray'}
          title={original.isDue ? 'Due now' : 'Not yet due'}
        >
          {original.isDue ? 'Due ' : 'From '}
          {formatShortDate(original.dueOn)}
        </Badge>
      ),
  },
];

/** Records the next step for one student, after showing why it is due. */
function ArrearsStepModal({ row, onClose }: { row: ArrearsWorklistRow | null; onClose: () => void }) {
  const { staff, today } = useSession();
  const { navigate } = useHashRoute();
  const record = useRecordArrearsStep();
  const [takenOn, setTakenOn] = useState(today);
  const [isWritingLetter, setWritingLetter] = useState(false);
  const canRecord = staff?.role === 'desk' || staff?.role === 'admin';
  const step = row?.nextAction.step ?? null;
  return (
    <Modal opened={row !== null} onClose={onClose} size="lg" title={row ? `Arrears: ${row.name}` : ''}>
      {row && (
        <Stack>
          <Group justify="space-between">
            <Text size="sm">
              {row.studentNumber} · outstanding <b>{formatCents(row.outstandingCents)}</b> · in arrears since{' '}
              {formatLongDate(row.arisenOn)}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => navigate(`/students?id=${row.studentId}`)}>
              Open the student's fees
            </Button>
          </Group>
          <Text fw={600}>
            Next step: {row.nextAction.label}
            {row.dueOn ? `, from ${formatLongDate(row.dueOn)}` : ''}
          </Text>
          <ReasonList reasons={row.reasons} label="Why this step" />
          {step !== null && canRecord && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                record.mutate(
                  { studentId: row.studentId, step, takenOn },
                  {
                    onSuccess: () => {
                      showDone(
                        `${row.nextAction.label}: recorded for ${row.name} on ${formatLongDate(takenOn)}.`,
                      );
                      onClose();
                    },
                    onError: (error) => showDeskError(error),
                  },
                );
              }}
            >
              <Group align="flex-end" justify="flex-end">
                <TextInput
                  label="Taken on"
                  type="date"
                  required
                  value={takenOn}
                  onChange={(event) => setTakenOn(event.currentTarget.value)}
                />
                <Button type="submit" loading={record.isPending}>
                  Record: {row.nextAction.label}
                </Button>
              </Group>
            </form>
          )}
          {canRecord && (
            <Group justify="flex-start">
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} />}
                loading={isWritingLetter}
                onClick={() => {
                  setWritingLetter(true);
                  unwrap(desk.ledger.arrearsReminderLetter({ studentId: row.studentId }))
                    .then((letter) => downloadFile(letter.fileName, 'application/pdf', letter.pdfBase64))
                    .catch((error: unknown) => showDeskError(error))
                    .finally(() => setWritingLetter(false));
                }}
              >
                Reminder letter (PDF)
              </Button>
            </Group>
          )}
          {step !== null && !canRecord && (
            <Text size="sm" c="dimmed">
              Only the office of student affairs (desk) and administrators record arrears steps.
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** The arrears worklist: every student in arrears with the next step of the procedure and its date (Art 32, 35). */
export function ArrearsPage() {
  const worklist = useArrearsWorklist();
  const [filter, setFilter] = useState('');
  const [onlyDue, setOnlyDue] = useState(false);
  const [opened, setOpened] = useState<ArrearsWorklistRow | null>(null);
  const rows = useMemo(
    () => (worklist.data ?? []).filter((row) => !onlyDue || row.isDue),
    [worklist.data, onlyDue],
  );
  const dueCount = (worklist.data ?? []).filter((row) => row.isDue).length;
  const total = (worklist.data ?? []).reduce((sum, row) => sum + row.outstandingCents, 0);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Arrears</Title>
          <Text c="dimmed" size="sm" maw={760}>
            Students who owe fees after a reversed direct debit, with the next step of the procedure and the
            day it may be taken: reminders with a 14-day term, the administration charge per unpaid
            instalment, the block of the UM card and digital facilities, and finally termination of the
            enrolment (Art 32, 35). Open a row (Enter or double-click) to see why and record the step.
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={dueCount ? 'orange' : 'teal'}>
            {worklist.data ? `${dueCount} steps due` : '…'}
          </Badge>
          <Badge size="lg" variant="light" color="gray">
            {formatCents(total)} outstanding
          </Badge>
        </Group>
      </Group>
      <Group>
        <TextInput
          placeholder="Filter by name, number or step"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          w={380}
          aria-label="Filter the arrears worklist"
        />
        <Switch
          label="Only steps due now"
          checked={onlyDue}
          onChange={(event) => setOnlyDue(event.currentTarget.checked)}
        />
      </Group>
      {worklist.isLoading && <Loader />}
      {worklist.error && <Alert color="red">{worklist.error.message}</Alert>}
      {worklist.data && (
        <DataTable
          label="Arrears worklist"
          data={rows}
          columns={columns}
          getRowId={(row) => String(row.studentId)}
          globalFilter={filter}
          onRowOpen={setOpened}
          emptyText={filter || onlyDue ? 'No student on the worklist matches.' : 'No student is in arrears.'}
        />
      )}
      <ArrearsStepModal key={opened?.studentId ?? 0} row={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
