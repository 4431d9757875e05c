import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Transcripts of exchange students (issue 6.4): the days a transcript was sent to the home university,
 * append-only (Exchange guide, Grade transcripts: "Your grade transcript will be sent to your home
 * university and to you").
 */
export const migration011Transcripts: Migration = {
  number: 11,
  name: 'transcripts',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('exchange_transcript_dispatches')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('stay_id', 'integer', (c) =>
        c.notNull().references('exchange_stays.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('sent_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('exchange_transcript_dispatches_student')
      .on('exchange_transcript_dispatches')
      .column('student_id')
      .execute();
    await sql`create trigger exchange_transcript_dispatches_no_update before update on exchange_transcript_dispatches
      begin select raise(abort, 'A recorded dispatch cannot be changed: record a new one.'); end`.execute(db);
    await sql`create trigger exchange_transcript_dispatches_no_delete before delete on exchange_transcript_dispatches
      begin select raise(abort, 'A recorded dispatch cannot be deleted.'); end`.execute(db);
  },
};
