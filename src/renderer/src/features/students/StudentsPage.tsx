import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconCash, IconPlus, IconSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import type { StudentSearchHit } from '../../../../shared/api/students.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { useHashRoute } from '../../api/useHashRoute';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { FactsForm } from '../fees/FactsForm';
import { EnrolmentDeskSection } from '../enrolments/EnrolmentDeskSection';
import { IssuedDocumentsSection } from '../issuing/IssuedDocumentsSection';
import { StudentRequestsSection } from '../requests/StudentRequestsSection';
import type { FeeFactsInput } from '../fees/useFeeQuote';
import { ResidenceSection } from '../residence/ResidenceSection';
import { EnrolmentFeePanel } from './EnrolmentFeePanel';
import { NewStudentModal } from './NewStudentModal';
import { LedgerTable } from './LedgerTable';
import {
  DutchHigherEducationSection,
  PersonalSection,
  PriorEducationSection,
  RefusalFlagsSection,
  ResidenceFactsSection,
} from './StudentFileSections';
import { StudentFileHeader } from './StudentFileHeader';
import { useEnrol, useRecordPayment, useRecordReversal, useStudentFeeFile } from './useStudentFees';
import { useStudentFile, useStudentSearch } from './useStudentFile';

/** A student's fees: enrolments with their Fee panels, the ledger, payments and reversals. */
function StudentFees({ studentId }: { studentId: number }) {
  const { staff, today } = useSession();
  const file = useStudentFeeFile(studentId);
  const enrol = useEnrol();
  const pay = useRecordPayment();
  const reverse = useRecordReversal();
  const [newFacts, setNewFacts] = useState<FeeFactsInput | null>(null);
  const [money, setMoney] = useState<{
    kind: 'payment' | 'reversal';
    euros: number | string;
    date: string;
    enrolmentId: string | null;
  } | null>(null);
  const canBook = staff?.role === 'desk' || staff?.role === 'admin';
  const canReassess = canBook || staff?.role === 'ssc';
  if (file.error) return <Alert color="red">{file.error.message}</Alert>;
  if (!file.data) return <Text c="dimmed">Loading…</Text>;
  const { student, enrolments, ledger, balanceCents } = file.data;
  const enrolmentOptions = enrolments.map((e) => ({
    value: String(e.id),
    label: `${e.academicYear} ${e.programmeName}`,
  }));

  const submitMoney = () => {
    if (!money) return;
    const amountCents = Math.round(Number(money.euros) * 100);
    const enrolmentId = money.enrolmentId ? Number(money.enrolmentId) : undefined;
    const done = {
      onSuccess: () => {
        showDone(
          `${money.kind === 'payment' ? 'Payment' : 'Reversal'} of ${formatCents(amountCents)} booked.`,
        );
        setMoney(null);
      },
      onError: (e: unknown) => showDeskError(e),
    };
    if (money.kind === 'payment')
      pay.mutate(
        { studentId, ...(enrolmentId ? { enrolmentId } : {}), amountCents, paidOn: money.date },
        done,
      );
    else
      reverse.mutate(
        { studentId, ...(enrolmentId ? { enrolmentId } : {}), amountCents, reversedOn: money.date },
        done,
      );
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Fees and ledger</Title>
        <Group>
          <Badge size="xl" variant="light" color={balanceCents > 0 ? 'orange' : 'teal'} aria-label="Balance">
            {balanceCents > 0
              ? `Owes ${formatCents(balanceCents)}`
              : balanceCents < 0
                ? `In credit ${formatCents(-balanceCents)}`
                : 'Nothing owed'}
          </Badge>
          {canBook && (
            <>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setNewFacts({ nationalities: [], startDate: '2022-09-01' })}
              >
                Enrol…
              </Button>
              <Button
                variant="light"
                leftSection={<IconCash size={16} />}
                onClick={() =>
                  setMoney({
                    kind: 'payment',
                    euros: '',
                    date: today(),
                    enrolmentId: enrolmentOptions[0]?.value ?? null,
                  })
                }
              >
                Record payment…
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  setMoney({
                    kind: 'reversal',
                    euros: '',
                    date: today(),
                    enrolmentId: enrolmentOptions[0]?.value ?? null,
                  })
                }
              >
                Direct debit reversed…
              </Button>
            </>
          )}
        </Group>
      </Group>
      {enrolments.length === 0 && <Text c="dimmed">No enrolments recorded.</Text>}
      {enrolments.map((enrolment) => (
        <EnrolmentFeePanel
          key={`${enrolment.id}:${enrolment.version}`}
          enrolment={enrolment}
          canReassess={canReassess}
          canTerminate={canBook}
        />
      ))}
      <Title order={3} mt="md">
        Ledger
      </Title>
      <LedgerTable entries={ledger} />

      <Modal
        opened={newFacts !== null}
        onClose={() => setNewFacts(null)}
        size="xl"
        title={`Enrol ${student.givenNames} ${student.familyName} (2022/23)`}
      >
        {newFacts && (
          <Stack>
            <FactsForm value={newFacts} onChange={setNewFacts} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNewFacts(null)}>
                Cancel
              </Button>
              <Button
                loading={enrol.isPending}
                onClick={() =>
                  enrol.mutate(
                    { studentId, facts: newFacts },
                    {
                      onSuccess: (e) => {
                        showDone(
                          `Enrolled in ${e.programmeName}: ${e.fee.kindLabel} ${formatCents(e.fee.amountCents)} charged.`,
                        );
                        setNewFacts(null);
                      },
                      onError: (error) => showDeskError(error),
                    },
                  )
                }
              >
                Enrol and charge the fee
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={money !== null}
        onClose={() => setMoney(null)}
        title={money?.kind === 'payment' ? 'Record a payment' : 'A direct debit was reversed (Art 32.2)'}
      >
        {money && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submitMoney();
            }}
          >
            <Stack>
              <NumberInput
                label="Amount (€)"
                required
                min={0.01}
                decimalScale={2}
                value={money.euros}
                onChange={(euros) => setMoney({ ...money, euros })}
                autoFocus
              />
              <TextInput
                label={money.kind === 'payment' ? 'Paid on' : 'Reversed on'}
                type="date"
                required
                value={money.date}
                onChange={(e) => setMoney({ ...money, date: e.currentTarget.value })}
              />
              <Select
                label="For enrolment"
                clearable
                data={enrolmentOptions}
                value={money.enrolmentId}
                onChange={(enrolmentId) => setMoney({ ...money, enrolmentId })}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMoney(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={pay.isPending || reverse.isPending}>
                  Book
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

/**
 * The student file: who the student is, residence, education, Art 3 flags, each editable; then the
 * enrolment desk and residence checks of the other areas; then the fees and the ledger.
 */
function StudentFilePage({ studentId }: { studentId: number }) {
  const { staff } = useSession();
  const { navigate } = useHashRoute();
  const file = useStudentFile(studentId);
  const canEdit = staff?.role === 'desk' || staff?.role === 'admin';
  const reload = () => void file.refetch();
  return (
    <Stack>
      <div>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconArrowLeft size={14} />}
          onClick={() => navigate('/students')}
          px={0}
        >
          All students
        </Button>
        {file.error && <Alert color="red">{file.error.message}</Alert>}
        {file.data && <StudentFileHeader file={file.data} />}
      </div>
      {file.data && (
        <>
          <PersonalSection file={file.data} canEdit={canEdit} onReload={reload} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ResidenceFactsSection file={file.data} canEdit={canEdit} onReload={reload} />
            <PriorEducationSection file={file.data} canEdit={canEdit} onReload={reload} />
            <DutchHigherEducationSection file={file.data} canEdit={canEdit} onReload={reload} />
            <RefusalFlagsSection file={file.data} canEdit={canEdit} onReload={reload} />
          </SimpleGrid>
        </>
      )}
      {/* What the residence facts decide (App II, App III), then the enrolments at the desk (Art 2–4, 13). */}
      <ResidenceSection studentId={studentId} />
      <EnrolmentDeskSection studentId={studentId} />
      <IssuedDocumentsSection studentId={studentId} />
      <StudentRequestsSection studentId={studentId} />
      <StudentFees studentId={studentId} />
    </Stack>
  );
}

