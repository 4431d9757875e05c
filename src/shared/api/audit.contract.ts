import { z } from 'zod';
import { defineCall, everyRole, roles } from './define-call';

/** One row of the append-only audit trail. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  actorRole: z.enum([...roles, 'system']),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The audit trail: who changed what, when, from what to what. */
export const auditContract = {
  list: defineCall({
    name: 'audit:list',
    summary: 'One page of the audit trail, newest first, filtered by entity and staff member',
    access: everyRole,
    input: z.object({
      entity: z.string().max(40).optional(),
      entityId: z.string().max(60).optional(),
      actorId: z.number().int().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      rows: z.array(auditEntrySchema),
      total: z.number().int(),
      entities: z.array(z.string()),
      actors: z.array(z.object({ id: z.number().int(), name: z.string() })),
    }),
  }),
};
