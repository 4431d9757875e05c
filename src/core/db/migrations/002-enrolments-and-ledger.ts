import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** Enrolments with the facts their fee follows from, and each student's append-only ledger (Art 14, 31). */
export const migration002EnrolmentsAndLedger: Migration = {
  number: 2,
  name: 'enrolments-and-ledger',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('enrolments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('programme_code', 'text')
      .addColumn('enrolment_kind', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('enrolled', 'terminated', 'cancelled')`),
      )
      .addColumn('fee_facts_json', 'text', (c) => c.notNull())
      .addColumn('fee_kind', 'text', (c) => c.notNull())
      .addColumn('fee_cents', 'integer', (c) => c.notNull())
      .addColumn('fee_reasons_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('enrolments_student').on('enrolments').column('student_id').execute();

    await db.schema
      .createTable('ledger_entries')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id').onDelete('restrict'))
      .addColumn('entry_kind', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`entry_kind in ('charge', 'adjustment', 'payment', 'reversal', 'refund', 'administration-charge')`,
          ),
      )
      // Positive: the student owes it (a charge); negative: it reduces what the student owes (a payment).
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addColumn('booked_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('reasons_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ledger_entries_student').on('ledger_entries').column('student_id').execute();
    // A ledger is corrected by a new entry, never by rewriting one (as the audit trail).
    await sql`create trigger ledger_entries_no_update before update on ledger_entries
      begin select raise(abort, 'Ledger entries cannot be changed: book a correcting entry.'); end`.execute(
      db,
    );
    await sql`create trigger ledger_entries_no_delete before delete on ledger_entries
      begin select raise(abort, 'Ledger entries cannot be deleted: book a correcting entry.'); end`.execute(
      db,
    );
  },
};
