import { Alert, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { SscRequestView } from '../../../../shared/api/requests.contract';
import { useHashRoute } from '../../api/useHashRoute';
import { DataTable } from '../../components/DataTable';
import { RequestDeadlineBadge, RequestStatusBadge } from './RequestBadges';
import { RequestDetail } from './RequestDetail';
import { useRequest, useRequestsWorklist } from './useRequests';

/**
 * "Requests to the SSC": the open requests by their Art 42 decision deadline, overdue ones first and
 * marked, incomplete ones (whose term has not started) after them. Opening one shows its evidence and
 * completeness, and lets an ssc user decide.
 */
export function RequestsPage() {
  const worklist = useRequestsWorklist();
  const { params, navigate } = useHashRoute();
  const openId = Number(params.get('id')) || null;
  const [filter, setFilter] = useState('');
  const columns = useMemo<ColumnDef<SscRequestView, unknown>[]>(
    () => [
      {
        id: 'deadline',
        accessorFn: (row) => row.term?.deadline ?? '9999',
        header: 'Decision due',
        cell: ({ row: { original } }) => (
          <Stack gap={2} align="flex-start">
            {original.term && (
              <Text size="sm" fw={original.isOverdue ? 700 : 400} c={original.isOverdue ? 'red' : undefined}>
                {original.term.deadline}
              </Text>
            )}
            <RequestDeadlineBadge request={original} />
          </Stack>
        ),
      },
      { accessorKey: 'reference', header: 'Reference' },
      {
        id: 'student',
        accessorFn: (row) => `${row.studentName} ${row.studentNumber}`,
        header: 'Student',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.studentName}</Text>
            <Text size="xs" c="dimmed">
              {original.studentNumber}
            </Text>
          </Stack>
        ),
      },
      { accessorKey: 'kindLabel', header: 'Request' },
      { accessorKey: 'receivedOn', header: 'Received' },
      {
        id: 'complete',
        accessorFn: (row) => row.completeness.completedOn ?? '',
        header: 'Complete',
        cell: ({ row: { original } }) =>
          original.completeness.isComplete ? (
            <Text size="sm">{original.completeness.completedOn}</Text>
          ) : (
            <Text size="sm" c="orange">
              {original.completeness.missing.length} missing
            </Text>
          ),
      },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ row: { original } }) => <RequestStatusBadge request={original} />,
      },
    ],
    [],
  );
  // The open request is read on its own: once decided it leaves the worklist but stays open here.
  const opened = useRequest(openId).data;
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <IconGavel size={24} />
          <Title order={2}>Requests to the SSC</Title>
        </Group>
        <TextInput
          placeholder="Filter"
          aria-label="Filter requests"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      </Group>
      <Text c="dimmed" size="sm">
        The director of the SSC decides within 8 weeks; the term begins the day after a complete request was
        received (Art 42). Only staff with the ssc role decide. Today is {worklist.data?.today ?? '…'}.
      </Text>
      {worklist.isPending && <Loader />}
      {worklist.isError && <Alert color="red">{worklist.error.message}</Alert>}
      {worklist.data && (
        <DataTable
          label="Requests to the SSC"
          data={worklist.data.rows}
          columns={columns}
          getRowId={(row) => String(row.id)}
          globalFilter={filter}
          onRowOpen={(row) => navigate(`/requests?id=${row.id}`)}
          emptyText="No open requests."
        />
      )}
      <Modal
        opened={openId !== null}
        onClose={() => navigate('/requests')}
        size="xl"
        title={opened ? `Request ${opened.reference}` : 'Request'}
      >
        {openId !== null && <RequestDetail requestId={openId} />}
      </Modal>
    </Stack>
  );
}
