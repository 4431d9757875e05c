import { Alert, Badge, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarCheck, IconSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import type { DocumentsWorklistRow } from '../../../../shared/api/enrolments.contract';
import { useHashRoute } from '../../api/useHashRoute';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { formatShortDate } from '../fees/long-date';
import { EnrolmentStatusBadge } from './EnrolmentDeskSection';
import { StartDateRunModal } from './StartDateRunModal';
import { useDocumentsWorklist } from './useEnrolmentDesk';

const columns: ColumnDef<DocumentsWorklistRow, unknown>[] = [
  {
    id: 'deadline',
    accessorFn: (row) => row.deadline ?? '9999',
    header: 'Deadline',
    cell: ({ row: { original } }) =>
      original.deadline === null ? (
        <Text size="sm" c="dimmed" title="The programme's earlier deadline (Art 12.3) is not recorded">
          not dated
        </Text>
      ) : (
        <Badge variant="light" color={original.isPastDeadline ? 'red' : 'gray'}>
          {original.isPastDeadline ? 'Past ' : ''}
          {formatShortDate(original.deadline)}
        </Badge>
      ),
  },
  { accessorKey: 'studentNumber', header: 'Student number' },
  { accessorKey: 'name', header: 'Name' },
  { accessorKey: 'programmeName', header: 'Programme' },
  {
    accessorKey: 'startDate',
    header: 'Start',
    cell: ({ getValue }) => formatShortDate(getValue() as string),
  },
  {
    accessorKey: 'status',
    header: 'Status',
    cell: ({ row: { original } }) => <EnrolmentStatusBadge status={original.status} />,
  },
  {
    id: 'missing',
    accessorFn: (row) => row.missing.map((m) => `${m.document} ${m.label} ${m.status}`).join(' '),
    header: 'Missing',
    enableSorting: false,
    cell: ({ row: { original } }) => (
      <Group gap={4}>
        {original.missing.map((m) => (
          <Badge
            key={m.document}
            size="sm"
            variant={m.status === 'rejected' ? 'filled' : 'light'}
            color={m.status === 'rejected' ? 'red' : m.status === 'not-requested' ? 'gray' : 'blue'}
            title={`${m.label}: ${m.status}${m.rejectionReason ? ` (${m.rejectionReason})` : ''}`}
          >
            {m.document}{' '}
            {m.status === 'rejected' ? 'rejected' : m.status === 'not-requested' ? 'not requested' : ''}
          </Badge>
        ))}
      </Group>
    ),
  },
];

/** The documents worklist: enrolments with missing or rejected documents, by deadline (Art 13). */
export function DocumentsPage() {
  const { navigate } = useHashRoute();
  const worklist = useDocumentsWorklist();
  const [filter, setFilter] = useState('');
  const { staff } = useSession();
  const canRun = staff?.role === 'desk' || staff?.role === 'admin';
  const [isRunning, setRunning] = useState(false);
  const rows = worklist.data ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Documents</Title>
          <Text c="dimmed" size="sm" maw={760}>
            Enrolments with a document of Article 13 still missing or rejected, the earliest deadline first.
            On the start of the programme a missing document means no enrolment and an administrative hold, or
            a denial when the diploma or the proof of legal residence is missing (Art 13.3). Open a row (Enter
            or double-click) to review the student’s documents.
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={rows.some((r) => r.isPastDeadline) ? 'red' : 'gray'}>
            {worklist.data ? `${rows.length} enrolments` : '…'}
          </Badge>
          {canRun && (
            <Button leftSection={<IconCalendarCheck size={16} />} onClick={() => setRunning(true)}>
              Start-date run…
            </Button>
          )}
        </Group>
      </Group>
      {isRunning && <StartDateRunModal onClose={() => setRunning(false)} />}
      <TextInput
        placeholder="Filter by name, number, programme or document"
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        w={420}
        aria-label="Filter the documents worklist"
      />
      {worklist.isLoading && <Loader />}
      {worklist.error && <Alert color="red">{worklist.error.message}</Alert>}
      {worklist.data && (
        <DataTable
          label="Documents worklist"
          data={rows}
          columns={columns}
          getRowId={(row) => String(row.enrolmentId)}
          globalFilter={filter}
          onRowOpen={(row) => navigate(`/students?id=${row.studentId}`)}
          emptyText={filter ? 'No enrolment on the worklist matches.' : 'No document is missing.'}
        />
      )}
    </Stack>
  );
}
