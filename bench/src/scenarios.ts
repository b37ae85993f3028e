/**
 * What is measured. Each variant is one HTTP request and, beside it, the app's own use case that the route calls
 * (the same function with the same parsed input), so the runner can capture the SQL it issues and time that alone.
 */
import {
  ZActivityListQuery,
  ZCalibratedForecastQuery,
  ZCommissionStatementQuery,
  ZCustomerListQuery,
  ZCycleLengthQuery,
  ZDirectorDashboardQuery,
  ZEnrolmentListQuery,
  ZForecastPipelineQuery,
  ZFunnelQuery,
  ZLeaderboardQuery,
  ZLevelEvaluationQuery,
  ZManagerDashboardQuery,
  ZMarketQuery,
  ZOrderListQuery,
  ZOverdueTasksQuery,
  ZRevenueQuery,
  ZScorecardQuery,
  ZTaskListQuery,
  ZTierChurnQuery,
  ZTierMigrationQuery,
  ZTierPreviewRequest,
  ZTierRecomputeRequest,
  ZTierRfmQuery,
  ZTierWindowQuery,
  ZTimelineQuery,
  ZWinLossQuery,
} from '@tierline/contracts';
import { listActivities } from '../../apps/server/src/modules/activities/activities.usecases.ts';
import { customerTimeline } from '../../apps/server/src/modules/activities/timeline.usecases.ts';
import { directorDashboard, managerDashboard, repDashboard } from '../../apps/server/src/modules/analytics/dashboards.usecases.ts';
import { calibratedForecast, forecastPipeline } from '../../apps/server/src/modules/analytics/forecast.usecases.ts';
import { marketAnalysis } from '../../apps/server/src/modules/analytics/marketAnalytics.usecases.ts';
import { cycleLength, funnel, revenue, winLoss } from '../../apps/server/src/modules/analytics/pipelineAnalytics.usecases.ts';
import {
  tierChurnRisk,
  tierConcentration,
  tierDistribution,
  tierFollowUpCompliance,
  tierMigration,
  tierRfmSegments,
} from '../../apps/server/src/modules/analytics/tierAnalytics.usecases.ts';
import { commissionStatements } from '../../apps/server/src/modules/commissions/commissions.usecases.ts';
import { customerView, getVisibleCustomer, listCustomers } from '../../apps/server/src/modules/customers/customers.usecases.ts';
import { listLevelEvaluations } from '../../apps/server/src/modules/levels/levelEvaluation.usecases.ts';
import { myUnreadCount } from '../../apps/server/src/modules/notifications/notifications.usecases.ts';
import { listOrders } from '../../apps/server/src/modules/orders/orders.usecases.ts';
import { purchaseSummary } from '../../apps/server/src/modules/orders/purchaseSummary.usecases.ts';
import { leaderboard, scorecardsInScope } from '../../apps/server/src/modules/performance/scorecards.usecases.ts';
import { listOverdueTasks, listTasks } from '../../apps/server/src/modules/tasks/tasks.usecases.ts';
import { previewTierRules, recomputeTiers } from '../../apps/server/src/modules/tiers/tierRecompute.usecases.ts';
import { teamCompliance } from '../../apps/server/src/modules/training/compliance.usecases.ts';
import { getDevelopmentPlan } from '../../apps/server/src/modules/training/developmentPlans.usecases.ts';
import { listEnrolments } from '../../apps/server/src/modules/training/enrolments.usecases.ts';
import { skillsMatrix } from '../../apps/server/src/modules/training/skills.usecases.ts';
import type { Ctx } from '../../apps/server/src/platform/requestContext.ts';
import { TIMELINE_PAGE_SIZE } from './fixtures.ts';
import { BENCH_PERIOD } from './generate.performance.ts';
import type { HttpRequest } from './http.ts';
import { AS_OF, HEAVY_TIMELINE_EVENTS } from './scales.ts';

export type ActorName = 'rep' | 'manager' | 'director';

