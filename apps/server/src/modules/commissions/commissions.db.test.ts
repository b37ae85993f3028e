import type { TCommissionStatement } from '@tierline/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { levelHistory } from '../levels/levels.table.ts';
import { users } from '../users/users.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let level: Record<string, string>;
const contractNumbers: Record<string, string> = {};

async function contractWithPayments(owner: Caller, customerId: string, amount: string, paid: [string, string][]) {
  const c = (await owner.post('/api/v1/contracts', { customerId, amount })).json();
  const active = await owner.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version });
  expect(active.statusCode, active.body).toBe(200);
  for (const [receivedOn, a] of paid) {
    const res = await owner.post(`/api/v1/contracts/${c.id}/payments`, { amount: a, receivedOn });
    expect(res.statusCode, res.body).toBe(201);
  }
  contractNumbers[c.id] = c.number;
  return c.id as string;
}
const setLevel = (userId: string, levelId: string) =>
  t.db
    .update(users)
    .set({ levelId })
    .where(and(eq(users.orgId, s.acme.orgId), eq(users.id, userId)));
const history = (userId: string, from: string | null, to: string, effectiveOn: string) => ({
  orgId: s.acme.orgId,
  id: newId(),
  userId,
  fromLevelId: from,
  toLevelId: to,
  effectiveOn,
  reason: 'manual' as const,
  createdAt: t.clock.now(),
});
const statements = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/commissions/statements?period=2025-Q4${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as TCommissionStatement[];
};

let c1: string;
let c2: string;
beforeAll(async () => {
  s = await seedSalesOrg(t);
  level = Object.fromEntries((await s.acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]));
  // The East rep was junior all of 2025 and is mid from 2026-01-01: Q4 2025 is paid on the junior plan.
  await t.db
    .insert(levelHistory)
    .values([
      history(s.eastRep.userId as string, null, level.junior, '2025-01-01'),
      history(s.eastRep.userId as string, level.junior, level.mid, '2026-01-01'),
    ]);
  // The lone rep is senior, a level without a plan.
  const loneCustomer = (await s.loneRep.post('/api/v1/customers', { name: 'Lone Customer' })).json();
  const westCustomer = (await s.westRep.post('/api/v1/customers', { name: 'West Customer' })).json();
  c1 = await contractWithPayments(s.eastRep, s.customer.id, '80000', [
    ['2025-09-30', '1000.00'], // Q3: not in the statement
    ['2025-10-15', '30000.00'],
    ['2025-12-31', '25000.50'], // the last day counts
    ['2026-01-01', '5000.00'], // Q1 2026: not in it
  ]);
  c2 = await contractWithPayments(s.eastRep, s.customer.id, '20000', [['2025-11-20', '7333.33']]);
  await contractWithPayments(s.westRep, westCustomer.id, '5000', [['2025-12-01', '1234.56']]);
  await contractWithPayments(s.loneRep, loneCustomer.id, '10000', [['2025-11-01', '10000.00']]);
  await setLevel(s.eastRep.userId as string, level.mid);
  await setLevel(s.loneRep.userId as string, level.senior);
  const target = await s.director.put('/api/v1/targets', {
    targets: [{ kpi: 'paymentsCollected', period: '2025-Q4', repId: s.eastRep.userId, value: '50000' }],
  });
  expect(target.statusCode, target.body).toBe(200);
});

