import type { DeskDb } from '../../db/connection';
import type { TestDesk } from '../../testing/test-desk';

/** When the seeded rows were made, unless a test says otherwise. */
export const exchangeSeededAt = '2022-08-01T08:00:00.000Z';

/** A catalogue course to seed: 6.5 ECTS, not skills training and titled `Course <code>` unless given. */
export interface ExchangeCourseSeed {
  code: string;
  period: number;
  ects?: number;
  isSkillsTraining?: boolean;
  title?: string;
}

/** Inserts SBE catalogue courses in the order given; returns their ids by course code. */
export async function seedExchangeCatalogue(
  db: DeskDb,
  courses: readonly ExchangeCourseSeed[],
  at: string = exchangeSeededAt,
): Promise<Record<string, number>> {
  const courseIds: Record<string, number> = {};
  for (const course of courses) {
    const row = await db
      .insertInto('courses')
      .values({
        code: course.code,
        title: course.title ?? `Course ${course.code}`,
        ects: course.ects ?? 6.5,
        period: course.period,
        faculty: 'SBE',
        coordinator: null,
        isSkillsTraining: course.isSkillsTraining ? 1 : 0,
        createdAt: at,
        updatedAt: at,
        updatedBy: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    courseIds[course.code] = row.id;
  }
  return courseIds;
}

/** Inserts one student row straight into the database (for desks that are not test desks); returns its id. */
export async function insertExchangeStudent(
  db: DeskDb,
  student: { studentNumber: string; familyName: string; givenNames: string },
  at: string = exchangeSeededAt,
): Promise<number> {
  const row = await db
    .insertInto('students')
    .values({ ...student, email: null, createdAt: at, updatedAt: at, updatedBy: 'seed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Inserts a full-time 2022-23 exchange enrolment without a tuition fee (Art 10.4), starting 1 September 2022
 * unless `startDate` is given; returns its id. The stay itself is recorded by the test through the contract.
 */
export async function addExchangeEnrolment(
  db: DeskDb,
  studentId: number,
  options: { startDate?: string; feeFactsJson?: string; at?: string } = {},
): Promise<number> {
  const at = options.at ?? exchangeSeededAt;
  const row = await db
    .insertInto('enrolments')
    .values({
      studentId,
      academicYear: '2022-23',
      programmeCode: null,
      enrolmentKind: 'exchange',
      mode: 'full-time',
      startDate: options.startDate ?? '2022-09-01',
      status: 'enrolled',
      feeFactsJson: options.feeFactsJson ?? '{}',
      feeKind: 'none',
      feeCents: 0,
      feeReasonsJson: '[]',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a student to a test desk with an exchange enrolment (see addExchangeEnrolment); returns both ids. */
export async function addExchangeStudent(
  t: TestDesk,
  student: { studentNumber: string; familyName: string; givenNames: string },
  options: { startDate?: string; feeFactsJson?: string; at?: string } = {},
): Promise<{ studentId: number; enrolmentId: number }> {
  const studentId = await t.addStudent(student);
  const enrolmentId = await addExchangeEnrolment(t.desk.database.db, studentId, options);
  return { studentId, enrolmentId };
}
