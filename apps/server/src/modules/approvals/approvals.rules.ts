import type { TRole } from '@tierline/contracts';
import { compareDecimal, normaliseDecimal } from '../../platform/decimal.ts';

/**
 * The rules of approvals (审批), pure so they can be tested by table: what needs an approval,
 * what an approval covers, who is asked, and who may decide. See docs/decisions/0012-approvals.md.
 */

export type DiscountLine = { productCode: string; discountPct?: number | string | null };
/** A line whose discount is above the cap; `index` is its position in the lines given (0-based). */
export type DiscountExcess = { index: number; productCode: string; discountPct: string; cap: string };

/** Lines whose discount exceeds the tier's cap. No cap (no tier policy) means nothing exceeds it. */
export function discountExcesses(lines: DiscountLine[], cap: string | null): DiscountExcess[] {
  if (cap === null) return [];
  return lines.flatMap((line, index) => {
    const pct = normaliseDecimal(line.discountPct ?? 0);
    return compareDecimal(pct, cap) > 0 ? [{ index, productCode: line.productCode, discountPct: pct, cap: normaliseDecimal(cap) }] : [];
  });
}

/** What an approved discount approval granted: a discount for a product on the deal. */
export type GrantedDiscount = { productCode: string; discountPct: string };

/**
 * The excesses no approval covers. A grant covers a line of the same product whose discount is at
 * most the granted one: approving 25 % also allows 20 %, never 30 %.
 */
export function uncoveredDiscounts(excesses: DiscountExcess[], granted: GrantedDiscount[]): DiscountExcess[] {
  return excesses.filter((e) => !granted.some((g) => g.productCode === e.productCode && compareDecimal(g.discountPct, e.discountPct) >= 0));
}

/** The limit a contract amount exceeds, or null when it is within the owner's level limit (or there is none). */
export function contractAmountExcess(amount: string, limit: string | null): { amount: string; limit: string } | null {
  if (limit === null) return null;
  return compareDecimal(amount, limit) > 0 ? { amount: normaliseDecimal(amount), limit: normaliseDecimal(limit) } : null;
}

/** An approved amount covers a contract amount at or below it. */
export const amountCovered = (approvedAmounts: string[], amount: string) => approvedAmounts.some((a) => compareDecimal(a, amount) >= 0);

export type ApproverBasis = 'team_manager' | 'director' | 'admin' | 'requester';
export type ApproverCandidates = {
  requesterId: string;
  /** The manager of the subject rep's team (the deal's or contract's owner), when there is one and they are active. */
  teamManagerId: string | null;
  /** Active directors and admins of the organisation, oldest account first. */
  directorIds: string[];
  adminIds: string[];
};

/**
 * Who is asked: the manager of the owner's team; else a director; else an admin. Nobody approves a
 * request of their own while someone else can; only when nobody else exists does it fall to the
 * requester (a one-person organisation), and the audit log shows it.
 */
export function pickApprover(c: ApproverCandidates): { approverId: string; basis: ApproverBasis } {
  const other = (id: string | null): id is string => id !== null && id !== c.requesterId;
  if (other(c.teamManagerId)) return { approverId: c.teamManagerId, basis: 'team_manager' };
  const director = c.directorIds.find(other);
  if (director) return { approverId: director, basis: 'director' };
  const admin = c.adminIds.find(other);
  if (admin) return { approverId: admin, basis: 'admin' };
  return { approverId: c.requesterId, basis: 'requester' };
}

export type DecisionRefusal = 'not_visible' | 'not_allowed' | 'own_request';

/**
 * May this person decide this approval? The designated approver may; directors and admins may decide
 * any approval of their organisation, except one they requested themselves (unless it fell to them).
 */
export function decisionRefusal(
  who: { userId: string; role: TRole },
  approval: { requestedBy: string; approverId: string | null },
): DecisionRefusal | null {
  if (approval.approverId === who.userId) return null;
  const seniorRole = who.role === 'director' || who.role === 'admin';
  if (approval.requestedBy === who.userId) return seniorRole ? 'own_request' : 'not_allowed';
  if (seniorRole) return null;
  return 'not_visible';
}
