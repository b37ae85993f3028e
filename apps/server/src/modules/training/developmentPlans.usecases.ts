import type { TDevelopmentPlan, TDevelopmentPlanDetail, TKpi, TPlanGoalWrite } from '@tierline/contracts';
import type { Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { type FieldError, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { evaluationOfRep } from '../levels/levelEvaluation.usecases.ts';
import { orgToday } from '../levels/levelHistory.repository.ts';
import { scorecardsOfReps } from '../performance/scorecards.usecases.ts';
import { coursesByIds, ladderOf } from './curricula.repository.ts';
import * as repo from './developmentPlans.repository.ts';
import { currentQuarter, defaultGapPeriod, evaluateGoals, kpiPeriodsOf, levelGap, type StoredGoal } from './developmentPlans.rules.ts';
import { courseHoldings } from './holdings.repository.ts';

/**
 * Development plans (decision 0029): a target level and goals for a rep, judged live on the organisation's today,
 * and the level gap in the level evaluation's own terms. Reps read their own, managers their teams' reps', directors,
 * admins and viewers the organisation's; the manager of the rep's team, directors and admins write.
 */

type PlanWrite = {
  targetLevelId: string;
  title: string;
  dueOn: string | null;
  goals: TPlanGoalWrite[];
  notes: string;
};

/** Whose plans the actor reaches; anything else is 404. The route keeps reps and viewers from writing. */
function scopeOf(actor: Actor): repo.PlanScope {
  if (actor.role === 'rep') return { repId: actor.userId };
  if (actor.role === 'manager') return { teamIds: actor.managedTeamIds };
  return {};
}

/** The plan as stored, for the audit (goals with their ids, no live figures). */
const storedView = (p: repo.PlanRow) => ({
  id: p.id,
  repId: p.repId,
  targetLevelId: p.targetLevelId,
  title: p.title,
  dueOn: p.dueOn,
  status: p.status,
  notes: p.notes,
  goals: p.goals,
  version: p.version,
});

/**
 * Plans with every goal judged, set-based for all their reps: the courses held today, the manager's skill levels,
 * and one scorecard computation per period the KPI goals read (the last closed one of each kind asked).
 */
async function judgePlans(ctx: Ctx, plans: repo.PlanWithRep[]): Promise<TDevelopmentPlan[]> {
  const { orgId } = ctx.actor;
  const today = await orgToday(ctx.db, orgId, ctx.clock.now());
  const repIds = [...new Set(plans.map((p) => p.repId))];
  const holdings = await courseHoldings(ctx.db, orgId, repIds, today);
  const managerLevels = await repo.managerLevelsOf(ctx.db, orgId, repIds);
  const actuals = new Map<string, Map<string, Partial<Record<TKpi, string | null>>>>(repIds.map((id) => [id, new Map()]));
  for (const period of kpiPeriodsOf(
    plans.flatMap((p) => p.goals),
    today,
  )) {
    const asking = [...new Set(plans.filter((p) => kpiPeriodsOf(p.goals, today).includes(period)).map((p) => p.repId))];
    for (const card of await scorecardsOfReps(ctx, period, asking))
      actuals.get(card.subject.id)?.set(period, Object.fromEntries(card.kpis.map((k) => [k.kpi, k.actual])));
  }
  return plans.map((p) => {
    const judged = evaluateGoals(p.goals, {
      today,
      kpiActuals: actuals.get(p.repId) ?? new Map(),
      holdings: holdings.get(p.repId) ?? new Map(),
      managerLevels: managerLevels.get(p.repId) ?? new Map(),
    });
    return {
      id: p.id,
      repId: p.repId,
      repName: p.repName,
      teamId: p.teamId,
      targetLevelId: p.targetLevelId,
      title: p.title,
      dueOn: p.dueOn,
      status: p.status,
      notes: p.notes,
      goals: judged.goals,
      goalsMet: judged.goalsMet,
      createdBy: p.createdBy,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
    };
  });
}

/** `GET /development-plans`: the plans in scope, newest first, filtered; keyset pages. */
export async function listDevelopmentPlans(
  ctx: Ctx,
  q: { limit: number; cursor?: string; repId?: string; teamId?: string; status?: repo.PlanRow['status'] },
) {
  const after = decodeCursor(q.cursor, 1)?.[0];
  const rows = await repo.listPlans(ctx.db, ctx.actor.orgId, scopeOf(ctx.actor), q, {
    limit: q.limit,
    after: typeof after === 'string' ? after : undefined,
  });
  const page = toPage(rows, q.limit, (p) => [p.id]);
  return { data: await judgePlans(ctx, page.data), nextCursor: page.nextCursor };
}

/**
 * `GET /development-plans/{id}`: the plan with its level gap — the rep evaluated by the level evaluation for
 * `period` (default the last closed quarter, or the current one when the rep's level has changed since), the step
 * toward the target and what of it is still missing.
 */
export async function getDevelopmentPlan(ctx: Ctx, id: string, q: { period?: string }): Promise<TDevelopmentPlanDetail> {
  const { orgId } = ctx.actor;
  const plan = await repo.findPlan(ctx.db, orgId, scopeOf(ctx.actor), id);
  if (!plan) throw notFound('Development plan');
  const [view] = await judgePlans(ctx, [plan]);
  const today = await orgToday(ctx.db, orgId, ctx.clock.now());
  let period = q.period ?? defaultGapPeriod(today);
  let evaluation = await evaluationOfRep(ctx, period, plan.repId);
  if (!q.period && evaluation.levelId !== plan.repLevelId) {
    period = currentQuarter(today);
    evaluation = await evaluationOfRep(ctx, period, plan.repId);
  }
  const rankOf = new Map((await ladderOf(ctx.db, orgId)).map((l) => [l.id, l.rank]));
  const gap = levelGap({ period, targetLevelId: plan.targetLevelId, currentLevelId: plan.repLevelId, evaluation, rankOf });
  return { ...view, levelGap: gap };
}

/** The target level, courses and skills a plan names must be the organisation's (422, each named). */
async function planProblems(ctx: Ctx, input: PlanWrite): Promise<FieldError[]> {
  const { orgId } = ctx.actor;
  const problems: FieldError[] = [];
  if (!(await ladderOf(ctx.db, orgId)).some((l) => l.id === input.targetLevelId))
    problems.push({ path: 'targetLevelId', message: 'no such level' });
  const courseIds = input.goals.flatMap((g) => (g.kind === 'course' ? [g.courseId] : []));
  const skillIds = input.goals.flatMap((g) => (g.kind === 'skill' ? [g.skillId] : []));
  const catalogue = await coursesByIds(ctx.db, orgId, courseIds);
  const skills = await repo.skillIdsOf(ctx.db, orgId, skillIds);
  input.goals.forEach((g, i) => {
    if (g.kind === 'course' && !catalogue.has(g.courseId)) problems.push({ path: `goals.${i}.courseId`, message: 'no such course' });
    if (g.kind === 'skill' && !skills.has(g.skillId)) problems.push({ path: `goals.${i}.skillId`, message: 'no such skill' });
  });
  return problems;
}

async function checkPlan(ctx: Ctx, input: PlanWrite) {
  const problems = await planProblems(ctx, input);
  if (problems.length) throw unprocessable('invalid_plan', problems.map((e) => `${e.path}: ${e.message}`).join('; '), problems);
}

/** Goals get a fresh server id on every write: an edit replaces the goals whole. */
const withIds = (goals: TPlanGoalWrite[]): StoredGoal[] => goals.map((g) => ({ ...g, id: newId() }));

/**
 * `POST /development-plans`: the manager of the rep's team, a director or an admin makes a plan for an active rep.
 * A rep outside the caller's teams or organisation is 404; someone who is not an active rep is 422.
 */
export async function createDevelopmentPlan(ctx: Ctx, input: PlanWrite & { repId: string }): Promise<TDevelopmentPlan> {
  const { orgId } = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const person = await repo.personOf(tx.db, orgId, input.repId);
    const scope = scopeOf(ctx.actor);
    if (!person || (scope.teamIds && !(person.teamId && scope.teamIds.includes(person.teamId)))) throw notFound('Rep');
    if (person.role !== 'rep' || !person.active)
      throw unprocessable('not_a_rep', 'Development plans are for active reps', [{ path: 'repId', message: 'not an active rep' }]);
    await checkPlan(tx, input);
    const now = ctx.clock.now();
    const row = await repo.insertPlan(tx.db, {
      orgId,
      id: newId(),
      repId: person.id,
      targetLevelId: input.targetLevelId,
      title: input.title,
      dueOn: input.dueOn,
      status: 'active',
      goals: withIds(input.goals),
      notes: input.notes,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'development_plan', entityId: row.id, before: null, after: storedView(row) });
    const [view] = await judgePlans(tx, [{ ...row, repName: person.name, teamId: person.teamId, repLevelId: person.levelId }]);
    return view;
  });
}

/** `PUT /development-plans/{id}`: replaces the plan (status included, goals whole) at the version it was read at. */
export async function updateDevelopmentPlan(
  ctx: Ctx,
  id: string,
  input: PlanWrite & { status: repo.PlanRow['status'] },
  version: number,
): Promise<TDevelopmentPlan> {
  const { orgId } = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const plan = await repo.findPlan(tx.db, orgId, scopeOf(ctx.actor), id, true);
    if (!plan) throw notFound('Development plan');
    if (plan.version !== version) throw staleVersion('development_plan', plan.version);
    await checkPlan(tx, input);
    const row = await repo.updatePlan(tx.db, orgId, id, version, {
      targetLevelId: input.targetLevelId,
      title: input.title,
      dueOn: input.dueOn,
      status: input.status,
      goals: withIds(input.goals),
      notes: input.notes,
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw staleVersion('development_plan', plan.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'development_plan',
      entityId: id,
      before: storedView(plan),
      after: storedView(row),
    });
    const [view] = await judgePlans(tx, [{ ...row, repName: plan.repName, teamId: plan.teamId, repLevelId: plan.repLevelId }]);
    return view;
  });
}
