import { Alert, Badge, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatCents } from '../../../../shared/money';
import { DeskCallError } from '../../api/desk-client';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate } from './long-date';
import { PaymentPlanForm } from './PaymentPlanForm';
import { paymentMethodLabels } from '../../../../shared/api/payments.contract';
import { usePaymentPlan, type PaymentPlan, type PaymentPlanInput } from './usePaymentPlan';

/** A first enrolment for September paying in instalments; the fee still to be entered. */
const septemberInstalments: PaymentPlanInput = {
  academicYear: '2022-23',
  feeKind: 'tuition-fee',
  feeCents: 0,
  intake: 'september',
  round: 'first-enrolment',
  nationalityCountryCode: 'NL',
  latestEnrolmentDeadline: null,
  universityAppliesForStudyResidencePermit: false,
  facultyOffersInstalments: false,
  method: 'direct-debit-instalments',
  iban: null,
  debitDates: null,
};

/** By when the fee must be paid and what meets the deadline (Art 14). */
function DeadlineCard({ deadline }: { deadline: PaymentPlan['deadline'] }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label="Payment deadline">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              Payment deadline
            </Text>
            <Text fz={26} fw={700} aria-label="Deadline">
              {deadline.date === null
                ? 'Before the latest enrolment deadline'
                : `${deadline.relation === 'before' ? 'Before' : 'By'} ${formatLongDate(deadline.date)}`}
            </Text>
          </div>
          <Badge variant="light" color={deadline.satisfiedBy === 'payment' ? 'orange' : 'indigo'}>
            {deadline.satisfiedBy === 'payment'
              ? 'Payment received'
              : 'Payment or direct-debit authorisation'}
          </Badge>
        </Group>
        {deadline.feeMonthsBeforeVisaApplication !== null && (
          <Text size="sm">
            UM applies for the visa or residence permit once it has received{' '}
            {deadline.feeMonthsBeforeVisaApplication} months of the fee.
          </Text>
        )}
        <ReasonList reasons={deadline.reasons} label="Reasons: payment deadline" />
      </Stack>
    </Card>
  );
}

