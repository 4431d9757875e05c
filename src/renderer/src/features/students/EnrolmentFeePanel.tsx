import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { EnrolmentView } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { ReasonList } from '../../components/ReasonList';
import { FactsForm } from '../fees/FactsForm';
import type { FeeFactsInput } from '../fees/useFeeQuote';
import { PaymentArrangementSection } from './PaymentArrangementSection';
import { TerminateEnrolmentModal } from './TerminateEnrolmentModal';
import { useReassess } from './useStudentFees';

/** Props of EnrolmentFeePanel. */
export interface EnrolmentFeePanelProps {
  enrolment: EnrolmentView;
  /** Whether the signed-in role may change the facts (desk, ssc, admin). */
  canReassess: boolean;
  /** Whether the signed-in role may end the enrolment (desk, admin). */
  canTerminate: boolean;
}

/** The fee of one enrolment: amount, kind, every reason with its article, and changing the facts. */
export function EnrolmentFeePanel({ enrolment, canReassess, canTerminate }: EnrolmentFeePanelProps) {
  const [isTerminating, setTerminating] = useState(false);
  const [facts, setFacts] = useState<FeeFactsInput | null>(null);
  const [reason, setReason] = useState('');
  const reassess = useReassess();
  const close = () => {
    setFacts(null);
    setReason('');
  };
  return (
    <Card withBorder padding="lg" component="section" aria-label={`Fee of ${enrolment.programmeName}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{enrolment.programmeName}</Title>
            <Text size="sm" c="dimmed">
              {enrolment.academicYear} · {enrolment.enrolmentKind} · {enrolment.mode} · from{' '}
              {enrolment.startDate}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Text fz={28} fw={700} aria-label="Fee amount">
              {formatCents(enrolment.fee.amountCents)}
            </Text>
            <Badge variant="light" aria-label="Fee kind">
              {enrolment.fee.kindLabel}
            </Badge>
          </Stack>
        </Group>
        <ReasonList reasons={enrolment.fee.reasons} label={`Fee reasons: ${enrolment.programmeName}`} />
        {enrolment.fee.amountCents > 0 && (
          <PaymentArrangementSection
            enrolmentId={enrolment.id}
            canArrange={canTerminate && enrolment.status === 'enrolled'}
          />
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Assessed by {enrolment.updatedBy}, {new Date(enrolment.updatedAt).toLocaleString('en-GB')}
          </Text>
          <Group gap="xs">
            {enrolment.status !== 'enrolled' && (
              <Badge color="gray" variant="outline" aria-label="Enrolment status">
                {enrolment.status}
              </Badge>
            )}
            {canReassess && enrolment.status === 'enrolled' && (
              <Button variant="light" size="xs" onClick={() => setFacts(enrolment.facts as FeeFactsInput)}>
                Change facts…
              </Button>
            )}
            {canTerminate && enrolment.status === 'enrolled' && (
              <Button variant="subtle" color="red" size="xs" onClick={() => setTerminating(true)}>
                End enrolment…
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      <TerminateEnrolmentModal
        enrolment={enrolment}
        opened={isTerminating}
        onClose={() => setTerminating(false)}
      />
      <Modal
        opened={facts !== null}
        onClose={close}
        size="xl"
        title={`Change the facts of ${enrolment.programmeName}`}
      >
        {facts && (
          <Stack>
            <FactsForm value={facts} onChange={setFacts} />
            <Textarea
              label="Why the facts change"
              description="Recorded in the audit trail and on the ledger"
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                loading={reassess.isPending}
                onClick={() =>
                  reassess.mutate(
                    { enrolmentId: enrolment.id, version: enrolment.version, facts, reason },
                    {
                      onSuccess: (result) => {
                        showDone(
                          result.differenceCents === 0
                            ? 'Assessed again: the fee is unchanged.'
                            : `Assessed again: ${result.differenceCents > 0 ? 'undercharge' : 'overcharge'} of ${formatCents(Math.abs(result.differenceCents))} booked${result.dueImmediatelyCents > 0 ? `, ${formatCents(result.dueImmediatelyCents)} due at once (Art 31.2)` : ''}${result.refundCents > 0 ? `, ${formatCents(result.refundCents)} to refund (Art 31.3)` : ''}.`,
                        );
                        close();
                      },
                      onError: (error) => showDeskError(error),
                    },
                  )
                }
              >
                Assess again and book the difference
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
