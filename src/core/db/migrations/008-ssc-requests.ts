import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Requests to the SSC director (Art 4.4, 15.5, 30, 30.9, 41–42): the request with its received date, the
 * evidence scanned for it (append-only) and the decision with its reasoning and letter.
 */
export const migration008SscRequests: Migration = {
  number: 8,
  name: 'ssc-requests',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ssc_requests')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id').onDelete('restrict'))
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`kind in ('simultaneous-enrolment-exemption', 'board-position-exemption', 'handling-fee-exemption', 'interim-enrolment', 'unforeseen-circumstances')`,
          ),
      )
      // Art 42: the day the CSP received the request.
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('grounds', 'text', (c) => c.notNull())
      // What the kind needs besides the scans, e.g. the other enrolment (Art 30.1) or the start asked for (Art 4.4).
      .addColumn('details_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('open')
          .check(sql`status in ('open', 'granted', 'refused')`),
      )
      .addColumn('decided_on', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_by_id', 'integer')
      .addColumn('decision_reasoning', 'text')
      // What the decision changed in the fee assessment, as JSON, for the screen and the letter.
      .addColumn('decision_effects_json', 'text')
      // The decision letter lives in the content-addressed attachment store under this hash.
      .addColumn('letter_sha256', 'text', (c) =>
        c.check(sql`letter_sha256 is null or length(letter_sha256) = 64`),
      )
      .addColumn('letter_file_name', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ssc_requests_student').on('ssc_requests').column('student_id').execute();
    await db.schema.createIndex('ssc_requests_status').on('ssc_requests').column('status').execute();
    // A decision once taken stands: an objection goes to the Executive Board (Art 43–44), not into this row.
    await sql`create trigger ssc_requests_decided_frozen before update on ssc_requests
      when old.status <> 'open'
      begin select raise(abort, 'A decided request cannot be changed: an objection goes to the Executive Board (Art 43).'); end`.execute(
      db,
    );
    await sql`create trigger ssc_requests_no_delete before delete on ssc_requests
      begin select raise(abort, 'Requests to the SSC cannot be deleted.'); end`.execute(db);

    await db.schema
      .createTable('ssc_request_evidence')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('request_id', 'integer', (c) =>
        c.notNull().references('ssc_requests.id').onDelete('restrict'),
      )
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ssc_request_evidence_request')
      .on('ssc_request_evidence')
      .column('request_id')
      .execute();
    await sql`create trigger ssc_request_evidence_no_update before update on ssc_request_evidence
      begin select raise(abort, 'Evidence cannot be changed: attach a new scan.'); end`.execute(db);
    await sql`create trigger ssc_request_evidence_no_delete before delete on ssc_request_evidence
      begin select raise(abort, 'Evidence cannot be deleted: attach a new scan.'); end`.execute(db);
  },
};
