import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';

/** open → answered → resolved; resolved → open again (reopen). `closed` is reserved (final) and not produced yet. */
export const ZServiceRequestStatus = z.enum(['open', 'answered', 'resolved', 'closed']);
export type TServiceRequestStatus = z.infer<typeof ZServiceRequestStatus>;
export const ZServiceRequestPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export const ZServiceRequestChannel = z.enum(['phone', 'email', 'wechat', 'visit', 'portal', 'other']);

const ZTitle = z.string().trim().min(1).max(200);
const ZLongText = z.string().trim().max(10_000);

/** A customer's problem or need (客户服务), measured against the response SLA of the customer's tier when it was opened. */
export const ZServiceRequest = z.object({
  id: ZId,
  customerId: ZId,
  customerName: z.string(),
  contactId: ZId.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  channel: ZServiceRequestChannel,
  priority: ZServiceRequestPriority,
  status: ZServiceRequestStatus,
  ownerId: ZId,
  teamId: ZId.nullable(),
  /** The customer's tier when the request was opened, and the response SLA (hours) it promised; null: no SLA. */
  tierId: ZId.nullable(),
  tierKey: z.string().nullable(),
  slaHours: z.number().int().nullable(),
  openedAt: ZTimestamp,
  slaDueAt: ZTimestamp.nullable(),
  firstAnsweredAt: ZTimestamp.nullable(),
  resolvedAt: ZTimestamp.nullable(),
  resolution: z.string().nullable(),
  /** First answered after the SLA, or still unanswered past it. */
  breached: z.boolean(),
  /**
   * Whole minutes from now (while unanswered) or from the first answer to the SLA deadline, rounded down:
   * negative exactly when breached; null without an SLA.
   */
  slaRemainingMinutes: z.number().int().nullable(),
  /** Whole minutes from opening to the first answer; null while unanswered. */
  firstResponseMinutes: z.number().int().nullable(),
  /** The request's tier ranks above the organisation's lowest tier (KA and VIP by default): show it prominently. */
  highlight: z.boolean(),
  createdBy: ZId.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TServiceRequest = z.infer<typeof ZServiceRequest>;

export const ZServiceRequestCreate = z.object({
  customerId: ZId,
  contactId: ZId.nullable().optional(),
  title: ZTitle,
  description: ZLongText.nullable().optional(),
  channel: ZServiceRequestChannel.optional(),
  priority: ZServiceRequestPriority.optional(),
  /** When the customer asked (not in the future); default now. The SLA runs from here. */
  openedAt: ZTimestamp.optional(),
  /** Default: the customer's owner; for a customer in the pool, the caller. */
  ownerId: ZId.optional(),
});
export type TServiceRequestCreate = z.infer<typeof ZServiceRequestCreate>;

/** What a request's fields may become; its customer, opening time and SLA are fixed. Send its version. */
export const ZServiceRequestUpdate = z.object({
  contactId: ZId.nullable().optional(),
  title: ZTitle.optional(),
  description: ZLongText.nullable().optional(),
  channel: ZServiceRequestChannel.optional(),
  priority: ZServiceRequestPriority.optional(),
  ownerId: ZId.optional(),
  version: ZVersion.optional(),
});
export type TServiceRequestUpdate = z.infer<typeof ZServiceRequestUpdate>;

/** Answer, resolve and reopen: the version is optional (the status rules serialise them); when given it must match. */
export const ZServiceRequestAction = z.object({ version: ZVersion.optional() });
export const ZServiceRequestResolve = z.object({ resolution: z.string().trim().min(1).max(10_000), version: ZVersion.optional() });

const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZServiceRequestListQuery = ZListQuery.extend({
  customerId: ZId.optional(),
  ownerId: ZId.optional(),
  teamId: ZId.optional(),
  tierId: ZId.optional(),
  status: ZServiceRequestStatus.optional(),
  breached: ZBool.optional(),
  /** Opened at or after `from` and before `to`. */
  from: ZTimestamp.optional(),
  to: ZTimestamp.optional(),
  sort: z.enum(['openedAt', '-openedAt']).default('-openedAt'),
});

export const ZServiceBreachQuery = z.object({
  groupBy: z.enum(['rep', 'team']).default('rep'),
  /** Requests opened at or after `from` and before `to`; either may be left open. */
  from: ZTimestamp.optional(),
  to: ZTimestamp.optional(),
  tierId: ZId.optional(),
});

const ZServiceCounts = z.object({
  requests: z.number().int(),
  answered: z.number().int(),
  answeredInSla: z.number().int(),
  /** Answered late, or unanswered past the deadline as of `asOf`. */
  breached: z.number().int(),
  /** Not answered yet and still within the SLA (or without one). */
  pending: z.number().int(),
  /** Mean minutes from opening to the first answer over the answered requests, one decimal; null when none. */
  meanFirstResponseMinutes: z.number().nullable(),
});

export const ZServiceBreachReport = z.object({
  asOf: ZTimestamp,
  groupBy: z.enum(['rep', 'team']),
  from: ZTimestamp.nullable(),
  to: ZTimestamp.nullable(),
  total: ZServiceCounts,
  /** Worst first: most breached, then most requests. `key` is the rep's or team's id (null: requests of owners in no team). */
  groups: z.array(ZServiceCounts.extend({ key: ZId.nullable(), label: z.string().nullable() })),
});
export type TServiceBreachReport = z.infer<typeof ZServiceBreachReport>;
