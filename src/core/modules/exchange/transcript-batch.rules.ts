import type { GuideReason } from './course-registration.rules';
import type { ExchangeGuide } from './exchange-guide.schema';

/** The facts that decide whether a student's transcript goes home with the end-of-semester batch. */
export interface TranscriptBatchFacts {
  /** The semester the batch ends, e.g. '2022-fall'. */
  readonly semester: string;
  /** The semesters of the student's stay, e.g. ['2022-fall', '2023-spring']. */
  readonly staySemesters: readonly string[];
  /** The courses that belong on the transcript (Exchange guide, Grade transcripts). */
  readonly courses: number;
  /** Of those, the courses without a final result yet. */
  readonly coursesInProgress: number;
}

/** Produce the transcript (with notes for the IRO), or refuse it with the rule. */
export type TranscriptBatchDecision =
  | { readonly outcome: 'produce'; readonly reasons: readonly GuideReason[] }
  | { readonly outcome: 'refuse'; readonly reasons: readonly GuideReason[] };

/** 'Fall 2022' for '2022-fall'. */
function semesterName(key: string): string {
  const [year, term] = key.split('-');
  return `${term === 'fall' ? 'Fall' : 'Spring'} ${year ?? ''}`;
}

/** Orders semester keys in time: '2022-fall' < '2023-spring' < '2023-fall'. */
function semesterOrder(key: string): number {
  const [year, term] = key.split('-');
  return Number(year) * 2 + (term === 'fall' ? 1 : 0);
}

/**
 * Whether the end-of-semester batch sends a student's transcript home (Exchange guide, Grade transcripts):
 * the transcript shows the courses at the end of the exchange, so a stay that goes on after this semester
 * waits for its last one; a transcript without any course has nothing to send. Courses still without a final
 * result do not stop it (they print as 'In progress'), but the IRO is told.
 */
export function decideTranscriptInBatch(
  guide: ExchangeGuide,
  facts: TranscriptBatchFacts,
): TranscriptBatchDecision {
  const { atEndOfExchange, sentHome } = guide.transcripts;
  const later = facts.staySemesters
    .filter((key) => semesterOrder(key) > semesterOrder(facts.semester))
    .sort((a, b) => semesterOrder(a) - semesterOrder(b));
  const last = later.at(-1);
  if (last !== undefined)
    return {
      outcome: 'refuse',
      reasons: [
        {
          article: atEndOfExchange.source,
          text: `The exchange goes on until ${semesterName(last)}, and the transcript goes home at the end of the exchange: "${atEndOfExchange.text}"`,
        },
      ],
    };
  if (facts.courses === 0)
    return {
      outcome: 'refuse',
      reasons: [
        {
          article: sentHome.source,
          text: 'No course is on the transcript (none registered, or every one dropped before the deadline), so there are no grades to send home.',
        },
      ],
    };
  const reasons: GuideReason[] = [];
  if (facts.coursesInProgress > 0)
    reasons.push({
      article: sentHome.source,
      text: `${facts.coursesInProgress} course${facts.coursesInProgress === 1 ? ' has' : 's have'} no final result yet and ${facts.coursesInProgress === 1 ? 'shows' : 'show'} as 'In progress'; produce the transcript again once the result is in.`,
    });
  return { outcome: 'produce', reasons };
}
