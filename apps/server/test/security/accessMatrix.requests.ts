import { type AccessWorld, FROM, PERIOD, TO } from './accessMatrix.world.ts';

/**
 * How the matrix fills a route: its path ids (organisation A's — rep1's where the route takes an owned record —,
 * random ones, or organisation B's), its required query, and a body that passes validation so the use case
 * reaches its scope check. Updates send a stale version (`STALE`): in scope they answer 409 and change
 * nothing, out of scope 404 — the scope is checked first.
 */
export const STALE = 987_654;
export type IdSet = 'A' | 'random' | 'B';

/** The world's records that are rep1's own (the others are the organisation's: plans, courses, rules…). */
export function rep1Records(w: AccessWorld): string[] {
  const orgWide = new Set([
    'pooled',
    'plan',
    'cycle',
    'course',
    'skill',
    'spareSkill',
    'trigger',
    'rule',
    'job',
    'webhook',
    'delivery',
    'tier',
    'otherCustomer',
    'import',
    'target',
  ]);
  return Object.entries(w.ids)
    .filter(([k]) => !orgWide.has(k))
    .map(([, id]) => id);
}

/**
 * The same request naming made-up records instead: every id of organisation A in the query, and rep1's
 * records (and rep1) in the body. An out-of-scope record must be refused exactly like these.
 */
export function withMadeUpIds(w: AccessWorld, query: string, body: unknown): { query: string; body: unknown } {
  const swap = (text: string, ids: string[]) => ids.reduce((acc, id) => acc.replaceAll(id, randomId()), text);
  const everyA = [
    ...Object.values(w.ids),
    ...Object.values(w.users),
    ...Object.values(w.teams),
    ...Object.values(w.levels),
    w.pipelines.short.id,
  ];
  return {
    query: swap(query, everyA),
    body: body === undefined ? undefined : JSON.parse(swap(JSON.stringify(body), [...rep1Records(w), w.users.rep1])),
  };
}

/** A random id that passes the UUID pattern of the schemas (version 7, variant 10xx). */
export function randomId() {
  const hex = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The record each route's `{id}` names, by its first path segment (and a few routes of their own). */
function idOf(w: AccessWorld, method: string, path: string): string | undefined {
  const i = w.ids;
  const byRoute: Record<string, string> = {
    'POST /api/v1/customers/{id}/claim': i.pooled,
    'POST /api/v1/customers/{id}/release': i.releasable,
    'POST /api/v1/users/{id}/password-reset': w.users.spareRep,
    'DELETE /api/v1/teams/{id}': w.teams.spare,
    'DELETE /api/v1/skills/{id}': i.spareSkill,
  };
  const key = `${method} ${path}`;
  if (byRoute[key]) return byRoute[key];
  if (/\/deals\/\{id\}\/(milestones|tasks)/.test(path)) return i.projectDeal;
  const byResource: Record<string, string> = {
    customers: i.customer,
    contacts: i.contact,
    orders: i.order,
    deals: i.deal,
    approvals: i.approval,
    contracts: i.contract,
    leads: i.lead,
    activities: i.activity,
    tasks: i.task,
    'service-requests': i.serviceRequest,
    reviews: i.review,
    enrolments: i.enrolment,
    'development-plans': i.devPlan,
    assignments: i.assignable,
    reps: w.users.rep1,
    users: w.users.rep1,
    teams: w.teams.team1,
    levels: w.levels.level1,
    pipelines: w.pipelines.short.id,
    targets: i.target,
    'appraisal-cycles': i.cycle,
    courses: i.course,
    skills: i.skill,
    'training-triggers': i.trigger,
    tiers: i.tier,
    'assignment-rules': i.rule,
    'follow-up-plans': i.plan,
    jobs: i.job,
    webhooks: i.webhook,
    'api-tokens': i.rep1Token,
    notifications: i.notification,
    imports: i.import,
  };
  return byResource[path.split('/')[3]];
}

/** Organisation B's record of the same kind, where the world has one. */
function bIdOf(w: AccessWorld, aId: string): string | undefined {
  const i = w.ids;
  const pairs: [string, string][] = [
    [i.customer, w.b.customer],
    [i.releasable, w.b.customer],
    [i.lead, w.b.lead],
    [i.deal, w.b.deal],
    [i.contact, w.b.contact],
    [i.task, w.b.task],
    [i.activity, w.b.activity],
    [w.teams.team1, w.b.team],
  ];
  return pairs.find(([a]) => a === aId)?.[1];
}

/** The path with its parameters filled, or undefined when that id set has nothing of the kind (B only). */
export function fillPath(w: AccessWorld, method: string, path: string, set: IdSet): string | undefined {
  const a: Record<string, string | undefined> = {
    id: idOf(w, method, path),
    partId: path.includes('/milestones/') ? w.ids.milestone : w.ids.dealTask,
    userId: w.users.spareRep,
    levelId: w.levels.level1,
    repId: w.users.rep1,
    skillId: w.ids.skill,
    tierId: w.ids.tier,
    enrollmentId: w.ids.enrollment,
    deliveryId: w.ids.delivery,
  };
  let missing = false;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'entity') return 'lead';
    const id = a[name];
    if (!id) throw new Error(`no id for {${name}} in ${method} ${path}`);
    if (set === 'A') return id;
    if (set === 'random') return randomId();
    const b = bIdOf(w, id);
    if (!b) missing = true;
    return b ?? '';
  });
  return missing ? undefined : filled;
}

