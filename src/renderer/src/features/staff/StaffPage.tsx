import {
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { roles, type CallInput } from '../../../../shared/api';
import type { StaffMember } from '../../../../shared/api/session.contract';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';

const roleLabels: Record<StaffMember['role'], string> = {
  desk: 'Desk (office of student affairs)',
  iro: 'IRO (international relations)',
  ssc: 'SSC (decisions)',
  admin: 'Administrator',
};
const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Staff accounts: the administrator adds colleagues, changes roles and disables accounts. */
export function StaffPage() {
  const { staff: me } = useSession();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => unwrap(desk.staff.list({})) });
  const [isAdding, setAdding] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['staff'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
  const update = useMutation({
    mutationFn: (input: CallInput<'staff:update'>) => unwrap(desk.staff.update(input)),
    onSuccess: refresh,
    onError: (e) => showDeskError(e),
  });
  const add = useMutation({
    mutationFn: (input: CallInput<'staff:add'>) => unwrap(desk.staff.add(input)),
    onSuccess: refresh,
  });
  const form = useForm({
    initialValues: { displayName: '', username: '', password: '', role: 'desk' as StaffMember['role'] },
  });

  const columns: ColumnDef<StaffMember, unknown>[] = [
    { accessorKey: 'displayName', header: 'Name' },
    { accessorKey: 'username', header: 'User name' },
    {
      accessorKey: 'role',
      header: 'Role',
      cell: ({ row }) => (
        <Select
          aria-label={`Role of ${row.original.displayName}`}
          data={roleOptions}
          value={row.original.role}
          allowDeselect={false}
          disabled={row.original.id === me?.id}
          w={260}
          size="xs"
          onChange={(role) =>
            role &&
            update.mutate(
              { id: row.original.id, version: row.original.version, role },
              { onSuccess: (m) => showDone(`${m.displayName} is now ${roleLabels[m.role]}.`) },
            )
          }
        />
      ),
    },
    {
      accessorKey: 'isActive',
      header: 'Active',
      cell: ({ row }) => (
        <Switch
          aria-label={`${row.original.displayName} active`}
          checked={row.original.isActive}
          disabled={row.original.id === me?.id}
          onChange={(event) => {
            const isActive = event.currentTarget.checked;
            const apply = () =>
              update.mutate(
                { id: row.original.id, version: row.original.version, isActive },
                { onSuccess: (m) => showDone(`${m.displayName} is ${m.isActive ? 'enabled' : 'disabled'}.`) },
              );
            if (isActive) return apply();
            modals.openConfirmModal({
              title: `Disable ${row.original.displayName}?`,
              children: (
                <Text size="sm">
                  They are signed out at once and cannot sign in until an administrator enables the account
                  again.
                </Text>
              ),
              labels: { confirm: 'Disable', cancel: 'Cancel' },
              confirmProps: { color: 'red' },
              onConfirm: apply,
            });
          }}
        />
      ),
    },
    {
      id: 'you',
      header: '',
      enableSorting: false,
      cell: ({ row }) => (row.original.id === me?.id ? <Badge variant="light">You</Badge> : null),
    },
  ];

  const submit = form.onSubmit((values) =>
    add.mutate(values, {
      onSuccess: (m) => {
        showDone(`Added ${m.displayName} (${m.username}).`);
        setAdding(false);
        form.reset();
      },
      onError: (error) => showDeskError(error, form),
    }),
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Staff</Title>
          <Text c="dimmed" size="sm">
            Roles decide what each colleague may do; the app enforces them on every action.
          </Text>
        </div>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
          Add staff member
        </Button>
      </Group>
      <DataTable label="Staff" data={staff.data ?? []} columns={columns} getRowId={(row) => String(row.id)} />
      <Modal opened={isAdding} onClose={() => setAdding(false)} title="Add staff member">
        <form onSubmit={submit}>
          <Stack>
            <TextInput label="Name" required autoFocus {...form.getInputProps('displayName')} />
            <TextInput label="User name" required {...form.getInputProps('username')} />
            <PasswordInput
              label="Initial password"
              description="At least 10 characters; ask them to keep it private"
              required
              {...form.getInputProps('password')}
            />
            <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={add.isPending}>
                Add
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
