import { Badge, Group, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { Course } from '../../../../shared/api/catalogue.contract';

/** Formats ECTS the Dutch way of writing credits in English documents: "6.5". */
export function formatEcts(ects: number): string {
  return Number.isInteger(ects) ? ects.toFixed(0) : ects.toFixed(1);
}

/** The columns every course table shows, for any row that is a course. */
export function courseColumns<Row extends Course>(): ColumnDef<Row, unknown>[] {
  return [
    {
      accessorKey: 'code',
      header: 'Code',
      cell: ({ getValue }) => (
        <Text ff="monospace" size="sm">
          {String(getValue())}
        </Text>
      ),
    },
    {
      accessorKey: 'title',
      header: 'Title',
      cell: ({ row }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{row.original.title}</Text>
          {row.original.isSkillsTraining && (
            <Badge size="xs" variant="light" color="grape">
              Skills
            </Badge>
          )}
        </Group>
      ),
    },
    { accessorKey: 'ects', header: 'ECTS', cell: ({ getValue }) => formatEcts(Number(getValue())) },
    { accessorKey: 'period', header: 'Period' },
    { accessorKey: 'faculty', header: 'Faculty' },
    {
      accessorKey: 'coordinator',
      header: 'Coordinator',
      cell: ({ getValue }) =>
        (getValue() as string | null) ?? (
          <Text c="dimmed" size="sm">
            —
          </Text>
        ),
    },
  ];
}
