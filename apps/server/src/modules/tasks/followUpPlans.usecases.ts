import type { TFollowUpPlan, TFollowUpPlanCreate, TFollowUpPlanUpdate } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, type FieldError, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import * as repo from './followUpPlans.repository.ts';
import { completeExhaustedEnrollments, stopEnrollments } from './planSteps.repository.ts';
import { planProblems } from './tasks.rules.ts';

export const planView = (p: repo.PlanRow, counts: repo.EnrollmentCounts = { active: 0, completed: 0, stopped: 0 }): TFollowUpPlan => ({
  id: p.id,
  name: p.name,
  target: p.target,
  tierId: p.tierId,
  stageId: p.stageId,
  steps: p.steps,
  active: p.active,
  enrollmentCounts: counts,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  version: p.version,
});

/** Plans are the organisation's: every member reads them; another organisation's answer 404. */
export async function getPlan(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const plan = await repo.findPlan(ctx.db, ctx.actor.orgId, id);
  if (!plan) throw notFound('Follow-up plan');
  return plan;
}

export async function getPlanView(ctx: Ctx, id: string) {
  const plan = await getPlan(ctx, id);
  const counts = await repo.enrollmentCounts(ctx.db, ctx.actor.orgId, [id]);
  return planView(plan, counts.get(id));
}

export async function listPlans(
  ctx: Ctx,
  q: { limit: number; cursor?: string; target?: repo.PlanRow['target']; active?: 'true' | 'false' },
) {
  const rows = await repo.listPlans(
    ctx.db,
    ctx.actor.orgId,
    { target: q.target, active: q.active === undefined ? undefined : q.active === 'true' },
    { limit: q.limit, after: decodeCursor(q.cursor, 2) },
  );
  const page = toPage(rows, q.limit, (p) => [p.createdAt.toISOString(), p.id]);
  const counts = await repo.enrollmentCounts(
    ctx.db,
    ctx.actor.orgId,
    page.data.map((p) => p.id),
  );
  return { data: page.data.map((p) => planView(p, counts.get(p.id))), nextCursor: page.nextCursor };
}

const invalidPlan = (errors: FieldError[]) =>
  unprocessable('invalid_plan', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

/** The plan's target must exist in the organisation; a deal plan's stage must be open (closed deals are never enrolled). */
async function targetProblems(ctx: Ctx, p: { tierId?: string | null; stageId?: string | null }): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (p.tierId && !(await repo.tierExists(ctx.db, ctx.actor.orgId, p.tierId))) problems.push({ path: 'tierId', message: 'no such tier' });
  if (p.stageId) {
    const kind = await repo.findStageKind(ctx.db, ctx.actor.orgId, p.stageId);
    if (!kind) problems.push({ path: 'stageId', message: 'no such stage' });
    else if (kind !== 'open') problems.push({ path: 'stageId', message: 'a won or lost stage: its deals are closed' });
  }
  return problems;
}

export async function createPlan(ctx: Ctx, input: TFollowUpPlanCreate) {
  return inTransaction(ctx, async (tx) => {
    const problems = planProblems(input);
    if (!problems.length) problems.push(...(await targetProblems(tx, input)));
    if (problems.length) throw invalidPlan(problems);
    const now = ctx.clock.now();
    const plan = await repo.insertPlan(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      name: input.name,
      target: input.target,
      tierId: input.target === 'customer' ? (input.tierId ?? null) : null,
      stageId: input.target === 'deal' ? (input.stageId ?? null) : null,
      steps: input.steps,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'follow_up_plan', entityId: plan.id, before: null, after: planView(plan) });
    return planView(plan);
  });
}

/**
 * Renames, re-steps, deactivates or reactivates a plan. New steps apply from each enrollment's next
 * step on; an enrollment already past the new last step completes. Deactivating stops the active
 * enrollments (reason plan_deactivated) and cancels their open tasks; reactivating enrolls, at the
 * next run of the plans job, only those never enrolled.
 */
export async function updatePlan(ctx: Ctx, id: string, version: number, patch: Omit<TFollowUpPlanUpdate, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await getPlan(tx, id);
    if (patch.steps) {
      const problems = planProblems({ ...before, steps: patch.steps });
      if (problems.length) throw invalidPlan(problems);
    }
    const now = ctx.clock.now();
    const after = await repo.updatePlanRow(tx.db, ctx.actor.orgId, id, version, { ...patch, updatedAt: now });
    if (!after) throw staleVersion('follow-up plan', before.version);
    const ofThisPlan = sql`e.org_id = ${ctx.actor.orgId} and e.plan_id = ${id}`;
    if (before.active && !after.active) await stopEnrollments(tx.db, ofThisPlan, 'plan_deactivated', now);
    if (patch.steps) await completeExhaustedEnrollments(tx.db, now, 1_000_000, sql`e2.org_id = ${ctx.actor.orgId} and e2.plan_id = ${id}`);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'follow_up_plan',
      entityId: id,
      before: planView(before),
      after: planView(after),
    });
    const counts = await repo.enrollmentCounts(tx.db, ctx.actor.orgId, [id]);
    return planView(after, counts.get(id));
  });
}

/** Deletes a plan nobody was ever enrolled in; one with enrollments keeps its history and is deactivated instead. */
export async function deletePlan(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getPlan(tx, id);
    const counts = (await repo.enrollmentCounts(tx.db, ctx.actor.orgId, [id])).get(id);
    if (counts && counts.active + counts.completed + counts.stopped > 0)
      throw conflict('plan_in_use', 'The plan has enrollments: deactivate it (active: false) to keep their history');
    if (!(await repo.deletePlanRow(tx.db, ctx.actor.orgId, id, version))) throw staleVersion('follow-up plan', before.version);
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'follow_up_plan', entityId: id, before: planView(before), after: null });
  });
}
