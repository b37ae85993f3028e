import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg } from '../salesFixtures.ts';
import { anonymous, type Caller, createTestApp, signIn } from '../testApp.ts';
import { changedTables, databaseFingerprint, describeChange, installChangeCounter } from './fuzz.fingerprint.ts';
import { arbitraryOf, type JsonSchema, type Mode, type Pools, parameterArb, unknownKeywords } from './openapiArbitraries.ts';

/**
 * Every route of the OpenAPI document, called with generated requests — valid, at the boundaries,
 * and hostile — by an admin (and, for every route, a rep with fewer runs). Whatever comes in:
 * never a 5xx; every 4xx is problem+json with type, title and status; and a refused write leaves
 * the database as it was (no row of any table inserted, updated or deleted: fuzz.fingerprint.ts).
 * FUZZ_RUNS=25 raises the runs per route and mode (default 6, to keep the file near 3 minutes on
 * PGlite); FUZZ_SEED replays a failure's seed; FUZZ_NO_SHRINK=1 reports the first failure unshrunk.
 * A property that runs past 150 s stops early and passes with the runs it made (slow machines).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** FUZZ_LOG=file appends every 5xx and bare 4xx with its request, for debugging a run. */
const LOG = process.env.FUZZ_LOG;
const MODES: Mode[] = ['valid', 'boundary', 'invalid'];

type Operation = {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Route = { method: Method; path: string; op: Operation };
type Req = { path: Record<string, string>; query: [string, string][]; body: unknown; headers: Record<string, string> };

/**
 * Routes not fuzzed, each with its reason. Every other documented route is.
 * (POST /api/v1/auth/logout is fuzzed with a session of its own per request, not skipped.)
 */
const SKIPPED: Record<string, string> = {};

const t = await createTestApp();
const doc = (await anonymous(t).get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase() as Method, path, op })),
);

let s: SalesOrg;
let rep: Caller;
/** Real ids by collection (`/api/v1/customers` → its ids), and all of them together. */
const idsByCollection = new Map<string, string[]>();
const pools: Pools & { ids: string[] } = { ids: [] };

