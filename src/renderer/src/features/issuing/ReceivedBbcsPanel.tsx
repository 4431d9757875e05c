import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { ReceivedBbc } from '../../../../shared/api/documents.contract';
import type { EnrolmentView } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { useToday } from '../../api/useSession';
import { ReasonList } from '../../components/ReasonList';
import { EuroInput } from '../fees/EuroInput';
import { InstitutionsToInformList } from './InstitutionsToInformList';
import { useInstitutionsToInform, useReceivedBbcs, useRecordReceivedBbc } from './useReceivedBbcs';
import { WithdrawReceivedBbcModal } from './WithdrawReceivedBbcModal';

/** Props of ReceivedBbcsPanel. */
export interface ReceivedBbcsPanelProps {
  /** The student whose received BBCs and institutions to inform are shown. */
  studentId: number;
  /** The student's enrolments, to record a BBC on. */
  enrolments: readonly EnrolmentView[];
  /** Whether the member of staff may record or withdraw a received BBC (desk, admin). Default false. */
  canRecord?: boolean;
  /** Whether the member of staff may record an institution as informed (desk, ssc, admin). Default false. */
  canInform?: boolean;
}

type Draft = Omit<CallInput<'documents:recordReceivedBbc'>, 'amountCents'> & {
  amountCents: number | undefined;
};

const feeKindOptions = [
  { value: 'statutory', label: 'Statutory tuition fee' },
  { value: 'low-statutory', label: 'Low statutory tuition fee' },
  { value: 'high-statutory', label: 'High statutory tuition fee' },
  { value: 'institutional', label: 'Institutional tuition fee' },
  { value: 'course-fee', label: 'Course fee' },
  { value: 'none', label: 'No fee' },
];

function draftFor(enrolment: EnrolmentView, today: string): Draft {
  const start = Number(enrolment.academicYear.slice(0, 4));
  return {
    enrolmentId: enrolment.id,
    number: '',
    institution: '',
    institutionKind: 'dutch-higher-education',
    programmeLevel: 'bachelor',
    feeKind: 'statutory',
    amountCents: undefined,
    academicYear: enrolment.academicYear,
    periodFrom: `${start}-09-01`,
    periodTo: `${start + 1}-08-31`,
    receivedOn: today,
  };
}

/**
 * BBCs received from other institutions (Art 14.6, 30.1–30.5), each with what it did to the fee, a modal to
 * record one on an enrolment, and for ended enrolments the institutions that received a UM BBC (Art 33.7).
 */