/** The ways of paying of Art 31.4, each allowed or refused with its articles. */
function MethodsCard({ plan, chosen }: { plan: PaymentPlan; chosen: PaymentPlanInput['method'] }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label="Ways of paying">
      <Title order={4} mb="sm">
        Ways of paying
      </Title>
      <Table verticalSpacing="sm" aria-label="Ways of paying">
        <Table.Tbody>
          {plan.methods.map((option) => (
            <Table.Tr key={option.method} bg={option.method === chosen ? 'gray.0' : undefined}>
              <Table.Td w="32%" style={{ verticalAlign: 'top' }}>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" fw={600}>
                    {paymentMethodLabels[option.method]}
                  </Text>
                  <Group gap={4}>
                    <Badge
                      color={option.allowed ? 'teal' : 'red'}
                      variant="light"
                      aria-label={`${option.method}: ${option.allowed ? 'allowed' : 'refused'}`}
                    >
                      {option.allowed ? 'Allowed' : 'Refused'}
                    </Badge>
                    {option.method === chosen && (
                      <Badge color="gray" variant="outline">
                        Chosen
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <ReasonList
                  reasons={option.reasons}
                  label={`Reasons: ${paymentMethodLabels[option.method]}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The instalment schedule of Art 31.4c, or why instalments are refused. */
function InstalmentsCard({ plan }: { plan: PaymentPlan['instalmentPlan'] }) {
  if (plan.outcome === 'refused') {
    return (
      <section aria-label="Instalments">
        <Alert color="red" variant="light" title="Instalments refused" role="status">
          <ReasonList reasons={plan.reasons} label="Reasons: instalments refused" />
        </Alert>
      </section>
    );
  }
  if (plan.feeCents === 0) {
    return (
      <section aria-label="Instalments">
        <Alert color="blue" variant="light" title="Instalments">
          Enter the fee to pay to see the instalment schedule.
        </Alert>
      </section>
    );
  }
  const count = plan.instalments.length;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Instalments">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {count} instalments by direct debit
            </Text>
            <Text fz={26} fw={700} aria-label="Instalments total">
              {formatCents(plan.totalCents)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatCents(plan.feeCents)} fee + {formatCents(plan.administrationChargeCents)} administration
              charge
            </Text>
          </div>
          <Badge color="teal" variant="light">
            Adds up exactly
          </Badge>
        </Group>
        <Table striped aria-label="Instalment schedule" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>No.</Table.Th>
              <Table.Th>Debit date</Table.Th>
              <Table.Th ta="right">Fee</Table.Th>
              <Table.Th ta="right">Administration charge</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.instalments.map((instalment) => (
              <Table.Tr key={instalment.number}>
                <Table.Td>{instalment.number}</Table.Td>
                <Table.Td c={instalment.debitDate ? undefined : 'dimmed'}>
                  {instalment.debitDate ? formatLongDate(instalment.debitDate) : 'on the UM website'}
                </Table.Td>
                <Table.Td ta="right">{formatCents(instalment.feeCents)}</Table.Td>
                <Table.Td ta="right">
                  {instalment.administrationChargeCents > 0
                    ? formatCents(instalment.administrationChargeCents)
                    : '—'}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatCents(instalment.amountCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>Total</Table.Th>
              <Table.Th ta="right" aria-label="Total fee">
                {formatCents(plan.feeCents)}
              </Table.Th>
              <Table.Th ta="right">{formatCents(plan.administrationChargeCents)}</Table.Th>
              <Table.Th ta="right" aria-label="Total amount">
                {formatCents(plan.totalCents)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        <ReasonList reasons={plan.reasons} label="Reasons: instalments" />
      </Stack>
    </Card>
  );
}

/** One payment of the whole fee, by transfer or direct debit (Art 31.4a–b). */
function OnePaymentCard({ plan, input }: { plan: PaymentPlan; input: PaymentPlanInput }) {
  const option = plan.methods.find((m) => m.method === input.method);
  return (
    <Card withBorder padding="lg" component="section" aria-label="One payment">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            One payment, {paymentMethodLabels[input.method]}
          </Text>
          <Text fz={26} fw={700}>
            {formatCents(input.feeCents)}
          </Text>
        </div>
        <Badge color={plan.isChosenMethodAllowed ? 'teal' : 'red'} variant="light">
          {plan.isChosenMethodAllowed ? 'Allowed' : 'Refused'}
        </Badge>
      </Group>
      {option && !option.allowed && (
        <Alert color="red" mt="sm" title="This way of paying is refused">
          <ReasonList reasons={option.reasons} label="Reasons: way of paying refused" />
        </Alert>
      )}
    </Card>
  );
}

/** The payment deadline, the ways of paying open or refused and the instalment schedule for a fee (Art 14, 31). */
export function PaymentPlanPage() {
  const [input, setInput] = useState<PaymentPlanInput>(septemberInstalments);
  const [debounced] = useDebouncedValue(input, 200);
  const plan = usePaymentPlan(debounced);
  const error = plan.error instanceof DeskCallError ? plan.error.shape : null;
  const fieldErrors: Record<string, string> = error?.field ? { [error.field]: error.message } : {};

  return (
    <Stack>
      <div>
        <Title order={2}>Payment plan</Title>
        <Text c="dimmed" size="sm" maw={760}>
          How and by when a fee can be paid: the payment deadline, the ways of paying allowed or refused, the
          IBAN check and the instalment schedule, with the articles (Art 14, 28.4, 31).
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PaymentPlanForm
            value={input}
            onChange={setInput}
            ibanCheck={plan.data?.ibanCheck}
            errors={fieldErrors}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            {plan.error && !error?.field && (
              <Alert color="red" title="This plan cannot be calculated" role="alert">
                {plan.error.message}
              </Alert>
            )}
            {plan.data && (
              <>
                {debounced.method === 'direct-debit-instalments' ? (
                  <InstalmentsCard plan={plan.data.instalmentPlan} />
                ) : (
                  <OnePaymentCard plan={plan.data} input={debounced} />
                )}
                <DeadlineCard deadline={plan.data.deadline} />
                <MethodsCard plan={plan.data} chosen={debounced.method} />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
