import { z } from 'zod';
import { windowChecked, ZAnalyticsFilters, ZComputedAt, ZFiguresExportOptions } from './analytics.ts';
import { ZDate, ZId } from './common.ts';

/**
 * Tier analytics (issue 9 item 4). Every figure counts the customers the caller may see (not deleted), narrowed by
 * teamId (customers.team_id), repId (owner), region, levelId (the owner's current level) and tierId (current tier).
 * pipelineId does not apply to customers and is ignored. Windows are calendar dates [from, to) in the org's zone.
 */

const ZScopeFilters = ZAnalyticsFilters.omit({ from: true, to: true, compare: true, pipelineId: true });

export const ZTierWindowQuery = windowChecked(ZAnalyticsFilters.omit({ pipelineId: true }));
export type TTierWindowQuery = z.infer<typeof ZTierWindowQuery>;
/** The migration matrix compares the tier at the start of `from` with the tier at the start of `to`. */
export const ZTierMigrationQuery = windowChecked(ZAnalyticsFilters.omit({ pipelineId: true, compare: true }));
export type TTierMigrationQuery = z.infer<typeof ZTierMigrationQuery>;
export const ZTierChurnQuery = ZScopeFilters.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export type TTierChurnQuery = z.infer<typeof ZTierChurnQuery>;
export const ZTierRfmQuery = ZScopeFilters.extend({
  /** The RFM window in days ending now; default the window of the organisation's tier rules (decision 0010). */
  windowDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type TTierRfmQuery = z.infer<typeof ZTierRfmQuery>;

export const ZTierWindowExportQuery = windowChecked(ZAnalyticsFilters.omit({ pipelineId: true }).extend(ZFiguresExportOptions.shape));
export const ZTierMigrationExportQuery = windowChecked(
  ZAnalyticsFilters.omit({ pipelineId: true, compare: true }).extend(ZFiguresExportOptions.shape),
);
export const ZTierChurnExportQuery = ZTierChurnQuery.extend(ZFiguresExportOptions.shape);
export const ZTierRfmExportQuery = ZTierRfmQuery.extend(ZFiguresExportOptions.shape);

const ZTierRef = { tierId: ZId, tierKey: z.string(), tierNameZh: z.string(), tierNameEn: z.string(), tierRank: z.number().int() };
const ZWindow = z.object({ from: ZDate, to: ZDate });
const ZMoney = z.string();
const ZRate = z.string().nullable();

export const ZTierDistributionRow = z.object({
  ...ZTierRef,
  customers: z.number().int(),
  /** customers / all customers counted, 4 places; null when none. */
  customerShare: ZRate,
  revenue: ZMoney,
  /** revenue / total revenue, 4 places; null when the total is 0. */
  revenueShare: ZRate,
});
const ZTierDistributionPart = z.object({
  window: ZWindow,
  rows: z.array(ZTierDistributionRow),
  totalCustomers: z.number().int(),
  totalRevenue: ZMoney,
});
export const ZTierDistribution = ZTierDistributionPart.extend({ previous: ZTierDistributionPart.optional(), ...ZComputedAt.shape });
export type TTierDistribution = z.infer<typeof ZTierDistribution>;

export const ZLorenzPoint = z.object({
  /** 0, 5, …, 100: the top that share of paying customers… */
  customerPercent: z.number().int(),
  /** …= ceil(customerPercent × n / 100) customers… */
  customers: z.number().int(),
  /** …brought this share of the paying customers' revenue (4 places); null when n = 0. */
  revenueShare: ZRate,
});
const ZConcentrationPart = z.object({
  window: ZWindow,
  /** Σ order amounts in the window over the customers in scope (refunds included). */
  totalRevenue: ZMoney,
  /** Customers with revenue > 0 in the window: the ranked population. */
  payingCustomers: z.number().int(),
  /** Σ revenue of the paying customers: the denominator of every share. */
  payingRevenue: ZMoney,
  top5: z.object({ customers: z.number().int(), revenue: ZMoney, share: ZRate }),
  top20: z.object({ customers: z.number().int(), revenue: ZMoney, share: ZRate }),
  lorenz: z.array(ZLorenzPoint),
});
export const ZTierConcentration = ZConcentrationPart.extend({ previous: ZConcentrationPart.optional(), ...ZComputedAt.shape });
export type TTierConcentration = z.infer<typeof ZTierConcentration>;

const ZMigrationTier = z.object({ id: ZId, key: z.string(), nameZh: z.string(), nameEn: z.string(), rank: z.number().int() });
export const ZTierMigrationCell = z.object({
  /** null: the customer did not exist yet at the start of `from` ("new"). */
  fromTierId: ZId.nullable(),
  fromKey: z.string(),
  fromNameZh: z.string(),
  fromNameEn: z.string(),
  toTierId: ZId,
  toKey: z.string(),
  toNameZh: z.string(),
  toNameEn: z.string(),
  count: z.number().int(),
});
export const ZTierMigration = z.object({
  from: ZDate,
  to: ZDate,
  tiers: z.array(ZMigrationTier),
  /** Every (from, to) pair, zeros included: rows "new" then the tiers by rank, columns the tiers by rank. */
  cells: z.array(ZTierMigrationCell),
  total: z.number().int(),
  upgraded: z.number().int(),
  downgraded: z.number().int(),
  unchanged: z.number().int(),
  new: z.number().int(),
});
export type TTierMigration = z.infer<typeof ZTierMigration>;

export const ZTierComplianceRow = z.object({
  ...ZTierRef,
  due: z.number().int(),
  onTime: z.number().int(),
  /** onTime / due, 4 places; null when nothing was due. */
  rate: ZRate,
});
const ZCompliancePart = z.object({
  window: ZWindow,
  rows: z.array(ZTierComplianceRow),
  due: z.number().int(),
  onTime: z.number().int(),
  rate: ZRate,
});
export const ZTierCompliance = ZCompliancePart.extend({ previous: ZCompliancePart.optional(), ...ZComputedAt.shape });
export type TTierCompliance = z.infer<typeof ZTierCompliance>;

export const ZChurnRiskCustomer = z.object({
  customerId: ZId,
  customerName: z.string(),
  ...ZTierRef,
  ownerId: ZId.nullable(),
  ownerName: z.string().nullable(),
  purchases: z.number().int(),
  lastPurchaseAt: z.iso.datetime({ offset: true }),
  /** Days (1 decimal) from the last purchase to now. */
  daysSinceLastPurchase: z.number(),
  /** Mean days (1 decimal) between consecutive purchases = (last − first) / (purchases − 1). */
  usualIntervalDays: z.number(),
  /** daysSinceLastPurchase / usualIntervalDays (exact, 4 places); at risk when > 2. */
  ratio: z.string(),
  ...ZComputedAt.shape,
});
export const ZTierChurnRisk = z.object({
  asOf: z.iso.datetime({ offset: true }),
  /** Customers with a usual interval (≥ 2 purchases at different instants). */
  assessed: z.number().int(),
  atRisk: z.number().int(),
  byTier: z.array(z.object({ ...ZTierRef, assessed: z.number().int(), atRisk: z.number().int() })),
  customers: z.array(ZChurnRiskCustomer),
  ...ZComputedAt.shape,
});
export type TTierChurnRisk = z.infer<typeof ZTierChurnRisk>;

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'new',
  'potential',
  'at_risk',
  'hibernating',
  'needs_attention',
  'no_purchases',
] as const;
export const ZRfmSegment = z.enum(RFM_SEGMENTS);
export const ZRfmSegmentRow = z.object({
  segment: ZRfmSegment,
  labelZh: z.string(),
  labelEn: z.string(),
  customers: z.number().int(),
  revenue: ZMoney,
});
export const ZTierRfm = z.object({
  asOf: z.iso.datetime({ offset: true }),
  windowDays: z.number().int(),
  segments: z.array(ZRfmSegmentRow),
  byTier: z.array(z.object({ ...ZTierRef, segment: ZRfmSegment, customers: z.number().int(), revenue: ZMoney })),
  totalCustomers: z.number().int(),
  ...ZComputedAt.shape,
});
export type TTierRfm = z.infer<typeof ZTierRfm>;
