import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { desk, DeskCallError, unwrap } from '../../api/desk-client';
import { showDeskError } from '../../api/show-error';
import { useSession } from '../../api/useSession';

/** The sign-in screen. */
export function SignInPage() {
  const session = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' } });
  const [isBusy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(desk.session.signIn(values));
      await session.refresh();
    } catch (error) {
      if (error instanceof DeskCallError && error.shape.kind === 'unauthenticated')
        setFailure(error.shape.message);
      else showDeskError(error, form);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} radius="md">
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>Student Affairs Desk</Title>
              <Text c="dimmed" size="sm">
                Sign in with your staff account.
              </Text>
            </div>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput
              label="User name"
              autoComplete="username"
              autoFocus
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={isBusy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
