import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCents } from '../../../../shared/money';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate } from './long-date';
import { feeKindLabels, outcomeLabels, refundBasisLabels, refundToLabels } from './refund-wording';
import type { RefundDecision } from './useRefund';

/** Props of RefundResultCard. */
export interface RefundResultCardProps {
  decision: RefundDecision;
}

/** One line of the result: a label and its figure. */
function Row({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={strong ? 700 : 500} w="45%">
        {label}
      </Table.Th>
      <Table.Td fw={strong ? 700 : undefined} ta="right">
        {children}
      </Table.Td>
    </Table.Tr>
  );
}

/** The refund decision: outcome, dates, refund, deductions with their articles, net refund and the reasons. */
export function RefundResultCard({ decision }: RefundResultCardProps) {
  const outcome = outcomeLabels[decision.outcome];
  return (
    <Card withBorder padding="lg" component="section" aria-label="Refund">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              Net refund
            </Text>
            <Text fz={34} fw={700} aria-label="Net refund">
              {formatCents(decision.netRefundCents)}
            </Text>
            {decision.refundDueBy && decision.refundTo && (
              <Text size="sm" c="dimmed">
                by {formatLongDate(decision.refundDueBy)} into {refundToLabels[decision.refundTo]}
              </Text>
            )}
          </div>
          <Stack gap={4} align="flex-end">
            <Badge size="lg" variant="light" color={outcome.color} aria-label="Outcome">
              {outcome.label}
            </Badge>
            <Badge variant="outline" color="gray">
              {feeKindLabels[decision.feeKind]}
            </Badge>
          </Stack>
        </Group>

        <Table aria-label="Refund figures" verticalSpacing={6} striped>
          <Table.Tbody>
            <Row label="Effective date">{formatLongDate(decision.effectiveDate)}</Row>
            <Row label="Months remaining">{decision.monthsRemaining}</Row>
            <Row label="Refund">
              {formatCents(decision.refundCents)}{' '}
              <Text span size="xs" c="dimmed">
                {refundBasisLabels[decision.refundBasis]}
              </Text>
            </Row>
            {decision.deductions.map((deduction, index) => (
              <Row key={index} label={`− ${deduction.description}`}>
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Badge size="sm" variant="light" color="gray">
                    {deduction.article}
                  </Badge>
                  <span>−{formatCents(deduction.amountCents)}</span>
                </Group>
              </Row>
            ))}
            <Row label="Net refund" strong>
              {formatCents(decision.netRefundCents)}
            </Row>
            <Row label="Still owed">{formatCents(decision.stillOwedCents)}</Row>
            <Row label="Refund due by">{formatLongDate(decision.refundDueBy)}</Row>
            <Row label="Paid into">{decision.refundTo ? refundToLabels[decision.refundTo] : '—'}</Row>
          </Table.Tbody>
        </Table>

        <div>
          <Title order={4} mb="xs">
            Reasons
          </Title>
          <ReasonList reasons={decision.reasons} label="Reasons: refund" />
        </div>
      </Stack>
    </Card>
  );
}