/** Required query parameters (figures ask for a window or a period), and the rep a dashboard is about. */
export function queryFor(w: AccessWorld, method: string, path: string): string {
  if (method !== 'GET') return '';
  const q: Record<string, string> = {};
  if (path.startsWith('/api/v1/analytics/') && !path.includes('/dashboard/') && !path.includes('/forecast/calibrated')) {
    q.from = FROM;
    q.to = TO;
  }
  if (/\/analytics\/(funnel)/.test(path)) q.pipelineId = w.pipelines.short.id;
  if (/\/analytics\/(win-loss|revenue)/.test(path)) q.by = path.includes('win-loss') ? 'processType' : 'month';
  if (/forecast\/calibrated|scorecards|leaderboards|level-evaluations$|commissions\/statements/.test(path)) q.period = PERIOD;
  if (path === '/api/v1/imports/fields') q.entity = 'customers';
  if (path.startsWith('/api/v1/analytics/dashboard/rep')) q.repId = w.users.rep1;
  // Each dashboard export names one of its figures.
  const figure = { rep: 'pipeline', manager: 'funnel', director: 'leaderboard' }[/\/dashboard\/(\w+)\/export$/.exec(path)?.[1] ?? ''];
  if (figure) q.figure = figure;
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
}

const lines = [{ productCode: 'P-9', quantity: 1, unitPrice: '10' }];
const stamp = () => Math.random().toString(36).slice(2, 8);

