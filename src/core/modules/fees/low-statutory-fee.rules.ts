import { DeskError } from '../../../shared/errors';
import type { TuitionFeeContext } from './fee-assessment';
import { firstDayOfMonthIndex, monthIndexOf } from './fee-lookups';
import { dateText, euroText, type FeeReason } from './fee-reasons';

/** Art 17.1–17.3: months with the low statutory fee. */
export interface LowFeeWindow {
  from: number;
  to: number;
  /** This enrolment is the student's first enrolment in Dutch higher education (Art 17.1, 19.3). */
  isFirstEnrolment: boolean;
  reasons: FeeReason[];
}

/**
 * Art 17.1–17.3 (with 20.2–20.3): the months of this enrolment that carry the low statutory fee of the
 * first bachelor's year, and why (or why not). Whether the student is eligible for the statutory fee at
 * all is decided elsewhere; this only says which months would be low.
 */
export function assessLowStatutoryFeeWindow(context: TuitionFeeContext): LowFeeWindow {
  const { facts, lookups, timing, programme } = context;
  if (context.level !== 'bachelor' || context.isPartTime) return noLowFeeMonths([], false);
  const { fees } = lookups.provisions;
  const since = fees.rodHoRecordsSinceDate.date;
  const low = fees.lowStatutoryTuitionFeeCents;
  const amountText = programme.regime ? '' : ` of ${euroText(low.amountCents)} a year`;
  const first = facts.rodHo.firstEnrolment;
  const firstStart = first !== null && first.startedOn >= since ? first.startedOn : null;
  const isFirstEnrolment =
    (firstStart === null && !facts.isReEnrolment) || firstStart === timing.effectiveStart;

  if (isFirstEnrolment) {
    if (timing.intake === 'september') {
      return {
        from: timing.startIndex,
        to: 12,
        isFirstEnrolment,
        reasons: [
          {
            article: low.article,
            text: `ROD HO records since ${dateText(since)} show no earlier enrolment in Dutch higher education and the student enrols as of ${dateText(timing.effectiveStart)}, so the low statutory fee${amountText} applies to the first year of the bachelor’s programme.`,
          },
        ],
      };
    }
    if (timing.intake === 'february') {
      return {
        from: timing.startIndex,
        to: 12,
        isFirstEnrolment,
        reasons: [
          {
            article: low.article,
            text: `ROD HO records since ${dateText(since)} show no earlier enrolment in Dutch higher education, so the student is entitled to the low statutory fee${amountText} for the first year of the bachelor’s programme.`,
          },
          {
            article: fees.lowStatutoryFeeFebruaryIntakeFromDate.article,
            text: `The student enrols as of ${dateText(timing.effectiveStart)}, so the low fee runs from ${dateText(fees.lowStatutoryFeeFebruaryIntakeFromDate.date)} up to and including ${dateText(fees.lowStatutoryFeeFebruaryIntakeUntilDate.date)}, which covers the rest of this academic year.`,
          },
        ],
      };
    }
    // Ambiguity (Art 17.1): the low fee is granted "in the event of enrolment as of 1 September 2022" and, by
    // 17.2, as of 1 February 2023; by the letter a first enrolment at an interim date (Art 4.4) is not covered.
    return noLowFeeMonths(
      [
        {
          article: low.article,
          text: `The low statutory fee applies to a first enrolment as of ${dateText(lookups.calendar.startDate)} (or, Art 17.2, ${dateText(fees.lowStatutoryFeeFebruaryIntakeFromDate.date)}); this interim enrolment takes effect on ${dateText(timing.effectiveStart)}, so the statutory fee applies.`,
        },
      ],
      true,
    );
  }
  if (firstStart !== null && firstStart > timing.effectiveStart) {
    throw new DeskError(
      'validation',
      `ROD HO’s first enrolment (${dateText(firstStart)}) cannot lie after the start of this enrolment (${dateText(timing.effectiveStart)}).`,
      { field: 'rodHo.firstEnrolment.startedOn' },
    );
  }
  if (first !== null && firstStart !== null && first.hadLowStatutoryFee) {
    // Art 17.2–17.3: the low fee covers the 12 months from the initial enrolment; months not enrolled are lost.
    const windowMonths = fees.lowStatutoryFeeReEnrolmentWindowMonths.months;
    const firstIndex = monthIndexOf(lookups.calendar, firstStart);
    const from = Math.max(timing.startIndex, firstIndex);
    const to = Math.min(12, firstIndex + windowMonths);
    const windowEnd = dayBefore(firstDayOfMonthIndex(lookups.calendar, firstIndex + windowMonths));
    if (from < to) {
      const isThisYear = firstStart >= lookups.calendar.startDate;
      return {
        from,
        to,
        isFirstEnrolment: false,
        reasons: isThisYear
          ? [
              {
                article: fees.lowStatutoryFeeReEnrolmentWindowMonths.article,
                text: `The student first enrolled on ${dateText(firstStart)} with the low statutory fee and re-enrols within ${windowMonths} months of it, so the low fee${amountText} applies up to and including ${dateText(windowEnd)}; the months not enrolled are forfeited.`,
              },
            ]
          : [
              // Ambiguity (Art 17.2): written for the February intake of this year; applied accordingly to the
              // student of last year's February intake, whose 12 months of low fee run into this year.
              {
                article: fees.lowStatutoryFeeFebruaryIntakeFromDate.article,
                text: `The student first enrolled on ${dateText(firstStart)} with the low statutory fee, which runs for ${windowMonths} months, up to and including ${dateText(windowEnd)}; for the remaining months of this academic year the full statutory fee applies.`,
              },
            ],
      };
    }
    return noLowFeeMonths(
      [
        {
          article: low.article,
          text: `The student first enrolled in Dutch higher education on ${dateText(firstStart)}; the ${windowMonths} months of the low statutory fee ended before this enrolment.`,
        },
      ],
      false,
    );
  }
  return noLowFeeMonths(
    [
      {
        article: low.article,
        text:
          firstStart !== null
            ? `ROD HO records an earlier enrolment in Dutch higher education, on ${dateText(firstStart)}, so the low statutory fee of the first year does not apply.`
            : 'The student re-enrols at UM (Art 1n), so was previously enrolled in Dutch higher education and the low statutory fee of the first year does not apply.',
      },
    ],
    false,
  );
}

/** No month of this enrolment carries the low fee. */
function noLowFeeMonths(reasons: FeeReason[], isFirstEnrolment: boolean): LowFeeWindow {
  return { from: 12, to: 12, isFirstEnrolment, reasons };
}

/** The day before an ISO date: '2023-02-01' → '2023-01-31'. */
function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
