import type { AuditEntry } from '../../../shared/api/audit.contract';
import type { DeskDb } from '../../db/connection';

/** One page of the audit trail, newest first, with the entities and actors to filter by. */
export async function selectAuditPage(
  db: DeskDb,
  query: {
    entity?: string | undefined;
    entityId?: string | undefined;
    actorId?: number | undefined;
    offset: number;
    limit: number;
  },
): Promise<{
  rows: AuditEntry[];
  total: number;
  entities: string[];
  actors: { id: number; name: string }[];
}> {
  let filtered = db.selectFrom('auditLog');
  if (query.entity) filtered = filtered.where('entity', '=', query.entity);
  if (query.entityId) filtered = filtered.where('entityId', '=', query.entityId);
  if (query.actorId !== undefined) filtered = filtered.where('actorId', '=', query.actorId);
  const { total } = await filtered
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const entities = await db.selectFrom('auditLog').select('entity').distinct().orderBy('entity').execute();
  const actors = await db
    .selectFrom('staff')
    .select(['id', 'displayName as name'])
    .orderBy('displayName')
    .execute();
  return {
    total: Number(total),
    entities: entities.map((e) => e.entity),
    actors,
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      actorRole: row.actorRole as AuditEntry['actorRole'],
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as unknown),
      after: row.afterJson === null ? null : (JSON.parse(row.afterJson) as unknown),
      reason: row.reason,
    })),
  };
}
