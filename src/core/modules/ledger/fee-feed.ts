import type { Selectable, Transaction } from 'kysely';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import { formatCents } from '../../../shared/money';
import type { ServiceContext } from '../../context';
import type { Database, EnrolmentTable } from '../../db/database';
import { feeKindLabels } from '../fees/tuition-fee.rules';
import type { ProvisionReason } from '../payments/provision-reason';
import { reassessEnrolmentInTransaction } from './ledger.service';

/**
 * Feeds new fee facts into an enrolment in the caller's transaction (an SSC grant, a received BBC): the fee
 * is assessed again with the difference booked (Art 31.2–31.3), and the reasons to show are returned: the
 * feed's own, the change of fee, and the fee's own reasons under the articles the feed rests on (`grounds`,
 * matched as prefixes, e.g. 'Art 30' for 'Art 30.1').
 */
export async function feedFeeFactsInTransaction(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  enrolment: Selectable<EnrolmentTable>,
  input: {
    facts: FeeFacts;
    reason: string;
    feedReasons: readonly ProvisionReason[];
    grounds: readonly string[];
  },
): Promise<{ reasons: ProvisionReason[]; differenceCents: number }> {
  const result = await reassessEnrolmentInTransaction(trx, ctx, enrolment, {
    facts: input.facts,
    reason: input.reason,
  });
  const before = `${feeKindLabels[enrolment.feeKind as keyof typeof feeKindLabels]} ${formatCents(enrolment.feeCents)}`;
  const after = `${result.enrolment.fee.kindLabel} ${formatCents(result.enrolment.fee.amountCents)}`;
  const grounds = input.grounds;
  return {
    differenceCents: result.differenceCents,
    reasons: [
      ...input.feedReasons,
      {
        article: result.differenceCents < 0 ? 'Art 31.3' : 'Art 31.2',
        text:
          result.differenceCents === 0
            ? `The tuition fee for ${enrolment.academicYear} stays ${after}.`
            : `The tuition fee for ${enrolment.academicYear} was assessed again: ${before} → ${after}; the difference of ${formatCents(result.differenceCents)} was booked.`,
      },
      ...result.enrolment.fee.reasons.filter((r) =>
        grounds.some((g) => r.article === g || r.article.startsWith(g)),
      ),
    ],
  };
}
