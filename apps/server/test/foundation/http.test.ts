import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedOrg } from '../testApp.ts';

const t = await createTestApp();
let admin: Caller;
beforeAll(async () => {
  ({ admin } = await seedOrg(t));
});

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any; body: string }, status: number) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), code: expect.any(String) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  // Never a stack trace or a database message.
  expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|relation "|syntax error at|violates/);
  return body;
};

describe('health and API description', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await anonymous(t).get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await anonymous(t).get('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('serves a valid OpenAPI 3.1 document listing every API route', async () => {
    const res = await anonymous(t).get('/api/openapi.json');
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const apiRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1') || r.url.endsWith('z'));
    for (const r of apiRoutes) expect(documented).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  });

  it('serves a readable reference at /api/docs', async () => {
    const res = await anonymous(t).get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('puts a request id on every response, and keeps a sane one the caller sent', async () => {
    expect((await anonymous(t).get('/healthz')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await anonymous(t).get('/healthz', { 'x-request-id': 'edge-42' })).headers['x-request-id']).toBe('edge-42');
    expect((await anonymous(t).get('/healthz', { 'x-request-id': 'bad id\n' })).headers['x-request-id']).not.toContain('bad');
  });
});

describe('bad input is answered with problem+json naming the field', () => {
  it('malformed JSON → 400', async () => {
    const body = expectProblem(await admin.request('POST', '/api/v1/teams', '{"name": ', { 'content-type': 'application/json' }), 400);
    expect(body.code).toBe('malformed_json');
  });

  it('a wrong type → 400 naming the field', async () => {
    const body = expectProblem(await admin.post('/api/v1/teams', { name: 42 }), 400);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('a missing field → 400 naming the field', async () => {
    const body = expectProblem(await admin.post('/api/v1/users', { name: 'No email', role: 'rep', password: 'long-enough-1' }), 400);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain('email');
  });

  it('an over-long string → 400 naming the field', async () => {
    const body = expectProblem(await admin.post('/api/v1/teams', { name: 'x'.repeat(201) }), 400);
    expect(body.errors[0].path).toBe('name');
  });

  it('a bad query parameter → 400 naming it', async () => {
    const body = expectProblem(await admin.get('/api/v1/users?limit=5000'), 400);
    expect(body.errors[0].path).toBe('limit');
    expectProblem(await admin.get('/api/v1/users?cursor=not-a-cursor'), 400);
  });

  it('a body that is not JSON → 415', async () => {
    expectProblem(await admin.request('POST', '/api/v1/teams', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  it('an unknown route → 404 problem+json', async () => {
    expectProblem(await admin.get('/api/v1/no-such-thing'), 404);
    expectProblem(await anonymous(t).request('DELETE', '/api/v2/whatever'), 404);
  });

  it('a record id that is not a uuid → 400, not a database error', async () => {
    const body = expectProblem(await admin.get('/api/v1/users/1%27%20or%201=1'), 400);
    expect(body.errors[0].path).toBe('id');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy without inline scripts', async () => {
    const csp = String((await anonymous(t).get('/healthz')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
