import type { TApproval } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { applyContractDecision } from '../contracts/contractApproval.usecases.ts';
import * as repo from './approvals.repository.ts';
import { amountCovered, contractAmountExcess, decisionRefusal, pickApprover } from './approvals.rules.ts';

export const approvalView = (a: repo.ApprovalRow): TApproval => ({
  id: a.id,
  kind: a.kind,
  entity: a.entity,
  entityId: a.entityId,
  requestedBy: a.requestedBy,
  approverId: a.approverId,
  status: a.status,
  details: a.details,
  comment: a.comment,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

const isSenior = (ctx: Pick<Ctx, 'actor'>) => ctx.actor.role === 'director' || ctx.actor.role === 'admin';

/**
 * Opens an approval request inside the caller's transaction and logs it. The approver is the manager of
 * the owner's team (the rep whose deal or contract it is), else a director, else an admin.
 */
export async function openApproval(
  tx: Ctx,
  input: { kind: repo.ApprovalRow['kind']; entity: repo.ApprovalRow['entity']; entityId: string; ownerId: string; details: object },
) {
  // One after the other: this runs inside the caller's transaction (one connection).
  const owner = await repo.ownerFacts(tx.db, tx.actor.orgId, input.ownerId);
  const seniors = await repo.seniorUsers(tx.db, tx.actor.orgId);
  const { approverId, basis } = pickApprover({ requesterId: tx.actor.userId, teamManagerId: owner.teamManagerId, ...seniors });
  const row = await repo.insertApproval(tx.db, {
    orgId: tx.actor.orgId,
    id: newId(),
    kind: input.kind,
    entity: input.entity,
    entityId: input.entityId,
    requestedBy: tx.actor.userId,
    ownerId: input.ownerId,
    approverId,
    status: 'pending',
    details: { ...input.details, approverBasis: basis },
    createdAt: tx.clock.now(),
  });
  await recordAudit(tx.db, tx, { action: 'create', entity: 'approval', entityId: row.id, before: null, after: approvalView(row) });
  return row;
}

export type ContractApprovalState = {
  /** The amount and the owner's level limit it exceeds; null when within the limit (or no limit). */
  excess: { amount: string; limit: string } | null;
  /** No approval is needed, or an approved one covers at least this amount. */
  covered: boolean;
  pending: repo.ApprovalRow | null;
  lastRejected: repo.ApprovalRow | null;
};

/** Whether a contract's amount needs approval for its owner's level, and where its approvals stand. */
export async function contractApprovalState(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  contract: { id: string; ownerId: string; amount: string },
): Promise<ContractApprovalState> {
  const { levelLimit } = await repo.ownerFacts(ctx.db, ctx.actor.orgId, contract.ownerId);
  const excess = contractAmountExcess(contract.amount, levelLimit);
  if (!excess) return { excess, covered: true, pending: null, lastRejected: null };
  const rows = await repo.approvalsOf(ctx.db, ctx.actor.orgId, { kind: 'contract_amount', entityId: contract.id });
  const approvedAmounts = rows.filter((a) => a.status === 'approved').map((a) => String(a.details.amount));
  return {
    excess,
    covered: amountCovered(approvedAmounts, contract.amount),
    pending: rows.find((a) => a.status === 'pending') ?? null,
    lastRejected: rows.filter((a) => a.status === 'rejected').at(-1) ?? null,
  };
}

/** Asks for approval of a contract amount above the owner's level limit. */
export const openContractApproval = (
  tx: Ctx,
  contract: { id: string; number: string; ownerId: string; currency: string },
  excess: { amount: string; limit: string },
) =>
  openApproval(tx, {
    kind: 'contract_amount',
    entity: 'contract',
    entityId: contract.id,
    ownerId: contract.ownerId,
    details: { number: contract.number, ownerId: contract.ownerId, currency: contract.currency, ...excess },
  });

/** An approval the caller may see: they asked for it, own its deal or contract, or decide it; directors and admins see all. */
async function getVisibleApproval(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findApproval(ctx.db, ctx.actor.orgId, id);
  const mine = row && [row.requestedBy, row.ownerId, row.approverId].includes(ctx.actor.userId);
  if (!row || !(mine || isSenior(ctx))) throw notFound('Approval');
  return row;
}

export async function getApproval(ctx: Ctx, id: string) {
  return approvalView(await getVisibleApproval(ctx, id));
}

export async function listApprovals(
  ctx: Ctx,
  q: { limit: number; cursor?: string; view: 'mine' | 'toDecide' | 'requested' | 'all' } & repo.ApprovalFilter,
) {
  const { orgId, userId } = ctx.actor;
  const visible =
    q.view === 'toDecide'
      ? repo.toDecideBy(orgId, userId)
      : q.view === 'requested'
        ? repo.requestedBy(orgId, userId)
        : q.view === 'all' && isSenior(ctx)
          ? repo.ofOrg(orgId)
          : repo.involving(orgId, userId);
  const rows = await repo.listApprovals(ctx.db, visible, q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (a) => [a.createdAt.toISOString(), a.id]);
  return { data: page.data.map(approvalView), nextCursor: page.nextCursor };
}

/**
 * Approves or rejects a pending approval, logged with the decision. Only the designated approver, or a
 * director or admin, may decide; a decided approval cannot be decided again (409). A contract waiting
 * on the approval becomes active when approved and returns to draft when rejected, in the same transaction.
 */
export async function decideApproval(ctx: Ctx, id: string, status: 'approved' | 'rejected', comment: string | null) {
  return inTransaction(ctx, async (tx) => {
    const before = await getVisibleApproval(tx, id);
    const refusal = decisionRefusal(ctx.actor, before);
    if (refusal === 'not_visible') throw notFound('Approval');
    if (refusal === 'own_request') throw forbidden('You may not decide an approval you requested');
    if (refusal) throw forbidden('Only the approver, a director or an admin may decide this approval');
    if (before.status !== 'pending') throw alreadyDecided(before);
    const after = await repo.decidePending(tx.db, ctx.actor.orgId, id, {
      status,
      approverId: ctx.actor.userId,
      comment,
      decidedAt: ctx.clock.now(),
    });
    if (!after) throw alreadyDecided((await repo.findApproval(tx.db, ctx.actor.orgId, id)) ?? before);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'approval',
      entityId: id,
      before: approvalView(before),
      after: approvalView(after),
    });
    if (after.kind === 'contract_amount')
      await applyContractDecision(tx, after.entityId, { approved: status === 'approved', approvalId: id });
    return approvalView(after);
  });
}

const alreadyDecided = (a: repo.ApprovalRow) =>
  conflict('already_decided', `This approval was already ${a.status}${a.decidedAt ? ` at ${a.decidedAt.toISOString()}` : ''}`, [
    { path: 'status', message: a.status },
  ]);
