import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api';
import type { PaymentArrangement, PaymentMethodId } from '../../../../shared/api/payments.contract';
import { formatCents } from '../../../../shared/money';
import { DeskCallError } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { ReasonList } from '../../components/ReasonList';
import { formatShortDate } from '../fees/long-date';
import { useArrangePayment, usePaymentArrangement } from './usePaymentArrangement';

type Options = CallOutput<'payments:arrangement'>;

const statusColours: Record<PaymentArrangement['instalments'][number]['status'], string> = {
  paid: 'teal',
  'part-paid': 'yellow',
  upcoming: 'gray',
  overdue: 'red',
};

/** Shows an IBAN as banks print it, in groups of four, with all but the last four characters masked. */
function maskIban(iban: string): string {
  const masked = iban.slice(0, 4) + '•'.repeat(Math.max(0, iban.length - 8)) + iban.slice(-4);
  return masked.replace(/(.{4})/g, '$1 ').trim();
}

/** The instalment schedule with what the payments booked cover of each instalment. */
function InstalmentTable({ arrangement }: { arrangement: PaymentArrangement }) {
  return (
    <Table striped withTableBorder aria-label="Instalment schedule" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Debit date</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
          <Table.Th ta="right">Paid</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {arrangement.instalments.map((instalment) => (
          <Table.Tr key={instalment.number}>
            <Table.Td>{instalment.number}</Table.Td>
            <Table.Td>{formatShortDate(instalment.debitDate)}</Table.Td>
            <Table.Td ta="right">
              {formatCents(instalment.amountCents)}
              {instalment.administrationChargeCents > 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (incl. {formatCents(instalment.administrationChargeCents)} charge)
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatCents(instalment.paidCents)}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={statusColours[instalment.status]}>
                {instalment.status}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th colSpan={2}>Total</Table.Th>
          <Table.Th ta="right" aria-label="Instalments total">
            {formatCents(arrangement.totalCents)}
          </Table.Th>
          <Table.Th ta="right">
            {formatCents(arrangement.instalments.reduce((sum, i) => sum + i.paidCents, 0))}
          </Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

interface FormState {
  method: PaymentMethodId;
  iban: string;
  accountHolder: string;
  signedOn: string;
  debitDates: string[];
  hasThirdPartyPayer: boolean;
  payerName: string;
  payerAuthorisedOn: string;
}

function initialForm(current: PaymentArrangement | null, options: Options): FormState {
  const count = options.options.find((o) => o.method === 'direct-debit-instalments')?.instalmentCount ?? 0;
  const dates = current?.instalments.map((i) => i.debitDate) ?? [];
  const suggested = options.suggestedDebitDates.length === count ? options.suggestedDebitDates : [];
  return {
    method: current?.method ?? 'lump-sum-transfer',
    iban: current?.mandate?.iban ?? '',
    accountHolder: current?.mandate?.accountHolder ?? '',
    signedOn: current?.mandate?.signedOn ?? '',
    debitDates: Array.from({ length: count }, (_, i) => dates[i] ?? suggested[i] ?? ''),
    hasThirdPartyPayer: current?.thirdPartyPayer !== null && current?.thirdPartyPayer !== undefined,
    payerName: current?.thirdPartyPayer?.name ?? '',
    payerAuthorisedOn: current?.thirdPartyPayer?.authorisationReceivedOn ?? '',
  };
}

/** Choosing the way of paying: refused ways stay visible with their article; a direct debit asks for the mandate. */
function ArrangementModal({
  enrolmentId,
  options,
  current,
  onClose,
}: {
  enrolmentId: number;
  options: Options;
  current: PaymentArrangement | null;
  onClose: () => void;
}) {
  const arrange = useArrangePayment();
  const [form, setForm] = useState(() => initialForm(current, options));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const isDirectDebit = form.method !== 'lump-sum-transfer';

  const submit = () => {
    setFieldErrors({});
    arrange.mutate(
      {
        enrolmentId,
        method: form.method,
        mandate: isDirectDebit
          ? { iban: form.iban, accountHolder: form.accountHolder, signedOn: form.signedOn }
          : null,
        thirdPartyPayer: form.hasThirdPartyPayer
          ? { name: form.payerName, authorisationReceivedOn: form.payerAuthorisedOn }
          : null,
        debitDates: form.method === 'direct-debit-instalments' ? form.debitDates : [],
        ...(current ? { expectedVersion: current.version } : {}),
      },
      {
        onSuccess: (saved) => {
          showDone(`Payment arrangement recorded: ${saved.methodLabel}.`);
          onClose();
        },
        onError: (error) => {
          // A field error shows beside its field; anything else as a notification.
          if (error instanceof DeskCallError && 'field' in error.shape && error.shape.field) {
            setFieldErrors({ [error.shape.field]: error.shape.message });
          } else showDeskError(error);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Radio.Group
          label="Way of paying"
          value={form.method}
          onChange={(method) => set({ method })}
          error={fieldErrors.method}
        >
          <Stack gap="xs" mt="xs">
            {options.options.map((option) => (
              <div key={option.method}>
                <Radio value={option.method} label={option.label} disabled={!option.allowed} />
                {!option.allowed && (
                  <Text size="xs" c="dimmed" ml={30}>
                    {option.reasons.map((r) => `${r.text} (${r.article})`).join(' ')}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </Radio.Group>
        {isDirectDebit && (
          <SimpleGrid cols={3}>
            <TextInput
              label="IBAN"
              required
              value={form.iban}
              onChange={(e) => set({ iban: e.currentTarget.value })}
              error={fieldErrors['mandate.iban']}
            />
            <TextInput
              label="Account holder"
              required
              value={form.accountHolder}
              onChange={(e) => set({ accountHolder: e.currentTarget.value })}
            />
            <TextInput
              label="Mandate signed on"
              type="date"
              required
              value={form.signedOn}
              onChange={(e) => set({ signedOn: e.currentTarget.value })}
            />
          </SimpleGrid>
        )}
        {fieldErrors.mandate && <Alert color="red">{fieldErrors.mandate}</Alert>}
        {form.method === 'direct-debit-instalments' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Debit dates as published on the UM website (Art 31.4c)
            </Text>
            <SimpleGrid cols={4}>
              {form.debitDates.map((date, index) => (
                <TextInput
                  key={index}
                  label={`Instalment ${index + 1}`}
                  type="date"
                  required
                  value={date}
                  onChange={(e) => {
                    const debitDates = [...form.debitDates];
                    debitDates[index] = e.currentTarget.value;
                    set({ debitDates });
                  }}
                />
              ))}
            </SimpleGrid>
            {fieldErrors.debitDates && (
              <Text size="sm" c="red">
                {fieldErrors.debitDates}
              </Text>
            )}
          </Stack>
        )}
        <Checkbox
          label="A named third party pays the fees (Art 14.3)"
          checked={form.hasThirdPartyPayer}
          onChange={(e) => set({ hasThirdPartyPayer: e.currentTarget.checked })}
        />
        {form.hasThirdPartyPayer && (
          <SimpleGrid cols={2}>
            <TextInput
              label="Third party"
              required
              value={form.payerName}
              onChange={(e) => set({ payerName: e.currentTarget.value })}
            />
            <TextInput
              label="Authorisation received on"
              type="date"
              required
              value={form.payerAuthorisedOn}
              onChange={(e) => set({ payerAuthorisedOn: e.currentTarget.value })}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={arrange.isPending}>
            Record the arrangement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How an enrolment's fee is paid: the arrangement, its mandate and payer, and the instalment schedule. */
export function PaymentArrangementSection({
  enrolmentId,
  canArrange,
}: {
  enrolmentId: number;
  canArrange: boolean;
}) {
  const query = usePaymentArrangement(enrolmentId);
  const [isEditing, setEditing] = useState(false);
  if (query.error) return <Alert color="red">{query.error.message}</Alert>;
  if (!query.data) return null;
  const { arrangement } = query.data;
  return (
    <Stack gap="xs" aria-label="Payment arrangement" component="section">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Payment:{' '}
          <Text span size="sm" fw={400} aria-label="Payment method">
            {arrangement ? arrangement.methodLabel : 'no arrangement recorded'}
          </Text>
        </Text>
        {canArrange && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            {arrangement ? 'Change payment…' : 'Record payment arrangement…'}
          </Button>
        )}
      </Group>
      {arrangement?.mandate && (
        <Text size="sm" c="dimmed">
          SEPA mandate {arrangement.mandate.reference}: {maskIban(arrangement.mandate.iban)},{' '}
          {arrangement.mandate.accountHolder}, signed {formatShortDate(arrangement.mandate.signedOn)}
        </Text>
      )}
      {arrangement?.thirdPartyPayer && (
        <Text size="sm" c="dimmed">
          Paid by {arrangement.thirdPartyPayer.name} (authorised{' '}
          {formatShortDate(arrangement.thirdPartyPayer.authorisationReceivedOn)}, Art 14.3)
        </Text>
      )}
      {arrangement && arrangement.instalments.length > 0 && <InstalmentTable arrangement={arrangement} />}
      {arrangement && <ReasonList reasons={arrangement.reasons} label="Payment reasons" />}
      <Modal
        opened={isEditing}
        onClose={() => setEditing(false)}
        size="xl"
        title={arrangement ? 'Change the payment arrangement' : 'Record the payment arrangement'}
      >
        {isEditing && (
          <ArrangementModal
            enrolmentId={enrolmentId}
            options={query.data}
            current={arrangement}
            onClose={() => setEditing(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}
