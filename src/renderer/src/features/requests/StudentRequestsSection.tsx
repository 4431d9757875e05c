import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import {
  sscRequestKindLabels,
  sscRequestKinds,
  type SscRequestKind,
  type SscRequestView,
} from '../../../../shared/api/requests.contract';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession, useToday } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { useStudentFeeFile } from '../students/useStudentFees';
import { RequestDeadlineBadge, RequestStatusBadge } from './RequestBadges';
import { RequestDetail } from './RequestDetail';
import { useRegisterRequest, useRequest, useStudentRequests } from './useRequests';

/** Props of StudentRequestsSection. */
export interface StudentRequestsSectionProps {
  /** The student whose requests are shown and registered. */
  studentId: number;
}

const otherInstitutions = [
  { value: 'dutch-higher-education', label: 'Another Dutch funded institution' },
  { value: 'um', label: 'UM' },
  { value: 'course-fee-programme', label: 'A programme with a course fee (Art 30.4)' },
  { value: 'open-university', label: 'Open University' },
];

/** Registering a request as the CSP received it: kind, enrolment, date, grounds and what the kind needs. */
function NewRequestModal({ studentId, onClose }: { studentId: number; onClose: (id?: number) => void }) {
  const file = useStudentFeeFile(studentId);
  const register = useRegisterRequest();
  const [kind, setKind] = useState<SscRequestKind>('board-position-exemption');
  const enrolments = file.data?.enrolments ?? [];
  const [enrolmentId, setEnrolmentId] = useState<string | null>(null);
  const chosenEnrolment = enrolmentId ?? (enrolments[0] ? String(enrolments[0].id) : null);
  const [receivedOn, setReceivedOn] = useState(useToday());
  const [grounds, setGrounds] = useState('');
  const [requestedStartDate, setRequestedStartDate] = useState('');
  const [institution, setInstitution] = useState('dutch-higher-education');
  const [level, setLevel] = useState('bachelor');
  const [feeKind, setFeeKind] = useState('statutory');
  const [feePaid, setFeePaid] = useState<number | string>('');
  const [bbcSubmittedOn, setBbcSubmittedOn] = useState('');
  const submit = () => {
    const details =
      kind === 'interim-enrolment' && requestedStartDate
        ? { requestedStartDate }
        : kind === 'simultaneous-enrolment-exemption' && feePaid !== ''
          ? {
              otherEnrolment: {
                institution: institution as 'dutch-higher-education',
                level: level as 'bachelor',
                feeKind: feeKind as 'statutory',
                feePaidCents: Math.round(Number(feePaid) * 100),
                bbcSubmittedOn: bbcSubmittedOn || null,
              },
            }
          : {};
    register.mutate(
      {
        studentId,
        kind,
        enrolmentId: chosenEnrolment === 'none' || chosenEnrolment === null ? null : Number(chosenEnrolment),
        receivedOn,
        grounds,
        details,
      },
      {
        onSuccess: (request) => {
          showDone(`Request ${request.reference} registered; attach the evidence next.`);
          onClose(request.id);
        },
        onError: (e) => showDeskError(e),
      },
    );
  };
  return (
    <Modal opened onClose={() => onClose()} title="New request to the SSC" size="lg">
      <Stack>
        <Select
          label="Request"
          data={sscRequestKinds.map((k) => ({ value: k, label: sscRequestKindLabels[k] }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
        />
        <Select
          label="Enrolment it concerns"
          data={[
            ...enrolments.map((e) => ({
              value: String(e.id),
              label: `${e.academicYear} · ${e.programmeName}`,
            })),
            ...(kind === 'unforeseen-circumstances'
              ? [{ value: 'none', label: 'No particular enrolment' }]
              : []),
          ]}
          value={chosenEnrolment}
          onChange={setEnrolmentId}
          allowDeselect={false}
        />
        <TextInput
          label="Received by the CSP on"
          type="date"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
        />
        <Textarea
          label="Grounds the student gives"
          autosize
          minRows={2}
          value={grounds}
          onChange={(e) => setGrounds(e.currentTarget.value)}
        />
        {kind === 'interim-enrolment' && (
          <TextInput
            label="Start asked for (Art 4.4–4.5)"
            type="date"
            value={requestedStartDate}
            onChange={(e) => setRequestedStartDate(e.currentTarget.value)}
          />
        )}
        {kind === 'simultaneous-enrolment-exemption' && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                The other enrolment, as its BBC states it (Art 30.1)
              </Text>
              <Group grow>
                <Select
                  label="Institution"
                  data={otherInstitutions}
                  value={institution}
                  onChange={(v) => v && setInstitution(v)}
                />
                <Select
                  label="Level"
                  data={['bachelor', 'initial-master', 'other']}
                  value={level}
                  onChange={(v) => v && setLevel(v)}
                />
              </Group>
              <Group grow>
                <Select
                  label="Fee kind"
                  data={[
                    'statutory',
                    'low-statutory',
                    'high-statutory',
                    'institutional',
                    'course-fee',
                    'none',
                  ]}
                  value={feeKind}
                  onChange={(v) => v && setFeeKind(v)}
                />
                <NumberInput
                  label="Amount paid (€)"
                  min={0}
                  decimalScale={2}
                  value={feePaid}
                  onChange={setFeePaid}
                />
                <TextInput
                  label="BBC submitted on"
                  type="date"
                  value={bbcSubmittedOn}
                  onChange={(e) => setBbcSubmittedOn(e.currentTarget.value)}
                />
              </Group>
            </Stack>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose()}>
            Cancel
          </Button>
          <Button loading={register.isPending} onClick={submit}>
            Register request
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The "Requests" section of a student file: the student's requests to the SSC, and "New request…". */
export function StudentRequestsSection({ studentId }: StudentRequestsSectionProps) {
  const { staff } = useSession();
  const canRegister = staff?.role === 'desk' || staff?.role === 'ssc' || staff?.role === 'admin';
  const requests = useStudentRequests(studentId);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const columns = useMemo<ColumnDef<SscRequestView, unknown>[]>(
    () => [
      { accessorKey: 'reference', header: 'Reference' },
      { accessorKey: 'kindLabel', header: 'Request' },
      { accessorKey: 'receivedOn', header: 'Received' },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ row: { original } }) => (
          <Group gap={4}>
            <RequestStatusBadge request={original} />
            <RequestDeadlineBadge request={original} />
          </Group>
        ),
      },
      {
        id: 'open',
        header: '',
        cell: ({ row: { original } }) => (
          <Button
            size="xs"
            variant="light"
            aria-label={`Open ${original.reference}`}
            onClick={() => setOpenId(original.id)}
          >
            Open
          </Button>
        ),
      },
    ],
    [],
  );
  const opened = useRequest(openId).data;
  return (
    <Paper withBorder p="md" component="section" aria-label="Requests">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <IconGavel size={20} />
            <Title order={3}>Requests</Title>
          </Group>
          {canRegister && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              New request…
            </Button>
          )}
        </Group>
        <DataTable
          label="Requests to the SSC of this student"
          data={requests.data ?? []}
          columns={columns}
          getRowId={(row) => String(row.id)}
          onRowOpen={(row) => setOpenId(row.id)}
          emptyText="No requests to the SSC."
        />
      </Stack>
      {adding && (
        <NewRequestModal
          studentId={studentId}
          onClose={(id) => {
            setAdding(false);
            if (id) setOpenId(id);
          }}
        />
      )}
      <Modal
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        size="xl"
        title={opened ? `Request ${opened.reference}` : 'Request'}
      >
        {openId !== null && <RequestDetail requestId={openId} />}
      </Modal>
    </Paper>
  );
}
