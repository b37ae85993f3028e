import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';

/** The public pool (公海): customers without an owner, for reps to claim. */
export const ZPoolListQuery = ZListQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  tierId: ZId.optional(),
  region: z.string().max(200).optional(),
  industry: z.string().max(200).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'lastContactAt', '-lastContactAt']).default('name'),
});

const ZReason = z.string().trim().min(1).max(500);

export const ZClaimBody = z.object({ reason: ZReason.optional() });
/** A release must say why: the next rep to claim the customer reads it. */
export const ZReleaseBody = z.object({ reason: ZReason });

export const ZPoolEventKind = z.enum(['claim', 'release', 'reclaim', 'warning']);

export const ZPoolEvent = z.object({
  id: ZId,
  customerId: ZId,
  kind: ZPoolEventKind,
  /** The rep who claimed, released, lost or was warned about the customer. */
  userId: ZId.nullable(),
  /** Who did it; null when the pool sweep did. */
  actorId: ZId.nullable(),
  reason: z.string(),
  at: ZTimestamp,
});
export type TPoolEvent = z.infer<typeof ZPoolEvent>;

export const ZPoolEventListQuery = ZListQuery;
