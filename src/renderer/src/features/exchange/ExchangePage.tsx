import { Alert, Badge, Group, Loader, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { exchangeOverviewRowSchema } from '../../../../shared/api/exchange.contract';
import { useHashRoute } from '../../api/useHashRoute';
import { DataTable } from '../../components/DataTable';
import { activeRegistrationColumn } from './active-registration-column';
import { ExchangeStudentPanel } from './ExchangeStudentPanel';
import { ResitRetentionButton } from './ResitRetentionView';
import { EndOfSemesterTranscriptsButton } from './TranscriptBatchView';
import { useExchangeFile, useExchangeOverview, useHomeUniversities } from './useExchange';

type OverviewRow = z.infer<typeof exchangeOverviewRowSchema>;

/** The semesters the IRO filters on (2022-23). */
const semesterOptions = [
  { value: '2022-fall', label: 'Fall 2022 (periods 1–3)' },
  { value: '2023-spring', label: 'Spring 2023 (periods 4–6)' },
];

/** A semester key as staff read it: '2022-fall' → 'Fall 2022'. */
export function semesterLabel(key: string): string {
  const [year, term] = key.split('-');
  return `${term === 'fall' ? 'Fall' : 'Spring'} ${year ?? ''}`;
}

/** '2 in periods 1, 2': how many violations and where. */
function violationSummary(violations: OverviewRow['violations']): string {
  const periods = [...new Set(violations.map((v) => v.period))];
  return `${violations.length} in period${periods.length > 1 ? 's' : ''} ${periods.join(', ')}`;
}

/**
 * "Exchange": the IRO's overview of incoming exchange students by semester and home university, with their
 * courses and the rule violations of their registration. Opening a student shows the stay, registrations
 * per period, results and re-sits, and (for the IRO) the actions on them.
 */
export function ExchangePage() {
  const { params, navigate } = useHashRoute();
  const semester = params.get('semester');
  const homeUniversity = params.get('university');
  const openId = Number(params.get('student')) || null;
  const [filter, setFilter] = useState('');
  const overview = useExchangeOverview({ semester, homeUniversity });
  const universities = useHomeUniversities();
  const opened = useExchangeFile(openId).data;

  const go = (next: { semester?: string | null; university?: string | null; student?: number | null }) => {
    const query = new URLSearchParams();
    const s = next.semester === undefined ? semester : next.semester;
    const u = next.university === undefined ? homeUniversity : next.university;
    const id = next.student === undefined ? openId : next.student;
    if (s) query.set('semester', s);
    if (u) query.set('university', u);
    if (id) query.set('student', String(id));
    const text = query.toString();
    navigate(text ? `/exchange?${text}` : '/exchange');
  };

  const columns = useMemo<ColumnDef<OverviewRow, unknown>[]>(
    () => [
      {
        id: 'student',
        accessorFn: (row) => `${row.name} ${row.studentNumber}`,
        header: 'Student',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.name}</Text>
            <Text size="xs" c="dimmed">
              {original.studentNumber}
            </Text>
          </Stack>
        ),
      },
      { accessorKey: 'homeUniversity', header: 'Home university' },
      {
        id: 'semesters',
        accessorFn: (row) => row.semesters.join(' '),
        header: 'Semesters',
        cell: ({ row: { original } }) => original.semesters.map(semesterLabel).join(', '),
      },
      {
        id: 'courses',
        accessorFn: (row) => row.courses.join(' '),
        header: 'Courses',
        cell: ({ row: { original } }) =>
          original.courses.length ? (
            <Text size="sm">{original.courses.join(', ')}</Text>
          ) : (
            <Text size="sm" c="dimmed">
              none yet
            </Text>
          ),
      },
      {
        id: 'violations',
        accessorFn: (row) => row.violations.length,
        header: 'Rule violations',
        cell: ({ row: { original } }) =>
          original.violations.length ? (
            <Badge color="orange" variant="light" aria-label={`Violations of ${original.studentNumber}`}>
              {violationSummary(original.violations)}
            </Badge>
          ) : (
            <Badge color="teal" variant="light" aria-label={`Violations of ${original.studentNumber}`}>
              none
            </Badge>
          ),
      },
      activeRegistrationColumn,
    ],
    [],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <IconWorld size={24} />
          <Title order={2}>Exchange students</Title>
        </Group>
        <Group gap="xs" align="flex-end">
          <Select
            label="Semester"
            placeholder="All semesters"
            data={semesterOptions}
            value={semester}
            onChange={(value) => go({ semester: value, student: null })}
            clearable
            w={250}
          />
          <Select
            label="Home university"
            placeholder="All home universities"
            data={universities.data ?? []}
            value={homeUniversity}
            onChange={(value) => go({ university: value, student: null })}
            clearable
            searchable
            w={280}
          />
          <TextInput
            label="Filter"
            placeholder="Name, number, course"
            aria-label="Filter exchange students"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          <EndOfSemesterTranscriptsButton semester={semester} />
          <ResitRetentionButton semester={semester} />
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        Incoming exchange students pay no tuition fee (Art 10.4). They register for one or two courses per
        period (at least 6.5 ECTS; the skills periods 3 and 6 are optional). Open a student with Enter or a
        double click.
      </Text>
      {overview.isPending && <Loader />}
      {overview.isError && <Alert color="red">{overview.error.message}</Alert>}
      {overview.data && (
        <>
          <Text size="sm" aria-label="Exchange students shown">
            {overview.data.items.length} exchange students,{' '}
            {overview.data.items.filter((i) => i.violations.length > 0).length} with a rule violation
          </Text>
          <DataTable
            label="Exchange students"
            data={overview.data.items}
            columns={columns}
            getRowId={(row) => String(row.studentId)}
            globalFilter={filter}
            onRowOpen={(row) => go({ student: row.studentId })}
            emptyText="No exchange students for this selection."
          />
        </>
      )}
      <Modal
        opened={openId !== null}
        onClose={() => go({ student: null })}
        size={1100}
        title={opened ? `Exchange of ${opened.name} (${opened.studentNumber})` : 'Exchange'}
      >
        {openId !== null && <ExchangeStudentPanel studentId={openId} />}
      </Modal>
    </Stack>
  );
}
