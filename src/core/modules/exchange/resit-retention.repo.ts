import type { Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { DeskDb } from '../../db/connection';
import type { PlagiarismExclusion } from './results.rules';
import type { RecordedRetention, ResitFact, StayRequestFact } from './resit-retention.rules';

/* Queries of re-sit retention (migration 012) and the facts its rules read. */

type Db = DeskDb | Transaction<Database>;

/** A student's latest stay with its semesters parsed; undefined without one. */
export async function latestStayOf(db: Db, studentId: number) {
  const stay = await db
    .selectFrom('exchangeStays')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return stay ? { ...stay, semesters: JSON.parse(stay.semestersJson) as string[] } : undefined;
}

/** The latest retention outcome of each stay (its current state), by stay id. */
export async function latestOutcomes(db: Db, stayIds: readonly number[]) {
  const byStay = new Map<
    number,
    RecordedRetention & {
      id: number;
      reasons: { article: string; text: string }[];
      createdAt: string;
      createdBy: string;
    }
  >();
  if (stayIds.length === 0) return byStay;
  const rows = await db
    .selectFrom('exchangeRetentionOutcomes')
    .selectAll()
    .where('stayId', 'in', [...stayIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    byStay.set(row.stayId, {
      id: row.id,
      outcome: row.outcome,
      effectiveOn: row.effectiveOn,
      umAccountEndsOn: row.umAccountEndsOnAfter,
      reasons: JSON.parse(row.reasonsJson) as { article: string; text: string }[],
      createdAt: row.createdAt,
      createdBy: row.createdBy,
    });
  }
  return byStay;
}

/** The state of active registration of each student's latest stay, by student id (absent: active). */
export async function activeRegistrationsOf(db: Db, studentIds: readonly number[]) {
  const byStudent = new Map<number, { state: 'kept' | 'removed'; on: string }>();
  if (studentIds.length === 0) return byStudent;
  const stays = await db
    .selectFrom('exchangeStays')
    .select(['id', 'studentId'])
    .where('studentId', 'in', [...studentIds])
    .orderBy('id')
    .execute();
  const latestStay = new Map(stays.map((s) => [s.studentId, s.id]));
  const outcomes = await latestOutcomes(db, [...latestStay.values()]);
  for (const [studentId, stayId] of latestStay) {
    const outcome = outcomes.get(stayId);
    if (outcome) byStudent.set(studentId, { state: outcome.outcome, on: outcome.effectiveOn });
  }
  return byStudent;
}

/** The request to stay of a stay for a fall semester. */
export async function stayRequestOf(db: Db, stayId: number, semester: string) {
  return db
    .selectFrom('exchangeResitStayRequests')
    .selectAll()
    .where('stayId', '=', stayId)
    .where('semester', '=', semester)
    .executeTakeFirst();
}

/** Requests to stay of many stays for a semester, by stay id. */
export async function stayRequestsOf(db: Db, stayIds: readonly number[], semester: string) {
  const byStay = new Map<number, StayRequestFact>();
  if (stayIds.length === 0) return byStay;
  const rows = await db
    .selectFrom('exchangeResitStayRequests')
    .select(['stayId', 'status', 'requestedOn', 'withdrawnOn'])
    .where('stayId', 'in', [...stayIds])
    .where('semester', '=', semester)
    .execute();
  for (const row of rows) byStay.set(row.stayId, row);
  return byStay;
}

/** Re-sit attempts of students in an academic year with their courses' periods, by student id. */
export async function resitsOf(db: Db, studentIds: readonly number[], academicYear: string) {
  const byStudent = new Map<number, (ResitFact & { id: number; version: number })[]>();
  if (studentIds.length === 0) return byStudent;
  const rows = await db
    .selectFrom('examAttempts as a')
    .innerJoin('courses as c', 'c.id', 'a.courseId')
    .select(['a.id', 'a.studentId', 'a.status', 'a.version', 'c.code', 'c.period'])
    .where('a.studentId', 'in', [...studentIds])
    .where('a.academicYear', '=', academicYear)
    .where('a.sitting', '=', 'resit')
    .orderBy('c.code')
    .execute();
  for (const row of rows) {
    const list = byStudent.get(row.studentId) ?? [];
    list.push({ id: row.id, code: row.code, period: row.period, status: row.status, version: row.version });
    byStudent.set(row.studentId, list);
  }
  return byStudent;
}

/** The first plagiarism finding of each student in an academic year (the exclusion), by student id. */
export async function exclusionsOf(db: Db, studentIds: readonly number[], academicYear: string) {
  const byStudent = new Map<number, PlagiarismExclusion>();
  if (studentIds.length === 0) return byStudent;
  const rows = await db
    .selectFrom('plagiarismFindings')
    .select(['studentId', 'academicYear', 'period', 'decidedOn'])
    .where('studentId', 'in', [...studentIds])
    .where('academicYear', '=', academicYear)
    .orderBy('decidedOn', 'desc')
    .execute();
  for (const { studentId, ...exclusion } of rows) byStudent.set(studentId, exclusion);
  return byStudent;
}

/** Every plagiarism finding of a student, oldest first. */
export async function plagiarismFindingsOf(db: Db, studentId: number) {
  const rows = await db
    .selectFrom('plagiarismFindings')
    .select(['id', 'academicYear', 'period', 'decidedOn', 'note', 'createdAt', 'createdBy'])
    .where('studentId', '=', studentId)
    .orderBy('decidedOn')
    .orderBy('id')
    .execute();
  return rows.map(({ createdAt, createdBy, ...r }) => ({
    ...r,
    recordedAt: createdAt,
    recordedBy: createdBy,
  }));
}

/** The runs of a semester, newest first. */
export async function runsOf(db: Db, semester: string) {
  const rows = await db
    .selectFrom('exchangeRetentionRuns')
    .selectAll()
    .where('semester', '=', semester)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    runOn: r.runOn,
    removed: r.removedCount,
    kept: r.keptCount,
    unchanged: r.unchangedCount,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  }));
}
