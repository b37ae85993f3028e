import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';
import { ZDealLine } from './deals.ts';

/** Approvals (审批): a discount above the customer's tier cap, a contract above the owner's level limit. */
export const ZApprovalKind = z.enum(['discount', 'contract_amount']);
export const ZApprovalStatus = z.enum(['pending', 'approved', 'rejected']);

export const ZApproval = z.object({
  id: ZId,
  kind: ZApprovalKind,
  entity: z.enum(['deal', 'contract']),
  entityId: ZId,
  requestedBy: ZId,
  /** Who is asked to decide; once decided, who decided. */
  approverId: ZId.nullable(),
  status: ZApprovalStatus,
  /** What exceeded which limit, e.g. { lines: [{ line, productCode, discountPct, cap }] } or { amount, limit }. */
  details: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TApproval = z.infer<typeof ZApproval>;

export const ZApprovalListQuery = ZListQuery.extend({
  /** mine: to decide or requested by me; toDecide; requested; all (directors and admins: the whole organisation). */
  view: z.enum(['mine', 'toDecide', 'requested', 'all']).default('mine'),
  status: ZApprovalStatus.optional(),
  kind: ZApprovalKind.optional(),
  entityId: ZId.optional(),
});

const ZComment = z.string().trim().min(1).max(2000);
export const ZApprove = z.object({ comment: ZComment.optional() });
/** A rejection says why, so the requester knows what to change. */
export const ZReject = z.object({ comment: ZComment });

export const ZDiscountApprovalRequest = z.object({ lines: z.array(ZDealLine).min(1).max(200) });
