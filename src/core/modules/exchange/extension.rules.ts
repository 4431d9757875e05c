import type { GuideReason } from './course-registration.rules';
import type { ExchangeGuide } from './exchange-guide.schema';

/*
 * Extending an exchange (Exchange guide, Extending your stay at SBE): fall → spring, or spring → the
 * next fall. Every condition is shown met or not; the request is approved only when all are met.
 */

/** The two directions an exchange can be extended in. */
export type ExtensionDirection = 'fall-to-spring' | 'spring-to-fall';

/** The facts of a request for extension. */
export interface ExtensionFacts {
  readonly direction: ExtensionDirection;
  /** The day the request was made (by email). */
  readonly requestedOn: string;
  /** The term the stay currently ends with. */
  readonly lastTerm: 'fall' | 'spring';
  /** The number of semesters of the stay before the extension. */
  readonly semestersOfStay: number;
  /** The courses of the first course period of the stay, with whether each was passed at the first sitting. */
  readonly firstPeriodCourses: readonly { code: string; passedAtFirstSitting: boolean }[];
  readonly homeUniversityPermits: boolean;
  readonly iroPermits: boolean;
}

/** One condition of the guide with whether it is met. */
export interface ExtensionCondition extends GuideReason {
  readonly key: 'direction' | 'first-period-passed' | 'home-university' | 'iro' | 'deadline' | 'maximum-stay';
  readonly isMet: boolean;
}

/** The decision on a request: approved when every condition is met. */
export interface ExtensionDecision {
  readonly outcome: 'approved' | 'refused';
  readonly conditions: ExtensionCondition[];
}

/** Checks a request for extension against every condition of the guide. */
export function decideExtension(guide: ExchangeGuide, facts: ExtensionFacts): ExtensionDecision {
  const e = guide.extensions;
  const expectedLast = facts.direction === 'fall-to-spring' ? 'fall' : 'spring';
  const failed = facts.firstPeriodCourses.filter((c) => !c.passedAtFirstSitting);
  const deadline = facts.direction === 'fall-to-spring' ? e.fallToSpringDeadline : e.springToFallDeadline;
  const conditions: ExtensionCondition[] = [
    {
      key: 'direction',
      isMet: facts.lastTerm === expectedLast,
      article: e.maximumStay.source,
      text:
        facts.lastTerm === expectedLast
          ? `The stay ends with the ${expectedLast} semester, so it can be extended ${facts.direction.replaceAll('-', ' ')}.`
          : `The stay ends with the ${facts.lastTerm} semester, not the ${expectedLast} semester; it cannot be extended ${facts.direction.replaceAll('-', ' ')}.`,
    },
    {
      key: 'first-period-passed',
      isMet: facts.firstPeriodCourses.length > 0 && failed.length === 0,
      article: e.firstPeriodPassedAtFirstExamination.source,
      text:
        facts.firstPeriodCourses.length === 0
          ? `No course of the first course period has a result: “${e.firstPeriodPassedAtFirstExamination.text}”`
          : failed.length === 0
            ? `Every course of the first course period (${facts.firstPeriodCourses.map((c) => c.code).join(', ')}) was passed at the first sitting.`
            : `Not passed at the first sitting: ${failed.map((c) => c.code).join(', ')}: “${e.firstPeriodPassedAtFirstExamination.text}”`,
    },
    {
      key: 'home-university',
      isMet: facts.homeUniversityPermits,
      article: e.homeUniversityPermission.source,
      text: `${facts.homeUniversityPermits ? 'The home university granted permission.' : 'The home university has not granted permission.'} “${e.homeUniversityPermission.text}”`,
    },
    {
      key: 'iro',
      isMet: facts.iroPermits,
      article: e.iroPermission.source,
      text: `${facts.iroPermits ? 'The IRO grants permission.' : 'The IRO does not grant permission.'} “${e.iroPermission.text}”`,
    },
    {
      key: 'deadline',
      isMet: facts.requestedOn <= deadline.date,
      article: deadline.source,
      text: `Requested on ${facts.requestedOn}; the deadline is ${deadline.date}: “${deadline.text}”`,
    },
    {
      key: 'maximum-stay',
      isMet: facts.semestersOfStay + 1 <= e.maximumStay.semesters,
      article: e.maximumStay.source,
      text: `The stay would last ${facts.semestersOfStay + 1} semester(s) of at most ${e.maximumStay.semesters}: “${e.maximumStay.text}”`,
    },
  ];
  return { outcome: conditions.every((c) => c.isMet) ? 'approved' : 'refused', conditions };
}
