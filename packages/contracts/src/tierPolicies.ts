import { z } from 'zod';
import { ZId, ZTimestamp, ZVersion } from './common.ts';

/** The service a tier promises: what compliance and the public pool are measured against. */
export const ZTierPolicy = z.object({
  tierId: ZId,
  tierKey: z.string(),
  tierNameZh: z.string(),
  tierNameEn: z.string(),
  tierRank: z.number().int(),
  /** Follow-up cadence: most days allowed without contact. */
  cadenceDays: z.number().int(),
  /** The lowest salesperson level that may own the tier's customers; null: any. */
  minLevelId: ZId.nullable(),
  responseSlaHours: z.number().int(),
  maxDiscountPct: z.number(),
  accountTeamRequired: z.boolean(),
  /** Days without contact after which the owner loses the customer to the pool; null: never. */
  poolReclaimDays: z.number().int().nullable(),
  /** How many days before the reclaim the owner is warned. */
  poolWarningDays: z.number().int(),
  version: z.number().int(),
});
export type TTierPolicy = z.infer<typeof ZTierPolicy>;

const twoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;

/** PUT replaces the whole policy; send the version it is based on (body or If-Match). */
export const ZTierPolicyUpdate = z
  .object({
    cadenceDays: z.number().int().min(1).max(3650),
    minLevelId: ZId.nullable(),
    responseSlaHours: z.number().int().min(1).max(8760),
    maxDiscountPct: z.number().min(0).max(100).refine(twoDecimals, 'at most 2 decimal places'),
    accountTeamRequired: z.boolean(),
    poolReclaimDays: z.number().int().min(1).max(3650).nullable(),
    poolWarningDays: z.number().int().min(0).max(365),
    version: ZVersion.optional(),
  })
  .refine((p) => p.poolReclaimDays === null || p.poolWarningDays < p.poolReclaimDays, {
    path: ['poolWarningDays'],
    message: 'must be fewer than poolReclaimDays',
  });
export type TTierPolicyUpdate = z.infer<typeof ZTierPolicyUpdate>;

export const ZComplianceStatus = z.enum(['met', 'breached', 'not_applicable']);
export type TComplianceStatus = z.infer<typeof ZComplianceStatus>;

/** One check of a customer against its tier's policy, with the figures it was decided on. */
export const ZComplianceCheck = z.discriminatedUnion('check', [
  z.object({
    check: z.literal('followUpCadence'),
    status: ZComplianceStatus,
    cadenceDays: z.number().int(),
    daysSinceContact: z.number().int().nullable(),
    /** Which date the days count from: the last contact, or (never contacted) ownership or creation. */
    countedFrom: z.enum(['lastContact', 'ownedSince', 'createdAt']).nullable(),
    since: ZTimestamp.nullable(),
  }),
  z.object({
    check: z.literal('ownerLevel'),
    status: ZComplianceStatus,
    ownerId: ZId.nullable(),
    ownerLevelId: ZId.nullable(),
    ownerLevelRank: z.number().int().nullable(),
    minLevelId: ZId.nullable(),
    minLevelRank: z.number().int().nullable(),
  }),
  z.object({
    check: z.literal('accountTeam'),
    status: ZComplianceStatus,
    required: z.boolean(),
    /** Account-team members besides the owner. */
    members: z.number().int(),
  }),
]);
export type TComplianceCheck = z.infer<typeof ZComplianceCheck>;

export const ZCustomerCompliance = z.object({
  customerId: ZId,
  tierId: ZId,
  asOf: ZTimestamp,
  compliant: z.boolean(),
  checks: z.array(ZComplianceCheck),
  /** When the owner will be warned and lose the customer to the pool, if nobody contacts it. */
  pool: z
    .object({
      reclaimDays: z.number().int(),
      warningDays: z.number().int(),
      lastTouchAt: ZTimestamp,
      warnAt: ZTimestamp,
      reclaimAt: ZTimestamp,
    })
    .nullable(),
});
export type TCustomerCompliance = z.infer<typeof ZCustomerCompliance>;

export const ZBreachCounts = z.object({
  /** Owned customers counted. */
  customers: z.number().int(),
  /** Customers breaching at least one check. */
  inBreach: z.number().int(),
  followUpCadence: z.number().int(),
  ownerLevel: z.number().int(),
  accountTeam: z.number().int(),
});

export const ZBreachReport = z.object({
  asOf: ZTimestamp,
  total: ZBreachCounts,
  byRep: z.array(ZBreachCounts.extend({ userId: ZId, name: z.string(), teamId: ZId.nullable() })),
  /** Grouped by the customer's team; teamId null gathers customers of no team. */
  byTeam: z.array(ZBreachCounts.extend({ teamId: ZId.nullable(), name: z.string().nullable() })),
});
export type TBreachReport = z.infer<typeof ZBreachReport>;

export const ZBreachQuery = z.object({ tierId: ZId.optional() });
