import {
  ZTierChurnExportQuery,
  ZTierChurnQuery,
  ZTierChurnRisk,
  ZTierCompliance,
  ZTierConcentration,
  ZTierDistribution,
  ZTierMigration,
  ZTierMigrationExportQuery,
  ZTierMigrationQuery,
  ZTierRfm,
  ZTierRfmExportQuery,
  ZTierRfmQuery,
  ZTierWindowExportQuery,
  ZTierWindowQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import type { ExportColumn } from '../../platform/exports/export.rules.ts';
import { sendFigures } from '../../platform/exports/figures.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { SNAPSHOT_DESCRIPTION } from './dashboardSnapshots.rules.ts';
import {
  tierChurnRisk,
  tierConcentration,
  tierDistribution,
  tierFollowUpCompliance,
  tierMigration,
  tierRfmSegments,
} from './tierAnalytics.usecases.ts';

const BASE = '/api/v1/analytics/tiers';
const SCOPE = `Counts the customers the caller may see (rep: own and shared, and the pool; manager: their teams'; director,
admin, viewer: the organisation's), not deleted, narrowed by teamId (customer's team), repId (owner), region, levelId
(owner's current level) and tierId (current tier); pipelineId does not apply. Dates are calendar dates in the
organisation's zone, windows [from, to). Money: decimal text, 2 places; rates: fractions, 4 places, null when the
denominator is 0. \`/export\` gives the same rows as CSV or Excel.

${SNAPSHOT_DESCRIPTION}`;

const tierCols = <T extends { tierKey: string; tierNameZh: string; tierNameEn: string }>(): ExportColumn<T>[] => [
  { key: 'tierKey', zh: '等级代码', en: 'Tier key', value: (r) => r.tierKey },
  { key: 'tierName', zh: '客户等级', en: 'Tier', value: (r) => r.tierNameZh },
  { key: 'tierNameEn', zh: '等级(英文)', en: 'Tier (English)', value: (r) => r.tierNameEn },
];
const num = <T>(key: string, zh: string, en: string, value: (r: T) => string | number | null): ExportColumn<T> => ({
  key,
  zh,
  en,
  value,
  numeric: true,
});

const DESCRIPTIONS = {
  distribution: `Per tier (every tier of the organisation, by rank): customers = customers in scope whose current tier it is;
customerShare = customers / totalCustomers; revenue = Σ order amounts (refunds included) with ordered_at in [from, to) of
those customers; revenueShare = revenue / totalRevenue. compare=previous adds \`previous\` for the previous window
(the previous month/quarter/year, else as many days before), with customers still counted by their current tier.`,
  concentration: `Revenue of the customers in scope from orders in [from, to). Paying customers = those whose window revenue is
> 0 (n of them), ranked by revenue desc then customer id asc. Top p % = the first k = ceil(p × n / 100) of them (n = 7:
top 5 % is 1 customer, top 20 % is 2); share = their revenue / payingRevenue (Σ of the paying customers' revenue).
totalRevenue also counts customers whose window revenue is ≤ 0 (refunds). lorenz: for p = 0, 5, …, 100 the cumulative
share of the top p % (a Pareto curve, 1.0000 at 100 %). compare=previous adds \`previous\`.`,
  migration: `Each customer's tier in force at the start of \`from\` (A) against the start of \`to\` (B), from the tier history:
the \`to\` tier of the latest change at or before the instant. Customers created after A are counted in the row "new"
(fromTierId null); those created after B are not counted. A customer with no history before an instant has the \`from\`
tier of its first later change (or its current tier). Cells: every (from, to) pair with its count, zeros included;
upgraded/downgraded = moves to a better/worse rank. The filters select customers by their current attributes.`,
  compliance: `Per tier (the customer's current tier): due = cadence follow-up tasks of customers in scope, due in [from, to) and
not after now, not cancelled; onTime = those done with completed_at ≤ due_at; rate = onTime / due — the KPI
followUpCompliance (decision 0026) grouped by tier. compare=previous adds \`previous\`.`,
  churn: `As of now. Purchases = orders with amount > 0 (a refund is not a purchase) up to now. Customers with ≥ 2 purchases at
different instants are assessed: usual interval = mean days between consecutive purchases = (last − first) / (purchases − 1);
at risk when the time since the last purchase is more than twice it (ratio = since / interval > 2, exact). customers: the
\`limit\` riskiest, ratio desc; byTier: assessed and at-risk counts per current tier (every tier).`,
  rfm: `As of now over the window (now − windowDays, now] (windowDays: the query's, else that of the organisation's tier
rules). R, F, M scores 1–5 exactly as decision 0010 (quintiles by competition rank among ALL the organisation's customers
with orders in the window, so a score does not depend on who looks); segments in order, the first that holds:
champions R≥4 F≥4 M≥4; loyal R≥3 F≥4; new one order and R≥4; potential R≥4; at_risk R≤2 F≥3; hibernating R≤2;
needs_attention the rest; no_purchases no order in the window. customers and revenue (Σ window order amounts) per
segment, and per tier × segment (every cell).`,
};

export const tiersAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: access.signedIn };
  const exportDescription = (what: string) => `${what} as CSV or Excel (format=csv|xlsx, locale=zh-CN|en): the JSON route's rows.`;

  app.get(
    `${BASE}/distribution`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'Customers and revenue per tier',
        description: `${DESCRIPTIONS.distribution}\n\n${SCOPE}`,
        querystring: ZTierWindowQuery,
        response: { 200: ZTierDistribution },
      },
    },
    async (req) => tierDistribution(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/distribution/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('Tier distribution'),
        description: `${DESCRIPTIONS.distribution}\n\n${SCOPE}`,
        querystring: ZTierWindowExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierDistribution(ctx, q);
      type R = (typeof d.rows)[number] & { window: string };
      const rows: R[] = [d, ...(d.previous ? [d.previous] : [])].flatMap((p) =>
        p.rows.map((r) => ({ ...r, window: `${p.window.from}/${p.window.to}` })),
      );
      const columns: ExportColumn<R>[] = [
        { key: 'window', zh: '期间', en: 'Window', value: (r) => r.window },
        ...tierCols<R>(),
        num('customers', '客户数', 'Customers', (r) => r.customers),
        num('customerShare', '客户占比', 'Customer share', (r) => r.customerShare),
        num('revenue', '收入', 'Revenue', (r) => r.revenue),
        num('revenueShare', '收入占比', 'Revenue share', (r) => r.revenueShare),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-distribution', sheet: { zh: '等级分布', en: 'Tier distribution' }, columns, rows },
        { format, locale },
      );
    },
  );

  app.get(
    `${BASE}/concentration`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'Revenue concentration: share of the top 5 % and 20 % of customers, Lorenz points',
        description: `${DESCRIPTIONS.concentration}\n\n${SCOPE}`,
        querystring: ZTierWindowQuery,
        response: { 200: ZTierConcentration },
      },
    },
    async (req) => tierConcentration(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/concentration/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('Revenue concentration'),
        description: `${DESCRIPTIONS.concentration}\n\n${SCOPE}`,
        querystring: ZTierWindowExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierConcentration(ctx, q);
      type R = (typeof d.lorenz)[number] & { window: string; payingCustomers: number; payingRevenue: string };
      const rows: R[] = [d, ...(d.previous ? [d.previous] : [])].flatMap((p) =>
        p.lorenz.map((l) => ({
          ...l,
          window: `${p.window.from}/${p.window.to}`,
          payingCustomers: p.payingCustomers,
          payingRevenue: p.payingRevenue,
        })),
      );
      const columns: ExportColumn<R>[] = [
        { key: 'window', zh: '期间', en: 'Window', value: (r) => r.window },
        num('customerPercent', '客户百分位', 'Top % of customers', (r) => r.customerPercent),
        num('customers', '客户数', 'Customers', (r) => r.customers),
        num('revenueShare', '收入累计占比', 'Cumulative revenue share', (r) => r.revenueShare),
        num('payingCustomers', '有收入客户数', 'Paying customers', (r) => r.payingCustomers),
        num('payingRevenue', '有收入客户收入', 'Paying customers revenue', (r) => r.payingRevenue),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-concentration', sheet: { zh: '收入集中度', en: 'Concentration' }, columns, rows },
        { format, locale },
      );
    },
  );

  app.get(
    `${BASE}/migration`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'Tier migration matrix between two dates',
        description: `${DESCRIPTIONS.migration}\n\n${SCOPE}`,
        querystring: ZTierMigrationQuery,
        response: { 200: ZTierMigration },
      },
    },
    async (req) => tierMigration(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/migration/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('Tier migration'),
        description: `${DESCRIPTIONS.migration}\n\n${SCOPE}`,
        querystring: ZTierMigrationExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierMigration(ctx, q);
      type R = (typeof d.cells)[number];
      const columns: ExportColumn<R>[] = [
        { key: 'fromKey', zh: `${q.from} 等级代码`, en: `Key on ${q.from}`, value: (r) => r.fromKey },
        { key: 'fromName', zh: `${q.from} 等级`, en: `Tier on ${q.from}`, value: (r) => r.fromNameZh },
        { key: 'toKey', zh: `${q.to} 等级代码`, en: `Key on ${q.to}`, value: (r) => r.toKey },
        { key: 'toName', zh: `${q.to} 等级`, en: `Tier on ${q.to}`, value: (r) => r.toNameZh },
        num('count', '客户数', 'Customers', (r) => r.count),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-migration', sheet: { zh: '等级迁移', en: 'Tier migration' }, columns, rows: d.cells },
        { format, locale },
      );
    },
  );

  app.get(
    `${BASE}/follow-up-compliance`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'Follow-up compliance (cadence tasks done on time) per tier',
        description: `${DESCRIPTIONS.compliance}\n\n${SCOPE}`,
        querystring: ZTierWindowQuery,
        response: { 200: ZTierCompliance },
      },
    },
    async (req) => tierFollowUpCompliance(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/follow-up-compliance/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('Follow-up compliance per tier'),
        description: `${DESCRIPTIONS.compliance}\n\n${SCOPE}`,
        querystring: ZTierWindowExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierFollowUpCompliance(ctx, q);
      type R = (typeof d.rows)[number] & { window: string };
      const rows: R[] = [d, ...(d.previous ? [d.previous] : [])].flatMap((p) =>
        p.rows.map((r) => ({ ...r, window: `${p.window.from}/${p.window.to}` })),
      );
      const columns: ExportColumn<R>[] = [
        { key: 'window', zh: '期间', en: 'Window', value: (r) => r.window },
        ...tierCols<R>(),
        num('due', '到期任务', 'Due', (r) => r.due),
        num('onTime', '按时完成', 'On time', (r) => r.onTime),
        num('rate', '跟进达标率', 'Compliance rate', (r) => r.rate),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-follow-up-compliance', sheet: { zh: '跟进达标率', en: 'Follow-up compliance' }, columns, rows },
        { format, locale },
      );
    },
  );

  app.get(
    `${BASE}/churn-risk`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'Customers at churn risk: no purchase for more than twice their usual interval',
        description: `${DESCRIPTIONS.churn}\n\n${SCOPE}`,
        querystring: ZTierChurnQuery,
        response: { 200: ZTierChurnRisk },
      },
    },
    async (req) => tierChurnRisk(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/churn-risk/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('Churn risk'),
        description: `${DESCRIPTIONS.churn}\n\n${SCOPE}`,
        querystring: ZTierChurnExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierChurnRisk(ctx, q);
      type R = (typeof d.customers)[number];
      const columns: ExportColumn<R>[] = [
        { key: 'customerName', zh: '客户', en: 'Customer', value: (r) => r.customerName },
        ...tierCols<R>(),
        { key: 'ownerName', zh: '负责人', en: 'Owner', value: (r) => r.ownerName },
        num('purchases', '购买次数', 'Purchases', (r) => r.purchases),
        { key: 'lastPurchaseAt', zh: '最近购买', en: 'Last purchase', value: (r) => r.lastPurchaseAt },
        num('daysSinceLastPurchase', '距今天数', 'Days since last purchase', (r) => r.daysSinceLastPurchase),
        num('usualIntervalDays', '平均间隔天数', 'Usual interval (days)', (r) => r.usualIntervalDays),
        num('ratio', '倍数', 'Ratio', (r) => r.ratio),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-churn-risk', sheet: { zh: '流失风险', en: 'Churn risk' }, columns, rows: d.customers },
        { format, locale },
      );
    },
  );

  app.get(
    `${BASE}/rfm-segments`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: 'RFM segments: customers and revenue per segment and per tier × segment',
        description: `${DESCRIPTIONS.rfm}\n\n${SCOPE}`,
        querystring: ZTierRfmQuery,
        response: { 200: ZTierRfm },
      },
    },
    async (req) => tierRfmSegments(ctxOf(req), req.query),
  );
  app.get(
    `${BASE}/rfm-segments/export`,
    {
      config,
      schema: {
        tags: ['analytics'],
        summary: exportDescription('RFM segments per tier'),
        description: `${DESCRIPTIONS.rfm}\n\n${SCOPE}`,
        querystring: ZTierRfmExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const d = await tierRfmSegments(ctx, q);
      type R = (typeof d.byTier)[number] & { label: string };
      const label = new Map(d.segments.map((s) => [s.segment, locale === 'en' ? s.labelEn : s.labelZh]));
      const rows: R[] = d.byTier.map((r) => ({ ...r, label: label.get(r.segment) as string }));
      const columns: ExportColumn<R>[] = [
        ...tierCols<R>(),
        { key: 'segment', zh: 'RFM 分群', en: 'RFM segment', value: (r) => r.label },
        num('customers', '客户数', 'Customers', (r) => r.customers),
        num('revenue', '收入', 'Revenue', (r) => r.revenue),
      ];
      return sendFigures(
        reply,
        ctx,
        { name: 'tier-rfm-segments', sheet: { zh: 'RFM 分群', en: 'RFM segments' }, columns, rows },
        { format, locale },
      );
    },
  );
};
