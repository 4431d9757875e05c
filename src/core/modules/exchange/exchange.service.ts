import { sql, type Transaction } from 'kysely';
import type { ExchangeFile, ExtensionDecisionView } from '../../../shared/api/exchange.contract';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/database';
import type { DeskDb } from '../../db/connection';
import type { ServiceContext } from '../../context';
import { loadProvisions } from '../../provisions/load-provisions';
import type { Provisions } from '../../provisions/provisions.schema';
import type { FeeAssessment } from '../fees/fee-assessment';
import { assessTuitionFee } from '../fees/tuition-fee.rules';
import {
  checkCourseDrop,
  checkCourseRegistration,
  registrationViolations,
  type CourseFacts,
  type GuideReason,
} from './course-registration.rules';
import {
  nextSemester,
  parseSemesterKey,
  periodsOfTerm,
  semesterDates,
  umAccountEndsOn,
  type SemesterTerm,
} from './exchange-calendar';
import type { ExchangeGuide } from './exchange-guide.schema';
import { decideExtension, type ExtensionDecision, type ExtensionDirection } from './extension.rules';
import { loadExchangeGuide } from './load-exchange-guide';
import { activeRegistrationStates, refuseUnlessRegistrationAllows } from './resit-retention.service';
import {
  checkResitRegistration,
  describeResult,
  finalResult,
  formatGrade,
  gradePointAverage,
  isGpaShown,
  parseGrade,
  plagiarismConsequence,
  resitAfterFirstSitting,
  type PlagiarismExclusion,
  type SittingResult,
} from './results.rules';

/*
 * Use cases of the IRO for exchange students: the stay on an exchange enrolment, course registration
 * and drops, results and re-sits, plagiarism and extensions. Each mutation runs in one transaction
 * with its audit row; refusals are DeskErrors of kind 'refused' whose message states the rule.
 */

type Db = DeskDb | Transaction<Database>;

const today = (ctx: ServiceContext): string => ctx.clock.now().toISOString().slice(0, 10);

function guideOf(academicYear: string): ExchangeGuide {
  try {
    return loadExchangeGuide(academicYear);
  } catch (error) {
    throw new DeskError('refused', (error as Error).message);
  }
}

function refuse(reasons: readonly GuideReason[]): never {
  throw new DeskError('refused', reasons.map((r) => `${r.text} (${r.article})`).join(' '));
}

/** The dates of a stay from its semesters: first day, last day, and the UM account's end. */
function stayDates(semesters: readonly string[]): {
  startsOn: string;
  endsOn: string;
  umAccountEndsOn: string;
  reasons: GuideReason[];
} {
  const first = parseSemesterKey(semesters[0] ?? '');
  const last = parseSemesterKey(semesters.at(-1) ?? '');
  const lastGuide = guideOf(last.academicYear);
  const endsOn = semesterDates(lastGuide, last.term).endsOn;
  return {
    startsOn: semesterDates(guideOf(first.academicYear), first.term).startsOn,
    endsOn,
    umAccountEndsOn: umAccountEndsOn(lastGuide, endsOn),
    reasons: [
      {
        article: 'Art 10.4',
        text: 'An exchange student is enrolled as such at UM under an exchange contract with the foreign university and pays no tuition fee to UM.',
      },
      {
        article: lastGuide.umAccount.source,
        text: `The exchange ends on ${endsOn}; the UM account stays open until about ${endsOn} + ${lastGuide.umAccount.daysAfterExchangeEnds} days: “${lastGuide.umAccount.text}”`,
      },
    ],
  };
}

/** Checks that the semesters follow each other without a gap. */
function assertConsecutive(semesters: readonly string[]): void {
  for (let i = 1; i < semesters.length; i += 1) {
    if (semesters[i] !== nextSemester(semesters[i - 1] ?? '')) {
      throw new DeskError('validation', `The semesters must follow each other: ${semesters.join(', ')}.`, {
        field: 'semesters',
      });
    }
  }
}

async function findStay(db: Db, studentId: number) {
  const stay = await db
    .selectFrom('exchangeStays')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!stay) throw new DeskError('not_found', 'This student has no exchange recorded.');
  return stay;
}

/** The terms of the stay within an academic year. */
function termsIn(semesters: readonly string[], academicYear: string): SemesterTerm[] {
  return semesters
    .map(parseSemesterKey)
    .filter((s) => s.academicYear === academicYear)
    .map((s) => s.term);
}

