import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.ts';
import { anonymous, Caller, createTestApp } from '../testApp.ts';
import { bodyFor, CONSUMING, fillPath, LAST, queryFor, randomId, rep1Records, STALE, withMadeUpIds } from './accessMatrix.requests.ts';
import { CALLERS, type CallerName, expectedOutcome, type Outcome, ruleFor } from './accessMatrix.table.ts';
import { type AccessWorld, SECRET_A, SECRET_B, seedAccessWorld } from './accessMatrix.world.ts';

/**
 * Issue 11: every route of the OpenAPI, called as every kind of caller on records inside and outside their
 * scope, answers as the declared table says; an out-of-scope record answers exactly like a missing one;
 * refused calls change nothing; and nothing of rep1 (or of organisation A) shows in what others are shown.
 * Mismatches are gathered over all routes and reported together. The walk over every route runs last: the
 * calls it lets through change the world (a claimed customer, an approved discount), so the exact counts
 * of the earlier tests are taken on the world as seeded.
 */
// Webhooks point at a closed local port (no DNS here); the job that would deliver them never runs.
const t = await createTestApp({ webhookAllowPrivate: true });
let w: AccessWorld;
let callers: Record<CallerName, Caller>;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  w = await seedAccessWorld(t);
  callers = { ...w.callers, anonymous: anonymous(t), revokedToken: new Caller(t, { bearer: w.revokedToken }) };
  const doc = (await anonymous(t).get('/api/openapi.json')).json();
  routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );
});

type Res = Awaited<ReturnType<Caller['get']>>;
const classOf = (status: number): Outcome | 'error' =>
  status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'hidden' : status < 500 ? 'allow' : 'error';
const problemType = (res: Res) => {
  try {
    return res.json().type as string | undefined;
  } catch {
    return undefined;
  }
};

/** One hash per table: a refused call must leave every one as it was (the clock stands still, so no session is touched). */
let tableNames: string[] | undefined;
async function tableHashes(): Promise<Map<string, string>> {
  tableNames ??= rowsOf<{ name: string }>(
    await t.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => r.name);
  const parts = tableNames.map(
    // Row count and an order-free sum of row hashes: no sort, so one statement over every table stays cheap.
    (n) => sql`select ${n} as name, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) as hash from ${sql.identifier(n)} x`,
  );
  const rows = rowsOf<{ name: string; hash: string }>(await t.db.execute(sql.join(parts, sql` union all `)));
  return new Map(rows.map((r) => [r.name, r.hash]));
}
const changedTables = (a: Map<string, string>, b: Map<string, string>) => [...a].filter(([n, h]) => b.get(n) !== h).map(([n]) => n);

/** What must never appear in a 2xx body shown to a caller: rep1's records to other reps, A's anything to B. */
function secretsFor(caller: CallerName): string[] {
  const rep1Own = [SECRET_A, ...rep1Records(w)];
  if (caller === 'repSame' || caller === 'repOther') return rep1Own;
  if (caller === 'adminB')
    return [
      ...rep1Own,
      'Alpha Matrix',
      ...Object.values(w.ids),
      ...Object.values(w.users),
      ...Object.values(w.teams),
      ...Object.values(w.levels),
    ];
  if (caller === 'anonymous' || caller === 'revokedToken') return [];
  return [SECRET_B, ...Object.values(w.b)];
}

const orderRoutes = (all: typeof routes) => {
  const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
  const last = (r: (typeof routes)[number]) => LAST.indexOf(key(r));
  // Reads first, then writes, then the routes that end something, in their order.
  return [...all].sort((a, b) => last(a) - last(b) || (a.method === 'GET' ? 0 : 1) - (b.method === 'GET' ? 0 : 1));
};

