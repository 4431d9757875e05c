import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { refundFactsSchema } from '../../../../shared/facts/refund-facts';
import { FactsJsonEditor } from '../../components/FactsJsonEditor';
import { EuroInput } from './EuroInput';
import { endingLabels, levelLabels } from './refund-wording';
import type { RefundFactsInput } from './useRefund';

/** Props of RefundFactsForm. */
export interface RefundFactsFormProps {
  value: RefundFactsInput;
  onChange: (facts: RefundFactsInput) => void;
  /** What is wrong with the facts, by field path ('fee.paidCents'); default none. */
  issues?: Readonly<Record<string, string>>;
}

type Ending = RefundFactsInput['ending'];
type Debt = NonNullable<RefundFactsInput['outstandingDebts']>[number];
type Ects = NonNullable<RefundFactsInput['ects']>;

/** A fresh ending of each kind, its dates still to be entered. */
const emptyEndings: Record<Ending['reason'], Ending> = {
  'student-request': { reason: 'student-request', requestDate: '' },
  graduation: {
    reason: 'graduation',
    graduationDate: '',
    examinationRequirementsCompleted: true,
    terminationRequestDate: null,
  },
  death: { reason: 'death', dateOfDeath: '' },
  arrears: { reason: 'arrears', warningNoticeDate: '' },
};

const debtKinds: { value: NonNullable<Debt['kind']>; label: string }[] = [
  { value: 'tuition-fee', label: 'Tuition fee' },
  { value: 'study-fee', label: 'Study fee' },
  { value: 'examination-fee', label: 'Examination fee' },
  { value: 'administration-fee', label: 'Administration fee' },
  { value: 'other', label: 'Other' },
];

