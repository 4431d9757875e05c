import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useState } from 'react';
import type { StudentResidence } from '../../../../shared/api/residence.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate } from '../fees/long-date';
import { CheckOutcomeBadge, LongTermResidentCheckForm } from './LongTermResidentCheckForm';
import { useRecordLongTermResidentDecision, useStudentResidence } from './useResidence';

const groupOutcomeColors: Record<NonNullable<StudentResidence['wsfGroup']>['outcome'], string> = {
  group: 'green',
  'no-group': 'gray',
  'needs-review': 'yellow',
};

/** The dialog in which staff check the wording of a residence document and record the decision on the student. */
function CheckResidenceDocumentModal({
  residence,
  opened,
  onClose,
}: {
  residence: StudentResidence;
  opened: boolean;
  onClose: () => void;
}) {
  const recorded = residence.longTermResident;
  const [memberState, setMemberState] = useState<string | null>(recorded?.memberState ?? null);
  const [wording, setWording] = useState(recorded?.documentWording ?? '');
  const record = useRecordLongTermResidentDecision();
  const canRecord = memberState !== null && wording.trim() !== '';
  const submit = () => {
    if (memberState === null) return;
    record.mutate(
      { studentId: residence.studentId, expectedVersion: residence.version, memberState, wording },
      {
        onSuccess: (result) => {
          const changed = result.reassessments.filter((r) => r.differenceCents !== 0);
          showDone(
            `App III decision recorded: ${result.check.outcome.replace('-', ' ')}.` +
              (changed.length === 0
                ? ' The fee did not change.'
                : ` Fee assessed again: ${changed
                    .map((r) => `${r.programmeName} ${r.academicYear} ${formatCents(r.differenceCents)}`)
                    .join('; ')}.`),
          );
          onClose();
        },
        onError: (error) => showDeskError(error),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={`Check residence document: ${residence.name}`}>
      <Stack>
        <LongTermResidentCheckForm
          memberState={memberState}
          wording={wording}
          onMemberStateChange={setMemberState}
          onWordingChange={setWording}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!canRecord} loading={record.isPending}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The student's residence: the App II group derived from the recorded data, and the App III decision. */
export function ResidenceSection({ studentId }: { studentId: number }) {
  const { staff } = useSession();
  const residence = useStudentResidence(studentId);
  const [isChecking, setChecking] = useState(false);
  const canRecord = staff?.role === 'desk' || staff?.role === 'ssc' || staff?.role === 'admin';
  if (residence.isLoading) return <Loader size="sm" />;
  if (residence.error) return <Alert color="red">{residence.error.message}</Alert>;
  const data = residence.data;
  if (!data) return null;
  const group = data.wsfGroup;
  const ltr = data.longTermResident;
  return (
    <Paper withBorder p="md" component="section" aria-label="WSF group and EU long-term residence">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>WSF group and EU long-term residence</Title>
          {canRecord && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconId size={16} />}
              disabled={!data.hasProfile}
              title={data.hasProfile ? undefined : 'Record the student’s profile first'}
              onClick={() => setChecking(true)}
            >
              Check residence document…
            </Button>
          )}
        </Group>
        {!data.hasProfile ? (
          <Text size="sm" c="dimmed">
            No profile is recorded for this student yet, so no WSF group can be derived (App II).
          </Text>
        ) : (
          group && (
            <Stack gap={6}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  WSF group (App II) on {formatLongDate(data.onDate)}:
                </Text>
                <Badge color={groupOutcomeColors[group.outcome]} variant="light" aria-label="WSF group">
                  {group.group !== null
                    ? `group ${group.group}`
                    : group.outcome === 'needs-review'
                      ? 'needs review'
                      : 'no group'}
                </Badge>
              </Group>
              <ReasonList reasons={group.reasons} label="Why this WSF group" />
            </Stack>
          )
        )}
        <Stack gap={6} aria-label="EU long-term resident decision">
          <Text size="sm" fw={600}>
            EU long-term resident status of another Member State (App III)
          </Text>
          {ltr === null || ltr.decided === undefined ? (
            <Text size="sm" c="dimmed">
              {ltr === null
                ? 'None recorded.'
                : `Status of ${ltr.memberStateName} recorded; the wording has not been checked yet.`}
            </Text>
          ) : (
            <Group gap="sm" align="center">
              <CheckOutcomeBadge outcome={ltr.decided} />
              <Text size="sm">
                {ltr.memberStateName}: “{ltr.documentWording}”
                {ltr.matchedTerm !== null && (
                  <>
                    {' '}
                    matches <b>{ltr.matchedTerm}</b>
                  </>
                )}
                {ltr.reviewedBy !== null &&
                  ` — decided by ${ltr.reviewedBy}${ltr.reviewedOn ? ` on ${formatLongDate(ltr.reviewedOn)}` : ''}`}
              </Text>
            </Group>
          )}
        </Stack>
      </Stack>
      {isChecking && (
        <CheckResidenceDocumentModal
          residence={data}
          opened={isChecking}
          onClose={() => setChecking(false)}
        />
      )}
    </Paper>
  );
}
