import type { TManagerDashboard, TRepDashboard } from '@tierline/contracts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { orgTimeZone } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { listLevelEvaluations } from '../levels/levelEvaluation.usecases.ts';
import { orgToday } from '../levels/levelHistory.repository.ts';
import { type Period, periodContaining } from '../performance/periods.rules.ts';
import { leaderboard, scorecardsOfReps } from '../performance/scorecards.usecases.ts';
import { snapshotted } from './dashboardSnapshots.usecases.ts';
import * as repo from './dashboards.repository.ts';
import { growth } from './marketAnalytics.rules.ts';

/**
 * The role dashboards' summaries (issue 9 item 1): each one call composing set-based reads and the performance and
 * level modules' use cases, within the caller's data scope; nothing is queried per rep.
 */

/** The current quarter (the organisation's calendar) and the one before. */
export async function quarters(ctx: Ctx): Promise<{ current: Period; previous: Period }> {
  const today = await orgToday(ctx.db, ctx.actor.orgId, ctx.clock.now());
  const current = periodContaining(today, 'quarter');
  const dayBefore = new Date(Date.parse(`${current.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { current, previous: periodContaining(dayBefore, 'quarter') };
}
const ref = (p: Period) => ({ period: p.key, from: p.from, to: p.to });

/**
 * Whose dashboard: the caller's, or with `repId` a rep the caller may see — the manager of the rep's team, a
 * director, an admin or a viewer. Anyone else (another rep, the manager of another team, another organisation) is
 * 404, as if the rep did not exist.
 */
async function dashboardSubject(ctx: Ctx, repId: string | undefined) {
  const { actor } = ctx;
  const id = repId ?? actor.userId;
  const person = await repo.personOf(ctx.db, actor.orgId, id);
  if (!person) throw notFound('Rep');
  if (id === actor.userId) return person;
  if (actor.role === 'rep') throw notFound('Rep');
  if (actor.role === 'manager' && !(person.teamId && actor.managedTeamIds.includes(person.teamId))) throw notFound('Rep');
  return person;
}

export async function repDashboard(ctx: Ctx, q: { repId?: string }): Promise<TRepDashboard> {
  const rep = await dashboardSubject(ctx, q.repId);
  const { current } = await quarters(ctx);
  // The figures are independent reads: on PostgreSQL they run side by side on the pool (one connection each).
  const [pipeline, tasks, [card]] = await Promise.all([
    repo.openByStage(ctx.db, ctx.actor, { ownerId: rep.id }),
    repo.taskCounts(ctx.db, ctx.actor, rep.id, ctx.clock.now()),
    scorecardsOfReps(ctx, current.key, [rep.id]),
  ]);
  return {
    rep,
    pipeline,
    tasks,
    targets: {
      ...ref(current),
      kpis: (card?.kpis ?? []).map(({ kpi, actual, target, targetSource, attainment }) => ({
        kpi,
        actual,
        target,
        targetSource,
        attainment,
      })),
      total: card?.total ?? null,
      grade: card?.grade ?? null,
    },
  };
}

/**
 * Which teams: a manager's managed teams (all of them, or the one named — another is 404); a director, an admin or
 * a viewer names the team (400 without; 404 for a team not in the organisation).
 */
async function dashboardTeams(ctx: Ctx, teamId: string | undefined) {
  const { actor } = ctx;
  if (actor.role === 'manager') {
    if (teamId && !actor.managedTeamIds.includes(teamId)) throw notFound('Team');
    return repo.teamsByIds(ctx.db, actor.orgId, teamId ? [teamId] : actor.managedTeamIds);
  }
  if (!teamId) throw badRequest('team_required', 'Name the team', [{ path: 'teamId', message: 'required' }]);
  const found = await repo.teamsByIds(ctx.db, actor.orgId, [teamId]);
  if (!found.length) throw notFound('Team');
  return found;
}

/**
 * The manager's dashboard, from the viewer's snapshot of the quarter (decision 0035). The team is checked on every
 * look; the snapshot is the viewer's own and keyed by their teams, so a manager who loses a team stops reading it.
 */
export async function managerDashboard(ctx: Ctx, q: { teamId?: string; refresh?: boolean }) {
  await dashboardTeams(ctx, q.teamId);
  const { current } = await quarters(ctx);
  return snapshotted(ctx, 'dashboard/manager', { ...q, quarter: current.key }, () => computeManagerDashboard(ctx, q));
}

/** The manager's figures computed now: their teams', or the one team named. */
export async function computeManagerDashboard(ctx: Ctx, q: { teamId?: string }): Promise<TManagerDashboard> {
  const teams = await dashboardTeams(ctx, q.teamId);
  const teamIds = teams.map((t) => t.id);
  const now = ctx.clock.now();
  const { current, previous } = await quarters(ctx);
  const reps = await repo.repsOfTeams(ctx.db, ctx.actor.orgId, teamIds);
  const repIds = reps.map((r) => r.id);
  // Independent reads, side by side on the pool. A manager without a named team: the level evaluations of all their
  // managed teams (the evaluation's own scope); otherwise that team's.
  const [funnel, cards, overdue, poolWarnings, evaluations] = await Promise.all([
    repo.openByStage(ctx.db, ctx.actor, { teamIds }),
    repIds.length ? scorecardsOfReps(ctx, current.key, repIds) : [],
    repo.overdueByAssignee(ctx.db, ctx.actor, repIds, now),
    repo.poolWarnings(ctx.db, ctx.actor, repIds, now),
    teamIds.length ? listLevelEvaluations(ctx, { period: previous.key, teamId: q.teamId }) : [],
  ]);
  const count = (r: string) => evaluations.filter((e) => e.recommendation === r).length;
  return {
    teams,
    funnel,
    attainment: {
      ...ref(current),
      reps: cards.map((c) => ({
        repId: c.subject.id,
        name: c.subject.name,
        teamId: c.subject.teamId,
        levelId: c.subject.levelId,
        total: c.total,
        grade: c.grade,
        kpis: c.kpis.map(({ kpi, actual, target, attainment }) => ({ kpi, actual, target, attainment })),
      })),
    },
    overdueFollowUps: reps.map((r) => ({ repId: r.id, name: r.name, ...(overdue.get(r.id) ?? { overdue: 0, oldestDueAt: null }) })),
    poolWarnings,
    levelRecommendations: {
      ...ref(previous),
      promote: count('promote'),
      hold: count('hold'),
      demote: count('demote'),
      reps: evaluations.map((e) => ({
        repId: e.repId,
        name: e.name,
        levelId: e.levelId,
        recommendation: e.recommendation,
        toLevelId: e.toLevelId,
        decided: e.decision?.decision ?? null,
      })),
    },
  };
}

const slice = (v: { current: string; previous: string }) => ({ ...v, growth: growth(v.current, v.previous) });

/** The director's dashboard, from the organisation's snapshot of the quarter (decision 0034). */
export async function directorDashboard(ctx: Ctx, q: { refresh?: boolean } = {}) {
  const quarter = await quarters(ctx);
  return snapshotted(ctx, 'dashboard/director', { ...q, quarter: quarter.current.key }, () => directorFigures(ctx, quarter));
}

/** The director's figures computed now: org-wide, the same for every director, admin and viewer. */
export async function directorFigures(ctx: Ctx, { current, previous }: { current: Period; previous: Period }) {
  const w = { prevFrom: previous.from, from: current.from, to: current.to, timeZone: await orgTimeZone(ctx) };
  // Independent reads, side by side on the pool.
  const [byTier, byProcess, openPipeline, top] = await Promise.all([
    repo.revenueByTier(ctx.db, ctx.actor, w),
    repo.revenueByProcessType(ctx.db, ctx.actor, w),
    repo.openPipelineTotal(ctx.db, ctx.actor),
    leaderboard(ctx, { period: current.key, metric: 'total', limit: 10 }),
  ]);
  return {
    quarter: ref(current),
    previousQuarter: ref(previous),
    revenueByTier: byTier.map(({ won, orders, ...t }) => ({ ...t, wonDealAmount: slice(won), orderAmount: slice(orders) })),
    revenueByProcessType: byProcess.map(({ processType, ...v }) => ({ processType, wonDealAmount: slice(v) })),
    openPipeline,
    leaderboard: top,
  };
}
