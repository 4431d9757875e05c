import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../context';
import { openDatabase } from './connection';
import { recordAudit } from './audit';
import type { Database } from './database';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';

const folders: string[] = [];
function tempFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'desk-migrate-'));
  folders.push(folder);
  return join(folder, 'desk.sqlite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps, in order', () => {
    expect(migrations.map((m) => m.number)).toEqual(migrations.map((_m, index) => index + 1));
  });

  it('apply to a new database once and are recorded; reopening applies nothing', async () => {
    const file = tempFile();
    const first = await openDatabase(file);
    const recorded = await first.db.selectFrom('schemaMigrations').select(['number', 'name']).execute();
    expect(recorded).toEqual(migrations.map((m) => ({ number: m.number, name: m.name })));
    await first.close();
    const second = await openDatabase(file);
    expect(await second.db.selectFrom('schemaMigrations').select('number').execute()).toHaveLength(
      migrations.length,
    );
    await second.close();
  });

  it('turn on WAL and foreign keys', async () => {
    const opened = await openDatabase(tempFile());
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await opened.close();
  });

  it('refuse a database written by a newer version, with a message that says what to do', async () => {
    const file = tempFile();
    const opened = await openDatabase(file);
    await opened.db
      .insertInto('schemaMigrations')
      .values({ number: 999, name: 'from-the-future', appliedAt: '2030-01-01T00:00:00Z' })
      .execute();
    await opened.close();
    await expect(openDatabase(file)).rejects.toThrow(
      /newer version of Student Affairs Desk \(schema 999.*Install the newer version/,
    );
  });

  it('keep the audit trail append-only: the database refuses UPDATE and DELETE', async () => {
    const opened = await openDatabase(':memory:');
    await opened.db.transaction().execute((trx) =>
      recordAudit(trx, systemActor, '2022-09-01T00:00:00Z', {
        action: 'test',
        entity: 'test',
        entityId: 1,
      }),
    );
    await expect(sql`update audit_log set action = 'rewritten'`.execute(opened.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(opened.db)).rejects.toThrow(/append-only/);
    expect(await opened.db.selectFrom('auditLog').select('action').execute()).toEqual([{ action: 'test' }]);
    await opened.close();
  });

  it('rebuild the enrolments table (005) keeping every row and every reference from the ledger', async () => {
    const file = tempFile();
    // A database at schema 4 with an enrolment and a ledger entry pointing at it.
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    await migrateToLatest(db, { now: () => new Date('2022-09-01T00:00:00Z') }, migrations.slice(0, 4));
    const at = '2022-09-01T00:00:00Z';
    const student = await db
      .insertInto('students')
      .values({
        studentNumber: 'i6000001',
        familyName: 'Müller',
        givenNames: 'Anna',
        email: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: 't',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolment = await sql<{
      id: number;
    }>`insert into enrolments (student_id, academic_year, programme_code,
        enrolment_kind, mode, start_date, status, fee_facts_json, fee_kind, fee_cents, fee_reasons_json, created_at,
        updated_at, updated_by) values (${student.id}, '2022-23', null, 'regular', 'full-time', '2022-09-01', 'enrolled',
        '{}', 'statutory', 220900, '[]', ${at}, ${at}, 't') returning id`.execute(db);
    const enrolmentId = enrolment.rows[0]?.id ?? 0;
    await db
      .insertInto('ledgerEntries')
      .values({
        studentId: student.id,
        enrolmentId,
        entryKind: 'charge',
        amountCents: 220900,
        bookedOn: '2022-09-01',
        description: 'Fee',
        reasonsJson: null,
        createdAt: at,
        createdBy: 't',
      })
      .execute();
    await db.destroy();

    const upgraded = await openDatabase(file);
    expect(
      await upgraded.db.selectFrom('enrolments').select(['id', 'status', 'statusReason']).execute(),
    ).toEqual([{ id: enrolmentId, status: 'enrolled', statusReason: null }]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(upgraded.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // The ledger still refers to the rebuilt table: an entry for an unknown enrolment is refused.
    await expect(
      upgraded.db
        .insertInto('ledgerEntries')
        .values({
          studentId: student.id,
          enrolmentId: enrolmentId + 1,
          entryKind: 'charge',
          amountCents: 1,
          bookedOn: '2022-09-01',
          description: 'x',
          reasonsJson: null,
          createdAt: at,
          createdBy: 't',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    // And the student is found by name without its diacritics.
    const found = await sql<{
      rowid: number;
    }>`select rowid from student_search where student_search match 'mull*'`.execute(upgraded.db);
    expect(found.rows).toEqual([{ rowid: student.id }]);
    await upgraded.close();
  });
});
