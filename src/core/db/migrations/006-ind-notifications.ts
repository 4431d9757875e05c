import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** The notifications to the IND that UM made as a study-permit student's sponsor (Art 33.8), append-only. */
export const migration006IndNotifications: Migration = {
  number: 6,
  name: 'ind-notifications',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ind_notifications')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().references('enrolments.id').onDelete('restrict'),
      )
      // Art 33.8: the enrolment ended during the year, or re-enrolment was not completed on time.
      .addColumn('ground', 'text', (c) =>
        c.notNull().check(sql`ground in ('enrolment-ended', 're-enrolment-not-completed')`),
      )
      .addColumn('notified_on', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ind_notifications_enrolment')
      .on('ind_notifications')
      .column('enrolment_id')
      .execute();
    // A notification made stays made: a mistake is corrected by a new record, never by rewriting one.
    await sql`create trigger ind_notifications_no_update before update on ind_notifications
      begin select raise(abort, 'IND notifications cannot be changed: record a new one.'); end`.execute(db);
    await sql`create trigger ind_notifications_no_delete before delete on ind_notifications
      begin select raise(abort, 'IND notifications cannot be deleted: record a new one.'); end`.execute(db);
  },
};