beforeAll(async () => {
  expect(await installChangeCounter(t.database)).toBeGreaterThan(50);
  s = await seedSalesOrg(t);
  rep = s.eastRep;
  await seedRecords(s);
  // Harvest every id the lists show, except the two callers' own (a generated PATCH could
  // otherwise deactivate the admin or the rep mid-run and turn the rest into 401s).
  const callers = new Set([s.acme.admin.userId, rep.userId]);
  const all = new Set<string>();
  for (const r of routes.filter((x) => x.method === 'GET' && !x.path.includes('{') && x.path.startsWith('/api/v1'))) {
    const res = await s.acme.admin.get(r.path);
    if (res.statusCode !== 200 || !res.headers['content-type']?.toString().includes('json')) continue;
    const found = [...res.body.matchAll(/"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g)].map((m) => m[1] as string);
    const own = found.filter((id) => !callers.has(id));
    idsByCollection.set(r.path, [...new Set(own)]);
    for (const id of own) all.add(id);
  }
  pools.ids.push(...all);
  expect(pools.ids.length).toBeGreaterThan(20);
}, 120_000);

/** A few records of each kind, so path ids and references can be real. */
async function seedRecords(o: SalesOrg) {
  const r = o.eastRep;
  const created = async (res: Promise<{ statusCode: number; body: string; json: () => any }>) => {
    const x = await res;
    if (x.statusCode !== 201 && x.statusCode !== 200) throw new Error(`seed: ${x.statusCode} ${x.body}`);
    return x.json();
  };
  const deal = await openDeal(o, r, { customerId: o.customer.id, amount: '5000.00' });
  const contact = await created(r.post('/api/v1/contacts', { customerId: o.customer.id, name: 'Li Lei' }));
  await created(r.post('/api/v1/leads', { name: 'Han Meimei', company: 'Initech' }));
  await created(r.post('/api/v1/tasks', { title: 'Call back', dueAt: '2026-01-10T09:00:00+08:00', customerId: o.customer.id }));
  await created(
    r.post('/api/v1/activities', { kind: 'call', subject: 'Intro', customerId: o.customer.id, contactId: contact.id, dealId: deal.id }),
  );
  await created(r.post('/api/v1/service-requests', { customerId: o.customer.id, title: 'Broken' }));
  await created(o.acme.admin.post('/api/v1/skills', { name: 'Negotiation' }));
  await created(o.acme.admin.post('/api/v1/webhooks', { url: 'https://93.184.215.14/hooks' }));
  await created(
    r.post('/api/v1/orders', {
      customerId: o.customer.id,
      orderedAt: '2026-01-02T10:00:00+08:00',
      lines: [{ productCode: 'A-1', quantity: '2', unitPrice: '10.00' }],
    }),
  );
}

/** The generated request of a route in a mode. */
function requestArb(route: Route, mode: Mode): fc.Arbitrary<Req> {
  const params = route.op.parameters ?? [];
  const collection = route.path.split('/{')[0] as string;
  const real = idsByCollection.get(collection)?.length ? (idsByCollection.get(collection) as string[]) : pools.ids;
  const pathArb = fc.record(
    Object.fromEntries(
      params
        .filter((p) => p.in === 'path')
        .map((p) => {
          const generated = parameterArb(p.name, p.schema, mode, pools);
          const isId = p.schema.format === 'uuid';
          return [p.name, isId && mode !== 'invalid' ? fc.oneof(fc.constantFrom(...real), generated) : generated];
        }),
    ),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const queryArb = fc
    .record(Object.fromEntries(queryParams.map((p) => [p.name, parameterArb(p.name, p.schema, mode, pools)])), {
      requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
    })
    .map((q) => Object.entries(q) as [string, string][]);
  // Hostile requests also repeat parameters (Fastify makes them arrays) and add unknown ones.
  const extraQuery =
    mode === 'invalid'
      ? fc.array(
          fc.tuple(
            fc.constantFrom('limit', 'sort', 'cursor', 'unknown', '__proto__', 'orgId', ...queryParams.map((p) => p.name)),
            fc.constantFrom('1', '', 'x', '-name'),
          ),
          { maxLength: 3 },
        )
      : fc.constant([] as [string, string][]);
  const schema = route.op.requestBody?.content['application/json']?.schema;
  const bodyArb: fc.Arbitrary<unknown> = schema
    ? mode === 'invalid'
      ? fc.oneof(
          { weight: 8, arbitrary: arbitraryOf(schema, mode, pools) },
          fc.constantFrom('{"name": ', 'not json', '{"__proto__":{"admin":true}}', 'x'.repeat(1_100_000)),
        )
      : arbitraryOf(schema, mode, pools)
    : mode === 'invalid'
      ? fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })
      : fc.constant(undefined);
  const headersArb =
    mode === 'invalid'
      ? fc
          .option(fc.constantFrom('*', 'W/"1"', '"-1"', '"abc"', '"99999999999999999999"', '1', '"1.5"', ''), { nil: undefined })
          .map((v) => (v === undefined ? {} : { 'if-match': v }))
      : fc.constant({} as Record<string, string>);
  return fc.record({
    path: pathArb,
    query: fc.tuple(queryArb, extraQuery).map(([a, b]) => [...a, ...b]),
    body: bodyArb,
    headers: headersArb,
  }) as fc.Arbitrary<Req>;
}

/** Percent-encoding that survives lone surrogates (sent as the invalid UTF-8 they would be). */
const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};
const urlOf = (route: Route, req: Req) => {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => enc(req.path[name] ?? ''));
  const query = req.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return query ? `${path}?${query}` : path;
};

let known: string | null = null;
const fingerprint = async () => (known ??= await databaseFingerprint(t.database));

/**
 * Refusals that write by design: a wrong password counts towards the account's lockout (users.failed_logins,
 * loginThrottle.rules.ts), so guessing cannot go on for ever.
 */
