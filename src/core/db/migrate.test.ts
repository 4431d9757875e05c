import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../context';
import { openDatabase } from './connection';
import { recordAudit } from './audit';
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
});
