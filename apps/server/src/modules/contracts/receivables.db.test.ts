import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;
const customer: Record<string, string> = {};

/** An active contract with its plan and payments, built through the API. */
async function contract(
  owner: Caller,
  customerId: string,
  amount: string,
  plan: [string, string][],
  paid: [string, string][],
  activate = true,
) {
  const c = (await owner.post('/api/v1/contracts', { customerId, amount })).json();
  const v = activate
    ? (await owner.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version })).json().version
    : c.version;
  const put = await owner.put(`/api/v1/contracts/${c.id}/installments`, {
    installments: plan.map(([dueOn, a]) => ({ dueOn, amount: a })),
    version: v,
  });
  if (put.statusCode !== 200) throw new Error(put.body);
  for (const [receivedOn, a] of paid) {
    const res = await owner.post(`/api/v1/contracts/${c.id}/payments`, { amount: a, receivedOn });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  return c.id as string;
}

/**
 * The fixture, by hand:
 * - X (East rep): 30,000 in three 10,000 instalments due 01-10, 02-10, 03-10; 12,000 received on 01-20.
 * - Y (East rep): 5,000 due 01-31, nothing received.
 * - Z (West rep): 7,000 due 01-01, nothing received.
 * - A draft contract of X's with a long-past instalment: not signed business, never overdue.
 */
beforeAll(async () => {
  s = await seedSalesOrg(t);
  for (const [name, owner] of [
    ['X', s.eastRep],
    ['Y', s.eastRep],
    ['Z', s.westRep],
  ] as const) {
    customer[name] = (await owner.post('/api/v1/customers', { name: `Customer ${name}` })).json().id;
  }
  await contract(
    s.eastRep,
    customer.X,
    '30000',
    [
      ['2026-01-10', '10000'],
      ['2026-02-10', '10000'],
      ['2026-03-10', '10000'],
    ],
    [['2026-01-20', '12000']],
  );
  await contract(s.eastRep, customer.Y, '5000', [['2026-01-31', '5000']], []);
  await contract(s.westRep, customer.Z, '7000', [['2026-01-01', '7000']], []);
  await contract(s.eastRep, customer.X, '900', [['2025-06-01', '900']], [], false);
});

const overdue = async (caller: Caller, asOf: string) => {
  const res = await caller.get(`/api/v1/receivables/overdue?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('overdue receivables', () => {
  it('as of 02-15: X owes 8,000 of its second instalment (12,000 covered the first and 2,000 of it), Y 5,000, Z 7,000', async () => {
    const r = await overdue(s.director, '2026-02-15');
    expect(r.asOf).toBe('2026-02-15');
    expect(r.byCustomer).toEqual([
      {
        customerId: customer.X,
        customerName: 'Customer X',
        currency: 'CNY',
        amount: '8000.00',
        installments: 1,
        oldestDueOn: '2026-02-10',
        maxDaysOverdue: 5,
      },
      {
        customerId: customer.Z,
        customerName: 'Customer Z',
        currency: 'CNY',
        amount: '7000.00',
        installments: 1,
        oldestDueOn: '2026-01-01',
        maxDaysOverdue: 45,
      },
      {
        customerId: customer.Y,
        customerName: 'Customer Y',
        currency: 'CNY',
        amount: '5000.00',
        installments: 1,
        oldestDueOn: '2026-01-31',
        maxDaysOverdue: 15,
      },
    ]);
    expect(r.byRep).toEqual([
      expect.objectContaining({
        ownerId: s.eastRep.userId,
        amount: '13000.00',
        installments: 2,
        customers: 2,
        oldestDueOn: '2026-01-31',
        maxDaysOverdue: 15,
      }),
      expect.objectContaining({ ownerId: s.westRep.userId, amount: '7000.00', installments: 1, customers: 1, maxDaysOverdue: 45 }),
    ]);
    expect(r.totals).toEqual([{ currency: 'CNY', amount: '20000.00', installments: 3 }]);
  });

  it('counts only payments received by asOf, and instalments due strictly before it', async () => {
    // 01-15: the 12,000 has not arrived yet, so the first 10,000 of X is overdue; Y's 01-31 is not due.
    const early = await overdue(s.director, '2026-01-15');
    expect(early.byCustomer.map((c: { customerName: string; amount: string }) => [c.customerName, c.amount])).toEqual([
      ['Customer X', '10000.00'],
      ['Customer Z', '7000.00'],
    ]);
    // 01-31: Y's instalment falls due that day — not yet overdue.
    expect((await overdue(s.director, '2026-01-31')).byCustomer.map((c: { customerName: string }) => c.customerName)).not.toContain(
      'Customer Y',
    );
    // 03-11: X owes the rest of the second (8,000) and all of the third (10,000).
    const late = (await overdue(s.director, '2026-03-11')).byCustomer.find((c: { customerId: string }) => c.customerId === customer.X);
    expect(late).toMatchObject({ amount: '18000.00', installments: 2, oldestDueOn: '2026-02-10', maxDaysOverdue: 29 });
  });

  it('stays within the caller’s scope: a rep their own, a manager their team’s', async () => {
    const rep = await overdue(s.eastRep, '2026-02-15');
    expect(rep.byCustomer.map((c: { customerName: string }) => c.customerName)).toEqual(['Customer X', 'Customer Y']);
    expect(rep.totals).toEqual([{ currency: 'CNY', amount: '13000.00', installments: 2 }]);
    const west = await overdue(s.westManager, '2026-02-15');
    expect(west.byRep.map((r: { ownerId: string }) => r.ownerId)).toEqual([s.westRep.userId]);
    expect((await overdue(s.globex.admin, '2026-02-15')).byCustomer).toEqual([]);
    expect((await overdue(s.viewer, '2026-02-15')).totals[0].amount).toBe('20000.00');
  });

  it('defaults asOf to today in the organisation’s time zone and refuses a malformed date', async () => {
    expect((await s.director.get('/api/v1/receivables/overdue')).json().asOf).toBe('2026-01-05');
    const bad = await s.director.get('/api/v1/receivables/overdue?asOf=15.02.2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('asOf');
  });
});
