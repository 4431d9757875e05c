import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  informMethods,
  type InformMethod,
  type InstitutionsToInform,
} from '../../../../shared/api/documents.contract';
import { showDeskError, showDone } from '../../api/show-error';
import { useToday } from '../../api/useSession';
import { ReasonList } from '../../components/ReasonList';
import { useRecordInstitutionInformed } from './useReceivedBbcs';

/** Props of InstitutionsToInformList. */
export interface InstitutionsToInformListProps {
  /** Ended enrolments with the institutions that received a UM BBC for them (Art 33.7). */
  entries: readonly InstitutionsToInform[];
  /** Whether the member of staff may record an institution as informed (desk, ssc, admin). Default false. */
  canInform?: boolean;
}

const methodLabels: Record<InformMethod, string> = {
  email: 'E-mail',
  letter: 'Letter',
  phone: 'Phone',
  other: 'Other',
};

interface Draft {
  enrolmentId: number;
  institution: string;
  /** Whether staff type the institution (one found for a BBC issued without naming it). */
  isFound: boolean;
  informedOn: string;
  method: InformMethod;
  note: string;
}

/**
 * Art 33.7: per ended enrolment, each institution that received a UM BBC, informed (when, how, by whom) or
 * not yet, with "Mark informed…"; BBCs issued without naming one ask to find the institution first.
 */
export function InstitutionsToInformList({ entries, canInform = false }: InstitutionsToInformListProps) {
  const today = useToday();
  const record = useRecordInstitutionInformed();
  const [draft, setDraft] = useState<Draft | null>(null);
  const start = (enrolmentId: number, institution: string, isFound: boolean) =>
    setDraft({ enrolmentId, institution, isFound, informedOn: today(), method: 'email', note: '' });

  return (
    <>
      {entries.map((entry) => (
        <Alert
          key={entry.enrolmentId}
          color={entry.notYetInformed > 0 || entry.institutions.length === 0 ? 'orange' : 'teal'}
          role="status"
          title={`Inform institutions: ${entry.academicYear} ${entry.programmeName ?? entry.programmeCode ?? ''} is ${entry.status}${entry.notYetInformed > 0 ? ` — ${entry.notYetInformed} not yet informed` : ''}`}
          aria-label={`Institutions to inform for enrolment ${entry.enrolmentId}`}
        >
          <Stack gap={6}>
            {entry.institutions.map((i) => (
              <Group
                key={i.institution}
                justify="space-between"
                wrap="nowrap"
                aria-label={`Inform ${i.institution}`}
              >
                <Text size="sm">
                  {i.institution}
                  {i.bbcNumbers.length > 0 ? ` (${i.bbcNumbers.join(', ')})` : ''}{' '}
                  {i.informed ? (
                    <Badge size="sm" color="teal" variant="light">
                      informed {i.informed.informedOn} · {methodLabels[i.informed.method].toLowerCase()} ·{' '}
                      {i.informed.recordedBy}
                    </Badge>
                  ) : (
                    <Badge size="sm" color="orange" variant="light">
                      not yet informed
                    </Badge>
                  )}
                  {i.informed?.note && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {i.informed.note}
                    </Text>
                  )}
                </Text>
                {canInform && !i.informed && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={`Mark ${i.institution} informed`}
                    onClick={() => start(entry.enrolmentId, i.institution, false)}
                  >
                    Mark informed…
                  </Button>
                )}
              </Group>
            ))}
            {entry.bbcsWithoutInstitution.length > 0 && (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  Institution not recorded: {entry.bbcsWithoutInstitution.join(', ')} — find out whom the BBC
                  went to.
                </Text>
                {canInform && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => start(entry.enrolmentId, '', true)}
                  >
                    Record institution informed…
                  </Button>
                )}
              </Group>
            )}
            <ReasonList reasons={entry.reasons} label="Why" />
          </Stack>
        </Alert>
      ))}

      <Modal
        opened={draft !== null}
        onClose={() => setDraft(null)}
        title={
          draft?.isFound
            ? 'Institution informed (Art 33.7)'
            : `${draft?.institution ?? ''} informed (Art 33.7)`
        }
      >
        {draft && (
          <Stack>
            {draft.isFound && (
              <TextInput
                label="Institution"
                data-autofocus
                value={draft.institution}
                onChange={(e) => setDraft({ ...draft, institution: e.currentTarget.value })}
              />
            )}
            <TextInput
              label="Informed on"
              type="date"
              value={draft.informedOn}
              onChange={(e) => setDraft({ ...draft, informedOn: e.currentTarget.value })}
            />
            <Select
              label="How"
              data={informMethods.map((m) => ({ value: m, label: methodLabels[m] }))}
              value={draft.method}
              onChange={(value) => setDraft({ ...draft, method: value ?? 'email' })}
              allowDeselect={false}
            />
            <TextInput
              label="Note"
              description="Optional: the office or address it went to."
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button
                disabled={
                  draft.institution.trim().length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(draft.informedOn)
                }
                loading={record.isPending}
                onClick={() =>
                  record.mutate(
                    {
                      enrolmentId: draft.enrolmentId,
                      institution: draft.institution.trim(),
                      informedOn: draft.informedOn,
                      method: draft.method,
                      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
                    },
                    {
                      onSuccess: () => {
                        showDone(`${draft.institution.trim()} recorded as informed on ${draft.informedOn}.`);
                        setDraft(null);
                      },
                      onError: (error) => showDeskError(error),
                    },
                  )
                }
              >
                Record informed
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