const searchColumns: ColumnDef<StudentSearchHit, unknown>[] = [
  { accessorKey: 'studentNumber', header: 'Student number' },
  { accessorKey: 'familyName', header: 'Family name' },
  { accessorKey: 'givenNames', header: 'Given names' },
  {
    accessorKey: 'dateOfBirth',
    header: 'Date of birth',
    cell: ({ getValue }) => (getValue() as string | null) ?? '—',
  },
  {
    accessorKey: 'nationalities',
    header: 'Nationalities',
    enableSorting: false,
    cell: ({ getValue }) => (getValue() as string[]).join(', ') || '—',
  },
  { accessorKey: 'email', header: 'E-mail', cell: ({ getValue }) => (getValue() as string | null) ?? '—' },
];

/** Students: search as you type by name or number, open one (Enter or double-click) for the student file. */
export function StudentsPage() {
  const { params, navigate } = useHashRoute();
  const { staff } = useSession();
  const canAdd = staff?.role === 'desk' || staff?.role === 'admin';
  const [isAdding, setAdding] = useState(false);
  const studentId = params.get('id') ? Number(params.get('id')) : null;
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const students = useStudentSearch(debounced);
  if (studentId !== null) return <StudentFilePage key={studentId} studentId={studentId} />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Students</Title>
          <Text c="dimmed" size="sm">
            Type a name or student number, accents optional (“muller” finds Müller). Arrow down to a row and
            press Enter, or double-click, to open the student file.
          </Text>
        </div>
        {canAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            New student…
          </Button>
        )}
      </Group>
      {isAdding && (
        <NewStudentModal
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            navigate(`/students?id=${created.id}`);
          }}
        />
      )}
      <TextInput
        placeholder="Name or student number"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={380}
        aria-label="Search students"
        autoFocus
        onKeyDown={(event) => {
          // Arrow down moves from the search box into the results, so the keyboard alone opens a file.
          if (event.key !== 'ArrowDown') return;
          const firstRow = document.querySelector<HTMLTableRowElement>(
            'table[aria-label="Students"] tr[data-row]',
          );
          if (firstRow) {
            event.preventDefault();
            firstRow.focus();
          }
        }}
      />
      <DataTable
        label="Students"
        data={debounced.trim() === '' ? [] : (students.data ?? [])}
        columns={searchColumns}
        getRowId={(row) => String(row.id)}
        onRowOpen={(row) => navigate(`/students?id=${row.id}`)}
        emptyText={
          debounced.trim() === ''
            ? 'Type a name or student number to search.'
            : students.isFetching
              ? 'Searching…'
              : 'No student matches.'
        }
      />
    </Stack>
  );
}
