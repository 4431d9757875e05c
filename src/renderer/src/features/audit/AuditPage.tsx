import { Badge, Code, Group, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/api/audit.contract';
import { desk, unwrap } from '../../api/desk-client';
import { DataTable } from '../../components/DataTable';
import { describeChange } from './describe-change';

const pageSize = 100;

const columns: ColumnDef<AuditEntry, unknown>[] = [
  {
    accessorKey: 'at',
    header: 'When (UTC)',
    cell: ({ getValue }) => String(getValue()).replace('T', ' ').slice(0, 19),
  },
  {
    accessorKey: 'actorName',
    header: 'Who',
    cell: ({ row }) => (
      <Group gap={4}>
        <Text size="sm">{row.original.actorName}</Text>
        <Badge size="xs" variant="light">
          {row.original.actorRole}
        </Badge>
      </Group>
    ),
  },
  { accessorKey: 'action', header: 'Action', cell: ({ getValue }) => <Code>{String(getValue())}</Code> },
  {
    accessorKey: 'entityId',
    header: 'Record',
    cell: ({ row }) => `${row.original.entity} ${row.original.entityId}`,
  },
  {
    id: 'change',
    header: 'Change',
    enableSorting: false,
    cell: ({ row }) => (
      <Text size="sm" maw={520} style={{ wordBreak: 'break-word' }}>
        {describeChange(row.original)}
      </Text>
    ),
  },
  { accessorKey: 'reason', header: 'Reason', cell: ({ getValue }) => (getValue() as string | null) ?? '' },
];

/** The audit trail: who changed what and when, filterable by record type and member of staff. */
export function AuditPage() {
  const [entity, setEntity] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const input = {
    ...(entity ? { entity } : {}),
    ...(actorId ? { actorId: Number(actorId) } : {}),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
  const audit = useQuery({
    queryKey: ['audit', input],
    queryFn: () => unwrap(desk.audit.list(input)),
    placeholderData: keepPreviousData,
  });
  const total = audit.data?.total ?? 0;
  return (
    <Stack>
      <div>
        <Title order={2}>Audit trail</Title>
        <Text c="dimmed" size="sm">
          Every change, with who made it and when. The trail cannot be edited or deleted.
        </Text>
      </div>
      <Group>
        <Select
          label="Record type"
          placeholder="All"
          clearable
          data={audit.data?.entities ?? []}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setPage(1);
          }}
          w={220}
        />
        <Select
          label="Staff member"
          placeholder="Everyone"
          clearable
          data={(audit.data?.actors ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          value={actorId}
          onChange={(v) => {
            setActorId(v);
            setPage(1);
          }}
          w={260}
        />
        <Text size="sm" c="dimmed" mt={24}>
          {total.toLocaleString('en-GB')} entries
        </Text>
      </Group>
      <DataTable
        label="Audit trail"
        data={audit.data?.rows ?? []}
        columns={columns}
        getRowId={(row) => String(row.id)}
        emptyText={audit.isLoading ? 'Loading…' : 'No entries.'}
      />
      {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
    </Stack>
  );
}
