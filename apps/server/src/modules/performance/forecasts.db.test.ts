import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { forecastCommits } from './performance.table.ts';

const t = await createTestApp();
let s: SalesOrg;

type Commit = { id: string; repId: string; period: string; amount: string; committedAt: string; version: number };
const commit = (caller: Caller, body: object, headers?: Record<string, string>) => caller.put('/api/v1/forecast-commits', body, headers);
const list = async (caller: Caller, query = '') => (await caller.get(`/api/v1/forecast-commits${query}`)).json().data as Commit[];
const teamOf = async (id: string) =>
  (
    await t.db
      .select({ teamId: forecastCommits.teamId })
      .from(forecastCommits)
      .where(and(eq(forecastCommits.orgId, s.acme.orgId), eq(forecastCommits.id, id)))
  )[0]?.teamId;

beforeAll(async () => {
  s = await seedSalesOrg(t);
});

describe('committing a forecast (提交预测)', () => {
  it('a rep commits their own period, stamped with their team; committing again replaces it (new version, audited)', async () => {
    const res = await commit(s.eastRep, { period: '2026-Q1', amount: '300000' });
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json() as Commit;
    expect(first).toMatchObject({
      repId: s.eastRep.userId,
      period: '2026-Q1',
      amount: '300000.00',
      version: 1,
      committedAt: t.clock.now().toISOString(),
    });
    expect(res.headers.etag).toBe('"1"');
    expect(await teamOf(first.id)).toBe(s.east.id);
    t.clock.advance(60_000);
    const again = await commit(s.eastRep, { period: '2026-Q1', amount: 280000.5 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, amount: '280000.50', version: 2, committedAt: t.clock.now().toISOString() });
    const same = await commit(s.eastRep, { period: '2026-Q1', amount: '280000.50' });
    expect(same.json()).toMatchObject({ version: 2 });
    const stale = await commit(s.eastRep, { period: '2026-Q1', amount: '1' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect((await commit(s.eastRep, { period: '2026-Q1', amount: '290000' }, { 'if-match': '"2"' })).json()).toMatchObject({ version: 3 });
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=forecast_commit&entityId=${first.id}`)).json().data;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'update', 'create']);
    expect(audit[0].changes.amount).toEqual({ before: '280000.50', after: '290000.00' });
  });

  it('is frozen once the period has ended in the org’s time zone (409 naming period)', async () => {
    const start = t.clock.now();
    try {
      const ended = await commit(s.eastRep, { period: '2025-Q4', amount: '1' });
      expect(ended.statusCode).toBe(409);
      expect(ended.json()).toMatchObject({ code: 'period_ended', errors: [{ path: 'period' }] });
      // Weeks later: people signed in then (their sessions would have expired by now).
      t.clock.set(new Date('2026-01-31T15:59:00Z')); // 23:59 on 31 January in Shanghai
      const rep = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id });
      const director = await seedUser(t, s.acme.orgId, 'director');
      expect((await commit(rep, { period: '2026-01', amount: '1000' })).statusCode).toBe(201);
      t.clock.set(new Date('2026-01-31T16:01:00Z')); // 00:01 on 1 February
      expect((await commit(rep, { period: '2026-01', amount: '2000' })).statusCode).toBe(409);
      expect((await commit(director, { period: '2026-01', amount: '2000', repId: rep.userId })).statusCode).toBe(409);
      expect((await list(rep, '?period=2026-01'))[0]).toMatchObject({ amount: '1000.00' });
    } finally {
      t.clock.set(start);
    }
  });

  it('a manager commits for a rep of their team, a director for anyone; others’ reps are not found (404 naming repId)', async () => {
    const byManager = await commit(s.eastManager, { period: '2026-Q2', amount: '100', repId: s.eastRep.userId });
    expect(byManager.statusCode, byManager.body).toBe(201);
    expect(byManager.json().repId).toBe(s.eastRep.userId);
    expect((await commit(s.director, { period: '2026-Q2', amount: '200', repId: s.westRep.userId })).statusCode).toBe(201);
    const hidden = await commit(s.westManager, { period: '2026-Q2', amount: '1', repId: s.eastRep.userId });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors).toEqual([{ path: 'repId', message: 'no such rep that you may see' }]);
    expect((await commit(s.westRep, { period: '2026-Q2', amount: '1', repId: s.eastRep.userId })).statusCode).toBe(404);
    expect((await commit(s.globex.admin, { period: '2026-Q2', amount: '1', repId: s.eastRep.userId })).statusCode).toBe(404);
    expect((await commit(s.viewer, { period: '2026-Q2', amount: '1' })).statusCode).toBe(403);
    expect((await anonymous(t).put('/api/v1/forecast-commits', { period: '2026-Q2', amount: '1' })).statusCode).toBe(401);
    const viewer = await commit(s.director, { period: '2026-Q2', amount: '1', repId: s.viewer.userId });
    expect(viewer.statusCode).toBe(422);
    expect(viewer.json().errors[0].path).toBe('repId');
    expect((await list(s.director, '?period=2026-Q2')).map((c) => c.amount).sort()).toEqual(['100.00', '200.00']);
  });

  it('refuses bad input naming the field', async () => {
    for (const [body, status, path] of [
      [{ period: '2026-Q3', amount: '1.005' }, 422, 'amount'],
      [{ period: '2026-Q3', amount: '-5' }, 400, 'amount'],
      [{ period: 'quarter', amount: '5' }, 400, 'period'],
      [{ period: '2026-Q3' }, 400, 'amount'],
      [{ period: '2026-Q3', amount: '5', repId: 'me' }, 400, 'repId'],
    ] as const) {
      const res = await commit(s.eastRep, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect(await list(s.director, '?period=2026-Q3')).toEqual([]);
  });
});

describe('reading forecast commits', () => {
  it('a rep reads their own, a manager their team’s, directors and viewers all; not another organisation', async () => {
    const q2 = '?period=2026-Q2';
    expect((await list(s.eastRep, q2)).map((c) => c.repId)).toEqual([s.eastRep.userId]);
    expect((await list(s.westRep, q2)).map((c) => c.repId)).toEqual([s.westRep.userId]);
    expect((await list(s.eastManager, q2)).map((c) => c.repId)).toEqual([s.eastRep.userId]);
    expect((await list(s.westManager, q2)).map((c) => c.repId)).toEqual([s.westRep.userId]);
    expect(await list(s.viewer, q2)).toHaveLength(2);
    expect(await list(s.eastRep, `?repId=${s.westRep.userId}`)).toEqual([]);
    expect((await list(s.director, `?repId=${s.eastRep.userId}`)).map((c) => c.period)).toEqual(['2026-Q2', '2026-Q1']);
    expect(await list(s.globex.admin)).toEqual([]);
    expect((await anonymous(t).get('/api/v1/forecast-commits')).statusCode).toBe(401);
  });
});
