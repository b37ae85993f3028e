import type { TOverdueTasks, TTask, TTaskCreate, TTaskUpdate } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getVisibleCustomer } from '../customers/customers.usecases.ts';
import { getVisibleDeal } from '../deals/deals.usecases.ts';
import { getVisibleLead } from '../leads/leads.usecases.ts';
import { visibleTasks, writableTasks } from './tasks.access.ts';
import * as repo from './tasks.repository.ts';
import { assignmentRefusal, isOverdue, taskChangeProblems } from './tasks.rules.ts';
import { tasks } from './tasks.table.ts';

export const taskView = (t: repo.TaskRow, now: Date): TTask => ({
  id: t.id,
  title: t.title,
  notes: t.notes,
  dueAt: t.dueAt.toISOString(),
  overdue: isOverdue(t, now),
  assigneeId: t.assigneeId,
  teamId: t.teamId,
  priority: t.priority,
  status: t.status,
  source: t.source,
  activityKind: t.activityKind,
  customerId: t.customerId,
  dealId: t.dealId,
  leadId: t.leadId,
  enrollmentId: t.enrollmentId,
  stepIndex: t.stepIndex,
  completedAt: t.completedAt?.toISOString() ?? null,
  activityId: t.activityId,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  version: t.version,
});

/** The task if the actor may see it; 404 otherwise. */
export async function getVisibleTask(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findTask(ctx.db, visibleTasks(ctx.actor), id);
  if (!row) throw notFound('Task');
  return row;
}

/** 404 when the caller cannot see the task, 403 when they can only read it. */
export async function getWritableTask(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findTask(ctx.db, writableTasks(ctx.actor), id);
  if (row) return row;
  await getVisibleTask(ctx, id);
  throw forbidden('You may read this task but not change it');
}

type ListQuery = {
  limit: number;
  cursor?: string;
  sort: 'dueAt' | '-dueAt';
  assigneeId?: string;
  teamId?: string;
  status?: repo.TaskRow['status'];
  source?: repo.TaskRow['source'];
  customerId?: string;
  dealId?: string;
  leadId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: 'true' | 'false';
};

export async function listTasks(ctx: Ctx, q: ListQuery) {
  const now = ctx.clock.now();
  const filter: repo.TaskFilter = {
    ...q,
    dueFrom: q.dueFrom ? new Date(q.dueFrom) : undefined,
    dueTo: q.dueTo ? new Date(q.dueTo) : undefined,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    now,
  };
  const rows = await repo.listTasks(ctx.db, visibleTasks(ctx.actor), filter, {
    limit: q.limit,
    desc: q.sort === '-dueAt',
    after: decodeCursor(q.cursor, 2),
  });
  const page = toPage(rows, q.limit, (t) => [t.dueAt.toISOString(), t.id]);
  return { data: page.data.map((t) => taskView(t, now)), nextCursor: page.nextCursor };
}

/**
 * Overdue tasks and their counts per rep and per team. `mine`: the caller's own; `team`: everyone's
 * in the caller's data scope (a manager's teams; the organisation for directors, admins, viewers).
 */
export async function listOverdueTasks(
  ctx: Ctx,
  q: { scope: 'mine' | 'team'; teamId?: string; assigneeId?: string; limit: number; cursor?: string },
): Promise<TOverdueTasks> {
  if (q.scope === 'team' && ctx.actor.role === 'rep') throw forbidden('A rep sees their own overdue tasks (scope=mine)');
  const now = ctx.clock.now();
  const scope =
    q.scope === 'mine' ? sql`${tasks.orgId} = ${ctx.actor.orgId} and ${tasks.assigneeId} = ${ctx.actor.userId}` : visibleTasks(ctx.actor);
  const where = sql`${scope}${q.teamId ? sql` and ${tasks.teamId} = ${q.teamId}` : sql``}${q.assigneeId ? sql` and ${tasks.assigneeId} = ${q.assigneeId}` : sql``}`;
  const counts = await repo.overdueCounts(ctx.db, where, now);
  const rows = await repo.listTasks(
    ctx.db,
    where,
    { overdue: true, now },
    { limit: q.limit, desc: false, after: decodeCursor(q.cursor, 2) },
  );
  const page = toPage(rows, q.limit, (t) => [t.dueAt.toISOString(), t.id]);
  const iso = (d: Date | string | null) => new Date(d ?? 0).toISOString();
  return {
    asOf: now.toISOString(),
    total: counts.byRep.reduce((n, r) => n + r.overdue, 0),
    byRep: counts.byRep.map((r) => ({ ...r, oldestDueAt: iso(r.oldestDueAt) })),
    byTeam: counts.byTeam.map((r) => ({ ...r, oldestDueAt: iso(r.oldestDueAt) })),
    data: page.data.map((t) => taskView(t, now)),
    nextCursor: page.nextCursor,
  };
}

type Links = { customerId: string | null; dealId: string | null; leadId: string | null };

/**
 * Checks the records a task is linked to: each given one must be visible to the caller. A deal's
 * customer becomes the task's customer when none is named; a different one is refused.
 */
