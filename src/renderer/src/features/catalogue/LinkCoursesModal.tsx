import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { showDeskError, showDone } from '../../api/show-error';
import { ProgrammePicker } from './ProgrammePicker';
import { useLinkCourses } from './useCatalogue';

/** Props of LinkCoursesModal. */
export interface LinkCoursesModalProps {
  /** The courses to link; the modal is open while this is non-empty. */
  courses: readonly { id: number; code: string; title: string }[];
  /** Programmes to leave out of the picker; default none. */
  excludeProgrammeIds?: readonly number[];
  onClose: (linked: boolean) => void;
}

/** Picks programmes and links the given courses to all of them in one action. */
export function LinkCoursesModal({ courses, excludeProgrammeIds, onClose }: LinkCoursesModalProps) {
  const [programmeIds, setProgrammeIds] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const link = useLinkCourses();
  const close = (linked: boolean) => {
    setProgrammeIds([]);
    setError(undefined);
    onClose(linked);
  };
  const submit = () => {
    if (programmeIds.length === 0) return setError('Choose at least one programme.');
    link.mutate(
      { courseIds: courses.map((c) => c.id), programmeIds: programmeIds.map(Number) },
      {
        onSuccess: (result) => {
          const what = courses.length === 1 ? (courses[0]?.code ?? '1 course') : `${courses.length} courses`;
          showDone(
            `Linked ${what} to ${programmeIds.length === 1 ? '1 programme' : `${programmeIds.length} programmes`}` +
              (result.alreadyLinked > 0 ? ` (${result.alreadyLinked} link(s) existed already).` : '.'),
          );
          close(true);
        },
        onError: (e) => showDeskError(e),
      },
    );
  };
  return (
    <Modal
      opened={courses.length > 0}
      onClose={() => close(false)}
      title={
        courses.length === 1 ? 'Link course to programmes' : `Link ${courses.length} courses to programmes`
      }
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <div>
            <Text size="sm" fw={500}>
              {courses.length === 1 ? 'Course' : 'Courses'}
            </Text>
            <List size="sm" spacing={2} mah={140} style={{ overflow: 'auto' }}>
              {courses.map((course) => (
                <List.Item key={course.id}>
                  {course.code} — {course.title}
                </List.Item>
              ))}
            </List>
          </div>
          <ProgrammePicker
            value={programmeIds}
            onChange={(v) => {
              setProgrammeIds(v);
              setError(undefined);
            }}
            exclude={excludeProgrammeIds ?? []}
            error={error}
            autoFocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={link.isPending}>
              Link
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
