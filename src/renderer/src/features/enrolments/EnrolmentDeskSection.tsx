import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeskEnrolment, TransitionOption } from '../../../../shared/api/enrolments.contract';
import type { EnrolmentStatus } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';
import { desk, unwrap } from '../../api/desk-client';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate } from '../fees/long-date';
import { useAnnounceInstitutionsToInform } from '../issuing/useReceivedBbcs';
import { ApplyForEnrolmentModal } from './ApplyForEnrolmentModal';
import { DocumentChecklist, formatMoment } from './DocumentChecklist';
import { useStudentEnrolments, useTransitionEnrolment } from './useEnrolmentDesk';

/** What staff read for each status, and its colour. */
export const statusBadges: Readonly<Record<EnrolmentStatus, { label: string; color: string }>> = {
  applied: { label: 'Applied', color: 'blue' },
  'awaiting-documents': { label: 'Awaiting documents', color: 'yellow' },
  enrolled: { label: 'Enrolled', color: 'teal' },
  denied: { label: 'Denied', color: 'red' },
  'administrative-hold': { label: 'Administrative hold', color: 'orange' },
  terminated: { label: 'Terminated', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** The status of an enrolment as a badge. */
export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const badge = statusBadges[status];
  return (
    <Badge color={badge.color} variant="light" aria-label={`Status: ${badge.label}`}>
      {badge.label}
    </Badge>
  );
}

/** Asks for the reason of a status change; for a denial or cancellation it also says it cannot be undone. */
function TransitionModal({
  enrolment,
  option,
  onClose,
}: {
  enrolment: DeskEnrolment;
  option: TransitionOption | null;
  onClose: () => void;
}) {
  const transition = useTransitionEnrolment();
  const announceInstitutionsToInform = useAnnounceInstitutionsToInform();
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={option !== null}
      onClose={onClose}
      title={option ? `${option.label}: ${enrolment.enrolment.programmeName}` : ''}
    >
      {option && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            transition.mutate(
              {
                enrolmentId: enrolment.enrolment.id,
                expectedVersion: enrolment.enrolment.version,
                to: option.to,
                reason,
              },
              {
                onSuccess: (updated) => {
                  showDone(
                    `${option.label}: now ${statusBadges[updated.enrolment.status].label.toLowerCase()}.`,
                  );
                  // Art 33.7: an ended enrolment may have UM BBCs whose institutions are to be informed.
                  if (['cancelled', 'denied', 'terminated'].includes(updated.enrolment.status))
                    announceInstitutionsToInform(updated.enrolment.studentId, updated.enrolment.id);
                  onClose();
                },
                onError: (error) => showDeskError(error),
              },
            );
          }}
        >
          <Stack>
            {option.isIrreversible && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title="This cannot be undone">
                {option.to === 'denied' ? 'A denied' : 'A cancelled'} enrolment is final: the student must
                apply again for a new one. The fee charged for it (
                {formatCents(enrolment.enrolment.fee.amountCents)}) is credited on the ledger
                {option.to === 'cancelled' ? ' (Art 39.2)' : ''}.
              </Alert>
            )}
            <Textarea
              label="Reason"
              description="Recorded with the change and shown in the status history."
              required
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Back
              </Button>
              <Button
                type="submit"
                color={option.isIrreversible ? 'red' : undefined}
                loading={transition.isPending}
                disabled={reason.trim().length < 3}
              >
                {option.isIrreversible ? `${option.label} — final` : option.label}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The status history of an enrolment: from, to, reason, who and when. */
