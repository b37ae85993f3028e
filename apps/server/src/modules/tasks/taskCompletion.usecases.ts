import type { TActivityCreate, TTaskCompletionActivity } from '@tierline/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { AppError, conflict, type FieldError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { createActivity } from '../activities/activities.usecases.ts';
import { deals } from '../deals/deals.table.ts';
import { writableTasks } from './tasks.access.ts';
import * as repo from './tasks.repository.ts';
import { tasks } from './tasks.table.ts';
import { getWritableTask, taskView } from './tasks.usecases.ts';

/**
 * Completes an open task. With `activity`, the contact is logged in the same transaction through the
 * activities module (its checks, its audit entry, the customer's last contact, and the follow-up hook:
 * the cadence task moves, plans waiting for an answer stop). The task is closed first, so completing
 * the cadence task itself with a contact makes the next one at once. Completing a cadence task
 * without an activity is allowed: the cadence job then makes the next one from the last contact.
 */
export async function completeTask(ctx: Ctx, id: string, version: number, activity: TTaskCompletionActivity | undefined) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableTask(tx, id);
    if (before.status !== 'open') throw conflict('task_not_open', `The task is already ${before.status}`);
    if (before.version !== version) throw staleVersion('task', before.version);
    const input = activity ? await activityInput(tx, before, activity) : undefined;
    const now = ctx.clock.now();
    let after = await repo.updateTaskRow(tx.db, writableTasks(ctx.actor), id, version, {
      status: 'done',
      completedAt: now,
      updatedAt: now,
    });
    if (!after) throw staleVersion('task', before.version);
    if (input) {
      const logged = await createActivity(tx, input).catch((err) => {
        throw underActivity(err);
      });
      [after] = await tx.db
        .update(tasks)
        .set({ activityId: logged.id })
        .where(and(eq(tasks.orgId, after.orgId), eq(tasks.id, id)))
        .returning();
    }
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'task',
      entityId: id,
      before: taskView(before, now),
      after: taskView(after, now),
    });
    return after;
  });
}

/**
 * The activity a completion logs: of the kind the task asks for unless said otherwise, titled like
 * the task, on the task's customer (a deal task's customer) with its deal, or else on its lead.
 */
async function activityInput(ctx: Ctx, task: repo.TaskRow, activity: TTaskCompletionActivity): Promise<TActivityCreate> {
  const errors: FieldError[] = [];
  const kind = activity.kind ?? task.activityKind;
  if (!kind) errors.push({ path: 'activity.kind', message: 'say what kind of contact it was' });
  let customerId = task.customerId;
  if (!customerId && task.dealId) {
    const [deal] = await ctx.db
      .select({ customerId: deals.customerId })
      .from(deals)
      .where(and(eq(deals.orgId, task.orgId), eq(deals.id, task.dealId)));
    customerId = deal?.customerId ?? null;
  }
  if (!customerId && !task.leadId)
    errors.push({ path: 'activity', message: 'the task is linked to no customer, deal or lead to log the activity against' });
  if (errors.length || !kind) throw unprocessable('invalid_activity', errors.map((e) => e.message).join('; '), errors);
  const common = {
    kind,
    subject: activity.subject ?? task.title,
    notes: activity.notes ?? null,
    outcome: activity.outcome ?? null,
    occurredAt: activity.occurredAt,
    durationMinutes: activity.durationMinutes ?? null,
  };
  return customerId ? { ...common, customerId, dealId: task.dealId } : { ...common, leadId: task.leadId as string };
}

/** The activities module names its fields from the activity; here they sit under `activity`. */
function underActivity(err: unknown) {
  if (!(err instanceof AppError) || !err.errors) return err;
  const errors = err.errors.map((e) => ({ ...e, path: `activity.${e.path}` }));
  return new AppError(err.status, err.code, err.title, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, err.headers);
}
