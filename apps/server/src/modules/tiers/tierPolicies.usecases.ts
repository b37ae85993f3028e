import type { TCustomerCompliance, TTierPolicy, TTierPolicyUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getVisibleCustomer } from '../customers/customers.usecases.ts';
import { lastTouch, reclaimSchedule } from '../pool/pool.rules.ts';
import { breachReport } from './tierPolicies.breaches.ts';
import * as repo from './tierPolicies.repository.ts';
import { accountTeam, followUpCadence, isCompliant, ownerLevel } from './tierPolicies.rules.ts';

export const tierPolicyView = (p: repo.TierPolicyRow): TTierPolicy => ({
  tierId: p.tierId,
  tierKey: p.tierKey,
  tierNameZh: p.tierNameZh,
  tierNameEn: p.tierNameEn,
  tierRank: p.tierRank,
  cadenceDays: p.cadenceDays,
  minLevelId: p.minLevelId,
  responseSlaHours: p.responseSlaHours,
  maxDiscountPct: Number(p.maxDiscountPct),
  accountTeamRequired: p.accountTeamRequired,
  poolReclaimDays: p.poolReclaimDays,
  poolWarningDays: p.poolWarningDays,
  version: p.version,
});

export async function listTierPolicies(ctx: Ctx) {
  return { data: (await repo.listPolicies(ctx.db, ctx.actor.orgId)).map(tierPolicyView) };
}

export async function getTierPolicy(ctx: Ctx, tierId: string) {
  const row = await repo.findPolicy(ctx.db, ctx.actor.orgId, tierId);
  if (!row) throw notFound('Tier policy');
  return row;
}

/** Replaces a tier's policy (admins and directors; the route says who). */
export async function updateTierPolicy(ctx: Ctx, tierId: string, version: number, input: Omit<TTierPolicyUpdate, 'version'>) {
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const before = await repo.findPolicy(tx, ctx.actor.orgId, tierId);
    if (!before) throw notFound('Tier policy');
    if (input.minLevelId && !(await repo.findLevel(tx, ctx.actor.orgId, input.minLevelId))) {
      throw unprocessable('unknown_reference', 'No such level in this organisation', [{ path: 'minLevelId', message: 'unknown level' }]);
    }
    const changed = await repo.updatePolicyRow(tx, ctx.actor.orgId, tierId, version, {
      ...input,
      maxDiscountPct: input.maxDiscountPct.toFixed(2),
    });
    if (!changed) throw staleVersion('tier policy', before.version);
    const after = (await repo.findPolicy(tx, ctx.actor.orgId, tierId)) as repo.TierPolicyRow;
    await recordAudit(tx, txc, {
      action: 'update',
      entity: 'tier_policy',
      entityId: tierId,
      before: tierPolicyView(before),
      after: tierPolicyView(after),
    });
    return after;
  });
}

/** One customer's compliance with its tier's policy, each check with its figures. */
export async function customerCompliance(ctx: Ctx, customerId: string): Promise<TCustomerCompliance> {
  const c = await getVisibleCustomer(ctx, customerId);
  const policy = await getTierPolicy(ctx, c.tierId);
  const now = ctx.clock.now();
  const [owner, min, members] = await Promise.all([
    repo.findOwnerLevel(ctx.db, ctx.actor.orgId, c.ownerId),
    policy.minLevelId ? repo.findLevel(ctx.db, ctx.actor.orgId, policy.minLevelId) : undefined,
    repo.countTeamMembersBesides(ctx.db, ctx.actor.orgId, c.id, c.ownerId),
  ]);
  const checks = [
    followUpCadence(c, policy.cadenceDays, now),
    ownerLevel(c, owner, { levelId: policy.minLevelId, levelRank: min?.rank ?? null }),
    accountTeam(c, policy.accountTeamRequired, members),
  ];
  let pool: TCustomerCompliance['pool'] = null;
  if (c.ownerId && c.deletedAt === null && policy.poolReclaimDays !== null) {
    const touch = lastTouch(c);
    const p = { reclaimDays: policy.poolReclaimDays, warningDays: policy.poolWarningDays };
    const s = reclaimSchedule(touch, c.poolWarnedAt, p);
    pool = { ...p, lastTouchAt: touch.toISOString(), warnAt: s.warnAt.toISOString(), reclaimAt: s.reclaimAt.toISOString() };
  }
  return { customerId: c.id, tierId: c.tierId, asOf: now.toISOString(), compliant: isCompliant(checks), checks, pool };
}

export async function tierPolicyBreaches(ctx: Ctx, filter: { tierId?: string }) {
  return breachReport(ctx.db, ctx.actor, ctx.clock.now(), filter);
}
