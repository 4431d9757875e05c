/*
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') for the payment rules. Everything is done on
 * whole calendar days in UTC, so that no time zone or daylight-saving change moves a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into its parts; month is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Splits an ISO date 'YYYY-MM-DD'; throws a RangeError for anything that is not a real calendar date. */
export function parseIsoDate(date: string): CalendarDate {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}".`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a calendar date.`);
  }
  return { year, month, day };
}

/** Formats year, month (1–12, may overflow into later years) and day as an ISO date. */
function isoFromParts(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

/** The date a number of calendar days after (or, when negative, before) the given date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return isoFromParts(year, month, day + days);
}

/** The first day of the month `months` after the month of the date (0: its own month; 1: the next). */
export function firstDayOfMonthsLater(date: string, months: number): string {
  const { year, month } = parseIsoDate(date);
  return isoFromParts(year, month + months, 1);
}

/** The first day of the month after the month of the date. */
export function firstDayOfNextMonth(date: string): string {
  return firstDayOfMonthsLater(date, 1);
}

/** The same day of the month `months` later, or the last day of that month when it is shorter. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return isoFromParts(year, month + months, Math.min(day, lastDay));
}

/** The month of a date as two digits, '01' … '12'. */
export function monthOf(date: string): string {
  return String(parseIsoDate(date).month).padStart(2, '0');
}

/**
 * How many calendar months the period from `from` up to and including `until` touches, counting the
 * months of both ends in full; 0 when `from` is after `until`.
 */
export function calendarMonthsFromUntil(from: string, until: string): number {
  if (from > until) return 0;
  const a = parseIsoDate(from);
  const b = parseIsoDate(until);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** The later of two ISO dates. */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * The first day of the academic year that contains the date, given the first day of any academic
 * year (e.g. '2022-09-01'): the year runs from that month and day to the day before it a year later.
 */
export function academicYearStartContaining(date: string, anyAcademicYearStart: string): string {
  const d = parseIsoDate(date);
  const s = parseIsoDate(anyAcademicYearStart);
  const startsThisCalendarYear = d.month > s.month || (d.month === s.month && d.day >= s.day);
  return isoFromParts(startsThisCalendarYear ? d.year : d.year - 1, s.month, s.day);
}

/** Formats an ISO date for a reason text, e.g. '2023-02-01' → '1 February 2023'. */
export function formatLongDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${monthName(month)} ${year}`;
}

/** The English name of a month (1–12), e.g. 7 → 'July'. */
export function monthName(month: number): string {
  // One formatter, not one per call: building an Intl.DateTimeFormat costs more than the rest of a rule.
  monthNameFormat ??= new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  return monthNameFormat.format(new Date(Date.UTC(2000, month - 1, 1)));
}
let monthNameFormat: Intl.DateTimeFormat | undefined;

/** Lists the first days of months given as two-digit strings, e.g. ['07', '08'] → '1 July or 1 August'. */
export function firstDaysOfMonthsText(months: readonly string[]): string {
  const names = months.map((m) => `1 ${monthName(Number(m))}`);
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
