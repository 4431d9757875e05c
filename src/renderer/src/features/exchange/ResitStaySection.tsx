import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ResitStanding } from '../../../../shared/api/resit-retention.contract';
import { DeskCallError } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { ReasonList } from '../../components/ReasonList';
import { useRecordResitStay, useResitStanding, useWithdrawResitStay } from './useResitRetention';

/** Props of ResitStaySection. */
export interface ResitStaySectionProps {
  /** The exchange student shown. */
  studentId: number;
  /** Whether the signed-in member of staff may record and withdraw (IRO, administrator); default false. */
  canEdit?: boolean;
}

/** The state of active registration in a few words. */
function registrationText(standing: ResitStanding): string {
  const r = standing.registration;
  if (r.state === 'kept') return `kept until ${r.on ?? ''} for the period ${standing.resitPeriod} re-sits`;
  if (r.state === 'removed') return `removed from active registration on ${r.on ?? ''}`;
  return 'active';
}

/**
 * "Re-sits after the fall semester" in an exchange student's panel (Exchange guide, Location of the re-sit):
 * the state of active registration, the request to stay for the period-2 re-sits, and (for the IRO) recording
 * or withdrawing it; a request that makes no sense is refused with the rule.
 */
export function ResitStaySection({ studentId, canEdit = false }: ResitStaySectionProps) {
  const standing = useResitStanding(studentId);
  if (standing.isPending) return <Loader size="sm" />;
  if (standing.isError) return <Alert color="red">{standing.error.message}</Alert>;
  return <ResitStay standing={standing.data} canEdit={canEdit} />;
}

function ResitStay({ standing, canEdit }: { standing: ResitStanding; canEdit: boolean }) {
  const [date, setDate] = useState(standing.asOf);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useRecordResitStay();
  const withdraw = useWithdrawResitStay();
  const onError = (error: unknown) => {
    if (error instanceof DeskCallError && ['refused', 'validation'].includes(error.shape.kind))
      setRefusal(error.shape.message);
    else showDeskError(error);
  };
  const request = standing.request;
  const isRequested = request?.status === 'requested';
  const state = standing.registration.state;
  // The core refuses such a request anyway; the button says so before it is tried.
  const cannotRequest = !isRequested && standing.canRequest.outcome === 'refused';
  const refusalText = standing.canRequest.reasons.map((r) => `${r.text} (${r.article})`).join(' ');
  const cannotRequestId = useId();
  return (
    <Stack gap="xs" component="section" aria-label="Re-sits after the fall semester">
      <Title order={4}>Re-sits after the fall semester</Title>
      <Paper withBorder p="xs">
        <Group gap="xs" mb={4}>
          <Text size="sm">Active registration:</Text>
          <Badge
            color={state === 'removed' ? 'gray' : 'teal'}
            variant="light"
            tt="none"
            aria-label="Active registration"
          >
            {registrationText(standing)}
          </Badge>
          <Text size="sm" c="dimmed">
            UM account until {standing.registration.umAccountEndsOn}
          </Text>
        </Group>
        {standing.registration.reasons.length > 0 && (
          <ReasonList reasons={standing.registration.reasons} label="Reasons of the retention" />
        )}
        <Text size="sm" mt={4} aria-label="Request to stay">
          {request === null
            ? `No request to stay for the period ${standing.resitPeriod} re-sits.`
            : isRequested
              ? `Asked on ${request.requestedOn} to stay for the period ${standing.resitPeriod} re-sits (until ${standing.keptUntil})${request.note ? `: ${request.note}` : ''}.`
              : `The request of ${request.requestedOn} was withdrawn on ${request.withdrawnOn ?? ''}.`}
        </Text>
        {cannotRequest && (
          <Stack gap={2} mt={4} id={cannotRequestId}>
            <Text size="xs" c="dimmed">
              A request to stay cannot be recorded:
            </Text>
            <ReasonList reasons={standing.canRequest.reasons} label="Why no request can be recorded" />
          </Stack>
        )}
      </Paper>
      {refusal && (
        <Alert color="red" title="Refused" withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      {canEdit && state !== 'removed' && (
        <Group
          align="flex-end"
          gap="xs"
          component="form"
          aria-label="Request to stay for the re-sits"
          onSubmit={(e) => {
            e.preventDefault();
            setRefusal(null);
            if (isRequested) {
              withdraw.mutate(
                { studentId: standing.studentId, withdrawnOn: date },
                { onSuccess: () => showDone('Request to stay withdrawn'), onError },
              );
            } else {
              record.mutate(
                { studentId: standing.studentId, requestedOn: date, note: note.trim() || null },
                {
                  onSuccess: (next) => {
                    showDone(`Request to stay recorded: kept until ${next.keptUntil}`);
                    setNote('');
                  },
                  onError,
                },
              );
            }
          }}
        >
          <TextInput
            label={isRequested ? 'Withdrawn on' : 'Asked on'}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            w={160}
          />
          {!isRequested && (
            <TextInput
              label="Note"
              placeholder="e.g. e-mail of 16 January"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
          )}
          <Button
            type="submit"
            variant={isRequested ? 'default' : 'filled'}
            loading={record.isPending || withdraw.isPending}
            disabled={cannotRequest}
            title={cannotRequest ? `A request to stay cannot be recorded: ${refusalText}` : undefined}
            aria-describedby={cannotRequest ? cannotRequestId : undefined}
          >
            {isRequested ? 'Withdraw request' : 'Record request to stay'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
