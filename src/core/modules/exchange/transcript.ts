import type { Transaction } from 'kysely';
import { DeskError } from '../../../shared/errors';
import type { Database } from '../../db/database';
import type { DeskDb } from '../../db/connection';
import type { GuideReason } from './course-registration.rules';
import { parseSemesterKey, periodOf } from './exchange-calendar';
import type { ExchangeGuide } from './exchange-guide.schema';
import { exchangeFile } from './exchange.service';
import {
  distributionYears,
  ectsGradeDistribution,
  passingGradeSteps,
  type GradeDistribution,
} from './grade-distribution';
import { loadExchangeGuide } from './load-exchange-guide';
import { describeResult, finalResult, formatGrade, type SittingResult } from './results.rules';

/*
 * The transcript of records of one exchange student (Exchange guide, Grade transcripts; Grade conversion):
 * every course that belongs on it with its ECTS, final grade and the scale's description, period and
 * status; the totals; the grading scale explained; the GPA where the faculty shows it; and the ECTS
 * grading table of each course's reference group. The PDF, ELMO and EWP documents are all drawn from it.
 */

type Db = DeskDb | Transaction<Database>;

/** What became of a course on the transcript. */
export type TranscriptCourseStatus = 'passed' | 'failed' | 'no-grade' | 'in-progress' | 'withdrawn';

/** One course on the transcript. */
export interface TranscriptCourse {
  readonly courseId: number;
  readonly code: string;
  readonly title: string;
  readonly academicYear: string;
  readonly period: number;
  readonly periodStartsOn: string;
  readonly periodEndsOn: string;
  readonly ects: number;
  /** The ECTS obtained: the course's when passed, else 0. */
  readonly ectsObtained: number;
  readonly faculty: string;
  /** The reference group of the ECTS grading table: the faculty's ISCED code, or null without one. */
  readonly iscedCode: string | null;
  /** '7.5', 'NG', or null without a result. */
  readonly grade: string | null;
  /** The scale's description, e.g. 'Good'; null without a result. */
  readonly description: string | null;
  /** Which sitting gave the final result. */
  readonly sitting: 'first' | 'resit' | null;
  readonly gradedOn: string | null;
  readonly status: TranscriptCourseStatus;
  /** The status as printed, e.g. 'Passed', 'Withdrawn after the first week'. */
  readonly statusText: string;
}

/** The ECTS grading table of one reference group. */
export interface TranscriptGradeTable {
  readonly iscedCode: string;
  readonly faculty: string;
  readonly academicYears: readonly string[];
  readonly distribution: GradeDistribution;
}

/** The transcript of records of one exchange student. */
export interface TranscriptData {
  readonly student: {
    readonly id: number;
    readonly studentNumber: string;
    readonly givenNames: string;
    readonly familyName: string;
  };
  readonly stay: {
    readonly id: number;
    readonly homeUniversity: string;
    readonly homeCountry: string | null;
    readonly agreement: string;
    readonly semesters: readonly string[];
    readonly startsOn: string;
    readonly endsOn: string;
  };
  /** The academic year of the stay's last semester: whose guide explains the scale. */
  readonly academicYear: string;
  readonly courses: readonly TranscriptCourse[];
  readonly totals: {
    readonly courses: number;
    readonly ectsRegistered: number;
    readonly ectsObtained: number;
  };
  /**
   * The GPA of the exchange enrolment over the graded courses, ECTS-weighted, where its faculty shows it
   * (Student Portal FAQ); null when hidden or without a grade.
   */
  readonly gpa: { readonly label: string; readonly gpa: number } | null;
  /** The Dutch scale as the guide prints it, best first. */
  readonly gradingScale: readonly {
    readonly printed: string;
    readonly description: string;
    readonly isPass: boolean;
  }[];
  /** The scale's notes: pass, fail, NG. */
  readonly gradingNotes: readonly string[];
  readonly gradeTables: readonly TranscriptGradeTable[];
  /** The rules the transcript follows, with their sources. */
  readonly reasons: readonly GuideReason[];
  /** The days the transcript was sent to the home university, oldest first. */
  readonly sentOn: readonly string[];
}

/** The facts of one registration needed to decide whether it belongs on the transcript. */
export interface RegistrationOnTranscriptFacts {
  /** Set when the course was dropped: false for a drop before the deadline or in the first week. */
  readonly isOnTranscript: boolean;
  readonly final: SittingResult | null;
}

