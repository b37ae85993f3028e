import type { TGradeBand, TLevelDecision, TLevelEvaluation, ZLevelDecisionCreate } from '@tierline/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { badRequest, conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { monthsBetween, parsePeriod } from '../performance/periods.rules.ts';
import { DEFAULT_SCORING_SCHEME } from '../performance/scorecard.rules.ts';
import { scorecardsOfReps } from '../performance/scorecards.usecases.ts';
import { promotionCourses } from '../training/curricula.usecases.ts';
import { setUserLevel } from '../users/users.usecases.ts';
import { cycleBands } from './levelCriteria.repository.ts';
import { criteriaInForce } from './levelCriteria.usecases.ts';
import * as repo from './levelEvaluation.repository.ts';
import { type Evaluation, evaluateRep, lastDayOf, neededPeriods, type PeriodFigures } from './levelEvaluation.rules.ts';
import { latestEffectiveOn, levelSince, levelsInForce, orgToday } from './levelHistory.repository.ts';
import { listLevels } from './levels.repository.ts';

/**
 * Level evaluation (decision 0027): per rep, the steps from their level judged on their scorecards, and the
 * managers' decisions on them — accepted changes take effect on their date, at once or by the daily job.
 */

export const decisionView = ({ orgId: _, evidence: __, ...d }: repo.LevelDecisionRow): TLevelDecision => ({
  ...d,
  appliedAt: d.appliedAt?.toISOString() ?? null,
  decidedAt: d.decidedAt.toISOString(),
});

export type RepEvaluation = Evaluation & { levelId: string | null; levelSince: string | null; monthsAtLevel: number | null };

function checkPeriod(period: string) {
  try {
    return parsePeriod(period);
  } catch {
    throw badRequest('invalid_period', `${period} is not a period`, [
      { path: 'period', message: 'a period such as 2026-07, 2026-Q3 or 2026' },
    ]);
  }
}

/**
 * Evaluates reps for a period, set-based: their levels in force on its last day and since when, the criteria in
 * force, and one scorecard computation per period the steps read (for all reps at once). No scope check.
 */
async function evaluateReps(ctx: Ctx, period: string, repIds: string[]): Promise<Map<string, RepEvaluation>> {
  const { orgId } = ctx.actor;
  const { to } = checkPeriod(period);
  const lastDay = lastDayOf(period);
  const levelAt = await levelsInForce(ctx.db, orgId, repIds, lastDay);
  const since = await levelSince(ctx.db, orgId, repIds, lastDay);
  const ladder = await listLevels(ctx.db, orgId);
  const { steps: criteria } = await criteriaInForce(ctx.db, orgId);
  const rankOf = new Map(ladder.map((l) => [l.id, l.rank]));

  const levelled = repIds.filter((id) => levelAt.get(id));
  const held = new Set(levelled.map((id) => levelAt.get(id)));
  const periods = neededPeriods(
    criteria.filter((s) => held.has(s.fromLevelId)),
    period,
  );
  const bands = await cycleBands(ctx.db, orgId, periods);
  const figures = new Map<string, Map<string, PeriodFigures>>(repIds.map((id) => [id, new Map()]));
  for (const key of periods) {
    const gradeBands: TGradeBand[] = bands.get(key) ?? DEFAULT_SCORING_SCHEME.gradeBands;
    for (const card of levelled.length ? await scorecardsOfReps(ctx, key, levelled) : []) {
      const actuals = Object.fromEntries(card.kpis.map((k) => [k.kpi, k.actual]));
      figures.get(card.subject.id)?.set(key, { gradeBands, scorecard: { grade: card.grade, complete: card.complete, actuals } });
    }
  }

  const courses = await promotionCourses(
    ctx.db,
    ctx.actor.orgId,
    levelled,
    levelAt,
    await orgToday(ctx.db, ctx.actor.orgId, ctx.clock.now()),
  );

  const result = new Map<string, RepEvaluation>();
  for (const id of repIds) {
    const levelId = levelAt.get(id) ?? null;
    const from = since.get(id) ?? null;
    // Whole months from the level's start to the end of the evaluated period.
    const monthsAtLevel = from ? Math.max(0, monthsBetween(from, to)) : null;
    const evaluation = evaluateRep({
      period,
      levelId,
      criteria,
      rankOf,
      figures: figures.get(id) ?? new Map(),
      monthsAtLevel,
      courses: courses.get(id),
    });
    result.set(id, { ...evaluation, levelId, levelSince: from, monthsAtLevel });
  }
  return result;
}

