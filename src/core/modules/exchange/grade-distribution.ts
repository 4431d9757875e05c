import type { ExchangeGuide } from './exchange-guide.schema';

/*
 * The ECTS grading table of a reference group (ECTS Users' Guide 2015, Grading tables): how the passing
 * grades awarded over at least the last two academic years — the transcript's academic year and the one
 * before — are distributed: each grade's share of the passing grades and the cumulative share from the
 * best grade down. Each percentage is rounded to one decimal on its own, so equal counts always show
 * equal percentages (the percentages may then add up to 99.9 or 100.1); the cumulative percentage is
 * computed from the cumulative count, so it always ends at exactly 100.0.
 */

/** One grade of the table: '8.5', how often it was awarded, its percentage and the cumulative percentage. */
export interface GradeDistributionRow {
  readonly label: string;
  readonly tenths: number;
  readonly count: number;
  /** The grade's share of the passing grades, rounded to one decimal on its own, e.g. 12.5. */
  readonly percentage: number;
  /** The share of this grade and the better ones, from their cumulative count; 100.0 on the last row. */
  readonly cumulativePercentage: number;
}

/** A reference group's table, or 'insufficient data' when fewer passing grades than the minimum exist. */
export type GradeDistribution =
  | { readonly kind: 'table'; readonly total: number; readonly rows: readonly GradeDistributionRow[] }
  | { readonly kind: 'insufficient-data'; readonly total: number; readonly minimumGroupSize: number };

/** The passing grades of the scale in tenths, best first: 100, 95, …, 55. */
export function passingGradeSteps(guide: ExchangeGuide): number[] {
  const g = guide.grading;
  const step = Math.round(g.step * 10);
  const steps: number[] = [];
  for (let t = Math.round(g.highest * 10); t >= Math.round(g.passMark * 10); t -= step) steps.push(t);
  return steps;
}

/** `part` of `total` as a percentage rounded half up to one decimal: 1 of 7 → 14.3, 1 of 8 → 12.5. */
export function percentageOf(part: number, total: number): number {
  if (total === 0) return 0;
  // In whole tenths of a percent, rounding the exact fraction (part * 1000 / total) half up in integers.
  return Math.floor((part * 2000 + total) / (2 * total)) / 10;
}

/** The grading table of the passing grades given (in tenths); other grades are ignored. */
export function ectsGradeDistribution(
  steps: readonly number[],
  gradesInTenths: readonly number[],
  minimumGroupSize: number,
): GradeDistribution {
  const counts = steps.map((s) => gradesInTenths.filter((g) => g === s).length);
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total < minimumGroupSize) return { kind: 'insufficient-data', total, minimumGroupSize };
  let cumulative = 0;
  const rows = steps.map((tenths, index) => {
    const count = counts[index] ?? 0;
    cumulative += count;
    return {
      label: (tenths / 10).toFixed(1),
      tenths,
      count,
      percentage: percentageOf(count, total),
      cumulativePercentage: percentageOf(cumulative, total),
    };
  });
  return { kind: 'table', total, rows };
}

/** The academic years a table covers, ending with `academicYear`: 2 → ['2021-22', '2022-23']. */
export function distributionYears(academicYear: string, count: number): string[] {
  const start = Number(academicYear.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const y = start - (count - 1) + i;
    return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
  });
}
