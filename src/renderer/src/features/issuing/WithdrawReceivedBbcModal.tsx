import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ReceivedBbc } from '../../../../shared/api/documents.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { useWithdrawReceivedBbc } from './useReceivedBbcs';

/** Props of WithdrawReceivedBbcModal. */
export interface WithdrawReceivedBbcModalProps {
  /** The received BBC to withdraw; the modal is closed while null. */
  bbc: ReceivedBbc | null;
  onClose: () => void;
  /** Called with the withdrawn BBC, whose `withdrawn.effect` says what it did to the fee. */
  onWithdrawn: (bbc: ReceivedBbc) => void;
}

/**
 * Confirms withdrawing a received BBC recorded by mistake, with the reason: it stops feeding the fee, which is
 * assessed again (Art 14.6, 30.1, 31.2–31.3); the record stays, marked withdrawn. It cannot be undone.
 */
export function WithdrawReceivedBbcModal({ bbc, onClose, onWithdrawn }: WithdrawReceivedBbcModalProps) {
  const withdraw = useWithdrawReceivedBbc();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Modal opened={bbc !== null} onClose={close} title={`Withdraw BBC ${bbc?.number ?? ''}`}>
      {bbc && (
        <Stack>
          <Alert color="orange" title="This cannot be undone">
            <Text size="sm">
              BBC {bbc.number} of {bbc.institution} ({formatCents(bbc.amountCents)}) stops counting for an
              exemption; the fee of the enrolment is assessed again without it and the difference booked. The
              record stays, marked withdrawn with your reason. Record the right BBC again afterwards if it
              belongs elsewhere.
            </Text>
          </Alert>
          <TextInput
            label="Why is it withdrawn?"
            placeholder="recorded on the wrong student"
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 3}
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(
                  { receivedBbcId: bbc.id, reason: reason.trim() },
                  {
                    onSuccess: (result) => {
                      showDone(`BBC ${result.bbc.number} withdrawn; the fee was assessed again.`);
                      onWithdrawn(result.bbc);
                      close();
                    },
                    onError: (error) => showDeskError(error),
                  },
                )
              }
            >
              Withdraw BBC {bbc.number}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
