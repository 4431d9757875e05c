import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The register of issued official documents (DESIGN.md §5; Art 5, 8.3): number, kind, student, issuer,
 * SHA-256 of the PDF and the verification code printed on it, with the status a verifier is told.
 */
export const migration007IssuedDocuments: Migration = {
  number: 7,
  name: 'issued-documents',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('issued_documents')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .check(sql`kind in ('proof-of-payment', 'enrolment-certificate', 'pre-master-certificate')`),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id').onDelete('restrict'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('issued_by', 'text', (c) => c.notNull())
      .addColumn('issued_by_id', 'integer')
      // The PDF itself lives in the content-addressed attachment store under this hash.
      .addColumn('sha256', 'text', (c) =>
        c
          .notNull()
          .unique()
          .check(sql`length(sha256) = 64`),
      )
      .addColumn('verification_code', 'text', (c) =>
        c
          .notNull()
          .unique()
          .check(sql`length(verification_code) = 16`),
      )
      .addColumn('file_name', 'text', (c) => c.notNull())
      // What the document states, as JSON, so a verifier sees it without opening the file.
      .addColumn('contents_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('valid')
          .check(sql`status in ('valid', 'revoked', 'superseded')`),
      )
      .addColumn('status_reason', 'text')
      .addColumn('status_changed_at', 'text')
      .addColumn('status_changed_by', 'text')
      .addColumn('supersedes_id', 'integer', (c) => c.references('issued_documents.id'))
      .addColumn('superseded_by_id', 'integer', (c) => c.references('issued_documents.id'))
      .execute();
    await db.schema
      .createIndex('issued_documents_student')
      .on('issued_documents')
      .column('student_id')
      .execute();
    await db.schema
      .createIndex('issued_documents_enrolment')
      .on('issued_documents')
      .column('enrolment_id')
      .execute();
    // An issued document is never rewritten: only a valid one may become revoked or superseded, once.
    await sql`create trigger issued_documents_frozen before update on issued_documents
      when old.status <> 'valid'
        or new.number is not old.number or new.kind is not old.kind or new.student_id is not old.student_id
        or new.enrolment_id is not old.enrolment_id or new.sha256 is not old.sha256
        or new.verification_code is not old.verification_code or new.issued_at is not old.issued_at
        or new.contents_json is not old.contents_json
      begin select raise(abort, 'An issued document cannot be changed: only a valid one can be revoked or superseded.'); end`.execute(
      db,
    );
    await sql`create trigger issued_documents_no_delete before delete on issued_documents
      begin select raise(abort, 'Issued documents cannot be deleted: revoke them instead.'); end`.execute(db);
  },
};
