import type { HandlerMap } from '../../handler-map';
import {
  recordResitStay,
  resitStanding,
  retentionWorklist,
  runRetention,
  withdrawResitStay,
} from './resit-retention.service';

type ResitRetentionCall =
  | 'exchange:resitStanding'
  | 'exchange:recordResitStay'
  | 'exchange:withdrawResitStay'
  | 'exchange:retentionWorklist'
  | 'exchange:runRetention';

/** Re-sit retention of fall exchange students (issue 6.6); spread into the exchange handlers. */
export const resitRetentionHandlers: Pick<HandlerMap<'exchange:'>, ResitRetentionCall> = {
  'exchange:resitStanding': (input, ctx) =>
    resitStanding(ctx.db, ctx.clock.now().toISOString().slice(0, 10), input.studentId),
  'exchange:recordResitStay': (input, ctx) => recordResitStay(ctx, input),
  'exchange:withdrawResitStay': (input, ctx) => withdrawResitStay(ctx, input),
  'exchange:retentionWorklist': (input, ctx) => retentionWorklist(ctx, input.semester),
  'exchange:runRetention': (input, ctx) => runRetention(ctx, input),
};