/**
 * Whether a registration belongs on the transcript: it stays unless it was dropped before the
 * registration deadline or in the first week of education; a fail grade always stays.
 */
export function belongsOnTranscript(guide: ExchangeGuide, facts: RegistrationOnTranscriptFacts): boolean {
  if (facts.isOnTranscript) return true;
  // Exchange guide, Grade transcripts: "It is not possible to have fail grades removed".
  return facts.final !== null && !describeResult(guide, facts.final).isPass;
}

/** The status of a course on the transcript from its registration and final result. */
export function transcriptStatus(
  guide: ExchangeGuide,
  registration: { status: 'registered' | 'dropped' },
  final: SittingResult | null,
): { status: TranscriptCourseStatus; statusText: string } {
  if (final) {
    if (final.kind === 'no-grade') return { status: 'no-grade', statusText: 'No grade (failed)' };
    return describeResult(guide, final).isPass
      ? { status: 'passed', statusText: 'Passed' }
      : { status: 'failed', statusText: 'Failed' };
  }
  if (registration.status === 'dropped') return { status: 'withdrawn', statusText: 'Withdrawn (late drop)' };
  return { status: 'in-progress', statusText: 'In progress' };
}

const resultOf = (a: {
  gradeTenths: number | null;
  isNoGrade: number;
  status: string;
}): SittingResult | null =>
  a.status !== 'graded'
    ? null
    : a.isNoGrade === 1
      ? { kind: 'no-grade' }
      : { kind: 'grade', tenths: a.gradeTenths ?? 0 };

/** The passing final results (in tenths) of the faculty's courses in the given academic years. */
async function passingFinalGrades(db: Db, guide: ExchangeGuide, faculty: string, years: string[]) {
  const rows = await db
    .selectFrom('examAttempts as a')
    .innerJoin('courses as c', 'c.id', 'a.courseId')
    .select([
      'a.studentId',
      'a.courseId',
      'a.academicYear',
      'a.sitting',
      'a.status',
      'a.gradeTenths',
      'a.isNoGrade',
    ])
    .where('c.faculty', '=', faculty)
    .where('a.academicYear', 'in', years)
    .where('a.status', '=', 'graded')
    .execute();
  const byCourse = new Map<string, { first: SittingResult | null; resit: SittingResult | null }>();
  for (const r of rows) {
    const key = `${r.studentId}|${r.courseId}|${r.academicYear}`;
    const entry = byCourse.get(key) ?? { first: null, resit: null };
    entry[r.sitting] = resultOf(r);
    byCourse.set(key, entry);
  }
  const grades: number[] = [];
  for (const { first, resit } of byCourse.values()) {
    const final = finalResult(first, resit);
    if (final?.kind === 'grade' && describeResult(guide, final).isPass) grades.push(final.tenths);
  }
  return grades;
}

/**
 * The passing grades of a faculty over academic years, read once and shared by the transcripts of one run
 * (a semester's batch): every transcript of the faculty has the same grading table, and reading all the
 * faculty's results once per transcript would make a batch quadratic in its size. Keyed by faculty and years.
 */
export type GradeTableCache = Map<string, Promise<number[]>>;

