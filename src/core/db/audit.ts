import type { Transaction } from 'kysely';
import type { Database } from './database';

/** Who is acting: a signed-in member of staff, or the system itself (seeding, migrations). */
export interface Actor {
  readonly id: number | null;
  readonly name: string;
  readonly role: 'desk' | 'iro' | 'ssc' | 'admin' | 'system';
}

/** The clock services read; tests pass a fixed one. */
export interface Clock {
  now(): Date;
  /** True when the desk runs as of another day than the real one (DESK_TODAY, for training). */
  readonly isSimulated?: boolean;
}

/** What one audit row records about a mutation. */
export interface AuditFact {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
}

/** Writes audit rows in the caller's transaction, so that a mutation and its trail commit together. */
export async function recordAudit(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  facts: AuditFact | readonly AuditFact[],
): Promise<void> {
  const list = Array.isArray(facts) ? (facts as readonly AuditFact[]) : [facts as AuditFact];
  if (list.length === 0) return;
  // SQLite limits bound parameters per statement; 500 rows × 11 columns stays well below it.
  for (let start = 0; start < list.length; start += 500) {
    await trx
      .insertInto('auditLog')
      .values(
        list.slice(start, start + 500).map((fact) => ({
          at,
          actorId: actor.id,
          actorName: actor.name,
          actorRole: actor.role,
          action: fact.action,
          entity: fact.entity,
          entityId: String(fact.entityId),
          beforeJson: fact.before === undefined ? null : JSON.stringify(fact.before),
          afterJson: fact.after === undefined ? null : JSON.stringify(fact.after),
          reason: fact.reason ?? null,
        })),
      )
      .execute();
  }
}