async function resolveLinks(ctx: Ctx, given: Partial<Links>, current: Links, errors: FieldError[]): Promise<Partial<Links>> {
  const change: Partial<Links> = {};
  let dealCustomer: string | null = null;
  if (given.dealId) {
    const deal = await getVisibleDeal(ctx, given.dealId).catch(() => undefined);
    if (!deal) errors.push({ path: 'dealId', message: 'no such deal that you may see' });
    dealCustomer = deal?.customerId ?? null;
  }
  if (given.dealId !== undefined) change.dealId = given.dealId;
  if (given.customerId) {
    const customer = await getVisibleCustomer(ctx, given.customerId).catch(() => undefined);
    if (!customer) errors.push({ path: 'customerId', message: 'no such customer that you may see' });
  }
  if (given.customerId !== undefined) change.customerId = given.customerId;
  else if (dealCustomer && !current.customerId) change.customerId = dealCustomer;
  const customerId = change.customerId !== undefined ? change.customerId : current.customerId;
  if (dealCustomer && customerId && customerId !== dealCustomer)
    errors.push({ path: 'customerId', message: 'not the customer of the task’s deal' });
  if (given.leadId) {
    const lead = await getVisibleLead(ctx, given.leadId).catch(() => undefined);
    if (!lead) errors.push({ path: 'leadId', message: 'no such lead that you may see' });
  }
  if (given.leadId !== undefined) change.leadId = given.leadId;
  return change;
}

/** The assignee and their team, if the caller may give them the task; else the problem is added to `errors`. */
async function checkAssignee(ctx: Ctx, assigneeId: string, errors: FieldError[]) {
  const assignee = await repo.findAssignee(ctx.db, ctx.actor.orgId, assigneeId);
  const refusal = assignmentRefusal(ctx.actor, assignee);
  if (refusal) errors.push({ path: 'assigneeId', message: refusal });
  return { assigneeId, teamId: assignee?.teamId ?? null };
}

const invalid = (errors: FieldError[]) => unprocessable('invalid_task', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

export async function createTask(ctx: Ctx, input: TTaskCreate) {
  return inTransaction(ctx, async (tx) => {
    const errors: FieldError[] = [];
    const who = await checkAssignee(tx, input.assigneeId ?? ctx.actor.userId, errors);
    const links = await resolveLinks(tx, input, { customerId: null, dealId: null, leadId: null }, errors);
    if (errors.length) throw invalid(errors);
    const now = ctx.clock.now();
    const row = await repo.insertTask(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      title: input.title,
      notes: input.notes ?? null,
      dueAt: new Date(input.dueAt),
      ...who,
      priority: input.priority ?? 'normal',
      status: 'open',
      source: 'manual',
      activityKind: input.activityKind ?? null,
      customerId: links.customerId ?? null,
      dealId: links.dealId ?? null,
      leadId: links.leadId ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'task', entityId: row.id, before: null, after: taskView(row, now) });
    return row;
  });
}

export async function updateTask(ctx: Ctx, id: string, version: number, patch: Omit<TTaskUpdate, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableTask(tx, id);
    const fixed = taskChangeProblems(before, patch);
    if (fixed.length) throw unprocessable('task_field_fixed', fixed.map((e) => e.message).join('; '), fixed);
    const now = ctx.clock.now();
    const errors: FieldError[] = [];
    const change: Partial<repo.NewTaskRow> = { updatedAt: now };
    if (patch.title !== undefined) change.title = patch.title;
    if (patch.notes !== undefined) change.notes = patch.notes;
    if (patch.priority !== undefined) change.priority = patch.priority;
    if (patch.activityKind !== undefined) change.activityKind = patch.activityKind;
    let remind = false;
    if (patch.dueAt !== undefined && new Date(patch.dueAt).getTime() !== before.dueAt.getTime()) {
      change.dueAt = new Date(patch.dueAt);
      remind = true;
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId) {
      Object.assign(change, await checkAssignee(tx, patch.assigneeId, errors));
      remind = true;
    }
    // A new due time or a new assignee earns the reminders again.
    if (remind) Object.assign(change, { dueNotifiedAt: null, overdueNotifiedAt: null });
    Object.assign(change, await resolveLinks(tx, patch, before, errors));
    if (errors.length) throw invalid(errors);
    if (patch.status !== undefined && patch.status !== before.status) {
      change.status = patch.status;
      change.completedAt = patch.status === 'done' ? now : null;
    }
    const after = await repo.updateTaskRow(tx.db, writableTasks(ctx.actor), id, version, change);
    if (!after) throw staleVersion('task', before.version);
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

/** Deletes a task made by hand; cadence and plan tasks are cancelled instead (they belong to their cadence or plan). */
export async function deleteTask(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableTask(tx, id);
    if (before.source !== 'manual')
      throw unprocessable('system_task', `A ${before.source} task is cancelled, not deleted`, [
        { path: 'status', message: 'set status to cancelled instead' },
      ]);
    const gone = await repo.deleteTaskRow(tx.db, writableTasks(ctx.actor), id, version);
    if (!gone) throw staleVersion('task', before.version);
    const now = ctx.clock.now();
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'task', entityId: id, before: taskView(before, now), after: null });
    return gone;
  });
}
