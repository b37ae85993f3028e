import { z } from 'zod';
import { ZDate, ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';

/** Schemas of the activities API and of the customer and deal timelines. See docs/decisions/0019-activities-and-timeline.md. */

export const ZActivityKind = z.enum(['call', 'email', 'visit', 'meeting', 'note']);
export type TActivityKind = z.infer<typeof ZActivityKind>;
/** `no_answer` is the one outcome that does not count as the customer answering. */
export const ZActivityOutcome = z.enum(['reached', 'no_answer', 'interested', 'not_interested', 'follow_up', 'done']);
export type TActivityOutcome = z.infer<typeof ZActivityOutcome>;

export const ZActivity = z.object({
  id: ZId,
  kind: ZActivityKind,
  subject: z.string(),
  notes: z.string().nullable(),
  outcome: ZActivityOutcome.nullable(),
  occurredAt: ZTimestamp,
  durationMinutes: z.number().int().nullable(),
  customerId: ZId.nullable(),
  contactId: ZId.nullable(),
  dealId: ZId.nullable(),
  leadId: ZId.nullable(),
  /** The rep who did it, and whose activity it counts as. */
  ownerId: ZId,
  teamId: ZId.nullable(),
  /** Participants beyond the owner and the main contact. */
  contactIds: z.array(ZId),
  userIds: z.array(ZId),
  /** A visit's check-in (签到): when and where the rep was. */
  checkInAt: ZTimestamp.nullable(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Whether it counts as a contact with the customer (every kind but a note): it moves the customer's last contact. */
  isContact: z.boolean(),
  /** Whether the customer answered: false for a contact with outcome no_answer and for an email without an outcome. */
  answered: z.boolean(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TActivity = z.infer<typeof ZActivity>;

const ZSubject = z.string().trim().min(1).max(200);
/** Degrees (WGS 84), kept to 6 decimals (about 0.1 m). */
const ZCoordinate = (max: number) => z.number().min(-max).max(max);

const activityFields = {
  kind: ZActivityKind,
  subject: ZSubject,
  notes: z.string().trim().max(10_000).nullable(),
  outcome: ZActivityOutcome.nullable(),
  /** When it happened; defaults to now. Not in the future (a planned visit is a task, not an activity). */
  occurredAt: ZTimestamp,
  durationMinutes: z.number().int().min(0).max(1440).nullable(),
  /** A contact of the activity's customer. */
  contactId: ZId.nullable(),
  /** A deal of the activity's customer. */
  dealId: ZId.nullable(),
  contactIds: z.array(ZId).max(50),
  userIds: z.array(ZId).max(50),
  /** Visits only; defaults to occurredAt for a visit. */
  checkInAt: ZTimestamp.nullable(),
  location: z.string().trim().max(500).nullable(),
  latitude: ZCoordinate(90).nullable(),
  longitude: ZCoordinate(180).nullable(),
};

export const ZActivityCreate = z
  .object({
    ...z.object(activityFields).partial().shape,
    kind: ZActivityKind,
    subject: ZSubject,
    customerId: ZId.optional(),
    leadId: ZId.optional(),
    /** Defaults to the caller; a manager may log for a rep of their team, a director or admin for anyone. */
    ownerId: ZId.optional(),
  })
  .refine((a) => (a.customerId === undefined) !== (a.leadId === undefined), {
    path: ['customerId'],
    message: 'give exactly one of customerId or leadId',
  });
export type TActivityCreate = z.infer<typeof ZActivityCreate>;

export const ZActivityUpdate = z.object(activityFields).partial().extend({ version: ZVersion.optional() });
export type TActivityUpdate = z.infer<typeof ZActivityUpdate>;

export const ZActivityListQuery = ZListQuery.extend({
  customerId: ZId.optional(),
  dealId: ZId.optional(),
  leadId: ZId.optional(),
  ownerId: ZId.optional(),
  kind: ZActivityKind.optional(),
  /** occurredAt ≥ from */
  from: ZTimestamp.optional(),
  /** occurredAt < to */
  to: ZTimestamp.optional(),
});

// ---- Timeline -------------------------------------------------------------------------------------------

export const TIMELINE_EVENT_KINDS = [
  'activity',
  'stage_change',
  'tier_change',
  'order',
  'payment',
  'assignment',
  'pool',
  'milestone',
  'deal_task',
] as const;
export const ZTimelineEventKind = z.enum(TIMELINE_EVENT_KINDS);
export type TTimelineEventKind = z.infer<typeof ZTimelineEventKind>;

export const ZTimelineQuery = ZListQuery.extend({
  /** Comma-separated event kinds to include, e.g. `activity,stage_change`; all when absent. */
  kinds: z
    .string()
    .max(300)
    .transform((s) => [...new Set(s.split(',').map((k) => k.trim()))].filter(Boolean))
    .pipe(z.array(ZTimelineEventKind).min(1))
    .optional(),
});

const ZStageRef = z.object({ id: ZId, nameZh: z.string(), nameEn: z.string() });
const ZTierRef = z.object({ id: ZId, key: z.string() });

const eventBase = {
  id: ZId,
  at: ZTimestamp,
  /** Who did it; null when the system did (rules, the pool sweep, automatic assignment) or nobody is known. */
  actorId: ZId.nullable(),
  customerId: ZId.nullable(),
  dealId: ZId.nullable(),
};

export const ZTimelineEvent = z.discriminatedUnion('kind', [
  z.object({
    ...eventBase,
    kind: z.literal('activity'),
    data: z.object({
      activityKind: ZActivityKind,
      subject: z.string(),
      outcome: ZActivityOutcome.nullable(),
      contactId: ZId.nullable(),
      durationMinutes: z.number().int().nullable(),
      location: z.string().nullable(),
    }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('stage_change'),
    data: z.object({ dealName: z.string(), from: ZStageRef.nullable(), to: ZStageRef }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('tier_change'),
    data: z.object({
      from: ZTierRef.nullable(),
      to: ZTierRef,
      source: z.enum(['manual', 'rule']),
      ruleVersion: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('order'),
    data: z.object({ externalId: z.string().nullable(), amount: z.string(), currency: z.string() }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('payment'),
    data: z.object({
      contractId: ZId,
      contractNumber: z.string(),
      receivedOn: ZDate,
      amount: z.string(),
      currency: z.string(),
      method: z.string().nullable(),
    }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('assignment'),
    data: z.object({
      entity: z.enum(['lead', 'customer', 'deal']),
      entityId: ZId,
      assignedUserId: ZId.nullable(),
      ruleId: ZId.nullable(),
      ruleName: z.string().nullable(),
    }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('pool'),
    data: z.object({ action: z.enum(['claim', 'release', 'reclaim', 'warning']), userId: ZId.nullable(), reason: z.string() }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('milestone'),
    data: z.object({ name: z.string(), dueDate: ZDate.nullable(), status: z.enum(['open', 'done']), ownerId: ZId.nullable() }),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('deal_task'),
    data: z.object({
      title: z.string(),
      department: z.string(),
      dueDate: ZDate.nullable(),
      status: z.enum(['open', 'in_progress', 'done']),
      assigneeId: ZId.nullable(),
    }),
  }),
]);
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;
