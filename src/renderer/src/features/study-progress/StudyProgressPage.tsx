import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconSearch, IconSend } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type {
  StudyProgressList,
  StudyProgressOutcome,
  StudyProgressRow,
} from '../../../../shared/api/study-progress.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession, useToday } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate } from '../fees/long-date';
import {
  useExportIndList,
  useRecordExcusableReason,
  useRecordIndListSent,
  useStudyProgressList,
  useWithdrawExcusableReason,
} from './useStudyProgress';

/** The academic year the screen shows. */
const academicYear = '2022-23';

const outcomeLabels: Record<StudyProgressOutcome, string> = {
  notify: 'Notify the IND',
  notified: 'Notified',
  excused: 'Excused',
  meets: 'Meets',
  pending: 'Pending',
  'needs-review': 'Needs review',
  'out-of-scope': 'Not applicable',
};

const outcomeColours: Record<StudyProgressOutcome, string> = {
  notify: 'red',
  notified: 'grape',
  excused: 'orange',
  meets: 'teal',
  pending: 'gray',
  'needs-review': 'yellow',
  'out-of-scope': 'gray',
};

const ects = (value: number | null): string =>
  value === null ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(1);

/** The reason that decides the outcome: the shortfall for a student to notify, else the last one. */
const decidingReason = (row: StudyProgressRow) => row.reasons.at(row.outcome === 'notify' ? -2 : -1);

const columns: ColumnDef<StudyProgressRow, unknown>[] = [
  { accessorKey: 'studentNumber', header: 'Student number' },
  { accessorKey: 'name', header: 'Name' },
  {
    id: 'programme',
    accessorFn: (row) => row.programmeName ?? '',
    header: 'Programme',
    cell: ({ row: { original } }) => (
      <Stack gap={0}>
        <Text size="sm">{original.programmeName ?? '–'}</Text>
        {original.startDate && (
          <Text size="xs" c="dimmed">
            from {original.startDate}
            {original.isPreparatory ? ' · preparatory' : ''}
          </Text>
        )}
      </Stack>
    ),
  },
  {
    id: 'credits',
    accessorFn: (row) => row.creditsObtained,
    header: 'ECTS obtained / norm',
    cell: ({ row: { original } }) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={original.outcome === 'notify' ? 'red' : undefined}>
        {ects(original.creditsObtained)} / {original.isPreparatory ? 'pass' : ects(original.norm)}
      </Text>
    ),
  },
  {
    id: 'outcome',
    accessorFn: (row) => outcomeLabels[row.outcome],
    header: 'Outcome',
    cell: ({ row: { original } }) => (
      <Text size="sm" fw={600} c={outcomeColours[original.outcome]} style={{ whiteSpace: 'nowrap' }}>
        {outcomeLabels[original.outcome]}
      </Text>
    ),
  },
  {
    id: 'reason',
    accessorFn: (row) => `${decidingReason(row)?.article ?? ''} ${decidingReason(row)?.text ?? ''}`,
    header: 'Reason',
    enableSorting: false,
    cell: ({ row: { original } }) => {
      const reason = decidingReason(original);
      return reason ? (
        <Text size="xs">
          <b>{reason.article}</b> {reason.text}
        </Text>
      ) : null;
    },
  },
];

