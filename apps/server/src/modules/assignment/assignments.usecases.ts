import type { TAssignmentResult } from '@tierline/contracts';
import { dataScopeOf } from '../../platform/access.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getVisibleCustomer, getWritableCustomer, updateCustomer } from '../customers/customers.usecases.ts';
import { getVisibleDeal, getWritableDeal, updateDeal } from '../deals/deals.usecases.ts';
import { assertLeadOpen, assignLeadOwner, getVisibleLead, getWritableLead } from '../leads/leads.usecases.ts';
import { notifyUsers } from '../notifications/notify.ts';
import * as repo from './assignment.repository.ts';
import { assign, type Entity, type RecordAttributes, unassignedReasonOf } from './assignment.rules.ts';
import type { AssignmentExplanation } from './assignment.table.ts';
import { ensureDefaultRules } from './assignmentRules.usecases.ts';

type Target = { attributes: RecordAttributes; name: string; ownerId: string | null; setOwner: (ownerId: string) => Promise<unknown> };

const refuse = (code: string, message: string) => unprocessable(code, message, [{ path: 'id', message }]);

/** The record in the caller's write scope (404 / 403 otherwise), what routing reads from it, and how to give it an owner. */
async function loadTarget(tx: Ctx, entity: Entity, id: string): Promise<Target> {
  const orgId = tx.actor.orgId;
  const none = { tierId: null, processType: null, region: null, industry: null, amount: null };
  if (entity === 'lead') {
    const lead = await getWritableLead(tx, id);
    assertLeadOpen(lead, 'id');
    if (lead.deletedAt) throw refuse('record_deleted', 'the lead is deleted');
    return {
      attributes: { ...none, entity, region: lead.region, industry: lead.industry },
      name: lead.name,
      ownerId: lead.ownerId,
      setOwner: (ownerId) => assignLeadOwner(tx, lead, ownerId),
    };
  }
  if (entity === 'customer') {
    const c = await getWritableCustomer(tx, id);
    if (c.deletedAt) throw refuse('record_deleted', 'the customer is deleted');
    return {
      attributes: { ...none, entity, tierId: c.tierId, region: c.region, industry: c.industry },
      name: c.name,
      ownerId: c.ownerId,
      setOwner: (ownerId) => updateCustomer(tx, id, c.version, { ownerId }),
    };
  }
  const d = await getWritableDeal(tx, id);
  if (d.deletedAt) throw refuse('record_deleted', 'the deal is deleted');
  if (d.stageKind !== 'open') throw refuse('deal_closed', `the deal is ${d.stageKind}; only open deals are assigned`);
  const { processType, customer } = await repo.dealAttributes(tx.db, orgId, d.pipelineId, d.customerId);
  return {
    attributes: {
      entity,
      processType,
      amount: d.amount,
      tierId: customer?.tierId ?? null,
      region: customer?.region ?? null,
      industry: customer?.industry ?? null,
    },
    name: d.name,
    ownerId: d.ownerId,
    setOwner: (ownerId) => updateDeal(tx, id, d.version, { ownerId }),
  };
}

const resultOf = (entity: Entity, entityId: string, e: AssignmentExplanation, at: Date): TAssignmentResult => ({
  entity,
  entityId,
  assigned: e.chosen !== null,
  ownerId: e.chosen,
  unassignedReason: unassignedReasonOf(e),
  explanation: e,
  at: at.toISOString(),
});

/**
 * Runs the assignment rules for one record and gives it to the rep they choose, in one transaction
 * with the owner change (through the record's own use case: its scope, audit and version apply),
 * the round-robin turn and the log row that explains it. Assignments in an organisation are
 * serialised, so capacity is checked against loads nobody else is changing meanwhile. When nobody
 * is eligible the record keeps its owner and the log says why.
 */
export async function assignRecord(ctx: Ctx, entity: Entity, id: string) {
  return inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await repo.lockOrgAssignments(tx.db, orgId);
    const target = await loadTarget(tx, entity, id);
    const now = ctx.clock.now();
    await ensureDefaultRules(tx.db, orgId, ctx.requestId, now);
    const [rules, reps, tierRows] = [
      await repo.listRules(tx.db, orgId, entity),
      await repo.candidates(tx.db, orgId, entity),
      await repo.tiersOf(tx.db, orgId),
    ];
    // The record counts in its current owner's load; judged afresh, it must not count against them.
    const candidates = reps.map((c) => (c.userId === target.ownerId ? { ...c, load: Math.max(0, c.load - 1) } : c));
    const scope = dataScopeOf(ctx.actor);
    const explanation = assign({
      record: target.attributes,
      rules,
      candidates,
      assignableTeamIds: scope.kind === 'team' ? scope.teamIds : undefined,
      tierNames: Object.fromEntries(tierRows.map((t) => [t.id, t.nameEn])),
    });
    if (explanation.chosen) {
      await target.setOwner(explanation.chosen);
      if (explanation.strategy === 'round_robin' && explanation.ruleId)
        await repo.rememberLastAssigned(tx.db, orgId, explanation.ruleId, explanation.chosen);
      // The rep it went to is told, unless it was already theirs or they assigned it themself.
      if (explanation.chosen !== target.ownerId && explanation.chosen !== ctx.actor.userId)
        await notifyUsers(tx.db, now, [
          {
            orgId,
            userId: explanation.chosen,
            kind: 'assignment',
            params: { entity, name: target.name, ruleName: explanation.ruleName },
            entity,
            entityId: id,
          },
        ]);
    }
    await repo.insertLog(tx.db, {
      orgId,
      id: newId(),
      entity,
      entityId: id,
      ruleId: explanation.ruleId,
      assignedUserId: explanation.chosen,
      explanation,
      at: now,
      amount: target.attributes.amount,
    });
    return resultOf(entity, id, explanation, now);
  });
}

/** The latest assignment of a record the caller may see, with its explanation; 404 for a record outside their scope. */
export async function explainAssignment(ctx: Ctx, entity: Entity, id: string) {
  if (entity === 'lead') await getVisibleLead(ctx, id);
  else if (entity === 'customer') await getVisibleCustomer(ctx, id);
  else await getVisibleDeal(ctx, id);
  const log = await repo.latestLog(ctx.db, ctx.actor.orgId, entity, id);
  if (!log) throw notFound('Assignment');
  return resultOf(entity, id, log.explanation, log.at);
}
