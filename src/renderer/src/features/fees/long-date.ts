const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Formats an ISO date as the provisions write it, e.g. '2023-02-01' → '1 February 2023'; null → '—'. */
export function formatLongDate(date: string | null | undefined): string {
  if (!date) return '—';
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : longDate.format(parsed);
}

/** Formats an ISO date compactly for a table cell, e.g. '2023-02-01' → '1 Feb 2023'; null → '—'. */
export function formatShortDate(date: string | null | undefined): string {
  if (!date) return '—';
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : shortDate.format(parsed);
}

/** Today's date in the local time zone, written as the provisions write dates, for a printed document. */
export function formatToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(now);
}
