import type { GuideReason } from './course-registration.rules';
import type { ExchangeGuide, GradeBand } from './exchange-guide.schema';

/*
 * Grades, re-sits and plagiarism for exchange students (Exchange guide, Grade conversion; Registration
 * deadlines for exams; Plagiarism; Grade transcripts). Grades are kept in tenths (55 = 5.5) so that
 * arithmetic stays exact; NG is a result without a grade.
 */

/** The result of one sitting: a grade in tenths (10–100; 0 only by plagiarism) or NG. */
export type SittingResult =
  { readonly kind: 'grade'; readonly tenths: number } | { readonly kind: 'no-grade' };

/** A grade as staff type it, checked against the scale: in range and in the scale's steps. */
export function parseGrade(
  guide: ExchangeGuide,
  value: number | 'NG',
): { ok: true; result: SittingResult } | { ok: false; reason: GuideReason } {
  const g = guide.grading;
  if (value === 'NG') return { ok: true, result: { kind: 'no-grade' } };
  const tenths = Math.round(value * 10);
  const stepTenths = Math.round(g.step * 10);
  const isInRange = value >= g.lowest && value <= g.highest;
  const isOnStep = Math.abs(value * 10 - tenths) < 1e-9 && tenths % stepTenths === 0;
  if (!isInRange || !isOnStep) {
    return {
      ok: false,
      reason: {
        article: g.source,
        text: `${value} is not a grade of the Dutch scale: grades run from ${g.lowest.toFixed(1)} to ${g.highest.toFixed(1)} in steps of ${g.step} (${g.stepNote}), or ${g.noGrade.code} (${g.noGrade.description}).`,
      },
    };
  }
  return { ok: true, result: { kind: 'grade', tenths } };
}

/** A grade in tenths as printed: 75 → '7.5', 100 → '10.0'. */
export function formatGrade(result: SittingResult, guide: ExchangeGuide): string {
  return result.kind === 'no-grade' ? guide.grading.noGrade.code : (result.tenths / 10).toFixed(1);
}

/** The band of the scale a grade falls in. */
function bandOf(guide: ExchangeGuide, tenths: number): GradeBand | undefined {
  return guide.grading.scale.find(
    (b) => tenths >= Math.round(b.from * 10) && tenths <= Math.round(b.to * 10),
  );
}

/** A result's description on the scale and whether it passes: 85 → 'Very good', pass; NG → 'No Grade', fail. */
export function describeResult(
  guide: ExchangeGuide,
  result: SittingResult,
): { description: string; isPass: boolean; reason: GuideReason } {
  const g = guide.grading;
  if (result.kind === 'no-grade') {
    return {
      description: g.noGrade.description,
      isPass: false,
      reason: { article: g.source, text: g.noGrade.text },
    };
  }
  const band = bandOf(guide, result.tenths);
  const description = band?.description ?? 'Insufficient';
  const isPass = band?.isPass ?? false;
  return {
    description,
    isPass,
    reason: {
      article: g.source,
      text: `${formatGrade(result, guide)} is ${description} (${band?.printed ?? '≤5.0'}): ${isPass ? g.passText : g.failText}`,
    },
  };
}

/** What follows a first sitting for the re-sit. */
export interface ResitAfterFirstSitting {
  /** 'automatic': registered for the re-sit; 'student-must-register': NG; 'none': passed, or excluded. */
  readonly resit: 'automatic' | 'student-must-register' | 'none';
  readonly reasons: GuideReason[];
}

/** Whether the student is registered for the re-sit after the first result. */
export function resitAfterFirstSitting(
  guide: ExchangeGuide,
  first: SittingResult,
  exclusion: PlagiarismExclusion | null,
): ResitAfterFirstSitting {
  const r = guide.resits;
  if (exclusion) {
    return { resit: 'none', reasons: [plagiarismReason(guide, exclusion)] };
  }
  if (first.kind === 'no-grade') {
    return {
      resit: 'student-must-register',
      reasons: [{ article: r.notAutomaticAfterNoGrade.source, text: r.notAutomaticAfterNoGrade.text }],
    };
  }
  const { isPass, reason } = describeResult(guide, first);
  if (isPass) return { resit: 'none', reasons: [reason] };
  return {
    resit: 'automatic',
    reasons: [
      reason,
      { article: r.automaticAfterInsufficient.source, text: r.automaticAfterInsufficient.text },
    ],
  };
}

