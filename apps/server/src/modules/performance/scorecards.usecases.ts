import { KPI_KEYS, type TLeaderboardRow, type TScorecard, type TScoringScheme } from '@tierline/contracts';
import { dataScopeOf } from '../../platform/access.ts';
import { compareDecimal } from '../../platform/decimal.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { levelsInForce } from '../levels/levelHistory.repository.ts';
import { type KpiSubjects, kpiAggregates } from './kpis.repository.ts';
import { EMPTY_AGGREGATES, kpiActuals } from './kpis.rules.ts';
import { type Period, parsePeriod } from './periods.rules.ts';
import { DEFAULT_SCORING_SCHEME, type KpiLineInput, scoreCard } from './scorecard.rules.ts';
import {
  activeReps,
  countedManagerReviews,
  cycleOfPeriod,
  findTeam,
  levelExistsInOrg,
  orgTimeZone,
  type PersonRow,
  usersByIds,
} from './scorecards.repository.ts';
import { resolveRepTargets, resolveTeamTargets, type TargetsByKpi } from './targets.resolve.ts';

/**
 * Scorecards (decision 0026): KPI actuals computed in SQL for every subject at once, targets resolved, scored by
 * the pure rules of the period's appraisal cycle (or the built-in scheme). The two exported computations take no
 * scope decision — the scoped use cases below, and level evaluation and commissions, decide who may see what.
 */

function periodOf(key: string): Period {
  try {
    return parsePeriod(key);
  } catch {
    throw badRequest('invalid_period', `${key} is not a period`, [
      { path: 'period', message: 'a period such as 2026-07, 2026-Q3 or 2026' },
    ]);
  }
}

