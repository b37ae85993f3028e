/**
 * The declared access table (issue 11): for every route of the OpenAPI, what each caller gets.
 * It is written out by rules a reader can audit, not read from the routes' own `access` declarations —
 * the test compares the two worlds. Order of precedence:
 *   1. public routes: everyone, signed in or not;
 *   2. no valid session or token → unauthenticated (401);
 *   3. the caller's role is not among the route's roles → forbidden (403);
 *   4. the record in the path is outside the caller's scope → hidden (404, like a record that does not exist);
 *      a record named in the body (a creation's customer, a target's rep) outside it → unseen: refused exactly
 *      as a made-up id would be (same status, same problem type — 404 or 422, never 2xx);
 *   5. otherwise allow (2xx, or a 4xx that is not 401/403/404: validation, version conflict, business rule).
 * Roles: GET → every signed-in role; other methods → writers (not the viewer); the admin-only areas; then
 * the per-route `ROLE_OVERRIDES`. Scope: from the resource named in the path (`SCOPE_OF_RESOURCE`), then
 * `SCOPE_OVERRIDES` (routes whose body names rep1's record, and special cases).
 */
export type Outcome = 'allow' | 'forbidden' | 'hidden' | 'unseen' | 'unauthenticated';
export type Role = 'admin' | 'director' | 'manager' | 'rep' | 'viewer';

/** Who calls. The order is the order of the calls on one route: refusals before the calls that may change data. */
export const CALLERS = [
  'anonymous',
  'revokedToken',
  'adminB',
  'viewer',
  'repOther',
  'repSame',
  'rep1',
  'manager',
  'director',
  'admin',
] as const;
export type CallerName = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<CallerName, 'anonymous' | 'revokedToken'>;
export const ROLE_OF: Record<SignedInCaller, Role> = {
  admin: 'admin',
  director: 'director',
  manager: 'manager', // manages team 1, rep1's team
  rep1: 'rep', // owns the records
  repSame: 'rep', // team 1 too
  repOther: 'rep', // team 2
  viewer: 'viewer',
  adminB: 'admin', // organisation B
};

/**
 * Whose is the record a route works on.
 * none: no record of organisation A is named — lists, creations of one's own things (filtered, not refused);
 * org: an organisation-wide record (team, tier, course…): everyone in A, nobody in B;
 * owned: rep1's record: rep1, rep1's manager, and the org-wide roles (admin, director, viewer);
 * self: rep1's private thing (API token, notification): rep1 alone;
 * ref: no record in the path, but the body (or query) names rep1's record: as owned, refused as `unseen`;
 * creator: made by the manager (an import): the manager and the org-wide roles (a manager sees only their own).
 */
export type Scope = 'none' | 'org' | 'owned' | 'ref' | 'self' | 'creator';

const SIGNED_IN: readonly Role[] = ['admin', 'director', 'manager', 'rep', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'director', 'manager', 'rep'];
const ADMIN: readonly Role[] = ['admin'];
const MANAGERS: readonly Role[] = ['admin', 'director', 'manager'];
const DIRECTORS: readonly Role[] = ['admin', 'director'];
const MANAGERS_AND_VIEWER: readonly Role[] = ['admin', 'director', 'manager', 'viewer'];
const REP_ONLY: readonly Role[] = ['rep'];

export const PUBLIC_ROUTES = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset',
]);

/** Areas only an admin reaches, whatever the method. */
const ADMIN_AREAS = [/^\/api\/v1\/(jobs|webhooks|audit-log)(\/|$)/, /^\/api\/v1\/users\/export$/];
/** Areas an admin alone changes (everyone reads): people, teams, the level ladder. */
const ADMIN_WRITES = /^\/api\/v1\/(users|teams|levels)(\/|$)/;

