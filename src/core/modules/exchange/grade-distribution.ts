import type { ExchangeGuide } from './exchange-guide.schema';

/*
 * The ECTS grading table of a reference group (ECTS Users' Guide 2015, Grading tables): how the passing
 * grades awarded over at least the last two academic years are distributed, each grade's percentage and
 * the cumulative percentage from the best grade down. Percentages have one decimal and always add up to
 * exactly 100.0: they are apportioned in tenths of a percent by largest remainder, so the cumulative
 * column ends at 100.0 instead of 99.9 or 100.1.
 */

/** One grade of the table: '8.5', how often it was awarded, its percentage and the cumulative percentage. */
export interface GradeDistributionRow {
  readonly label: string;
  readonly tenths: number;
  readonly count: number;
  /** One decimal, e.g. 12.5. */
  readonly percentage: number;
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

/**
 * Shares of `total` in tenths of a percent (summing to exactly 1000) by largest remainder; ties go to
 * the earlier (better) grade so that the result does not depend on sort stability.
 */
export function apportionPerMille(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 1000) / total);
  const shares = exact.map(Math.floor);
  let left = 1000 - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact
    .map((e, index) => ({ index, remainder: e - Math.floor(e) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    if (exact[index] === shares[index]) continue;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
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
  const perMille = apportionPerMille(counts);
  let cumulative = 0;
  const rows = steps.map((tenths, index) => {
    cumulative += perMille[index] ?? 0;
    return {
      label: (tenths / 10).toFixed(1),
      tenths,
      count: counts[index] ?? 0,
      percentage: (perMille[index] ?? 0) / 10,
      cumulativePercentage: cumulative / 10,
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
