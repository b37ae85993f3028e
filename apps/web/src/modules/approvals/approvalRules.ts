import type { TApproval, TRole } from '@tierline/contracts';

/** Who may be asked to decide; reps and viewers only ask (the server refuses them the decision routes). */
export const DECIDER_ROLES: readonly TRole[] = ['manager', 'director', 'admin'];
export const isDecider = (role: TRole) => DECIDER_ROLES.includes(role);
/** Directors and admins see, and may decide, every approval of the organisation. */
export const isSenior = (role: TRole) => role === 'director' || role === 'admin';

/**
 * May this person decide this approval now? As the server rules: the designated approver may; a
 * director or admin may decide anyone's, except a request of their own that was given to someone else.
 */
export function mayDecide(user: { id: string; role: TRole }, approval: Pick<TApproval, 'status' | 'requestedBy' | 'approverId'>): boolean {
  if (approval.status !== 'pending' || !isDecider(user.role)) return false;
  if (approval.approverId === user.id) return true;
  return isSenior(user.role) && approval.requestedBy !== user.id;
}

export interface DiscountLineExcess {
  productCode: string;
  discountPct: string;
  cap: string;
}

/** What was asked against what is allowed, read from an approval's free-form details. */
export type ApprovalAsk =
  | { kind: 'contract_amount'; number: string | null; amount: string | null; limit: string | null; currency: string }
  | { kind: 'discount'; lines: DiscountLineExcess[] };

const str = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/**
 * The details are a JSON record the server fills per kind ({ number, amount, limit, currency } for a
 * contract; { lines: [{ productCode, discountPct, cap }] } for discounts); read them defensively, so an
 * older or unexpected shape shows as blanks rather than breaking the inbox.
 */
export function approvalAsk(approval: Pick<TApproval, 'kind' | 'details'>): ApprovalAsk {
  const d = approval.details;
  if (approval.kind === 'contract_amount') {
    return {
      kind: 'contract_amount',
      number: str(d.number),
      amount: str(d.amount),
      limit: str(d.limit),
      currency: str(d.currency) ?? 'CNY',
    };
  }
  const lines = Array.isArray(d.lines) ? (d.lines as Record<string, unknown>[]) : [];
  return {
    kind: 'discount',
    lines: lines.map((l) => ({
      productCode: str(l?.productCode) ?? '?',
      discountPct: str(l?.discountPct) ?? '?',
      cap: str(l?.cap) ?? str(d.cap) ?? '?',
    })),
  };
}

/** Where the approval's subject lives in the app. */
export const subjectPath = (approval: Pick<TApproval, 'entity' | 'entityId'>) =>
  approval.entity === 'contract' ? `/contracts/${approval.entityId}` : `/deals/${approval.entityId}`;
