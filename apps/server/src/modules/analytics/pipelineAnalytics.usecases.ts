import type {
  TCycleLength,
  TCycleLengthQuery,
  TFunnel,
  TFunnelQuery,
  TRevenue,
  TRevenueQuery,
  TWinLoss,
  TWinLossQuery,
} from '@tierline/contracts';
import { notFound } from '../../platform/errors.ts';
import { orgTimeZone } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { snapshotted } from './dashboardSnapshots.usecases.ts';
import * as repo from './pipelineAnalytics.repository.ts';
import { cycleFigures, funnelFigures, revenueFigures, winLossFigures } from './pipelineAnalytics.rules.ts';
import { previousWindow, type Window } from './window.rules.ts';

/**
 * Pipeline analytics (issue 9 item 2): each figure within the caller's data scope (the repository adds
 * `visibleDeals`), the filters narrowing within it, and with `compare=previous` the same figure for the window before.
 */
const filtersOf = (q: TFunnelQuery | TCycleLengthQuery | TWinLossQuery | TRevenueQuery): repo.DealFilters => ({
  teamId: q.teamId,
  repId: q.repId,
  region: q.region,
  levelId: q.levelId,
  tierId: q.tierId,
  pipelineId: q.pipelineId,
});

/** The figure for the window (and the previous one), each window carrying the org's zone for the SQL. */
async function withPrevious<T>(
  ctx: Ctx,
  q: { from: string; to: string; compare?: 'previous' },
  figure: (w: repo.ZonedWindow) => Promise<T>,
) {
  const timeZone = await orgTimeZone(ctx);
  const current = await figure({ from: q.from, to: q.to, timeZone });
  return q.compare === 'previous' ? { ...current, previous: await figure({ ...previousWindow(q), timeZone }) } : current;
}
const plain = (w: repo.ZonedWindow): Window => ({ from: w.from, to: w.to });

export async function computeFunnel(ctx: Ctx, q: TFunnelQuery): Promise<TFunnel> {
  const p = await repo.pipelineOf(ctx.db, ctx.actor.orgId, q.pipelineId);
  if (!p) throw notFound('pipeline');
  const f = filtersOf(q);
  const figures = await withPrevious(ctx, q, async (w) =>
    funnelFigures(await repo.funnelRows(ctx.db, ctx.actor, q.pipelineId, f, w), plain(w)),
  );
  return {
    pipeline: {
      id: String(p.id),
      processType: p.process_type as TFunnel['pipeline']['processType'],
      nameZh: String(p.name_zh),
      nameEn: String(p.name_en),
    },
    ...figures,
  };
}

export async function computeCycleLength(ctx: Ctx, q: TCycleLengthQuery): Promise<TCycleLength> {
  const f = filtersOf(q);
  return withPrevious(ctx, q, async (w) => cycleFigures(await repo.cycleRows(ctx.db, ctx.actor, f, w), plain(w)));
}

export async function computeWinLoss(ctx: Ctx, q: TWinLossQuery): Promise<TWinLoss> {
  const f = filtersOf(q);
  const figures = await withPrevious(ctx, q, async (w) =>
    winLossFigures(await repo.closedByGroup(ctx.db, ctx.actor, q.by, f, w, false), plain(w), q.by === 'lossReason'),
  );
  return { by: q.by, ...figures };
}

export async function computeRevenue(ctx: Ctx, q: TRevenueQuery): Promise<TRevenue> {
  const f = filtersOf(q);
  const figures = await withPrevious(ctx, q, async (w) =>
    revenueFigures(await repo.closedByGroup(ctx.db, ctx.actor, q.by, f, w, true), plain(w), q.by === 'month'),
  );
  return { by: q.by, ...figures };
}

/** Each figure as served: from its snapshot (decision 0035), computed by the function above when needed. */
export const funnel = (ctx: Ctx, q: TFunnelQuery) => snapshotted(ctx, 'funnel', q, () => computeFunnel(ctx, q));
export const cycleLength = (ctx: Ctx, q: TCycleLengthQuery) => snapshotted(ctx, 'cycle-length', q, () => computeCycleLength(ctx, q));
export const winLoss = (ctx: Ctx, q: TWinLossQuery) => snapshotted(ctx, 'win-loss', q, () => computeWinLoss(ctx, q));
export const revenue = (ctx: Ctx, q: TRevenueQuery) => snapshotted(ctx, 'revenue', q, () => computeRevenue(ctx, q));
