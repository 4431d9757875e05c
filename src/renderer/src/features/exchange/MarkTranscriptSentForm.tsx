import { Button, Group, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useToday } from '../../api/useSession';

/** Props of MarkTranscriptSentForm. */
export interface MarkTranscriptSentFormProps {
  /** The button's text, e.g. 'Mark as sent to home university'. */
  label: string;
  /** What the confirmation asks, for the day chosen; e.g. 'Record that … was sent on 2023-02-10?'. */
  question: (sentOn: string) => string;
  /** Records the day; called only after the confirmation. */
  onConfirm: (sentOn: string) => void;
  /** Whether the recording is under way; default false. */
  isPending?: boolean;
  /** Whether there is nothing to record yet; default false. */
  disabled?: boolean;
}

/**
 * The day a transcript went to the home university (Exchange guide, Grade transcripts): a date that
 * defaults to today and a button that asks for confirmation before recording it, since a dispatch stays
 * on record.
 */
export function MarkTranscriptSentForm({
  label,
  question,
  onConfirm,
  isPending = false,
  disabled = false,
}: MarkTranscriptSentFormProps) {
  const [sentOn, setSentOn] = useState(useToday());
  return (
    <Group
      align="flex-end"
      gap="xs"
      component="form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (sentOn === '') return;
        modals.openConfirmModal({
          title: label,
          children: (
            <Text size="sm">
              {question(sentOn)} The dispatch stays on record with your name; it cannot be undone.
            </Text>
          ),
          labels: { confirm: 'Record as sent', cancel: 'Cancel' },
          onConfirm: () => onConfirm(sentOn),
        });
      }}
    >
      <TextInput
        label="Sent on"
        type="date"
        value={sentOn}
        onChange={(event) => setSentOn(event.currentTarget.value)}
        w={160}
        disabled={disabled}
      />
      <Button
        type="submit"
        variant="light"
        leftSection={<IconSend size={16} />}
        loading={isPending}
        disabled={disabled || sentOn === ''}
      >
        {label}
      </Button>
    </Group>
  );
}
