import type { TTask, TTaskCreate, TTaskUpdate } from '@tierline/contracts';
import { fromLocalInput, toLocalInput } from './taskDates.ts';

/** The task dialog's fields; the due time is the text of a datetime-local input in the reader's zone. */
export interface TaskFormValues {
  title: string;
  due: string;
  priority: TTask['priority'];
  activityKind?: TTask['activityKind'];
  assigneeId?: string | null;
  customerId?: string | null;
  dealId?: string | null;
  notes?: string | null;
}

/** What a task's source lets people change by hand (decision 0020): a cadence task follows its customer. */
export function editableFields(source: TTask['source']) {
  return { due: source !== 'cadence', assignee: source !== 'cadence', links: source === 'manual' };
}

/** The next whole hour: a new task's default due time, soon enough to be "today" most of the day. */
export function defaultDue(now: Date): Date {
  const next = new Date(now.getTime());
  next.setMinutes(0, 0, 0);
  next.setTime(next.getTime() + 3_600_000);
  return next;
}

export function toFormValues(task: TTask | null, me: string, now: Date, timeZone: string): TaskFormValues {
  if (!task) return { title: '', due: toLocalInput(defaultDue(now), timeZone), priority: 'normal', activityKind: null, assigneeId: me };
  return {
    title: task.title,
    due: toLocalInput(task.dueAt, timeZone),
    priority: task.priority,
    activityKind: task.activityKind,
    assigneeId: task.assigneeId,
    customerId: task.customerId,
    dealId: task.dealId,
    notes: task.notes ?? '',
  };
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The body of POST /tasks; the assignee only when the caller may choose one (else the server makes it the caller). */
export function createBody(v: TaskFormValues, timeZone: string, mayAssign: boolean): TTaskCreate {
  const due = fromLocalInput(v.due, timeZone);
  return {
    title: v.title.trim(),
    dueAt: (due ?? new Date(Number.NaN)).toISOString(),
    priority: v.priority,
    activityKind: v.activityKind ?? null,
    customerId: v.customerId ?? null,
    dealId: v.dealId ?? null,
    notes: text(v.notes),
    ...(mayAssign && v.assigneeId ? { assigneeId: v.assigneeId } : {}),
  };
}

/**
 * The body of PATCH /tasks/:id: only what changed, and never a field the task's source fixes — the
 * server refuses a cadence task's due time even when it is sent unchanged.
 */
export function updateBody(task: TTask, v: TaskFormValues, timeZone: string): Omit<TTaskUpdate, 'version'> {
  const can = editableFields(task.source);
  const patch: Omit<TTaskUpdate, 'version'> = {};
  if (v.title.trim() !== task.title) patch.title = v.title.trim();
  if (text(v.notes) !== task.notes) patch.notes = text(v.notes);
  if (v.priority !== task.priority) patch.priority = v.priority;
  if ((v.activityKind ?? null) !== task.activityKind) patch.activityKind = v.activityKind ?? null;
  const due = fromLocalInput(v.due, timeZone);
  // Compared at the minute the input shows, so seconds in the stored time do not count as a change.
  if (can.due && due && v.due !== toLocalInput(task.dueAt, timeZone)) patch.dueAt = due.toISOString();
  if (can.assignee && v.assigneeId && v.assigneeId !== task.assigneeId) patch.assigneeId = v.assigneeId;
  if (can.links && (v.customerId ?? null) !== task.customerId) patch.customerId = v.customerId ?? null;
  if (can.links && (v.dealId ?? null) !== task.dealId) patch.dealId = v.dealId ?? null;
  return patch;
}
