import { z } from 'zod';
import { ZId, ZListQuery, ZName, ZTimestamp, ZVersion } from './common.ts';

/** Schemas of follow-up tasks (跟进任务) and follow-up plans (跟进计划). */

export const ZTaskPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export const ZTaskStatus = z.enum(['open', 'done', 'cancelled']);
/** Where a task came from: by hand, the tier's follow-up cadence, or a step of a follow-up plan. */
export const ZTaskSource = z.enum(['manual', 'cadence', 'plan']);
/** The kind of contact a task (or a plan step) asks for. */
export const ZTaskActivityKind = z.enum(['call', 'email', 'visit', 'meeting', 'note']);
/** What came of the contact; `no_answer` is the one outcome that does not count as the customer answering. */
export const ZTaskActivityOutcome = z.enum(['reached', 'no_answer', 'interested', 'not_interested', 'follow_up', 'done']);

export const ZTask = z.object({
  id: ZId,
  title: z.string(),
  notes: z.string().nullable(),
  dueAt: ZTimestamp,
  /** Open and past its due time. */
  overdue: z.boolean(),
  assigneeId: ZId,
  teamId: ZId.nullable(),
  priority: ZTaskPriority,
  status: ZTaskStatus,
  source: ZTaskSource,
  activityKind: ZTaskActivityKind.nullable(),
  customerId: ZId.nullable(),
  dealId: ZId.nullable(),
  leadId: ZId.nullable(),
  enrollmentId: ZId.nullable(),
  stepIndex: z.number().int().nullable(),
  completedAt: ZTimestamp.nullable(),
  /** The activity logged when the task was completed, if any. */
  activityId: ZId.nullable(),
  createdBy: ZId.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TTask = z.infer<typeof ZTask>;

const ZNotes = z.string().trim().max(5000);

export const ZTaskCreate = z.object({
  title: ZName,
  notes: ZNotes.nullable().optional(),
  dueAt: ZTimestamp,
  /** Default: the caller. A rep assigns within their team; a manager within their teams. */
  assigneeId: ZId.optional(),
  priority: ZTaskPriority.optional(),
  activityKind: ZTaskActivityKind.nullable().optional(),
  customerId: ZId.nullable().optional(),
  /** The deal's customer becomes the task's customer when none is given. */
  dealId: ZId.nullable().optional(),
  leadId: ZId.nullable().optional(),
});
export type TTaskCreate = z.infer<typeof ZTaskCreate>;

/** Cadence tasks follow their customer: only title, notes, priority and closing them are changed by hand. */
export const ZTaskUpdate = z.object({
  title: ZName.optional(),
  notes: ZNotes.nullable().optional(),
  dueAt: ZTimestamp.optional(),
  assigneeId: ZId.optional(),
  priority: ZTaskPriority.optional(),
  activityKind: ZTaskActivityKind.nullable().optional(),
  customerId: ZId.nullable().optional(),
  dealId: ZId.nullable().optional(),
  leadId: ZId.nullable().optional(),
  status: ZTaskStatus.optional(),
  version: ZVersion.optional(),
});
export type TTaskUpdate = z.infer<typeof ZTaskUpdate>;

/** The activity a completion logs, in the same transaction: it counts as contact with the task's customer. */
export const ZTaskCompletionActivity = z.object({
  /** Default: the kind the task asks for. */
  kind: ZTaskActivityKind.optional(),
  /** Default: the task's title. */
  subject: ZName.optional(),
  notes: ZNotes.nullable().optional(),
  outcome: ZTaskActivityOutcome.nullable().optional(),
  /** Default: now. Not in the future. */
  occurredAt: ZTimestamp.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
});
export type TTaskCompletionActivity = z.infer<typeof ZTaskCompletionActivity>;

export const ZTaskComplete = z.object({ activity: ZTaskCompletionActivity.optional(), version: ZVersion.optional() });

const ZBoolParam = z.enum(['true', 'false']);

export const ZTaskListQuery = ZListQuery.extend({
  assigneeId: ZId.optional(),
  teamId: ZId.optional(),
  status: ZTaskStatus.optional(),
  source: ZTaskSource.optional(),
  customerId: ZId.optional(),
  dealId: ZId.optional(),
  leadId: ZId.optional(),
  /** Due at or after. */
  dueFrom: ZTimestamp.optional(),
  /** Due before. */
  dueTo: ZTimestamp.optional(),
  /** true: open and past due; false: not overdue. */
  overdue: ZBoolParam.optional(),
  sort: z.enum(['dueAt', '-dueAt']).default('dueAt'),
});

export const ZOverdueTasksQuery = ZListQuery.extend({
  /** mine: my overdue tasks; team: everyone's in my data scope (managers: their teams; directors, admins, viewers: all). */
  scope: z.enum(['mine', 'team']).default('mine'),
  teamId: ZId.optional(),
  assigneeId: ZId.optional(),
});

const ZOverdueCounts = z.object({ overdue: z.number().int(), oldestDueAt: ZTimestamp });
export const ZOverdueTasks = z.object({
  asOf: ZTimestamp,
  total: z.number().int(),
  byRep: z.array(ZOverdueCounts.extend({ userId: ZId, name: z.string(), teamId: ZId.nullable() })),
  /** By the task's team (its assignee's); teamId null gathers tasks of people in no team. */
  byTeam: z.array(ZOverdueCounts.extend({ teamId: ZId.nullable(), name: z.string().nullable() })),
  /** The overdue tasks themselves, oldest due first. */
  data: z.array(ZTask),
  nextCursor: z.string().nullable(),
});
export type TOverdueTasks = z.infer<typeof ZOverdueTasks>;

// ---- Follow-up plans ----

export const ZPlanTarget = z.enum(['customer', 'deal']);
export const ZPlanStep = z.object({
  /** Days after the enrollment starts: "day 0 call, day 3 email, day 7 visit". */
  dayOffset: z.number().int().min(0).max(3650),
  kind: ZTaskActivityKind,
  title: ZName,
});
export type TPlanStep = z.infer<typeof ZPlanStep>;

export const ZFollowUpPlan = z.object({
  id: ZId,
  name: z.string(),
  target: ZPlanTarget,
  /** Customers in this tier are enrolled (target customer). */
  tierId: ZId.nullable(),
  /** Open deals in this stage are enrolled (target deal). */
  stageId: ZId.nullable(),
  steps: z.array(ZPlanStep),
  active: z.boolean(),
  enrollmentCounts: z.object({ active: z.number().int(), completed: z.number().int(), stopped: z.number().int() }),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TFollowUpPlan = z.infer<typeof ZFollowUpPlan>;

/** Steps in ascending day order (two on one day allowed), 1–20 of them; the target names its tier or its stage. */
export const ZFollowUpPlanCreate = z.object({
  name: ZName,
  target: ZPlanTarget,
  tierId: ZId.nullable().optional(),
  stageId: ZId.nullable().optional(),
  steps: z.array(ZPlanStep).min(1).max(20),
  active: z.boolean().optional(),
});
export type TFollowUpPlanCreate = z.infer<typeof ZFollowUpPlanCreate>;

/** The target cannot change (make another plan); steps can, and apply to the steps enrollments have not reached. */
export const ZFollowUpPlanUpdate = z.object({
  name: ZName.optional(),
  steps: z.array(ZPlanStep).min(1).max(20).optional(),
  /** false stops the active enrollments (reason plan_deactivated) and cancels their open tasks. */
  active: z.boolean().optional(),
  version: ZVersion.optional(),
});
export type TFollowUpPlanUpdate = z.infer<typeof ZFollowUpPlanUpdate>;

export const ZFollowUpPlanListQuery = ZListQuery.extend({ target: ZPlanTarget.optional(), active: ZBoolParam.optional() });

export const ZPlanEnrollmentStatus = z.enum(['active', 'stopped', 'completed']);
export const ZPlanStopReason = z.enum(['answered', 'deal_closed', 'manual', 'plan_deactivated']);
export const ZPlanEnrollment = z.object({
  id: ZId,
  planId: ZId,
  customerId: ZId.nullable(),
  dealId: ZId.nullable(),
  startedAt: ZTimestamp,
  /** The next step to become a task (0-based); equals the number of steps once all are done. */
  nextStep: z.number().int(),
  /** When the next step becomes a task; null when none is left. */
  nextStepAt: ZTimestamp.nullable(),
  status: ZPlanEnrollmentStatus,
  stopReason: ZPlanStopReason.nullable(),
  endedAt: ZTimestamp.nullable(),
});
export type TPlanEnrollment = z.infer<typeof ZPlanEnrollment>;

export const ZPlanEnrollmentCreate = z
  .object({ customerId: ZId.optional(), dealId: ZId.optional() })
  .refine((e) => (e.customerId === undefined) !== (e.dealId === undefined), {
    path: ['customerId'],
    message: 'give either customerId or dealId',
  });
export const ZPlanEnrollmentListQuery = ZListQuery.extend({ status: ZPlanEnrollmentStatus.optional() });
