import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import type { IndNotificationDue } from '../../../../shared/api/residence.contract';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { ReasonList } from '../../components/ReasonList';
import { formatLongDate, formatShortDate } from '../fees/long-date';
import { useIndNotificationsWorklist, useRecordIndNotification } from './useResidence';

const groundLabels: Record<IndNotificationDue['ground'], string> = {
  'enrolment-ended': 'Enrolment ended',
  're-enrolment-not-completed': 'Not re-enrolled on time',
};

const columns: ColumnDef<IndNotificationDue, unknown>[] = [
  { accessorKey: 'studentNumber', header: 'Student number' },
  { accessorKey: 'name', header: 'Name' },
  {
    id: 'enrolment',
    accessorFn: (row) => `${row.programmeName} ${row.academicYear}`,
    header: 'Enrolment',
  },
  {
    id: 'ground',
    accessorFn: (row) => groundLabels[row.ground],
    header: 'Ground (Art 33.8)',
    cell: ({ row: { original } }) => (
      <Stack gap={0}>
        <Text size="sm">{groundLabels[original.ground]}</Text>
        <Text size="xs" c="dimmed">
          {original.ground === 'enrolment-ended'
            ? `${original.enrolmentStatus} ${formatShortDate(original.arisenOn)}`
            : `none by ${formatShortDate(original.arisenOn)}`}
        </Text>
      </Stack>
    ),
  },
  {
    accessorKey: 'dueBy',
    header: 'Notify by',
    cell: ({ row: { original } }) => (
      <Stack gap={0}>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={original.isOverdue ? 'red' : undefined}>
          {formatShortDate(original.dueBy)}
        </Text>
        {original.isOverdue && (
          <Text size="xs" c="red" fw={600}>
            overdue
          </Text>
        )}
      </Stack>
    ),
  },
];

/** Shows what to notify and why, and records the notification with the IND's reference. */
function IndNotificationModal({ item, onClose }: { item: IndNotificationDue | null; onClose: () => void }) {
  const { staff, today } = useSession();
  const record = useRecordIndNotification();
  const [notifiedOn, setNotifiedOn] = useState(today);
  const [reference, setReference] = useState('');
  const canRecord = staff?.role === 'desk' || staff?.role === 'admin';
  const submit = () => {
    if (!item) return;
    record.mutate(
      { studentId: item.studentId, enrolmentId: item.enrolmentId, notifiedOn, reference },
      {
        onSuccess: () => {
          showDone(`IND notification recorded for ${item.name}.`);
          setReference('');
          onClose();
        },
        onError: (error) => showDeskError(error),
      },
    );
  };
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      size="lg"
      title={item ? `IND notification: ${item.name}` : ''}
    >
      {item && (
        <Stack>
          <Alert
            color={item.isOverdue ? 'red' : 'orange'}
            title={`Notify the IND by ${formatLongDate(item.dueBy)}`}
          >
            {item.notify}
          </Alert>
          <ReasonList reasons={item.reasons} label="Why the IND must be notified" />
          {canRecord ? (
            <>
              <Group grow align="flex-start">
                <TextInput
                  type="date"
                  label="Notified on"
                  value={notifiedOn}
                  onChange={(event) => setNotifiedOn(event.currentTarget.value)}
                />
                <TextInput
                  label="IND reference"
                  placeholder="e.g. the case number of the notification"
                  value={reference}
                  onChange={(event) => setReference(event.currentTarget.value)}
                />
              </Group>
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button onClick={submit} loading={record.isPending} disabled={reference.trim() === ''}>
                  Record notification
                </Button>
              </Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Notifications are recorded by the desk or an administrator.
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** Study-permit students to be de-registered with the IND (Art 33.8), soonest due first. */
export function IndNotificationsPage() {
  const worklist = useIndNotificationsWorklist();
  const [selected, setSelected] = useState<IndNotificationDue | null>(null);
  const [filter, setFilter] = useState('');
  return (
    <Stack>
      <Title order={2}>IND notifications</Title>
      <Text size="sm" c="dimmed">
        Students on a Dutch residence permit for study whose enrolment ended, or who did not complete
        re-enrolment on time: UM de-registers them with the IND and informs them (Art 33.8). Open a row to
        record the notification.
      </Text>
      <Group justify="space-between">
        <TextInput
          aria-label="Filter the IND notifications"
          placeholder="Filter by number, name or programme"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          w={360}
        />
        {worklist.data && (
          <Text size="sm" c="dimmed">
            {worklist.data.items.length} due, {worklist.data.items.filter((i) => i.isOverdue).length} overdue
          </Text>
        )}
      </Group>
      {worklist.isLoading && <Loader size="sm" />}
      {worklist.error && <Alert color="red">{worklist.error.message}</Alert>}
      {worklist.data &&
        (worklist.data.items.length === 0 ? (
          <Alert color="teal" title="Nothing to notify">
            No IND notification is due.
          </Alert>
        ) : (
          <DataTable
            label="IND notifications due"
            data={worklist.data.items}
            columns={columns}
            getRowId={(row) => `${row.enrolmentId}-${row.ground}`}
            globalFilter={filter}
            emptyText="No notification matches the filter."
            onRowOpen={setSelected}
          />
        ))}
      <IndNotificationModal item={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}
