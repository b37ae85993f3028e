import type { TTierRulesInput, TTierSummary } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { domainEventCtes, subscribersOf } from '../../platform/events/domainEvents.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import {
  applyTiers,
  lockTierRecompute,
  previewTiers,
  setBulkPlanning,
  type TierPlan,
  type TierSummaryRow,
} from './tierRecompute.repository.ts';
import * as repo from './tiers.repository.ts';
import { checkRules, getCurrentRules } from './tiers.usecases.ts';

function summaryView(plan: TierPlan, ruleVersion: number | null, keyOf: Map<string, string>, row: TierSummaryRow): TTierSummary {
  return {
    asOf: plan.asOf.toISOString(),
    ruleVersion,
    metric: plan.rules.metric,
    windowDays: plan.rules.windowDays,
    customers: row.customers,
    ranked: row.ranked,
    pinned: row.pinned,
    changed: row.changed,
    tiers: row.tiers.map((t) => ({ ...t, key: keyOf.get(t.tierId) ?? '' })),
    moves: row.moves,
    sample: row.sample,
  };
}

/**
 * What the current rules — or proposed ones — would do as of a date: counts per tier, moves, metric sums and
 * a sample of customers that move, with their explanations. Reads only; nothing is written.
 */
export async function previewTierRules(ctx: Ctx, input: { rules?: Omit<TTierRulesInput, 'version'>; asOf: string }) {
  const ladder = input.rules ? await checkRules(ctx, input.rules, 'rules.cutoffs') : await repo.listTiers(ctx.db, ctx.actor.orgId);
  const current = input.rules ? undefined : await getCurrentRules(ctx);
  const rules = input.rules ?? (current as NonNullable<typeof current>);
  const plan: TierPlan = { orgId: ctx.actor.orgId, rules, ladder, asOf: new Date(input.asOf) };
  // A read-only transaction: the database itself refuses any write a preview might attempt.
  const row = await ctx.db.transaction(
    async (tx) => {
      await setBulkPlanning(tx);
      return previewTiers(tx, plan);
    },
    { accessMode: 'read only' },
  );
  return summaryView(plan, current?.version ?? null, new Map(ladder.map((t) => [t.id, t.key])), row);
}

/**
 * Applies the current rules as of a date in one transaction: customers that move get their new tier and a
 * history row (source rule, rule version, explanation), as does a customer the rules decide for the first time
 * without moving it; pinned and deleted customers are left alone. One audit entry records the run; the
 * per-customer record is the tier history.
 */
export async function recomputeTiers(ctx: Ctx, input: { asOf?: string }) {
  const asOf = input.asOf ? new Date(input.asOf) : ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockTierRecompute(tx, ctx.actor.orgId);
    await setBulkPlanning(tx);
    const rules = await getCurrentRules({ ...ctx, db: tx });
    const ladder = await repo.listTiers(tx, ctx.actor.orgId);
    const plan: TierPlan = { orgId: ctx.actor.orgId, rules, ladder, asOf };
    const at = ctx.clock.now();
    // A `customer.tier_changed` event per moved customer, in the same statement — only when someone subscribes.
    const subscriptionIds = await subscribersOf(tx, ctx.actor.orgId, 'customer.tier_changed');
    const events = subscriptionIds.length
      ? domainEventCtes({
          prefix: 'tier_events',
          orgId: ctx.actor.orgId,
          type: 'customer.tier_changed',
          at,
          subscriptionIds,
          source: sql`select jsonb_build_object('customerId', m.id, 'customerName', m.name, 'fromTierId', m.from_tier, 'toTierId', m.to_tier,
            'source', 'rule', 'ruleVersion', ${rules.version}::int, 'changedBy', ${ctx.actor.userId}::uuid) as data from moved m`,
        })
      : undefined;
    const row = await applyTiers(tx, plan, { ruleVersion: rules.version, actorId: ctx.actor.userId, at }, events);
    const summary = summaryView(plan, rules.version, new Map(ladder.map((t) => [t.id, t.key])), row);
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'tier_recompute',
      entityId: String(rules.version),
      before: null,
      after: { asOf: summary.asOf, ruleVersion: rules.version, changed: summary.changed, moves: summary.moves },
    });
    return summary;
  });
}
