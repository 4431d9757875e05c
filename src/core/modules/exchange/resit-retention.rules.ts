import { addDays } from '../payments/calendar-dates';
import type { GuideReason } from './course-registration.rules';
import { parseSemesterKey } from './exchange-calendar';
import type { ExchangeGuide } from './exchange-guide.schema';
import { plagiarismConsequence, type PlagiarismExclusion } from './results.rules';

/*
 * Re-sit retention of fall exchange students (Exchange guide, Location of the re-sit): "at the end of the
 * fall semester all students are removed from the information system for students … if you wish to come
 * back for the period 2 re-sits please send an email and we will leave you in the system". Pure rules:
 * whether a request to stay can be recorded, each fall student's outcome of the run (removed from active
 * registration, or kept until the last period-2 re-sit), and what a removed or kept student may still do.
 * The dates (removal day, re-sit window) are the guide's data of the year, never literals here.
 */

/** A re-sit attempt of the student in the academic year, with its course's period. */
export interface ResitFact {
  readonly code: string;
  readonly period: number;
  readonly status: 'registered' | 'deregistered' | 'graded';
}

/** The student's request to stay for the period-2 re-sits, as recorded. */
export interface StayRequestFact {
  readonly status: 'requested' | 'withdrawn';
  readonly requestedOn: string;
  readonly withdrawnOn: string | null;
}

/** The student's latest outcome of a retention run. */
export interface RecordedRetention {
  readonly outcome: 'removed' | 'kept';
  /** Removed: the day active registration ended. Kept: the last period-2 re-sit. */
  readonly effectiveOn: string;
  readonly umAccountEndsOn: string;
}

/** What the rules need to know about one student of the fall semester under review. */
export interface RetentionFacts {
  /** The semesters of the stay in order, e.g. ['2022-fall']. */
  readonly semesters: readonly string[];
  /** The fall semester under review, e.g. '2022-fall'. */
  readonly semester: string;
  readonly today: string;
  /** Re-sit attempts of the semester's academic year. */
  readonly resits: readonly ResitFact[];
  readonly exclusion: PlagiarismExclusion | null;
  readonly request: StayRequestFact | null;
  readonly recorded: RecordedRetention | null;
  /** The UM account's end as recorded on the stay now. */
  readonly umAccountEndsOn: string;
}

/** A student's outcome: removed from active registration or kept until the last period-2 re-sit. */
export interface RetentionDecision {
  readonly outcome: 'removed' | 'kept';
  /** Removed: the day active registration ends (ended). Kept: the day of the last period-2 re-sit. */
  readonly effectiveOn: string;
  /** The UM account's end that follows: about N days after registration ends (Exchange guide, Student Portal). */
  readonly umAccountEndsOn: string;
  /** The period-2 re-sits the student is registered for. */
  readonly resits: readonly string[];
  /** Open re-sit registrations withdrawn with a removal. */
  readonly withdrawsResits: readonly string[];
  /** Registered for a period-2 re-sit without asking to stay: the IRO may want to contact the student. */
  readonly needsAttention: boolean;
  readonly reasons: GuideReason[];
}

/** A semester key as staff read it: '2022-fall' → 'Fall 2022'. */
function semesterName(key: string): string {
  const [year, term] = key.split('-');
  return `${term === 'fall' ? 'Fall' : 'Spring'} ${year ?? ''}`;
}

/** The rules of the guide the run applies, verbatim, for the screen's header. */
export function retentionRules(guide: ExchangeGuide): GuideReason[] {
  const r = guide.resitRetention;
  return [r.removalAtEndOfFall, r.stayOnRequest, r.resitInMaastricht, guide.umAccount].map((rule) => ({
    article: rule.source,
    text: rule.text,
  }));
}

/** Whether the stay ends with this fall semester: only then is the student removed at its end. */
export function endsWithFallSemester(semesters: readonly string[], semester: string): boolean {
  return parseSemesterKey(semester).term === 'fall' && semesters.at(-1) === semester;
}

const periodResits = (guide: ExchangeGuide, resits: readonly ResitFact[]) =>
  resits.filter((r) => r.period === guide.resitRetention.resitPeriod && r.status === 'registered');

const list = (codes: readonly string[]) => codes.join(', ');

function removalReason(guide: ExchangeGuide, semester: string): GuideReason {
  const r = guide.resitRetention;
  return {
    article: r.removalAtEndOfFall.source,
    text: `The exchange ends with ${semesterName(semester)}: at the end of the fall semester (${r.removalOn}) fall students are removed from active registration unless they asked to stay for the period ${r.resitPeriod} re-sits.`,
  };
}

function umAccountReason(guide: ExchangeGuide, registrationEndsOn: string, endsOn: string): GuideReason {
  return {
    article: guide.umAccount.source,
    text: `Registration as exchange student ends on ${registrationEndsOn}; the UM account stays open until about ${endsOn} (${guide.umAccount.daysAfterExchangeEnds} days later).`,
  };
}

