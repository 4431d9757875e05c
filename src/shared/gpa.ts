/**
 * A GPA as every screen and document shows it — the exchange panel, the transcript preview and the
 * transcript PDF: one decimal, like the grades it averages (the core rounds the average to tenths).
 */
export function formatGpa(gpa: number): string {
  return gpa.toFixed(1);
}
