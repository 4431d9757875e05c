import type { PaymentPlan } from './usePaymentPlan';

type PaymentMethod = PaymentPlan['methods'][number]['method'];

/** How the ways of paying of Art 31.4 are named, with the sub-paragraph. */
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  'lump-sum-transfer': 'Bank transfer, one payment (Art 31.4a)',
  'lump-sum-direct-debit': 'Direct debit, one payment (Art 31.4b)',
  'direct-debit-instalments': 'Direct debit in instalments (Art 31.4c)',
};
