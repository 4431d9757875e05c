import { DeskError } from '../../../shared/errors';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import { firstDayOfMonthIndex, monthIndexOf, type FeeLookups, type ResolvedProgramme } from './fee-lookups';
import { dateText, type FeeReason } from './fee-reasons';

/** When the enrolment takes effect (Art 4) and how the dates of Art 14 apply to it. */
export interface EnrolmentTiming {
  /** The day the student enrolled (facts.startDate, or the first day of the year). */
  enrolledOn: string;
  /** The day the enrolment takes effect (Art 4.5: retroactive to the first of the month; October → 1 November). */
  effectiveStart: string;
  /** Month of the academic year of the effective start (0 = September). */
  startIndex: number;
  /** Art 4.1 / 4.2 commencement date, an interim enrolment (Art 4.4), or a pre-master's / professional master's date (Art 4.6–4.7). */
  intake: 'september' | 'february' | 'interim' | 'programme-specific';
}

/**
 * Art 4: when the enrolment takes effect (1 September, 1 February, or an interim date the SSC director
 * permitted, retroactive to the first of the month except October → 1 November), with its reasons.
 */
export function assessEnrolmentTiming(
  facts: FeeFacts,
  lookups: FeeLookups,
  programme: ResolvedProgramme,
): { timing: EnrolmentTiming; reasons: FeeReason[] } {
  const { calendar } = lookups;
  const enrolledOn = facts.startDate ?? calendar.startDate;
  if (enrolledOn < calendar.startDate || enrolledOn > calendar.endDate) {
    throw new DeskError(
      'validation',
      `${dateText(enrolledOn)} lies outside the academic year ${lookups.provisions.academicYear}, which runs from ${dateText(calendar.startDate)} up to and including ${dateText(calendar.endDate)} (Art 1bb).`,
      { field: 'startDate' },
    );
  }
  const index = monthIndexOf(calendar, enrolledOn);
  if (programme.level === 'pre-master' || programme.level === 'professional-master') {
    // Art 4.6–4.7: these programmes have their own commencement dates; Art 29 concerns tuition fees only.
    return {
      timing: { enrolledOn, effectiveStart: enrolledOn, startIndex: index, intake: 'programme-specific' },
      reasons: [],
    };
  }
  const intake = lookups.commencementDates.get(enrolledOn);
  if (intake) {
    return {
      timing: { enrolledOn, effectiveStart: enrolledOn, startIndex: index, intake },
      reasons:
        intake === 'february'
          ? [
              {
                article: 'Art 4.2',
                text: `The student enrols as of ${dateText(enrolledOn)}, the additional commencement date of the programmes listed on the UM website.`,
              },
            ]
          : [],
    };
  }
  if (!facts.isInterimEnrolmentPermitted) {
    throw new DeskError(
      'validation',
      `Enrolment on ${dateText(enrolledOn)} is outside the commencement dates of Art 4.1–4.2; only the SSC director can permit it, in cases of evident hardship (Art 4.4, 41).`,
      { field: 'isInterimEnrolmentPermitted' },
    );
  }
  const isOctober = index === lookups.octoberMonthIndex;
  const startIndex = isOctober ? lookups.octoberEffectiveMonthIndex : index;
  const effectiveStart = firstDayOfMonthIndex(calendar, startIndex);
  return {
    timing: { enrolledOn, effectiveStart, startIndex, intake: 'interim' },
    reasons: [
      {
        article: 'Art 4.4–4.5',
        text: isOctober
          ? `The SSC director permitted enrolment on ${dateText(enrolledOn)}; an enrolment in October cannot take effect retroactively and takes effect on ${dateText(effectiveStart)}.`
          : `The SSC director permitted enrolment on ${dateText(enrolledOn)}; it takes effect retroactively from the first day of that month, ${dateText(effectiveStart)}.`,
      },
    ],
  };
}

/** Art 14.5 / 14.6: the deadline of a document for this enrolment, and whether the day itself is still in time. */
export function documentDeadline(
  timing: EnrolmentTiming,
  september: { date: string },
  february: { date: string },
): { date: string; isInclusive: boolean } {
  if (timing.intake === 'february') return { date: february.date, isInclusive: false };
  // Ambiguity (Art 14.5, 14.6): the dates are those of the September and February intakes; for an interim
  // enrolment (Art 4.4) we require the document by the day the student enrolled.
  if (timing.intake === 'interim') return { date: timing.enrolledOn, isInclusive: true };
  return { date: september.date, isInclusive: false };
}

/** Whether a date meets a deadline of `documentDeadline`. */
export function isInTime(submittedOn: string, deadline: { date: string; isInclusive: boolean }): boolean {
  return deadline.isInclusive ? submittedOn <= deadline.date : submittedOn < deadline.date;
}