/** The academic year a course period falls in for this stay (the first year whose terms hold the period). */
function academicYearOfCourse(
  semesters: readonly string[],
  guide: (year: string) => ExchangeGuide,
  period: number,
): string {
  for (const key of semesters) {
    const { academicYear, term } = parseSemesterKey(key);
    if (periodsOfTerm(guide(academicYear), term).includes(period)) return academicYear;
  }
  return parseSemesterKey(semesters[0] ?? '').academicYear;
}

async function courseFacts(db: Db, courseId: number): Promise<CourseFacts & { faculty: string }> {
  const row = await db
    .selectFrom('courses')
    .select(['id', 'code', 'title', 'period', 'ects', 'isSkillsTraining', 'faculty'])
    .where('id', '=', courseId)
    .executeTakeFirst();
  if (!row) throw new DeskError('not_found', 'There is no such course.', { field: 'courseId' });
  return {
    courseId: row.id,
    code: row.code,
    title: row.title,
    period: row.period,
    ects: row.ects,
    isSkillsTraining: row.isSkillsTraining === 1,
    faculty: row.faculty,
  };
}

async function registrationsOf(db: Db, studentId: number, academicYear?: string) {
  let query = db
    .selectFrom('courseRegistrations as r')
    .innerJoin('courses as c', 'c.id', 'r.courseId')
    .select([
      'c.id',
      'c.code',
      'c.title',
      'c.period',
      'c.ects',
      'c.isSkillsTraining',
      'c.faculty',
      'r.academicYear',
      'r.status',
      'r.droppedOn',
      'r.isOnTranscript',
    ])
    .where('r.studentId', '=', studentId);
  if (academicYear) query = query.where('r.academicYear', '=', academicYear);
  const rows = await query.orderBy('c.period').orderBy('c.code').execute();
  return rows.map((r) => ({
    courseId: r.id,
    code: r.code,
    title: r.title,
    period: r.period,
    ects: r.ects,
    isSkillsTraining: r.isSkillsTraining === 1,
    faculty: r.faculty,
    academicYear: r.academicYear,
    status: r.status,
    droppedOn: r.droppedOn,
    isOnTranscript: r.isOnTranscript === 1,
  }));
}