export type Fixtures = {
  orgId: string;
  tierIds: Record<string, string>;
  users: Record<ActorName, { id: string; email: string; teamId: string | null }>;
  /** Another rep of the manager's team (a filter a manager uses). */
  teamRepId: string;
  region: string;
  industry: string;
  tag: string;
  /** Customers spread over the whole table, for record pages (visible to the director). */
  sampleCustomerIds: string[];
  /** The customers with the most orders: the heaviest purchase summaries. */
  topCustomerIds: string[];
  search: { cjk2: string; cjk4: string; latin: string; common: string };
  /** The director's second page of customers by name (filled in over HTTP before the scenarios run). */
  page2Cursor?: string;
  /** rep0001's customer with a 10,000-event timeline. */
  heavyCustomerId: string;
  /** Cursors of its deeper timeline pages (filled in over HTTP by following nextCursor from the first page). */
  timelineCursors: { page: number; cursor: string }[];
  /** A development plan (of a rep in the manager's team when there is one). */
  planId: string;
  longPipelineId: string;
};

export type Variant = {
  label: string;
  request: HttpRequest;
  /** What the route handler runs for this request. */
  run: (ctx: Ctx) => Promise<unknown>;
};

export type Scenario = {
  name: string;
  what: string;
  actor: ActorName;
  /** latency: warm-up then N requests on one connection; throughput: many connections for a duration; oneshot: timed one by one. */
  kind: 'latency' | 'throughput' | 'oneshot';
  connections?: number;
  /**
   * Budget this scenario is checked against (issues 5, 6, 7, 10), if any. `apiOverhead: false`: issue 10's "API p50 at
   * most 1 ms over raw" (set for list pages) is not checked — the answer is hundreds of computed records to serialise.
   */
  budget?: { p95Ms?: number; reqPerSec?: number; totalMs?: number; apiOverhead?: false };
  /** Latency scenarios whose requests take seconds: at most this many timed requests (warm-up a fifth of them, at least 2). */
  requests?: number;
  /** A route that is not there yet: reported as not available. */
  requires?: string;
  variants: (fx: Fixtures) => Variant[];
};

const qs = (q: Record<string, string | number | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

const asOf = AS_OF.toISOString();
/** A month before AS_OF: a recompute there moves customers, and one at AS_OF moves them back. */
export const EARLIER_AS_OF = new Date(AS_OF.getTime() - 30 * 86_400_000).toISOString();

function customerList(label: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: 50, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/customers?${qs(query)}` },
    run: (ctx) => listCustomers(ctx, ZCustomerListQuery.parse(query)),
  };
}

function orderList(label: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: 50, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/orders?${qs(query)}` },
    run: (ctx) => listOrders(ctx, ZOrderListQuery.parse(query)),
  };
}

const customerGet = (id: string): Variant => ({
  label: id,
  request: { method: 'GET', path: `/api/v1/customers/${id}` },
  run: async (ctx) => customerView(await getVisibleCustomer(ctx, id)),
});

const TIMELINE_PATH = '/api/v1/customers/{id}/timeline';

function timeline(label: string, customerId: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: TIMELINE_PAGE_SIZE, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/customers/${customerId}/timeline?${qs(query)}` },
    run: (ctx) => customerTimeline(ctx, customerId, ZTimelineQuery.parse(query)),
  };
}

function activityList(label: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: 50, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/activities?${qs(query)}` },
    run: (ctx) => listActivities(ctx, ZActivityListQuery.parse(query)),
  };
}

