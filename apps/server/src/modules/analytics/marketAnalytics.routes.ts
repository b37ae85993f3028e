import {
  type TMarketRow,
  ZDirectorDashboard,
  ZDirectorDashboardQuery,
  ZManagerDashboard,
  ZManagerDashboardQuery,
  ZMarketAnalysis,
  ZMarketExportQuery,
  ZMarketQuery,
  ZRepDashboard,
  ZRepDashboardQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import type { ExportColumn } from '../../platform/exports/export.rules.ts';
import { sendFigures } from '../../platform/exports/figures.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { SNAPSHOT_DESCRIPTION } from './dashboardSnapshots.rules.ts';
import { directorDashboard, managerDashboard, repDashboard } from './dashboards.usecases.ts';
import { marketAnalysis } from './marketAnalytics.usecases.ts';

const MARKET = `Per industry (or region, \`by=region\`) of the customers in scope, over the window [from, to) in the
organisation's zone and the previous window (the previous month, quarter or year, else as many days before):
- \`wonDealAmount\`: Σ amount of won deals closed in the window, grouped by their customer's industry/region (deals the caller may see; a deal without a customer is in the null group);
- \`orderAmount\`: Σ amount of the orders placed in the window by customers the caller may see (purchase history) — the two revenues are shown side by side, never added;
- \`wonCount\`, \`lostCount\`, \`winRate\` = won / (won + lost) (null when nothing closed), for both windows;
- \`growth\`: (current − previous) / previous for each revenue, a fraction with 4 places, null when the previous one is 0;
- \`customerCount\` and \`customersByTier\`: the customers in scope now (not deleted) by their current tier, every tier listed (see \`tiers\`).
Filters narrow within the scope: teamId/repId the record's team stamp/owner, region/tierId the customer's, levelId the
owner's current level, pipelineId the deals only. The previous window is always included (growth needs it), so \`compare\` changes nothing.
Access (decision of issue 9, PRODUCT.md F): managers, directors, admins and viewers; a rep only when their current
level is the highest rank of the organisation's ladder (senior by default), else 403 \`level_too_low\`. A senior rep
sees the figures of their own data scope (their book and the public pool), like every figure here.`;

/** Market rows as a sheet: one column per figure and one per tier's customer count. */
function marketColumns(tiers: { tierId: string; nameZh: string; nameEn: string }[]): ExportColumn<TMarketRow>[] {
  const money = (key: string, zh: string, en: string, value: (r: TMarketRow) => string | null): ExportColumn<TMarketRow> => ({
    key,
    zh,
    en,
    value,
    numeric: true,
  });
  return [
    { key: 'key', zh: '分组', en: 'Group', value: (r) => r.label },
    money('wonDealAmount', '赢单金额', 'Won deal amount', (r) => r.current.wonDealAmount),
    money('orderAmount', '订单金额', 'Order amount', (r) => r.current.orderAmount),
    money('wonCount', '赢单数', 'Won', (r) => String(r.current.wonCount)),
    money('lostCount', '输单数', 'Lost', (r) => String(r.current.lostCount)),
    money('winRate', '赢率', 'Win rate', (r) => r.current.winRate),
    money('prevWonDealAmount', '上期赢单金额', 'Previous won deal amount', (r) => r.previous.wonDealAmount),
    money('prevOrderAmount', '上期订单金额', 'Previous order amount', (r) => r.previous.orderAmount),
    money('prevWinRate', '上期赢率', 'Previous win rate', (r) => r.previous.winRate),
    money('wonDealGrowth', '赢单金额增长', 'Won deal growth', (r) => r.growth.wonDealAmount),
    money('orderGrowth', '订单金额增长', 'Order growth', (r) => r.growth.orderAmount),
    money('customerCount', '客户数', 'Customers', (r) => String(r.customerCount)),
    ...tiers.map((t, i) =>
      money(`tier${i + 1}`, `客户数·${t.nameZh}`, `Customers · ${t.nameEn}`, (r) => String(r.customersByTier[i]?.count ?? 0)),
    ),
  ];
}

export const marketAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/analytics/market',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['analytics'],
        summary: 'Market analysis: revenue, win rate and growth by industry or region, with customers by tier',
        description: `${MARKET}\n\n${SNAPSHOT_DESCRIPTION}`,
        querystring: ZMarketQuery,
        response: { 200: ZMarketAnalysis },
      },
    },
    async (req) => marketAnalysis(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/analytics/market/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['analytics'],
        summary: 'Market analysis as CSV or Excel (same figures, same access and scope)',
        description: `The rows of \`GET /analytics/market\` with the same query, one line per group.\n\n${MARKET}`,
        querystring: ZMarketExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const market = await marketAnalysis(ctx, q);
      return sendFigures(
        reply,
        ctx,
        { name: `market-${q.by}`, sheet: { zh: '市场分析', en: 'Market' }, columns: marketColumns(market.tiers), rows: market.data },
        { format, locale },
      );
    },
  );

  app.get(
    '/api/v1/analytics/dashboard/rep',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['analytics'],
        summary: "A rep's dashboard: open pipeline by stage, tasks, targets and attainment this quarter",
        description: `The signed-in user's dashboard, or with \`repId\` that of a rep the caller may see (the manager of the
rep's team, a director, an admin, a viewer); anyone else gets 404.
- \`pipeline\`: the rep's open deals now (that the caller may see) per open stage of each pipeline: \`count\`, \`amount\` = Σ amount,
  \`weightedAmount\` = Σ amount × (the deal's probability, else the stage's) / 100; stages without deals listed with zeros.
- \`tasks\`: open tasks assigned to the rep — \`open\` all, \`dueToday\` due on today's date in the organisation's zone, \`overdue\` due before now.
- \`targets\`: the current quarter's scorecard (performance module): per KPI the \`actual\`, the \`target\` (and where it comes
  from) and \`attainment\` = actual / target; \`total\` and \`grade\` as on the scorecard.`,
        querystring: ZRepDashboardQuery,
        response: { 200: ZRepDashboard },
      },
    },
    async (req) => repDashboard(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/analytics/dashboard/manager',
    {
      config: { access: access.roles('manager', 'director', 'admin', 'viewer') },
      schema: {
        tags: ['analytics'],
        summary: "A manager's dashboard: team funnel, attainment, overdue follow-ups, pool warnings, level recommendations",
        description: `A manager's managed teams (or the one named by \`teamId\`; another team is 404); directors, admins and viewers name the team.
- \`funnel\`: open deals now stamped with the teams, per open stage of each pipeline (count, amount, weighted amount as on the rep dashboard).
- \`attainment\`: the current quarter's scorecard of each active rep of the teams: total, grade and per KPI actual, target, attainment.
- \`overdueFollowUps\`: per rep, open tasks past due and the oldest due date.
- \`poolWarnings\`: customers owned by the teams' reps that reached their warning date (reclaim days − warning days after the
  later of the last contact and the start of the ownership, the pool sweep's rule) and are not yet reclaimed; \`reclaimAt\` when they return to the pool.
  \`count\` all of them, \`customers\` the 50 due back first.
- \`levelRecommendations\`: the level evaluation of the last closed quarter for the teams' reps: counts of promote, hold, demote, and each rep with the decision taken.
${SNAPSHOT_DESCRIPTION}`,
        querystring: ZManagerDashboardQuery,
        response: { 200: ZManagerDashboard },
      },
    },
    async (req) => managerDashboard(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/analytics/dashboard/director',
    {
      config: { access: access.roles('director', 'admin', 'viewer') },
      schema: {
        tags: ['analytics'],
        summary: "The director's dashboard: revenue by tier and by process type, open pipeline, leaderboard",
        description: `The organisation's figures for the current quarter (organisation's calendar) against the previous one:
- \`revenueByTier\`: per current tier of the customer, \`wonDealAmount\` (won deals closed; deals without a customer under a null tier) and
  \`orderAmount\` (orders placed), each \`current\`, \`previous\` and \`growth\` = (current − previous) / previous (null when previous is 0).
- \`revenueByProcessType\`: won deal amounts per pipeline type (short, long, project), current, previous, growth.
- \`openPipeline\`: open deals now: count, Σ amount, Σ weighted amount (amount × probability / 100).
- \`leaderboard\`: the top 10 reps of the quarter by scorecard total (performance module).
Tier concentration and the forecast have their own endpoints (\`/analytics/tiers/…\`, \`/analytics/forecast/…\`).

${SNAPSHOT_DESCRIPTION}`,
        querystring: ZDirectorDashboardQuery,
        response: { 200: ZDirectorDashboard },
      },
    },
    async (req) => directorDashboard(ctxOf(req), req.query),
  );
};