/** A body that passes validation (the use case then decides), naming rep1's records where the route takes one. */
export function bodyFor(w: AccessWorld, method: string, path: string): unknown {
  const i = w.ids;
  const v = STALE;
  const bodies: Record<string, () => unknown> = {
    'POST /api/v1/setup': () => ({ orgName: 'Late', name: 'Late', email: `late${stamp()}@matrix.test`, password: 'Correct-Horse-9' }),
    'POST /api/v1/auth/signup': () => ({
      orgName: 'Signup',
      name: 'S',
      email: `signup${stamp()}@matrix.test`,
      password: 'Correct-Horse-9',
    }),
    'POST /api/v1/auth/login': () => ({ email: w.spareRepEmail, password: 'Correct-Horse-9' }),
    'POST /api/v1/auth/change-password': () => ({ currentPassword: 'Not-The-Password-1', newPassword: 'Another-Horse-10' }),
    'POST /api/v1/auth/password-reset': () => ({ token: 'not-a-reset-token-at-all', newPassword: 'Another-Horse-10' }),
    'POST /api/v1/api-tokens': () => ({ name: 'matrix' }),
    'POST /api/v1/users': () => ({ email: `new${stamp()}@matrix.test`, name: 'New', role: 'rep', password: 'Correct-Horse-9' }),
    'PATCH /api/v1/users/{id}': () => ({ name: 'Renamed', version: v }),
    'PUT /api/v1/users/me/availability': () => ({ available: true }),
    'POST /api/v1/teams': () => ({ name: `Team ${stamp()}` }),
    'PATCH /api/v1/teams/{id}': () => ({ name: 'Renamed', version: v }),
    'POST /api/v1/levels': () => ({ key: `l${stamp()}`, nameZh: '级', nameEn: 'Level', rank: 90 }),
    'PATCH /api/v1/levels/{id}': () => ({ nameEn: 'Renamed', version: v }),
    'POST /api/v1/customers': () => ({ name: `Made ${stamp()}` }),
    'PATCH /api/v1/customers/{id}': () => ({ region: 'North', version: v }),
    'POST /api/v1/customers/batch': () => ({ records: [{ name: `Batch ${stamp()}` }] }),
    'POST /api/v1/customers/{id}/restore': () => ({ version: v }),
    'POST /api/v1/contacts': () => ({ customerId: i.customer, name: 'New contact' }),
    'PATCH /api/v1/contacts/{id}': () => ({ title: 'CTO', version: v }),
    'POST /api/v1/contacts/{id}/restore': () => ({ version: v }),
    'POST /api/v1/orders': () => ({ customerId: i.customer, orderedAt: '2026-01-03T10:00:00Z', lines }),
    'POST /api/v1/orders/batch': () => ({ records: [{ customerId: i.customer, orderedAt: '2026-01-03T10:00:00Z', lines }] }),
    'PUT /api/v1/pipelines/{id}/stages': () => ({ stages: w.pipelines.short.stages }),
    'POST /api/v1/deals': () => ({ name: 'New deal', pipelineId: w.pipelines.short.id, customerId: i.customer }),
    'PATCH /api/v1/deals/{id}': () => ({ amount: '1200', version: v }),
    'POST /api/v1/deals/batch': () => ({ records: [{ name: 'Batch deal', pipelineId: w.pipelines.short.id, customerId: i.customer }] }),
    'POST /api/v1/deals/{id}/move': () => ({ stageId: w.pipelines.short.stages[1].id, version: v }),
    'POST /api/v1/deals/{id}/restore': () => ({ version: v }),
    'PUT /api/v1/deals/{id}/contacts': () => ({ contacts: [{ contactId: i.contact, role: 'influencer' }] }),
    'PUT /api/v1/deals/{id}/lines': () => ({ lines }),
    'POST /api/v1/deals/{id}/milestones': () => ({ name: 'Another milestone' }),
    'PATCH /api/v1/deals/{id}/milestones/{partId}': () => ({ name: 'Renamed', version: v }),
    'POST /api/v1/deals/{id}/tasks': () => ({ title: 'Another task', department: 'ops' }),
    'PATCH /api/v1/deals/{id}/tasks/{partId}': () => ({ title: 'Renamed', version: v }),
    'POST /api/v1/approvals/{id}/approve': () => ({ comment: 'ok' }),
    'POST /api/v1/approvals/{id}/reject': () => ({ comment: 'no' }),
    'POST /api/v1/deals/{id}/discount-approvals': () => ({ lines: [{ ...lines[0], discountPct: 45 }] }),
    'POST /api/v1/contracts': () => ({ amount: '10', customerId: i.customer }),
    'PATCH /api/v1/contracts/{id}': () => ({ amount: '6000', version: v }),
    'POST /api/v1/contracts/{id}/status': () => ({ status: 'cancelled', version: v }),
    'PUT /api/v1/contracts/{id}/installments': () => ({ installments: [{ dueOn: '2026-03-01', amount: '5000' }], version: v }),
    'POST /api/v1/contracts/{id}/payments': () => ({ amount: '1', receivedOn: '2026-01-04' }),
    'POST /api/v1/payments/batch': () => ({ records: [{ contractId: i.contract, amount: '1', receivedOn: '2026-01-04' }] }),
    'PUT /api/v1/targets': () => ({ targets: [{ kpi: 'orders', period: PERIOD, repId: w.users.rep1, value: 3 }] }),
    'POST /api/v1/appraisal-cycles': () => ({ name: `Cycle ${stamp()}`, period: '2026-02' }),
    'PATCH /api/v1/appraisal-cycles/{id}': () => ({ name: 'Renamed', version: v }),
    'POST /api/v1/reviews': () => ({ cycleId: i.cycle, repId: w.users.rep1, kind: 'self' }),
    'PATCH /api/v1/reviews/{id}': () => ({ comment: 'fine', version: v }),
    'POST /api/v1/reviews/{id}/submit': () => ({ version: v }),
    'POST /api/v1/reviews/{id}/lock': () => ({ version: v }),
    'POST /api/v1/satisfaction-scores': () => ({ customerId: i.customer, score: 5, recordedOn: '2026-01-04' }),
    'PUT /api/v1/forecast-commits': () => ({ period: PERIOD, amount: '1000' }),
    'PATCH /api/v1/reps/{id}/profile': () => ({ capacity: 30, version: v }),
    'PUT /api/v1/level-criteria': () => ({ steps: [] }),
    'POST /api/v1/level-evaluations/decisions': () => ({ repId: w.users.rep1, period: PERIOD, decision: 'reject', comment: 'not yet' }),
    'PUT /api/v1/commission-plans': () => ({ levelId: w.levels.level1, baseRate: 0.05, accelerators: [], version: v }),
    'POST /api/v1/courses': () => ({ title: 'Another', source: 'internal', category: 'product', format: 'video', durationMinutes: 10 }),
    'PUT /api/v1/courses/{id}': () => ({
      title: 'Renamed',
      source: 'internal',
      category: 'product',
      format: 'video',
      durationMinutes: 10,
      version: v,
    }),
    'PUT /api/v1/curricula/{levelId}': () => ({ required: [], forPromotion: [] }),
    'POST /api/v1/enrolments': () => ({ courseId: i.course, target: { kind: 'rep', id: w.users.rep1 } }),
    'PATCH /api/v1/enrolments/{id}/progress': () => ({ progress: 50, version: v }),
    'POST /api/v1/enrolments/{id}/attempts': () => ({ answers: [{ questionId: 'q1', optionIds: ['b'] }] }),
    'POST /api/v1/skills': () => ({ name: `Skill ${stamp()}` }),
    'PUT /api/v1/skills/{id}': () => ({ name: 'Renamed', version: v }),
    'PUT /api/v1/skills-matrix/{repId}/{skillId}': () => ({ manager: 2, version: v }),
    'POST /api/v1/development-plans': () => ({ repId: w.users.rep1, targetLevelId: w.levels.level2, title: 'Another plan' }),
    'PUT /api/v1/development-plans/{id}': () => ({ targetLevelId: w.levels.level2, title: 'Renamed', status: 'active', version: v }),
    'POST /api/v1/training-triggers': () => ({
      name: `Trigger ${stamp()}`,
      metric: { kind: 'kpi', kpi: 'orders' },
      threshold: '1',
      periodKind: 'month',
      courseId: i.course,
    }),
    'PUT /api/v1/training-triggers/{id}': () => ({
      name: 'Renamed',
      metric: { kind: 'kpi', kpi: 'orders' },
      threshold: '1',
      periodKind: 'month',
      courseId: i.course,
      version: v,
    }),
    'POST /api/v1/training-triggers/{id}/run': () => ({ period: '2025-12' }),
    'PUT /api/v1/tier-policies/{tierId}': () => ({
      cadenceDays: 30,
      minLevelId: null,
      responseSlaHours: 24,
      maxDiscountPct: 10,
      accountTeamRequired: false,
      poolReclaimDays: null,
      poolWarningDays: 3,
      version: v,
    }),
    'PUT /api/v1/customers/{id}/account-team/{userId}': () => ({ role: 'member', access: 'read' }),
    'PUT /api/v1/customers/{id}/account-plan': () => ({ objectives: 'o', opportunities: 'o', risks: 'r', nextSteps: 'n', version: v }),
    'POST /api/v1/customers/{id}/claim': () => ({ reason: 'mine' }),
    'POST /api/v1/customers/{id}/release': () => ({ reason: 'not mine' }),
    'POST /api/v1/tiers': () => ({ key: `t${stamp()}`, nameZh: '级', nameEn: 'Tier', rank: 50 }),
    'PATCH /api/v1/tiers/{id}': () => ({ nameEn: 'Renamed', etag: `"${v}"` }),
    'PUT /api/v1/tier-rules': () => ({ metric: 'monetary', windowDays: 365, cutoffs: [], version: v }),
    'POST /api/v1/tier-rules/preview': () => ({ asOf: '2026-01-05T00:00:00Z' }),
    'POST /api/v1/tiers/recompute': () => ({ asOf: '2026-01-05T00:00:00Z' }),
    'PUT /api/v1/customers/{id}/tier': () => ({ tierId: i.tier, reason: 'matrix', version: v }),
    'POST /api/v1/leads': () => ({ name: `Lead ${stamp()}` }),
    'PATCH /api/v1/leads/{id}': () => ({ company: 'Co', version: v }),
    'POST /api/v1/leads/{id}/restore': () => ({ version: v }),
    'POST /api/v1/leads/{id}/merge': () => ({ intoId: i.lead2, version: v }),
    'POST /api/v1/leads/{id}/convert': () => ({ version: v }),
    'PUT /api/v1/lead-scoring-rules': () => ({ rules: [] }),
    'POST /api/v1/assignment-rules': () => ({
      entity: 'customer',
      name: 'Another rule',
      strategy: 'least_loaded',
      eligibleTeamIds: [w.teams.team2],
    }),
    'PATCH /api/v1/assignment-rules/{id}': () => ({ name: 'Renamed', version: v }),
    'PUT /api/v1/assignment-rules/order': () => ({ entity: 'lead', ids: [i.rule] }),
    'POST /api/v1/assignment-rules/defaults': () => ({ replace: false }),
    'POST /api/v1/activities': () => ({ kind: 'note', subject: 'Noted', customerId: i.customer }),
    'PATCH /api/v1/activities/{id}': () => ({ subject: 'Renamed', version: v }),
    'POST /api/v1/tasks': () => ({ title: 'Another task', dueAt: '2026-01-09T09:00:00Z', customerId: i.customer }),
    'PATCH /api/v1/tasks/{id}': () => ({ title: 'Renamed', version: v }),
    'POST /api/v1/tasks/{id}/complete': () => ({ version: v }),
    'POST /api/v1/follow-up-plans': () => ({
      name: 'Another plan',
      target: 'deal',
      stageId: w.pipelines.short.stages[0].id,
      steps: [{ dayOffset: 2, kind: 'email', title: 'Mail' }],
    }),
    'PATCH /api/v1/follow-up-plans/{id}': () => ({ name: 'Renamed', version: v }),
    'POST /api/v1/follow-up-plans/{id}/enrollments': () => ({ customerId: i.customer }),
    'POST /api/v1/service-requests': () => ({ customerId: i.customer, title: 'Another request' }),
    'PATCH /api/v1/service-requests/{id}': () => ({ title: 'Renamed', version: v }),
    'POST /api/v1/service-requests/{id}/answer': () => ({ version: v }),
    'POST /api/v1/service-requests/{id}/reopen': () => ({ version: v }),
    'POST /api/v1/service-requests/{id}/resolve': () => ({ resolution: 'done', version: v }),
    'PUT /api/v1/notifications/preferences': () => ({ preferences: [{ kind: 'task_due', enabled: true }] }),
    'POST /api/v1/webhooks': () => ({ url: 'http://127.0.0.1:9/other' }),
    'PATCH /api/v1/webhooks/{id}': () => ({ description: 'renamed', version: v }),
  };
  const make = bodies[`${method} ${path}`];
  if (make) return make();
  return method === 'GET' || method === 'DELETE' ? undefined : {};
}