async function exclusionOf(
  db: Db,
  studentId: number,
  academicYear: string,
): Promise<PlagiarismExclusion | null> {
  const row = await db
    .selectFrom('plagiarismFindings')
    .select(['academicYear', 'period', 'decidedOn'])
    .where('studentId', '=', studentId)
    .where('academicYear', '=', academicYear)
    .orderBy('decidedOn')
    .executeTakeFirst();
  return row ?? null;
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

/** A student's exchange as the IRO sees it. */
export async function exchangeFile(db: Db, studentId: number): Promise<ExchangeFile> {
  const student = await db
    .selectFrom('students')
    .select(['id', 'studentNumber', 'familyName', 'givenNames'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) throw new DeskError('not_found', 'There is no such student.', { field: 'studentId' });
  const stay = await findStay(db, studentId);
  const semesters = JSON.parse(stay.semestersJson) as string[];
  const registrations = await registrationsOf(db, studentId);
  const active = registrations.filter((r) => r.status === 'registered');
  const years = [...new Set(semesters.map((k) => parseSemesterKey(k).academicYear))];
  const violations = years.flatMap((year) =>
    registrationViolations(
      guideOf(year),
      termsIn(semesters, year),
      active.filter((r) => r.academicYear === year),
    ),
  );
  const attemptRows = await db
    .selectFrom('examAttempts as a')
    .innerJoin('courses as c', 'c.id', 'a.courseId')
    .select([
      'a.id',
      'a.courseId',
      'c.code',
      'a.sitting',
      'a.status',
      'a.registeredHow',
      'a.gradeTenths',
      'a.isNoGrade',
      'a.academicYear',
    ])
    .where('a.studentId', '=', studentId)
    .orderBy('c.code')
    .orderBy('a.sitting')
    .execute();
  const attempts = attemptRows.map((a) => {
    const result = resultOf(a);
    const guide = guideOf(a.academicYear);
    const described = result ? describeResult(guide, result) : null;
    return {
      id: a.id,
      courseId: a.courseId,
      code: a.code,
      sitting: a.sitting,
      status: a.status,
      registeredHow: a.registeredHow,
      grade: result ? formatGrade(result, guide) : null,
      description: described?.description ?? null,
      isPass: described?.isPass ?? null,
    };
  });
  const exclusion =
    (await Promise.all(years.map((y) => exclusionOf(db, studentId, y)))).find((e) => e !== null) ?? null;
  // One GPA for the exchange enrolment (Student Portal FAQ: the faculty decides to show it or not): an
  // exchange student is enrolled in the exchange, not in the programmes the courses are linked to, so
  // every graded course on the transcript counts, weighted by its ECTS.
  const gpaEntries: { ects: number; result: SittingResult }[] = [];
  for (const r of registrations.filter((x) => x.isOnTranscript)) {
    const mine = attemptRows.filter((a) => a.courseId === r.courseId && a.academicYear === r.academicYear);
    const first = mine.find((a) => a.sitting === 'first');
    const resit = mine.find((a) => a.sitting === 'resit');
    const result = finalResult(first ? resultOf(first) : null, resit ? resultOf(resit) : null);
    if (result) gpaEntries.push({ ects: r.ects, result });
  }
  const gpaGuide = guideOf(years[0] ?? '2022-23');
  const exchangeFaculty = gpaGuide.gpa.exchangeFaculty;
  return {
    studentId: student.id,
    studentNumber: student.studentNumber,
    name: `${student.givenNames} ${student.familyName}`,
    stay: {
      id: stay.id,
      enrolmentId: stay.enrolmentId,
      homeUniversity: stay.homeUniversity,
      homeCountry: stay.homeCountry,
      agreement: stay.agreement,
      semesters,
      startsOn: stay.startsOn,
      endsOn: stay.endsOn,
      umAccountEndsOn: stay.umAccountEndsOn,
      version: stay.version,
      reasons: stayDates(semesters).reasons,
    },
    registrations: registrations.map(({ faculty: _faculty, academicYear: _year, ...r }) => r),
    attempts,
    violations,
    resitExclusion: exclusion,
    gpa: {
      label: `GPA (exchange, ${exchangeFaculty.name})`,
      facultyCode: exchangeFaculty.code,
      gpa: gradePointAverage(gpaEntries),
      isShown: isGpaShown(gpaGuide, exchangeFaculty.code),
    },
  };
}

/** Records (or replaces) the exchange facts of an enrolment of kind 'exchange'. */
export async function recordExchangeStay(
  ctx: ServiceContext,
  input: {
    enrolmentId: number;
    homeUniversity: string;
    homeCountry: string | null;
    agreement: string;
    semesters: string[];
  },
): Promise<ExchangeFile> {
  assertConsecutive(input.semesters);
  const dates = stayDates(input.semesters);
  const at = ctx.clock.now().toISOString();
  const studentId = await ctx.db.transaction().execute(async (trx) => {
    const enrolment = await trx
      .selectFrom('enrolments')
      .select(['id', 'studentId', 'enrolmentKind'])
      .where('id', '=', input.enrolmentId)
      .executeTakeFirst();
    if (!enrolment) throw new DeskError('not_found', 'There is no such enrolment.', { field: 'enrolmentId' });
    if (enrolment.enrolmentKind !== 'exchange') {
      throw new DeskError(
        'refused',
        `Only an exchange enrolment has exchange facts; this one is ${enrolment.enrolmentKind} (Art 10.4).`,
        { field: 'enrolmentId' },
      );
    }
    const before = await trx
      .selectFrom('exchangeStays')
      .selectAll()
      .where('enrolmentId', '=', input.enrolmentId)
      .executeTakeFirst();
    const values = {
      homeUniversity: input.homeUniversity,
      homeCountry: input.homeCountry,
      agreement: input.agreement,
      semestersJson: JSON.stringify(input.semesters),
      startsOn: dates.startsOn,
      endsOn: dates.endsOn,
      umAccountEndsOn: dates.umAccountEndsOn,
      updatedAt: at,
      updatedBy: ctx.actor.name,
    };
    if (before) {
      await trx
        .updateTable('exchangeStays')
        .set({ ...values, version: before.version + 1 })
        .where('id', '=', before.id)
        .execute();
    } else {
      await trx
        .insertInto('exchangeStays')
        .values({ ...values, enrolmentId: enrolment.id, studentId: enrolment.studentId, createdAt: at })
        .execute();
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.recordStay',
      entity: 'enrolment',
      entityId: enrolment.id,
      before: before ?? null,
      after: values,
    });
    return enrolment.studentId;
  });
  return exchangeFile(ctx.db, studentId);
}

/** Registers the student for a course of the stay, with the first exam sitting; refused with the rule. */
export async function registerExchangeCourse(
  ctx: ServiceContext,
  input: { studentId: number; courseId: number },
) {
  const at = ctx.clock.now().toISOString();
  const reasons = await ctx.db.transaction().execute(async (trx) => {
    const stay = await findStay(trx, input.studentId);
    // Exchange guide, Location of the re-sit: removed (or only kept for re-sits) after the fall semester.
    await refuseUnlessRegistrationAllows(trx, input.studentId, 'course');
    const semesters = JSON.parse(stay.semestersJson) as string[];
    const course = await courseFacts(trx, input.courseId);
    const academicYear = academicYearOfCourse(semesters, guideOf, course.period);
    const guide = guideOf(academicYear);
    const all = await registrationsOf(trx, input.studentId, academicYear);
    const existing = all.find((r) => r.courseId === course.courseId);
    const decision = checkCourseRegistration(guide, {
      course,
      registered: all.filter((r) => r.status === 'registered'),
      terms: termsIn(semesters, academicYear),
      today: today(ctx),
    });
    if (decision.outcome === 'refused') refuse(decision.reasons);
    if (existing) {
      // Registering again for a course dropped earlier in the year.
      await trx
        .updateTable('courseRegistrations')
        .set({ status: 'registered', droppedOn: null, isOnTranscript: 1, registeredAt: at })
        .where('studentId', '=', input.studentId)
        .where('courseId', '=', course.courseId)
        .where('academicYear', '=', academicYear)
        .execute();
    } else {
      await trx
        .insertInto('courseRegistrations')
        .values({ studentId: input.studentId, courseId: course.courseId, academicYear, registeredAt: at })
        .execute();
    }
    // Exchange guide, Registration deadlines for exams: a course registration includes the first exam.
    await trx
      .insertInto('examAttempts')
      .values({
        studentId: input.studentId,
        courseId: course.courseId,
        academicYear,
        sitting: 'first',
        status: 'registered',
        registeredHow: 'with-course',
        gradeTenths: null,
        gradedOn: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .onConflict((oc) => oc.columns(['studentId', 'courseId', 'academicYear', 'sitting']).doNothing())
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.registerCourse',
      entity: 'student',
      entityId: input.studentId,
      after: { course: course.code, academicYear },
      reason: decision.reasons.map((r) => r.text).join(' '),
    });
    return decision.reasons;
  });
  return { reasons, file: await exchangeFile(ctx.db, input.studentId) };
}

/** Drops a course: refused for the only course of a compulsory period; a late drop stays on the transcript. */
export async function dropExchangeCourse(
  ctx: ServiceContext,
  input: { studentId: number; courseId: number },
) {
  const at = ctx.clock.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const stay = await findStay(trx, input.studentId);
    const semesters = JSON.parse(stay.semestersJson) as string[];
    const course = await courseFacts(trx, input.courseId);
    const academicYear = academicYearOfCourse(semesters, guideOf, course.period);
    const registered = (await registrationsOf(trx, input.studentId, academicYear)).filter(
      (r) => r.status === 'registered',
    );
    const decision = checkCourseDrop(guideOf(academicYear), { course, registered, today: today(ctx) });
    if (decision.outcome === 'refused') refuse(decision.reasons);
    await trx
      .updateTable('courseRegistrations')
      .set({ status: 'dropped', droppedOn: today(ctx), isOnTranscript: decision.leavesTranscript ? 0 : 1 })
      .where('studentId', '=', input.studentId)
      .where('courseId', '=', course.courseId)
      .where('academicYear', '=', academicYear)
      .execute();
    await trx
      .updateTable('examAttempts')
      .set({ status: 'deregistered', updatedAt: at, updatedBy: ctx.actor.name })
      .where('studentId', '=', input.studentId)
      .where('courseId', '=', course.courseId)
      .where('academicYear', '=', academicYear)
      .where('status', '=', 'registered')
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.dropCourse',
      entity: 'student',
      entityId: input.studentId,
      before: { course: course.code, status: 'registered' },
      after: { course: course.code, status: 'dropped', isOnTranscript: !decision.leavesTranscript },
      reason: decision.reasons.map((r) => r.text).join(' '),
    });
    return decision;
  });
  return {
    reasons: outcome.reasons,
    isOnTranscript: !outcome.leavesTranscript,
    file: await exchangeFile(ctx.db, input.studentId),
  };
}