function taskList(label: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: 50, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/tasks?${qs(query)}` },
    run: (ctx) => listTasks(ctx, ZTaskListQuery.parse(query)),
  };
}

function overdueTasks(label: string, q: Record<string, string | number | undefined>): Variant {
  const query = { limit: 50, ...q };
  return {
    label,
    request: { method: 'GET', path: `/api/v1/tasks/overdue?${qs(query)}` },
    run: (ctx) => listOverdueTasks(ctx, ZOverdueTasksQuery.parse(query)),
  };
}

/** A GET of one of issue 7's computed reports, with the use case its route calls on the same parsed query. */
function report<Q>(
  label: string,
  path: string,
  query: Record<string, string | undefined>,
  parse: (q: unknown) => Q,
  run: (ctx: Ctx, q: Q) => Promise<unknown>,
): Variant & { computedNow: Variant } {
  const variant = (q: Record<string, string | undefined>): Variant => ({
    label,
    request: { method: 'GET', path: `${path}?${qs(q)}` },
    run: (ctx) => run(ctx, parse(q)),
  });
  return { ...variant(query), computedNow: variant({ ...query, refresh: 'true' }) };
}

/**
 * A snapshotted figure's scenario computed now (`refresh=true`): what a first look at new filters, the 刷新 button
 * and the refresh job cost, and what the snapshot saves (decisions 0034, 0035). Reported, not budgeted: the
 * budget is on the page as served.
 */
function computedNow(s: Omit<Scenario, 'variants'> & { variants: (fx: Fixtures) => (Variant & { computedNow: Variant })[] }): Scenario[] {
  return [
    s,
    {
      ...s,
      budget: { apiOverhead: false },
      name: `${s.name}-refresh`,
      what: `${s.what}; computed now (refresh=true), not served from the snapshot`,
      variants: (fx) => s.variants(fx).map((v) => v.computedNow),
    },
  ];
}
/** Issue 7: scorecards for 500 reps for a quarter at 500k deals in under 2 s on PostgreSQL (scale M). */
const SCORECARDS_BUDGET = { p95Ms: 2000, apiOverhead: false } as const;

/** AS_OF moved by `days` (negative: before it), as an ISO timestamp. */
const fromAsOf = (days: number) => new Date(AS_OF.getTime() + days * 86_400_000).toISOString();

export const recomputeRequest = (at: string, label: string): Variant => ({
  label,
  request: { method: 'POST', path: '/api/v1/tiers/recompute', body: { asOf: at } },
  run: (ctx) => recomputeTiers(ctx, ZTierRecomputeRequest.parse({ asOf: at })),
});

/** Issue 9: each dashboard endpoint p95 ≤ 150 ms at scale M on PostgreSQL. */
const DASHBOARD_BUDGET = { p95Ms: 150, apiOverhead: false } as const;
/** The benchmark's quarter as an analytics window, and the quarter after it (open deals expected to close). */
const BENCH_QUARTER = { from: '2026-07-01', to: '2026-10-01' };
const NEXT_QUARTER = { from: '2026-10-01', to: '2027-01-01' };

export const SCENARIOS: Scenario[] = [
  {
    name: 'list-rep',
    what: 'customer list, 50 a page, as a rep (own customers, account teams and the pool), four filter/sort combinations',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      customerList('by name', { sort: 'name' }),
      customerList('by last contact', { sort: '-lastContactAt' }),
      customerList('active, newest', { status: 'active', sort: '-createdAt' }),
      customerList('VIP by name', { tierId: fx.tierIds.vip, sort: 'name' }),
    ],
  },
  {
    name: 'list-manager',
    what: 'customer list as a team manager (their teams), four filter/sort combinations',
    actor: 'manager',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      customerList('by name', { sort: 'name' }),
      customerList('team, by last contact', { teamId: fx.users.manager.teamId ?? undefined, sort: '-lastContactAt' }),
      customerList('KA by name', { tierId: fx.tierIds.ka, sort: 'name' }),
      customerList('one rep', { ownerId: fx.teamRepId, sort: 'name' }),
    ],
  },
  {
    name: 'list-director',
    what: 'customer list as a director (whole organisation): by name, region+industry, tier+status, tag, and page 2',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      customerList('by name', { sort: 'name' }),
      customerList('region+industry, by last contact', { region: fx.region, industry: fx.industry, sort: '-lastContactAt' }),
      customerList('VIP active by name', { tierId: fx.tierIds.vip, status: 'active', sort: 'name' }),
      customerList('tag, newest', { tag: fx.tag, sort: '-createdAt' }),
      customerList('page 2 by name', { sort: 'name', cursor: fx.page2Cursor }),
    ],
  },
  {
    name: 'search-director',
    what: 'name search (ILIKE %q% on the pg_trgm index) as a director: 2 and 4 CJK characters, a Latin brand, a very common word',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      customerList(`q=${fx.search.cjk2}`, { q: fx.search.cjk2 }),
      customerList(`q=${fx.search.cjk4}`, { q: fx.search.cjk4 }),
      customerList(`q=${fx.search.latin}`, { q: fx.search.latin }),
      customerList(`q=${fx.search.common}`, { q: fx.search.common }),
    ],
  },
  {
    name: 'search-rep',
    what: 'name search as a rep (search within their scope)',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      customerList(`q=${fx.search.cjk2}`, { q: fx.search.cjk2 }),
      customerList(`q=${fx.search.common}`, { q: fx.search.common }),
    ],
  },
  {
    name: 'customer-get',
    what: 'customer record page: GET /customers/{id} over 100 customers, as a director',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 10 },
    variants: (fx) => fx.sampleCustomerIds.map(customerGet),
  },
  {
    name: 'purchase-summary',
    what: 'GET /customers/{id}/purchase-summary?asOf= over the same customers plus the 5 biggest buyers, as a director',
    actor: 'director',
    kind: 'latency',
    variants: (fx) =>
      [...fx.topCustomerIds.slice(0, 5), ...fx.sampleCustomerIds].map((id) => ({
        label: id,
        request: { method: 'GET', path: `/api/v1/customers/${id}/purchase-summary?asOf=${encodeURIComponent(asOf)}` },
        run: (ctx: Ctx) => purchaseSummary(ctx, id, new Date(asOf)),
      })),
  },
  {
    name: 'orders-director',
    what: 'orders list, newest first, as a director: all, one big customer, the last 30 days',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: (fx) => [
      orderList('all', {}),
      orderList('one customer', { customerId: fx.topCustomerIds[0] }),
      orderList('last 30 days', { from: EARLIER_AS_OF, to: asOf }),
    ],
  },
  {
    name: 'orders-rep',
    what: 'orders list, newest first, as a rep (orders of the customers they may see)',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    variants: () => [orderList('all', {})],
  },
  {
    name: 'timeline-heavy-first',
    what: `first page (50) of the timeline of a customer with ${HEAVY_TIMELINE_EVENTS.toLocaleString('en')} events, as its rep: all kinds, activities only, orders + tier changes`,
    actor: 'rep',
    kind: 'latency',
    // Issue 5: a timeline page of a 10,000-event customer under 50 ms on PostgreSQL.
    budget: { p95Ms: 50 },
    requires: TIMELINE_PATH,
    variants: (fx) => [
      timeline('all kinds', fx.heavyCustomerId, {}),
      timeline('activities', fx.heavyCustomerId, { kinds: 'activity' }),
      timeline('orders + tier changes', fx.heavyCustomerId, { kinds: 'order,tier_change' }),
    ],
  },
  {
    name: 'timeline-heavy-deep',
    what: 'deeper pages of the same timeline, reached by following nextCursor: pages 2, 20, 100 and 200 (the last)',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 50 },
    requires: TIMELINE_PATH,
    variants: (fx) => fx.timelineCursors.map((c) => timeline(`page ${c.page}`, fx.heavyCustomerId, { cursor: c.cursor })),
  },
  {
    name: 'activities-rep',
    what: 'activities, newest first, as a rep: all they may see, their own, their visits of the last 90 days, one customer',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    requires: '/api/v1/activities',
    variants: (fx) => [
      activityList('all I may see', {}),
      activityList('mine', { ownerId: fx.users.rep.id }),
      activityList('my visits, 90 days', { ownerId: fx.users.rep.id, kind: 'visit', from: fromAsOf(-90), to: asOf }),
      activityList('one customer (heavy)', { customerId: fx.heavyCustomerId }),
    ],
  },
  {
    name: 'activities-director',
    what: 'activities, newest first, as a director, by kind and date range: visits of 30 days, calls of a quarter, meetings of a year, one rep’s calls',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 20 },
    requires: '/api/v1/activities',
    variants: (fx) => [
      activityList('visits, last 30 days', { kind: 'visit', from: fromAsOf(-30), to: asOf }),
      activityList('calls, a quarter', { kind: 'call', from: fromAsOf(-120), to: fromAsOf(-30) }),
      activityList('meetings, a year', { kind: 'meeting', from: fromAsOf(-365), to: asOf }),
      activityList('one rep’s calls, 90 days', { ownerId: fx.teamRepId, kind: 'call', from: fromAsOf(-90), to: asOf }),
    ],
  },
  {
    name: 'tasks-myday-rep',
    what: '"my day" as a rep: open tasks by due (all, AS_OF ± 7 days, from AS_OF on) and GET /tasks/overdue?scope=mine',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    requires: '/api/v1/tasks',
    variants: (fx) => [
      taskList('open by due', { assigneeId: fx.users.rep.id, status: 'open', sort: 'dueAt' }),
      taskList('open, AS_OF ± 7 days', { assigneeId: fx.users.rep.id, status: 'open', dueFrom: fromAsOf(-7), dueTo: fromAsOf(7) }),
      taskList('open, from AS_OF', { assigneeId: fx.users.rep.id, status: 'open', dueFrom: asOf }),
      overdueTasks('overdue, mine', { scope: 'mine' }),
    ],
  },
  {
    name: 'tasks-overdue-manager',
    what: 'GET /tasks/overdue?scope=team as a manager: counts per rep and team and the first 50 tasks; the team, one rep',
    actor: 'manager',
    kind: 'latency',
    budget: { p95Ms: 20 },
    requires: '/api/v1/tasks/overdue',
    variants: (fx) => [overdueTasks('team', { scope: 'team' }), overdueTasks('team, one rep', { scope: 'team', assigneeId: fx.teamRepId })],
  },
  {
    name: 'scorecards-director',
    what: `GET /scorecards?period=${BENCH_PERIOD} as a director: every rep of the organisation (500 at M), KPIs from deals, payments, customers, orders, activities, satisfaction, cadence tasks and forecasts, targets, the cycle's scheme and the manager reviews`,
    actor: 'director',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 20,
    requires: '/api/v1/scorecards',
    variants: () => [
      report('all reps', '/api/v1/scorecards', { period: BENCH_PERIOD }, (q) => ZScorecardQuery.parse(q), scorecardsInScope),
    ],
  },
  {
    name: 'scorecard-rep',
    what: `GET /scorecards?period=${BENCH_PERIOD} as a rep: their own scorecard`,
    actor: 'rep',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 100,
    requires: '/api/v1/scorecards',
    variants: () => [
      report('my scorecard', '/api/v1/scorecards', { period: BENCH_PERIOD }, (q) => ZScorecardQuery.parse(q), scorecardsInScope),
    ],
  },
  {
    name: 'scorecards-team',
    what: `GET /scorecards?period=${BENCH_PERIOD}&teamId= as its manager: the team's scorecard followed by its reps'`,
    actor: 'manager',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 50,
    requires: '/api/v1/scorecards',
    variants: (fx) => [
      report(
        'my team',
        '/api/v1/scorecards',
        { period: BENCH_PERIOD, teamId: fx.users.manager.teamId ?? undefined },
        (q) => ZScorecardQuery.parse(q),
        scorecardsInScope,
      ),
    ],
  },
  {
    name: 'leaderboard-org',
    what: `GET /leaderboards?period=${BENCH_PERIOD}&metric=total as a rep: the organisation's reps ranked by total score (the first 50)`,
    actor: 'rep',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 20,
    requires: '/api/v1/leaderboards',
    variants: () => [
      report(
        'organisation, total',
        '/api/v1/leaderboards',
        { period: BENCH_PERIOD, metric: 'total' },
        (q) => ZLeaderboardQuery.parse(q),
        leaderboard,
      ),
    ],
  },
  {
    name: 'level-evaluations-director',
    what: `GET /level-evaluations?period=${BENCH_PERIOD} as a director: every rep's recommendation with each criterion's evidence over its consecutive periods`,
    actor: 'director',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 20,
    requires: '/api/v1/level-evaluations',
    variants: () => [
      report(
        'all reps',
        '/api/v1/level-evaluations',
        { period: BENCH_PERIOD },
        (q) => ZLevelEvaluationQuery.parse(q),
        listLevelEvaluations,
      ),
    ],
  },
  {
    name: 'commission-statements-director',
    what: `GET /commissions/statements?period=${BENCH_PERIOD} as a director: every rep's statement, a line per payment received`,
    actor: 'director',
    kind: 'latency',
    budget: SCORECARDS_BUDGET,
    requests: 20,
    requires: '/api/v1/commissions/statements',
    variants: () => [
      report(
        'all reps',
        '/api/v1/commissions/statements',
        { period: BENCH_PERIOD },
        (q) => ZCommissionStatementQuery.parse(q),
        commissionStatements,
      ),
    ],
  },
  {
    name: 'training-compliance-director',
    what: 'GET /training-compliance as a director: every rep × their required and assigned courses, each cell a state',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 150, apiOverhead: false },
    requests: 50,
    requires: '/api/v1/training-compliance',
    variants: () => [report('organisation', '/api/v1/training-compliance', {}, (q) => q as { teamId?: string }, teamCompliance)],
  },
  {
    name: 'training-compliance-team',
    what: 'GET /training-compliance?teamId= as its manager',
    actor: 'manager',
    kind: 'latency',
    budget: { p95Ms: 150, apiOverhead: false },
    requires: '/api/v1/training-compliance',
    variants: (fx) => [
      report(
        'my team',
        '/api/v1/training-compliance',
        { teamId: fx.users.manager.teamId ?? undefined },
        (q) => q as { teamId?: string },
        teamCompliance,
      ),
    ],
  },
  {
    name: 'skills-matrix-director',
    what: 'GET /skills-matrix as a director: every rep × every skill, self and manager levels',
    actor: 'director',
    kind: 'latency',
    budget: { p95Ms: 150, apiOverhead: false },
    requests: 50,
    requires: '/api/v1/skills-matrix',
    variants: () => [report('organisation', '/api/v1/skills-matrix', {}, (q) => q as { teamId?: string }, skillsMatrix)],
  },
  {
    name: 'enrolments-rep',
    what: 'GET /enrolments as a rep: my learning, first page',
    actor: 'rep',
    kind: 'latency',
    budget: { p95Ms: 20 },
    requires: '/api/v1/enrolments',
    variants: () => [report('mine', '/api/v1/enrolments', { limit: '50' }, (q) => ZEnrolmentListQuery.parse(q), listEnrolments)],
  },
  {
    name: 'development-plan-manager',
    what: `GET /development-plans/{id} as the rep's manager: goals judged live and the level gap from the rep's level evaluation (${BENCH_PERIOD})`,
    actor: 'manager',
    kind: 'latency',
    budget: { p95Ms: 150, apiOverhead: false },
    requires: '/api/v1/development-plans',
    variants: (fx) => [
      {
        label: 'one plan',
        request: { method: 'GET', path: `/api/v1/development-plans/${fx.planId}?period=${BENCH_PERIOD}` },
        run: (ctx) => getDevelopmentPlan(ctx, fx.planId, { period: BENCH_PERIOD }),
      },
    ],
  },
  {
    name: 'dashboard-rep',
    what: 'GET /analytics/dashboard/rep as a rep: my open pipeline by stage, my tasks, my quarter’s targets and attainment',
    actor: 'rep',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requires: '/api/v1/analytics/dashboard/rep',
    variants: () => [report('mine', '/api/v1/analytics/dashboard/rep', {}, (q) => q as { repId?: string }, repDashboard)],
  },
  ...computedNow({
    name: 'dashboard-manager',
    what: 'GET /analytics/dashboard/manager as a manager: team funnel, attainment per rep, overdue follow-ups, pool warnings, level recommendations',
    actor: 'manager',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 50,
    requires: '/api/v1/analytics/dashboard/manager',
    variants: () => [
      report('my teams', '/api/v1/analytics/dashboard/manager', {}, (q) => ZManagerDashboardQuery.parse(q), managerDashboard),
    ],
  }),
  ...computedNow({
    name: 'dashboard-director',
    what: 'GET /analytics/dashboard/director: revenue by tier and by process type against last quarter, open pipeline, the leaderboard’s top 10',
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 20,
    requires: '/api/v1/analytics/dashboard/director',
    variants: () => [
      report('organisation', '/api/v1/analytics/dashboard/director', {}, (q) => ZDirectorDashboardQuery.parse(q), directorDashboard),
    ],
  }),
  ...computedNow({
    name: 'forecast-pipeline-director',
    what: 'GET /analytics/forecast/pipeline for the next quarter as a director: open deals by expected close month × forecast category, weighted',
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 50,
    requires: '/api/v1/analytics/forecast/pipeline',
    variants: () => [
      report('next quarter', '/api/v1/analytics/forecast/pipeline', NEXT_QUARTER, (q) => ZForecastPipelineQuery.parse(q), forecastPipeline),
    ],
  }),
  ...computedNow({
    name: 'forecast-calibrated-director',
    what: `GET /analytics/forecast/calibrated?period=${BENCH_PERIOD} as a director: every rep's commit weighted by their past accuracy`,
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 50,
    requires: '/api/v1/analytics/forecast/calibrated',
    variants: () => [
      report(
        'all reps',
        '/api/v1/analytics/forecast/calibrated',
        { period: BENCH_PERIOD },
        (q) => ZCalibratedForecastQuery.parse(q),
        calibratedForecast,
      ),
    ],
  }),
  ...computedNow({
    name: 'market-director',
    what: `GET /analytics/market?by=industry for ${BENCH_PERIOD} as a director: revenue, win rate, growth and customers by tier per industry`,
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 50,
    requires: '/api/v1/analytics/market',
    variants: () => [
      report('by industry', '/api/v1/analytics/market', { ...BENCH_QUARTER, by: 'industry' }, (q) => ZMarketQuery.parse(q), marketAnalysis),
      report('by region', '/api/v1/analytics/market', { ...BENCH_QUARTER, by: 'region' }, (q) => ZMarketQuery.parse(q), marketAnalysis),
    ],
  }),
  ...computedNow({
    name: 'pipeline-analytics-director',
    what: `the pipeline figures for ${BENCH_PERIOD} against last quarter, as a director: the long pipeline's funnel, cycle length, win/loss by tier, revenue by process type`,
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 20,
    requires: '/api/v1/analytics/funnel',
    variants: (fx) => [
      report(
        'funnel (long)',
        '/api/v1/analytics/funnel',
        { ...BENCH_QUARTER, compare: 'previous', pipelineId: fx.longPipelineId },
        (q) => ZFunnelQuery.parse(q),
        funnel,
      ),
      report(
        'cycle length',
        '/api/v1/analytics/cycle-length',
        { ...BENCH_QUARTER, compare: 'previous' },
        (q) => ZCycleLengthQuery.parse(q),
        cycleLength,
      ),
      report(
        'win/loss by tier',
        '/api/v1/analytics/win-loss',
        { ...BENCH_QUARTER, compare: 'previous', by: 'tier' },
        (q) => ZWinLossQuery.parse(q),
        winLoss,
      ),
      report(
        'revenue by process type',
        '/api/v1/analytics/revenue',
        { ...BENCH_QUARTER, compare: 'previous', by: 'processType' },
        (q) => ZRevenueQuery.parse(q),
        revenue,
      ),
    ],
  }),
  ...computedNow({
    name: 'tiers-director',
    what: `the tier figures for ${BENCH_PERIOD} as a director: distribution with revenue against last quarter, concentration (top 5 % / 20 %), follow-up compliance per tier`,
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 50,
    requires: '/api/v1/analytics/tiers/distribution',
    variants: () => [
      report(
        'distribution',
        '/api/v1/analytics/tiers/distribution',
        { ...BENCH_QUARTER, compare: 'previous' },
        (q) => ZTierWindowQuery.parse(q),
        tierDistribution,
      ),
      report('concentration', '/api/v1/analytics/tiers/concentration', BENCH_QUARTER, (q) => ZTierWindowQuery.parse(q), tierConcentration),
      report(
        'follow-up compliance',
        '/api/v1/analytics/tiers/follow-up-compliance',
        BENCH_QUARTER,
        (q) => ZTierWindowQuery.parse(q),
        tierFollowUpCompliance,
      ),
    ],
  }),
  ...computedNow({
    name: 'tiers-history-director',
    what: 'the tier figures that read whole histories, as a director: migration between two dates, churn risk, RFM segments',
    actor: 'director',
    kind: 'latency',
    budget: DASHBOARD_BUDGET,
    requests: 20,
    requires: '/api/v1/analytics/tiers/migration',
    variants: () => [
      report('migration Q3', '/api/v1/analytics/tiers/migration', BENCH_QUARTER, (q) => ZTierMigrationQuery.parse(q), tierMigration),
      report('churn risk', '/api/v1/analytics/tiers/churn-risk', {}, (q) => ZTierChurnQuery.parse(q), tierChurnRisk),
      report('RFM segments', '/api/v1/analytics/tiers/rfm-segments', {}, (q) => ZTierRfmQuery.parse(q), tierRfmSegments),
    ],
  }),
  {
    name: 'unread-count',
    what: 'throughput of GET /notifications/unread-count (the bell) as a rep at 32 connections',
    actor: 'rep',
    kind: 'throughput',
    connections: 32,
    requires: '/api/v1/notifications/unread-count',
    variants: () => [
      { label: 'unread count', request: { method: 'GET', path: '/api/v1/notifications/unread-count' }, run: (ctx) => myUnreadCount(ctx) },
    ],
  },
  {
    name: 'customer-page-32c',
    what: 'throughput of GET /customers/{id} at 32 connections',
    actor: 'director',
    kind: 'throughput',
    connections: 32,
    budget: { reqPerSec: 3000 },
    variants: (fx) => fx.sampleCustomerIds.map(customerGet),
  },
  {
    name: 'list-10c',
    what: 'throughput of a 50-customer list page (director, by name) at 10 connections',
    actor: 'director',
    kind: 'throughput',
    connections: 10,
    budget: { reqPerSec: 2400 },
    variants: () => [customerList('by name', { sort: 'name' })],
  },
  {
    name: 'tier-preview',
    what: 'POST /tier-rules/preview as of AS_OF: current rules (monetary, 365 days, top 5 % / 20 %) and proposed RFM rules',
    actor: 'director',
    kind: 'oneshot',
    requires: '/api/v1/tier-rules/preview',
    variants: (fx) => {
      const current = { asOf };
      const rfm = {
        asOf,
        rules: {
          metric: 'rfm' as const,
          windowDays: 730,
          cutoffs: [
            { tierId: fx.tierIds.ka, kind: 'top_percent' as const, value: 5 },
            { tierId: fx.tierIds.vip, kind: 'top_percent' as const, value: 25 },
          ],
        },
      };
      return [
        {
          label: 'current rules',
          request: { method: 'POST', path: '/api/v1/tier-rules/preview', body: current },
          run: (ctx) => previewTierRules(ctx, ZTierPreviewRequest.parse(current)),
        },
        {
          label: 'RFM rules',
          request: { method: 'POST', path: '/api/v1/tier-rules/preview', body: rfm },
          run: (ctx) => previewTierRules(ctx, ZTierPreviewRequest.parse(rfm)),
        },
      ];
    },
  },
  {
    name: 'tier-recompute',
    what: 'POST /tiers/recompute: as of a month earlier (customers move), back at AS_OF (they move back), twice, then AS_OF again (nothing moves)',
    actor: 'director',
    kind: 'oneshot',
    requires: '/api/v1/tiers/recompute',
    budget: { totalMs: 5000 },
    variants: () => [
      recomputeRequest(EARLIER_AS_OF, 'a month earlier'),
      recomputeRequest(asOf, 'back at AS_OF'),
      recomputeRequest(asOf, 'AS_OF again, nothing moves'),
    ],
  },
];
