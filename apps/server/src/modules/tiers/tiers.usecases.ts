import { createHash } from 'node:crypto';
import type { TTier, TTierCreate, TTierRules, TTierRulesInput, TTierUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { AppError, conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { validateTierRules } from './tierRules.validation.ts';
import * as repo from './tiers.repository.ts';

/**
 * The tiers table has no version column, so a tier's ETag is a digest of what a person can change on it.
 * It still gives If-Match its meaning — "change it only if it is as I saw it" — without a schema change.
 */
export const tierEtag = (t: repo.TierRow) =>
  `"${createHash('sha256')
    .update(JSON.stringify([t.key, t.nameZh, t.nameEn, t.rank, t.color]))
    .digest('base64url')
    .slice(0, 22)}"`;

export const tierView = (t: repo.TierRow): TTier => ({
  id: t.id,
  key: t.key,
  nameZh: t.nameZh,
  nameEn: t.nameEn,
  rank: t.rank,
  color: t.color,
  etag: tierEtag(t),
});

export const ruleSetView = (r: repo.RuleSetRow): TTierRules => ({
  version: r.version,
  metric: r.metric,
  windowDays: r.windowDays,
  cutoffs: r.cutoffs,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

export async function listTierDefinitions(ctx: Ctx) {
  return (await repo.listTiers(ctx.db, ctx.actor.orgId)).map(tierView);
}

/** Adds a tier at a place in the ladder (1 = top); the tiers from that place down move one lower. */
export async function createTier(ctx: Ctx, input: TTierCreate) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await repo.listTiers(tx, ctx.actor.orgId);
      const bottom = before.length + 1;
      if (input.rank > bottom)
        throw unprocessable('invalid_rank', `The ladder has ${before.length} tiers: a new one goes at rank 1 to ${bottom}`, [
          { path: 'rank', message: `at most ${bottom}` },
        ]);
      const displaced = before.find((t) => t.rank === input.rank) ?? before[before.length - 1];
      const tier = await repo.insertTierAt(
        tx,
        {
          orgId: ctx.actor.orgId,
          id: newId(),
          key: input.key,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          rank: input.rank,
          color: input.color ?? 'default',
        },
        displaced.id,
      );
      await recordAudit(tx, ctx, { action: 'create', entity: 'tier', entityId: tier.id, before: null, after: tierView(tier) });
      for (const moved of before.filter((t) => t.rank >= input.rank)) {
        await recordAudit(tx, ctx, {
          action: 'update',
          entity: 'tier',
          entityId: moved.id,
          before: { rank: moved.rank },
          after: { rank: moved.rank + 1 },
        });
      }
      return tier;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('key_taken', 'A tier with this key exists', [{ path: 'key', message: 'already used' }]);
    throw err;
  }
}

/** Renames or recolours a tier, if it is still as the caller saw it (its ETag). */
export async function updateTier(ctx: Ctx, id: string, etag: string | undefined, patch: Omit<TTierUpdate, 'etag'>) {
  if (!etag) {
    throw new AppError(428, 'version_required', 'Precondition required', 'Send the tier’s etag as If-Match or an etag field', [
      { path: 'etag', message: 'required' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findTier(tx, ctx.actor.orgId, id);
    if (!before) throw notFound('Tier');
    const stale = () =>
      conflict('stale_version', 'The tier was changed by someone else; reload and try again', [
        { path: 'etag', message: `current etag is ${tierEtag(before)}` },
      ]);
    if (etag.replace(/^W\//, '') !== tierEtag(before)) throw stale();
    const after = await repo.updateTierRow(tx, before, patch);
    if (!after) throw stale();
    await recordAudit(tx, ctx, { action: 'update', entity: 'tier', entityId: id, before: tierView(before), after: tierView(after) });
    return after;
  });
}

export async function getCurrentRules(ctx: Ctx) {
  const rules = await repo.currentRuleSet(ctx.db, ctx.actor.orgId);
  if (!rules) throw notFound('Tier rules');
  return rules;
}

/** Checks proposed rules against the organisation's ladder: 422 naming every field that breaks a rule. */
export async function checkRules(ctx: Pick<Ctx, 'db' | 'actor'>, rules: Omit<TTierRulesInput, 'version'>, path = 'cutoffs') {
  const ladder = await repo.listTiers(ctx.db, ctx.actor.orgId);
  const errors = validateTierRules(rules, ladder, path);
  if (errors.length) throw unprocessable('invalid_tier_rules', `${errors.length} problem(s) with the tier rules`, errors);
  return ladder;
}

/** Saves the rules as a new version, based on `version` (the one the caller saw). Old versions stay, to explain old assignments. */
export async function replaceRules(ctx: Ctx, basedOn: number, input: Omit<TTierRulesInput, 'version'>) {
  await checkRules(ctx, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await repo.latestRuleVersion(tx, ctx.actor.orgId);
      if (current !== basedOn) throw staleVersion('tier rules', current);
      const before = await repo.currentRuleSet(tx, ctx.actor.orgId);
      const created = await repo.insertRuleSet(tx, {
        orgId: ctx.actor.orgId,
        version: current + 1,
        metric: input.metric,
        windowDays: input.windowDays,
        cutoffs: input.cutoffs.map((c) => ({ tierId: c.tierId, kind: c.kind, value: c.value })),
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'tier_rules',
        entityId: String(created.version),
        before: before ? ruleSetView(before) : null,
        after: ruleSetView(created),
      });
      return created;
    });
  } catch (err) {
    // Two saves based on the same version: the second one's insert hits the (org, version) key.
    if (isUniqueViolation(err)) throw staleVersion('tier rules', basedOn + 1);
    throw err;
  }
}
