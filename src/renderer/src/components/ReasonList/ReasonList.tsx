import {
  Anchor,
  Badge,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { desk, unwrap } from '../../api/desk-client';

/** A reason of a decision: the article it rests on and one sentence of why. */
export interface Reason {
  readonly article: string;
  readonly text: string;
}

/** Props of ReasonList. */
export interface ReasonListProps {
  reasons: readonly Reason[];
  /** Reasons to mark as new or changed (compared with another decision); default none. */
  highlighted?: ReadonlySet<string>;
  /** Accessible name of the list; default 'Reasons'. */
  label?: string;
}

/** The text of an article, opened from a reason without leaving the screen. */
function ArticleModal({ reference, onClose }: { reference: string | null; onClose: () => void }) {
  const text = useQuery({
    queryKey: ['provisions', 'text', reference],
    queryFn: () => unwrap(desk.provisions.getText({ ref: reference ?? '' })),
    enabled: reference !== null,
    staleTime: Infinity,
  });
  return (
    <Modal opened={reference !== null} onClose={onClose} size="xl" title={text.data?.heading ?? reference}>
      {text.isLoading && <Loader size="sm" />}
      {text.error && <Text c="red">{text.error.message}</Text>}
      {text.data && (
        <ScrollArea.Autosize mah="70vh">
          <Stack gap="sm">
            {text.data.paragraphs.map((paragraph, index) => (
              <Paper
                key={index}
                p={paragraph.isCited ? 'sm' : 0}
                bg={paragraph.isCited ? 'yellow.0' : undefined}
                withBorder={paragraph.isCited}
              >
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {paragraph.number && <b>{paragraph.number}. </b>}
                  {paragraph.text}
                </Text>
              </Paper>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Modal>
  );
}

/** The reasons of a decision, each with its article; an article opens its text in a dialog. */
export function ReasonList({ reasons, highlighted, label = 'Reasons' }: ReasonListProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <List
        aria-label={label}
        spacing="xs"
        center
        icon={
          <ThemeIcon size={20} radius="xl" variant="light">
            <IconScale size={12} />
          </ThemeIcon>
        }
      >
        {reasons.map((reason, index) => {
          const isHighlighted = highlighted?.has(`${reason.article}|${reason.text}`) ?? false;
          return (
            <List.Item key={index} bg={isHighlighted ? 'yellow.0' : undefined}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  size="sm"
                  onClick={() => setOpen(reason.article)}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {reason.article}
                </Anchor>
                <Text size="sm">{reason.text}</Text>
                {isHighlighted && (
                  <Badge size="xs" color="yellow" variant="light">
                    changed
                  </Badge>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
      <ArticleModal reference={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** The key ReasonList uses to compare reasons. */
export function reasonKey(reason: Reason): string {
  return `${reason.article}|${reason.text}`;
}
