import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** The steps taken in each student's arrears procedure (Art 32, 35), append-only like the ledger. */
export const migration003ArrearsSteps: Migration = {
  number: 3,
  name: 'arrears-steps',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('arrears_steps')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      // The fields of ArrearsState in arrears.rules.ts that record when a step was taken.
      .addColumn('step', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`step in ('firstReminderSentOn', 'facilitiesBlockedOn', 'secondReminderSentOn', 'reversalReminderSentOn', 'terminationDecidedOn', 'settledOn')`,
          ),
      )
      .addColumn('taken_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('arrears_steps_student').on('arrears_steps').column('student_id').execute();
    // A step taken stays taken: a mistake is corrected by a new record, never by rewriting one.
    await sql`create trigger arrears_steps_no_update before update on arrears_steps
      begin select raise(abort, 'Arrears steps cannot be changed: record a new step.'); end`.execute(db);
    await sql`create trigger arrears_steps_no_delete before delete on arrears_steps
      begin select raise(abort, 'Arrears steps cannot be deleted: record a new step.'); end`.execute(db);
  },
};
