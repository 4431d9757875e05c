import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * BBCs received from other institutions as evidence on a UM enrolment (Art 14.6, 30.1–30.5), kept
 * append-only, and the institution a BBC issued by UM was issued for, so that it can be informed when
 * the UM enrolment ends (Art 33.7).
 */
export const migration010ReceivedBbcs: Migration = {
  number: 10,
  name: 'received-bbcs',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('received_bbcs')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().references('enrolments.id').onDelete('restrict'),
      )
      // As printed on the BBC by the institution that issued it.
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('institution_kind', 'text', (c) =>
        c.notNull().check(sql`institution_kind in ('dutch-higher-education', 'open-university')`),
      )
      .addColumn('programme_level', 'text', (c) =>
        c.notNull().check(sql`programme_level in ('bachelor', 'initial-master', 'other')`),
      )
      .addColumn('fee_kind', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`fee_kind in ('statutory', 'low-statutory', 'high-statutory', 'institutional', 'course-fee', 'none')`,
          ),
      )
      .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull().check(sql`period_to >= period_from`))
      // Art 14.6: the day the original BBC reached the SSC, which decides whether it was in time.
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      // What recording it did to the fee (reasons with articles), as JSON, for the screen.
      .addColumn('effect_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('received_bbcs_institution_number', ['institution', 'number'])
      .execute();
    await db.schema.createIndex('received_bbcs_student').on('received_bbcs').column('student_id').execute();
    await db.schema
      .createIndex('received_bbcs_enrolment')
      .on('received_bbcs')
      .column('enrolment_id')
      .execute();
    await sql`create trigger received_bbcs_no_update before update on received_bbcs
      begin select raise(abort, 'A received BBC is evidence and cannot be changed.'); end`.execute(db);
    await sql`create trigger received_bbcs_no_delete before delete on received_bbcs
      begin select raise(abort, 'A received BBC is evidence and cannot be deleted.'); end`.execute(db);

    // Art 33.7: the institution a UM BBC was issued for; null for BBCs issued before this was asked.
    await sql`alter table issued_documents add column receiving_institution text`.execute(db);
  },
};
