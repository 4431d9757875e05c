import { firstWeekEndsOn, periodOf, periodsOfTerm, type SemesterTerm } from './exchange-calendar';
import type { ExchangeGuide } from './exchange-guide.schema';

/*
 * The course registration rules for incoming exchange students (Exchange guide, Course registration
 * periods and deadlines; Skills training; Grade transcripts). Pure functions from facts to a decision
 * with its reasons; the limits, periods and deadlines are data of the year (resources/exchange).
 */

/** Why a rule applied: the section of the guide and one sentence. */
export interface GuideReason {
  readonly article: string;
  readonly text: string;
}

/** A course as the rules see it. */
export interface CourseFacts {
  readonly courseId: number;
  readonly code: string;
  readonly title: string;
  readonly period: number;
  readonly ects: number;
  readonly isSkillsTraining: boolean;
}

/** A decision on a registration or a drop: allowed or refused, with every reason. */
export interface RegistrationDecision {
  readonly outcome: 'allowed' | 'refused';
  readonly reasons: GuideReason[];
}

/** A drop that is allowed also says whether the course leaves the transcript. */
export interface DropDecision extends RegistrationDecision {
  /** True when the course leaves the transcript (dropped before the deadline or in the first week of education). */
  readonly leavesTranscript: boolean;
}

/** The facts of a registration: the course, the student's current registrations of the year, the stay, today. */
export interface RegistrationFacts {
  readonly course: CourseFacts;
  /** The courses the student is registered for in this academic year (dropped ones excluded). */
  readonly registered: readonly CourseFacts[];
  /** The terms of the stay in this academic year. */
  readonly terms: readonly SemesterTerm[];
  readonly today: string;
}

const formatDay = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** Whether a period is a skills-training period (3 and 6), where a course is optional. */
export function isSkillsTrainingPeriod(guide: ExchangeGuide, period: number): boolean {
  return guide.registration.skillsTrainingPeriods.periods.includes(period);
}

/** Decides whether the student may register for the course. */
export function checkCourseRegistration(
  guide: ExchangeGuide,
  facts: RegistrationFacts,
): RegistrationDecision {
  const { course, registered, terms, today } = facts;
  const rules = guide.registration;
  const refusals: GuideReason[] = [];
  const period = periodOf(guide, course.period);
  const inPeriod = registered.filter((c) => c.period === course.period);

  const stayPeriods = terms.flatMap((term) => periodsOfTerm(guide, term));
  if (!stayPeriods.includes(course.period)) {
    const semesters = guide.semesters.filter((s) => terms.includes(s.term));
    refusals.push({
      article: guide.semesters[0]?.source ?? 'Exchange guide, Academic calendar',
      text: `${course.code} runs in period ${course.period}, outside the student's exchange (${semesters
        .map((s) => `${s.term}: periods ${s.periods.join(', ')}`)
        .join('; ')}).`,
    });
  }
  if (registered.some((c) => c.courseId === course.courseId)) {
    refusals.push({
      article: rules.maxCoursesPerPeriod.source,
      text: `The student is already registered for ${course.code} this academic year.`,
    });
  }
  if (today > period.registrationClosesOn) {
    refusals.push({
      article: rules.registrationDeadline.source,
      text: `Registration for period ${course.period} closed on ${formatDay(period.registrationClosesOn)}: “${rules.registrationDeadline.text}”`,
    });
  }
  if (inPeriod.length >= rules.maxCoursesPerPeriod.count) {
    refusals.push({
      article: rules.maxCoursesPerPeriod.source,
      text: `The student already has ${inPeriod.length} courses in period ${course.period} (${inPeriod
        .map((c) => c.code)
        .join(', ')}): “${rules.maxCoursesPerPeriod.text}”`,
    });
  }
  const skillsInPeriod = inPeriod.filter((c) => c.isSkillsTraining);
  if (course.isSkillsTraining && skillsInPeriod.length >= rules.maxSkillsTrainingsPerPeriod.count) {
    refusals.push({
      article: rules.maxSkillsTrainingsPerPeriod.source,
      text: `The student already has the skills training ${skillsInPeriod
        .map((c) => c.code)
        .join(', ')} in period ${course.period}: “${rules.maxSkillsTrainingsPerPeriod.text}”`,
    });
  }
  if (refusals.length > 0) return { outcome: 'refused', reasons: refusals };
  return {
    outcome: 'allowed',
    reasons: [
      {
        article: rules.maxCoursesPerPeriod.source,
        text: `${course.code} (${course.ects} ECTS) is course ${inPeriod.length + 1} of at most ${rules.maxCoursesPerPeriod.count} in period ${course.period}, registered before the deadline of ${formatDay(period.registrationClosesOn)}.`,
      },
    ],
  };
}