const ROLE_OVERRIDES: Record<string, readonly Role[]> = {
  // Things about oneself: the viewer too.
  'POST /api/v1/auth/logout': SIGNED_IN,
  'POST /api/v1/auth/change-password': SIGNED_IN,
  'POST /api/v1/api-tokens': SIGNED_IN,
  'DELETE /api/v1/api-tokens/{id}': SIGNED_IN,
  'POST /api/v1/notifications/read-all': SIGNED_IN,
  'POST /api/v1/notifications/{id}/read': SIGNED_IN,
  'PUT /api/v1/notifications/preferences': SIGNED_IN,
  'PUT /api/v1/users/me/availability': WRITERS,
  // Configuration.
  'PUT /api/v1/pipelines/{id}/stages': ADMIN,
  'POST /api/v1/tiers': DIRECTORS,
  'PATCH /api/v1/tiers/{id}': DIRECTORS,
  'PUT /api/v1/tier-rules': DIRECTORS,
  'POST /api/v1/tier-rules/preview': DIRECTORS,
  'POST /api/v1/tiers/recompute': DIRECTORS,
  'PUT /api/v1/tier-policies/{tierId}': DIRECTORS,
  'PUT /api/v1/customers/{id}/tier': MANAGERS,
  'GET /api/v1/lead-scoring-rules': DIRECTORS,
  'PUT /api/v1/lead-scoring-rules': DIRECTORS,
  'POST /api/v1/assignment-rules': DIRECTORS,
  'PATCH /api/v1/assignment-rules/{id}': DIRECTORS,
  'DELETE /api/v1/assignment-rules/{id}': DIRECTORS,
  'PUT /api/v1/assignment-rules/order': DIRECTORS,
  'POST /api/v1/assignment-rules/defaults': DIRECTORS,
  'POST /api/v1/assignments/{entity}/{id}/assign': MANAGERS,
  'POST /api/v1/follow-up-plans': MANAGERS,
  'PATCH /api/v1/follow-up-plans/{id}': MANAGERS,
  'DELETE /api/v1/follow-up-plans/{id}': MANAGERS,
  // Approvals are decided above the rep.
  'POST /api/v1/approvals/{id}/approve': MANAGERS,
  'POST /api/v1/approvals/{id}/reject': MANAGERS,
  // Imports: managers and above.
  'POST /api/v1/imports/preview': MANAGERS,
  'POST /api/v1/imports': MANAGERS,
  'GET /api/v1/imports': MANAGERS,
  'GET /api/v1/imports/fields': MANAGERS,
  'GET /api/v1/imports/{id}': MANAGERS,
  'GET /api/v1/imports/{id}/errors.csv': MANAGERS,
  // Dashboards by role.
  'GET /api/v1/analytics/dashboard/manager': MANAGERS_AND_VIEWER,
  'GET /api/v1/analytics/dashboard/director': ['admin', 'director', 'viewer'],
  'GET /api/v1/analytics/dashboard/manager/export': MANAGERS_AND_VIEWER,
  'GET /api/v1/analytics/dashboard/director/export': ['admin', 'director', 'viewer'],
  // Performance.
  'PUT /api/v1/targets': MANAGERS,
  'DELETE /api/v1/targets/{id}': MANAGERS,
  'POST /api/v1/appraisal-cycles': DIRECTORS,
  'PATCH /api/v1/appraisal-cycles/{id}': DIRECTORS,
  'POST /api/v1/reviews/{id}/lock': DIRECTORS,
  'PATCH /api/v1/reps/{id}/profile': MANAGERS,
  'PUT /api/v1/level-criteria': DIRECTORS,
  'POST /api/v1/level-evaluations/decisions': MANAGERS,
  'PUT /api/v1/commission-plans': DIRECTORS,
  // Training: the catalogue by directors, assignments by managers, learning by the rep alone.
  'POST /api/v1/courses': DIRECTORS,
  'PUT /api/v1/courses/{id}': DIRECTORS,
  'PUT /api/v1/curricula/{levelId}': DIRECTORS,
  'POST /api/v1/enrolments': MANAGERS,
  'POST /api/v1/enrolments/{id}/cancel': MANAGERS,
  'PATCH /api/v1/enrolments/{id}/progress': REP_ONLY,
  'POST /api/v1/enrolments/{id}/complete': REP_ONLY,
  'GET /api/v1/enrolments/{id}/quiz': REP_ONLY,
  'POST /api/v1/enrolments/{id}/attempts': REP_ONLY,
  'GET /api/v1/training-compliance': MANAGERS_AND_VIEWER,
  'POST /api/v1/skills': DIRECTORS,
  'PUT /api/v1/skills/{id}': DIRECTORS,
  'DELETE /api/v1/skills/{id}': DIRECTORS,
  'POST /api/v1/development-plans': MANAGERS,
  'PUT /api/v1/development-plans/{id}': MANAGERS,
  'GET /api/v1/training-triggers': MANAGERS_AND_VIEWER,
  'GET /api/v1/training-triggers/{id}': MANAGERS_AND_VIEWER,
  'GET /api/v1/training-trigger-fires': MANAGERS_AND_VIEWER,
  'POST /api/v1/training-triggers': DIRECTORS,
  'PUT /api/v1/training-triggers/{id}': DIRECTORS,
  'DELETE /api/v1/training-triggers/{id}': DIRECTORS,
  'POST /api/v1/training-triggers/{id}/run': DIRECTORS,
};

