import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** The statuses an enrolment passes through at the desk (Art 2–4, 13, 33). */
const statuses = sql.raw(
  `'applied', 'awaiting-documents', 'enrolled', 'denied', 'administrative-hold', 'terminated', 'cancelled'`,
);

/**
 * The enrolment desk: the student file (profile and contact details), search by name or number,
 * the enrolment lifecycle with the reason of every transition, the Art 13 documents with their
 * review history, and scans referenced by SHA-256.
 */
export const migration005EnrolmentDesk: Migration = {
  number: 5,
  name: 'enrolment-desk',
  async up(db: Kysely<unknown>) {
    // The facts of `studentProfileSchema` (src/shared/facts/student-profile.ts) as JSON; null until recorded.
    await db.schema.alterTable('students').addColumn('profile_json', 'text').execute();
    // Addresses, phone: `studentContactSchema`; JSON so that any number of addresses fits.
    await db.schema
      .alterTable('students')
      .addColumn('contact_json', 'text', (c) => c.notNull().defaultTo('{"addresses":[]}'))
      .execute();

    // Search as you type, diacritics-insensitive: "Muller" finds "Müller". Kept in step by triggers;
    // prefix indexes make the first keystrokes ("m", "mu", "mul") as fast as whole words.
    await sql`create virtual table student_search using fts5(
      student_number, given_names, family_name,
      content='students', content_rowid='id',
      tokenize = "unicode61 remove_diacritics 2",
      prefix = '1 2 3'
    )`.execute(db);
    await sql`insert into student_search(rowid, student_number, given_names, family_name)
      select id, student_number, given_names, family_name from students`.execute(db);
    await sql`create trigger students_search_insert after insert on students begin
      insert into student_search(rowid, student_number, given_names, family_name)
      values (new.id, new.student_number, new.given_names, new.family_name);
    end`.execute(db);
    await sql`create trigger students_search_delete after delete on students begin
      insert into student_search(student_search, rowid, student_number, given_names, family_name)
      values ('delete', old.id, old.student_number, old.given_names, old.family_name);
    end`.execute(db);
    await sql`create trigger students_search_update after update of student_number, given_names, family_name on students begin
      insert into student_search(student_search, rowid, student_number, given_names, family_name)
      values ('delete', old.id, old.student_number, old.given_names, old.family_name);
      insert into student_search(rowid, student_number, given_names, family_name)
      values (new.id, new.student_number, new.given_names, new.family_name);
    end`.execute(db);

    // The enrolments table is rebuilt for its wider status check (SQLite cannot alter a check).
    await db.schema
      .createTable('enrolments_new')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('programme_code', 'text')
      .addColumn('enrolment_kind', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${statuses})`))
      // Why the enrolment has its current status, in the words of the last transition.
      .addColumn('status_reason', 'text')
      // The facts of `enrolmentRequestSchema` (admission, interim decision, deadlines); null for fee-only enrolments.
      .addColumn('request_json', 'text')
      .addColumn('fee_facts_json', 'text', (c) => c.notNull())
      .addColumn('fee_kind', 'text', (c) => c.notNull())
      .addColumn('fee_cents', 'integer', (c) => c.notNull())
      .addColumn('fee_reasons_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into enrolments_new (id, student_id, academic_year, programme_code, enrolment_kind, mode,
        start_date, status, status_reason, request_json, fee_facts_json, fee_kind, fee_cents, fee_reasons_json,
        version, created_at, updated_at, updated_by)
      select id, student_id, academic_year, programme_code, enrolment_kind, mode, start_date, status, null, null,
        fee_facts_json, fee_kind, fee_cents, fee_reasons_json, version, created_at, updated_at, updated_by
      from enrolments`.execute(db);
    await db.schema.dropTable('enrolments').execute();
    await db.schema.alterTable('enrolments_new').renameTo('enrolments').execute();
    await db.schema.createIndex('enrolments_student').on('enrolments').column('student_id').execute();
    await db.schema
      .createIndex('enrolments_status')
      .on('enrolments')
      .columns(['status', 'start_date'])
      .execute();

    // Every change of status with its reason: who, when, from what to what. Append-only.
    await db.schema
      .createTable('enrolment_transitions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().references('enrolments.id').onDelete('restrict'),
      )
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status in (${statuses})`))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('enrolment_transitions_enrolment')
      .on('enrolment_transitions')
      .column('enrolment_id')
      .execute();

    // The Art 13.1 documents a–g of an enrolment and where each stands in its review.
    await db.schema
      .createTable('enrolment_documents')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().references('enrolments.id').onDelete('restrict'),
      )
      .addColumn('document', 'text', (c) =>
        c.notNull().check(sql`document in ('a', 'b', 'c', 'd', 'e', 'f', 'g')`),
      )
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('requested', 'received', 'verified', 'rejected')`),
      )
      .addColumn('rejection_reason', 'text')
      // The scan, stored content-addressed beside the database (DESIGN.md §4); null until received.
      .addColumn('attachment_sha256', 'text')
      .addColumn('attachment_name', 'text')
      .addColumn('attachment_type', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('enrolment_documents_one_per_letter', ['enrolment_id', 'document'])
      .execute();
    // Each step of a document's review: requested → received → verified, or rejected → requested again.
    await db.schema
      .createTable('document_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'integer', (c) =>
        c.notNull().references('enrolment_documents.id').onDelete('restrict'),
      )
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('requested', 'received', 'verified', 'rejected')`),
      )
      .addColumn('reason', 'text')
      .addColumn('attachment_sha256', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('document_events_document')
      .on('document_events')
      .column('document_id')
      .execute();

    for (const table of ['enrolment_transitions', 'document_events']) {
      await sql
        .raw(
          `create trigger ${table}_no_update before update on ${table}
          begin select raise(abort, 'History rows cannot be changed: record a new one.'); end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_no_delete before delete on ${table}
          begin select raise(abort, 'History rows cannot be deleted: record a new one.'); end`,
        )
        .execute(db);
    }
  },
};
