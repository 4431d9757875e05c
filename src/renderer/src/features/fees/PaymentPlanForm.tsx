import {
  Checkbox,
  Fieldset,
  Group,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { countryOptions } from './country-options';
import { EuroInput } from './EuroInput';
import { paymentMethodLabels } from '../../../../shared/api/payments.contract';
import type { PaymentPlan, PaymentPlanInput } from './usePaymentPlan';

/** Props of PaymentPlanForm. */
export interface PaymentPlanFormProps {
  value: PaymentPlanInput;
  onChange: (input: PaymentPlanInput) => void;
  /** The IBAN check of the last plan, shown beside the IBAN; default none. */
  ibanCheck?: PaymentPlan['ibanCheck'] | undefined;
  /** Errors from the desk by field ('debitDates'); default none. */
  errors?: Readonly<Record<string, string>>;
}

/** A labelled SegmentedControl, as the fee calculator lays them out. */
function Choice<T extends string>({
  label,
  value,
  data,
  onChange,
}: {
  label: string;
  value: T;
  data: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        aria-label={label}
        data={data}
        value={value}
        onChange={(v) => onChange(v)}
      />
    </div>
  );
}

/** The facts of a payment plan: fee, intake, who enrols, the way of paying and the account (Art 14, 31). */
export function PaymentPlanForm({ value, onChange, ibanCheck, errors = {} }: PaymentPlanFormProps) {
  const countries = useMemo(() => countryOptions(), []);
  const [debitDatesText, setDebitDatesText] = useState((value.debitDates ?? []).join('\n'));
  const set = (patch: Partial<PaymentPlanInput>) => onChange({ ...value, ...patch });
  const feeKind = value.feeKind ?? 'tuition-fee';

  return (
    <Stack gap="md">
      <Fieldset legend="Fee">
        <Stack gap="sm">
          <EuroInput
            label="Fee to pay"
            description="The fee owed for the enrolment, without the administration charge of instalments"
            cents={value.feeCents}
            onCentsChange={(cents) => set({ feeCents: cents ?? 0 })}
            error={errors['feeCents']}
          />
          <Choice
            label="Kind of fee"
            value={feeKind}
            data={[
              { value: 'tuition-fee', label: 'Tuition fee' },
              { value: 'study-fee', label: 'Study fee' },
              { value: 'examination-fee', label: 'Examination fee' },
            ]}
            onChange={(kind) => set({ feeKind: kind })}
          />
          {feeKind === 'study-fee' && (
            <Checkbox
              label="The faculty board offers the study fee in instalments (Art 28.4)"
              checked={value.facultyOffersInstalments ?? false}
              onChange={(e) => set({ facultyOffersInstalments: e.currentTarget.checked })}
            />
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Enrolment">
        <Stack gap="sm">
          <Choice
            label="Intake"
            value={value.intake}
            data={[
              { value: 'september', label: 'September' },
              { value: 'february', label: 'February' },
            ]}
            onChange={(intake) => set({ intake })}
          />
          <Choice
            label="Enrolment round"
            value={value.round ?? 'first-enrolment'}
            data={[
              { value: 'first-enrolment', label: 'First enrolment at UM' },
              { value: 're-enrolment', label: 'Re-enrolment' },
            ]}
            onChange={(round) => set({ round })}
          />
          <Group grow align="flex-start">
            <Select
              label="Nationality"
              description="As registered (Art 14.4)"
              searchable
              allowDeselect={false}
              data={countries}
              value={value.nationalityCountryCode}
              onChange={(code) => code && set({ nationalityCountryCode: code })}
              error={errors['nationalityCountryCode']}
            />
            <TextInput
              label="Latest enrolment deadline"
              description="Non-EU/EEA, first enrolment (Art 12.3)"
              type="date"
              value={value.latestEnrolmentDeadline ?? ''}
              onChange={(e) => set({ latestEnrolmentDeadline: e.currentTarget.value || null })}
              error={errors['latestEnrolmentDeadline']}
            />
          </Group>
          <Checkbox
            label="UM applies for the student's residence permit for study (Art 31.6–31.7)"
            checked={value.universityAppliesForStudyResidencePermit ?? false}
            onChange={(e) => set({ universityAppliesForStudyResidencePermit: e.currentTarget.checked })}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Payment">
        <Stack gap="sm">
          <Radio.Group
            label="Way of paying"
            value={value.method}
            onChange={(method) => set({ method: method })}
          >
            <Stack gap={6} mt={6}>
              {Object.entries(paymentMethodLabels).map(([method, label]) => (
                <Radio key={method} value={method} label={label} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label="IBAN"
            description={
              ibanCheck?.isValid ? (
                <Text span size="xs" c="teal">
                  <IconCircleCheck size={12} style={{ verticalAlign: 'middle' }} /> {ibanCheck.message}
                </Text>
              ) : (
                'The account to be debited (SEPA, Art 31.4b–c)'
              )
            }
            placeholder="NL91 ABNA 0417 1643 00"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={value.iban ?? ''}
            onChange={(e) => set({ iban: e.currentTarget.value || null })}
            error={ibanCheck && !ibanCheck.isValid ? `Not a valid IBAN: ${ibanCheck.message}` : undefined}
          />
          <Textarea
            label="Debit dates of the instalments"
            description="Optional: the dates on the UM website (Art 31.4c), one per line, YYYY-MM-DD"
            autosize
            minRows={2}
            maxRows={8}
            value={debitDatesText}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setDebitDatesText(text);
              const dates = text.split(/[\s,;]+/).filter(Boolean);
              set({ debitDates: dates.length === 0 ? null : dates });
            }}
            error={
              errors['debitDates'] ?? Object.entries(errors).find(([f]) => f.startsWith('debitDates.'))?.[1]
            }
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
