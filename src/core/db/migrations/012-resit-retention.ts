import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Re-sit retention of fall exchange students (issue 6.6; Exchange guide, Location of the re-sit): a
 * student's request to stay for the period-2 re-sits, the runs that remove fall students from active
 * registration at the end of the fall semester, and each student's outcome of a run (removed, or kept
 * until the last period-2 re-sit) with the UM account's end before and after. Runs and outcomes are
 * append-only: a student's state is the latest outcome.
 */
export const migration012ResitRetention: Migration = {
  number: 12,
  name: 'resit-retention',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('exchange_resit_stay_requests')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('stay_id', 'integer', (c) =>
        c.notNull().references('exchange_stays.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      // The fall semester the student asks to stay beyond, e.g. '2022-fall'.
      .addColumn('semester', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'withdrawn')`))
      .addColumn('requested_on', 'text', (c) => c.notNull())
      .addColumn('withdrawn_on', 'text')
      .addColumn('note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('exchange_resit_stay_requests_unique', ['stay_id', 'semester'])
      .execute();

    await db.schema
      .createTable('exchange_retention_runs')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('semester', 'text', (c) => c.notNull())
      .addColumn('run_on', 'text', (c) => c.notNull())
      .addColumn('removed_count', 'integer', (c) => c.notNull())
      .addColumn('kept_count', 'integer', (c) => c.notNull())
      .addColumn('unchanged_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('exchange_retention_outcomes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('run_id', 'integer', (c) =>
        c.notNull().references('exchange_retention_runs.id').onDelete('restrict'),
      )
      .addColumn('stay_id', 'integer', (c) =>
        c.notNull().references('exchange_stays.id').onDelete('restrict'),
      )
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('restrict'))
      .addColumn('semester', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('removed', 'kept')`))
      // Removed: the day active registration ended. Kept: the day of the last period-2 re-sit.
      .addColumn('effective_on', 'text', (c) => c.notNull())
      .addColumn('um_account_ends_on_before', 'text', (c) => c.notNull())
      .addColumn('um_account_ends_on_after', 'text', (c) => c.notNull())
      // Re-sit registrations withdrawn with the removal, e.g. ["EBC2001"].
      .addColumn('withdrawn_resits_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('reasons_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('exchange_retention_outcomes_stay')
      .on('exchange_retention_outcomes')
      .columns(['stay_id', 'id'])
      .execute();
    for (const table of ['exchange_retention_runs', 'exchange_retention_outcomes']) {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
        begin select raise(abort, 'A retention run is kept as it was: run again to change a student.'); end`.execute(
        db,
      );
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        begin select raise(abort, 'A retention run cannot be deleted.'); end`.execute(db);
    }
  },
};