/** Whether the IRO may record a student's request to stay for the period-2 re-sits, and why (not). */
export function checkResitStayRequest(
  guide: ExchangeGuide,
  facts: Omit<RetentionFacts, 'umAccountEndsOn' | 'semester'>,
): { outcome: 'allowed' | 'refused'; reasons: GuideReason[] } {
  const r = guide.resitRetention;
  const refused = (reason: GuideReason) => ({ outcome: 'refused' as const, reasons: [reason] });
  const last = facts.semesters.at(-1) ?? '';
  if (!/-fall$/.test(last)) {
    return refused({
      article: r.removalAtEndOfFall.source,
      text: `The exchange ends with ${semesterName(last)}, not with a fall semester: only fall students are removed at the end of the fall semester, so there is nothing to stay for.`,
    });
  }
  if (facts.recorded?.outcome === 'removed') {
    return refused({
      article: r.removalAtEndOfFall.source,
      text: `The student was removed from active registration on ${facts.recorded.effectiveOn}; a request to stay must reach the IRO before the end of the fall semester.`,
    });
  }
  if (facts.today > r.resitWindow.lastSittingOn) {
    return refused({
      article: r.stayOnRequest.source,
      text: `The period ${r.resitPeriod} re-sits ended on ${r.resitWindow.lastSittingOn}; there is nothing left to stay for.`,
    });
  }
  if (facts.exclusion) return refused(plagiarismConsequence(guide, facts.exclusion).reason);
  const resits = periodResits(guide, facts.resits).map((x) => x.code);
  if (resits.length === 0) {
    return refused({
      article: r.stayOnRequest.source,
      text: `The student is not registered for the re-sit of a period ${r.resitPeriod} course; the stay is only for the period ${r.resitPeriod} re-sits: “${r.stayOnRequest.text}”`,
    });
  }
  if (facts.request?.status === 'requested') {
    return refused({
      article: r.stayOnRequest.source,
      text: `A request to stay for the period ${r.resitPeriod} re-sits was already recorded on ${facts.request.requestedOn}.`,
    });
  }
  return {
    outcome: 'allowed',
    reasons: [
      { article: r.stayOnRequest.source, text: r.stayOnRequest.text },
      {
        article: r.stayOnRequest.source,
        text: `Registered for the re-sit of ${list(resits)} (period ${r.resitPeriod}): the student is kept in the system until the last period ${r.resitPeriod} re-sit on ${r.resitWindow.lastSittingOn}.`,
      },
    ],
  };
}

