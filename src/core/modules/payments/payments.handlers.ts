import type { HandlerMap } from '../../handler-map';
import { arrangePayment, paymentArrangementOf } from './payment-arrangement.service';

/** Payment arrangements per enrolment (Art 14.3, 31). */
export const paymentsHandlers: HandlerMap<'payments:'> = {
  'payments:arrangement': (input, ctx) =>
    paymentArrangementOf(ctx.db, input.enrolmentId, ctx.clock.now().toISOString().slice(0, 10)),
  'payments:arrange': (input, ctx) => arrangePayment(ctx, input),
};
