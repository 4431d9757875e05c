import {
  Alert,
  Badge,
  Grid,
  Group,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { desk, unwrap } from '../../api/desk-client';
import { useHashRoute } from '../../api/useHashRoute';

/** The Enrolment Provisions: every article and appendix, opened at the paragraph a reason cites. */
export function ProvisionsPage() {
  const { params, navigate } = useHashRoute();
  const ref = params.get('ref') ?? 'Art 1';
  const [filter, setFilter] = useState('');
  const contents = useQuery({
    queryKey: ['provisions', 'contents'],
    queryFn: () => unwrap(desk.provisions.listTexts({})),
    staleTime: Infinity,
  });
  const text = useQuery({
    queryKey: ['provisions', 'text', ref],
    queryFn: () => unwrap(desk.provisions.getText({ ref })),
    staleTime: Infinity,
  });
  const entries = (contents.data?.entries ?? []).filter((entry) =>
    entry.heading.toLowerCase().includes(filter.toLowerCase()),
  );
  const open = (target: string) => navigate(`/provisions?ref=${encodeURIComponent(target)}`);

  return (
    <Stack>
      <div>
        <Title order={2}>Enrolment Provisions</Title>
        <Text c="dimmed" size="sm">
          {contents.data?.title ?? '…'}: the text every decision in this app cites.
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <TextInput
              placeholder="Find an article"
              leftSection={<IconSearch size={16} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              aria-label="Find an article"
            />
            <ScrollArea h="calc(100vh - 260px)">
              <nav aria-label="Articles and appendices">
                {entries.map((entry) => (
                  <NavLink
                    key={entry.ref}
                    href={`#/provisions?ref=${encodeURIComponent(entry.ref)}`}
                    label={entry.heading}
                    active={text.data?.heading === entry.heading}
                    onClick={(event) => {
                      event.preventDefault();
                      open(entry.ref);
                    }}
                  />
                ))}
              </nav>
            </ScrollArea>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {text.error && <Alert color="red">{text.error.message}</Alert>}
          {text.data && (
            <Paper withBorder p="lg" component="article" aria-label={text.data.heading}>
              <Group justify="space-between" align="flex-start" mb="md">
                <Title order={3}>{text.data.heading}</Title>
                <Badge variant="light">{text.data.ref}</Badge>
              </Group>
              <Stack gap="sm">
                {text.data.paragraphs.map((paragraph, index) => (
                  <Paper
                    key={index}
                    p={paragraph.isCited ? 'sm' : 0}
                    bg={paragraph.isCited ? 'yellow.0' : undefined}
                    withBorder={paragraph.isCited}
                    aria-current={paragraph.isCited ? 'true' : undefined}
                  >
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {paragraph.number && <b>{paragraph.number}. </b>}
                      {paragraph.text}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
