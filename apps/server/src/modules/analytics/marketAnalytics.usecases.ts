import type { TMarketAnalysis, TMarketQuery } from '@tierline/contracts';
import { AppError } from '../../platform/errors.ts';
import { orgTimeZone } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { snapshotted } from './dashboardSnapshots.usecases.ts';
import { holdsTopLevel, marketParts, orgTiers } from './marketAnalytics.repository.ts';
import { marketRows } from './marketAnalytics.rules.ts';
import { previousWindow } from './window.rules.ts';

/**
 * Who may read market analysis (PRODUCT.md F, issue 9 item 5): managers, directors, admins and viewers; a rep only
 * at the top rank of the organisation's ladder (senior by default) — read at each call from the rep's current level,
 * so a promotion opens it at once. Figures still follow the caller's data scope: a senior rep sees their own book.
 */
async function mayReadMarket(ctx: Ctx) {
  if (ctx.actor.role !== 'rep') return;
  if (await holdsTopLevel(ctx.db, ctx.actor.orgId, ctx.actor.userId)) return;
  throw new AppError(403, 'level_too_low', 'Forbidden', 'Market analysis is open to reps at the highest level of the ladder');
}

/**
 * Per industry or region of the customers in scope: revenue (won deals closed and orders placed in the window,
 * both), won/lost and win rate, the same for the previous window and the growth, and the customers by current tier.
 */
export async function marketAnalysis(ctx: Ctx, q: TMarketQuery) {
  // Checked on every look, not only when computing: a snapshot saves the computing, never the check.
  await mayReadMarket(ctx);
  return snapshotted(ctx, 'market', q, () => computeMarketAnalysis(ctx, q));
}

/** The market figures computed now, for the caller's data scope. */
export async function computeMarketAnalysis(ctx: Ctx, q: TMarketQuery): Promise<TMarketAnalysis> {
  const prev = previousWindow({ from: q.from, to: q.to });
  const tiers = await orgTiers(ctx.db, ctx.actor.orgId);
  const parts = await marketParts(ctx.db, ctx.actor, { prevFrom: prev.from, from: q.from, to: q.to, timeZone: await orgTimeZone(ctx) }, q);
  const { data, total } = marketRows(
    parts,
    tiers.map((t) => t.tierId),
  );
  return { by: q.by, window: { from: q.from, to: q.to }, previousWindow: prev, tiers, data, total };
}
