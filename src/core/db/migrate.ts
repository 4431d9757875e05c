import { sql, type Kysely } from 'kysely';
import { DeskError } from '../../shared/errors';
import type { Database } from './database';
import { migrations as knownMigrations } from './migrations';
import type { Migration } from './migrations/migration';

/**
 * Applies every migration the database has not had, in order, in one transaction.
 *
 * A database that records a migration this version does not know was written by a newer
 * version of the app: it is refused rather than guessed at.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  clock: { now(): Date },
  migrations: readonly Migration[] = knownMigrations,
): Promise<{ applied: number[] }> {
  await sql`create table if not exists schema_migrations (number integer primary key, name text not null, applied_at text not null)`.execute(
    db,
  );
  const done = await db.selectFrom('schemaMigrations').select(['number', 'name']).orderBy('number').execute();
  const newest = migrations.at(-1)?.number ?? 0;
  const fromTheFuture = done.filter((row) => row.number > newest);
  if (fromTheFuture.length > 0) {
    throw new DeskError(
      'refused',
      `This database was written by a newer version of Student Affairs Desk (schema ${fromTheFuture.at(-1)?.number}, ` +
        `this version knows up to ${newest}). Install the newer version, or open a backup made with this one.`,
    );
  }
  for (const row of done) {
    const known = migrations.find((m) => m.number === row.number);
    if (!known || known.name !== row.name) {
      throw new DeskError(
        'refused',
        `The database's migration ${row.number} (${row.name}) does not match this version's list; restore a backup.`,
      );
    }
  }
  const pending = migrations.filter((m) => !done.some((row) => row.number === m.number));
  if (pending.length === 0) return { applied: [] };
  // SQLite changes a table's constraints only by rebuilding it (create, copy, drop, rename). With
  // foreign keys on, dropping a table others refer to fails or rewrites their references, so they are
  // off during the migrations and every reference is checked before the transaction commits.
  // (The pragma has no effect inside a transaction, hence here.)
  // (The column is named by SQLite and renamed by the CamelCasePlugin; its only value is what counts.)
  const { rows } = await sql<Record<string, number>>`pragma foreign_keys`.execute(db);
  const hadForeignKeys = Object.values(rows[0] ?? {})[0] === 1;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const migration of pending) {
        await migration.up(trx as unknown as Kysely<unknown>);
        await trx
          .insertInto('schemaMigrations')
          .values({ number: migration.number, name: migration.name, appliedAt: clock.now().toISOString() })
          .execute();
      }
      const broken = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) {
        const first = broken.rows[0];
        throw new DeskError(
          'internal',
          `A migration left ${broken.rows.length} broken reference(s), e.g. from ${first?.table} to ${first?.parent}; nothing was changed.`,
        );
      }
    });
  } finally {
    if (hadForeignKeys) await sql`pragma foreign_keys = on`.execute(db);
  }
  return { applied: pending.map((m) => m.number) };
}
