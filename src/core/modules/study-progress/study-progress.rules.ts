import type { StudyProgressOutcome } from '../../../shared/api/study-progress.contract';
import type { StudentProfile } from '../../../shared/facts/student-profile';
import type { Provisions } from '../../provisions/provisions.schema';
import { countriesWithTreatment, nationalityText } from '../enrolments/eligibility.rules';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  addDays,
  addMonths,
  calendarMonthsFromUntil,
  firstDayOfNextMonth,
  formatLongDate,
  laterDate,
} from '../payments/calendar-dates';
import type { StudyProgressRequirements } from './study-progress-requirements.schema';

/*
 * The study progress requirement for students on a study residence permit (source 003, cited as
 * 'Study progress, <section>'; Art 1l, 10.4, 13.1f). Pure functions from facts to decisions with reasons.
 * Credits are kept in tenths of an ECTS (65 = 6.5) so that sums and the comparison with the norm are exact.
 */

/** Enrolment statuses in which the student is enrolled in the year (a hold keeps the enrolment). */
const CURRENT_STATUSES = new Set(['enrolled', 'administrative-hold']);
/** Enrolment statuses that end an enrolment during the year: Art 33.8 applies instead. */
const ENDED_STATUSES = new Set(['terminated', 'cancelled']);

/** An enrolment of the student in the academic year, as the check needs it. */
export interface StudyProgressEnrolment {
  readonly id: number;
  readonly programmeCode: string | null;
  readonly programmeName: string;
  /** 'regular', 'external', 'exchange' or 'subsidiary' (Art 2.4, 10). */
  readonly kind: string;
  readonly mode: string;
  readonly startDate: string;
  readonly status: string;
  /** For a preparatory programme: the day it was passed (a pre-master's certificate issued, Art 8.3); else null. */
  readonly preparatoryPassedOn: string | null;
}

/** A credits record: ECTS in tenths, the day obtained, and what for. */
export interface CreditsRecord {
  readonly creditsTenths: number;
  readonly obtainedOn: string;
  readonly description: string;
}

/** Whether the requirement applies, for which enrolment, and why. */
export type StudyProgressScope =
  | {
      readonly inScope: true;
      readonly enrolment: StudyProgressEnrolment;
      readonly reasons: ProvisionReason[];
    }
  | {
      readonly inScope: false;
      /** 'out-of-scope', or 'needs-review' where the source does not decide. */
      readonly outcome: 'out-of-scope' | 'needs-review';
      readonly enrolment: StudyProgressEnrolment | null;
      readonly reasons: ProvisionReason[];
    };