async function attemptsOf(db: Db, studentId: number, courseId: number) {
  return db
    .selectFrom('examAttempts')
    .selectAll()
    .where('studentId', '=', studentId)
    .where('courseId', '=', courseId)
    .orderBy('academicYear', 'desc')
    .execute();
}

/** Records the result of a sitting; an insufficient first result registers the student for the re-sit. */
export async function recordExamResult(
  ctx: ServiceContext,
  input: {
    studentId: number;
    courseId: number;
    sitting: 'first' | 'resit';
    grade: number | 'NG';
    gradedOn: string;
  },
) {
  const at = ctx.clock.now().toISOString();
  const reasons = await ctx.db.transaction().execute(async (trx) => {
    const attempts = await attemptsOf(trx, input.studentId, input.courseId);
    const attempt = attempts.find((a) => a.sitting === input.sitting);
    if (!attempt || attempt.status === 'deregistered') {
      throw new DeskError(
        'refused',
        `The student is not registered for the ${input.sitting === 'first' ? 'first sitting' : 're-sit'} of this course.`,
      );
    }
    const guide = guideOf(attempt.academicYear);
    const parsed = parseGrade(guide, input.grade);
    if (!parsed.ok)
      throw new DeskError('validation', `${parsed.reason.text} (${parsed.reason.article})`, {
        field: 'grade',
      });
    const exclusion = await exclusionOf(trx, input.studentId, attempt.academicYear);
    const result = parsed.result;
    const after = {
      gradeTenths: result.kind === 'grade' ? result.tenths : null,
      isNoGrade: result.kind === 'no-grade' ? 1 : 0,
      status: 'graded' as const,
      gradedOn: input.gradedOn,
    };
    await trx
      .updateTable('examAttempts')
      .set({ ...after, version: attempt.version + 1, updatedAt: at, updatedBy: ctx.actor.name })
      .where('id', '=', attempt.id)
      .execute();
    const out: GuideReason[] = [describeResult(guide, result).reason];
    if (input.sitting === 'first') {
      const next = resitAfterFirstSitting(guide, result, exclusion);
      out.push(...next.reasons.filter((r) => !out.includes(r) && r.text !== out[0]?.text));
      if (next.resit === 'automatic') {
        await trx
          .insertInto('examAttempts')
          .values({
            studentId: input.studentId,
            courseId: input.courseId,
            academicYear: attempt.academicYear,
            sitting: 'resit',
            status: 'registered',
            registeredHow: 'automatic',
            gradeTenths: null,
            gradedOn: null,
            createdAt: at,
            updatedAt: at,
            updatedBy: ctx.actor.name,
          })
          .onConflict((oc) => oc.columns(['studentId', 'courseId', 'academicYear', 'sitting']).doNothing())
          .execute();
      }
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.recordResult',
      entity: 'exam-attempt',
      entityId: attempt.id,
      before: { status: attempt.status, gradeTenths: attempt.gradeTenths, isNoGrade: attempt.isNoGrade },
      after,
    });
    return out;
  });
  return { reasons, file: await exchangeFile(ctx.db, input.studentId) };
}

