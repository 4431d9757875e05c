import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Study progress of students on a study residence permit (issue 6.7; source 003 'Study progress'):
 * credits obtained per student and academic year with their source (append-only), the excusable reasons
 * study advisers found (withdrawn once, never rewritten), and the lists of students notified to the IND
 * with the day each was sent (append-only; a student is on at most one list per year).
 */
export const migration013StudyProgress: Migration = {
  number: 13,
  name: 'study-progress',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('study_progress_credits')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('course_code', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      // Tenths of an ECTS (65 = 6.5), so that sums are exact.
      .addColumn('credits_tenths', 'integer', (c) => c.notNull().check(sql`credits_tenths > 0`))
      .addColumn('obtained_on', 'text', (c) => c.notNull())
      // Where the result comes from (results system export, transcript), as recorded.
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('study_progress_credits_student_year')
      .on('study_progress_credits')
      .columns(['student_id', 'academic_year'])
      .execute();
    await sql`create trigger study_progress_credits_no_update before update on study_progress_credits
      begin select raise(abort, 'Credits records cannot be changed: record a new one.'); end`.execute(db);
    await sql`create trigger study_progress_credits_no_delete before delete on study_progress_credits
      begin select raise(abort, 'Credits records cannot be deleted: record a new one.'); end`.execute(db);

    await db.schema
      .createTable('study_progress_excusals')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('adviser_name', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdrawn_reason', 'text')
      .execute();
    // One standing excusable reason per student and year.
    await db.schema
      .createIndex('study_progress_excusals_standing')
      .on('study_progress_excusals')
      .columns(['student_id', 'academic_year'])
      .unique()
      .where(sql.ref('withdrawn_at'), 'is', null)
      .execute();
    await sql`create trigger study_progress_excusals_withdraw_once before update on study_progress_excusals
      when old.withdrawn_at is not null
        or new.student_id is not old.student_id or new.academic_year is not old.academic_year
        or new.kind is not old.kind or new.adviser_name is not old.adviser_name
        or new.decided_on is not old.decided_on or new.note is not old.note
        or new.created_at is not old.created_at or new.created_by is not old.created_by
        or new.withdrawn_at is null
      begin select raise(abort, 'An excusable reason can only be withdrawn, once: record a new one.'); end`.execute(
      db,
    );
    await sql`create trigger study_progress_excusals_no_delete before delete on study_progress_excusals
      begin select raise(abort, 'Excusable reasons cannot be deleted: withdraw one.'); end`.execute(db);

    await db.schema
      .createTable('study_progress_ind_lists')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('study_progress_ind_list_students')
      .addColumn('list_id', 'integer', (c) =>
        c.notNull().references('study_progress_ind_lists.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('credits_tenths', 'integer', (c) => c.notNull())
      .addColumn('norm_tenths', 'integer')
      .addUniqueConstraint('study_progress_ind_list_students_once', ['student_id', 'academic_year'])
      .execute();
    for (const table of ['study_progress_ind_lists', 'study_progress_ind_list_students']) {
      await sql
        .raw(
          `create trigger ${table}_no_update before update on ${table}
           begin select raise(abort, 'A list sent to the IND cannot be changed.'); end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_no_delete before delete on ${table}
           begin select raise(abort, 'A list sent to the IND cannot be deleted.'); end`,
        )
        .execute(db);
    }
  },
};
