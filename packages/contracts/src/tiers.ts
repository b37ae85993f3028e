import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';

/** What a tier rule ranks customers by; `rfm` is the score described in docs/decisions/0010-rfm-score.md. */
export const ZTierMetric = z.enum(['monetary', 'frequency', 'recency', 'rfm']);
export type TTierMetric = z.infer<typeof ZTierMetric>;

const ZTierName = z.string().trim().min(1).max(50);
const ZTierColor = z.string().regex(/^(#[0-9a-fA-F]{6}|[a-z][a-z-]{0,19})$/, 'a preset colour name (gold, purple …) or #rrggbb');

export const ZTier = z.object({
  id: ZId,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** 1 is the highest tier. */
  rank: z.number().int(),
  color: z.string(),
  /** Send it back as If-Match (or `etag`) when changing the tier: it changes whenever the tier does. */
  etag: z.string(),
});
export type TTier = z.infer<typeof ZTier>;

export const ZTierCreate = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lowercase letters, digits and _, starting with a letter'),
  nameZh: ZTierName,
  nameEn: ZTierName,
  /** Position in the ladder, 1 = highest; the tiers from this rank down move one place lower. */
  rank: z.number().int().min(1).max(100),
  color: ZTierColor.optional(),
});
export type TTierCreate = z.infer<typeof ZTierCreate>;

export const ZTierUpdate = z
  .object({ nameZh: ZTierName, nameEn: ZTierName, color: ZTierColor })
  .partial()
  .extend({ etag: z.string().max(100).optional() });
export type TTierUpdate = z.infer<typeof ZTierUpdate>;

/** One tier's cut-off: `absolute` (metric ≥ value; recency: days ≤ value) or `top_percent` (rank ≤ ceil(value/100 × N)). */
export const ZTierCutoff = z.object({
  tierId: ZId,
  kind: z.enum(['absolute', 'top_percent']),
  value: z.number(),
});
export type TTierCutoff = z.infer<typeof ZTierCutoff>;

export const ZTierRules = z.object({
  version: z.number().int(),
  metric: ZTierMetric,
  /** Orders in (asOf − windowDays, asOf] count. */
  windowDays: z.number().int(),
  cutoffs: z.array(ZTierCutoff),
  createdAt: ZTimestamp,
  createdBy: ZId.nullable(),
});
export type TTierRules = z.infer<typeof ZTierRules>;

const tierRulesFields = {
  metric: ZTierMetric,
  windowDays: z.number().int().min(1).max(3660),
  cutoffs: z.array(ZTierCutoff).max(20),
};
/** A new version of the rules; `version` (or If-Match) is the version it is based on. */
export const ZTierRulesInput = z.object({ ...tierRulesFields, version: ZVersion.optional() });
export type TTierRulesInput = z.infer<typeof ZTierRulesInput>;

export const ZTierPreviewRequest = z.object({
  /** Rules to try; without them, the current rules. */
  rules: z.object(tierRulesFields).optional(),
  asOf: ZTimestamp,
});
export const ZTierRecomputeRequest = z.object({
  /** The end of the window; now when left out. */
  asOf: ZTimestamp.optional(),
});

/** Why a rule gave a customer its tier. `value`, `rank` and `cutoff` are null for a customer without orders in the window. */
export const ZTierExplanation = z.object({
  metric: ZTierMetric,
  value: z.number().nullable(),
  cutoff: ZTierCutoff.nullable(),
  rank: z.number().int().nullable(),
  n: z.number().int(),
  asOf: ZTimestamp,
  /** The three quintile scores behind an RFM score. */
  rfm: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int() }).optional(),
});
export type TTierExplanation = z.infer<typeof ZTierExplanation>;

/** What applying rules does (preview) or did (recompute). */
export const ZTierSummary = z.object({
  asOf: ZTimestamp,
  /** The rule version applied; null for a preview of proposed rules. */
  ruleVersion: z.number().int().nullable(),
  metric: ZTierMetric,
  windowDays: z.number().int(),
  /** Customers (not deleted), with and without orders in the window. */
  customers: z.number().int(),
  /** N: customers with at least one order in the window, the ones ranked. */
  ranked: z.number().int(),
  /** Customers whose tier is pinned by hand and left alone. */
  pinned: z.number().int(),
  changed: z.number().int(),
  tiers: z.array(
    z.object({
      tierId: ZId,
      key: z.string(),
      count: z.number().int(),
      /** Sum of the rule's metric over the tier's customers (money with 2 decimals). */
      metricSum: z.string(),
    }),
  ),
  moves: z.array(z.object({ fromTierId: ZId, toTierId: ZId, count: z.number().int() })),
  /** Up to 20 customers that move, highest new tier first. */
  sample: z.array(z.object({ customerId: ZId, name: z.string(), fromTierId: ZId, toTierId: ZId, explanation: ZTierExplanation })),
});
export type TTierSummary = z.infer<typeof ZTierSummary>;

export const ZCustomerTierSet = z.object({
  tierId: ZId,
  reason: z.string().trim().min(1).max(500),
  /** Pinned: tier rules leave the customer alone. Unchanged when left out. */
  pinned: z.boolean().optional(),
  version: ZVersion.optional(),
});
export type TCustomerTierSet = z.infer<typeof ZCustomerTierSet>;

export const ZTierChange = z.object({
  id: ZId,
  effectiveAt: ZTimestamp,
  fromTierId: ZId.nullable(),
  toTierId: ZId,
  source: z.enum(['manual', 'rule']),
  ruleVersion: z.number().int().nullable(),
  explanation: ZTierExplanation.nullable(),
  reason: z.string().nullable(),
  actorId: ZId.nullable(),
});
export type TTierChange = z.infer<typeof ZTierChange>;

export const ZTierHistoryQuery = ZListQuery;