/** The scope of the record named by a route's first path segment, when the path names one. */
const SCOPE_OF_RESOURCE: Record<string, Scope | undefined> = {
  customers: 'owned',
  contacts: 'owned',
  orders: 'owned',
  deals: 'owned',
  approvals: 'owned',
  contracts: 'owned',
  leads: 'owned',
  activities: 'owned',
  tasks: 'owned',
  'service-requests': 'owned',
  reviews: 'owned',
  enrolments: 'owned',
  'development-plans': 'owned',
  assignments: 'owned',
  reps: 'owned',
  'skills-matrix': 'owned',
  targets: 'owned',
  users: 'org',
  teams: 'org',
  levels: 'org',
  pipelines: 'org',
  'appraisal-cycles': 'org',
  courses: 'org',
  curricula: 'org',
  skills: 'org',
  'training-triggers': 'org',
  'tier-policies': 'org',
  tiers: 'org',
  'assignment-rules': 'org',
  'follow-up-plans': 'org',
  jobs: 'org',
  webhooks: 'org',
  'api-tokens': 'self',
  notifications: 'self',
  imports: 'creator',
};

/** Routes whose scope is not their path's resource: mostly creations whose body names rep1's record. */
const SCOPE_OVERRIDES: Record<string, Scope> = {
  'POST /api/v1/contacts': 'ref',
  'POST /api/v1/orders': 'ref',
  'POST /api/v1/orders/batch': 'ref',
  'POST /api/v1/deals': 'ref',
  'POST /api/v1/contracts': 'ref',
  'POST /api/v1/payments/batch': 'ref',
  'POST /api/v1/activities': 'ref',
  'POST /api/v1/tasks': 'ref',
  'POST /api/v1/service-requests': 'ref',
  'POST /api/v1/satisfaction-scores': 'ref',
  'POST /api/v1/reviews': 'ref',
  'POST /api/v1/development-plans': 'ref',
  'POST /api/v1/enrolments': 'ref',
  'PUT /api/v1/targets': 'ref',
  'POST /api/v1/level-evaluations/decisions': 'ref',
  // Asked about rep1 (?repId) or rep1's pipeline (?pipelineId): a rep asking about another is refused like a stranger.
  'GET /api/v1/analytics/dashboard/rep': 'owned',
  'GET /api/v1/analytics/dashboard/rep/export': 'owned',
  'GET /api/v1/analytics/funnel': 'org',
  'GET /api/v1/analytics/funnel/export': 'org',
  // The public pool: a customer without owner is every member's to see and claim.
  'POST /api/v1/customers/{id}/claim': 'org',
  // The plan is the organisation's; the enrolment in it is on rep1's customer.
  'DELETE /api/v1/follow-up-plans/{id}/enrollments/{enrollmentId}': 'owned',
  'POST /api/v1/follow-up-plans/{id}/enrollments': 'owned',
};

