import { type FieldError, unprocessable } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import * as repo from './approvals.repository.ts';
import { type DiscountExcess, type DiscountLine, discountExcesses, type GrantedDiscount, uncoveredDiscounts } from './approvals.rules.ts';

/**
 * The discount check the deals module calls when lines are set and before a deal is won. It imports
 * nothing from deals, so deals can call it without an import cycle; the caller has already checked
 * that the actor may change the deal, and passes its transaction context.
 */

/** What granted discounts an approved approval of the deal carries. */
const grantedOf = (rows: repo.ApprovalRow[]): GrantedDiscount[] =>
  rows.flatMap((a) =>
    ((a.details.lines as GrantedDiscount[] | undefined) ?? []).map((l) => ({ productCode: l.productCode, discountPct: l.discountPct })),
  );

/** Lines above the cap of the deal's customer's tier that no approved approval covers, and the cap itself. */
export async function uncoveredDiscountsOf(ctx: Pick<Ctx, 'db' | 'actor'>, dealId: string, lines: DiscountLine[]) {
  const { orgId } = ctx.actor;
  const deal = await repo.dealFacts(ctx.db, orgId, dealId);
  const { tierId, cap } = await repo.discountCap(ctx.db, orgId, deal?.customerId ?? null);
  const excesses = discountExcesses(lines, cap);
  if (!excesses.length) return { tierId, cap, uncovered: [] as DiscountExcess[], pending: [] as repo.ApprovalRow[] };
  const approvals = await repo.approvalsOf(ctx.db, orgId, { kind: 'discount', entityId: dealId });
  return {
    tierId,
    cap,
    uncovered: uncoveredDiscounts(excesses, grantedOf(approvals.filter((a) => a.status === 'approved'))),
    pending: approvals.filter((a) => a.status === 'pending'),
  };
}

const lineProblems = (uncovered: DiscountExcess[], advice: string): FieldError[] =>
  uncovered.map((e) => ({ path: `lines.${e.index}.discountPct`, message: `${e.discountPct}% is above the ${e.cap}% cap; ${advice}` }));

const adviceFor = (dealId: string) => `request approval at POST /api/v1/deals/${dealId}/discount-approvals`;

/**
 * The same check as a list of problems, for a caller that reports them with others in one 422
 * (a move to won also names what its stage gate misses).
 */
export async function discountApprovalProblems(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  dealId: string,
  lines: DiscountLine[],
): Promise<FieldError[]> {
  return lineProblems((await uncoveredDiscountsOf(ctx, dealId, lines)).uncovered, adviceFor(dealId));
}

/**
 * Refuses (422) lines whose discount is above the customer's tier cap unless an approved discount
 * approval of this deal grants at least that discount for the product. Each refused line is named
 * `lines.N.discountPct` (N: its index in `lines`) with its cap.
 */
export async function assertDiscountsApproved(ctx: Pick<Ctx, 'db' | 'actor'>, dealId: string, lines: DiscountLine[]): Promise<void> {
  const { uncovered, pending } = await uncoveredDiscountsOf(ctx, dealId, lines);
  if (!uncovered.length) return;
  const waiting = pending.length ? ` (approval ${pending.map((p) => p.id).join(', ')} is pending)` : '';
  throw unprocessable(
    'discount_approval_required',
    `${uncovered.length} line(s) exceed the discount cap of the customer’s tier and need approval${waiting}`,
    lineProblems(uncovered, adviceFor(dealId)),
  );
}

/**
 * For a deal being created: nothing can have been approved for it yet, so every line above the cap of
 * the customer's tier (or the strictest cap, without a customer) is refused (422), naming `lines.N.discountPct`.
 */
export async function assertDiscountsWithinCap(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  customerId: string | null,
  lines: DiscountLine[],
): Promise<void> {
  const { cap } = await repo.discountCap(ctx.db, ctx.actor.orgId, customerId);
  const excesses = discountExcesses(lines, cap);
  if (!excesses.length) return;
  throw unprocessable(
    'discount_approval_required',
    `${excesses.length} line(s) exceed the discount cap of the customer’s tier`,
    lineProblems(excesses, 'create the deal within the cap, then request approval for the discount'),
  );
}
