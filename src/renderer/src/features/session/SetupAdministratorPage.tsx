import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError } from '../../api/show-error';
import { useSession } from '../../api/useSession';

/** First run: an empty database asks for its administrator. */
export function SetupAdministratorPage() {
  const session = useSession();
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { displayName: '', username: '', password: '', repeat: '' },
    validate: {
      repeat: (value, values) => (value === values.password ? null : 'The passwords are not the same.'),
    },
  });
  const submit = form.onSubmit(async ({ repeat: _repeat, ...values }) => {
    setBusy(true);
    try {
      await unwrap(desk.session.createAdministrator(values));
      await session.refresh();
    } catch (error) {
      showDeskError(error, form);
    } finally {
      setBusy(false);
    }
  });
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>Welcome to Student Affairs Desk</Title>
              <Text c="dimmed" size="sm">
                This database is new. Create the administrator account; the administrator then adds
                colleagues.
              </Text>
            </div>
            <TextInput label="Your name" autoFocus required {...form.getInputProps('displayName')} />
            <TextInput
              label="User name"
              autoComplete="username"
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Password"
              description="At least 10 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label="Repeat password"
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
            />
            <Button type="submit" loading={isBusy}>
              Create administrator and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
