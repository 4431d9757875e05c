import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Grid,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import { formatCents } from '../../../../shared/money';
import { DeskCallError, desk, unwrap } from '../../api/desk-client';
import { showDone } from '../../api/show-error';
import { ReasonList, type Reason } from '../../components/ReasonList';
import { FactsForm } from '../fees/FactsForm';
import { useFeeProgrammes, type FeeFactsInput } from '../fees/useFeeQuote';
import { useApplyForEnrolment } from './useEnrolmentDesk';

type RequestInput = CallInput<'enrolments:apply'>['request'];
type Kind = NonNullable<RequestInput['kind']>;
type Mode = NonNullable<RequestInput['mode']>;
type AdmissionStatus = 'pending' | 'admitted' | 'refused';

/** The academic year the desk applies for; its provisions are loaded. */
const academicYear = '2022-23';
/** Art 4.1–4.3: the regular starts of the academic year. */
const regularStarts = [
  { value: '2022-09-01', label: '1 September 2022' },
  { value: '2023-02-01', label: '1 February 2023' },
  { value: 'other', label: 'Another date (Art 4.4)' },
];

interface ApplicationValues {
  programmeCode: string | null;
  kind: Kind;
  mode: Mode;
  /** '2022-09-01', '2023-02-01' or 'other'. */
  start: string;
  otherStartDate: string;
  decidedOn: string;
  decisionReference: string;
  admissionStatus: AdmissionStatus;
  hasDeficiencies: boolean;
  isExternalEnrolmentPermitted: boolean;
  nonEuEnrolmentDeadline: string;
}

const initialValues: ApplicationValues = {
  programmeCode: null,
  kind: 'regular',
  mode: 'full-time',
  start: '2022-09-01',
  otherStartDate: '',
  decidedOn: '',
  decisionReference: '',
  admissionStatus: 'admitted',
  hasDeficiencies: false,
  isExternalEnrolmentPermitted: false,
  nonEuEnrolmentDeadline: '',
};

/** The enrolment request of the contract from the form's values. */
function toRequest(v: ApplicationValues): RequestInput {
  const isOther = v.start === 'other';
  return {
    academicYear,
    programmeCode: v.programmeCode,
    kind: v.kind,
    mode: v.mode,
    startDate: isOther ? v.otherStartDate : v.start,
    admission: { status: v.admissionStatus, hasDeficiencies: v.hasDeficiencies },
    interimStartDecision:
      isOther && v.decidedOn !== ''
        ? { decidedOn: v.decidedOn, reference: v.decisionReference.trim() || null }
        : null,
    isExternalEnrolmentPermitted: v.isExternalEnrolmentPermitted,
    nonEuEnrolmentDeadline: v.nonEuEnrolmentDeadline || null,
  };
}

/** The facts with the enrolment part taken from the request, so that the two never disagree. */
function withRequest(facts: FeeFactsInput, request: RequestInput): FeeFactsInput {
  return {
    ...facts,
    programmeCode: request.programmeCode ?? null,
    enrolmentKind: request.kind ?? 'regular',
    mode: request.mode ?? 'full-time',
    startDate: request.startDate || undefined,
    isInterimEnrolmentPermitted: request.interimStartDecision != null,
  };
}

/** Why the application was not recorded: the refusal with its articles, or another message. */
type Problem = { kind: 'refused'; message: string; reasons: Reason[] } | { kind: 'other'; message: string };

function problemOf(error: unknown): Problem {
  if (!(error instanceof DeskCallError)) return { kind: 'other', message: String(error) };
  const { shape } = error;
  if (shape.kind === 'refused' && shape.details && shape.details.length > 0) {
    return {
      kind: 'refused',
      message: shape.message,
      reasons: shape.details.map((d) => ({ article: d.field ?? '', text: d.message })),
    };
  }
  return { kind: 'other', message: shape.message };
}

/** Props of ApplyForEnrolmentModal. */
export interface ApplyForEnrolmentModalProps {
  studentId: number;
  /** The student's name for the title. */
  studentName: string;
  onClose: () => void;
}

/**
 * Records an application at the desk: the enrolment request (programme, kind, mode, start with the
 * Art 4.4 decision, admission) and the fee facts prefilled from the profile for staff to complete.
 * A refusal shows its articles (Art 2–3); otherwise the enrolment appears with its checklist and fee.
 */
