import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SscRequestView } from '../../../../shared/api/requests.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { fetchDecisionLetter, useCorrectDecisionLetter } from './useRequests';

/** Props of CorrectLetterModal. */
export interface CorrectLetterModalProps {
  /** The decided request whose letter is corrected. */
  request: SscRequestView;
  opened: boolean;
  onClose: () => void;
}

/**
 * The SSC director corrects a decision letter (Art 42, 44): why, and the reasoning as it should read. The
 * corrected letter gets a new number and verification code and supersedes the one before; the decision stands.
 */
export function CorrectLetterModal({ request, opened, onClose }: CorrectLetterModalProps) {
  const correct = useCorrectDecisionLetter();
  const [reason, setReason] = useState('');
  const [reasoning, setReasoning] = useState(request.decision?.reasoning ?? '');
  const letter = request.decision?.letter;
  const submit = () =>
    correct.mutate(
      {
        requestId: request.id,
        reason: reason.trim(),
        ...(reasoning.trim() !== (request.decision?.reasoning ?? '') ? { reasoning: reasoning.trim() } : {}),
      },
      {
        onSuccess: (view) => {
          showDone(
            `${view.decision?.letter?.number ?? 'The corrected letter'} issued; ${letter?.number ?? 'the letter before'} is superseded.`,
          );
          fetchDecisionLetter(view.id).then(
            (file) => downloadFile(file.fileName, 'application/pdf', file.pdfBase64),
            (error: unknown) => showDeskError(error),
          );
          onClose();
        },
        onError: (error) => showDeskError(error),
      },
    );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Correct decision letter ${letter?.number ?? ''}`}
      size="lg"
    >
      <Stack>
        <Text size="sm">
          A corrected letter with a new number and verification code replaces {letter?.number ?? 'the letter'}
          , which from then on verifies as superseded. The decision ({request.status}) and its date stand; a
          different outcome is for the Executive Board on objection (Art 43–44).
        </Text>
        <TextInput
          label="Why the letter is corrected"
          placeholder="the reasoning named the wrong academic year"
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Textarea
          label="Reasons as the corrected letter states them"
          autosize
          minRows={3}
          value={reasoning}
          onChange={(e) => setReasoning(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={reason.trim().length < 3 || reasoning.trim().length < 10}
            loading={correct.isPending}
            onClick={submit}
          >
            Issue corrected letter
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
