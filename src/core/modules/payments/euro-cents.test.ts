import { describe, expect, it } from 'vitest';
import {
  academicYearStartContaining,
  addDays,
  addMonths,
  calendarMonthsFromUntil,
  firstDaysOfMonthsText,
} from './calendar-dates';
import { formatEuroCents, proRataCents, splitCentsEvenly } from './euro-cents';

describe('money and dates for the payment rules', () => {
  it('rounds a pro-rata amount once, to the nearest cent, half a cent up', () => {
    expect(proRataCents(920000, 7, 12)).toBe(536667);
    expect(proRataCents(220900, 2, 12)).toBe(36817);
    expect(proRataCents(1, 1, 2)).toBe(1);
    expect(proRataCents(1, 1, 3)).toBe(0);
    expect(() => proRataCents(100.5, 1, 2)).toThrow(RangeError);
  });

  it('splits an amount into parts that add up exactly and differ by at most a cent, larger parts first', () => {
    expect(splitCentsEvenly(110500, 8)).toEqual([13813, 13813, 13813, 13813, 13812, 13812, 13812, 13812]);
    expect(splitCentsEvenly(7, 4)).toEqual([2, 2, 2, 1]);
    expect(splitCentsEvenly(1820000, 4).reduce((a, b) => a + b, 0)).toBe(1820000);
  });

  it('formats cents in euros for the reasons', () => {
    expect(formatEuroCents(536667)).toBe('€5,366.67');
  });

  it('counts calendar days and months without time-zone drift', () => {
    expect(addDays('2023-02-20', 14)).toBe('2023-03-06');
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
    expect(calendarMonthsFromUntil('2023-02-01', '2023-08-31')).toBe(7);
    expect(calendarMonthsFromUntil('2023-09-01', '2023-08-31')).toBe(0);
    expect(academicYearStartContaining('2023-08-31', '2022-09-01')).toBe('2022-09-01');
    expect(academicYearStartContaining('2023-09-01', '2022-09-01')).toBe('2023-09-01');
    expect(firstDaysOfMonthsText(['07', '08'])).toBe('1 July or 1 August');
    expect(() => addDays('2023-02-30', 1)).toThrow('"2023-02-30" is not a calendar date.');
  });
});
