import { Badge, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { CourseRow } from '../../../../shared/api/catalogue.contract';
import { useHashRoute } from '../../api/useHashRoute';
import { DataTable } from '../../components/DataTable';
import { courseColumns } from './course-columns';
import { CourseDrawer } from './CourseDrawer';
import { useCourses, useProgrammes } from './useCatalogue';

const pageSize = 50;
type SortKey = 'code' | 'title' | 'ects' | 'period' | 'faculty' | 'registeredStudents';

const columns: ColumnDef<CourseRow, unknown>[] = [
  ...courseColumns<CourseRow>(),
  {
    id: 'programmes',
    header: 'Programmes',
    enableSorting: false,
    cell: ({ row }) =>
      row.original.programmes.length === 0 ? (
        <Badge color="orange" variant="light">
          No programme
        </Badge>
      ) : (
        <Text size="sm" lineClamp={2} maw={320}>
          {row.original.programmes.map((p) => p.name).join('; ')}
        </Text>
      ),
  },
  { accessorKey: 'registeredStudents', header: 'Students' },
];

/** All courses: search, page through, open one to edit it and its links. */
export function CoursesPage() {
  const { params, navigate } = useHashRoute();
  const programmeId = params.get('programme') ? Number(params.get('programme')) : undefined;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [page, setPage] = useState(1);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'code', desc: false }]);
  const [openId, setOpenId] = useState<number | null>(null);
  const programmes = useProgrammes();
  const sort = sorting[0];
  const courses = useCourses({
    search: debounced,
    ...(programmeId ? { programmeId } : {}),
    offset: (page - 1) * pageSize,
    limit: pageSize,
    sortBy: (sort?.id ?? 'code') as SortKey,
    sortDirection: sort?.desc ? 'desc' : 'asc',
  });
  const open = useMemo(
    () => courses.data?.rows.find((row) => row.id === openId) ?? null,
    [courses.data, openId],
  );
  const total = courses.data?.total ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Courses</Title>
          <Text c="dimmed" size="sm">
            {total.toLocaleString('en-GB')} courses{programmeId ? ' in this programme' : ''}. Open a course
            (Enter or double-click) to edit it or its programmes.
          </Text>
        </div>
      </Group>
      <Group>
        <TextInput
          placeholder="Search code, title or coordinator"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={340}
          aria-label="Search courses"
          autoFocus
        />
        <Select
          placeholder="All programmes"
          aria-label="Programme"
          searchable
          clearable
          w={380}
          data={(programmes.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={programmeId ? String(programmeId) : null}
          onChange={(value) => {
            setPage(1);
            navigate(value ? `/courses?programme=${value}` : '/courses');
          }}
        />
      </Group>
      <DataTable
        label="Courses"
        data={courses.data?.rows ?? []}
        columns={columns}
        getRowId={(row) => String(row.id)}
        sorting={sorting}
        onSortingChange={(updater) => {
          setSorting(updater);
          setPage(1);
        }}
        onRowOpen={(row) => setOpenId(row.id)}
        emptyText={courses.isLoading ? 'Loading…' : 'No course matches.'}
      />
      {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
      <CourseDrawer course={open} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
