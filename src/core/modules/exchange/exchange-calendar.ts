import { addDays } from '../payments/calendar-dates';
import type { ExchangeGuide, ExchangePeriod } from './exchange-guide.schema';

/** A semester of the exchange: fall (periods 1–3) or spring (periods 4–6). */
export type SemesterTerm = 'fall' | 'spring';

/** A semester named as staff say it: '2022-fall' is the fall of 2022-23, '2023-spring' its spring. */
export type SemesterKey = `${number}-${SemesterTerm}`;

/** The key of a term of an academic year: ('2022-23', 'spring') → '2023-spring'. */
export function semesterKey(academicYear: string, term: SemesterTerm): SemesterKey {
  const first = Number(academicYear.slice(0, 4));
  return `${term === 'fall' ? first : first + 1}-${term}`;
}

/** The academic year and term of a key: '2023-spring' → { academicYear: '2022-23', term: 'spring' }. */
export function parseSemesterKey(key: string): { academicYear: string; term: SemesterTerm } {
  const match = /^(\d{4})-(fall|spring)$/.exec(key);
  if (!match) throw new Error(`"${key}" is not a semester; use e.g. 2022-fall or 2023-spring.`);
  const year = Number(match[1]);
  const term = match[2] as SemesterTerm;
  const first = term === 'fall' ? year : year - 1;
  return { academicYear: `${first}-${String((first + 1) % 100).padStart(2, '0')}`, term };
}

/** The semester after this one: '2022-fall' → '2023-spring' → '2023-fall'. */
export function nextSemester(key: string): SemesterKey {
  const { academicYear, term } = parseSemesterKey(key);
  if (term === 'fall') return semesterKey(academicYear, 'spring');
  const next = Number(academicYear.slice(0, 4)) + 1;
  return semesterKey(`${next}-${String((next + 1) % 100).padStart(2, '0')}`, 'fall');
}

/** The course periods of a term (Exchange guide, Academic calendar). */
export function periodsOfTerm(guide: ExchangeGuide, term: SemesterTerm): number[] {
  return guide.semesters.find((s) => s.term === term)?.periods ?? [];
}

/** A period of the year by number. */
export function periodOf(guide: ExchangeGuide, number: number): ExchangePeriod {
  const period = guide.periods.find((p) => p.number === number);
  if (!period) throw new Error(`There is no course period ${number}.`);
  return period;
}

/** The term a period belongs to. */
export function termOfPeriod(guide: ExchangeGuide, number: number): SemesterTerm {
  return guide.semesters.find((s) => s.periods.includes(number))?.term ?? 'fall';
}

/** The first and last day of a semester of the guide's year. */
export function semesterDates(
  guide: ExchangeGuide,
  term: SemesterTerm,
): { startsOn: string; endsOn: string } {
  const periods = periodsOfTerm(guide, term).map((n) => periodOf(guide, n));
  return { startsOn: periods[0]?.startsOn ?? '', endsOn: periods.at(-1)?.endsOn ?? '' };
}

/** The last day of the first week of education of a period. */
export function firstWeekEndsOn(guide: ExchangeGuide, period: ExchangePeriod): string {
  return addDays(period.startsOn, guide.registration.firstWeekOfEducationDays.days - 1);
}

/** The day the UM account closes: about 60 days after the exchange ends (Exchange guide, Student Portal). */
export function umAccountEndsOn(guide: ExchangeGuide, exchangeEndsOn: string): string {
  return addDays(exchangeEndsOn, guide.umAccount.daysAfterExchangeEnds);
}
