import { conflict, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getWritableDeal } from '../deals/deals.usecases.ts';
import type { DiscountLine } from './approvals.rules.ts';
import { openApproval } from './approvals.usecases.ts';
import { uncoveredDiscountsOf } from './discountGuard.usecases.ts';

/**
 * Asks the owner's manager to approve the discounts of these lines that exceed the tier's cap and
 * are not yet approved. Only those lines go into the request. One open request per deal at a time:
 * a second while the first waits is refused (409) so the approver never sees two versions.
 */
export async function requestDiscountApproval(ctx: Ctx, dealId: string, lines: DiscountLine[]) {
  return inTransaction(ctx, async (tx) => {
    const deal = await getWritableDeal(tx, dealId);
    const { tierId, cap, uncovered, pending } = await uncoveredDiscountsOf(tx, dealId, lines);
    if (!uncovered.length) {
      throw unprocessable('approval_not_needed', 'Every discount is within the tier’s cap or already approved', [
        { path: 'lines', message: cap === null ? 'no discount cap applies' : `every discount is at most ${cap}% or approved` },
      ]);
    }
    if (pending.length) {
      throw conflict('approval_pending', `Approval ${pending[0].id} of this deal’s discounts is still pending`, [
        { path: 'lines', message: `approval ${pending[0].id} is pending` },
      ]);
    }
    return openApproval(tx, {
      kind: 'discount',
      entity: 'deal',
      entityId: dealId,
      ownerId: deal.ownerId,
      details: {
        customerId: deal.customerId,
        tierId,
        cap,
        lines: uncovered.map((e) => ({ line: e.index, productCode: e.productCode, discountPct: e.discountPct, cap: e.cap })),
      },
    });
  });
}
