import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { migrateToLatest } from './migrate';

/** The database handle the services use. */
export type DeskDb = Kysely<Database>;

/** An open database: the Kysely handle plus the raw connection for backup and checks. */
export interface OpenDatabase {
  readonly db: DeskDb;
  readonly sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) and migrates the SQLite database at `file`.
 *
 * WAL, foreign keys and a busy timeout as DESIGN.md §4 asks; ':memory:' gives a private test database.
 */
export async function openDatabase(
  file: string,
  clock: { now(): Date } = { now: () => new Date() },
): Promise<OpenDatabase> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateToLatest(db, clock);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, close: () => db.destroy() };
}
