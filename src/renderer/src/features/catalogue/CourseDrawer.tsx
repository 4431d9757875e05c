import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CourseRow } from '../../../../shared/api/catalogue.contract';
import { DeskCallError } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { LinkCoursesModal } from './LinkCoursesModal';
import { catalogueKeys, useUnlinkCourse, useUpdateCourse } from './useCatalogue';

/** Props of CourseDrawer. */
export interface CourseDrawerProps {
  /** The course to show; the drawer is open while this is set. */
  course: CourseRow | null;
  onClose: () => void;
}

/** A course: edit its fields and manage its programme links. */
export function CourseDrawer({ course, onClose }: CourseDrawerProps) {
  return (
    <Drawer
      opened={course !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        course && (
          <Text fw={700}>
            {course.code} — {course.title}
          </Text>
        )
      }
    >
      {/* A new course or a newer version starts a fresh form. */}
      {course && <CourseEditor key={`${course.id}:${course.version}`} course={course} onClose={onClose} />}
    </Drawer>
  );
}

function CourseEditor({ course, onClose }: { course: CourseRow; onClose: () => void }) {
  const { staff } = useSession();
  const canEdit = staff?.role === 'desk' || staff?.role === 'admin';
  const update = useUpdateCourse();
  const unlink = useUnlinkCourse();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const [isLinking, setLinking] = useState(false);
  const form = useForm({
    initialValues: {
      title: course.title,
      ects: course.ects as number | string,
      period: course.period as number | string,
      faculty: course.faculty,
      coordinator: course.coordinator ?? '',
      isSkillsTraining: course.isSkillsTraining,
    },
  });
  const save = form.onSubmit((values) => {
    update.mutate(
      {
        id: course.id,
        version: course.version,
        title: values.title,
        ects: Number(values.ects),
        period: Number(values.period),
        faculty: values.faculty,
        coordinator: values.coordinator.trim() === '' ? null : values.coordinator,
        isSkillsTraining: values.isSkillsTraining,
      },
      {
        onSuccess: (saved) => {
          showDone(`Saved ${saved.code}.`);
          onClose();
        },
        onError: (error) => {
          if (error instanceof DeskCallError && error.shape.kind === 'conflict')
            setConflict(error.shape.message);
          else showDeskError(error, form);
        },
      },
    );
  });

  const confirmUnlink = (programme: { id: number; name: string }) =>
    modals.openConfirmModal({
      title: 'Remove link?',
      children: (
        <Text size="sm">
          {course.code} will no longer belong to {programme.name}.{' '}
          {course.programmes.length === 1 &&
            'It will then be a course without programme, and its students will see it as such in the portal.'}
        </Text>
      ),
      labels: { confirm: 'Remove link', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        unlink.mutate(
          { courseId: course.id, programmeId: programme.id },
          {
            onSuccess: (result) => {
              showDone(
                `${course.code} no longer belongs to ${programme.name}${result.becameOrphan ? '; it is now a course without programme.' : '.'}`,
              );
              onClose();
            },
            onError: (error) => showDeskError(error),
          },
        ),
    });

  return (
    <>
      <Stack>
        {conflict && (
          <Alert color="orange" title="Someone else changed this course" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{conflict}</Text>
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() => void queryClient.invalidateQueries({ queryKey: catalogueKeys.all })}
              >
                Reload the course
              </Button>
            </Stack>
          </Alert>
        )}
        <form onSubmit={save}>
          <Stack gap="sm">
            <TextInput label="Title" disabled={!canEdit} {...form.getInputProps('title')} />
            <Group grow>
              <NumberInput
                label="ECTS"
                min={0.5}
                max={60}
                step={0.5}
                decimalScale={1}
                disabled={!canEdit}
                {...form.getInputProps('ects')}
              />
              <NumberInput
                label="Period"
                min={1}
                max={6}
                disabled={!canEdit}
                {...form.getInputProps('period')}
              />
              <TextInput label="Faculty" disabled={!canEdit} {...form.getInputProps('faculty')} />
            </Group>
            <TextInput label="Coordinator" disabled={!canEdit} {...form.getInputProps('coordinator')} />
            <Checkbox
              label="Skills training"
              disabled={!canEdit}
              {...form.getInputProps('isSkillsTraining', { type: 'checkbox' })}
            />
            <Text size="xs" c="dimmed">
              Version {course.version}, last changed by {course.updatedBy} at{' '}
              {new Date(course.updatedAt).toLocaleString('en-GB')}
            </Text>
            {canEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                  Save course
                </Button>
              </Group>
            )}
          </Stack>
        </form>
        <Divider label="Programmes" labelPosition="left" />
        {course.programmes.length === 0 && (
          <Text c="orange" size="sm">
            This course belongs to no programme.
          </Text>
        )}
        {course.programmes.map((programme) => (
          <Group key={programme.id} justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text size="sm">{programme.name}</Text>
              {programme.faculty && (
                <Badge variant="light" size="sm">
                  {programme.faculty}
                </Badge>
              )}
            </Group>
            {canEdit && (
              <Tooltip label={`Remove the link to ${programme.name}`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Unlink ${programme.name}`}
                  onClick={() => confirmUnlink(programme)}
                >
                  <IconUnlink size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {canEdit && (
          <Group>
            <Button variant="light" leftSection={<IconLink size={16} />} onClick={() => setLinking(true)}>
              Link to programme…
            </Button>
          </Group>
        )}
      </Stack>
      <LinkCoursesModal
        courses={isLinking ? [course] : []}
        excludeProgrammeIds={course.programmes.map((p) => p.id)}
        onClose={(linked) => {
          setLinking(false);
          if (linked) onClose();
        }}
      />
    </>
  );
}
