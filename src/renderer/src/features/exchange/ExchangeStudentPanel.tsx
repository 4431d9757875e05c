import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExchangeFile } from '../../../../shared/api/exchange.contract';
import { formatGpa } from '../../../../shared/gpa';
import { DeskCallError } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession, useToday } from '../../api/useSession';
import { ReasonList, type Reason } from '../../components/ReasonList';
import { semesterLabel } from './ExchangePage';
import { PlagiarismSection } from './PlagiarismSection';
import { ResitStaySection } from './ResitStaySection';
import { TranscriptPreviewButton } from './TranscriptPreview';
import {
  useDecideExtension,
  useDeregisterResit,
  useDropExchangeCourse,
  useExchangeCourses,
  useExchangeFile,
  useRecordExchangeResult,
  useRegisterExchangeCourse,
  useRegisterResit,
} from './useExchange';

/** Props of ExchangeStudentPanel. */
export interface ExchangeStudentPanelProps {
  /** The exchange student shown. */
  studentId: number;
}

/** The periods of a semester (Exchange guide, Academic calendar): fall 1–3, spring 4–6. */
function periodsOf(semesters: readonly string[]): number[] {
  return semesters.flatMap((key) => (key.endsWith('-fall') ? [1, 2, 3] : [4, 5, 6]));
}

/** What the last action decided: its reasons, or the refusal with the rule it rests on. */
type Outcome =
  { kind: 'done'; title: string; reasons: readonly Reason[] } | { kind: 'refused'; message: string };

/**
 * One exchange student: the stay, course registrations per period with the rule violations, exam attempts
 * with grades and their descriptions, GPA, and for the IRO (and an administrator) registering and dropping
 * courses, results, re-sits and extensions. Every refusal is shown with its rule.
 */
export function ExchangeStudentPanel({ studentId }: ExchangeStudentPanelProps) {
  const file = useExchangeFile(studentId);
  const { staff } = useSession();
  const canEdit = staff?.role === 'iro' || staff?.role === 'admin';
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // A refusal stays on screen beside the work with its rule; other errors go where showDeskError puts them.
  const onError = (error: unknown) => {
    if (error instanceof DeskCallError && ['refused', 'validation'].includes(error.shape.kind)) {
      setOutcome({ kind: 'refused', message: error.shape.message });
    } else showDeskError(error);
  };
  const onDone = (title: string, reasons: readonly Reason[]) => {
    setOutcome({ kind: 'done', title, reasons });
    showDone(title);
  };

  if (file.isPending) return <Loader />;
  if (file.isError) return <Alert color="red">{file.error.message}</Alert>;
  const data = file.data;
  return (
    <Stack gap="md">
      <StaySummary file={data} />
      <TranscriptPreviewButton file={data} />
      {outcome?.kind === 'refused' && (
        <Alert color="red" title="Refused" withCloseButton onClose={() => setOutcome(null)}>
          {outcome.message}
        </Alert>
      )}
      {outcome?.kind === 'done' && (
        <section aria-label="Last decision">
          <Alert color="teal" title={outcome.title} withCloseButton onClose={() => setOutcome(null)}>
            <ReasonList reasons={outcome.reasons} label="Reasons of the last decision" />
          </Alert>
        </section>
      )}
      <Registrations file={data} canEdit={canEdit} onDone={onDone} onError={onError} />
      <Results file={data} canEdit={canEdit} onDone={onDone} onError={onError} />
      <ResitStaySection studentId={data.studentId} canEdit={canEdit} />
      <PlagiarismSection file={data} canEdit={canEdit} />
      {canEdit && <Extension file={data} />}
    </Stack>
  );
}

function StaySummary({ file }: { file: ExchangeFile }) {
  const { stay } = file;
  return (
    <Paper withBorder p="sm" aria-label="Stay" component="section">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Fact
          label="Home university"
          value={`${stay.homeUniversity}${stay.homeCountry ? ` (${stay.homeCountry})` : ''}`}
        />
        <Fact label="Agreement" value={stay.agreement} />
        <Fact label="Semesters" value={stay.semesters.map(semesterLabel).join(', ')} />
        <Fact label="Stay" value={`${stay.startsOn} – ${stay.endsOn}`} />
        <Fact label="UM account until" value={stay.umAccountEndsOn} />
        <Fact label="Tuition fee" value="none (Art 10.4)" />
        {file.resitExclusion && (
          <Fact
            label="Re-sits"
            value={`excluded for ${file.resitExclusion.academicYear} (plagiarism in period ${file.resitExclusion.period})`}
          />
        )}
      </SimpleGrid>
      <GpaLine gpa={file.gpa} />
    </Paper>
  );
}

