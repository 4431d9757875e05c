import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** The CHECK of `issued_documents.kind` as migration 007 wrote it, and as this migration widens it. */
const kindCheckBefore = `kind in ('proof-of-payment', 'enrolment-certificate', 'pre-master-certificate')`;
const kindCheckAfter = `kind in ('proof-of-payment', 'enrolment-certificate', 'pre-master-certificate', 'ssc-decision-letter', 'transcript-of-records')`;

/** The unique constraint of migration 010 that a withdrawn received BBC must no longer hold. */
const receivedBbcUniqueConstraint = `, constraint "received_bbcs_institution_number" unique ("institution", "number")`;

interface SchemaEntry {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * Rebuilds a table with a changed definition (SQLite changes a constraint only by rebuilding): its own
 * `create table` text is changed by `change`, which must change it, the rows are copied in the same column
 * order, and every index and trigger it had is created again, except those named in `replaced` (the caller
 * writes their successors). Columns or triggers another migration added are kept, since the text is read
 * from the schema as it is. Foreign keys are off during migrations (migrate.ts) and checked before commit.
 */
async function rebuildTable(
  db: Kysely<unknown>,
  table: string,
  change: (createSql: string) => string,
  replaced: readonly string[],
): Promise<void> {
  const { rows } = await sql<SchemaEntry>`select type, name, sql from sqlite_master
    where tbl_name = ${table} and sql is not null`.execute(db);
  const create = rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`Table ${table} is missing; the migrations before 14 did not run.`);
  const changed = change(create);
  if (changed === create) throw new Error(`The definition of ${table} is not the one migration 14 expects.`);
  const rebuilt = `${table}_rebuilt_14`;
  const prefix = `CREATE TABLE "${table}"`;
  if (!changed.startsWith(prefix)) throw new Error(`Unexpected definition of ${table}.`);
  await sql.raw(`CREATE TABLE "${rebuilt}"${changed.slice(prefix.length)}`).execute(db);
  await sql.raw(`insert into "${rebuilt}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${rebuilt}" rename to "${table}"`).execute(db);
  for (const entry of rows)
    if (entry.type !== 'table' && entry.sql && !replaced.includes(entry.name))
      await sql.raw(entry.sql).execute(db);
}

/**
 * Issue 5, the open points: SSC decision letters (Art 42–44) and exchange transcripts of records in the
 * document register; the withdrawal of a wrongly recorded received BBC (Art 14.6, 30.1) with its reason,
 * history kept; and the record of each institution informed that a UM enrolment ended (Art 33.7).
 */
export const migration014DocumentRegisterKinds: Migration = {
  number: 14,
  name: 'document-register-kinds',
  async up(db: Kysely<unknown>) {
    // The register takes two more kinds; its append-only triggers of 007 are made again, wider.
    await rebuildTable(db, 'issued_documents', (create) => create.replace(kindCheckBefore, kindCheckAfter), [
      'issued_documents_frozen',
      'issued_documents_no_delete',
    ]);
    // A decision letter names its request, so that a corrected letter supersedes the one before.
    await sql`alter table issued_documents add column ssc_request_id integer references ssc_requests (id)`.execute(
      db,
    );
    await db.schema
      .createIndex('issued_documents_ssc_request')
      .on('issued_documents')
      .column('ssc_request_id')
      .execute();
    // An issued document is never rewritten: only a valid one may become revoked or superseded, once.
    await sql`create trigger issued_documents_frozen before update on issued_documents
      when old.status <> 'valid'
        or new.number is not old.number or new.kind is not old.kind or new.student_id is not old.student_id
        or new.enrolment_id is not old.enrolment_id or new.sha256 is not old.sha256
        or new.verification_code is not old.verification_code or new.issued_at is not old.issued_at
        or new.contents_json is not old.contents_json
        or new.receiving_institution is not old.receiving_institution
        or new.ssc_request_id is not old.ssc_request_id
      begin select raise(abort, 'An issued document cannot be changed: only a valid one can be revoked or superseded.'); end`.execute(
      db,
    );
    await sql`create trigger issued_documents_no_delete before delete on issued_documents
      begin select raise(abort, 'Issued documents cannot be deleted: revoke them instead.'); end`.execute(db);

    // A received BBC recorded by mistake is withdrawn, not deleted; the same BBC may then be recorded
    // again on the right enrolment, so the number is unique among the BBCs that stand.
    await rebuildTable(db, 'received_bbcs', (create) => create.replace(receivedBbcUniqueConstraint, ''), [
      'received_bbcs_no_update',
    ]);
    await db.schema.alterTable('received_bbcs').addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable('received_bbcs').addColumn('withdrawn_by', 'text').execute();
    await db.schema.alterTable('received_bbcs').addColumn('withdrawn_by_id', 'integer').execute();
    await db.schema.alterTable('received_bbcs').addColumn('withdrawal_reason', 'text').execute();
    // What withdrawing did to the fee (reasons with articles), as JSON.
    await db.schema.alterTable('received_bbcs').addColumn('withdrawal_effect_json', 'text').execute();
    // The other enrolment the BBC completed when it was recorded (JSON), restored on withdrawal; null when
    // the BBC added one, or was recorded before this migration.
    await db.schema.alterTable('received_bbcs').addColumn('replaced_other_enrolment_json', 'text').execute();
    await sql`create unique index received_bbcs_institution_number on received_bbcs (institution, number)
      where withdrawn_at is null`.execute(db);
    await sql`create trigger received_bbcs_withdraw_only before update on received_bbcs
      when old.withdrawn_at is not null or new.withdrawn_at is null
        or new.withdrawal_reason is null or length(trim(new.withdrawal_reason)) < 3
        or new.student_id is not old.student_id or new.enrolment_id is not old.enrolment_id
        or new.number is not old.number or new.institution is not old.institution
        or new.institution_kind is not old.institution_kind or new.programme_level is not old.programme_level
        or new.fee_kind is not old.fee_kind or new.amount_cents is not old.amount_cents
        or new.academic_year is not old.academic_year or new.period_from is not old.period_from
        or new.period_to is not old.period_to or new.received_on is not old.received_on
        or new.recorded_at is not old.recorded_at or new.recorded_by is not old.recorded_by
        or new.effect_json is not old.effect_json
        or new.replaced_other_enrolment_json is not old.replaced_other_enrolment_json
      begin select raise(abort, 'A received BBC is evidence and cannot be changed: it can only be withdrawn, once, with a reason.'); end`.execute(
      db,
    );

    // Art 33.7: each institution informed that the UM enrolment ended, by whom, when and how; append-only.
    await db.schema
      .createTable('bbc_termination_notices')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().references('enrolments.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('informed_on', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) =>
        c.notNull().check(sql`method in ('email', 'letter', 'phone', 'other')`),
      )
      .addColumn('note', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      .execute();
    await sql`create unique index bbc_termination_notices_once on bbc_termination_notices
      (enrolment_id, lower(institution))`.execute(db);
    await sql`create trigger bbc_termination_notices_no_update before update on bbc_termination_notices
      begin select raise(abort, 'A record that an institution was informed cannot be changed.'); end`.execute(
      db,
    );
    await sql`create trigger bbc_termination_notices_no_delete before delete on bbc_termination_notices
      begin select raise(abort, 'A record that an institution was informed cannot be deleted.'); end`.execute(
      db,
    );
  },
};
