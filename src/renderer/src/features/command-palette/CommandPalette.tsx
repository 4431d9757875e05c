import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch, IconUser } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useHashRoute } from '../../api/useHashRoute';
import { useStudentSearch } from '../students/useStudentFile';

/** A screen the palette can jump to. */
export interface PaletteScreen {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
}

/** Props of CommandPalette. */
export interface CommandPaletteProps {
  /** The screens the signed-in role sees, in navigation order. */
  screens: readonly PaletteScreen[];
}

/** Whether every word typed starts a word of the label (case and accents ignored). */
function matchesScreen(label: string, query: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(label).split(/[^\p{L}\p{N}]+/u);
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((part) => words.some((word) => word.startsWith(part)));
}

/**
 * The command palette (Ctrl+K / Cmd+K from anywhere): jump to a student by name or number, or to a
 * screen by name.
 */
export function CommandPalette({ screens }: CommandPaletteProps) {
  const { navigate } = useHashRoute();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const students = useStudentSearch(debounced, 8);
  const matchingScreens =
    query.trim() === '' ? screens : screens.filter((s) => matchesScreen(s.label, query));
  const studentHits = debounced.trim() === '' ? [] : (students.data ?? []);

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder="Jump to a student (name or number) or a screen…"
        leftSection={<IconSearch size={18} />}
        aria-label="Jump to"
      />
      <Spotlight.ActionsList>
        {studentHits.length > 0 && (
          <Spotlight.ActionsGroup label="Students">
            {studentHits.map((student) => (
              <Spotlight.Action
                key={student.id}
                onClick={() => navigate(`/students?id=${student.id}`)}
                leftSection={<IconUser size={18} />}
              >
                <Group justify="space-between" wrap="nowrap" w="100%">
                  <div>
                    <Text size="sm">
                      {student.givenNames} {student.familyName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {student.studentNumber}
                      {student.dateOfBirth ? ` · born ${student.dateOfBirth}` : ''}
                    </Text>
                  </div>
                  <Group gap={4}>
                    {student.nationalities.map((code) => (
                      <Badge key={code} size="xs" variant="light">
                        {code}
                      </Badge>
                    ))}
                  </Group>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingScreens.length > 0 && (
          <Spotlight.ActionsGroup label="Screens">
            {matchingScreens.map((screen) => (
              <Spotlight.Action
                key={screen.path}
                label={screen.label}
                leftSection={screen.icon}
                onClick={() => navigate(screen.path)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {studentHits.length === 0 && matchingScreens.length === 0 && (
          <Spotlight.Empty>
            {students.isFetching ? 'Searching…' : 'No student or screen matches.'}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
