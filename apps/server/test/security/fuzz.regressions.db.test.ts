import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../salesFixtures.ts';
import { createTestApp } from '../testApp.ts';

/**
 * The requests fuzz.db.test.ts found answering 500 or a bare error (issue 11), kept as plain examples
 * so each fix stays fixed whatever the fuzzer's seed.
 */
const t = await createTestApp();
let s: SalesOrg;
beforeAll(async () => {
  s = await seedSalesOrg(t);
});

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }, status: number) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
};

describe('requests the fuzzer found failing', () => {
  it('a NUL character anywhere (PostgreSQL text cannot hold it) → 400 naming the field', async () => {
    const body = expectProblem(await s.acme.admin.post('/api/v1/skills', { name: 'ok', description: 'a\u0000b' }), 400);
    expect(body).toMatchObject({ code: 'invalid_character', errors: [{ path: 'description' }] });
    expectProblem(await s.acme.admin.get('/api/v1/customers?q=%00'), 400);
  });

  it('a version beyond the int4 column → 400, not a database overflow', async () => {
    const customer = s.customer.id;
    expectProblem(await s.acme.admin.patch(`/api/v1/customers/${customer}`, { name: 'X', version: 9007199254740979 }), 400);
    expectProblem(await s.eastRep.put(`/api/v1/customers/${customer}/account-plan`, { objectives: 'o', version: 1202512845104183 }), 400);
  });

  it('a URL that does not decode, or a path parameter over the router limit, is problem+json too', async () => {
    expectProblem(await s.acme.admin.get('/api/v1/leads/%ED%A0%80'), 400);
    expectProblem(await s.acme.admin.get(`/api/v1/customers/${'x'.repeat(300)}`), 414);
  });

  it('analytics and scorecard periods outside the calendar → 400', async () => {
    expectProblem(await s.acme.admin.get('/api/v1/analytics/tiers/migration?from=%00&to=2026-02-30'), 400);
    expectProblem(await s.acme.admin.get('/api/v1/scorecards?period=0000'), 400);
    // Date.UTC read year 4 as 1904, so this 1899-year window passed as under 3 years.
    expectProblem(await s.acme.admin.get('/api/v1/analytics/tiers/distribution?from=0001-01-01&to=1900-01-01'), 400);
  });

  it('a calendar day in a year PostgreSQL has not (0000) or far ahead → 400 naming the field', async () => {
    const body = expectProblem(await s.acme.admin.get('/api/v1/receivables/overdue?asOf=0000-01-01'), 400);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'asOf' })]);
    expectProblem(await s.acme.admin.get('/api/v1/receivables/overdue?asOf=9999-12-31'), 400);
    expect((await s.acme.admin.get('/api/v1/receivables/overdue?asOf=2026-11-28')).statusCode).toBe(200);
  });

  it('a customer in a team the organisation does not have → 422, nothing written', async () => {
    const body = expectProblem(
      await s.acme.admin.post('/api/v1/customers', { name: 'Ghost team', teamId: '0190a000-0000-7000-8000-000000000001' }),
      422,
    );
    expect(body.errors).toEqual([expect.objectContaining({ path: 'teamId' })]);
    const v = (await s.acme.admin.get(`/api/v1/customers/${s.customer.id}`)).json().version;
    expectProblem(
      await s.acme.admin.patch(`/api/v1/customers/${s.customer.id}`, { teamId: '0190a000-0000-7000-8000-000000000001', version: v }),
      422,
    );
  });

  it('a timestamp in year 9999 → 400 (a rule adding days to it overflowed the ISO format)', async () => {
    expectProblem(
      await s.acme.admin.post('/api/v1/customers', { name: 'Far future', lastContactAt: '9999-12-31T23:59:59.999+14:00' }),
      400,
    );
  });
});