/**
 * One rep's evaluation for a period, with no scope check (the caller checks): what a development plan's level gap
 * is judged on (decision 0029), so the plan and the evaluation board never disagree.
 */
export async function evaluationOfRep(ctx: Ctx, period: string, repId: string): Promise<RepEvaluation> {
  return (await evaluateReps(ctx, period, [repId])).get(repId) as RepEvaluation;
}

/**
 * Which reps the caller may see evaluated: a rep themselves; a manager the reps of the teams they manage; directors,
 * admins and viewers the organisation's. A named rep or team outside that is 404, as if it did not exist.
 */
async function repsInScope(ctx: Ctx, q: { teamId?: string; repId?: string }) {
  const { actor } = ctx;
  const filter: Parameters<typeof repo.listReps>[2] = { teamId: q.teamId, repId: q.repId };
  if (actor.role === 'rep') {
    if (q.repId && q.repId !== actor.userId) throw notFound('Rep');
    filter.repId = actor.userId;
  } else if (actor.role === 'manager') {
    if (q.teamId && !actor.managedTeamIds.includes(q.teamId)) throw notFound('Team');
    filter.teamIds = actor.managedTeamIds;
  }
  const reps = await repo.listReps(ctx.db, actor.orgId, filter);
  if (q.repId && reps.length === 0) throw notFound('Rep');
  return reps;
}

/** `GET /level-evaluations`: every rep in scope with the recommendation, each criterion's evidence and the decision taken. */
export async function listLevelEvaluations(ctx: Ctx, q: { period: string; teamId?: string; repId?: string }): Promise<TLevelEvaluation[]> {
  checkPeriod(q.period);
  const reps = await repsInScope(ctx, q);
  const ids = reps.map((r) => r.id);
  const evaluations = await evaluateReps(ctx, q.period, ids);
  const decisions = await repo.decisionsOf(ctx.db, ctx.actor.orgId, q.period, ids);
  return reps.map((r) => {
    const e = evaluations.get(r.id) as RepEvaluation;
    const d = decisions.get(r.id);
    return {
      repId: r.id,
      name: r.name,
      teamId: r.teamId,
      levelId: e.levelId,
      recommendation: e.recommendation,
      toLevelId: e.toLevelId,
      steps: e.steps,
      decision: d ? decisionView(d) : null,
    };
  });
}

/** The decider: the manager of the rep's team, a director or an admin (the route keeps reps and viewers out). */
async function decidableRep(ctx: Ctx, repId: string) {
  const { actor } = ctx;
  const [rep] = await repo.listReps(ctx.db, actor.orgId, {
    repId,
    ...(actor.role === 'manager' ? { teamIds: actor.managedTeamIds } : {}),
  });
  if (!rep) throw notFound('Rep');
  return rep;
}

/**
 * Makes an accepted decision take effect, in the caller's transaction: the rep's level changes as on the users
 * page (audit, `user.level_changed`), the history entry names the decision, the decision is marked applied and the
 * rep is told. `who` is the decider, or the system for the daily job. False when the rep is no longer at the
 * decision's starting level (changed by hand since): the decision is superseded and nothing changes.
 */
export async function applyDecision(tx: DbOrTx, who: Parameters<typeof recordAudit>[1], d: repo.LevelDecisionRow): Promise<boolean> {
  if (d.toLevelId === null || d.effectiveOn === null) return false;
  const at = 'actor' in who ? who.clock.now() : who.at;
  const changed = await setUserLevel(
    tx,
    who,
    d.repId,
    { fromLevelId: d.fromLevelId, toLevelId: d.toLevelId },
    { effectiveOn: d.effectiveOn, reason: 'evaluation', decisionId: d.id, changedBy: d.decidedBy },
  );
  if (!changed) return false;
  const applied = await repo.markApplied(tx, d.orgId, d.id, at);
  if (!applied) return false;
  const names = new Map((await listLevels(tx, d.orgId)).map((l) => [l.id, l]));
  const [from, to] = [d.fromLevelId ? names.get(d.fromLevelId) : undefined, names.get(d.toLevelId)];
  await notifyUsers(tx, at, [
    {
      orgId: d.orgId,
      userId: d.repId,
      kind: 'level_changed',
      params: {
        fromLevelId: d.fromLevelId,
        toLevelId: d.toLevelId,
        effectiveOn: d.effectiveOn,
        fromLevelNameZh: from?.nameZh ?? null,
        fromLevelNameEn: from?.nameEn ?? null,
        toLevelNameZh: to?.nameZh ?? null,
        toLevelNameEn: to?.nameEn ?? null,
        recommendation: d.recommendation,
      },
      entity: 'level_decision',
      entityId: d.id,
    },
  ]);
  await recordAudit(tx, who, {
    action: 'update',
    entity: 'level_decision',
    entityId: d.id,
    before: decisionView(d),
    after: decisionView(applied),
  });
  return true;
}