/** The facts of a drop: the course, the student's current registrations of the year, today. */
export interface DropFacts {
  readonly course: CourseFacts;
  readonly registered: readonly CourseFacts[];
  readonly today: string;
}

/** Decides whether the student may drop the course and whether it then leaves the transcript. */
export function checkCourseDrop(guide: ExchangeGuide, facts: DropFacts): DropDecision {
  const { course, registered, today } = facts;
  const rules = guide.registration;
  if (!registered.some((c) => c.courseId === course.courseId)) {
    return {
      outcome: 'refused',
      leavesTranscript: false,
      reasons: [
        {
          article: rules.onlyCourseOfPeriod.source,
          text: `The student is not registered for ${course.code}.`,
        },
      ],
    };
  }
  const inPeriod = registered.filter((c) => c.period === course.period);
  // The minimum of one course does not hold in the skills-training periods, so their only course may go.
  if (inPeriod.length <= rules.minCoursesPerPeriod.count && !isSkillsTrainingPeriod(guide, course.period)) {
    return {
      outcome: 'refused',
      leavesTranscript: false,
      reasons: [
        {
          article: rules.onlyCourseOfPeriod.source,
          text: `${course.code} is the only course of period ${course.period}: “${rules.onlyCourseOfPeriod.text}”`,
        },
      ],
    };
  }
  const period = periodOf(guide, course.period);
  const lastDayOfFirstWeek = firstWeekEndsOn(guide, period);
  // A drop after the registration deadline but before education starts is earlier than the first week, so it leaves too.
  const leavesTranscript = today <= lastDayOfFirstWeek;
  const when =
    today <= period.registrationClosesOn
      ? `before the registration deadline of ${formatDay(period.registrationClosesOn)}`
      : leavesTranscript
        ? `by the end of the first week of education (${formatDay(lastDayOfFirstWeek)})`
        : `after the first week of education of period ${course.period} ended on ${formatDay(lastDayOfFirstWeek)}`;
  return {
    outcome: 'allowed',
    leavesTranscript,
    reasons: [
      {
        article: rules.firstWeekOfEducationDays.source,
        text: `${course.code} is dropped ${when}, so it ${leavesTranscript ? 'leaves the transcript' : 'stays on the transcript'}: “${rules.firstWeekOfEducationDays.text}”`,
      },
    ],
  };
}

/** A standing breach of the registration rules in one period, for the IRO's overview. */
export interface PeriodViolation extends GuideReason {
  readonly period: number;
}

/** The periods of the stay whose registrations break a rule (no course where one is compulsory, too many). */
export function registrationViolations(
  guide: ExchangeGuide,
  terms: readonly SemesterTerm[],
  registered: readonly CourseFacts[],
): PeriodViolation[] {
  const rules = guide.registration;
  const violations: PeriodViolation[] = [];
  for (const period of terms.flatMap((term) => periodsOfTerm(guide, term))) {
    const inPeriod = registered.filter((c) => c.period === period);
    const ects = inPeriod.reduce((sum, c) => sum + c.ects, 0);
    if (
      !isSkillsTrainingPeriod(guide, period) &&
      (inPeriod.length < rules.minCoursesPerPeriod.count || ects < rules.minCoursesPerPeriod.ects)
    ) {
      violations.push({
        period,
        article: rules.minCoursesPerPeriod.source,
        text: `Period ${period} has ${inPeriod.length === 0 ? 'no course' : `${ects} ECTS`}: “${rules.minCoursesPerPeriod.text}”`,
      });
    }
    if (inPeriod.length > rules.maxCoursesPerPeriod.count) {
      violations.push({
        period,
        article: rules.maxCoursesPerPeriod.source,
        text: `Period ${period} has ${inPeriod.length} courses: “${rules.maxCoursesPerPeriod.text}”`,
      });
    }
    if (inPeriod.filter((c) => c.isSkillsTraining).length > rules.maxSkillsTrainingsPerPeriod.count) {
      violations.push({
        period,
        article: rules.maxSkillsTrainingsPerPeriod.source,
        text: `Period ${period} has more than one skills training: “${rules.maxSkillsTrainingsPerPeriod.text}”`,
      });
    }
  }
  return violations;
}
