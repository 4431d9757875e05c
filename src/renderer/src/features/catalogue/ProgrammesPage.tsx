import { Badge, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import type { Programme } from '../../../../shared/api/catalogue.contract';
import { useHashRoute } from '../../api/useHashRoute';
import { DataTable } from '../../components/DataTable';
import { useProgrammes } from './useCatalogue';

const levelLabels: Record<Programme['level'], string> = {
  bachelor: 'Bachelor',
  master: 'Master',
  'pre-master': 'Pre-master',
  'professional-master': 'Professional master',
};

const columns: ColumnDef<Programme, unknown>[] = [
  { accessorKey: 'name', header: 'Programme' },
  { accessorKey: 'level', header: 'Level', cell: ({ row }) => levelLabels[row.original.level] },
  { accessorKey: 'faculty', header: 'Faculty', cell: ({ getValue }) => (getValue() as string | null) ?? '—' },
  {
    id: 'variants',
    header: 'Notes',
    enableSorting: false,
    cell: ({ row }) => (
      <Group gap={4}>
        {row.original.hasPartTimeVariant && (
          <Badge variant="light" size="sm">
            Part-time variant
          </Badge>
        )}
        {row.original.isSmallScaleIntensive && (
          <Badge variant="light" size="sm" color="grape">
            Small-scale intensive
          </Badge>
        )}
      </Group>
    ),
  },
  { accessorKey: 'courseCount', header: 'Courses' },
];

/** The programmes of Appendix I (and any imported), with their number of courses. */
export function ProgrammesPage() {
  const programmes = useProgrammes();
  const { navigate } = useHashRoute();
  const [filter, setFilter] = useState('');
  return (
    <Stack>
      <div>
        <Title order={2}>Programmes</Title>
        <Text c="dimmed" size="sm">
          {programmes.data?.length ?? '…'} programmes. Open one to see its courses.
        </Text>
      </div>
      <TextInput
        placeholder="Filter programmes"
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        w={340}
        aria-label="Filter programmes"
      />
      <DataTable
        label="Programmes"
        data={programmes.data ?? []}
        columns={columns}
        getRowId={(row) => String(row.id)}
        globalFilter={filter}
        onRowOpen={(row) => navigate(`/courses?programme=${row.id}`)}
        emptyText={programmes.isLoading ? 'Loading…' : 'No programmes.'}
      />
    </Stack>
  );
}
