import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { StudentFile } from '../../../../shared/api/students.contract';
import { DeskCallError } from '../../api/desk-client';
import { showDone } from '../../api/show-error';
import { useUpdateStudent } from './useStudentFile';

/** The part of a students:update call that one section changes. */
export type StudentChange = Omit<CallInput<'students:update'>, 'studentId' | 'expectedVersion' | 'reason'>;

/** Props of StudentEditModal. */
export interface StudentEditModalProps<Values extends Record<string, unknown>> {
  /** The dialog's title, e.g. "Edit residence". */
  title: string;
  /** The file as read; its version is the one the change is made against. */
  file: StudentFile;
  /** The form's starting values. */
  initialValues: Values;
  /** The change these values make to the file. */
  toChange: (values: Values) => StudentChange;
  /** The form path that shows a server error on a field (e.g. 'profile.residence.permit.type'), or null to show it above. */
  fieldOf: (serverField: string) => string | null;
  /** The default reason offered; default ''. */
  defaultReason?: string;
  onClose: () => void;
  /** Reads the file again after a conflict. */
  onReload: () => void;
  children: (form: UseFormReturnType<Values>) => ReactNode;
}

/**
 * One section of the student file in a dialog: a Mantine form, the reason for the change, and the
 * server's answer placed where it belongs — beside its field, or above the form for a conflict.
 */
export function StudentEditModal<Values extends Record<string, unknown>>(
  props: StudentEditModalProps<Values>,
) {
  const form = useForm<Values>({ mode: 'controlled', initialValues: props.initialValues });
  const [reason, setReason] = useState(props.defaultReason ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ kind: string; message: string } | null>(null);
  const update = useUpdateStudent();

  const submit = (values: Values) => {
    setProblem(null);
    setReasonError(null);
    update.mutate(
      {
        studentId: props.file.id,
        expectedVersion: props.file.version,
        reason,
        ...props.toChange(values),
      },
      {
        onSuccess: () => {
          showDone(`${props.title.replace(/^Edit /, '')}: saved.`);
          props.onClose();
        },
        onError: (error) => {
          const shape =
            error instanceof DeskCallError ? error.shape : { kind: 'internal', message: String(error) };
          const field = 'field' in shape && typeof shape.field === 'string' ? shape.field : null;
          if (field === 'reason') return setReasonError(shape.message);
          const path = field === null ? null : props.fieldOf(field);
          if (path !== null) form.setFieldError(path, shape.message);
          else setProblem({ kind: shape.kind, message: shape.message });
        },
      },
    );
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {problem && (
            <Alert
              color={problem.kind === 'conflict' ? 'orange' : 'red'}
              title={problem.kind === 'conflict' ? 'Someone else changed this file' : 'Not saved'}
              role="alert"
            >
              <Stack gap="xs" align="flex-start">
                {problem.message}
                {problem.kind === 'conflict' && (
                  <Button
                    size="xs"
                    variant="light"
                    color="orange"
                    onClick={() => {
                      props.onReload();
                      props.onClose();
                    }}
                  >
                    Reload the file
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          {props.children(form)}
          <TextInput
            label="Why the file changes"
            description="Kept in the audit trail with the change."
            required
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Input props for an ISO date that may be empty (null in the file). */
export function dateInputProps<Values>(form: UseFormReturnType<Values>, path: string) {
  const props = form.getInputProps(path);
  return {
    type: 'date',
    value: (props['value'] as string | null | undefined) ?? '',
    error: props['error'] as ReactNode,
    onChange: (event: { currentTarget: { value: string } }) =>
      form.setFieldValue(path, (event.currentTarget.value || null) as never),
  };
}
