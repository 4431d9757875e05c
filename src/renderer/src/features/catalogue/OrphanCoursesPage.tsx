import { Alert, Badge, Button, Group, Loader, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconLink, IconSearch } from '@tabler/icons-react';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { OrphanCourse } from '../../../../shared/api/catalogue.contract';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { courseColumns } from './course-columns';
import { LinkCoursesModal } from './LinkCoursesModal';
import { useOrphanCourses } from './useCatalogue';

const columns: ColumnDef<OrphanCourse, unknown>[] = [
  ...courseColumns<OrphanCourse>(),
  {
    accessorKey: 'registeredStudents',
    header: 'Registered students',
    cell: ({ getValue }) => (
      <Text size="sm" fw={600}>
        {String(getValue())}
      </Text>
    ),
  },
];

/** "Courses without programme": the courses students see unlinked in the portal, for the office to link. */
export function OrphanCoursesPage() {
  const { staff } = useSession();
  const orphans = useOrphanCourses();
  const [filter, setFilter] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [linking, setLinking] = useState<OrphanCourse[]>([]);
  const canLink = staff?.role === 'desk' || staff?.role === 'admin';
  const selected = useMemo(
    () => (orphans.data ?? []).filter((course) => selection[String(course.id)]),
    [orphans.data, selection],
  );
  const waiting = (orphans.data ?? []).reduce((sum, course) => sum + course.registeredStudents, 0);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Courses without programme</Title>
          <Text c="dimmed" size="sm" maw={720}>
            Students see these courses under "Courses without programme" in the portal, where their grades do
            not count towards a programme's GPA. Only this office can link them. Select courses and link them
            to one or more programmes.
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={orphans.data?.length ? 'orange' : 'teal'}>
            {orphans.data?.length ?? '…'} courses
          </Badge>
          <Badge size="lg" variant="light" color="gray">
            {waiting} registrations affected
          </Badge>
        </Group>
      </Group>
      <Group justify="space-between">
        <TextInput
          placeholder="Filter by code, title, faculty or coordinator"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          w={380}
          aria-label="Filter courses without programme"
        />
        <Tooltip
          label="Only the office of student affairs (desk) and administrators link courses"
          disabled={canLink}
        >
          <Button
            leftSection={<IconLink size={16} />}
            disabled={!canLink || selected.length === 0}
            onClick={() => setLinking(selected)}
          >
            {selected.length > 1 ? `Link ${selected.length} courses…` : 'Link to programme…'}
          </Button>
        </Tooltip>
      </Group>
      {orphans.isLoading && <Loader />}
      {orphans.error && <Alert color="red">{orphans.error.message}</Alert>}
      {orphans.data && (
        <DataTable
          label="Courses without programme"
          data={orphans.data}
          columns={columns}
          getRowId={(row) => String(row.id)}
          globalFilter={filter}
          rowSelection={selection}
          onRowSelectionChange={setSelection}
          onRowOpen={(row) => canLink && setLinking([row])}
          emptyText={
            filter
              ? 'No course without programme matches the filter.'
              : 'Every course belongs to a programme. Nothing to do here.'
          }
        />
      )}
      <LinkCoursesModal
        courses={linking}
        onClose={(linked) => {
          if (linked) setSelection({});
          setLinking([]);
        }}
      />
    </Stack>
  );
}