/** A finding of plagiarism: the period whose results become 0, and the academic year of the exclusion. */
export interface PlagiarismExclusion {
  readonly academicYear: string;
  readonly period: number;
  readonly decidedOn: string;
}

function plagiarismReason(guide: ExchangeGuide, exclusion: PlagiarismExclusion): GuideReason {
  return {
    article: guide.resits.plagiarism.source,
    text: `Plagiarism was recorded on ${exclusion.decidedOn} (period ${exclusion.period}); the student is excluded from re-sits for the rest of ${exclusion.academicYear}: “${guide.resits.plagiarism.text}”`,
  };
}

/** Whether a student may be registered for a re-sit (by the IRO on request, after NG or a deregistration). */
export function checkResitRegistration(
  guide: ExchangeGuide,
  facts: { first: SittingResult | null; exclusion: PlagiarismExclusion | null; isRegistered: boolean },
): { outcome: 'allowed' | 'refused'; reasons: GuideReason[] } {
  const r = guide.resits;
  if (facts.exclusion) return { outcome: 'refused', reasons: [plagiarismReason(guide, facts.exclusion)] };
  if (facts.first === null) {
    return {
      outcome: 'refused',
      reasons: [
        {
          article: r.automaticAfterInsufficient.source,
          text: 'There is no result of the first sitting yet; the re-sit is the second chance to take the exam.',
        },
      ],
    };
  }
  const described = describeResult(guide, facts.first);
  if (described.isPass) {
    return {
      outcome: 'refused',
      reasons: [
        {
          article: r.automaticAfterInsufficient.source,
          text: `The first sitting was passed (${formatGrade(facts.first, guide)} ${described.description}); a re-sit is the second chance to pass the course.`,
        },
      ],
    };
  }
  if (facts.isRegistered) {
    return {
      outcome: 'refused',
      reasons: [
        {
          article: r.automaticAfterInsufficient.source,
          text: 'The student is already registered for the re-sit.',
        },
      ],
    };
  }
  return {
    outcome: 'allowed',
    reasons: [
      facts.first.kind === 'no-grade'
        ? { article: r.notAutomaticAfterNoGrade.source, text: r.notAutomaticAfterNoGrade.text }
        : {
            article: r.automaticAfterInsufficient.source,
            text: `The first result was ${formatGrade(facts.first, guide)} (Insufficient); the student registers for the re-sit again.`,
          },
    ],
  };
}

/** The grade every result of the period becomes after plagiarism, and why. */
export function plagiarismConsequence(
  guide: ExchangeGuide,
  exclusion: PlagiarismExclusion,
): { result: SittingResult; reason: GuideReason } {
  return {
    result: { kind: 'grade', tenths: Math.round(guide.resits.plagiarism.gradeAwarded * 10) },
    reason: plagiarismReason(guide, exclusion),
  };
}

/** The final result of a course: the re-sit's when it was graded, else the first sitting's. */
export function finalResult(first: SittingResult | null, resit: SittingResult | null): SittingResult | null {
  return resit ?? first;
}

/** A course's final result with its ECTS, for the GPA. */
export interface GpaEntry {
  readonly ects: number;
  readonly result: SittingResult;
}

/** The ECTS-weighted grade point average over graded results (NG carries no grade); null without grades. */
export function gradePointAverage(entries: readonly GpaEntry[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const e of entries) {
    if (e.result.kind !== 'grade') continue;
    weight += e.ects;
    sum += e.ects * e.result.tenths;
  }
  return weight === 0 ? null : Math.round(sum / weight) / 10;
}

/** Whether the faculty shows the GPA (Student Portal FAQ: per programme the faculty decides). */
export function isGpaShown(guide: ExchangeGuide, faculty: string | null): boolean {
  return (faculty !== null ? guide.gpa.shownByFaculty[faculty] : undefined) ?? guide.gpa.defaultShown;
}