/**
 * Routes whose successful call uses up its record (no version to make it a harmless conflict): only the first
 * caller who may call them does, the others are not called with organisation A's ids.
 */
export const CONSUMING = new Set([
  'DELETE /api/v1/api-tokens/{id}',
  'DELETE /api/v1/teams/{id}',
  'DELETE /api/v1/targets/{id}',
  'DELETE /api/v1/skills/{id}',
  'DELETE /api/v1/training-triggers/{id}',
  'DELETE /api/v1/assignment-rules/{id}',
  'DELETE /api/v1/follow-up-plans/{id}',
  'DELETE /api/v1/follow-up-plans/{id}/enrollments/{enrollmentId}',
  'DELETE /api/v1/webhooks/{id}',
  'DELETE /api/v1/customers/{id}/account-team/{userId}',
  'POST /api/v1/enrolments/{id}/complete',
  'POST /api/v1/enrolments/{id}/cancel',
  'POST /api/v1/customers/{id}/claim',
  'POST /api/v1/customers/{id}/release',
  'POST /api/v1/assignments/{entity}/{id}/assign',
  'POST /api/v1/users/{id}/password-reset',
]);

/** Routes run after all others, in this order: each ends something the others need. */
export const LAST = [
  'POST /api/v1/enrolments/{id}/complete',
  'POST /api/v1/enrolments/{id}/cancel',
  'DELETE /api/v1/follow-up-plans/{id}/enrollments/{enrollmentId}',
  'DELETE /api/v1/follow-up-plans/{id}',
  'DELETE /api/v1/customers/{id}/account-team/{userId}',
  'POST /api/v1/assignments/{entity}/{id}/assign',
  'DELETE /api/v1/api-tokens/{id}',
  'POST /api/v1/auth/logout',
];