const RECORDS_ITS_REFUSAL: Record<string, string[]> = { 'POST /api/v1/auth/login': ['users'] };

/** One request and the three promises about its answer. */
async function callAndCheck(caller: Caller, route: Route, req: Req) {
  const write = route.method !== 'GET';
  const before = write ? await fingerprint() : null;
  // Each request at its own instant, as in life: records created by the fuzzer do not all share one timestamp.
  t.clock.advance(1);
  const url = urlOf(route, req);
  const res = await caller.request(route.method, url, req.body, req.headers);
  // Anything but a refused write may have written: read the database afresh next time.
  known = null;
  const where = `${route.method} ${url.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 400)}`;
  if (LOG && (res.statusCode >= 500 || (res.statusCode >= 400 && !String(res.headers['content-type']).includes('problem+json')))) {
    appendFileSync(LOG, `${JSON.stringify({ where, body: JSON.stringify(req.body)?.slice(0, 2000), headers: req.headers })}\n`);
  }
  if (res.statusCode >= 500) throw new Error(`server error: ${where}`);
  if (res.statusCode < 400) return;
  if (!String(res.headers['content-type']).includes('application/problem+json')) throw new Error(`4xx is not problem+json: ${where}`);
  const problem = res.json();
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== res.statusCode) {
    throw new Error(`problem+json lacks type/title/status: ${where}`);
  }
  if (before !== null) {
    const after = await fingerprint();
    known = after;
    const changed = changedTables(before, after).filter((table) => !RECORDS_ITS_REFUSAL[`${route.method} ${route.path}`]?.includes(table));
    if (changed.length) throw new Error(`refused write changed the database (${describeChange(before, after)}): ${where}`);
  }
}

/** A fresh session for POST /auth/logout, which would otherwise end the fuzzing admin's own. */
async function freshSession(): Promise<Caller> {
  const { userId } = s.viewer;
  const email = (await s.acme.admin.get(`/api/v1/users/${userId}`)).json().email as string;
  const session = await signIn(t, email);
  // The sign-in wrote a session: a fingerprint kept from the last refused call is stale now.
  known = null;
  return session;
}

const property = async (caller: () => Promise<Caller>, route: Route, mode: Mode, numRuns: number) => {
  await fc.assert(
    fc.asyncProperty(requestArb(route, mode), async (req) => callAndCheck(await caller(), route, req)),
    { numRuns, seed: SEED, endOnFailure: process.env.FUZZ_NO_SHRINK === '1', interruptAfterTimeLimit: 150_000 },
  );
};
const asCaller = (route: Route, who: () => Caller) => (route.path === '/api/v1/auth/logout' ? freshSession : async () => who());

describe('every documented route takes generated requests without a 5xx, a bare 4xx or a refused write', () => {
  it('knows every JSON-schema keyword the document uses, and the list of skipped routes is current', () => {
    for (const r of routes) {
      const schemas = [
        ...(r.op.parameters ?? []).map((p) => p.schema),
        ...Object.values(r.op.requestBody?.content ?? {}).map((c) => c.schema),
      ];
      for (const sc of schemas) expect(unknownKeywords(sc), `${r.method} ${r.path}`).toEqual([]);
    }
    for (const key of Object.keys(SKIPPED)) expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(key);
    expect(routes.length).toBeGreaterThan(250);
  });

  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (SKIPPED[key]) continue;
    it(`${key} as an admin`, async () => {
      for (const mode of MODES)
        await property(
          asCaller(route, () => s.acme.admin),
          route,
          mode,
          RUNS,
        );
    }, 600_000);
  }

  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (SKIPPED[key]) continue;
    it(`${key} as a rep`, async () => {
      await property(
        asCaller(route, () => rep),
        route,
        'valid',
        Math.max(3, Math.ceil(RUNS / 5)),
      );
      await property(
        asCaller(route, () => rep),
        route,
        'invalid',
        Math.max(3, Math.ceil(RUNS / 5)),
      );
    }, 600_000);
  }
});