/** A date field of the facts: ISO text, '' while empty; the error only once something is entered. */
function DateField({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (date: string) => void;
  error?: string | undefined;
  description?: string;
}) {
  return (
    <TextInput
      label={label}
      type="date"
      description={description}
      value={value ?? ''}
      error={value ? error : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The ECTS of a pre-master's or professional master's (Art 34.3): both numbers, or none yet. */
function EctsFields({
  ects,
  onChange,
  issues,
}: {
  ects: Ects | null | undefined;
  onChange: (ects: Ects | null) => void;
  issues: Readonly<Record<string, string>>;
}) {
  const [draft, setDraft] = useState<{ programmeTotal: number | string; remaining: number | string }>({
    programmeTotal: ects?.programmeTotal ?? '',
    remaining: ects?.remaining ?? '',
  });
  const shown = ects ?? draft;
  const update = (patch: Partial<typeof draft>) => {
    const next = { ...shown, ...patch };
    setDraft(next);
    onChange(
      typeof next.programmeTotal === 'number' && typeof next.remaining === 'number'
        ? { programmeTotal: next.programmeTotal, remaining: next.remaining }
        : null,
    );
  };
  return (
    <SimpleGrid cols={2}>
      <NumberInput
        label="ECTS of the programme"
        description="Study fee refunded per ECTS remaining (Art 34.3)"
        min={0}
        decimalScale={2}
        value={shown.programmeTotal}
        onChange={(programmeTotal) => update({ programmeTotal })}
        error={issues['ects.programmeTotal'] ?? (shown.programmeTotal === '' ? issues['ects'] : undefined)}
      />
      <NumberInput
        label="ECTS remaining after the end"
        description="Not yet obtained when the enrolment ends"
        min={0}
        decimalScale={2}
        value={shown.remaining}
        onChange={(remaining) => update({ remaining })}
        error={issues['ects.remaining'] ?? (shown.remaining === '' ? issues['ects'] : undefined)}
      />
    </SimpleGrid>
  );
}

/** The dates of the ending chosen (Art 33, 35, 38). */
function EndingFields({
  ending,
  onChange,
  issues,
}: {
  ending: Ending;
  onChange: (ending: Ending) => void;
  issues: Readonly<Record<string, string>>;
}) {
  switch (ending.reason) {
    case 'student-request':
      return (
        <SimpleGrid cols={2}>
          <DateField
            label="Request date"
            description="Via Studielink (Art 33.2) or signed statement (Art 37.2)"
            value={ending.requestDate}
            error={issues['ending.requestDate']}
            onChange={(requestDate) => onChange({ ...ending, requestDate })}
          />
          <DateField
            label="Asked to take effect on"
            description="Optional; never retroactive (Art 33.2)"
            value={ending.requestedEffectiveDate}
            error={issues['ending.requestedEffectiveDate']}
            onChange={(date) => onChange({ ...ending, requestedEffectiveDate: date || null })}
          />
        </SimpleGrid>
      );
    case 'graduation':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <DateField
              label="Graduation date"
              description="As set by the Board of Examiners (Art 33.5)"
              value={ending.graduationDate}
              error={issues['ending.graduationDate']}
              onChange={(graduationDate) => onChange({ ...ending, graduationDate })}
            />
            <DateField
              label="Termination requested on"
              description="Empty if not requested via Studielink (Art 33.3)"
              value={ending.terminationRequestDate}
              error={issues['ending.terminationRequestDate']}
              onChange={(date) => onChange({ ...ending, terminationRequestDate: date || null })}
            />
          </SimpleGrid>
          <Checkbox
            label="All examination requirements completed when termination was requested (Art 33.5)"
            checked={ending.examinationRequirementsCompleted}
            onChange={(e) =>
              onChange({ ...ending, examinationRequirementsCompleted: e.currentTarget.checked })
            }
          />
        </Stack>
      );
    case 'death':
      return (
        <DateField
          label="Date of death"
          value={ending.dateOfDeath}
          error={issues['ending.dateOfDeath']}
          onChange={(dateOfDeath) => onChange({ ...ending, dateOfDeath })}
        />
      );
    case 'arrears':
      return (
        <SimpleGrid cols={2}>
          <DateField
            label="Warning notice (second reminder)"
            description="The date on the notice (Art 32.1b, 35)"
            value={ending.warningNoticeDate}
            error={issues['ending.warningNoticeDate']}
            onChange={(warningNoticeDate) => onChange({ ...ending, warningNoticeDate })}
          />
          <DateField
            label="Termination decided as of"
            description="Optional; not before Art 35 allows"
            value={ending.effectiveDate}
            error={issues['ending.effectiveDate']}
            onChange={(date) => onChange({ ...ending, effectiveDate: date || null })}
          />
        </SimpleGrid>
      );
  }
}

/** What else the student owes UM, deducted in this order before a refund is paid (Art 34.5). */
function DebtsFields({ debts, onChange }: { debts: readonly Debt[]; onChange: (debts: Debt[]) => void }) {
  const replace = (index: number, patch: Partial<Debt>) =>
    onChange(debts.map((debt, i) => (i === index ? { ...debt, ...patch } : debt)));
  return (
    <Stack gap="xs">
      {debts.length === 0 && (
        <Text size="sm" c="dimmed">
          No other debts.
        </Text>
      )}
      {debts.map((debt, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label="Debt"
            placeholder="Library fine"
            value={debt.description}
            onChange={(e) => replace(index, { description: e.currentTarget.value })}
          />
          <EuroInput
            style={{ flex: 1 }}
            label="Amount"
            cents={debt.amountCents}
            onCentsChange={(cents) => replace(index, { amountCents: cents ?? 0 })}
          />
          <Select
            style={{ flex: 1 }}
            label="Kind"
            clearable
            data={debtKinds}
            value={debt.kind ?? null}
            onChange={(kind) => {
              const { kind: _old, ...rest } = debt;
              onChange(
                debts.map((d, i) =>
                  i === index ? (kind ? { ...rest, kind: kind as Debt['kind'] } : rest) : d,
                ),
              );
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={`Remove debt ${index + 1}`}
            onClick={() => onChange(debts.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...debts, { description: '', amountCents: 0 }])}
        >
          Add a debt
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The facts of a refund after an enrolment ends (Art 33–39): a control for each fact, and the whole
 * facts document as JSON (the format of `desk fee refund --facts`).
 */
export function RefundFactsForm({ value, onChange, issues = {} }: RefundFactsFormProps) {
  const set = (patch: Partial<RefundFactsInput>) => onChange({ ...value, ...patch });
  const paysStudyFee = value.level === 'pre-master' || value.level === 'professional-master';

  return (
    <Stack gap="md">
      <Fieldset legend="Enrolment">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label="Academic year"
              value={value.academicYear}
              error={issues['academicYear']}
              onChange={(e) => set({ academicYear: e.currentTarget.value })}
            />
            <DateField
              label="Enrolment start"
              value={value.enrolmentStartDate}
              error={issues['enrolmentStartDate']}
              onChange={(enrolmentStartDate) => set({ enrolmentStartDate })}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Level"
              allowDeselect={false}
              data={Object.entries(levelLabels).map(([level, label]) => ({ value: level, label }))}
              value={value.level}
              onChange={(level) => level && set({ level: level as RefundFactsInput['level'] })}
            />
            <div>
              <Text size="sm" fw={500}>
                Kind of student
              </Text>
              <SegmentedControl
                fullWidth
                aria-label="Kind of student"
                data={[
                  { value: 'student', label: 'Student' },
                  { value: 'external-student', label: 'External student' },
                ]}
                value={value.studentKind}
                onChange={(kind) => set({ studentKind: kind })}
              />
              {issues['studentKind'] && (
                <Text size="xs" c="red" mt={4}>
                  {issues['studentKind']}
                </Text>
              )}
            </div>
          </SimpleGrid>
          {paysStudyFee && (
            <EctsFields ects={value.ects} onChange={(ects) => set({ ects })} issues={issues} />
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Fee">
        <SimpleGrid cols={3}>
          <EuroInput
            label="Fee for the year"
            description="Applicable fee (App I)"
            cents={value.fee.applicableCents}
            onCentsChange={(cents) => set({ fee: { ...value.fee, applicableCents: cents ?? 0 } })}
            error={issues['fee.applicableCents']}
          />
          <EuroInput
            label="Charged"
            description="If less than a year's fee"
            cents={value.fee.chargedCents}
            onCentsChange={(cents) => {
              const { chargedCents: _old, ...fee } = value.fee;
              set({ fee: cents === undefined ? fee : { ...fee, chargedCents: cents } });
            }}
            error={issues['fee.chargedCents']}
          />
          <EuroInput
            label="Paid"
            description="Received by UM"
            cents={value.fee.paidCents}
            onCentsChange={(cents) => set({ fee: { ...value.fee, paidCents: cents ?? 0 } })}
            error={issues['fee.paidCents']}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="How the enrolment ends">
        <Stack gap="sm">
          <Select
            label="Ending"
            allowDeselect={false}
            data={Object.entries(endingLabels).map(([reason, label]) => ({ value: reason, label }))}
            value={value.ending.reason}
            onChange={(reason) =>
              reason &&
              reason !== value.ending.reason &&
              set({ ending: emptyEndings[reason as Ending['reason']] })
            }
          />
          <EndingFields ending={value.ending} onChange={(ending) => set({ ending })} issues={issues} />
          <Stack gap="xs">
            <Checkbox
              label="Refund requested (Art 33.4, 38.2, 39.2)"
              checked={value.refundRequested}
              onChange={(e) => set({ refundRequested: e.currentTarget.checked })}
            />
            <Checkbox
              label="Paid by a third party (Art 14.3, 34.4)"
              checked={value.paidByThirdParty ?? false}
              onChange={(e) => set({ paidByThirdParty: e.currentTarget.checked })}
            />
          </Stack>
        </Stack>
      </Fieldset>

      <Fieldset legend="Other debts to UM (Art 34.5)">
        <DebtsFields
          debts={value.outstandingDebts ?? []}
          onChange={(outstandingDebts) => set({ outstandingDebts })}
        />
      </Fieldset>

      <FactsJsonEditor
        value={value}
        onChange={onChange}
        schema={refundFactsSchema}
        description="The same format as desk fee refund --facts (docs/refund-facts). Edit and leave the field to apply."
      />
    </Stack>
  );
}
