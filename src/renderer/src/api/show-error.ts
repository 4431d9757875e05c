import { notifications } from '@mantine/notifications';
import { DeskCallError } from './desk-client';

/** Something that can show an error beside a field (Mantine's useForm does). */
interface FieldErrorTarget {
  setFieldError(path: string, error: string): void;
  getValues(): object;
}

/**
 * Shows an error where it belongs: beside its field when the form has that field, else as a notification.
 *
 * Conflicts get a title that says what to do.
 */
export function showDeskError(error: unknown, form?: FieldErrorTarget): void {
  const shape =
    error instanceof DeskCallError ? error.shape : { kind: 'internal' as const, message: String(error) };
  if (form && 'field' in shape && shape.field && shape.field in form.getValues()) {
    form.setFieldError(shape.field, shape.message);
    return;
  }
  const titles: Record<string, string> = {
    conflict: 'Someone else changed this',
    forbidden: 'Not allowed for your role',
    refused: 'Refused',
    validation: 'Please check the input',
    not_found: 'Not found',
    unauthenticated: 'Signed out',
    internal: 'Unexpected error',
  };
  notifications.show({
    color: shape.kind === 'conflict' ? 'orange' : 'red',
    title: titles[shape.kind] ?? 'Error',
    message: shape.message,
    autoClose: shape.kind === 'conflict' ? false : 8000,
  });
}

/** A short success notice: staff see at once that the action went through. */
export function showDone(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
