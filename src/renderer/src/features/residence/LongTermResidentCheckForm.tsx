import { Alert, Badge, Group, Loader, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import type { LongTermResidentCheck } from '../../../../shared/api/residence.contract';
import { DeskCallError } from '../../api/desk-client';
import { ReasonList } from '../../components/ReasonList';
import { useLongTermResidentCheck, useLongTermResidentStates } from './useResidence';

/** How each outcome of the App III check is shown. */
export const checkOutcomeLabels: Record<LongTermResidentCheck['outcome'], { label: string; color: string }> =
  {
    match: { label: 'match', color: 'green' },
    'no-match': { label: 'no match', color: 'red' },
    'needs-review': { label: 'needs review', color: 'yellow' },
  };

/** The outcome of the App III check as a badge. */
export function CheckOutcomeBadge({ outcome }: { outcome: LongTermResidentCheck['outcome'] }) {
  const { label, color } = checkOutcomeLabels[outcome];
  return (
    <Badge color={color} variant="filled" size="lg" aria-label="Outcome">
      {label}
    </Badge>
  );
}

/** Props of LongTermResidentCheckForm. */
export interface LongTermResidentCheckFormProps {
  memberState: string | null;
  wording: string;
  onMemberStateChange: (memberState: string | null) => void;
  onWordingChange: (wording: string) => void;
}

/**
 * Pick the Member State that issued the residence document and type or paste its wording; the App III
 * answer (match, no match, needs review) follows as one types, with the official term and the reasons.
 */
export function LongTermResidentCheckForm({
  memberState,
  wording,
  onMemberStateChange,
  onWordingChange,
}: LongTermResidentCheckFormProps) {
  const states = useLongTermResidentStates();
  const check = useLongTermResidentCheck(memberState, wording);
  const chosen = states.data?.states.find((s) => s.code === memberState);
  const error = check.error instanceof DeskCallError ? check.error.shape.message : check.error?.message;
  const isEmpty = memberState === null || wording.trim() === '';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Select
          label="Issuing Member State"
          description="The EU Member State that issued the residence document or passport sticker"
          placeholder="Type to search, e.g. Germany"
          searchable
          clearable
          nothingFoundMessage="No EU Member State of that name"
          data={(states.data?.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
          value={memberState}
          onChange={onMemberStateChange}
        />
        {chosen && (
          <Text size="xs" c="dimmed" aria-label="Terms of Appendix III">
            {chosen.terms.length === 0
              ? (chosen.reason ?? 'Appendix III lists no term for this state.')
              : `Appendix III: ${chosen.terms.map((t) => `“${t.text}”${t.former ? ' (former)' : ''}`).join(', ')}`}
          </Text>
        )}
      </Stack>
      <Textarea
        label="Wording on the residence document"
        description="Type or paste it as printed; dashes, spacing, case, diacritics and the final abbreviation may differ"
        autosize
        minRows={2}
        maxRows={6}
        value={wording}
        onChange={(event) => onWordingChange(event.currentTarget.value)}
      />
      <Paper withBorder p="md" aria-label="Check result" role="region">
        {isEmpty ? (
          <Text size="sm" c="dimmed">
            Choose the Member State and type the wording to see whether it shows EU long-term resident status
            (App III, App II k).
          </Text>
        ) : error ? (
          <Alert color="red" title="Cannot check this">
            {error}
          </Alert>
        ) : !check.data ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="sm">
            <Group gap="sm">
              <CheckOutcomeBadge outcome={check.data.outcome} />
              {check.isFetching && <Loader size="xs" />}
            </Group>
            {check.data.matchedTerm && (
              <Text size="sm" aria-label="Official term">
                Official term of {check.data.matchedTerm.stateName}: <b>{check.data.matchedTerm.term}</b>
                {check.data.matchedTerm.former ? ' (a former term)' : ''}
              </Text>
            )}
            {check.data.nearestTerm && (
              <Text size="sm" aria-label="Term to compare with">
                Compare with the term of {check.data.nearestTerm.stateName}:{' '}
                <b>{check.data.nearestTerm.term}</b>
                {check.data.nearestTerm.former ? ' (a former term)' : ''}
              </Text>
            )}
            <ReasonList reasons={check.data.reasons} label="Why" />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
