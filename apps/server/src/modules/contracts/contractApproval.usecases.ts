import { recordAudit } from '../../platform/audit/audit.writer.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { ofOrg } from './contracts.access.ts';
import * as repo from './contracts.repository.ts';
import { contractView } from './contracts.views.ts';

/**
 * What a decision on a contract-amount approval does to the contract, in the decider's transaction:
 * approved → active, rejected → back to draft (to lower the amount or submit again). Only a contract
 * still waiting is touched: one cancelled meanwhile stays cancelled. The decider may be a director
 * outside the owner's team, so this acts on the organisation, not the decider's data scope.
 * (It imports nothing from approvals, which calls it: no import cycle.)
 */
export async function applyContractDecision(tx: Ctx, contractId: string, decision: { approved: boolean; approvalId: string }) {
  const before = await repo.findContract(tx.db, ofOrg(tx.actor.orgId), contractId, { forUpdate: true });
  if (before?.status !== 'pending_approval') return;
  const after = await repo.updateContractRow(tx.db, ofOrg(tx.actor.orgId), contractId, before.version, {
    status: decision.approved ? 'active' : 'draft',
    updatedAt: tx.clock.now(),
  });
  if (!after) return;
  await recordAudit(tx.db, tx, {
    action: 'update',
    entity: 'contract',
    entityId: contractId,
    before: contractView(before),
    after: contractView(after),
  });
}