/** The transcript of records of an exchange student, from the database. */
export async function transcriptOf(
  db: Db,
  studentId: number,
  sharedGrades?: GradeTableCache,
): Promise<TranscriptData> {
  const file = await exchangeFile(db, studentId);
  const student = await db
    .selectFrom('students')
    .select(['id', 'studentNumber', 'givenNames', 'familyName'])
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow();
  const academicYear = parseSemesterKey(file.stay.semesters.at(-1) ?? '').academicYear;
  const years = [...new Set(file.stay.semesters.map((k) => parseSemesterKey(k).academicYear))];
  let guide: ExchangeGuide;
  try {
    guide = loadExchangeGuide(academicYear);
  } catch (error) {
    throw new DeskError('refused', (error as Error).message);
  }
  const registrations = await db
    .selectFrom('courseRegistrations as r')
    .innerJoin('courses as c', 'c.id', 'r.courseId')
    .select([
      'c.id',
      'c.code',
      'c.title',
      'c.period',
      'c.ects',
      'c.faculty',
      'r.academicYear',
      'r.status',
      'r.isOnTranscript',
    ])
    .where('r.studentId', '=', studentId)
    .where('r.academicYear', 'in', years)
    .orderBy('r.academicYear')
    .orderBy('c.period')
    .orderBy('c.code')
    .execute();
  const attempts = await db
    .selectFrom('examAttempts')
    .select(['courseId', 'academicYear', 'sitting', 'status', 'gradeTenths', 'isNoGrade', 'gradedOn'])
    .where('studentId', '=', studentId)
    .where('academicYear', 'in', years)
    .execute();
  const courses: TranscriptCourse[] = [];
  for (const r of registrations) {
    const yearGuide = loadExchangeGuide(r.academicYear);
    const mine = attempts.filter((a) => a.courseId === r.id && a.academicYear === r.academicYear);
    const first = mine.find((a) => a.sitting === 'first');
    const resit = mine.find((a) => a.sitting === 'resit');
    const resitResult = resit ? resultOf(resit) : null;
    const final = finalResult(first ? resultOf(first) : null, resitResult);
    if (!belongsOnTranscript(yearGuide, { isOnTranscript: r.isOnTranscript === 1, final })) continue;
    const period = periodOf(yearGuide, r.period);
    const described = final ? describeResult(yearGuide, final) : null;
    const { status, statusText } = transcriptStatus(yearGuide, r, final);
    courses.push({
      courseId: r.id,
      code: r.code,
      title: r.title,
      academicYear: r.academicYear,
      period: r.period,
      periodStartsOn: period.startsOn,
      periodEndsOn: period.endsOn,
      ects: r.ects,
      ectsObtained: described?.isPass ? r.ects : 0,
      faculty: r.faculty,
      iscedCode: guide.gradeDistribution.iscedCodeByFaculty[r.faculty] ?? null,
      grade: final ? formatGrade(final, yearGuide) : null,
      description: described?.description ?? null,
      sitting: final ? (resitResult ? 'resit' : 'first') : null,
      gradedOn: final ? ((resitResult ? resit?.gradedOn : first?.gradedOn) ?? null) : null,
      status,
      statusText,
    });
  }
  const rules = guide.gradeDistribution;
  const tableYears = distributionYears(academicYear, rules.academicYears);
  const gradeTables: TranscriptGradeTable[] = [];
  for (const faculty of [...new Set(courses.map((c) => c.faculty))].sort()) {
    const iscedCode = rules.iscedCodeByFaculty[faculty];
    if (!iscedCode) continue;
    const key = `${faculty}|${tableYears.join(',')}`;
    const cached = sharedGrades?.get(key);
    const loading = cached ?? passingFinalGrades(db, guide, faculty, tableYears);
    if (!cached) sharedGrades?.set(key, loading);
    const grades = await loading;
    gradeTables.push({
      iscedCode,
      faculty,
      academicYears: tableYears,
      distribution: ectsGradeDistribution(passingGradeSteps(guide), grades, rules.minimumGroupSize),
    });
  }
  const sent = await db
    .selectFrom('exchangeTranscriptDispatches')
    .select('sentOn')
    .where('studentId', '=', studentId)
    .orderBy('sentOn')
    .orderBy('id')
    .execute();
  const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;
  return {
    student: {
      id: student.id,
      studentNumber: student.studentNumber,
      givenNames: student.givenNames,
      familyName: student.familyName,
    },
    stay: {
      id: file.stay.id,
      homeUniversity: file.stay.homeUniversity,
      homeCountry: file.stay.homeCountry,
      agreement: file.stay.agreement,
      semesters: file.stay.semesters,
      startsOn: file.stay.startsOn,
      endsOn: file.stay.endsOn,
    },
    academicYear,
    courses,
    totals: {
      courses: courses.length,
      ectsRegistered: sum(courses.map((c) => c.ects)),
      ectsObtained: sum(courses.map((c) => c.ectsObtained)),
    },
    gpa: file.gpa.isShown && file.gpa.gpa !== null ? { label: file.gpa.label, gpa: file.gpa.gpa } : null,
    gradingScale: guide.grading.scale.map((b) => ({
      printed: b.printed,
      description: b.description,
      isPass: b.isPass,
    })),
    gradingNotes: [guide.grading.passText, guide.grading.failText, guide.grading.noGrade.text],
    gradeTables,
    reasons: [
      {
        article: guide.registration.firstWeekOfEducationDays.source,
        text: guide.registration.firstWeekOfEducationDays.text,
      },
      { article: guide.grading.failGradesStay.source, text: guide.grading.failGradesStay.text },
      { article: rules.source, text: rules.text },
    ],
    sentOn: sent.map((s) => s.sentOn),
  };
}
