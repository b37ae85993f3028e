import type { TPlanEnrollment } from '@tierline/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { getWritableCustomer } from '../customers/customers.usecases.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { getWritableDeal } from '../deals/deals.usecases.ts';
import { users } from '../users/users.table.ts';
import * as repo from './followUpPlans.repository.ts';
import { getPlan } from './followUpPlans.usecases.ts';
import { stopEnrollments } from './planSteps.repository.ts';
import { nextStepAt, stepsDue, stepTime } from './tasks.rules.ts';
import { tasks } from './tasks.table.ts';

export const enrollmentView = (e: repo.EnrollmentRow, plan: Pick<repo.PlanRow, 'steps'>): TPlanEnrollment => ({
  id: e.id,
  planId: e.planId,
  customerId: e.customerId,
  dealId: e.dealId,
  startedAt: e.startedAt.toISOString(),
  nextStep: e.nextStep,
  nextStepAt: e.status === 'active' ? (nextStepAt(e.startedAt, plan.steps, e.nextStep)?.toISOString() ?? null) : null,
  status: e.status,
  stopReason: e.stopReason,
  endedAt: e.endedAt?.toISOString() ?? null,
});

/** A plan's enrollments whose customer or deal the caller may see, newest first. */
export async function listEnrollments(
  ctx: Ctx,
  planId: string,
  q: { limit: number; cursor?: string; status?: repo.EnrollmentRow['status'] },
) {
  const plan = await getPlan(ctx, planId);
  const rows = await repo.listEnrollments(
    ctx.db,
    ctx.actor.orgId,
    planId,
    { customer: visibleCustomers(ctx.actor), deal: visibleDeals(ctx.actor) },
    { status: q.status },
    { limit: q.limit, after: decodeCursor(q.cursor, 2) },
  );
  const page = toPage(rows, q.limit, (r) => [r.enrollment.startedAt.toISOString(), r.enrollment.id]);
  return { data: page.data.map((r) => enrollmentView(r.enrollment, plan)), nextCursor: page.nextCursor };
}

/**
 * Enrolls a customer or a deal the caller may change in an active plan by hand, once (as the plans
 * job does), starting now: the steps due at once (day 0) become tasks for the owner right away.
 */
export async function enroll(ctx: Ctx, planId: string, target: { customerId?: string; dealId?: string }) {
  return inTransaction(ctx, async (tx) => {
    const plan = await getPlan(tx, planId);
    const path = target.customerId ? 'customerId' : 'dealId';
    if ((plan.target === 'customer') !== (path === 'customerId'))
      throw unprocessable('wrong_target', `This plan enrolls ${plan.target}s`, [{ path, message: `the plan enrolls ${plan.target}s` }]);
    let owner: { ownerId: string; customerId: string | null; dealId: string | null };
    if (target.customerId) {
      const c = await getWritableCustomer(tx, target.customerId);
      if (!c.ownerId || c.deletedAt)
        throw unprocessable('no_owner', 'A customer in the pool (or deleted) has nobody to follow the plan', [
          { path, message: 'in the pool or deleted' },
        ]);
      owner = { ownerId: c.ownerId, customerId: c.id, dealId: null };
    } else {
      const d = await getWritableDeal(tx, target.dealId as string);
      if (d.closedAt || d.deletedAt) throw unprocessable('deal_closed', 'The deal is closed', [{ path, message: 'closed or deleted' }]);
      owner = { ownerId: d.ownerId, customerId: d.customerId, dealId: d.id };
    }
    if (!plan.active) throw conflict('plan_inactive', 'The plan is not active');
    const now = ctx.clock.now();
    let enrollment: repo.EnrollmentRow;
    try {
      enrollment = await repo.insertEnrollment(tx.db, {
        orgId: ctx.actor.orgId,
        id: newId(),
        planId,
        customerId: target.customerId ?? null,
        dealId: target.dealId ?? null,
        startedAt: now,
        nextStep: 0,
        status: 'active',
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('already_enrolled', 'Already enrolled in this plan (a plan runs once per customer or deal)');
      throw err;
    }
    const due = stepsDue(now, plan.steps, 0, now);
    if (due.length) {
      const [assignee] = await tx.db
        .select({ teamId: users.teamId })
        .from(users)
        .where(and(eq(users.orgId, ctx.actor.orgId), eq(users.id, owner.ownerId)));
      await tx.db.insert(tasks).values(
        due.map((i) => ({
          orgId: ctx.actor.orgId,
          id: newId(),
          title: plan.steps[i].title,
          dueAt: stepTime(now, plan.steps[i]),
          assigneeId: owner.ownerId,
          teamId: assignee?.teamId ?? null,
          source: 'plan' as const,
          activityKind: plan.steps[i].kind,
          customerId: owner.customerId,
          dealId: owner.dealId,
          enrollmentId: enrollment.id,
          stepIndex: i,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const nextStep = due[due.length - 1] + 1;
      const done = nextStep >= plan.steps.length;
      enrollment = await repo.advanceEnrollment(tx.db, ctx.actor.orgId, enrollment.id, {
        nextStep,
        status: done ? 'completed' : 'active',
        endedAt: done ? now : null,
      });
    }
    const view = enrollmentView(enrollment, plan);
    await recordAudit(tx.db, tx, { action: 'create', entity: 'plan_enrollment', entityId: enrollment.id, before: null, after: view });
    return view;
  });
}

/** Stops an active enrollment by hand (reason manual) and cancels its open tasks. */
export async function stopEnrollment(ctx: Ctx, planId: string, enrollmentId: string) {
  return inTransaction(ctx, async (tx) => {
    const plan = await getPlan(tx, planId);
    const before = await repo.findEnrollment(tx.db, ctx.actor.orgId, planId, enrollmentId);
    if (!before) throw notFound('Enrollment');
    // Seen through its customer or deal: 404 when the caller cannot see that, 403 when they only read it.
    if (before.customerId) await getWritableCustomer(tx, before.customerId);
    else if (before.dealId) await getWritableDeal(tx, before.dealId);
    if (before.status !== 'active') throw conflict('enrollment_not_active', `The enrollment is already ${before.status}`);
    const now = ctx.clock.now();
    await stopEnrollments(tx.db, sql`e.org_id = ${ctx.actor.orgId} and e.id = ${enrollmentId}`, 'manual', now);
    const after = await repo.findEnrollment(tx.db, ctx.actor.orgId, planId, enrollmentId);
    const view = enrollmentView(after as repo.EnrollmentRow, plan);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'plan_enrollment',
      entityId: enrollmentId,
      before: enrollmentView(before, plan),
      after: view,
    });
    return view;
  });
}
