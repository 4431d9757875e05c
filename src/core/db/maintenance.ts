import type BetterSqlite3 from 'better-sqlite3';

/** Runs SQLite's integrity_check and foreign_key_check; ok when both find nothing. */
export function checkDatabase(sqlite: BetterSqlite3.Database): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity)
    if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
  const foreignKeys = sqlite.pragma('foreign_key_check') as {
    table: string;
    rowid: number;
    parent: string;
    fkid: number;
  }[];
  for (const row of foreignKeys)
    problems.push(`foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent}`);
  return { ok: problems.length === 0, problems };
}

/** Copies the live database to `file` with SQLite's online backup API, page by page. */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  file: string,
): Promise<{ file: string; pages: number }> {
  const result = await sqlite.backup(file);
  return { file, pages: result.totalPages };
}