/** Per-caller exceptions to the rules above, each with its reason. */
type Overrides = Partial<Record<CallerName | '*', Outcome>>;
const REPS_FORBIDDEN: Overrides = { rep1: 'forbidden', repSame: 'forbidden', repOther: 'forbidden' };
const SENIORS_FORBIDDEN: Overrides = { manager: 'forbidden', director: 'forbidden', admin: 'forbidden' };
const OUTCOME_OVERRIDES: Record<string, Overrides> = {
  // This server was set up at start and does not allow sign-up: refused for everyone, signed in or not.
  'POST /api/v1/setup': { '*': 'forbidden' },
  'POST /api/v1/auth/signup': { '*': 'forbidden' },
  // Market analysis is for reps at the top of the ladder; the matrix's reps are below it (decision 0030).
  'GET /api/v1/analytics/market': REPS_FORBIDDEN,
  'GET /api/v1/analytics/market/export': REPS_FORBIDDEN,
  // An approval is seen by those it involves (requester, owner, approver) and by directors and admins.
  'GET /api/v1/approvals/{id}': { viewer: 'hidden' },
  // A review is changed and submitted by its author only (rep1 wrote the world's self review).
  'PATCH /api/v1/reviews/{id}': SENIORS_FORBIDDEN,
  'POST /api/v1/reviews/{id}/submit': SENIORS_FORBIDDEN,
  // The body asks for a self review of rep1: only rep1 writes their own.
  'POST /api/v1/reviews': SENIORS_FORBIDDEN,
  // The body sets the manager's rating, which the rep may not set about themselves.
  'PUT /api/v1/skills-matrix/{repId}/{skillId}': { rep1: 'forbidden' },
};

export type RouteRule = { roles: readonly Role[] | 'public'; scope: Scope; overrides: Overrides };

export function ruleFor(method: string, path: string): RouteRule {
  const key = `${method} ${path}`;
  const overrides = OUTCOME_OVERRIDES[key] ?? {};
  if (PUBLIC_ROUTES.has(key)) return { roles: 'public', scope: 'none', overrides };
  let roles: readonly Role[] = method === 'GET' ? SIGNED_IN : WRITERS;
  if (ADMIN_AREAS.some((re) => re.test(path))) roles = ADMIN;
  else if (method !== 'GET' && ADMIN_WRITES.test(path) && key !== 'PUT /api/v1/users/me/availability') roles = ADMIN;
  // A figure's export has the figure's roles.
  roles = ROLE_OVERRIDES[key] ?? ROLE_OVERRIDES[key.replace(/\/export$/, '')] ?? roles;
  const resource = path.split('/')[3] ?? '';
  const scope = SCOPE_OVERRIDES[key] ?? (path.includes('{') ? SCOPE_OF_RESOURCE[resource] : 'none');
  if (!scope) throw new Error(`no scope declared for ${key}`);
  return { roles, scope, overrides };
}

/** What a caller gets on a route when the path names organisation A's records (rep1's where owned). */
export function expectedOutcome(rule: RouteRule, caller: CallerName): Outcome {
  const override = rule.overrides[caller] ?? rule.overrides['*'];
  if (override) return override;
  if (rule.roles === 'public') return 'allow';
  if (caller === 'anonymous' || caller === 'revokedToken') return 'unauthenticated';
  if (!rule.roles.includes(ROLE_OF[caller])) return 'forbidden';
  if (inScope(rule.scope, caller)) return 'allow';
  return rule.scope === 'ref' ? 'unseen' : 'hidden';
}

function inScope(scope: Scope, caller: SignedInCaller): boolean {
  if (scope === 'none') return true;
  if (caller === 'adminB') return false;
  switch (scope) {
    case 'org':
      return true;
    case 'owned':
    case 'ref':
      return caller !== 'repSame' && caller !== 'repOther';
    case 'self':
      return caller === 'rep1';
    case 'creator':
      return caller === 'manager' || caller === 'director' || caller === 'admin';
  }
}
