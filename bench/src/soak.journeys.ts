/**
 * What each simulated user does, page view after page view with think time between: the requests each page of the
 * web app sends (in parallel, as the browser does), and the writes a working sales team makes. Every id a user acts on
 * comes from an answer they were shown, as in the app: no fixtures, so a page that stops answering shows as errors.
 */
import type { Rng } from './prng.ts';
import type { Answer, BudgetClass, Session } from './soak.client.ts';

type Page<T> = { data: T[]; nextCursor: string | null };
type Gate = { requiredFields?: string[]; requiredContactRoles?: string[]; requiredMilestones?: string[] };
type Stage = { id: string; key: string; kind: 'open' | 'won' | 'lost'; position: number; gate: Gate };
export type Pipeline = { id: string; processType: string; stages: Stage[] };
type Customer = { id: string; name: string; ownerId: string | null; version: number };
type Task = { id: string; version: number; customerId: string | null; dealId: string | null; activityKind: string | null };
type Deal = {
  id: string;
  stageId: string;
  ownerId: string;
  version: number;
  amount: string | null;
  expectedCloseDate: string | null;
  customerId: string | null;
};

export type World = {
  pipelines: Pipeline[];
  /** The generated data's quarter (scorecards, analytics windows) and the one after it (open deals' forecast). */
  period: string;
  quarter: { from: string; to: string };
  nextQuarter: { from: string; to: string };
  thinkMs: [number, number];
  /** performance.now() at which every user finishes the page view they are on and stops. */
  until: number;
};

export type Role = 'rep' | 'manager' | 'director';

/** One simulated user's state: what they were last shown. */
type User = {
  s: Session;
  rng: Rng;
  world: World;
  me: string;
  teamId: string | null;
  customers: Customer[];
  customer?: Customer;
  tasks: Task[];
  deals: Deal[];
};

type Step = (u: User) => Promise<boolean>;

