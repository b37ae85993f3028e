import type {
  TTierChurnQuery,
  TTierChurnRisk,
  TTierCompliance,
  TTierConcentration,
  TTierDistribution,
  TTierMigration,
  TTierMigrationQuery,
  TTierRfm,
  TTierRfmQuery,
  TTierWindowQuery,
} from '@tierline/contracts';
import { RFM_SEGMENTS } from '@tierline/contracts';
import type { Ctx } from '../../platform/requestContext.ts';
import { snapshotted } from './dashboardSnapshots.usecases.ts';
import * as repo from './tierAnalytics.repository.ts';
import { days1, LORENZ_PERCENTS, migrationMatrix, RFM_SEGMENT_LABELS, type RfmSegment, rate } from './tierAnalytics.rules.ts';
import { previousWindow, type Window } from './window.rules.ts';

/**
 * Tier analytics (issue 9 item 4): each figure reads the customers in the caller's scope (repository `scopedCte`),
 * so the JSON route and its export answer the same. Shares and rates are shaped here by the pure rules.
 */

type Row = Record<string, unknown>;
const filtersOf = (q: repo.CustomerFilters): repo.CustomerFilters => ({
  teamId: q.teamId,
  repId: q.repId,
  region: q.region,
  levelId: q.levelId,
  tierId: q.tierId,
});
/** Decimal text (2 places) in cents, so shares are computed exactly. */
const cents = (v: unknown) => {
  const s = String(v);
  const neg = s.startsWith('-');
  const [w, fr = ''] = s.replace('-', '').split('.');
  const c = BigInt(w) * 100n + BigInt(fr.padEnd(2, '0').slice(0, 2));
  return neg ? -c : c;
};
const tierRef = (r: Row) => ({
  tierId: String(r.tier_id),
  tierKey: String(r.tier_key),
  tierNameZh: String(r.tier_name_zh),
  tierNameEn: String(r.tier_name_en),
  tierRank: Number(r.tier_rank),
});
const windowOf = (q: Window): Window => ({ from: q.from, to: q.to });

async function distributionPart(ctx: Ctx, q: TTierWindowQuery, w: Window) {
  const rows = await repo.distributionRows(ctx, filtersOf(q), w);
  const totalCustomers = rows.reduce((n, r) => n + Number(r.customers), 0);
  const totalCents = rows.reduce((n, r) => n + cents(r.revenue), 0n);
  return {
    window: w,
    rows: rows.map((r) => ({
      ...tierRef(r),
      customers: Number(r.customers),
      customerShare: rate(Number(r.customers), totalCustomers),
      revenue: String(r.revenue),
      revenueShare: rate(cents(r.revenue), totalCents),
    })),
    totalCustomers,
    // the tiers' revenues are 2-place decimals: their exact sum, written back as decimal text
    totalRevenue: centsText(totalCents),
  };
}