describe('the access matrix (issue 11)', () => {
  it('declares every route of the OpenAPI, and the declared roles are the ones the routes enforce', () => {
    const problems: string[] = [];
    for (const { method, path } of routes) {
      try {
        const rule = ruleFor(method, path);
        const registered = t.app.registeredRoutes.find((r) => r.method === method && r.url.replace(/:(\w+)/g, '{$1}') === path);
        const enforced = registered?.access?.kind === 'public' ? 'public' : [...(registered?.access?.roles ?? [])].sort().join(',');
        const declared = rule.roles === 'public' ? 'public' : [...rule.roles].sort().join(',');
        if (enforced !== declared) problems.push(`${method} ${path}: table says ${declared}, route enforces ${enforced}`);
      } catch (e) {
        problems.push(String(e));
      }
    }
    expect(routes.length).toBeGreaterThan(250);
    expect(problems).toEqual([]);
  });

  it('keeps lists and figures within scope: nothing of rep1 for other reps, nothing of A for B', async () => {
    const { repOther, repSame, admin, adminB, rep1 } = w.callers;
    const ids = async (c: Caller, url: string) => ((await c.get(url)).json().data as { id: string }[]).map((r) => r.id);
    // The public pool (customers without an owner) is there for everyone in the organisation to see and claim.
    expect((await ids(repOther, '/api/v1/customers')).sort()).toEqual([w.ids.otherCustomer, w.ids.pooled].sort());
    expect(await ids(repOther, `/api/v1/customers?ownerId=${w.users.rep1}`)).toEqual([]);
    expect(await ids(repSame, '/api/v1/customers')).toEqual([w.ids.pooled]);
    expect(await ids(adminB, '/api/v1/customers')).toEqual([w.b.customer]);
    for (const list of ['deals', 'activities', 'tasks', 'contacts', 'leads', 'contracts', 'service-requests', 'orders', 'approvals']) {
      for (const c of [repSame, repOther]) expect(await ids(c, `/api/v1/${list}`), list).toEqual([]);
      expect((await ids(rep1, `/api/v1/${list}`)).length, list).toBeGreaterThan(0);
    }
    // Figures count what the list shows, no more.
    const window = 'from=2025-01-01&to=2026-12-31';
    const total = async (c: Caller) => (await c.get(`/api/v1/analytics/tiers/distribution?${window}`)).json().totalCustomers;
    const adminCustomers = (await ids(admin, '/api/v1/customers?limit=200')).length;
    expect(await total(admin)).toBe(adminCustomers);
    expect(await total(repOther)).toBe(2);
    expect(await total(repSame)).toBe(1);
    expect(await total(adminB)).toBe(1);
    const dash = async (c: Caller) => {
      const d = (await c.get('/api/v1/analytics/dashboard/rep')).json();
      return { deals: d.pipeline.reduce((s: number, p: { count: number }) => s + p.count, 0), openTasks: d.tasks.open };
    };
    expect(await dash(rep1)).toMatchObject({ deals: 2 });
    expect((await dash(rep1)).openTasks).toBeGreaterThan(0);
    expect(await dash(repOther)).toEqual({ deals: 0, openTasks: 0 });
    expect((await repOther.get(`/api/v1/analytics/dashboard/rep?repId=${w.users.rep1}`)).statusCode).toBe(404);
    // Revenue from orders: rep1's 300 counts for rep1 and the org, not for the other reps or organisation B.
    const revenue = async (c: Caller) => Number((await c.get(`/api/v1/analytics/tiers/distribution?${window}`)).json().totalRevenue);
    expect(await revenue(rep1)).toBe(300);
    expect(await revenue(admin)).toBe(300);
    for (const c of [repOther, repSame, adminB]) expect(await revenue(c)).toBe(0);
  });

  it('answers a filter naming an out-of-scope record exactly as one naming a record that does not exist', async () => {
    const doc = (await anonymous(t).get('/api/openapi.json')).json();
    const rep1Things: Record<string, string> = {
      customerId: w.ids.customer,
      dealId: w.ids.deal,
      leadId: w.ids.lead,
      entityId: w.ids.deal,
      ownerId: w.users.rep1,
      repId: w.users.rep1,
      assigneeId: w.users.rep1,
    };
    const orgThings: Record<string, string> = {
      ...rep1Things,
      teamId: w.teams.team1,
      actorId: w.users.manager,
      tierId: w.ids.tier,
      pipelineId: w.pipelines.short.id,
      stageId: w.pipelines.short.stages[0].id,
      levelId: w.levels.level1,
      cycleId: w.ids.cycle,
      courseId: w.ids.course,
      triggerId: w.ids.trigger,
    };
    const mismatches: string[] = [];
    const normalise = (body: string, ids: string[]) =>
      ids.reduce((b, id) => b.replaceAll(id, '<id>'), body).replace(/"requestId":"[^"]*"/g, '');
    const compare = async (c: CallerName, path: string, set: Record<string, string>) => {
      const base = new URLSearchParams(queryFor(w, 'GET', path).slice(1));
      const real = new URLSearchParams(base);
      const fake = new URLSearchParams(base);
      const made: string[] = [];
      for (const [name, id] of Object.entries(set)) {
        real.set(name, id);
        made.push(randomId());
        fake.set(name, made.at(-1)!);
      }
      const a = await callers[c].get(`${path}?${real}`);
      const b = await callers[c].get(`${path}?${fake}`);
      if (a.statusCode !== b.statusCode || normalise(a.body, Object.values(set)) !== normalise(b.body, made))
        mismatches.push(
          `GET ${path}?${Object.keys(set).join('&')} as ${c}: ${a.statusCode} ${a.body.slice(0, 120)} ≠ ${b.statusCode} ${b.body.slice(0, 120)}`,
        );
    };
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: any[] }>>)) {
      const get = ops.get;
      if (!get || path.includes('{') || ruleFor('GET', path).roles === 'public') continue;
      const params: string[] = (get.parameters ?? []).filter((p) => p.in === 'query' && p.schema?.format === 'uuid').map((p) => p.name);
      if (!params.length) continue;
      const roles = ruleFor('GET', path).roles;
      // Other reps, one filter at a time; organisation B with every filter naming A's records at once.
      for (const c of ['repSame', 'repOther'] as const) {
        if (!roles.includes('rep')) break;
        for (const name of params.filter((n) => rep1Things[n])) await compare(c, path, { [name]: rep1Things[name] });
      }
      const all = Object.fromEntries(params.filter((n) => orgThings[n]).map((n) => [n, orgThings[n]]));
      if (roles.includes('admin') && Object.keys(all).length) await compare('adminB', path, all);
    }
    if (process.env.MATRIX_REPORT) writeFileSync(`${process.env.MATRIX_REPORT}.filters`, mismatches.join('\n'));
    expect(mismatches).toEqual([]);
  });

  it('answers every route × caller as declared, hides out-of-scope records like missing ones, and refused calls change nothing', async () => {
    const mismatches: string[] = [];
    const stats = { calls: 0, skipped: 0 };
    const timing = { hash: 0 };
    const call = async (name: CallerName, method: string, url: string, body: unknown) => {
      stats.calls++;
      const headers: Record<string, string> = method === 'GET' ? {} : { 'if-match': `"${STALE}"` };
      return callers[name].request(method as 'GET', url, body, headers);
    };
    let rule = ruleFor('GET', '/healthz');
    const check = (label: string, res: Res, want: Outcome, caller: CallerName) => {
      const got = classOf(res.statusCode);
      const ok =
        want === 'unseen'
          ? res.statusCode >= 400 && res.statusCode < 500 && got !== 'forbidden' && got !== 'unauthenticated'
          : got === want;
      if (!ok) mismatches.push(`${label}: want ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      if ([401, 403, 404].includes(res.statusCode) && !String(res.headers['content-type']).includes('application/problem+json'))
        mismatches.push(`${label}: refusal ${res.statusCode} is not problem+json`);
      if (res.statusCode < 300 && rule.roles !== 'public')
        for (const s of secretsFor(caller)) if (res.body.includes(s)) mismatches.push(`${label}: shows ${s} to ${caller}`);
    };
    const sameAnswer = (label: string, res: Res, missing: Res) => {
      if (missing.statusCode !== res.statusCode || problemType(missing) !== problemType(res))
        mismatches.push(
          `${label}: out of scope ${res.statusCode} ${problemType(res)} ≠ missing ${missing.statusCode} ${problemType(missing)}`,
        );
    };

    for (const { method, path } of orderRoutes(routes)) {
      const key = `${method} ${path}`;
      rule = ruleFor(method, path);
      const query = queryFor(w, method, path);
      const pathA = fillPath(w, method, path, 'A')!;
      const outcome = Object.fromEntries(CALLERS.map((c) => [c, expectedOutcome(rule, c)])) as Record<CallerName, Outcome>;
      const t0 = performance.now();
      const before = method === 'GET' ? undefined : await tableHashes();
      timing.hash += performance.now() - t0;
      /** The same call naming made-up ids (path, query, rep1's records in the body); undefined if it names none. */
      const madeUp = (body: unknown) => {
        const other = withMadeUpIds(w, query, body);
        const pathR = fillPath(w, method, path, 'random')!;
        if (pathR === pathA && other.query === query && JSON.stringify(other.body) === JSON.stringify(body)) return undefined;
        return { url: pathR + other.query, body: other.body };
      };

      // Refusals: callers who may not call, or whose scope does not hold the record; each compared with made-up ids.
      for (const c of CALLERS.filter((x) => outcome[x] !== 'allow')) {
        const label = `${key} as ${c}`;
        const body = bodyFor(w, method, path);
        const res = await call(c, method, pathA + query, body);
        check(label, res, outcome[c], c);
        // Only a refusal that looked at the record can give it away: a 401, or a 403 for the role, is decided
        // before any lookup; a business rule's 403 on a record the caller sees (declared per route) hides nothing.
        if (outcome[c] === 'unauthenticated' || outcome[c] === 'forbidden') continue;
        const other = madeUp(body);
        if (other) sameAnswer(label, res, await call(c, method, other.url, other.body));
        else if (outcome[c] === 'unseen') mismatches.push(`${label}: unseen declared but the request names no record`);
      }
      // Who may call is settled before the body is read: a body that fails validation changes no refusal.
      if (method !== 'GET' && rule.roles !== 'public') {
        const forbiddenRole = CALLERS.find((x) => outcome[x] === 'forbidden' && !rule.overrides[x]);
        for (const c of ['anonymous', ...(forbiddenRole ? [forbiddenRole] : [])] as CallerName[])
          check(`${key} as ${c} with an invalid body`, await call(c, method, pathA + query, [42]), outcome[c], c);
      }
      // Made-up ids as the narrowest and the widest caller who may call: refused as missing, never served.
      const allowed = CALLERS.filter((x) => outcome[x] === 'allow' && rule.roles !== 'public');
      for (const c of new Set([allowed[0], allowed.at(-1)].filter((x) => x !== undefined))) {
        const other = madeUp(bodyFor(w, method, path));
        if (!other) break;
        const missing = await call(c, method, other.url, other.body);
        check(`${key} as ${c} naming made-up ids`, missing, path.includes('{') ? 'hidden' : 'unseen', c);
      }
      // Organisation B's record, asked for from A.
      const pathB = path.includes('{') ? fillPath(w, method, path, 'B') : undefined;
      if (pathB && outcome.admin === 'allow')
        check(
          `${key} as admin on organisation B's record`,
          await call('admin', method, pathB + query, bodyFor(w, method, path)),
          'hidden',
          'admin',
        );
      if (before) {
        const t1 = performance.now();
        const after = await tableHashes();
        timing.hash += performance.now() - t1;
        const changed = changedTables(before, after);
        if (changed.length) mismatches.push(`${key}: refused calls changed ${changed.join(', ')}`);
      }

      // The calls that may go through, in CALLERS order; a consuming route only once.
      let consumed = false;
      for (const c of CALLERS.filter((x) => outcome[x] === 'allow')) {
        if (consumed) {
          stats.skipped++;
          continue;
        }
        const res = await call(c, method, pathA + query, bodyFor(w, method, path));
        check(`${key} as ${c}`, res, 'allow', c);
        if (CONSUMING.has(key) && res.statusCode < 300) consumed = true;
      }
    }
    console.info(
      `access matrix: ${routes.length} routes, ${stats.calls} calls, ${stats.skipped} skipped after a consuming call, hashing ${Math.round(timing.hash)} ms`,
    );
    // MATRIX_REPORT=<file> writes the whole list, for when the assertion's diff is cut short.
    if (process.env.MATRIX_REPORT) writeFileSync(process.env.MATRIX_REPORT, mismatches.join('\n'));
    expect(mismatches).toEqual([]);
  }, 300_000);
});