export function ReceivedBbcsPanel({
  studentId,
  enrolments,
  canRecord = false,
  canInform = false,
}: ReceivedBbcsPanelProps) {
  const today = useToday();
  const received = useReceivedBbcs(studentId);
  const toInform = useInstitutionsToInform(studentId);
  const record = useRecordReceivedBbc();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [lastEffect, setLastEffect] = useState<ReceivedBbc | null>(null);
  const [withdrawing, setWithdrawing] = useState<ReceivedBbc | null>(null);
  const open = enrolments.filter((e) => !['terminated', 'cancelled', 'denied'].includes(e.status));

  const submit = () => {
    if (!draft || draft.amountCents === undefined) return;
    record.mutate(
      { ...draft, amountCents: draft.amountCents },
      {
        onSuccess: ({ bbc }) => {
          showDone(`BBC ${bbc.number} of ${bbc.institution} recorded; the fee was assessed again.`);
          setLastEffect(bbc);
          setDraft(null);
        },
        onError: (e) => showDeskError(e),
      },
    );
  };

  return (
    <Stack gap="xs" aria-label="BBCs received">
      <Group justify="space-between">
        <Title order={4}>BBCs received</Title>
        {canRecord && open[0] && (
          <Button size="xs" variant="light" onClick={() => open[0] && setDraft(draftFor(open[0], today()))}>
            Record received BBC…
          </Button>
        )}
      </Group>
      {received.error && <Alert color="red">{received.error.message}</Alert>}
      {received.data?.length === 0 && <Text c="dimmed">No BBC of another institution recorded.</Text>}
      {received.data?.map((bbc) => (
        <Stack key={bbc.id} gap={2} aria-label={`Received BBC ${bbc.number}`}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" td={bbc.withdrawn ? 'line-through' : undefined}>
              {bbc.number} · {bbc.institution} · {bbc.feeKind} {formatCents(bbc.amountCents)} ·{' '}
              {bbc.periodFrom} – {bbc.periodTo} · received {bbc.receivedOn}
            </Text>
            {bbc.withdrawn ? (
              <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                withdrawn
              </Badge>
            ) : (
              canRecord &&
              open.some((e) => e.id === bbc.enrolmentId) && (
                <Button
                  size="compact-xs"
                  color="red"
                  variant="subtle"
                  style={{ flexShrink: 0 }}
                  aria-label={`Withdraw BBC ${bbc.number}`}
                  onClick={() => setWithdrawing(bbc)}
                >
                  Withdraw…
                </Button>
              )
            )}
          </Group>
          {bbc.withdrawn && (
            <Text size="xs" c="dimmed">
              Withdrawn {bbc.withdrawn.at.slice(0, 10)} by {bbc.withdrawn.by}: {bbc.withdrawn.reason}
            </Text>
          )}
          {lastEffect?.id === bbc.id && (
            <ReasonList
              reasons={bbc.withdrawn ? bbc.withdrawn.effect : bbc.effect}
              label={bbc.withdrawn ? `What withdrawing BBC ${bbc.number} did` : `What BBC ${bbc.number} did`}
            />
          )}
        </Stack>
      ))}

      {toInform.data && <InstitutionsToInformList entries={toInform.data} canInform={canInform} />}

      <WithdrawReceivedBbcModal
        bbc={withdrawing}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={(bbc) => setLastEffect(bbc)}
      />

      <Modal
        opened={draft !== null}
        onClose={() => setDraft(null)}
        title="Record received BBC (Art 14.6, 30)"
      >
        {draft && (
          <Stack>
            <Select
              label="UM enrolment"
              data={open.map((e) => ({ value: String(e.id), label: `${e.academicYear} ${e.programmeName}` }))}
              value={String(draft.enrolmentId)}
              onChange={(value) => {
                const enrolment = open.find((e) => String(e.id) === value);
                if (!enrolment) return;
                const fresh = draftFor(enrolment, draft.receivedOn);
                setDraft({
                  ...draft,
                  enrolmentId: enrolment.id,
                  academicYear: fresh.academicYear,
                  periodFrom: fresh.periodFrom,
                  periodTo: fresh.periodTo,
                });
              }}
              allowDeselect={false}
            />
            <TextInput
              label="BBC number"
              data-autofocus
              value={draft.number}
              onChange={(e) => setDraft({ ...draft, number: e.currentTarget.value })}
            />
            <TextInput
              label="Institution"
              value={draft.institution}
              onChange={(e) => setDraft({ ...draft, institution: e.currentTarget.value })}
            />
            <Select
              label="Kind of institution"
              data={[
                { value: 'dutch-higher-education', label: 'Dutch higher education institution' },
                { value: 'open-university', label: 'Open University' },
              ]}
              value={draft.institutionKind ?? 'dutch-higher-education'}
              onChange={(value) =>
                setDraft({
                  ...draft,
                  institutionKind: value === 'open-university' ? 'open-university' : 'dutch-higher-education',
                })
              }
              allowDeselect={false}
            />
            <Select
              label="Programme level there"
              data={[
                { value: 'bachelor', label: 'Bachelor’s' },
                { value: 'initial-master', label: 'Initial master’s' },
                { value: 'other', label: 'Other' },
              ]}
              value={draft.programmeLevel}
              onChange={(value) => setDraft({ ...draft, programmeLevel: value ?? 'bachelor' })}
              allowDeselect={false}
            />
            <Select
              label="Fee paid there"
              data={feeKindOptions}
              value={draft.feeKind}
              onChange={(value) =>
                setDraft({ ...draft, feeKind: (value ?? 'statutory') as Draft['feeKind'] })
              }
              allowDeselect={false}
            />
            <EuroInput
              label="Amount paid"
              cents={draft.amountCents}
              onCentsChange={(amountCents) => setDraft({ ...draft, amountCents })}
            />
            <Group grow>
              <TextInput
                label="Period from"
                value={draft.periodFrom}
                onChange={(e) => setDraft({ ...draft, periodFrom: e.currentTarget.value })}
              />
              <TextInput
                label="Period to"
                value={draft.periodTo}
                onChange={(e) => setDraft({ ...draft, periodTo: e.currentTarget.value })}
              />
            </Group>
            <TextInput
              label="Received on"
              description="Art 14.6: a BBC received after the deadline gives no exemption."
              value={draft.receivedOn}
              onChange={(e) => setDraft({ ...draft, receivedOn: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button
                disabled={
                  draft.number.trim() === '' ||
                  draft.institution.trim().length < 2 ||
                  draft.amountCents === undefined
                }
                loading={record.isPending}
                onClick={submit}
              >
                Record BBC
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
