import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api';
import type { ExportTable, ImportKind, ImportRowOutcome } from '../../../../shared/api/transfer.contract';
import { downloadFile } from '../../api/download-file';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';

const importKinds: { value: ImportKind; label: string; columns: string }[] = [
  {
    value: 'programmes',
    label: 'Programmes',
    columns: 'code, name, level, faculty, has_part_time_variant, is_small_scale_intensive',
  },
  {
    value: 'courses',
    label: 'Courses',
    columns: 'code, title, ects, period, faculty, coordinator, is_skills_training',
  },
  { value: 'links', label: 'Course–programme links', columns: 'course_code, programme_code' },
  {
    value: 'students',
    label: 'Students',
    columns:
      'student_number, family_name, given_names, email; profile (optional): date_of_birth, nationalities (DE;TR), brp_nationality, registered_in_brp, country_of_residence, residence_permit_type, residence_permit_valid_until, prior_education_country, prior_education_diploma; home address (optional): home_address_lines, home_address_postcode, home_address_city, home_address_country',
  },
  {
    value: 'registrations',
    label: 'Course registrations',
    columns: 'student_number, course_code, academic_year, registered_at',
  },
  {
    value: 'enrolments',
    label: 'Enrolment applications',
    columns:
      'student_number, academic_year, programme_code, kind, mode, start_date, admission_status, interim_decision_date, interim_decision_reference, is_re_enrolment, first_dutch_he_enrolment_date',
  },
];

/** How the outcome of a row reads in the table, and its colour. */
const rowActionLabels: Record<ImportRowOutcome['action'], { label: string; color: string }> = {
  create: { label: 'Create', color: 'teal' },
  update: { label: 'Update', color: 'blue' },
  unchanged: { label: 'Unchanged', color: 'gray' },
  problem: { label: 'Problem', color: 'red' },
};

const exportTables: { value: ExportTable; label: string }[] = [
  { value: 'programmes', label: 'Programmes' },
  { value: 'courses', label: 'Courses' },
  { value: 'orphanCourses', label: 'Courses without programme' },
  { value: 'links', label: 'Course–programme links' },
  { value: 'students', label: 'Students' },
  { value: 'registrations', label: 'Course registrations' },
  { value: 'audit', label: 'Audit trail' },
];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type ImportResult = CallOutput<'transfer:importFile'>;

/** Import from CSV/XLSX with a dry run first; export any table. */
export function ImportExportPage() {
  const { staff } = useSession();
  const queryClient = useQueryClient();
  const canImport = staff?.role === 'desk' || staff?.role === 'admin';
  const [kind, setKind] = useState<ImportKind>('courses');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [table, setTable] = useState<ExportTable>('courses');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');

  const runImport = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!file) throw new Error('Choose a file first.');
      return unwrap(
        desk.transfer.importFile({ kind, fileName: file.name, contentBase64: await toBase64(file), dryRun }),
      );
    },
    onSuccess: (result) => {
      setCheck(result);
      if (!result.dryRun && result.problems.length === 0) {
        showDone(
          `Imported ${file?.name}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`,
        );
        void queryClient.invalidateQueries();
      }
    },
    onError: (error) => showDeskError(error),
  });
  const runExport = useMutation({
    mutationFn: () => unwrap(desk.transfer.exportTable({ table, format })),
    onSuccess: (result) => {
      downloadFile(result.fileName, result.mimeType, result.contentBase64);
      showDone(`Exported ${result.rows} rows to ${result.fileName}.`);
    },
    onError: (error) => showDeskError(error),
  });
  const selectedKind = importKinds.find((k) => k.value === kind);

  return (
    <Stack>
      <Title order={2}>Import and export</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Stack>
            <Title order={4}>Import</Title>
            <Text size="sm" c="dimmed">
              Check the file first: the check lists every problem by row and column and changes nothing. The
              import itself is all-or-nothing.
            </Text>
            <Select
              label="What the file holds"
              data={importKinds}
              value={kind}
              allowDeselect={false}
              onChange={(v) => {
                setKind(v as ImportKind);
                setCheck(null);
              }}
            />
            <Text size="xs" c="dimmed">
              Columns: {selectedKind?.columns}
            </Text>
            <FileInput
              label="File (CSV or XLSX)"
              accept=".csv,.xlsx"
              value={file}
              onChange={(f) => {
                setFile(f);
                setCheck(null);
              }}
              clearable
              placeholder="Choose a file"
            />
            <Group>
              <Button
                variant="light"
                disabled={!file || !canImport}
                loading={runImport.isPending && runImport.variables}
                onClick={() => runImport.mutate(true)}
              >
                Check file
              </Button>
              <Button
                leftSection={<IconFileImport size={16} />}
                disabled={!check?.dryRun || check.problems.length > 0 || !canImport}
                loading={runImport.isPending && !runImport.variables}
                onClick={() =>
                  modals.openConfirmModal({
                    title: 'Import this file?',
                    children: (
                      <Text size="sm">
                        {check?.created} records will be created and {check?.updated} updated. Every change is
                        recorded in the audit trail.
                      </Text>
                    ),
                    labels: { confirm: 'Import', cancel: 'Cancel' },
                    onConfirm: () => runImport.mutate(false),
                  })
                }
              >
                Import
              </Button>
            </Group>
            {check && check.problems.length === 0 && (
              <Alert color="teal" title={check.dryRun ? 'The file is fine' : 'Imported'}>
                {check.rows} rows: {check.created} {check.dryRun ? 'to create' : 'created'}, {check.updated}{' '}
                {check.dryRun ? 'to update' : 'updated'}, {check.unchanged} unchanged.
              </Alert>
            )}
            {check && check.problems.length > 0 && (
              <Alert color="red" title={`${check.problems.length} problem(s): nothing was imported`}>
                <Table withRowBorders={false} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Column</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {check.problems.slice(0, 200).map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{p.column}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Alert>
            )}
            {check && check.outcomes.length > 0 && (
              <Table.ScrollContainer minWidth={480} mah={360}>
                <Table fz="sm" aria-label="What each row does" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Outcome</Table.Th>
                      <Table.Th>Record</Table.Th>
                      <Table.Th>Detail</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {check.outcomes.map((o) => (
                      <Table.Tr key={o.row}>
                        <Table.Td>{o.row}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={rowActionLabels[o.action].color}>
                            {rowActionLabels[o.action].label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{o.record}</Table.Td>
                        <Table.Td>{o.detail}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {check.outcomesLeftOut > 0 && (
                  <Text size="xs" c="dimmed">
                    {check.outcomesLeftOut} more rows are not listed.
                  </Text>
                )}
              </Table.ScrollContainer>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack>
            <Title order={4}>Export</Title>
            <Select
              label="Table"
              data={exportTables}
              value={table}
              allowDeselect={false}
              onChange={(v) => setTable(v as ExportTable)}
            />
            <SegmentedControl
              value={format}
              onChange={setFormat}
              data={[
                { value: 'xlsx', label: 'Excel (XLSX)' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
            <Group>
              <Button
                leftSection={<IconDownload size={16} />}
                loading={runExport.isPending}
                onClick={() => runExport.mutate()}
              >
                Export
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
