import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { LongTermResidentCheckForm } from './LongTermResidentCheckForm';

/** The App III check on its own: does the wording on another Member State's residence document match? */
export function LongTermResidentCheckPage() {
  const [memberState, setMemberState] = useState<string | null>(null);
  const [wording, setWording] = useState('');
  return (
    <Stack maw={760}>
      <Title order={2}>EU long-term resident check</Title>
      <Text size="sm" c="dimmed">
        Check the wording on a residence document of another EU Member State against the terms of Appendix
        III, without a student. To record the decision on a student, use the residence section of the
        student’s file.
      </Text>
      <LongTermResidentCheckForm
        memberState={memberState}
        wording={wording}
        onMemberStateChange={setMemberState}
        onWordingChange={setWording}
      />
    </Stack>
  );
}
