import type {
  TCalibratedForecast,
  TCalibratedForecastQuery,
  TCalibratedForecastRep,
  TForecastPipeline,
  TForecastPipelineCategory,
  TForecastPipelineCell,
  TForecastPipelineMonth,
  TForecastPipelineQuery,
} from '@tierline/contracts';
import { dataScopeOf } from '../../platform/access.ts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';
import { notFound } from '../../platform/errors.ts';
import { orgTimeZone } from '../../platform/exports/export.lookups.ts';
import { localDate } from '../../platform/exports/export.rules.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { parsePeriod } from '../performance/periods.rules.ts';
import { snapshotted } from './dashboardSnapshots.usecases.ts';
import * as repo from './forecast.repository.ts';
import {
  calibrate,
  FORECAST_CATEGORY_ORDER,
  historyBound,
  monthsOfWindow,
  pastForecast,
  periodKeyPattern,
  pipelineGrid,
  sumMoney,
} from './forecast.rules.ts';

/**
 * Forecast analytics (issue 9 item 3). The weighted pipeline counts the deals the caller may see (visibleDeals);
 * the calibrated forecast is about the reps the caller may see (a rep themselves, a manager their teams' reps, the
 * rest the organisation's), each rep's figures counted as the forecastAccuracy KPI counts them (their own deals).
 */

const money = (v: string) => fromUnits(toUnits(v));

export async function computeForecastPipeline(ctx: Ctx, q: TForecastPipelineQuery): Promise<TForecastPipeline> {
  const timeZone = await orgTimeZone(ctx);
  const rows = await repo.pipelineFigures(ctx.db, ctx.actor, { ...q, timeZone });
  const open = rows.filter((r) => r.part === 'open');
  const won = rows.filter((r) => r.part === 'won');
  const figures = (r: repo.PipelineRow | undefined) =>
    r
      ? { count: r.count, amount: money(r.amount), weightedAmount: money(r.weighted ?? '0') }
      : { count: 0, amount: '0.00', weightedAmount: '0.00' };
  const wonOf = (r: repo.PipelineRow | undefined) => ({ wonCount: r?.count ?? 0, wonAmount: money(r?.amount ?? '0') });

  const months = monthsOfWindow(q.from, q.to);
  const cells = pipelineGrid(
    months,
    open
      .filter((r) => r.month !== null && r.category !== null)
      .map((r) => ({ month: r.month, category: r.category, ...figures(r) }) as TForecastPipelineCell),
  );
  const monthRows: TForecastPipelineMonth[] = months.map((month) => ({
    month,
    ...figures(open.find((r) => r.month === month && r.category === null)),
    ...wonOf(won.find((r) => r.month === month)),
  }));
  const categories: TForecastPipelineCategory[] = FORECAST_CATEGORY_ORDER.map((category) => ({
    category,
    ...figures(open.find((r) => r.month === null && r.category === category)),
  }));
  return {
    from: q.from,
    to: q.to,
    asOf: ctx.clock.now().toISOString(),
    cells,
    months: monthRows,
    categories,
    total: { ...figures(open.find((r) => r.month === null && r.category === null)), ...wonOf(won.find((r) => r.month === null)) },
  };
}

/**
 * The reps the caller may see: a rep themselves; a manager the reps of the teams they manage or belong to;
 * directors, admins and viewers the organisation's. A named rep or team outside that is 404, as if it did not exist.
 */
async function repsInScope(ctx: Ctx, q: { teamId?: string; repId?: string }) {
  const { orgId } = ctx.actor;
  const scope = dataScopeOf(ctx.actor);
  if (q.teamId) {
    const visible = scope.kind === 'org' || (scope.kind === 'team' ? scope.teamIds.includes(q.teamId) : ctx.actor.teamId === q.teamId);
    if (!visible || !(await repo.teamExists(ctx.db, orgId, q.teamId))) throw notFound('Team');
  }
  const filter: Parameters<typeof repo.activeReps>[2] = { teamId: q.teamId, repId: q.repId };
  if (scope.kind === 'own') {
    if (q.repId && q.repId !== scope.userId) throw notFound('Rep');
    filter.repId = scope.userId;
  } else if (scope.kind === 'team') filter.teamIds = scope.teamIds;
  const reps = await repo.activeReps(ctx.db, orgId, filter);
  if (q.repId && reps.length === 0) throw notFound('Rep');
  return reps;
}

export async function computeCalibratedForecast(ctx: Ctx, q: TCalibratedForecastQuery): Promise<TCalibratedForecast> {
  const period = parsePeriod(q.period);
  const reps = await repsInScope(ctx, q);
  const timeZone = await orgTimeZone(ctx);
  const today = localDate(ctx.clock.now(), timeZone);
  const repIds = reps.map((r) => r.id);
  const commits = await repo.commitsOf(ctx.db, ctx.actor.orgId, {
    repIds,
    period: period.key,
    pattern: periodKeyPattern(period.key),
    bound: historyBound(period.key, today),
    history: q.history,
  });
  const periodKeys = [...new Set([period.key, ...commits.past.map((c) => c.period)])];
  const won = await repo.wonByRepAndPeriod(ctx.db, ctx.actor.orgId, {
    repIds,
    periods: periodKeys.map((key) => parsePeriod(key)),
    timeZone,
  });
  const wonOf = (repId: string, key: string) => money(won.get(`${repId}|${key}`) ?? '0');

  const rows: TCalibratedForecastRep[] = reps.map((rep) => {
    const committed = commits.current.find((c) => c.repId === rep.id)?.amount ?? null;
    const history = commits.past
      .filter((c) => c.repId === rep.id)
      .sort((a, b) => (a.period < b.period ? 1 : -1))
      .map((c) => pastForecast(c.period, c.amount, wonOf(rep.id, c.period)));
    const wonSoFar = wonOf(rep.id, period.key);
    const c = calibrate({ committed, wonSoFar, history });
    return {
      repId: rep.id,
      repName: rep.name,
      teamId: rep.teamId,
      teamName: rep.teamName,
      committed: committed === null ? null : money(committed),
      wonSoFar,
      accuracy: c.accuracy,
      history,
      calibrated: c.calibrated,
      explanation: c.explanation,
    };
  });

  const totalsOf = (members: TCalibratedForecastRep[]) => ({
    reps: members.length,
    repsCommitted: members.filter((m) => m.committed !== null).length,
    committed: sumMoney(members.map((m) => m.committed ?? '0')),
    wonSoFar: sumMoney(members.map((m) => m.wonSoFar)),
    calibrated: sumMoney(members.map((m) => m.calibrated)),
  });
  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  const teams = teamIds
    .map((teamId) => {
      const members = rows.filter((r) => r.teamId === teamId);
      return { teamId, teamName: members[0]?.teamName ?? null, ...totalsOf(members) };
    })
    .sort((a, b) => (a.teamName ?? '\uffff').localeCompare(b.teamName ?? '\uffff'));
  return { period: period.key, from: period.from, to: period.to, history: q.history, reps: rows, teams, total: totalsOf(rows) };
}

/** Each figure as served: from its snapshot (decision 0035), computed by the function above when needed. */
export const forecastPipeline = (ctx: Ctx, q: TForecastPipelineQuery) =>
  snapshotted(ctx, 'forecast/pipeline', q, () => computeForecastPipeline(ctx, q));
export const calibratedForecast = (ctx: Ctx, q: TCalibratedForecastQuery) =>
  snapshotted(ctx, 'forecast/calibrated', q, () => computeCalibratedForecast(ctx, q));
