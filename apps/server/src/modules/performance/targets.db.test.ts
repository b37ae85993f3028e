import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;
let mid: string;
let eastRep2: Caller;

type Target = {
  id: string;
  kpi: string;
  period: string;
  repId: string | null;
  teamId: string | null;
  levelId: string | null;
  value: string;
  version: number;
};
const list = async (caller: Caller, query = '') => (await caller.get(`/api/v1/targets${query}`)).json().data as Target[];
const put = (caller: Caller, targets: object[]) => caller.put('/api/v1/targets', { targets });

beforeAll(async () => {
  s = await seedSalesOrg(t);
  mid = ((await s.acme.admin.get('/api/v1/levels')).json().data as { id: string; key: string }[]).find((l) => l.key === 'mid')!.id;
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: mid });
});

describe('setting targets', () => {
  it('a director sets rep, team and level default targets in one batch, each value in its KPI’s unit, audited', async () => {
    const res = await put(s.director, [
      { kpi: 'revenueWon', period: '2026-Q1', repId: s.eastRep.userId, value: 100000 },
      { kpi: 'winRate', period: '2026-Q1', repId: s.eastRep.userId, value: '0.35' },
      { kpi: 'revenueWon', period: '2026-Q1', teamId: s.east.id, value: '500000' },
      { kpi: 'newCustomers', period: 'quarter', levelId: s.junior, value: 12 },
      { kpi: 'satisfaction', period: 'quarter', levelId: mid, value: '4.5' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.map((x: Target) => [x.kpi, x.value, x.version])).toEqual([
      ['revenueWon', '100000.00', 1],
      ['winRate', '0.3500', 1],
      ['revenueWon', '500000.00', 1],
      ['newCustomers', '12', 1],
      ['satisfaction', '4.50', 1],
    ]);
    const id = res.json().data[0].id;
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=target&entityId=${id}`)).json().data;
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', changes: expect.objectContaining({ value: { before: null, after: '100000.00' } }) }),
    ]);
  });

  it('setting a target again replaces its value (new version, audited); an equal value changes nothing', async () => {
    const res = await put(s.director, [
      { kpi: 'revenueWon', period: '2026-Q1', repId: s.eastRep.userId, value: '120000.00' },
      { kpi: 'winRate', period: '2026-Q1', repId: s.eastRep.userId, value: '0.3500' },
    ]);
    expect(res.json().data.map((x: Target) => [x.value, x.version])).toEqual([
      ['120000.00', 2],
      ['0.3500', 1],
    ]);
    const mine = await list(s.eastRep, '?period=2026-Q1&kpi=revenueWon');
    expect(mine.filter((x) => x.repId === s.eastRep.userId && x.kpi === 'revenueWon')).toHaveLength(1);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=target&entityId=${res.json().data[0].id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', changes: { value: { before: '100000.00', after: '120000.00' } } });
    expect((await s.acme.admin.get(`/api/v1/audit-log?entity=target&entityId=${res.json().data[1].id}`)).json().data).toHaveLength(1);
  });

  it('a manager sets targets of their team and its reps; never level defaults (403), other teams’ reps are not found (404)', async () => {
    const ok = await put(s.eastManager, [
      { kpi: 'orders', period: '2026-Q1', repId: eastRep2.userId, value: 8 },
      { kpi: 'orders', period: '2026-Q1', teamId: s.east.id, value: 20 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const before = (await list(s.director)).length;
    const hidden = await put(s.eastManager, [
      { kpi: 'orders', period: '2026-Q2', repId: s.eastRep.userId, value: 1 },
      { kpi: 'orders', period: '2026-Q2', repId: s.westRep.userId, value: 1 },
      { kpi: 'orders', period: '2026-Q2', teamId: s.west.id, value: 1 },
    ]);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors.map((e: { path: string }) => e.path)).toEqual(['targets.1.repId', 'targets.2.teamId']);
    const level = await put(s.eastManager, [{ kpi: 'orders', period: 'quarter', levelId: s.junior, value: 1 }]);
    expect(level.statusCode).toBe(403);
    expect(level.json().errors).toEqual([{ path: 'targets.0.levelId', message: expect.stringContaining('directors') }]);
    const own = await put(s.eastManager, [{ kpi: 'orders', period: '2026-Q2', repId: s.eastManager.userId, value: 1 }]);
    expect(own.statusCode).toBe(403);
    expect(own.json().errors[0].path).toBe('targets.0.repId');
    expect((await list(s.director)).length).toBe(before);
  });

  it('is closed to reps, viewers and other organisations', async () => {
    const target = { kpi: 'orders', period: '2026-Q2', repId: s.eastRep.userId, value: 1 };
    expect((await put(s.eastRep, [target])).statusCode).toBe(403);
    expect((await put(s.viewer, [target])).statusCode).toBe(403);
    const foreign = await put(s.globex.admin, [target]);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors).toEqual([{ path: 'targets.0.repId', message: expect.any(String) }]);
    expect((await put(s.globex.admin, [{ kpi: 'orders', period: 'quarter', levelId: s.junior, value: 1 }])).statusCode).toBe(404);
    expect((await anonymous(t).put('/api/v1/targets', { targets: [target] })).statusCode).toBe(401);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = (await list(s.director)).length;
    const rep = { period: '2026-Q2', repId: s.eastRep.userId };
    const rate = await put(s.director, [{ ...rep, kpi: 'winRate', value: '1.5' }]);
    expect(rate.statusCode).toBe(422);
    expect(rate.json().errors).toEqual([{ path: 'targets.0.value', message: expect.stringContaining('0–1') }]);
    const count = await put(s.director, [{ ...rep, kpi: 'orders', value: '2.5' }]);
    expect(count.json().errors[0].path).toBe('targets.0.value');
    const money = await put(s.director, [{ ...rep, kpi: 'revenueWon', value: '1.005' }]);
    expect(money.json().errors[0].path).toBe('targets.0.value');
    const twice = await put(s.director, [
      { ...rep, kpi: 'orders', value: 1 },
      { ...rep, kpi: 'orders', value: 2 },
    ]);
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toEqual([{ path: 'targets.1.kpi', message: 'the same target as targets.0' }]);
    const two = await put(s.director, [{ kpi: 'orders', period: '2026-Q2', repId: s.eastRep.userId, teamId: s.east.id, value: 1 }]);
    expect(two.statusCode).toBe(400);
    expect(two.json().errors[0].path).toBe('targets.0.repId');
    const kind = await put(s.director, [{ kpi: 'orders', period: '2026-Q2', levelId: s.junior, value: 1 }]);
    expect(kind.json().errors[0].path).toBe('targets.0.period');
    const key = await put(s.director, [{ kpi: 'orders', period: 'quarter', repId: s.eastRep.userId, value: 1 }]);
    expect(key.json().errors[0].path).toBe('targets.0.period');
    expect((await put(s.director, [{ ...rep, kpi: 'deals', value: 1 }])).json().errors[0].path).toBe('targets.0.kpi');
    expect((await put(s.director, [])).json().errors[0].path).toBe('targets');
    expect((await list(s.director)).length).toBe(before);
  });
});

describe('reading targets', () => {
  const subjects = (rows: Target[]) =>
    rows.map((x) => (x.repId ? `rep:${x.repId}` : x.teamId ? `team:${x.teamId}` : `level:${x.levelId}`)).sort();

  beforeAll(async () => {
    const res = await put(s.director, [
      { kpi: 'orders', period: '2026-Q3', repId: s.westRep.userId, value: 5 },
      { kpi: 'orders', period: '2026-Q3', teamId: s.west.id, value: 9 },
      { kpi: 'orders', period: '2026-Q3', repId: s.eastRep.userId, value: 4 },
      { kpi: 'orders', period: '2026-Q3', teamId: s.east.id, value: 7 },
      { kpi: 'orders', period: 'year', levelId: s.junior, value: 30 },
      { kpi: 'orders', period: 'year', levelId: mid, value: 40 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
  });
  const q3 = '?period=2026-Q3';

  it('a rep reads their own, their team’s and their level’s defaults', async () => {
    expect(subjects(await list(s.eastRep, q3))).toEqual([`rep:${s.eastRep.userId}`, `team:${s.east.id}`]);
    expect(subjects(await list(s.eastRep, '?period=year'))).toEqual([`level:${s.junior}`]);
    expect(subjects(await list(eastRep2, '?period=year'))).toEqual([`level:${mid}`]);
    expect(await list(s.eastRep, `?repId=${s.westRep.userId}`)).toEqual([]);
  });

  it('a manager reads their teams’ and their reps’ and every level default; a director and a viewer everything', async () => {
    expect(subjects(await list(s.eastManager, q3))).toEqual([`rep:${s.eastRep.userId}`, `team:${s.east.id}`].sort());
    expect(subjects(await list(s.eastManager, '?period=year'))).toEqual([`level:${s.junior}`, `level:${mid}`].sort());
    expect(await list(s.eastManager, `${q3}&teamId=${s.west.id}`)).toEqual([]);
    expect(await list(s.director, q3)).toHaveLength(4);
    expect(await list(s.viewer, q3)).toHaveLength(4);
    expect(await list(s.globex.admin)).toEqual([]);
    expect((await anonymous(t).get('/api/v1/targets')).statusCode).toBe(401);
  });
});

describe('deleting a target', () => {
  it('needs its version (428, stale 409); a manager deletes their reps’ targets, not level defaults; others see none', async () => {
    const [target, level] = (
      await put(s.director, [
        { kpi: 'activities', period: '2026-Q4', repId: s.eastRep.userId, value: 50 },
        { kpi: 'activities', period: 'month', levelId: s.junior, value: 20 },
      ])
    ).json().data as Target[];
    const url = `/api/v1/targets/${target.id}`;
    expect((await s.eastManager.delete(url)).statusCode).toBe(428);
    expect((await s.eastManager.delete(`${url}?version=7`)).statusCode).toBe(409);
    expect((await s.westManager.delete(`${url}?version=1`)).statusCode).toBe(404);
    expect((await s.globex.admin.delete(`${url}?version=1`)).statusCode).toBe(404);
    expect((await s.eastRep.delete(`${url}?version=1`)).statusCode).toBe(403);
    expect((await s.viewer.delete(`${url}?version=1`)).statusCode).toBe(403);
    expect((await s.eastManager.delete(`/api/v1/targets/${level.id}?version=1`)).statusCode).toBe(403);
    const res = await s.eastManager.delete(url, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, value: '50' });
    expect((await list(s.director, '?period=2026-Q4')).map((x) => x.id)).toEqual([]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=target&entityId=${target.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'delete' });
    expect((await s.director.delete(`/api/v1/targets/${level.id}?version=1`)).statusCode).toBe(200);
  });
});