/** A fall student's outcome of the retention run, as of `facts.today`, with its reasons. */
export function decideRetention(guide: ExchangeGuide, facts: RetentionFacts): RetentionDecision {
  const r = guide.resitRetention;
  const days = guide.umAccount.daysAfterExchangeEnds;
  const registered = facts.resits.filter((x) => x.status === 'registered').map((x) => x.code);
  const resits = periodResits(guide, facts.resits).map((x) => x.code);
  const removal = removalReason(guide, facts.semester);
  if (facts.recorded?.outcome === 'removed') {
    // A removal is final: the student left the information system and cannot register again.
    return {
      outcome: 'removed',
      effectiveOn: facts.recorded.effectiveOn,
      umAccountEndsOn: facts.recorded.umAccountEndsOn,
      resits,
      withdrawsResits: [],
      needsAttention: false,
      reasons: [
        {
          article: r.removalAtEndOfFall.source,
          text: `Removed from active registration on ${facts.recorded.effectiveOn}.`,
        },
        umAccountReason(guide, facts.recorded.effectiveOn, facts.recorded.umAccountEndsOn),
      ],
    };
  }
  const isRequested = facts.request?.status === 'requested';
  const isWindowOpen = facts.today <= r.resitWindow.lastSittingOn;
  if (isRequested && resits.length > 0 && !facts.exclusion && isWindowOpen) {
    const keptUntil = r.resitWindow.lastSittingOn;
    const umAccountEndsOn = addDays(keptUntil, days);
    return {
      outcome: 'kept',
      effectiveOn: keptUntil,
      umAccountEndsOn,
      resits,
      withdrawsResits: [],
      needsAttention: false,
      reasons: [
        removal,
        {
          article: r.stayOnRequest.source,
          text: `The student asked on ${facts.request?.requestedOn ?? ''} to stay for the period ${r.resitPeriod} re-sits and is registered for the re-sit of ${list(resits)}: kept in the system until the last period ${r.resitPeriod} re-sit on ${keptUntil} (re-sit registration ${r.resitWindow.registrationOpensOn} – ${r.resitWindow.registrationClosesOn}).`,
        },
        umAccountReason(guide, keptUntil, umAccountEndsOn),
      ],
    };
  }
  // Kept before and now removed: registration ends today, or with the last re-sit if that came first.
  const wasKept = facts.recorded?.outcome === 'kept' ? facts.recorded.effectiveOn : null;
  const effectiveOn = wasKept === null ? r.removalOn : ([wasKept, facts.today].sort()[0] ?? r.removalOn);
  const umAccountEndsOn = addDays(effectiveOn, days);
  const reasons: GuideReason[] = [removal];
  if (facts.exclusion) {
    reasons.push(plagiarismConsequence(guide, facts.exclusion).reason);
  } else if (isRequested && !isWindowOpen) {
    reasons.push({
      article: r.stayOnRequest.source,
      text: `The period ${r.resitPeriod} re-sits ended on ${r.resitWindow.lastSittingOn}; the stay for them is over.`,
    });
  } else if (isRequested) {
    reasons.push({
      article: r.stayOnRequest.source,
      text: `A request to stay was recorded on ${facts.request?.requestedOn ?? ''}, but the student is no longer registered for a period ${r.resitPeriod} re-sit.`,
    });
  } else if (facts.request?.status === 'withdrawn') {
    reasons.push({
      article: r.stayOnRequest.source,
      text: `The request to stay was withdrawn on ${facts.request.withdrawnOn ?? ''}.`,
    });
  } else if (resits.length > 0) {
    reasons.push({
      article: r.removalAtEndOfFall.source,
      text: `Registered for the re-sit of ${list(resits)} (period ${r.resitPeriod}) but did not ask to stay: after the removal the student cannot register for or take that re-sit.`,
    });
  } else {
    reasons.push({
      article: r.stayOnRequest.source,
      text: `No re-sit of a period ${r.resitPeriod} course is registered: nothing to stay for.`,
    });
  }
  if (registered.length > 0) {
    reasons.push({
      article: r.removalAtEndOfFall.source,
      text: `The open re-sit registration${registered.length > 1 ? 's' : ''} (${list(registered)}) ${registered.length > 1 ? 'are' : 'is'} withdrawn with the removal.`,
    });
  }
  reasons.push(umAccountReason(guide, effectiveOn, umAccountEndsOn));
  return {
    outcome: 'removed',
    effectiveOn,
    umAccountEndsOn,
    resits,
    withdrawsResits: registered,
    needsAttention: facts.request === null && resits.length > 0 && !facts.exclusion,
    reasons,
  };
}

/** Whether the decision changes what is recorded: a second run with the same facts changes nothing. */
export function retentionChange(
  decision: Pick<RetentionDecision, 'outcome' | 'effectiveOn'>,
  recorded: RecordedRetention | null,
): 'remove' | 'keep' | 'unchanged' {
  if (recorded?.outcome === decision.outcome && recorded.effectiveOn === decision.effectiveOn)
    return 'unchanged';
  return decision.outcome === 'removed' ? 'remove' : 'keep';
}

/** Whether the run may record outcomes today: not before the removal day of the guide's year. */
export function checkRetentionRun(
  guide: ExchangeGuide,
  today: string,
): { outcome: 'allowed' | 'refused'; reasons: GuideReason[] } {
  const r = guide.resitRetention;
  return today < r.removalOn
    ? {
        outcome: 'refused',
        reasons: [
          {
            article: r.removalAtEndOfFall.source,
            text: `Fall students are removed at the end of the fall semester: the run can be made from ${r.removalOn}, not on ${today}. A dry run shows its outcome now.`,
          },
        ],
      }
    : {
        outcome: 'allowed',
        reasons: [
          {
            article: r.removalAtEndOfFall.source,
            text: `From ${r.removalOn}, the end of the fall semester, fall students are removed from active registration unless they asked to stay for the period ${r.resitPeriod} re-sits.`,
          },
        ],
      };
}

/**
 * What a student's retention still allows: a removed student registers for nothing; a kept student only for
 * re-sits. Null when the operation is allowed.
 */
export function registrationRefusal(
  guide: ExchangeGuide,
  recorded: Pick<RecordedRetention, 'outcome' | 'effectiveOn'> | null,
  operation: 'course' | 'resit',
): GuideReason | null {
  const r = guide.resitRetention;
  if (recorded?.outcome === 'removed') {
    return {
      article: r.removalAtEndOfFall.source,
      text: `The student was removed from active registration on ${recorded.effectiveOn} at the end of the fall semester and can no longer register for a ${operation === 'course' ? 'course' : 're-sit'}: “${r.removalAtEndOfFall.text}”`,
    };
  }
  if (recorded?.outcome === 'kept' && operation === 'course') {
    return {
      article: r.stayOnRequest.source,
      text: `The student is kept in the system only for the period ${r.resitPeriod} re-sits (until ${recorded.effectiveOn}); no course can be registered.`,
    };
  }
  return null;
}
