import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { SscRequestView } from '../../../../shared/api/requests.contract';
import { CorrectLetterModal } from './CorrectLetterModal';

/** Props of DecisionLetterRegistration. */
export interface DecisionLetterRegistrationProps {
  /** A decided request whose letter is in the document register. */
  request: SscRequestView;
  /** Whether the member of staff may correct the letter (the SSC). Default false. */
  canCorrect?: boolean;
}

const statusColours = { valid: 'teal', revoked: 'red', superseded: 'gray' } as const;

/** The decision letter's register entry (number, verification code, status, what it corrected) and "Correct letter…". */
export function DecisionLetterRegistration({ request, canCorrect = false }: DecisionLetterRegistrationProps) {
  const [isCorrecting, setCorrecting] = useState(false);
  const letter = request.decision?.letter;
  if (!letter) return null;
  return (
    <Group justify="space-between" aria-label="Decision letter in the register">
      <Text size="sm">
        Letter {letter.number} · verification code <code>{letter.verificationCode}</code> · issued{' '}
        {letter.issuedAt.slice(0, 10)} by {letter.issuedBy}{' '}
        <Badge size="sm" variant="light" color={statusColours[letter.status]}>
          {letter.status}
        </Badge>
        {letter.supersedes.length > 0 && (
          <Text span size="xs" c="dimmed">
            {' '}
            (corrects {letter.supersedes.join(', ')})
          </Text>
        )}
      </Text>
      {canCorrect && letter.status === 'valid' && (
        <>
          <Button size="xs" variant="default" onClick={() => setCorrecting(true)}>
            Correct letter…
          </Button>
          {isCorrecting && (
            <CorrectLetterModal request={request} opened onClose={() => setCorrecting(false)} />
          )}
        </>
      )}
    </Group>
  );
}
