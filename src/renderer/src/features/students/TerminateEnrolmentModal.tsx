import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { EnrolmentView } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useToday } from '../../api/useSession';
import { RefundResultCard } from '../fees/RefundResultCard';
import { useAnnounceInstitutionsToInform } from '../issuing/useReceivedBbcs';

/** Props of TerminateEnrolmentModal. */
export interface TerminateEnrolmentModalProps {
  enrolment: EnrolmentView;
  opened: boolean;
  onClose: () => void;
}

/** Ends an enrolment at the student's request: first the refund calculation (Art 33–34), then, confirmed, the booking. */
export function TerminateEnrolmentModal({ enrolment, opened, onClose }: TerminateEnrolmentModalProps) {
  const queryClient = useQueryClient();
  const announceInstitutionsToInform = useAnnounceInstitutionsToInform();
  const [requestDate, setRequestDate] = useState(useToday());
  const [refundRequested, setRefundRequested] = useState(true);
  const [remainingEcts, setRemainingEcts] = useState<number | string>('');
  const needsEcts =
    enrolment.programmeCode?.startsWith('pm-') === true ||
    enrolment.programmeCode?.startsWith('pro-') === true;
  const input = (dryRun: boolean): CallInput<'ledger:terminate'> => ({
    enrolmentId: enrolment.id,
    version: enrolment.version,
    requestDate,
    refundRequested,
    ...(needsEcts && remainingEcts !== '' ? { remainingEcts: Number(remainingEcts) } : {}),
    dryRun,
  });
  const calculate = useMutation({ mutationFn: () => unwrap(desk.ledger.terminate(input(true))) });
  const terminate = useMutation({
    mutationFn: () => unwrap(desk.ledger.terminate(input(false))),
    onSuccess: (result) => {
      showDone(
        `Enrolment ${result.enrolment.status} as of ${result.refund.effectiveDate ?? requestDate}; refund ${formatCents(result.refund.netRefundCents)} booked.`,
      );
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      // Art 33.7: institutions that received a UM BBC for this enrolment are to be informed.
      announceInstitutionsToInform(result.enrolment.studentId, result.enrolment.id);
      onClose();
    },
    onError: (error) => showDeskError(error),
  });
  const decision = calculate.data?.refund;
  const canTerminate = decision?.outcome === 'terminated' || decision?.outcome === 'cancelled-before-start';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={`End the enrolment in ${enrolment.programmeName}`}
    >
      <Stack>
        <Group grow align="flex-end">
          <TextInput
            label="Request received on (Studielink)"
            type="date"
            value={requestDate}
            onChange={(e) => {
              setRequestDate(e.currentTarget.value);
              calculate.reset();
            }}
          />
          {needsEcts && (
            <NumberInput
              label="ECTS still to be obtained (Art 34.3)"
              min={0}
              value={remainingEcts}
              onChange={(v) => {
                setRemainingEcts(v);
                calculate.reset();
              }}
            />
          )}
          <Checkbox
            label="The student asked for a refund"
            checked={refundRequested}
            onChange={(e) => {
              setRefundRequested(e.currentTarget.checked);
              calculate.reset();
            }}
          />
        </Group>
        <Group>
          <Button variant="light" loading={calculate.isPending} onClick={() => calculate.mutate()}>
            Calculate the refund
          </Button>
        </Group>
        {calculate.error && <Alert color="red">{calculate.error.message}</Alert>}
        {decision && <RefundResultCard decision={decision} />}
        {decision && !canTerminate && (
          <Text size="sm" c="orange">
            This request does not end the enrolment now; see the reasons.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!canTerminate}
            loading={terminate.isPending}
            onClick={() => terminate.mutate()}
          >
            End the enrolment and book the refund
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