/**
 * The one GPA of the exchange enrolment (ECTS-weighted over the graded courses), or why it is not shown:
 * the faculty decides (Student Portal FAQ, Where can I find my GPA?).
 */
function GpaLine({ gpa }: { gpa: ExchangeFile['gpa'] }) {
  return (
    <Group gap={6} mt="xs" aria-label="GPA">
      <Text size="xs" c="dimmed">
        {gpa.label}
      </Text>
      {!gpa.isShown ? (
        <Text size="xs" c="dimmed">
          not shown by the faculty setting (Student Portal FAQ)
        </Text>
      ) : gpa.gpa === null ? (
        <Text size="xs" c="dimmed">
          no graded course yet
        </Text>
      ) : (
        <Badge variant="light" color="gray" tt="none">
          {formatGpa(gpa.gpa)} (ECTS-weighted)
        </Badge>
      )}
    </Group>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" aria-label={label}>
        {value}
      </Text>
    </Stack>
  );
}

interface SectionProps {
  file: ExchangeFile;
  canEdit: boolean;
  onDone: (title: string, reasons: readonly Reason[]) => void;
  onError: (error: unknown) => void;
}

function Registrations({ file, canEdit, onDone, onError }: SectionProps) {
  const drop = useDropExchangeCourse();
  const periods = periodsOf(file.stay.semesters);
  return (
    <Stack gap="xs" component="section" aria-label="Course registrations">
      <Title order={4}>Course registrations</Title>
      {canEdit && <RegisterCourseForm file={file} periods={periods} onDone={onDone} onError={onError} />}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {periods.map((period) => {
          const courses = file.registrations.filter((r) => r.period === period);
          const violations = file.violations.filter((v) => v.period === period);
          return (
            <Paper key={period} withBorder p="xs" aria-label={`Period ${period}`} component="section">
              <Group justify="space-between" mb={4}>
                <Text fw={600} size="sm">
                  Period {period}
                  {period === 3 || period === 6 ? ' (skills, optional)' : ''}
                </Text>
                {violations.length === 0 ? (
                  <Badge size="sm" color="teal" variant="light">
                    in order
                  </Badge>
                ) : (
                  <Badge size="sm" color="orange" variant="light">
                    {violations.length} violation{violations.length > 1 ? 's' : ''}
                  </Badge>
                )}
              </Group>
              {courses.length === 0 && (
                <Text size="sm" c="dimmed">
                  No course registered.
                </Text>
              )}
              <Stack gap={4}>
                {courses.map((r) => (
                  <Group
                    key={r.courseId}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    aria-label={`Registration ${r.code}`}
                  >
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" td={r.status === 'dropped' ? 'line-through' : undefined}>
                        <b>{r.code}</b> {r.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.ects} ECTS{r.isSkillsTraining ? ' · skills training' : ''}
                        {r.status === 'dropped'
                          ? ` · dropped ${r.droppedOn ?? ''}, ${r.isOnTranscript ? 'stays on' : 'off'} the transcript`
                          : ''}
                      </Text>
                    </Stack>
                    {canEdit && r.status === 'registered' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        style={{ flexShrink: 0 }}
                        aria-label={`Drop ${r.code}`}
                        loading={drop.isPending && drop.variables.courseId === r.courseId}
                        onClick={() =>
                          drop.mutate(
                            { studentId: file.studentId, courseId: r.courseId },
                            {
                              onSuccess: (value) =>
                                onDone(
                                  `${r.code} dropped; ${value.isOnTranscript ? 'it stays on' : 'it leaves'} the transcript`,
                                  value.reasons,
                                ),
                              onError,
                            },
                          )
                        }
                      >
                        Drop
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
              {violations.length > 0 && (
                <Stack mt="xs" gap={2}>
                  <ReasonList reasons={violations} label={`Rule violations in period ${period}`} />
                </Stack>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function RegisterCourseForm({
  file,
  periods,
  onDone,
  onError,
}: {
  file: ExchangeFile;
  periods: number[];
  onDone: SectionProps['onDone'];
  onError: SectionProps['onError'];
}) {
  const [period, setPeriod] = useState<number | null>(periods[0] ?? null);
  const [search, setSearch] = useState('');
  const [courseId, setCourseId] = useState<string | null>(null);
  const courses = useExchangeCourses(period, search.length >= 2 && courseId === null ? search : '');
  const register = useRegisterExchangeCourse();
  // The chosen course stays an option when the list is fetched again without its search.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const fetched = (courses.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: `${c.code} ${c.title} (${c.ects} ECTS${c.isSkillsTraining ? ', skills' : ''})`,
  }));
  const options = chosen && !fetched.some((o) => o.value === chosen.value) ? [chosen, ...fetched] : fetched;
  return (
    <Group
      align="flex-end"
      gap="xs"
      component="form"
      aria-label="Register a course"
      onSubmit={(e) => {
        e.preventDefault();
        if (!courseId) return;
        register.mutate(
          { studentId: file.studentId, courseId: Number(courseId) },
          {
            onSuccess: (value) => {
              const code = value.file.registrations.find((r) => r.courseId === Number(courseId))?.code ?? '';
              onDone(`Registered for ${code}`, value.reasons);
              setCourseId(null);
              setSearch('');
            },
            onError,
          },
        );
      }}
    >
      <Select
        label="Period"
        data={periods.map((p) => ({ value: String(p), label: `Period ${p}` }))}
        value={period === null ? null : String(period)}
        onChange={(value) => {
          setPeriod(value ? Number(value) : null);
          setCourseId(null);
          setSearch('');
        }}
        allowDeselect={false}
        w={120}
      />
      <Select
        label="Course"
        placeholder="Code or title"
        data={options}
        value={courseId}
        onChange={(value, option) => {
          setCourseId(value);
          setChosen(value && option ? { value, label: option.label } : null);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={courses.isFetching ? 'Searching…' : 'No course of this period'}
        style={{ flex: 1 }}
        maxDropdownHeight={280}
      />
      <Button type="submit" disabled={!courseId} loading={register.isPending}>
        Register
      </Button>
    </Group>
  );
}

function Results({ file, canEdit, onDone, onError }: SectionProps) {
  const deregister = useDeregisterResit();
  const registerResit = useRegisterResit();
  const registered = file.registrations.filter((r) => r.isOnTranscript);
  return (
    <Stack gap="xs" component="section" aria-label="Exam attempts">
      <Title order={4}>Exam attempts and grades</Title>
      {file.attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No exam attempts yet: registering for a course registers for its first sitting.
        </Text>
      ) : (
        <Table striped verticalSpacing={4} aria-label="Exam attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Course</Table.Th>
              <Table.Th>Sitting</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th>Description</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.attempts.map((a) => {
              const hasResit = file.attempts.some((x) => x.courseId === a.courseId && x.sitting === 'resit');
              return (
                <Table.Tr
                  key={a.id}
                  aria-label={`${a.code} ${a.sitting === 'first' ? 'first sitting' : 're-sit'}`}
                >
                  <Table.Td>{a.code}</Table.Td>
                  <Table.Td>{a.sitting === 'first' ? 'first sitting' : 're-sit'}</Table.Td>
                  <Table.Td>
                    {a.status}
                    {a.sitting === 'resit' && a.status === 'registered'
                      ? a.registeredHow === 'automatic'
                        ? ' (automatically)'
                        : ' (on request)'
                      : ''}
                  </Table.Td>
                  <Table.Td fw={600} c={a.isPass === false ? 'red' : undefined}>
                    {a.grade ?? '—'}
                  </Table.Td>
                  <Table.Td>{a.description ?? ''}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      {a.sitting === 'resit' && a.status === 'registered' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Deregister ${a.code} re-sit`}
                          onClick={() =>
                            deregister.mutate(
                              { studentId: file.studentId, courseId: a.courseId },
                              {
                                onSuccess: () => onDone(`Deregistered from the re-sit of ${a.code}`, []),
                                onError,
                              },
                            )
                          }
                        >
                          Deregister
                        </Button>
                      )}
                      {((a.sitting === 'first' && a.status === 'graded' && a.isPass === false && !hasResit) ||
                        (a.sitting === 'resit' && a.status === 'deregistered')) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Register ${a.code} re-sit`}
                          onClick={() =>
                            registerResit.mutate(
                              { studentId: file.studentId, courseId: a.courseId },
                              {
                                onSuccess: (value) =>
                                  onDone(`Registered for the re-sit of ${a.code}`, value.reasons),
                                onError,
                              },
                            )
                          }
                        >
                          Register re-sit
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && registered.length > 0 && <RecordResultForm file={file} onDone={onDone} onError={onError} />}
    </Stack>
  );
}

function RecordResultForm({
  file,
  onDone,
  onError,
}: {
  file: ExchangeFile;
  onDone: SectionProps['onDone'];
  onError: SectionProps['onError'];
}) {
  const [courseId, setCourseId] = useState<string | null>(null);
  const [sitting, setSitting] = useState<'first' | 'resit'>('first');
  const [grade, setGrade] = useState('');
  const [gradedOn, setGradedOn] = useState(useToday());
  const record = useRecordExchangeResult();
  const courses = [...new Map(file.attempts.map((a) => [a.courseId, a.code])).entries()];
  return (
    <Group
      align="flex-end"
      gap="xs"
      component="form"
      aria-label="Record a result"
      onSubmit={(e) => {
        e.preventDefault();
        if (!courseId) return;
        const value = grade.trim().toUpperCase() === 'NG' ? 'NG' : Number(grade.replace(',', '.'));
        record.mutate(
          { studentId: file.studentId, courseId: Number(courseId), sitting, grade: value, gradedOn },
          {
            onSuccess: (result) => {
              const code = courses.find(([id]) => id === Number(courseId))?.[1] ?? '';
              onDone(`Result recorded for ${code}`, result.reasons);
              setGrade('');
            },
            onError,
          },
        );
      }}
    >
      <Select
        label="Result for"
        placeholder="Course"
        data={courses.map(([id, code]) => ({ value: String(id), label: code }))}
        value={courseId}
        onChange={setCourseId}
        w={160}
      />
      <Select
        label="Sitting"
        data={[
          { value: 'first', label: 'First sitting' },
          { value: 'resit', label: 'Re-sit' },
        ]}
        value={sitting}
        onChange={(value) => setSitting(value === 'resit' ? 'resit' : 'first')}
        allowDeselect={false}
        w={150}
      />
      <TextInput
        label="Grade"
        placeholder="1.0–10.0 or NG"
        value={grade}
        onChange={(e) => setGrade(e.currentTarget.value)}
        w={140}
      />
      <TextInput
        label="Graded on"
        type="date"
        value={gradedOn}
        onChange={(e) => setGradedOn(e.currentTarget.value)}
        w={160}
      />
      <Button type="submit" disabled={!courseId || grade.trim() === ''} loading={record.isPending}>
        Record result
      </Button>
    </Group>
  );
}

function Extension({ file }: { file: ExchangeFile }) {
  const isFall = file.stay.semesters.at(-1)?.endsWith('-fall') ?? true;
  const [requestedOn, setRequestedOn] = useState(useToday());
  const [homeUniversityPermits, setHome] = useState(false);
  const [iroPermits, setIro] = useState(false);
  const decide = useDecideExtension();
  const direction = isFall ? 'fall-to-spring' : 'spring-to-fall';
  const run = (dryRun: boolean) =>
    decide.mutate(
      { studentId: file.studentId, direction, requestedOn, homeUniversityPermits, iroPermits, dryRun },
      {
        onSuccess: (value) => {
          if (!dryRun) showDone(`Extension ${value.outcome}`);
        },
        onError: (error) => showDeskError(error),
      },
    );
  return (
    <Stack gap="xs" component="section" aria-label="Extension">
      <Title order={4}>Extension ({isFall ? 'fall → spring' : 'spring → next fall'})</Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Requested on"
          type="date"
          value={requestedOn}
          onChange={(e) => setRequestedOn(e.currentTarget.value)}
          w={160}
        />
        <Checkbox
          label="Home university permits"
          checked={homeUniversityPermits}
          onChange={(e) => setHome(e.currentTarget.checked)}
        />
        <Checkbox
          label="IRO permits"
          checked={iroPermits}
          onChange={(e) => setIro(e.currentTarget.checked)}
        />
        <Button
          variant="default"
          onClick={() => run(true)}
          loading={decide.isPending && decide.variables.dryRun}
        >
          Check conditions
        </Button>
        <Button onClick={() => run(false)} loading={decide.isPending && !decide.variables.dryRun}>
          Decide
        </Button>
      </Group>
      {decide.data && (
        <Paper withBorder p="xs" aria-label="Extension decision">
          <Text size="sm" fw={600} mb={4}>
            {decide.variables?.dryRun ? 'Would be ' : ''}
            {decide.data.outcome} · semesters {decide.data.semesters.map(semesterLabel).join(', ')}
          </Text>
          {decide.data.nextYearEnrolment && (
            <Text size="sm" mb={4} aria-label="Next year's enrolment">
              {decide.variables?.dryRun ? 'Would create' : 'Created'} the exchange enrolment of{' '}
              {decide.data.nextYearEnrolment.academicYear} from {decide.data.nextYearEnrolment.startDate}:{' '}
              {decide.data.nextYearEnrolment.feeReasons.map((r) => `${r.text} (${r.article})`).join(' ')}
            </Text>
          )}
          <List spacing={4} size="sm" aria-label="Extension conditions">
            {decide.data.conditions.map((c) => (
              <List.Item
                key={c.key}
                icon={
                  <ThemeIcon size={18} radius="xl" color={c.isMet ? 'teal' : 'red'} variant="light">
                    {c.isMet ? <IconCheck size={12} /> : <IconX size={12} />}
                  </ThemeIcon>
                }
              >
                <Text size="sm" span fw={600}>
                  {c.isMet ? 'met' : 'not met'} · {c.article}:{' '}
                </Text>
                <Text size="sm" span>
                  {c.text}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
