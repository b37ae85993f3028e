import type { TAccountPlan, TAccountPlanPut } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { staleVersion } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getVisibleCustomer, getWritableCustomer } from '../customers/customers.usecases.ts';
import * as repo from './accountTeams.repository.ts';

export const planView = (customerId: string, p: repo.PlanRow | undefined): TAccountPlan => ({
  customerId,
  objectives: p?.objectives ?? '',
  opportunities: p?.opportunities ?? '',
  risks: p?.risks ?? '',
  nextSteps: p?.nextSteps ?? '',
  updatedAt: p?.updatedAt.toISOString() ?? null,
  version: p?.version ?? 0,
});

/** A customer's account plan; an empty one at version 0 until someone writes it. */
export async function getAccountPlan(ctx: Ctx, customerId: string) {
  await getVisibleCustomer(ctx, customerId);
  return planView(customerId, await repo.findPlan(ctx.db, ctx.actor.orgId, customerId));
}

/** Replaces the plan; `version` 0 writes the first one. Two people editing at once cannot overwrite each other. */
export async function putAccountPlan(ctx: Ctx, customerId: string, version: number, input: Omit<TAccountPlanPut, 'version'>) {
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await getWritableCustomer(txc, customerId);
    const before = await repo.findPlan(tx, ctx.actor.orgId, customerId);
    const fields = {
      objectives: input.objectives,
      opportunities: input.opportunities,
      risks: input.risks,
      nextSteps: input.nextSteps,
      updatedAt: ctx.clock.now(),
    };
    const after =
      version === 0
        ? await repo.insertPlan(tx, { orgId: ctx.actor.orgId, customerId, ...fields })
        : await repo.updatePlanRow(tx, ctx.actor.orgId, customerId, version, fields);
    if (!after) throw staleVersion('account plan', before?.version ?? 0);
    await recordAudit(tx, txc, {
      action: before ? 'update' : 'create',
      entity: 'account_plan',
      entityId: customerId,
      before: before ? planView(customerId, before) : null,
      after: planView(customerId, after),
    });
    return planView(customerId, after);
  });
}
