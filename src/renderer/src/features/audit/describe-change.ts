import type { AuditEntry } from '../../../../shared/api/audit.contract';

/** Bookkeeping fields that every change touches; they say nothing to a reader of the trail. */
const bookkeeping = new Set(['id', 'version', 'updatedAt', 'updatedBy', 'createdAt']);

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line saying what changed, from the before and after of an audit row. */
export function describeChange(entry: AuditEntry): string {
  const pick = (value: unknown) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const before = pick(entry.before);
  const after = pick(entry.after);
  if (entry.action === 'course.link')
    return `${formatValue(after['course'])} → ${formatValue(after['programme'])}`;
  if (entry.action === 'course.unlink')
    return `${formatValue(before['course'])} ✕ ${formatValue(before['programme'])}`;
  const keys = Object.keys(entry.before === null ? after : { ...before, ...after }).filter(
    (key) => !bookkeeping.has(key),
  );
  if (entry.before !== null && entry.after !== null) {
    return keys
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => `${key}: ${formatValue(before[key])} → ${formatValue(after[key])}`)
      .join('; ');
  }
  const shown = entry.after === null ? before : after;
  return keys.map((key) => `${key}: ${formatValue(shown[key])}`).join('; ');
}