/** 12 → '12', 175 → '17.5' (tenths of an ECTS as printed). */
export function formatCredits(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** Whether a programme is a preparatory programme by the requirements' data (e.g. 'pm-', App IV). */
export function isPreparatoryProgramme(
  requirements: StudyProgressRequirements,
  programmeCode: string | null,
): boolean {
  return (
    programmeCode !== null &&
    requirements.preparatory.programmeCodePrefixes.some((prefix) => programmeCode.startsWith(prefix))
  );
}

/**
 * Who the study progress requirement applies to (Study progress, Study progress requirements; Art 13.1f,
 * 10.4): a student holding a Dutch residence permit for study, not a national of the EU/EEA or
 * Switzerland, enrolled in the year other than on exchange. The enrolment checked is the earliest
 * current one of the year.
 */
export function studyProgressScope(
  profile: StudentProfile | null,
  enrolments: readonly StudyProgressEnrolment[],
  provisions: Provisions,
  requirements: StudyProgressRequirements,
): StudyProgressScope {
  const scopeRef = requirements.scope.source;
  const out = (
    text: string,
    article = scopeRef,
    enrolment: StudyProgressEnrolment | null = null,
  ): StudyProgressScope => ({
    inScope: false,
    outcome: 'out-of-scope',
    enrolment,
    reasons: [{ article, text }],
  });
  if (profile === null)
    return {
      inScope: false,
      outcome: 'needs-review',
      enrolment: null,
      reasons: [
        {
          article: scopeRef,
          text: 'No profile is recorded for the student, so neither the residence permit nor the nationality is known: record the profile first.',
        },
      ],
    };
  if (profile.residence.permit.type !== 'study')
    return out(
      'The student does not hold a Dutch residence permit for study, so the study progress requirement does not apply.',
    );
  // Art 13.1f: UM de-registers with the IND only students who are not nationals of the EU/EEA or Switzerland.
  const exempt = countriesWithTreatment(provisions, 'Art 13.1f', 'nationality');
  const exemptNationality = profile.nationalities.find((c) => exempt.has(c));
  if (exemptNationality !== undefined)
    return out(
      `The student is ${nationalityText(provisions, [exemptNationality])}, a country of the EU/EEA or Switzerland, whose nationals UM does not de-register with the IND.`,
      'Art 13.1f',
    );
  const current = enrolments
    .filter((e) => CURRENT_STATUSES.has(e.status))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  const nonExchange = current.filter((e) => e.kind !== 'exchange');
  if (current.length > 0 && nonExchange.length === 0)
    return {
      inScope: false,
      outcome: 'out-of-scope',
      enrolment: current[0] ?? null,
      reasons: [
        {
          article: requirements.exchange.source,
          text: 'The student is enrolled as an exchange student, and the study progress requirement does not apply to students on an exchange programme.',
        },
        {
          article: 'Art 10.4',
          text: 'An exchange student follows educational activities at UM under an exchange contract with the foreign university where the student is enrolled.',
        },
      ],
    };
  const enrolment = nonExchange[0];
  if (enrolment === undefined) {
    const ended = enrolments.find((e) => ENDED_STATUSES.has(e.status));
    if (ended)
      return out(
        `The enrolment in ${ended.programmeName} ${ended.status === 'cancelled' ? 'was cancelled' : 'was terminated'} during the year: UM de-registers the student with the IND on that ground (see IND notifications), not for study progress.`,
        'Art 33.8',
        ended,
      );
    return out('The student is not enrolled in this academic year.');
  }
  if (enrolment.kind === 'subsidiary')
    return {
      inScope: false,
      outcome: 'needs-review',
      enrolment,
      reasons: [
        {
          article: 'Art 10.1',
          text: 'The student is a subsidiary student, enrolled in a programme of another Dutch institution; the study progress page does not say who checks such a student: ask the other institution.',
        },
      ],
    };
  return {
    inScope: true,
    enrolment,
    reasons: [
      {
        article: scopeRef,
        text: `The student holds a Dutch residence permit for study and is enrolled in ${enrolment.programmeName}, not on exchange, so the study progress requirement applies for this year.`,
      },
      {
        article: 'Art 13.1f',
        text: `The student is ${nationalityText(provisions, profile.nationalities)}, not of the EU/EEA or Switzerland, so UM must de-register the student with the IND on insufficient study progress (Art 5.5–5.6 of the Code of Conduct, Art 1l).`,
      },
    ],
  };
}

/** The requirement for an enrolment: credits on offer for the months enrolled, and the share to obtain. */
export interface StudyProgressNorm {
  /** Whole calendar months enrolled in the year. */
  readonly monthsEnrolled: number;
  /** The first day from which credits count. */
  readonly countsFrom: string;
  readonly creditsAvailableTenths: number;
  /** The credits to obtain, rounded up to a tenth (obtaining at least that many meets the requirement). */
  readonly normTenths: number;
  readonly reasons: ProvisionReason[];
}

/**
 * The norm (Study progress, Credits per year; Part of the year): the year's credits, or for an enrolment
 * that starts later the credits of the semesters enrolled — a semester started within counted pro rata by
 * the whole calendar months enrolled in it — times the required percentage. A 1 February start: 30 of the
 * second semester's credits, 15 to obtain.
 */
export function studyProgressNorm(
  startDate: string,
  requirements: StudyProgressRequirements,
): StudyProgressNorm {
  const { norm, partOfYear } = requirements;
  const countsFrom = laterDate(startDate, requirements.startsOn);
  // A month counts when the student is enrolled from its first day.
  const firstWholeMonth = countsFrom.endsWith('-01') ? countsFrom : firstDayOfNextMonth(countsFrom);
  let available = 0;
  let monthsEnrolled = 0;
  const parts: string[] = [];
  for (const semester of partOfYear.semesters) {
    const semesterMonths = calendarMonthsFromUntil(semester.startsOn, semester.endsOn);
    const months = calendarMonthsFromUntil(laterDate(firstWholeMonth, semester.startsOn), semester.endsOn);
    if (months <= 0) continue;
    monthsEnrolled += months;
    const credits = (semester.credits * months) / semesterMonths;
    available += credits;
    parts.push(
      months === semesterMonths
        ? `the ${semester.name} (${semester.credits})`
        : `${months} of the ${semesterMonths} months of the ${semester.name} (${formatCredits(Math.round(credits * 10))} of ${semester.credits})`,
    );
  }
  const creditsAvailableTenths = Math.round(available * 10);
  const normTenths = Math.ceil((available * norm.requiredPercentage) / 10 - 1e-9);
  const isWholeYear = creditsAvailableTenths === norm.creditsPerYear * 10;
  const reasons: ProvisionReason[] = [
    isWholeYear
      ? {
          article: norm.source,
          text: `Enrolled for the whole academic year, which offers ${norm.creditsPerYear} credits: the student must obtain at least ${norm.requiredPercentage} % of them, ${formatCredits(normTenths)} ECTS.`,
        }
      : {
          article: partOfYear.source,
          text: `Enrolled from ${formatLongDate(startDate)}, for part of the year: ${parts.join(' and ') || 'no whole month'} offer${parts.length === 1 ? 's' : ''} ${formatCredits(creditsAvailableTenths)} credits, of which the student must obtain at least ${norm.requiredPercentage} %, ${formatCredits(normTenths)} ECTS.`,
        },
  ];
  return { monthsEnrolled, countsFrom, creditsAvailableTenths, normTenths, reasons };
}

/** The credits obtained from `from` up to and including `until`; records outside that period do not count. */
export function creditsObtained(
  records: readonly CreditsRecord[],
  from: string,
  until: string,
): { obtainedTenths: number; counted: number; ignored: number } {
  let obtainedTenths = 0;
  let counted = 0;
  for (const record of records) {
    if (record.obtainedOn < from || record.obtainedOn > until) continue;
    obtainedTenths += record.creditsTenths;
    counted++;
  }
  return { obtainedTenths, counted, ignored: records.length - counted };
}

/** The facts of one student for the check of an academic year. */
export interface StudyProgressFacts {
  readonly profile: StudentProfile | null;
  /** The student's enrolments of the academic year. */
  readonly enrolments: readonly StudyProgressEnrolment[];
  /** Credits records of the student for the academic year. */
  readonly credits: readonly CreditsRecord[];
  /** The excusable reason the study adviser gave for the year, as recorded; null when none. */
  readonly excusableReason: {
    readonly kindLabel: string;
    readonly adviserName: string;
    readonly decidedOn: string;
  } | null;
  /** The day the student was included in a list sent to the IND for this year, or null. */
  readonly notifiedOn: string | null;
  /** The day of the check (today). */
  readonly today: string;
}

/** The outcome of the check with its figures and reasons. */
export interface StudyProgressAssessment {
  readonly outcome: StudyProgressOutcome;
  readonly enrolment: StudyProgressEnrolment | null;
  readonly isPreparatory: boolean;
  readonly monthsEnrolled: number | null;
  readonly creditsObtainedTenths: number;
  readonly creditsAvailableTenths: number | null;
  readonly normTenths: number | null;
  readonly reasons: ProvisionReason[];
}

/** What follows when the requirement is not met: notified already, excused, or to be notified. */
function insufficient(
  facts: StudyProgressFacts,
  requirements: StudyProgressRequirements,
  shortfall: ProvisionReason,
): { outcome: StudyProgressOutcome; reasons: ProvisionReason[] } {
  if (facts.notifiedOn !== null)
    return {
      outcome: 'notified',
      reasons: [
        shortfall,
        {
          article: requirements.ind.source,
          text: `The student was included in the list notified to the IND on ${formatLongDate(facts.notifiedOn)}.`,
        },
      ],
    };
  if (facts.excusableReason !== null)
    return {
      outcome: 'excused',
      reasons: [
        shortfall,
        {
          article: requirements.excusableReasons.source,
          text: `Study adviser ${facts.excusableReason.adviserName} found an excusable reason on ${formatLongDate(facts.excusableReason.decidedOn)} (${facts.excusableReason.kindLabel}), so the student is not notified to the IND.`,
        },
      ],
    };
  return {
    outcome: 'notify',
    reasons: [
      shortfall,
      {
        article: requirements.ind.source,
        text: 'No excusable reason is recorded, so UM must notify the IND that the student did not meet the study progress requirement.',
      },
    ],
  };
}

/**
 * The study progress check of one student for an academic year: scope, then either the preparatory
 * programme passed within its maximum duration, or the credits obtained in the months enrolled against
 * the norm, decided once the academic year has ended; below the requirement an excusable reason keeps
 * the student off the IND list.
 */
export function assessStudyProgress(
  facts: StudyProgressFacts,
  provisions: Provisions,
  requirements: StudyProgressRequirements,
): StudyProgressAssessment {
  const scope = studyProgressScope(facts.profile, facts.enrolments, provisions, requirements);
  if (!scope.inScope)
    return {
      outcome: scope.outcome,
      enrolment: scope.enrolment,
      isPreparatory: false,
      monthsEnrolled: null,
      creditsObtainedTenths: 0,
      creditsAvailableTenths: null,
      normTenths: null,
      reasons: scope.reasons,
    };
  const enrolment = scope.enrolment;
  const norm = studyProgressNorm(enrolment.startDate, requirements);
  const obtained = creditsObtained(facts.credits, norm.countsFrom, requirements.endsOn);
  const creditsReason: ProvisionReason = {
    article: requirements.norm.source,
    text: `${formatCredits(obtained.obtainedTenths)} ECTS obtained from ${formatLongDate(norm.countsFrom)} to ${formatLongDate(requirements.endsOn)} (${obtained.counted} result${obtained.counted === 1 ? '' : 's'}${obtained.ignored > 0 ? `; ${obtained.ignored} obtained outside that period not counted` : ''}).`,
  };
  const base = {
    enrolment,
    monthsEnrolled: norm.monthsEnrolled,
    creditsObtainedTenths: obtained.obtainedTenths,
  };

  if (isPreparatoryProgramme(requirements, enrolment.programmeCode)) {
    const prep = requirements.preparatory;
    const deadline = addDays(addMonths(enrolment.startDate, prep.maximumMonths), -1);
    const prepBase = { ...base, isPreparatory: true, creditsAvailableTenths: null, normTenths: null };
    const isPreparatoryReason: ProvisionReason = {
      article: prep.source,
      text: `${enrolment.programmeName} is a preparatory programme, which the student must pass within ${prep.maximumMonths} months, by ${formatLongDate(deadline)}; the credits norm does not apply to it.`,
    };
    if (enrolment.preparatoryPassedOn !== null)
      return {
        ...prepBase,
        outcome: 'meets',
        reasons: [
          ...scope.reasons,
          isPreparatoryReason,
          {
            article: 'Art 8.3',
            text: `The student passed the programme: a pre-master's certificate was issued on ${formatLongDate(enrolment.preparatoryPassedOn)}.`,
          },
        ],
      };
    if (facts.today <= deadline)
      return {
        ...prepBase,
        outcome: 'pending',
        reasons: [
          ...scope.reasons,
          isPreparatoryReason,
          {
            article: prep.source,
            text: `The programme is not passed yet and its ${prep.maximumMonths} months run until ${formatLongDate(deadline)}: it is checked then.`,
          },
        ],
      };
    const result = insufficient(facts, requirements, {
      article: prep.source,
      text: `The student did not pass the preparatory programme within ${prep.maximumMonths} months (by ${formatLongDate(deadline)}).`,
    });
    return {
      ...prepBase,
      outcome: result.outcome,
      reasons: [...scope.reasons, isPreparatoryReason, ...result.reasons],
    };
  }

  const normBase = {
    ...base,
    isPreparatory: false,
    creditsAvailableTenths: norm.creditsAvailableTenths,
    normTenths: norm.normTenths,
  };
  if (enrolment.mode === 'part-time')
    return {
      ...normBase,
      outcome: 'needs-review',
      reasons: [
        ...scope.reasons,
        ...norm.reasons,
        {
          article: requirements.norm.source,
          text: 'The enrolment is part-time, and the page sets the requirement for full-time students only: ask the study adviser which requirement applies.',
        },
        creditsReason,
      ],
    };
  if (facts.today <= requirements.endsOn)
    return {
      ...normBase,
      outcome: 'pending',
      reasons: [
        ...scope.reasons,
        ...norm.reasons,
        creditsReason,
        {
          article: requirements.scope.source,
          text: `The requirement is met per academic year: the check is made once the year ends on ${formatLongDate(requirements.endsOn)}.`,
        },
      ],
    };
  if (obtained.obtainedTenths >= norm.normTenths)
    return {
      ...normBase,
      outcome: 'meets',
      reasons: [
        ...scope.reasons,
        ...norm.reasons,
        creditsReason,
        {
          article: requirements.norm.source,
          text: `${formatCredits(obtained.obtainedTenths)} ECTS is at least the ${formatCredits(norm.normTenths)} required: the requirement is met.`,
        },
      ],
    };
  const result = insufficient(facts, requirements, {
    article: requirements.norm.source,
    text: `${formatCredits(obtained.obtainedTenths)} ECTS is less than the ${formatCredits(norm.normTenths)} required: the requirement is not met.`,
  });
  return {
    ...normBase,
    outcome: result.outcome,
    reasons: [...scope.reasons, ...norm.reasons, creditsReason, ...result.reasons],
  };
}
