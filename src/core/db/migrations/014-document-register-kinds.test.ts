import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import type { Database } from '../database';
import { migrateToLatest } from '../migrate';
import { migrations } from '.';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const at = '2022-09-01T00:00:00Z';
const sha = (c: string) => c.repeat(64);

/** A database at the schema before 14 with a register entry (valid, superseded) and a received BBC. */
async function databaseBefore14(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'desk-migrate-14-'));
  folders.push(folder);
  const file = join(folder, 'desk.sqlite');
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  await migrateToLatest(
    db,
    { now: () => new Date(at) },
    migrations.filter((m) => m.number < 14),
  );
  await sql`insert into students (id, student_number, family_name, given_names, created_at, updated_at, updated_by)
    values (1, 'i6000001', 'Müller', 'Anna', ${at}, ${at}, 't')`.execute(db);
  await sql`insert into enrolments (id, student_id, academic_year, programme_code, enrolment_kind, mode, start_date,
      status, fee_facts_json, fee_kind, fee_cents, fee_reasons_json, created_at, updated_at, updated_by)
    values (1, 1, '2022-23', null, 'regular', 'full-time', '2022-09-01', 'enrolled', '{}', 'statutory', 220900, '[]',
      ${at}, ${at}, 't')`.execute(db);
  for (const [id, number, code, hash] of [
    [1, 'UM-2022-000001', 'AAAAAAAAAAAAAAAA', sha('a')],
    [2, 'UM-2022-000002', 'BBBBBBBBBBBBBBBB', sha('b')],
  ] as const)
    await sql`insert into issued_documents (id, number, kind, student_id, enrolment_id, academic_year, issued_at,
        issued_by, sha256, verification_code, file_name, contents_json, receiving_institution)
      values (${id}, ${number}, 'proof-of-payment', 1, 1, '2022-23', ${at}, 't', ${hash}, ${code}, 'x.pdf',
        '{"contents":[]}', 'Leiden University')`.execute(db);
  await sql`update issued_documents set status = 'superseded', superseded_by_id = 2 where id = 1`.execute(db);
  await sql`insert into received_bbcs (student_id, enrolment_id, number, institution, institution_kind,
      programme_level, fee_kind, amount_cents, academic_year, period_from, period_to, received_on, recorded_at,
      recorded_by, effect_json)
    values (1, 1, 'RU-1', 'Radboud University', 'dutch-higher-education', 'bachelor', 'statutory', 220900,
      '2022-23', '2022-09-01', '2023-08-31', '2022-08-25', ${at}, 't', '[]')`.execute(db);
  await db.destroy();
  return file;
}

describe('migration 14: decision letters and transcripts in the register, withdrawn BBCs, Art 33.7 notices', () => {
  it('keeps every register entry and received BBC, with their links, and widens the kinds', async () => {
    const opened = await openDatabase(await databaseBefore14());
    const { db, sqlite } = opened;
    expect(
      await db
        .selectFrom('issuedDocuments')
        .select(['id', 'number', 'status', 'supersededById', 'receivingInstitution', 'sscRequestId'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      {
        id: 1,
        number: 'UM-2022-000001',
        status: 'superseded',
        supersededById: 2,
        receivingInstitution: 'Leiden University',
        sscRequestId: null,
      },
      {
        id: 2,
        number: 'UM-2022-000002',
        status: 'valid',
        supersededById: null,
        receivingInstitution: 'Leiden University',
        sscRequestId: null,
      },
    ]);
    expect(await db.selectFrom('receivedBbcs').select(['number', 'withdrawnAt']).execute()).toEqual([
      { number: 'RU-1', withdrawnAt: null },
    ]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    for (const kind of ['ssc-decision-letter', 'transcript-of-records'])
      await sql`insert into issued_documents (number, kind, student_id, academic_year, issued_at, issued_by,
          sha256, verification_code, file_name, contents_json)
        values (${`UM-2022-${kind}`}, ${kind}, 1, '2022-23', ${at}, 't', ${sha(kind[0] ?? 'c')},
          ${kind.slice(0, 16).padEnd(16, 'X')}, 'x.pdf', '{"contents":[]}')`.execute(db);
    await expect(
      sql`insert into issued_documents (number, kind, student_id, academic_year, issued_at, issued_by, sha256,
          verification_code, file_name, contents_json)
        values ('UM-2022-9', 'diploma', 1, '2022-23', ${at}, 't', ${sha('d')}, 'DDDDDDDDDDDDDDDD', 'x.pdf', '{}')`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK constraint failed/);
    await opened.close();
  });

  it('makes the register append-only again: entries are not rewritten, a non-valid one not changed, none deleted', async () => {
    const opened = await openDatabase(await databaseBefore14());
    const { db } = opened;
    await expect(
      sql`update issued_documents set sha256 = ${sha('f')} where id = 2`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      sql`update issued_documents set receiving_institution = 'Utrecht University' where id = 2`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      sql`update issued_documents set status = 'revoked' where id = 1`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from issued_documents where id = 2`.execute(db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await sql`update issued_documents set status = 'revoked', status_reason = 'test' where id = 2`.execute(
      db,
    );
    // The indexes of 007 are back.
    const indexes = await sql<{ name: string }>`select name from sqlite_master
      where type = 'index' and tbl_name = 'issued_documents' and sql is not null order by name`.execute(db);
    expect(indexes.rows.map((r) => r.name)).toEqual([
      'issued_documents_enrolment',
      'issued_documents_ssc_request',
      'issued_documents_student',
    ]);
    await opened.close();
  });

  it('lets the same BBC number stand once, and again after the first is withdrawn', async () => {
    const opened = await openDatabase(await databaseBefore14());
    const { db } = opened;
    const again = sql`insert into received_bbcs (student_id, enrolment_id, number, institution, institution_kind,
        programme_level, fee_kind, amount_cents, academic_year, period_from, period_to, received_on, recorded_at,
        recorded_by, effect_json)
      values (1, 1, 'RU-1', 'Radboud University', 'dutch-higher-education', 'bachelor', 'statutory', 220900,
        '2022-23', '2022-09-01', '2023-08-31', '2022-08-25', ${at}, 't', '[]')`;
    await expect(again.execute(db)).rejects.toThrow(/UNIQUE constraint failed/);
    await sql`update received_bbcs set withdrawn_at = ${at}, withdrawn_by = 't', withdrawal_reason = 'wrong student'`.execute(
      db,
    );
    await again.execute(db);
    expect(await db.selectFrom('receivedBbcs').select('id').execute()).toHaveLength(2);
    await opened.close();
  });
});