export function ApplyForEnrolmentModal({ studentId, studentName, onClose }: ApplyForEnrolmentModalProps) {
  const programmes = useFeeProgrammes();
  const apply = useApplyForEnrolment();
  const [values, setValues] = useState<ApplicationValues>(initialValues);
  const [facts, setFacts] = useState<FeeFactsInput | null>(null);
  const [isPrefilling, setPrefilling] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const request = toRequest(values);
  const isStartMissing = values.start === 'other' && values.otherStartDate === '';

  const prefill = (next: ApplicationValues) => {
    const nextRequest = toRequest(next);
    if (nextRequest.programmeCode === null || nextRequest.startDate === '') return;
    setPrefilling(true);
    unwrap(desk.enrolments.feeFactsFromProfile({ studentId, request: nextRequest }))
      .then((prefilled) => {
        setFacts(prefilled);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(problemOf(error)))
      .finally(() => setPrefilling(false));
  };

  const change = (patch: Partial<ApplicationValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // The profile prefills the facts once a programme is chosen; later changes keep staff's corrections.
    if (facts === null) prefill(next);
    else setFacts(withRequest(facts, toRequest(next)));
  };

  const submit = () => {
    if (!facts) return;
    setProblem(null);
    apply.mutate(
      { studentId, request, facts: withRequest(facts, request) },
      {
        onSuccess: (created) => {
          const e = created.enrolment;
          const requested = created.checklist?.filter((d) => d.record !== null).length ?? 0;
          showDone(
            `Application recorded: ${e.programmeName}, fee ${formatCents(e.fee.amountCents)} charged, ${requested} document${requested === 1 ? '' : 's'} requested.`,
          );
          onClose();
        },
        onError: (error) => setProblem(problemOf(error)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={`Apply for enrolment: ${studentName} (2022/23)`}>
      <form
        aria-label="Apply for enrolment"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Fieldset legend="The enrolment applied for">
            <Stack gap="sm">
              <Select
                label="Programme"
                required
                searchable
                data={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
                value={values.programmeCode}
                onChange={(programmeCode) => change({ programmeCode })}
                nothingFoundMessage="No programme matches"
                data-autofocus
              />
              <Grid>
                <Grid.Col span={8}>
                  <div>
                    <Text size="sm" fw={500}>
                      Kind (Art 2.4, 10)
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-label="Kind of enrolment"
                      data={[
                        { value: 'regular', label: 'Regular' },
                        { value: 'external', label: 'External' },
                        { value: 'exchange', label: 'Exchange' },
                        { value: 'subsidiary', label: 'Subsidiary' },
                      ]}
                      value={values.kind}
                      onChange={(kind) => change({ kind })}
                    />
                  </div>
                </Grid.Col>
                <Grid.Col span={4}>
                  <div>
                    <Text size="sm" fw={500}>
                      Mode (Art 2.3)
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-label="Mode"
                      data={[
                        { value: 'full-time', label: 'Full-time' },
                        { value: 'part-time', label: 'Part-time' },
                      ]}
                      value={values.mode}
                      onChange={(mode) => change({ mode })}
                    />
                  </div>
                </Grid.Col>
              </Grid>
              {values.kind === 'external' && (
                <Checkbox
                  label="The Executive Board found that external enrolment does not go against the programme (Art 2.4)"
                  checked={values.isExternalEnrolmentPermitted}
                  onChange={(e) => change({ isExternalEnrolmentPermitted: e.currentTarget.checked })}
                />
              )}
              <div>
                <Text size="sm" fw={500}>
                  Start (Art 4)
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-label="Start"
                  data={regularStarts}
                  value={values.start}
                  onChange={(start) => change({ start })}
                />
              </div>
              {values.start === 'other' && (
                <SimpleGrid cols={3}>
                  <TextInput
                    label="Start date"
                    type="date"
                    required
                    value={values.otherStartDate}
                    onChange={(e) => change({ otherStartDate: e.currentTarget.value })}
                  />
                  <TextInput
                    label="SSC director decided on (Art 4.4)"
                    type="date"
                    description="Empty while no decision is recorded."
                    value={values.decidedOn}
                    onChange={(e) => change({ decidedOn: e.currentTarget.value })}
                  />
                  <TextInput
                    label="Reference of the decision"
                    disabled={values.decidedOn === ''}
                    value={values.decisionReference}
                    onChange={(e) => change({ decisionReference: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
              <SimpleGrid cols={3}>
                <Select
                  label="Admission (Art 6–8)"
                  allowDeselect={false}
                  data={[
                    { value: 'admitted', label: 'Admitted' },
                    { value: 'pending', label: 'Decision pending' },
                    { value: 'refused', label: 'Refused' },
                  ]}
                  value={values.admissionStatus}
                  onChange={(status) => change({ admissionStatus: status ?? 'pending' })}
                />
                <Checkbox
                  mt="xl"
                  label="Deficiencies to eliminate (Art 13.1c)"
                  checked={values.hasDeficiencies}
                  onChange={(e) => change({ hasDeficiencies: e.currentTarget.checked })}
                />
                <TextInput
                  label="Non-EU enrolment deadline (Art 12.3)"
                  description="The programme’s, when known."
                  type="date"
                  value={values.nonEuEnrolmentDeadline}
                  onChange={(e) => change({ nonEuEnrolmentDeadline: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Divider />
          <Group justify="space-between">
            <div>
              <Title order={5}>Fee facts</Title>
              <Text size="sm" c="dimmed">
                Prefilled from the student’s profile; complete or correct what the file does not show (other
                enrolments, BBCs, exemptions).
              </Text>
            </div>
            {facts !== null && (
              <Button size="xs" variant="default" loading={isPrefilling} onClick={() => prefill(values)}>
                Prefill again from the profile
              </Button>
            )}
          </Group>
          {facts === null && !isPrefilling && (
            <Text size="sm" c="dimmed">
              Choose the programme to prefill the fee facts.
            </Text>
          )}
          {facts === null && isPrefilling && <Loader size="sm" />}
          {facts !== null && <FactsForm value={facts} onChange={setFacts} isEnrolmentFromApplication />}

          {problem?.kind === 'refused' && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title="The enrolment is refused (Art 2–3)"
              role="alert"
            >
              <ReasonList reasons={problem.reasons} label="Refusal reasons" />
            </Alert>
          )}
          {problem?.kind === 'other' && (
            <Alert color="red" title="Not recorded" role="alert">
              {problem.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={apply.isPending}
              disabled={facts === null || values.programmeCode === null || isStartMissing}
            >
              Record the application
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
