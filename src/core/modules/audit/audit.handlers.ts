import type { HandlerMap } from '../../handler-map';
import { selectAuditPage } from './audit.repo';

/** The audit trail. */
export const auditHandlers: HandlerMap<'audit:'> = {
  'audit:list': (input, ctx) => selectAuditPage(ctx.db, input),
};