const qs = (q: Record<string, string | number | undefined | null>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

const get = <T>(u: User, path: string, q: Record<string, string | number | undefined | null>, kind: string, budget: BudgetClass) =>
  u.s.get<T>(q && Object.keys(q).length ? `${path}?${qs(q)}` : path, kind, budget);

const shortPipeline = (u: User) => u.world.pipelines.find((p) => p.processType === 'short') ?? u.world.pipelines[0];
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

// ── Shared pages ──────────────────────────────────────────────────────────────────────────────────────────────

/** A customer's page: the record, its follow-up compliance, account team, tier history, timeline and purchases. */
async function customerPage(u: User, c: Customer) {
  const base = `/api/v1/customers/${c.id}`;
  const [record] = await Promise.all([
    get<Customer>(u, base, {}, 'customer.get', 'record'),
    get(u, `${base}/compliance`, {}, 'customer.compliance', 'record'),
    get(u, `${base}/account-team`, {}, 'customer.account-team', 'record'),
    get(u, `${base}/tier-history`, {}, 'customer.tier-history', 'record'),
    get(u, `${base}/timeline`, { limit: 50 }, 'customer.timeline', 'timeline'),
    get(u, `${base}/purchase-summary`, {}, 'customer.purchase-summary', 'other'),
  ]);
  if (record.body) u.customer = record.body;
  return true;
}

/** The deal board: one column request per stage of the pipeline, all at once. */
async function dealBoard(u: User, pipeline: Pipeline, q: Record<string, string | undefined>) {
  const columns = await Promise.all(
    pipeline.stages.map((stage) =>
      get<Page<Deal>>(
        u,
        '/api/v1/deals',
        { pipelineId: pipeline.id, stageId: stage.id, sort: '-createdAt', limit: 50, ...q },
        'deals.board-column',
        'list',
      ),
    ),
  );
  return columns.flatMap((c) => c.body?.data ?? []);
}

const keepCustomers = (u: User, page: Answer<Page<Customer>>, own: boolean) => {
  const rows = (page.body?.data ?? []).filter((c) => !own || c.ownerId === u.me);
  if (rows.length) u.customers = rows;
};

// ── A rep ─────────────────────────────────────────────────────────────────────────────────────────────────────

const REP: Step[] = [
  async function myDay(u) {
    const now = new Date().toISOString();
    const [overdue] = await Promise.all([
      get<Page<Task>>(
        u,
        '/api/v1/tasks',
        { assigneeId: u.me, status: 'open', overdue: 'true', sort: 'dueAt', limit: 50 },
        'tasks.myday-overdue',
        'list',
      ),
      get(
        u,
        '/api/v1/tasks',
        { assigneeId: u.me, status: 'open', overdue: 'false', dueFrom: now, dueTo: daysFromNow(7), limit: 200 },
        'tasks.myday-week',
        'list',
      ),
      get(u, '/api/v1/notifications/unread-count', {}, 'notifications.unread-count', 'record'),
    ]);
    if (overdue.body) u.tasks = overdue.body.data;
    return true;
  },
  async function workATask(u) {
    const task = u.tasks.length && u.rng.chance(0.6) ? u.tasks.splice(u.rng.int(0, u.tasks.length - 1), 1)[0] : undefined;
    if (task) {
      // A task on a customer or deal logs its contact in the same step; one on nothing is just ticked off.
      const activity =
        task.customerId || task.dealId
          ? { kind: task.activityKind ?? 'call', outcome: u.rng.pick(['reached', 'interested', 'follow_up']), notes: '跟进完成' }
          : undefined;
      await u.s.request('POST', `/api/v1/tasks/${task.id}/complete`, {
        kind: 'task.complete',
        budget: 'write',
        body: { version: task.version, activity },
        alsoExpected: [409], // another session of the same rep may have completed it a moment ago
      });
      return true;
    }
    const customer = u.customers.length ? u.rng.pick(u.customers) : undefined;
    await u.s.request('POST', '/api/v1/tasks', {
      kind: 'task.create',
      budget: 'write',
      body: {
        title: customer ? `回访 ${customer.name}`.slice(0, 200) : '整理本周客户名单',
        dueAt: daysFromNow(u.rng.int(1, 7)),
        customerId: customer?.id,
        activityKind: 'call',
        priority: u.rng.pick(['normal', 'normal', 'high']),
      },
    });
    return true;
  },
  async function customerList(u) {
    const mine = u.rng.chance(0.5);
    const page = await get<Page<Customer>>(
      u,
      '/api/v1/customers',
      { limit: 50, sort: u.rng.pick(['name', '-lastContactAt', '-createdAt']), ownerId: mine ? u.me : undefined },
      'customers.list',
      'list',
    );
    keepCustomers(u, page, true);
    return true;
  },
  async function search(u) {
    if (!u.customers.length) return false;
    const name = u.rng.pick(u.customers).name;
    // As people type a company: two characters of its trade name (after a two-character city), or a Latin word.
    const q = /^[\u4e00-\u9fff]{4}/.test(name) ? name.slice(2, 4) : (name.split(/[\s(（]/)[0] ?? name).slice(0, 20);
    await get(u, '/api/v1/customers', { q, limit: 20, sort: 'name' }, 'customers.search', 'list');
    return true;
  },
  async function openACustomer(u) {
    if (!u.customers.length) return false;
    return customerPage(u, u.rng.pick(u.customers));
  },
  async function editTheCustomer(u) {
    const c = u.customer;
    if (!c || c.ownerId !== u.me || !u.rng.chance(0.5)) return false;
    const res = await u.s.request<Customer>('PATCH', `/api/v1/customers/${c.id}`, {
      kind: 'customer.edit',
      budget: 'write',
      body: { phone: `138${String(u.rng.int(0, 99_999_999)).padStart(8, '0')}`, version: c.version },
      alsoExpected: [409], // the version the page showed lost to a concurrent edit: the app asks the user to reload
    });
    if (res.body) u.customer = res.body;
    return true;
  },
  async function logAnActivity(u) {
    const c = u.customer;
    if (!c || c.ownerId !== u.me || !u.rng.chance(0.7)) return false;
    const kind = u.rng.pick(['call', 'call', 'call', 'email', 'visit', 'meeting'] as const);
    await u.s.request('POST', '/api/v1/activities', {
      kind: 'activity.log',
      budget: 'write',
      body: {
        kind,
        subject: kind === 'visit' ? '上门拜访' : kind === 'email' ? '发送报价单' : '电话沟通需求',
        customerId: c.id,
        outcome: u.rng.pick(['reached', 'interested', 'follow_up', 'no_answer']),
        durationMinutes: u.rng.int(3, 60),
        notes: '客户对新一季产品有兴趣，约定下周再联系。',
      },
    });
    // The page reloads the record after a write (its last contact moved).
    u.customer = undefined;
    return true;
  },
  async function theDealBoard(u) {
    u.deals = (await dealBoard(u, shortPipeline(u), {})).filter((d) => d.ownerId === u.me);
    return true;
  },
  async function moveADeal(u) {
    const pipeline = shortPipeline(u);
    const open = pipeline.stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
    if (!u.deals.length || !u.rng.chance(0.5)) return false;
    const deal = u.deals.splice(u.rng.int(0, u.deals.length - 1), 1)[0];
    const at = open.findIndex((s) => s.id === deal.stageId);
    if (at < 0) return false;
    // One column forward or back, to a stage whose gate the deal meets (the board greys out the others).
    const meets = (g: Gate) =>
      !g.requiredContactRoles?.length &&
      !g.requiredMilestones?.length &&
      (g.requiredFields ?? []).every((f) => f in deal && deal[f as keyof Deal] !== null);
    const targets = [open[at - 1], open[at + 1]].filter((s): s is Stage => Boolean(s) && meets(s.gate));
    if (!targets.length) return false;
    await u.s.request('POST', `/api/v1/deals/${deal.id}/move`, {
      kind: 'deal.move',
      budget: 'write',
      body: { stageId: u.rng.pick(targets).id, version: deal.version },
      alsoExpected: [409],
    });
    return true;
  },
  async function myDashboard(u) {
    if (!u.rng.chance(0.3)) return false;
    await get(u, '/api/v1/analytics/dashboard/rep', {}, 'dashboard.rep', 'dashboard');
    return true;
  },
];

// ── A manager ─────────────────────────────────────────────────────────────────────────────────────────────────

const MANAGER: Step[] = [
  async (u) => {
    await get(u, '/api/v1/analytics/dashboard/manager', {}, 'dashboard.manager', 'dashboard');
    return true;
  },
  async (u) => {
    await get(u, '/api/v1/tasks/overdue', { scope: 'team', limit: 50 }, 'tasks.overdue-team', 'list');
    return true;
  },
  async (u) => {
    const page = await get<Page<Customer>>(
      u,
      '/api/v1/customers',
      { teamId: u.teamId, sort: u.rng.pick(['-lastContactAt', 'name']), limit: 50 },
      'customers.list',
      'list',
    );
    keepCustomers(u, page, false);
    return true;
  },
  async (u) => {
    if (!u.customers.length) return false;
    return customerPage(u, u.rng.pick(u.customers));
  },
  async (u) => {
    await get(u, '/api/v1/scorecards', { period: u.world.period, teamId: u.teamId }, 'scorecards.team', 'scorecard');
    return true;
  },
  async (u) => {
    await dealBoard(u, shortPipeline(u), { teamId: u.teamId ?? undefined });
    return true;
  },
  async (u) => {
    await get(u, '/api/v1/activities', { limit: 50 }, 'activities.list', 'list');
    return true;
  },
  async (u) => {
    if (!u.rng.chance(0.3)) return false;
    await get(u, '/api/v1/leaderboards', { period: u.world.period, metric: 'total', teamId: u.teamId }, 'leaderboard', 'scorecard');
    return true;
  },
];

// ── A director ────────────────────────────────────────────────────────────────────────────────────────────────

/** The director's analytics pages, each a few figures shown together. */
const ANALYTICS: ((u: User) => [string, Record<string, string | undefined>, string][])[] = [
  (u) => {
    const longId = u.world.pipelines.find((p) => p.processType === 'long')?.id;
    const q = { ...u.world.quarter, compare: 'previous' };
    return [
      ['/api/v1/analytics/funnel', { ...q, pipelineId: longId }, 'analytics.funnel'],
      ['/api/v1/analytics/cycle-length', q, 'analytics.cycle-length'],
      ['/api/v1/analytics/win-loss', { ...q, by: 'tier' }, 'analytics.win-loss'],
      ['/api/v1/analytics/revenue', { ...q, by: 'processType' }, 'analytics.revenue'],
    ];
  },
  (u) => [
    ['/api/v1/analytics/tiers/distribution', { ...u.world.quarter, compare: 'previous' }, 'analytics.tiers-distribution'],
    ['/api/v1/analytics/tiers/concentration', u.world.quarter, 'analytics.tiers-concentration'],
    ['/api/v1/analytics/tiers/follow-up-compliance', u.world.quarter, 'analytics.tiers-follow-up'],
  ],
  (u) => [
    ['/api/v1/analytics/forecast/pipeline', u.world.nextQuarter, 'analytics.forecast-pipeline'],
    ['/api/v1/analytics/forecast/calibrated', { period: u.world.period }, 'analytics.forecast-calibrated'],
  ],
  (u) => [['/api/v1/analytics/market', { ...u.world.quarter, by: u.rng.pick(['industry', 'region']) }, 'analytics.market']],
];

const DIRECTOR: Step[] = [
  async (u) => {
    await get(u, '/api/v1/analytics/dashboard/director', {}, 'dashboard.director', 'dashboard');
    return true;
  },
  async (u) => {
    const figures = u.rng.pick(ANALYTICS)(u);
    await Promise.all(figures.map(([path, q, kind]) => get(u, path, q, kind, 'dashboard')));
    return true;
  },
  async (u) => {
    await get(u, '/api/v1/leaderboards', { period: u.world.period, metric: 'total', limit: 50 }, 'leaderboard', 'scorecard');
    return true;
  },
  async (u) => {
    const page = await get<Page<Customer>>(
      u,
      '/api/v1/customers',
      { limit: 50, sort: u.rng.pick(['-lastContactAt', 'name', '-createdAt']) },
      'customers.list',
      'list',
    );
    keepCustomers(u, page, false);
    return true;
  },
  async (u) => {
    if (!u.customers.length) return false;
    return customerPage(u, u.rng.pick(u.customers));
  },
  async (u) => {
    if (!u.rng.chance(0.2)) return false;
    await get(u, '/api/v1/scorecards', { period: u.world.period }, 'scorecards.org', 'scorecard');
    return true;
  },
];

const STEPS: Record<Role, Step[]> = { rep: REP, manager: MANAGER, director: DIRECTOR };

/**
 * A signed-in user's working session until the world's deadline: their role's page views in turn, each followed by
 * think time. A step that throws (a bug in the client, or an answer it cannot read) counts as an error and the user
 * goes on with the next page, as a person would.
 */
export async function work(s: Session, role: Role, world: World, rng: Rng, onClientError: (err: unknown) => void) {
  if (!s.user) throw new Error('a session must sign in before it works');
  const u: User = { s, rng, world, me: s.user.id, teamId: s.user.teamId, customers: [], tasks: [], deals: [] };
  const steps = STEPS[role];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  while (performance.now() < world.until) {
    for (const step of steps) {
      if (performance.now() >= world.until) return;
      let viewed = false;
      try {
        viewed = await step(u);
      } catch (err) {
        onClientError(err);
      }
      if (viewed) await sleep(Math.min(world.until - performance.now(), rng.int(world.thinkMs[0], world.thinkMs[1])));
    }
  }
}
