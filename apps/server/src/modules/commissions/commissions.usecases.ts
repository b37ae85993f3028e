import type { TCommissionPlan, TCommissionStatement, ZCommissionPlanUpsert } from '@tierline/contracts';
import type { z } from 'zod';
import { dataScopeOf } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { requiredVersion } from '../../platform/versioning.ts';
import { levelsInForce } from '../levels/levelHistory.repository.ts';
import { parsePeriod } from '../performance/periods.rules.ts';
import { scorecardsOfReps } from '../performance/scorecards.usecases.ts';
import * as repo from './commissions.repository.ts';
import { checkPlan, selectRate, statementFigures } from './commissions.rules.ts';

const planView = (p: repo.PlanRow): TCommissionPlan => ({
  id: p.id,
  levelId: p.levelId,
  baseRate: p.baseRate,
  accelerators: p.accelerators,
  version: p.version,
});

export async function listCommissionPlans(ctx: Ctx): Promise<TCommissionPlan[]> {
  return (await repo.listPlans(ctx.db, ctx.actor.orgId)).map(planView);
}

/**
 * Sets a level's plan: creates it, or replaces its rates when `version` matches (an existing plan needs one).
 * Statements are computed when asked for, so the new rates apply to every statement computed from now on,
 * past periods included (decision 0028).
 */
export async function upsertCommissionPlan(
  ctx: Ctx,
  input: Omit<z.output<typeof ZCommissionPlanUpsert>, 'version'>,
  version: number | undefined,
): Promise<{ plan: TCommissionPlan; created: boolean }> {
  const { plan: terms, errors } = checkPlan(input);
  if (errors.length) throw unprocessable('invalid_plan', 'The accelerators do not make a plan', errors);
  const { orgId } = ctx.actor;
  try {
    return await inTransaction(ctx, async (tx) => {
      if (!(await repo.levelInOrg(tx.db, orgId, input.levelId)))
        throw unprocessable('unknown_reference', 'No such level in this organisation', [{ path: 'levelId', message: 'unknown level' }]);
      const before = await repo.lockPlanOfLevel(tx.db, orgId, input.levelId);
      const now = ctx.clock.now();
      if (!before) {
        const plan = await repo.insertPlan(tx.db, {
          orgId,
          id: newId(),
          ...terms,
          levelId: input.levelId,
          updatedBy: ctx.actor.userId,
          updatedAt: now,
        });
        await recordAudit(tx.db, tx, {
          action: 'create',
          entity: 'commission_plan',
          entityId: plan.id,
          before: null,
          after: planView(plan),
        });
        return { plan: planView(plan), created: true };
      }
      const after = await repo.updatePlan(tx.db, orgId, before.id, version ?? requiredVersion(undefined, undefined), {
        ...terms,
        updatedBy: ctx.actor.userId,
        updatedAt: now,
      });
      if (!after) throw staleVersion('commission plan', before.version);
      await recordAudit(tx.db, tx, {
        action: 'update',
        entity: 'commission_plan',
        entityId: after.id,
        before: planView(before),
        after: planView(after),
      });
      return { plan: planView(after), created: false };
    });
  } catch (err) {
    // Two first plans for one level at once: the second meets the unique (org, level) and is told to reload.
    if (isUniqueViolation(err))
      throw conflict('plan_exists', 'This level got a plan meanwhile; reload and try again', [{ path: 'version', message: 'reload' }]);
    throw err;
  }
}

/**
 * Whose statements the caller asked for, within their scope: a rep their own; a manager the reps of the teams
 * they manage or belong to; directors, admins and viewers the organisation's. Another rep, team or organisation
 * is 404, as if it did not exist.
 */
async function statementSubjects(ctx: Ctx, q: { repId?: string; teamId?: string }): Promise<repo.Person[]> {
  const { orgId } = ctx.actor;
  const scope = dataScopeOf(ctx.actor);
  const teamVisible = (teamId: string | null) =>
    scope.kind === 'org' || (scope.kind === 'team' && teamId !== null && scope.teamIds.includes(teamId));
  if (q.teamId && !(teamVisible(q.teamId) && (await repo.teamInOrg(ctx.db, orgId, q.teamId)))) {
    // A rep may name their own team: it narrows nothing beyond themselves.
    if (!(scope.kind === 'own' && q.teamId === ctx.actor.teamId)) throw notFound('Team');
  }
  if (q.repId || scope.kind === 'own') {
    const person = await repo.personById(ctx.db, orgId, q.repId ?? ctx.actor.userId);
    const visible = person && (person.id === ctx.actor.userId || (scope.kind !== 'own' && teamVisible(person.teamId)));
    if (!person || !visible || (q.teamId && person.teamId !== q.teamId)) throw notFound('Rep');
    return [person];
  }
  return repo.activeRepsOf(ctx.db, orgId, q.teamId ? [q.teamId] : scope.kind === 'team' ? scope.teamIds : undefined);
}

const lastDayOf = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Commission statements of a period (decision 0028), one per rep: the plan of the level in force on the
 * period's last day; the rate its accelerators give for the payments-collected attainment of the scorecard;
 * every payment of the period on the rep's contracts as a line, its commission exact to the cent.
 */
export async function commissionStatements(
  ctx: Ctx,
  q: { period: string; repId?: string; teamId?: string },
): Promise<TCommissionStatement[]> {
  const { orgId } = ctx.actor;
  const period = parsePeriod(q.period);
  const reps = await statementSubjects(ctx, q);
  const ids = reps.map((r) => r.id);
  if (!ids.length) return [];
  const levelOf = await levelsInForce(ctx.db, orgId, ids, lastDayOf(period.to));
  const levelIds = [...new Set([...levelOf.values()].filter((id): id is string => id !== null))];
  const plans = new Map((await repo.plansOfLevels(ctx.db, orgId, levelIds)).map((p) => [p.levelId, p]));
  const cards = new Map((await scorecardsOfReps(ctx, q.period, ids)).map((c) => [c.subject.id, c]));
  const lines = new Map<string, repo.PaymentLine[]>();
  for (const line of await repo.paymentLines(ctx.db, orgId, ids, period.from, period.to)) {
    const own = lines.get(line.repId);
    if (own) own.push(line);
    else lines.set(line.repId, [line]);
  }
  const computedAt = ctx.clock.now().toISOString();
  return reps.map((rep) => {
    const levelId = levelOf.get(rep.id) ?? null;
    const plan = levelId ? (plans.get(levelId) ?? null) : null;
    const kpi = cards.get(rep.id)?.kpis.find((k) => k.kpi === 'paymentsCollected');
    const own = (lines.get(rep.id) ?? []).map(({ repId: _, ...line }) => line);
    const collected = statementFigures(own, 0).paymentsCollected;
    const { rate, acceleratorMinAttainment } = selectRate(plan, collected, kpi?.target ?? null);
    const figures = statementFigures(own, rate);
    return {
      repId: rep.id,
      name: rep.name,
      period: period.key,
      levelId,
      planId: plan?.id ?? null,
      paymentsCollected: figures.paymentsCollected,
      target: kpi?.target ?? null,
      attainment: kpi?.attainment ?? null,
      rate,
      acceleratorMinAttainment,
      lines: figures.lines,
      total: figures.total,
      computedAt,
    };
  });
}