/** Registers for the re-sit on the student's request (after NG, or again after deregistering). */
export async function registerForResit(ctx: ServiceContext, input: { studentId: number; courseId: number }) {
  const at = ctx.clock.now().toISOString();
  const reasons = await ctx.db.transaction().execute(async (trx) => {
    // Exchange guide, Location of the re-sit: a removed fall student cannot register for the re-sit.
    await refuseUnlessRegistrationAllows(trx, input.studentId, 'resit');
    const attempts = await attemptsOf(trx, input.studentId, input.courseId);
    const first = attempts.find((a) => a.sitting === 'first');
    const resit = attempts.find((a) => a.sitting === 'resit');
    const academicYear = first?.academicYear ?? '2022-23';
    const guide = guideOf(academicYear);
    const decision = checkResitRegistration(guide, {
      first: first ? resultOf(first) : null,
      exclusion: await exclusionOf(trx, input.studentId, academicYear),
      isRegistered: resit?.status === 'registered',
    });
    if (decision.outcome === 'refused') refuse(decision.reasons);
    if (resit) {
      await trx
        .updateTable('examAttempts')
        .set({
          status: 'registered',
          registeredHow: 'on-request',
          version: resit.version + 1,
          updatedAt: at,
          updatedBy: ctx.actor.name,
        })
        .where('id', '=', resit.id)
        .execute();
    } else {
      await trx
        .insertInto('examAttempts')
        .values({
          studentId: input.studentId,
          courseId: input.courseId,
          academicYear,
          sitting: 'resit',
          status: 'registered',
          registeredHow: 'on-request',
          gradeTenths: null,
          gradedOn: null,
          createdAt: at,
          updatedAt: at,
          updatedBy: ctx.actor.name,
        })
        .execute();
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.registerResit',
      entity: 'student',
      entityId: input.studentId,
      after: { courseId: input.courseId },
      reason: decision.reasons.map((r) => r.text).join(' '),
    });
    return decision.reasons;
  });
  return { reasons, file: await exchangeFile(ctx.db, input.studentId) };
}