const refusal = (status: 409 | 422, code: string, path: string, message: string) =>
  status === 409 ? conflict(code, message, [{ path, message }]) : unprocessable(code, message, [{ path, message }]);

/**
 * `POST /level-evaluations/decisions`: the manager of the rep's team (or a director or admin) accepts or rejects the
 * rep's recommendation for a period, with a comment. One decision per rep and period (409); a hold has nothing to
 * accept (422). The evaluation it was taken on is stored with it. An accepted change dated today or earlier takes
 * effect now; a later date waits for the daily job. A rejection records and changes nothing.
 */
export async function decideLevel(ctx: Ctx, input: z.output<typeof ZLevelDecisionCreate>): Promise<TLevelDecision> {
  const { orgId } = ctx.actor;
  checkPeriod(input.period);
  const rep = await decidableRep(ctx, input.repId);
  const accept = input.decision === 'accept';
  if ((await repo.decisionsOf(ctx.db, orgId, input.period, [rep.id])).size)
    throw refusal(409, 'already_decided', 'period', `A decision on ${input.period} was already taken for this rep`);
  const evaluation = (await evaluateReps(ctx, input.period, [rep.id])).get(rep.id) as RepEvaluation;
  const today = await orgToday(ctx.db, orgId, ctx.clock.now());
  let effectiveOn: string | null = null;
  if (accept) {
    if (await repo.pendingDecisionOf(ctx.db, orgId, rep.id))
      throw refusal(409, 'decision_pending', 'repId', 'An accepted change of this rep’s level is still waiting for its date');
    if (evaluation.recommendation === 'hold' || evaluation.toLevelId === null)
      throw refusal(422, 'nothing_to_accept', 'decision', 'The recommendation is to hold: there is no change to accept');
    // The evaluation judged the level in force at the period's end; a level changed since makes it moot.
    if (rep.levelId !== evaluation.levelId)
      throw refusal(409, 'level_changed', 'repId', 'The rep’s level changed after this period; evaluate a later period');
    effectiveOn = input.effectiveOn ?? today;
    const latest = await latestEffectiveOn(ctx.db, orgId, rep.id);
    if (latest && effectiveOn < latest)
      throw refusal(
        422,
        'effective_before_last_change',
        'effectiveOn',
        `The rep’s level last changed on ${latest}; choose that day or later`,
      );
  }
  const evidence = {
    levelId: evaluation.levelId,
    levelSince: evaluation.levelSince,
    monthsAtLevel: evaluation.monthsAtLevel,
    steps: evaluation.steps,
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await repo.insertDecision(tx.db, {
        orgId,
        id: newId(),
        repId: rep.id,
        period: input.period,
        recommendation: evaluation.recommendation,
        fromLevelId: evaluation.levelId,
        toLevelId: evaluation.toLevelId,
        decision: accept ? 'accepted' : 'rejected',
        comment: input.comment,
        effectiveOn,
        evidence,
        decidedBy: ctx.actor.userId,
        decidedAt: ctx.clock.now(),
      });
      await recordAudit(tx.db, tx, {
        action: 'create',
        entity: 'level_decision',
        entityId: row.id,
        before: null,
        after: decisionView(row),
      });
      if (!accept || (effectiveOn as string) > today) return decisionView(row);
      if (!(await applyDecision(tx.db, tx, row)))
        throw refusal(409, 'level_changed', 'repId', 'The rep’s level changed meanwhile; reload and decide again');
      return decisionView((await repo.decisionsOf(tx.db, orgId, input.period, [rep.id])).get(rep.id) as repo.LevelDecisionRow);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw refusal(409, 'already_decided', 'period', `A decision on ${input.period} was already taken for this rep`);
    throw err;
  }
}
