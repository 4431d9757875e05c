import { DeskError } from '../../shared/errors';

/** Formats a stored UTC timestamp for a message staff read, e.g. "23 Nov 2026, 12:03 UTC". */
export function describeTimestamp(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}

/**
 * Refuses an update made against a version of the row that is no longer current.
 *
 * The message names who changed it and when, so that nobody overwrites a colleague's work unseen.
 */
export function assertCurrentVersion(
  row: { version: number; updatedBy: string; updatedAt: string },
  expectedVersion: number,
  what: string,
): void {
  if (row.version !== expectedVersion) {
    throw new DeskError(
      'conflict',
      `${what} was changed by ${row.updatedBy} at ${describeTimestamp(row.updatedAt)} after you opened it. ` +
        'Reload to see their change, then make yours again.',
    );
  }
}