/** Deregisters the student from a re-sit they are registered for. */
export async function deregisterFromResit(
  ctx: ServiceContext,
  input: { studentId: number; courseId: number },
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const resit = (await attemptsOf(trx, input.studentId, input.courseId)).find((a) => a.sitting === 'resit');
    if (resit?.status !== 'registered')
      throw new DeskError('refused', 'The student is not registered for the re-sit of this course.');
    await trx
      .updateTable('examAttempts')
      .set({ status: 'deregistered', version: resit.version + 1, updatedAt: at, updatedBy: ctx.actor.name })
      .where('id', '=', resit.id)
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.deregisterResit',
      entity: 'exam-attempt',
      entityId: resit.id,
      before: { status: 'registered' },
      after: { status: 'deregistered' },
    });
  });
  return exchangeFile(ctx.db, input.studentId);
}

/** Records plagiarism: every result of the period becomes 0 and open re-sits of the year are withdrawn. */
export async function recordPlagiarism(
  ctx: ServiceContext,
  input: { studentId: number; period: number; decidedOn: string; note: string | null },
) {
  const at = ctx.clock.now().toISOString();
  const reasons = await ctx.db.transaction().execute(async (trx) => {
    const stay = await findStay(trx, input.studentId);
    const semesters = JSON.parse(stay.semestersJson) as string[];
    const academicYear = academicYearOfCourse(semesters, guideOf, input.period);
    const guide = guideOf(academicYear);
    const exclusion = { academicYear, period: input.period, decidedOn: input.decidedOn };
    const consequence = plagiarismConsequence(guide, exclusion);
    await trx
      .insertInto('plagiarismFindings')
      .values({
        studentId: input.studentId,
        academicYear,
        period: input.period,
        decidedOn: input.decidedOn,
        note: input.note,
        createdAt: at,
        createdBy: ctx.actor.name,
      })
      .execute();
    const courseIds = trx.selectFrom('courses').select('id').where('period', '=', input.period);
    const tenths = consequence.result.kind === 'grade' ? consequence.result.tenths : 0;
    await trx
      .updateTable('examAttempts')
      .set({
        status: 'graded',
        gradeTenths: tenths,
        isNoGrade: 0,
        gradedOn: input.decidedOn,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('studentId', '=', input.studentId)
      .where('academicYear', '=', academicYear)
      .where('courseId', 'in', courseIds)
      .where('status', '!=', 'deregistered')
      .execute();
    // Excluded from the re-sit opportunities in the on-going academic year: open re-sits are withdrawn.
    await trx
      .updateTable('examAttempts')
      .set({ status: 'deregistered', updatedAt: at, updatedBy: ctx.actor.name })
      .where('studentId', '=', input.studentId)
      .where('academicYear', '=', academicYear)
      .where('sitting', '=', 'resit')
      .where('status', '=', 'registered')
      .execute();
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.recordPlagiarism',
      entity: 'student',
      entityId: input.studentId,
      after: exclusion,
      reason: consequence.reason.text,
    });
    return [consequence.reason];
  });
  return { reasons, file: await exchangeFile(ctx.db, input.studentId) };
}

/** The next year's exchange enrolment as the decision reports it (id null on a dry run). */
type NextYearEnrolmentView = NonNullable<ExtensionDecisionView['nextYearEnrolment']>;

/** The exchange enrolment of the next academic year an approved spring → next fall extension creates. */
interface NextYearEnrolment {
  readonly academicYear: string;
  readonly startDate: string;
  readonly factsJson: string;
  readonly mode: string;
  readonly fee: FeeAssessment;
}

/**
 * Plans the next academic year's exchange enrolment for an extension into it: kind exchange, starting on
 * the first day of the fall semester, its fee assessed like every exchange enrolment's (Art 10.4: no
 * tuition fee). Refused, naming the year, when the student already has an enrolment in that year or the
 * desk has no exchange facts or provisions for it.
 */