function centsText(c: bigint): string {
  const a = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

export async function computeTierDistribution(ctx: Ctx, q: TTierWindowQuery): Promise<TTierDistribution> {
  const current = await distributionPart(ctx, q, windowOf(q));
  if (q.compare !== 'previous') return current;
  return { ...current, previous: await distributionPart(ctx, q, previousWindow(q)) };
}

async function concentrationPart(ctx: Ctx, q: TTierWindowQuery, w: Window) {
  const rows = await repo.concentrationRows(ctx, filtersOf(q), w);
  const n = Number(rows[0]?.n ?? 0);
  const payingCents = cents(rows[0]?.paying_total ?? '0');
  const lorenz = rows.map((r) => ({
    customerPercent: Number(r.pct),
    customers: Number(r.k),
    revenueShare: n === 0 ? null : rate(cents(r.cum), payingCents),
  }));
  const top = (pct: number) => {
    const r = rows.find((x) => Number(x.pct) === pct) as Row;
    return { customers: Number(r.k), revenue: String(r.cum), share: n === 0 ? null : rate(cents(r.cum), payingCents) };
  };
  return {
    window: w,
    totalRevenue: String(rows[0]?.total ?? '0.00'),
    payingCustomers: n,
    payingRevenue: String(rows[0]?.paying_total ?? '0.00'),
    top5: top(5),
    top20: top(20),
    lorenz: LORENZ_PERCENTS.map(
      (p) => lorenz.find((l) => l.customerPercent === p) ?? { customerPercent: p, customers: 0, revenueShare: null },
    ),
  };
}

export async function computeTierConcentration(ctx: Ctx, q: TTierWindowQuery): Promise<TTierConcentration> {
  const current = await concentrationPart(ctx, q, windowOf(q));
  if (q.compare !== 'previous') return current;
  return { ...current, previous: await concentrationPart(ctx, q, previousWindow(q)) };
}

export async function computeTierMigration(ctx: Ctx, q: TTierMigrationQuery): Promise<TTierMigration> {
  const [ladder, counts] = [await repo.tierLadder(ctx), await repo.migrationRows(ctx, filtersOf(q), windowOf(q))];
  const tiers = ladder.map((t) => ({
    id: String(t.id),
    key: String(t.key),
    nameZh: String(t.name_zh),
    nameEn: String(t.name_en),
    rank: Number(t.rank),
  }));
  const matrix = migrationMatrix(
    tiers,
    counts.map((c) => ({ fromTierId: (c.from_tier_id as string | null) ?? null, toTierId: String(c.to_tier_id), count: Number(c.count) })),
  );
  return { from: q.from, to: q.to, ...matrix };
}

async function compliancePart(ctx: Ctx, q: TTierWindowQuery, w: Window) {
  const rows = await repo.complianceRows(ctx, filtersOf(q), w);
  const due = rows.reduce((n, r) => n + Number(r.due), 0);
  const onTime = rows.reduce((n, r) => n + Number(r.on_time), 0);
  return {
    window: w,
    rows: rows.map((r) => ({ ...tierRef(r), due: Number(r.due), onTime: Number(r.on_time), rate: rate(Number(r.on_time), Number(r.due)) })),
    due,
    onTime,
    rate: rate(onTime, due),
  };
}

export async function computeTierFollowUpCompliance(ctx: Ctx, q: TTierWindowQuery): Promise<TTierCompliance> {
  const current = await compliancePart(ctx, q, windowOf(q));
  if (q.compare !== 'previous') return current;
  return { ...current, previous: await compliancePart(ctx, q, previousWindow(q)) };
}

export async function computeTierChurnRisk(ctx: Ctx, q: TTierChurnQuery): Promise<TTierChurnRisk> {
  const rows = await repo.churnRows(ctx, filtersOf(q), q.limit);
  const byTier = rows
    .filter((r) => r.kind === 'tier')
    .map((r) => ({ ...tierRef(r), assessed: Number(r.assessed), atRisk: Number(r.at_risk) }));
  return {
    asOf: ctx.clock.now().toISOString(),
    assessed: byTier.reduce((n, r) => n + r.assessed, 0),
    atRisk: byTier.reduce((n, r) => n + r.atRisk, 0),
    byTier,
    customers: rows
      .filter((r) => r.kind === 'customer')
      .map((r) => ({
        customerId: String(r.customer_id),
        customerName: String(r.customer_name),
        ...tierRef(r),
        ownerId: (r.owner_id as string | null) ?? null,
        ownerName: (r.owner_name as string | null) ?? null,
        purchases: Number(r.purchases),
        lastPurchaseAt: new Date(r.last_at as string).toISOString(),
        daysSinceLastPurchase: days1(r.since_days),
        usualIntervalDays: days1(r.interval_days),
        ratio: String(r.ratio),
      })),
  };
}

export async function computeTierRfmSegments(ctx: Ctx, q: TTierRfmQuery): Promise<TTierRfm> {
  const asOf = ctx.clock.now();
  const windowDays = q.windowDays ?? (await repo.ruleWindowDays(ctx));
  const rows = await repo.rfmRows(ctx, filtersOf(q), asOf, windowDays);
  const totals = new Map(rows.filter((r) => Number(r.all_tiers) === 1).map((r) => [String(r.segment), r]));
  const ladder = await repo.tierLadder(ctx);
  const cells = new Map(rows.filter((r) => Number(r.all_tiers) === 0).map((r) => [`${r.tier_id}>${r.segment}`, r]));
  const segments = RFM_SEGMENTS.map((segment: RfmSegment) => ({
    segment,
    labelZh: RFM_SEGMENT_LABELS[segment].zh,
    labelEn: RFM_SEGMENT_LABELS[segment].en,
    customers: Number(totals.get(segment)?.customers ?? 0),
    revenue: String(totals.get(segment)?.revenue ?? '0.00'),
  }));
  return {
    asOf: asOf.toISOString(),
    windowDays,
    segments,
    // every tier × segment, zeros included, so a heat map has all its cells
    byTier: ladder.flatMap((t) =>
      RFM_SEGMENTS.map((segment) => {
        const c = cells.get(`${t.id}>${segment}`);
        return {
          tierId: String(t.id),
          tierKey: String(t.key),
          tierNameZh: String(t.name_zh),
          tierNameEn: String(t.name_en),
          tierRank: Number(t.rank),
          segment,
          customers: Number(c?.customers ?? 0),
          revenue: String(c?.revenue ?? '0.00'),
        };
      }),
    ),
    totalCustomers: segments.reduce((n, s) => n + s.customers, 0),
  };
}

/** Each figure as served: from its snapshot (decision 0035), computed by the function above when needed. */
export const tierDistribution = (ctx: Ctx, q: TTierWindowQuery) =>
  snapshotted(ctx, 'tiers/distribution', q, () => computeTierDistribution(ctx, q));
export const tierConcentration = (ctx: Ctx, q: TTierWindowQuery) =>
  snapshotted(ctx, 'tiers/concentration', q, () => computeTierConcentration(ctx, q));
export const tierMigration = (ctx: Ctx, q: TTierMigrationQuery) =>
  snapshotted(ctx, 'tiers/migration', q, () => computeTierMigration(ctx, q));
export const tierFollowUpCompliance = (ctx: Ctx, q: TTierWindowQuery) =>
  snapshotted(ctx, 'tiers/follow-up-compliance', q, () => computeTierFollowUpCompliance(ctx, q));
export const tierChurnRisk = (ctx: Ctx, q: TTierChurnQuery) => snapshotted(ctx, 'tiers/churn-risk', q, () => computeTierChurnRisk(ctx, q));
export const tierRfmSegments = (ctx: Ctx, q: TTierRfmQuery) =>
  snapshotted(ctx, 'tiers/rfm-segments', q, () => computeTierRfmSegments(ctx, q));
