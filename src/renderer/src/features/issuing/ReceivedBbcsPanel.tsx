import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { ReceivedBbc } from '../../../../shared/api/documents.contract';
import type { EnrolmentView } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { showDeskError, showDone } from '../../api/show-error';
import { ReasonList } from '../../components/ReasonList';
import { EuroInput } from '../fees/EuroInput';
import { useInstitutionsToInform, useReceivedBbcs, useRecordReceivedBbc } from './useReceivedBbcs';

/** Props of ReceivedBbcsPanel. */
export interface ReceivedBbcsPanelProps {
  /** The student whose received BBCs and institutions to inform are shown. */
  studentId: number;
  /** The student's enrolments, to record a BBC on. */
  enrolments: readonly EnrolmentView[];
  /** Whether the member of staff may record a received BBC (desk, admin). Default false. */
  canRecord?: boolean;
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

function draftFor(enrolment: EnrolmentView): Draft {
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
    receivedOn: new Date().toISOString().slice(0, 10),
  };
}

/**
 * BBCs received from other institutions (Art 14.6, 30.1–30.5), each with what it did to the fee, a modal to
 * record one on an enrolment, and for ended enrolments the institutions that received a UM BBC (Art 33.7).
 */
export function ReceivedBbcsPanel({ studentId, enrolments, canRecord = false }: ReceivedBbcsPanelProps) {
  const received = useReceivedBbcs(studentId);
  const toInform = useInstitutionsToInform(studentId);
  const record = useRecordReceivedBbc();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [lastEffect, setLastEffect] = useState<ReceivedBbc | null>(null);
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
          <Button size="xs" variant="light" onClick={() => open[0] && setDraft(draftFor(open[0]))}>
            Record received BBC…
          </Button>
        )}
      </Group>
      {received.error && <Alert color="red">{received.error.message}</Alert>}
      {received.data?.length === 0 && <Text c="dimmed">No BBC of another institution recorded.</Text>}
      {received.data?.map((bbc) => (
        <Stack key={bbc.id} gap={2}>
          <Text size="sm">
            {bbc.number} · {bbc.institution} · {bbc.feeKind} {formatCents(bbc.amountCents)} · {bbc.periodFrom}{' '}
            – {bbc.periodTo} · received {bbc.receivedOn}
          </Text>
          {lastEffect?.id === bbc.id && (
            <ReasonList reasons={bbc.effect} label={`What BBC ${bbc.number} did`} />
          )}
        </Stack>
      ))}

      {toInform.data?.map((entry) => (
        <Alert
          key={entry.enrolmentId}
          color="orange"
          role="status"
          title={`Inform institutions: ${entry.academicYear} ${entry.programmeCode ?? ''} is ${entry.status}`}
          aria-label={`Institutions to inform for enrolment ${entry.enrolmentId}`}
        >
          <List size="sm">
            {entry.institutions.map((i) => (
              <List.Item key={i.institution}>
                {i.institution} ({i.bbcNumbers.join(', ')})
              </List.Item>
            ))}
            {entry.bbcsWithoutInstitution.length > 0 && (
              <List.Item>Institution not recorded: {entry.bbcsWithoutInstitution.join(', ')}</List.Item>
            )}
          </List>
          <ReasonList reasons={entry.reasons} label="Why" />
        </Alert>
      ))}

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
                const fresh = draftFor(enrolment);
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