async function planNextYearEnrolment(
  db: Db,
  stay: { studentId: number; enrolmentId: number },
  academicYear: string,
): Promise<NextYearEnrolment> {
  const existing = await db
    .selectFrom('enrolments')
    .select(['id', 'enrolmentKind', 'status'])
    .where('studentId', '=', stay.studentId)
    .where('academicYear', '=', academicYear)
    .executeTakeFirst();
  if (existing) {
    throw new DeskError(
      'refused',
      `The student already has a${existing.enrolmentKind === 'exchange' ? 'n' : ''} ${existing.enrolmentKind} enrolment for ${academicYear} (${existing.status}); the extension would create the exchange enrolment of that year (Art 10.4).`,
    );
  }
  const startDate = semesterDates(guideOf(academicYear), 'fall').startsOn;
  let provisions: Provisions;
  try {
    provisions = loadProvisions(academicYear);
  } catch (error) {
    throw new DeskError('refused', (error as Error).message);
  }
  const previous = await db
    .selectFrom('enrolments')
    .select('feeFactsJson')
    .where('id', '=', stay.enrolmentId)
    .executeTakeFirstOrThrow();
  let nationalities: string[] = [];
  try {
    const parsed = feeFactsSchema.safeParse(JSON.parse(previous.feeFactsJson));
    if (parsed.success) nationalities = parsed.data.nationalities;
  } catch {
    // Fee facts recorded before they were kept as JSON: the nationalities are not known.
  }
  const facts = feeFactsSchema.parse({
    enrolmentKind: 'exchange',
    programmeCode: null,
    nationalities,
    startDate,
  });
  return {
    academicYear,
    startDate,
    factsJson: JSON.stringify(facts),
    mode: facts.mode,
    fee: assessTuitionFee(facts, provisions),
  };
}

/**
 * Decides a request for extension; an approval adds the next semester to the stay and extends the
 * enrolment: fall → spring stays within the exchange enrolment of the year, spring → next fall creates
 * the exchange enrolment of the next academic year (Art 10.4, no tuition fee) in the same transaction.
 */
export async function decideExchangeExtension(
  ctx: ServiceContext,
  input: {
    studentId: number;
    direction: ExtensionDirection;
    requestedOn: string;
    homeUniversityPermits: boolean;
    iroPermits: boolean;
    dryRun: boolean;
  },
): Promise<ExtensionDecision & { semesters: string[]; nextYearEnrolment: NextYearEnrolmentView | null }> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const stay = await findStay(trx, input.studentId);
    const semesters = JSON.parse(stay.semestersJson) as string[];
    const first = parseSemesterKey(semesters[0] ?? '');
    const last = parseSemesterKey(semesters.at(-1) ?? '');
    const guide = guideOf(last.academicYear);
    const firstPeriod = periodsOfTerm(guideOf(first.academicYear), first.term)[0] ?? 1;
    const attempts = await trx
      .selectFrom('examAttempts as a')
      .innerJoin('courses as c', 'c.id', 'a.courseId')
      .innerJoin('courseRegistrations as r', (j) =>
        j
          .onRef('r.studentId', '=', 'a.studentId')
          .onRef('r.courseId', '=', 'a.courseId')
          .onRef('r.academicYear', '=', 'a.academicYear'),
      )
      .select(['c.code', 'a.status', 'a.gradeTenths', 'a.isNoGrade'])
      .where('a.studentId', '=', input.studentId)
      .where('a.academicYear', '=', first.academicYear)
      .where('a.sitting', '=', 'first')
      .where('c.period', '=', firstPeriod)
      .where('r.isOnTranscript', '=', 1)
      .execute();
    const firstPeriodCourses = attempts.map((a) => {
      const result = resultOf(a);
      return { code: a.code, passedAtFirstSitting: result !== null && describeResult(guide, result).isPass };
    });
    const decision = decideExtension(guide, {
      direction: input.direction,
      requestedOn: input.requestedOn,
      lastTerm: last.term,
      semestersOfStay: semesters.length,
      firstPeriodCourses,
      homeUniversityPermits: input.homeUniversityPermits,
      iroPermits: input.iroPermits,
    });
    const extended =
      decision.outcome === 'approved' ? [...semesters, nextSemester(semesters.at(-1) ?? '')] : semesters;
    // Checked on a dry run too: the dates of the new semester need its year's exchange facts.
    const dates = decision.outcome === 'approved' ? stayDates(extended) : null;
    const extendedYear = parseSemesterKey(extended.at(-1) ?? '').academicYear;
    const nextYear =
      decision.outcome === 'approved' && extendedYear !== last.academicYear
        ? await planNextYearEnrolment(trx, stay, extendedYear)
        : null;
    const nextYearView = (enrolmentId: number | null) =>
      nextYear && {
        id: enrolmentId,
        academicYear: nextYear.academicYear,
        startDate: nextYear.startDate,
        feeCents: nextYear.fee.amountCents,
        feeReasons: nextYear.fee.reasons.map((r) => ({ article: r.article, text: r.text })),
      };
    if (input.dryRun) return { ...decision, semesters: extended, nextYearEnrolment: nextYearView(null) };
    await trx
      .insertInto('exchangeExtensions')
      .values({
        stayId: stay.id,
        direction: input.direction,
        requestedOn: input.requestedOn,
        homeUniversityPermits: input.homeUniversityPermits ? 1 : 0,
        iroPermits: input.iroPermits ? 1 : 0,
        outcome: decision.outcome,
        conditionsJson: JSON.stringify(decision.conditions),
        decidedAt: at,
        decidedBy: ctx.actor.name,
      })
      .execute();
    if (dates) {
      await trx
        .updateTable('exchangeStays')
        .set({
          semestersJson: JSON.stringify(extended),
          endsOn: dates.endsOn,
          umAccountEndsOn: dates.umAccountEndsOn,
          version: stay.version + 1,
          updatedAt: at,
          updatedBy: ctx.actor.name,
        })
        .where('id', '=', stay.id)
        .execute();
    }
    let nextYearEnrolmentId: number | null = null;
    if (nextYear) {
      const values = {
        studentId: stay.studentId,
        academicYear: nextYear.academicYear,
        programmeCode: null,
        enrolmentKind: 'exchange',
        mode: nextYear.mode,
        startDate: nextYear.startDate,
        status: 'enrolled' as const,
        statusReason: `Exchange extended spring → fall (${guide.extensions.maximumStay.source}).`,
        feeFactsJson: nextYear.factsJson,
        feeKind: nextYear.fee.kind,
        feeCents: nextYear.fee.amountCents,
        feeReasonsJson: JSON.stringify(nextYear.fee.reasons),
      };
      const created = await trx
        .insertInto('enrolments')
        .values({ ...values, createdAt: at, updatedAt: at, updatedBy: ctx.actor.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      nextYearEnrolmentId = created.id;
      await recordAudit(trx, ctx.actor, at, {
        action: 'exchange.extendEnrolment',
        entity: 'enrolment',
        entityId: created.id,
        before: null,
        after: values,
        reason: nextYear.fee.reasons.map((r) => `${r.text} (${r.article})`).join(' '),
      });
    }
    await recordAudit(trx, ctx.actor, at, {
      action: 'exchange.decideExtension',
      entity: 'enrolment',
      entityId: stay.enrolmentId,
      before: { semesters, endsOn: stay.endsOn },
      after: { outcome: decision.outcome, semesters: extended, nextYearEnrolmentId },
      reason:
        decision.conditions
          .filter((c) => !c.isMet)
          .map((c) => c.text)
          .join(' ') || null,
    });
    return { ...decision, semesters: extended, nextYearEnrolment: nextYearView(nextYearEnrolmentId) };
  });
}