describe('commission plans', () => {
  it('are set per level by directors, accelerators kept in order, audited, and listed to everyone', async () => {
    const res = await s.director.put('/api/v1/commission-plans', {
      levelId: level.junior,
      baseRate: 0.02,
      accelerators: [
        { minAttainment: 1.2, rate: 0.04 },
        { minAttainment: 1, rate: 0.03 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      levelId: level.junior,
      baseRate: 0.02,
      accelerators: [
        { minAttainment: 1, rate: 0.03 },
        { minAttainment: 1.2, rate: 0.04 },
      ],
      version: 1,
    });
    const mid = await s.acme.admin.put('/api/v1/commission-plans', { levelId: level.mid, baseRate: 0.03, accelerators: [] });
    expect(mid.statusCode).toBe(201);
    const listed = (await s.eastRep.get('/api/v1/commission-plans')).json().data;
    expect(listed.map((p: { levelId: string }) => p.levelId)).toEqual([level.junior, level.mid]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=commission_plan&entityId=${res.json().id}`)).json().data;
    expect(audit).toMatchObject([{ action: 'create', changes: { baseRate: { after: 0.02 } } }]);
    expect((await s.globex.admin.get('/api/v1/commission-plans')).json().data).toEqual([]);
  });

  it('are replaced with the version they were read at', async () => {
    const body = { levelId: level.mid, baseRate: 0.03, accelerators: [{ minAttainment: 1, rate: 0.035 }] };
    expect((await s.director.put('/api/v1/commission-plans', body)).statusCode).toBe(428);
    expect((await s.director.put('/api/v1/commission-plans', { ...body, version: 7 })).statusCode).toBe(409);
    const res = await s.director.put('/api/v1/commission-plans', body, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accelerators: [{ minAttainment: 1, rate: 0.035 }], version: 2 });
    expect(res.headers.etag).toBe('"2"');
  });

  it('refuse bad plans naming the field, writing nothing', async () => {
    const cases: [object, number, string][] = [
      [{ levelId: level.senior, baseRate: 1.5, accelerators: [] }, 400, 'baseRate'],
      [{ levelId: level.senior, baseRate: 0.02, accelerators: [{ minAttainment: -1, rate: 0.03 }] }, 400, 'accelerators.0.minAttainment'],
      [
        {
          levelId: level.senior,
          baseRate: 0.02,
          accelerators: [
            { minAttainment: 1, rate: 0.03 },
            { minAttainment: 1, rate: 0.05 },
          ],
        },
        422,
        'accelerators.1.minAttainment',
      ],
      [{ levelId: level.senior, baseRate: 0.04, accelerators: [{ minAttainment: 1, rate: 0.03 }] }, 422, 'accelerators.0.rate'],
      [{ levelId: s.globex.orgId, baseRate: 0.02, accelerators: [] }, 422, 'levelId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await s.director.put('/api/v1/commission-plans', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await s.director.get('/api/v1/commission-plans')).json().data).toHaveLength(2);
  });

  it('are closed to managers, reps and viewers (403) and to other organisations (their level is unknown)', async () => {
    const body = { levelId: level.senior, baseRate: 0.05, accelerators: [] };
    for (const caller of [s.eastManager, s.eastRep, s.viewer])
      expect((await caller.put('/api/v1/commission-plans', body)).statusCode).toBe(403);
    expect((await s.globex.admin.put('/api/v1/commission-plans', body)).statusCode).toBe(422);
    expect((await s.director.get('/api/v1/commission-plans')).json().data).toHaveLength(2);
  });
});

describe('commission statements', () => {
  it('pay the level in force at the period’s end, at the accelerator the attainment reaches, one line per payment', async () => {
    const [east] = await statements(s.eastRep);
    const junior = (await s.director.get('/api/v1/commission-plans'))
      .json()
      .data.find((p: { levelId: string }) => p.levelId === level.junior);
    // 30,000.00 + 7,333.33 + 25,000.50 = 62,333.83 against 50,000: 124.67 % ≥ 120 % → 4 %.
    expect(east).toMatchObject({
      repId: s.eastRep.userId,
      period: '2025-Q4',
      levelId: level.junior,
      planId: junior.id,
      paymentsCollected: '62333.83',
      target: expect.stringMatching(/^50000(\.0+)?$/),
      attainment: 1.2467,
      rate: 0.04,
      acceleratorMinAttainment: 1.2,
      total: '2493.35',
      computedAt: t.clock.now().toISOString(),
    });
    expect(east.lines.map((l) => [l.contractId, l.receivedOn, l.amount, l.rate, l.commission, l.customerName])).toEqual([
      [c1, '2025-10-15', '30000.00', 0.04, '1200.00', 'East Customer'],
      [c2, '2025-11-20', '7333.33', 0.04, '293.33', 'East Customer'], // 293.3332
      [c1, '2025-12-31', '25000.50', 0.04, '1000.02', 'East Customer'],
    ]);
    expect(east.lines[0]).toMatchObject({ contractNumber: contractNumbers[c1], customerId: s.customer.id, paymentId: expect.any(String) });
  });

  it('match the scorecard’s payments collected', async () => {
    const card = (await s.eastRep.get('/api/v1/scorecards?period=2025-Q4')).json().data[0];
    expect(card.kpis.find((k: { kpi: string }) => k.kpi === 'paymentsCollected').actual).toBe('62333.83');
  });

  it('pay the base rate without a target, and nothing without a plan', async () => {
    const all = await statements(s.director);
    const byRep = Object.fromEntries(all.map((x) => [x.repId, x]));
    expect(all.map((x) => x.repId).sort()).toEqual([s.eastRep.userId, s.westRep.userId, s.loneRep.userId].sort());
    expect(byRep[s.westRep.userId as string]).toMatchObject({
      target: null,
      attainment: null,
      rate: 0.02,
      acceleratorMinAttainment: null,
      total: '24.69',
    });
    expect(byRep[s.loneRep.userId as string]).toMatchObject({
      levelId: level.senior,
      planId: null,
      rate: 0,
      paymentsCollected: '10000.00',
      total: '0.00',
      lines: [{ amount: '10000.00', commission: '0.00' }],
    });
  });

  it('are the rep’s own for a rep, the team’s for its manager, the organisation’s for directors and viewers', async () => {
    expect((await statements(s.eastRep)).map((x) => x.repId)).toEqual([s.eastRep.userId]);
    expect((await statements(s.eastRep, `&teamId=${s.east.id}`)).map((x) => x.repId)).toEqual([s.eastRep.userId]);
    expect((await statements(s.eastManager)).map((x) => x.repId)).toEqual([s.eastRep.userId]);
    expect((await statements(s.eastManager, `&repId=${s.eastRep.userId}`)).map((x) => x.repId)).toEqual([s.eastRep.userId]);
    expect((await statements(s.viewer, `&teamId=${s.west.id}`)).map((x) => x.repId)).toEqual([s.westRep.userId]);
    expect(await statements(s.globex.admin)).toEqual([]);
  });

  it('answer 404 for another rep, another team and another organisation', async () => {
    const get = (caller: Caller, query: string) => caller.get(`/api/v1/commissions/statements?period=2025-Q4${query}`);
    expect((await get(s.eastRep, `&repId=${s.westRep.userId}`)).statusCode).toBe(404);
    expect((await get(s.eastRep, `&teamId=${s.west.id}`)).statusCode).toBe(404);
    expect((await get(s.eastManager, `&repId=${s.westRep.userId}`)).statusCode).toBe(404);
    expect((await get(s.eastManager, `&teamId=${s.west.id}`)).statusCode).toBe(404);
    expect((await get(s.globex.admin, `&repId=${s.eastRep.userId}`)).statusCode).toBe(404);
    expect((await get(s.globex.admin, `&teamId=${s.east.id}`)).statusCode).toBe(404);
    const bad = await s.director.get('/api/v1/commissions/statements?period=2025-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('period');
  });

  it('export one row per line, within the caller’s scope', async () => {
    const res = await s.eastRep.get('/api/v1/commissions/statements/export?period=2025-Q4&format=csv&locale=en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('commission-statements-');
    const [header, ...rows] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('Period,Rep,Contract number,Customer,Received on,Amount,Rate,Commission,Rep total,Payment ID');
    expect(rows.map((r) => r.split(',').slice(4, 9))).toEqual([
      ['2025-10-15', '30000.00', '0.04', '1200.00', '2493.35'],
      ['2025-11-20', '7333.33', '0.04', '293.33', '2493.35'],
      ['2025-12-31', '25000.50', '0.04', '1000.02', '2493.35'],
    ]);
    expect((await s.eastRep.get(`/api/v1/commissions/statements/export?period=2025-Q4&repId=${s.westRep.userId}`)).statusCode).toBe(404);
  });
});
