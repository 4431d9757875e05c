import type { Transaction } from 'kysely';
import type { ImportProblem, ImportRowOutcome } from '../../../shared/api/transfer.contract';
import type { Actor, AuditFact } from '../../db/audit';
import type { Database } from '../../db/database';
import type { ServiceContext } from '../../context';

/** One data row as read: the values of the columns the file has, and whether all of them were valid. */
export interface ParsedRow<R> {
  readonly row: number;
  readonly values: Partial<R>;
  readonly isValid: boolean;
}

/** What an import would do, and the function that does it inside the import's transaction. */
export interface ImportPlan {
  /** Problems only the database can reveal, e.g. a course code that is not in the catalogue. */
  readonly problems: readonly ImportProblem[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** What happens to each valid row (create, update, unchanged); rows with problems are added by the import. */
  readonly outcomes: readonly ImportRowOutcome[];
  /** Writes the changes and returns the audit facts for them. */
  apply(trx: Transaction<Database>): Promise<AuditFact[]>;
}

/** When the import runs, who runs it and the file, as every planner needs them. */
export interface ImportStamp {
  readonly at: string;
  readonly actor: Actor;
  readonly fileName: string;
  /** The import's context, for planners that run a use case of another module. */
  readonly ctx: ServiceContext;
}

/**
 * Plans the import of the parsed rows. It runs inside the import's transaction, which is rolled back
 * for a dry run and whenever there is a problem, so a planner may also write while it plans (the
 * enrolments planner records each application as `enrolments:apply` does, to learn its outcome).
 */
export type Planner<R> = (
  trx: Transaction<Database>,
  rows: readonly ParsedRow<R>[],
  stamp: ImportStamp,
) => Promise<ImportPlan>;

/** Rows per INSERT: far below SQLite's limit on bound parameters. */
const batchSize = 500;

/** Splits items into INSERT-sized batches. */
export function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += batchSize) yield items.slice(start, start + batchSize);
}