/** Records the study adviser's excusable reason for a student, or withdraws a recorded one. */
function StudentDialog({
  row,
  list,
  onClose,
}: {
  row: StudyProgressRow | null;
  list: StudyProgressList;
  onClose: () => void;
}) {
  const { staff } = useSession();
  const canRecord = staff?.role === 'desk' || staff?.role === 'admin';
  const record = useRecordExcusableReason();
  const withdraw = useWithdrawExcusableReason();
  const [kind, setKind] = useState<string | null>(null);
  const [adviserName, setAdviserName] = useState('');
  const [decidedOn, setDecidedOn] = useState(useToday());
  const [note, setNote] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = () => {
    setKind(null);
    setAdviserName('');
    setNote('');
    setWithdrawReason('');
    setErrors({});
    onClose();
  };
  const canExcuse =
    row !== null &&
    row.excusableReason === null &&
    ['notify', 'pending', 'needs-review'].includes(row.outcome) &&
    row.enrolmentId !== null;
  const submit = () => {
    if (!row) return;
    setErrors({});
    record.mutate(
      {
        studentId: row.studentId,
        academicYear,
        kind: kind ?? '',
        adviserName,
        decidedOn,
        note: note || null,
      },
      {
        onSuccess: () => {
          showDone(`Excusable reason recorded for ${row.name}: not notified to the IND.`);
          close();
        },
        onError: (error) =>
          showDeskError(error, {
            getValues: () => ({ kind, adviserName, decidedOn, note }),
            setFieldError: (field, message) => setErrors((e) => ({ ...e, [field]: message })),
          }),
      },
    );
  };
  const submitWithdraw = () => {
    if (!row?.excusableReason) return;
    withdraw.mutate(
      { excusableReasonId: row.excusableReason.id, reason: withdrawReason },
      {
        onSuccess: () => {
          showDone(`Excusable reason of ${row.name} withdrawn.`);
          close();
        },
        onError: (error) => showDeskError(error),
      },
    );
  };
  return (
    <Modal
      opened={row !== null}
      onClose={close}
      size="lg"
      title={row ? `Study progress: ${row.name} (${row.studentNumber})` : ''}
    >
      {row && (
        <Stack>
          <Group gap="xs">
            <Badge color={outcomeColours[row.outcome]} variant="light">
              {outcomeLabels[row.outcome]}
            </Badge>
            <Text size="sm">
              {ects(row.creditsObtained)} ECTS obtained
              {row.isPreparatory
                ? '; the preparatory programme must be passed'
                : ` of ${ects(row.norm)} required`}
              {row.monthsEnrolled !== null && ` · ${row.monthsEnrolled} months enrolled`}
            </Text>
          </Group>
          <ReasonList reasons={row.reasons} label="Why" />
          {row.excusableReason && (
            <Paper withBorder p="sm">
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  Excusable reason: {row.excusableReason.kindLabel}
                </Text>
                <Text size="sm">
                  Study adviser {row.excusableReason.adviserName},{' '}
                  {formatLongDate(row.excusableReason.decidedOn)}; recorded by{' '}
                  {row.excusableReason.recordedBy}.
                </Text>
                {row.excusableReason.note && <Text size="sm">{row.excusableReason.note}</Text>}
                {canRecord && (
                  <Group align="flex-end">
                    <TextInput
                      label="Why it is withdrawn"
                      value={withdrawReason}
                      onChange={(e) => setWithdrawReason(e.currentTarget.value)}
                      style={{ flex: 1 }}
                    />
                    <Button
                      color="red"
                      variant="light"
                      disabled={withdrawReason.trim() === ''}
                      loading={withdraw.isPending}
                      onClick={submitWithdraw}
                    >
                      Withdraw reason
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )}
          {canExcuse && canRecord && (
            <Stack gap="xs">
              <Title order={4}>Record an excusable reason</Title>
              <Text size="xs" c="dimmed">
                {list.excusableReasonGuidance.text} ({list.excusableReasonGuidance.article})
              </Text>
              <Select
                label="Kind of circumstance"
                placeholder="Choose"
                data={list.excusableReasonKinds.map((k) => ({ value: k.key, label: k.label }))}
                value={kind}
                onChange={setKind}
                error={errors['kind']}
                data-autofocus
              />
              <Group grow align="flex-start">
                <TextInput
                  label="Study adviser"
                  placeholder="e.g. Dr. M. Janssen"
                  value={adviserName}
                  onChange={(e) => setAdviserName(e.currentTarget.value)}
                  error={errors['adviserName']}
                />
                <TextInput
                  type="date"
                  label="Adviser's finding on"
                  value={decidedOn}
                  onChange={(e) => setDecidedOn(e.currentTarget.value)}
                  error={errors['decidedOn']}
                />
              </Group>
              <Textarea
                label="Note (optional)"
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors['note']}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button
                  onClick={submit}
                  loading={record.isPending}
                  disabled={kind === null || adviserName.trim() === ''}
                >
                  Record excusable reason
                </Button>
              </Group>
            </Stack>
          )}
          {canExcuse && !canRecord && (
            <Text size="sm" c="dimmed">
              Excusable reasons are recorded by the desk or an administrator.
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** Confirms and records that the list was sent to the IND: its students are then shown as notified. */
function RecordSentModal({
  opened,
  students,
  onClose,
}: {
  opened: boolean;
  students: number;
  onClose: () => void;
}) {
  const record = useRecordIndListSent();
  const [sentOn, setSentOn] = useState(useToday());
  const [reference, setReference] = useState('');
  const submit = () =>
    record.mutate(
      { academicYear, sentOn, reference },
      {
        onSuccess: (sent) => {
          showDone(
            `${sent.students} students recorded as notified to the IND on ${formatLongDate(sent.sentOn)}.`,
          );
          setReference('');
          onClose();
        },
        onError: (error) => showDeskError(error),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title="Record the list as sent to the IND">
      <Stack>
        <Alert color="orange">
          The {students} students now on the list are recorded as notified to the IND. This cannot be undone:
          an excusable reason found later no longer keeps them off the list.
        </Alert>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Sent on"
            value={sentOn}
            onChange={(e) => setSentOn(e.currentTarget.value)}
          />
          <TextInput
            label="IND reference"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            data-autofocus
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={record.isPending} disabled={reference.trim() === ''}>
            Record as sent
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Study-permit students with credits obtained against the study progress requirement, and the list for the IND. */
export function StudyProgressPage() {
  const list = useStudyProgressList(academicYear);
  const exportList = useExportIndList();
  const { staff } = useSession();
  const canRecord = staff?.role === 'desk' || staff?.role === 'admin';
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<string>('in-scope');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [isSending, setIsSending] = useState(false);
  const rows = useMemo(() => {
    const all = list.data?.rows ?? [];
    if (show === 'all') return all;
    if (show === 'in-scope') return all.filter((r) => r.outcome !== 'out-of-scope');
    return all.filter((r) => r.outcome === show);
  }, [list.data, show]);
  const selected = list.data?.rows.find((r) => r.studentId === selectedId) ?? null;
  const counts = useMemo(() => {
    const c: Partial<Record<StudyProgressOutcome, number>> = {};
    for (const r of list.data?.rows ?? []) c[r.outcome] = (c[r.outcome] ?? 0) + 1;
    return c;
  }, [list.data]);
  const download = (format: 'pdf' | 'csv') =>
    exportList.mutate(
      { academicYear, format },
      {
        onSuccess: (file) => downloadFile(file.fileName, file.contentType, file.contentBase64),
        onError: (error) => showDeskError(error),
      },
    );
  const data = list.data;
  return (
    <Stack>
      <Title order={2}>Study progress</Title>
      <Text size="sm" c="dimmed">
        Students on a Dutch residence permit for study who are not nationals of the EU/EEA or Switzerland and
        not on exchange must obtain{' '}
        {data ? `${data.norm.requiredPercentage} % of the ${data.norm.creditsPerYear}` : 'half the'} credits
        of the academic year, pro rata for part of the year (15 for a 1 February start); a preparatory
        programme must be passed. UM notifies the IND of those who do not, unless their study adviser found an
        excusable reason. Open a row (Enter) for the reasons and to record an excusable reason.
      </Text>
      {data && !data.isYearEnded && (
        <Alert color="blue">
          {academicYear} runs until {formatLongDate(data.yearEndsOn)}: the outcomes are pending until then.
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            aria-label="Filter the study progress list"
            placeholder="Filter by number, name or programme"
            leftSection={<IconSearch size={16} />}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            w={320}
          />
          <Select
            label="Show"
            aria-label="Show outcome"
            value={show}
            onChange={(value) => setShow(value ?? 'in-scope')}
            allowDeselect={false}
            data={[
              { value: 'in-scope', label: 'Students the requirement applies to' },
              { value: 'all', label: 'Every study-permit student' },
              ...(Object.keys(outcomeLabels) as StudyProgressOutcome[]).map((o) => ({
                value: o,
                label: `${outcomeLabels[o]} (${counts[o] ?? 0})`,
              })),
            ]}
            w={280}
          />
        </Group>
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => download('pdf')}
            disabled={!data?.isYearEnded}
            loading={exportList.isPending && exportList.variables.format === 'pdf'}
          >
            IND list (PDF)
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => download('csv')}
            disabled={!data?.isYearEnded}
            loading={exportList.isPending && exportList.variables.format === 'csv'}
          >
            IND list (CSV)
          </Button>
          {canRecord && (
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => setIsSending(true)}
              disabled={!data?.isYearEnded || (counts.notify ?? 0) === 0}
            >
              Record list as sent
            </Button>
          )}
        </Group>
      </Group>
      {data && (
        <Group gap="xs" aria-label="Outcomes">
          {(['notify', 'excused', 'notified', 'meets', 'pending', 'needs-review'] as const).map((o) => (
            <Badge key={o} color={outcomeColours[o]} variant="light">
              {outcomeLabels[o]}: {counts[o] ?? 0}
            </Badge>
          ))}
          {data.sentLists.map((l) => (
            <Text key={l.id} size="xs" c="dimmed">
              Sent to the IND on {formatLongDate(l.sentOn)} ({l.reference}, {l.students} students, by{' '}
              {l.recordedBy})
            </Text>
          ))}
        </Group>
      )}
      {list.isLoading && <Loader size="sm" />}
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {data && (
        <DataTable
          label="Study progress"
          data={rows}
          columns={columns}
          getRowId={(row) => String(row.studentId)}
          globalFilter={filter}
          emptyText="No student matches the filter."
          onRowOpen={(row) => setSelectedId(row.studentId)}
        />
      )}
      {data && <StudentDialog row={selected} list={data} onClose={() => setSelectedId(null)} />}
      <RecordSentModal opened={isSending} students={counts.notify ?? 0} onClose={() => setIsSending(false)} />
    </Stack>
  );
}
