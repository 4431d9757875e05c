const euro = new Intl.NumberFormat('en-NL', { style: 'currency', currency: 'EUR' });

/** Formats integer euro cents for staff and letters, e.g. 110500 → "€ 1,105.00" (DESIGN.md §3). */
export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}
