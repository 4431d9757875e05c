import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Exchange students (issue 6): the stay on an exchange enrolment, the status of a course registration
 * (dropped, on the transcript or not), exam attempts with grades, plagiarism findings and extension
 * decisions.
 */
export const migration009Exchange: Migration = {
  number: 9,
  name: 'exchange',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('exchange_stays')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().unique().references('enrolments.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('home_university', 'text', (c) => c.notNull())
      .addColumn('home_country', 'text')
      .addColumn('agreement', 'text', (c) => c.notNull())
      // Semester keys in order, e.g. ["2022-fall","2023-spring"].
      .addColumn('semesters_json', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('um_account_ends_on', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('exchange_stays_student').on('exchange_stays').column('student_id').execute();

    // A dropped registration is kept: a late drop stays on the transcript (Exchange guide, Grade transcripts).
    await db.schema
      .alterTable('course_registrations')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('registered')
          .check(sql`status in ('registered', 'dropped')`),
      )
      .execute();
    await db.schema.alterTable('course_registrations').addColumn('dropped_on', 'text').execute();
    await db.schema
      .alterTable('course_registrations')
      .addColumn('is_on_transcript', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // The catalogue counts current registrations per course; this keeps that count on an index alone.
    await db.schema
      .createIndex('course_registrations_registered')
      .on('course_registrations')
      .column('course_id')
      .where(sql.ref('status'), '=', 'registered')
      .execute();

    await db.schema
      .createTable('exam_attempts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('sitting', 'text', (c) => c.notNull().check(sql`sitting in ('first', 'resit')`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('registered', 'deregistered', 'graded')`),
      )
      .addColumn('registered_how', 'text', (c) =>
        c.notNull().check(sql`registered_how in ('with-course', 'automatic', 'on-request')`),
      )
      // Tenths of a grade (55 = 5.5); null with is_no_grade for NG, or while not graded.
      .addColumn('grade_tenths', 'integer', (c) => c.check(sql`grade_tenths between 0 and 100`))
      .addColumn('is_no_grade', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('graded_on', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('exam_attempts_unique', ['student_id', 'course_id', 'academic_year', 'sitting'])
      .execute();

    await db.schema
      .createTable('plagiarism_findings')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('period', 'integer', (c) => c.notNull().check(sql`period between 1 and 6`))
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await sql`create trigger plagiarism_findings_no_update before update on plagiarism_findings
      begin select raise(abort, 'Plagiarism findings cannot be changed: record a new one.'); end`.execute(db);

    await db.schema
      .createTable('exchange_extensions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('stay_id', 'integer', (c) =>
        c.notNull().references('exchange_stays.id').onDelete('restrict'),
      )
      .addColumn('direction', 'text', (c) =>
        c.notNull().check(sql`direction in ('fall-to-spring', 'spring-to-fall')`),
      )
      .addColumn('requested_on', 'text', (c) => c.notNull())
      .addColumn('home_university_permits', 'integer', (c) => c.notNull())
      .addColumn('iro_permits', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('approved', 'refused')`))
      .addColumn('conditions_json', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .execute();
  },
};