/** The period's last day: the level in force then decides the scheme and the default targets. */
const lastDayOf = (p: Period) => new Date(Date.parse(`${p.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function periodSetting(ctx: Ctx, key: string) {
  const period = periodOf(key);
  const timeZone = await orgTimeZone(ctx.db, ctx.actor.orgId);
  const cycle = await cycleOfPeriod(ctx.db, ctx.actor.orgId, key);
  const scheme: TScoringScheme = cycle ?? DEFAULT_SCORING_SCHEME;
  const window = { from: period.from, to: period.to, key, timeZone, now: ctx.clock.now() };
  return { period, cycleId: cycle?.id ?? null, scheme, window };
}

function kpiLines(actuals: ReturnType<typeof kpiActuals>, targets: TargetsByKpi): KpiLineInput[] {
  return KPI_KEYS.map((kpi) => {
    const target = targets.get(kpi);
    return { kpi, actual: actuals[kpi], target: target?.value ?? null, targetSource: target?.source ?? 'none' };
  });
}

/** Scorecards of these reps for a period, in the order given (unknown ids left out). No scope check. */
export async function scorecardsOfReps(ctx: Ctx, period: string, repIds: string[]): Promise<TScorecard[]> {
  const { orgId } = ctx.actor;
  const s = await periodSetting(ctx, period);
  const ids = [...new Set(repIds)];
  const people = new Map((await usersByIds(ctx.db, orgId, ids)).map((p) => [p.id, p]));
  const found = ids.filter((id) => people.has(id));
  if (found.length === 0) return [];
  const levelAt = await levelsInForce(ctx.db, orgId, found, lastDayOf(s.period));
  const subjects: KpiSubjects = { by: 'owner', ids: found };
  const aggregates = await kpiAggregates(ctx.db, orgId, s.window, subjects);
  const reps = found.map((id) => ({ id, levelId: levelAt.get(id) ?? null }));
  const targets = await resolveRepTargets(ctx.db, orgId, s.period, reps);
  const reviews = s.cycleId ? await countedManagerReviews(ctx.db, orgId, s.cycleId, found) : new Map();
  return reps.map(({ id, levelId }) => {
    const p = people.get(id) as PersonRow;
    const lines = kpiLines(kpiActuals(aggregates.get(id) ?? EMPTY_AGGREGATES), targets.get(id) ?? new Map());
    return {
      subject: { kind: 'rep', id, name: p.name, teamId: p.teamId, levelId },
      period: s.period.key,
      from: s.period.from,
      to: s.period.to,
      cycleId: s.cycleId,
      ...scoreCard({ scheme: s.scheme, levelId, lines, review: reviews.get(id) ?? null, kind: 'rep' }),
    };
  });
}

/**
 * A team's scorecard: the records stamped with the team, its own targets or its current reps' (summed or
 * averaged), scored on KPIs only with the cycle's fallback scheme. No scope check; an unknown team is 404.
 */
export async function teamScorecard(ctx: Ctx, period: string, teamId: string): Promise<TScorecard> {
  const { orgId } = ctx.actor;
  const s = await periodSetting(ctx, period);
  const team = await findTeam(ctx.db, orgId, teamId);
  if (!team) throw notFound('Team');
  const members = await activeReps(ctx.db, orgId, { teamIds: [teamId] });
  const levelAt = await levelsInForce(
    ctx.db,
    orgId,
    members.map((m) => m.id),
    lastDayOf(s.period),
  );
  const memberLevels = members.map((m) => ({ id: m.id, levelId: levelAt.get(m.id) ?? null }));
  const targets = await resolveTeamTargets(ctx.db, orgId, s.period, teamId, memberLevels);
  const aggregates = await kpiAggregates(ctx.db, orgId, s.window, { by: 'team', ids: [teamId] });
  const lines = kpiLines(kpiActuals(aggregates.get(teamId) ?? EMPTY_AGGREGATES), targets);
  return {
    subject: { kind: 'team', id: teamId, name: team.name, teamId, levelId: null },
    period: s.period.key,
    from: s.period.from,
    to: s.period.to,
    cycleId: s.cycleId,
    ...scoreCard({ scheme: s.scheme, levelId: null, lines, review: null, kind: 'team' }),
  };
}

// ——— Scoped: what the routes serve ———

/** rep: themselves; manager: themselves and the reps of the teams they manage (or belong to); the rest: the org. */
function repInScope(ctx: Ctx, rep: PersonRow) {
  const scope = dataScopeOf(ctx.actor);
  if (scope.kind === 'org') return true;
  if (rep.id === scope.userId) return true;
  return scope.kind === 'team' && rep.teamId !== null && scope.teamIds.includes(rep.teamId);
}

function teamInScope(ctx: Ctx, teamId: string) {
  const scope = dataScopeOf(ctx.actor);
  return scope.kind === 'org' || (scope.kind === 'team' && scope.teamIds.includes(teamId));
}

/**
 * `GET /scorecards`: with repId, that rep's card; with teamId, the team's card then its reps'; with neither,
 * every rep in the caller's scope (a rep: their own). Out of scope — another rep, another team, another
 * organisation — is 404, as if it did not exist.
 */
export async function scorecardsInScope(ctx: Ctx, q: { period: string; repId?: string; teamId?: string }): Promise<TScorecard[]> {
  const { orgId } = ctx.actor;
  periodOf(q.period);
  if (q.repId) {
    const [rep] = await usersByIds(ctx.db, orgId, [q.repId]);
    if (!rep || !repInScope(ctx, rep) || (q.teamId && rep.teamId !== q.teamId)) throw notFound('Rep');
    return scorecardsOfReps(ctx, q.period, [rep.id]);
  }
  if (q.teamId) {
    if (!teamInScope(ctx, q.teamId) || !(await findTeam(ctx.db, orgId, q.teamId))) throw notFound('Team');
    const team = await teamScorecard(ctx, q.period, q.teamId);
    const members = await activeReps(ctx.db, orgId, { teamIds: [q.teamId] });
    return [
      team,
      ...(await scorecardsOfReps(
        ctx,
        q.period,
        members.map((m) => m.id),
      )),
    ];
  }
  const scope = dataScopeOf(ctx.actor);
  const reps =
    scope.kind === 'org'
      ? await activeReps(ctx.db, orgId)
      : scope.kind === 'team'
        ? await activeReps(ctx.db, orgId, { teamIds: scope.teamIds })
        : await activeReps(ctx.db, orgId, { userId: scope.userId });
  return scorecardsOfReps(
    ctx,
    q.period,
    reps.map((r) => r.id),
  );
}

/**
 * Leaderboards are visible to everyone signed in to the organisation (names and values, decision 0026): the
 * active reps of the org, of a team (current members) or of a level (in force at the period's end), ranked by
 * the metric, highest first, reps without a value last; equal values share a rank (1, 2, 2, 4).
 */
export async function leaderboard(
  ctx: Ctx,
  q: { period: string; metric: 'total' | TScorecard['kpis'][number]['kpi']; teamId?: string; levelId?: string; limit: number },
): Promise<TLeaderboardRow[]> {
  const { orgId } = ctx.actor;
  const period = periodOf(q.period);
  if (q.teamId && !(await findTeam(ctx.db, orgId, q.teamId))) throw notFound('Team');
  if (q.levelId && !(await levelExistsInOrg(ctx.db, orgId, q.levelId))) throw notFound('Level');
  let reps = await activeReps(ctx.db, orgId, q.teamId ? { teamIds: [q.teamId] } : {});
  if (q.levelId) {
    const levelAt = await levelsInForce(
      ctx.db,
      orgId,
      reps.map((r) => r.id),
      lastDayOf(period),
    );
    reps = reps.filter((r) => levelAt.get(r.id) === q.levelId);
  }
  const cards = await scorecardsOfReps(
    ctx,
    q.period,
    reps.map((r) => r.id),
  );
  const rows = cards.map((c) => ({
    repId: c.subject.id,
    name: c.subject.name,
    teamId: c.subject.teamId,
    levelId: c.subject.levelId,
    value: q.metric === 'total' ? c.total.toFixed(1) : (c.kpis.find((k) => k.kpi === q.metric)?.actual ?? null),
    grade: c.grade,
  }));
  const byValue = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareDecimal(b, a, 4));
  rows.sort((a, b) => byValue(a.value, b.value) || a.name.localeCompare(b.name) || a.repId.localeCompare(b.repId));
  let rank = 0;
  return rows.slice(0, q.limit).map((r, i) => {
    if (i === 0 || byValue(rows[i - 1]?.value ?? null, r.value) !== 0) rank = i + 1;
    return { rank, ...r };
  });
}