/** The IRO's overview: exchange students by semester and home university, with courses and violations. */
export async function exchangeOverview(db: DeskDb, filter: { semester?: string; homeUniversity?: string }) {
  let query = db
    .selectFrom('exchangeStays')
    .select('studentId')
    .orderBy('homeUniversity')
    .orderBy('studentId');
  if (filter.homeUniversity) query = query.where('homeUniversity', '=', filter.homeUniversity);
  if (filter.semester) query = query.where('semestersJson', 'like', `%"${filter.semester}"%`);
  const rows = await query.execute();
  const registrationOf = await activeRegistrationStates(
    db,
    rows.map((r) => r.studentId),
  );
  const items = [];
  for (const row of rows) {
    const file = await exchangeFile(db, row.studentId);
    items.push({
      studentId: file.studentId,
      studentNumber: file.studentNumber,
      name: file.name,
      homeUniversity: file.stay.homeUniversity,
      semesters: file.stay.semesters,
      courses: file.registrations.filter((r) => r.status === 'registered').map((r) => r.code),
      violations: file.violations,
      registration: registrationOf(file.studentId),
    });
  }
  return { items };
}

/** Courses of a period for the course picker, searched by code or title; SBE first (the guide's faculty). */
export async function exchangeCourseOptions(
  db: DeskDb,
  filter: { period: number; search: string; limit: number },
) {
  let query = db
    .selectFrom('courses')
    .select(['id', 'code', 'title', 'period', 'ects', 'faculty', 'isSkillsTraining'])
    .where('period', '=', filter.period);
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([sql<boolean>`code like ${like} escape '\\'`, sql<boolean>`title like ${like} escape '\\'`]),
    );
  }
  const rows = await query
    .orderBy(sql`faculty = 'SBE'`, 'desc')
    .orderBy('code')
    .limit(filter.limit)
    .execute();
  return { items: rows.map((r) => ({ ...r, isSkillsTraining: r.isSkillsTraining === 1 })) };
}