function StatusHistory({ enrolment }: { enrolment: DeskEnrolment }) {
  return (
    <Table aria-label="Status history" verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>When</Table.Th>
          <Table.Th w={240}>Change</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th w={140}>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {enrolment.transitions.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td>{formatMoment(t.at)}</Table.Td>
            <Table.Td>
              {t.from ? `${statusBadges[t.from].label} → ` : ''}
              {statusBadges[t.to].label}
            </Table.Td>
            <Table.Td>{t.reason}</Table.Td>
            <Table.Td>{t.by}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One enrolment: status, blocking reasons, the changes allowed, the history and the documents. */
function DeskEnrolmentCard({ enrolment, canAct }: { enrolment: DeskEnrolment; canAct: boolean }) {
  const [option, setOption] = useState<TransitionOption | null>(null);
  const [isWritingLetter, setWritingLetter] = useState(false);
  const e = enrolment.enrolment;
  const blocking = enrolment.eligibility?.blockingReasons ?? [];
  const consequence = enrolment.consequence;
  const hasMissing = (consequence?.missing.length ?? 0) > 0;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      aria-label={`Enrolment ${e.academicYear} ${e.programmeName}`}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={4}>{e.programmeName}</Title>
              <EnrolmentStatusBadge status={e.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {e.academicYear} · {e.enrolmentKind}, {e.mode} · from {formatLongDate(e.startDate)} · fee{' '}
              {formatCents(e.fee.amountCents)}
            </Text>
            {e.statusReason && (
              <Text size="sm" mt={4}>
                <b>Why {statusBadges[e.status].label.toLowerCase()}:</b> {e.statusReason}
              </Text>
            )}
          </div>
          {canAct && (
            <Group gap="xs" justify="flex-end" maw={520}>
              {enrolment.options.map((o) => (
                <Tooltip key={o.to} label={o.refusal} disabled={o.isAllowed} multiline w={320}>
                  <span>
                    <Button
                      size="xs"
                      variant={o.isIrreversible ? 'light' : o.to === 'enrolled' ? 'filled' : 'default'}
                      color={o.isIrreversible ? 'red' : undefined}
                      disabled={!o.isAllowed}
                      onClick={() => setOption(o)}
                    >
                      {o.label}
                    </Button>
                  </span>
                </Tooltip>
              ))}
            </Group>
          )}
        </Group>

        {enrolment.eligibility && blocking.length > 0 && (
          <Alert
            color={enrolment.eligibility.outcome === 'refused' ? 'red' : 'yellow'}
            title={
              enrolment.eligibility.outcome === 'refused' ? 'Refused (Art 2–4)' : 'A decision is outstanding'
            }
          >
            <ReasonList reasons={blocking} label="Blocking reasons" />
          </Alert>
        )}
        {enrolment.eligibility && blocking.length === 0 && (
          <Text size="sm" c="teal">
            Eligible: nothing in Articles 2–4 stands in the way.
          </Text>
        )}

        {enrolment.checklistUnavailable && (
          <Alert color="gray" title="The Art 13 checklist cannot be computed">
            {enrolment.checklistUnavailable}
          </Alert>
        )}
        {consequence && consequence.outcome !== 'complete' && (
          <Alert
            color={consequence.outcome === 'awaiting-documents' ? 'yellow' : 'red'}
            title="Documents missing (Art 13.3)"
          >
            <Stack gap="xs">
              <ReasonList reasons={consequence.reasons} label="What the missing documents mean" />
              {canAct && hasMissing && (
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconFileTypePdf size={14} />}
                    loading={isWritingLetter}
                    onClick={() => {
                      setWritingLetter(true);
                      unwrap(desk.enrolments.missingDocumentsLetter({ enrolmentId: e.id }))
                        .then((letter) => downloadFile(letter.fileName, 'application/pdf', letter.pdfBase64))
                        .catch((error: unknown) => showDeskError(error))
                        .finally(() => setWritingLetter(false));
                    }}
                  >
                    Letter to the student (PDF)
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}

        {enrolment.checklist && (
          <DocumentChecklist enrolment={enrolment} checklist={enrolment.checklist} canAct={canAct} />
        )}

        {enrolment.transitions.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Status history
            </Text>
            <StatusHistory enrolment={enrolment} />
          </div>
        )}
      </Stack>
      <TransitionModal
        key={option?.to ?? 'none'}
        enrolment={enrolment}
        option={option}
        onClose={() => setOption(null)}
      />
    </Paper>
  );
}

/**
 * The enrolment desk for one student: each enrolment with its status and history, the blocking reasons
 * of Art 2–4, the changes of status allowed, and the Art 13 documents with their review.
 */
export function EnrolmentDeskSection({ studentId }: { studentId: number }) {
  const { staff } = useSession();
  const file = useStudentEnrolments(studentId);
  const canAct = staff?.role === 'desk' || staff?.role === 'admin';
  const [isApplying, setApplying] = useState(false);
  const student = file.data?.student;
  return (
    <Stack gap="sm" aria-label="Enrolment desk">
      <Group justify="space-between">
        <Title order={3}>Enrolments and documents</Title>
        {canAct && (
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!file.data?.hasProfile}
            title={file.data?.hasProfile ? undefined : 'Record the profile first.'}
            onClick={() => setApplying(true)}
          >
            Apply for enrolment…
          </Button>
        )}
      </Group>
      {isApplying && student && (
        <ApplyForEnrolmentModal
          studentId={studentId}
          studentName={`${student.givenNames} ${student.familyName}`}
          onClose={() => setApplying(false)}
        />
      )}
      {file.isLoading && <Loader size="sm" />}
      {file.error && <Alert color="red">{file.error.message}</Alert>}
      {file.data && !file.data.hasProfile && (
        <Alert color="yellow" title="No profile recorded">
          The student’s profile (nationalities, BRP registration, residence, prior education) is not recorded,
          so the Art 13 checklist and the eligibility checks cannot be computed. Record the profile first.
        </Alert>
      )}
      {file.data?.enrolments.length === 0 && (
        <Text c="dimmed" size="sm">
          No enrolments yet.
        </Text>
      )}
      {file.data?.enrolments.map((enrolment) => (
        <DeskEnrolmentCard key={enrolment.enrolment.id} enrolment={enrolment} canAct={canAct} />
      ))}
    </Stack>
  );
}
