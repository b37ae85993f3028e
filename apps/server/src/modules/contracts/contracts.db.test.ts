import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg, wonDeal } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;

/** An active contract of the East rep for `amount` (within the junior limit: no approval needed). */
async function activeContract(amount: string, owner: Caller = s.eastRep, customerId = s.customer.id) {
  const c = (await owner.post('/api/v1/contracts', { customerId, amount })).json();
  const res = await owner.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { id: string; number: string; version: number; amount: string };
}
const count = async (caller: Caller) => (await caller.get('/api/v1/contracts?limit=200')).json().data.length;

beforeAll(async () => {
  s = await seedSalesOrg(t);
});

describe('contracts (合同)', () => {
  it('makes a contract from a won deal, copying customer, owner, amount and currency, numbered by the local date', async () => {
    const deal = await wonDeal(s, s.eastRep, { customerId: s.customer.id, amount: '88000.50' });
    const res = await s.eastManager.post('/api/v1/contracts', { dealId: deal.id, signedOn: '2026-01-05' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      number: 'HT20260105-0001',
      dealId: deal.id,
      customerId: s.customer.id,
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
      amount: '88000.50',
      currency: 'CNY',
      status: 'draft',
      version: 1,
    });
    const second = await s.eastRep.post('/api/v1/contracts', { dealId: deal.id });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'deal_has_contract', errors: [{ path: 'dealId' }] });
    expect((await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: 1 })).json().number).toBe('HT20260105-0002');
  });

  it('refuses a deal that is not won (422 naming dealId), and bad input (400 naming the field), writing nothing', async () => {
    const before = await count(s.director);
    const open = await openDeal(s, s.eastRep, { customerId: s.customer.id, amount: '5000' });
    const notWon = await s.eastRep.post('/api/v1/contracts', { dealId: open.id });
    expect(notWon.statusCode).toBe(422);
    expect(notWon.json().errors).toEqual([{ path: 'dealId', message: expect.stringContaining('won deal') }]);
    const noAmount = await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().errors[0].path).toBe('dealId');
    const negative = await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '-5' });
    expect(negative.json().errors[0].path).toBe('amount');
    const floaty = await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: 0.1 + 0.2 });
    expect(floaty.statusCode).toBe(400);
    const dates = await s.eastRep.post('/api/v1/contracts', {
      customerId: s.customer.id,
      amount: 10,
      startsOn: '2026-02-01',
      endsOn: '2026-01-01',
    });
    expect(dates.statusCode).toBe(422);
    expect(dates.json().errors[0].path).toBe('endsOn');
    const foreign = await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: 10, ownerId: s.westRep.userId });
    expect(foreign.json().errors[0].path).toBe('ownerId');
    const hidden = await s.westRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: 10 });
    expect(hidden.json().errors[0].path).toBe('customerId');
    expect(await count(s.director)).toBe(before);
  });

  it('keeps contracts to the owner’s scope: rep own, manager team, director all; viewer reads; other org sees nothing', async () => {
    const c = (await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '1000', number: 'SCOPE-1' })).json();
    const url = `/api/v1/contracts/${c.id}`;
    expect((await s.eastManager.get(url)).statusCode).toBe(200);
    expect((await s.director.get(url)).statusCode).toBe(200);
    expect((await s.westRep.get(url)).statusCode).toBe(404);
    expect((await s.westManager.get(url)).statusCode).toBe(404);
    expect((await s.westRep.get('/api/v1/contracts?q=SCOPE')).json().data).toEqual([]);
    expect((await s.eastRep.get('/api/v1/contracts?q=SCOPE')).json().data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await s.westRep.patch(url, { endsOn: '2027-01-01', version: 1 })).statusCode).toBe(404);
    expect((await s.westRep.put(`${url}/installments`, { installments: [], version: 1 })).statusCode).toBe(404);
    expect((await s.viewer.get(url)).statusCode).toBe(200);
    expect((await s.viewer.patch(url, { endsOn: '2027-01-01', version: 1 })).statusCode).toBe(403);
    expect((await s.viewer.post('/api/v1/contracts', { customerId: s.customer.id, amount: 1 })).statusCode).toBe(403);
    expect((await s.globex.admin.get(url)).statusCode).toBe(404);
    expect((await s.globex.admin.post(`${url}/payments`, { amount: 1, receivedOn: '2026-01-05' })).statusCode).toBe(404);
    expect((await anonymous(t).get(url)).statusCode).toBe(401);
    expect((await anonymous(t).get('/api/v1/receivables/overdue')).statusCode).toBe(401);
  });

  it('changes fields with a version; stale → 409, none → 428, duplicate number → 409; deletes only drafts', async () => {
    const c = (await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '2000' })).json();
    const url = `/api/v1/contracts/${c.id}`;
    const changed = await s.eastRep.patch(url, { endsOn: '2026-12-31', version: 1 });
    expect(changed.json()).toMatchObject({ endsOn: '2026-12-31', version: 2 });
    expect((await s.eastRep.patch(url, { endsOn: '2027-12-31', version: 1 })).statusCode).toBe(409);
    expect((await s.eastRep.patch(url, { endsOn: '2027-12-31' })).statusCode).toBe(428);
    expect((await s.eastRep.patch(url, { number: 'HT20260105-0001', version: 2 })).statusCode).toBe(409);
    expect((await s.eastRep.patch(url, { ownerId: s.eastRep.userId, version: 2 })).statusCode).toBe(403); // reps do not reassign
    expect((await s.eastRep.post(`${url}/status`, { status: 'completed', version: 2 })).json()).toMatchObject({
      code: 'invalid_transition',
      errors: [{ path: 'status' }],
    });
    expect((await s.eastRep.delete(`${url}?version=2`)).statusCode).toBe(200);
    expect((await s.eastRep.get(url)).statusCode).toBe(404);
    const active = await activeContract('3000');
    expect((await s.eastRep.delete(`/api/v1/contracts/${active.id}?version=${active.version}`)).statusCode).toBe(409);
    const locked = await s.eastRep.patch(`/api/v1/contracts/${active.id}`, { amount: '4000', version: active.version });
    expect(locked.json()).toMatchObject({ code: 'terms_locked', errors: [{ path: 'amount' }] });
  });
});

describe('payment plans and payments received (回款)', () => {
  it('refuses a plan that does not sum to the amount (422, nothing written) and accepts one that does', async () => {
    const c = await activeContract('100000.00');
    const url = `/api/v1/contracts/${c.id}/installments`;
    const thirds = (last: string) => [
      { dueOn: '2026-02-01', amount: '33333.33' },
      { dueOn: '2026-03-01', amount: '33333.33' },
      { dueOn: '2026-04-01', amount: last },
    ];
    const short = await s.eastRep.put(url, { installments: thirds('33333.33'), version: c.version });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([
      { path: 'installments', message: 'the instalments sum to 99999.99; the contract amount is 100000.00' },
    ]);
    expect((await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json()).toMatchObject({ installments: [], version: c.version });
    const bad = await s.eastRep.put(url, { installments: [{ dueOn: '2026-02-30', amount: '100000' }], version: c.version });
    expect(bad.json().errors[0].path).toBe('installments.0.dueOn');
    const ok = await s.eastRep.put(url, { installments: thirds('33333.34'), version: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: c.version + 1,
      paid: '0.00',
      outstanding: '100000.00',
      installments: [
        { position: 1, dueOn: '2026-02-01', amount: '33333.33', paid: '0.00', outstanding: '33333.33' },
        { position: 2, dueOn: '2026-03-01', amount: '33333.33' },
        { position: 3, dueOn: '2026-04-01', amount: '33333.34' },
      ],
    });
    expect((await s.eastRep.put(url, { installments: thirds('33333.34'), version: c.version })).statusCode).toBe(409);
  });

  it('records payments up to the outstanding balance, applied to the plan in due-date order', async () => {
    const c = await activeContract('10000');
    const planned = (
      await s.eastRep.put(`/api/v1/contracts/${c.id}/installments`, {
        installments: [
          { dueOn: '2026-03-01', amount: '6000' },
          { dueOn: '2026-02-01', amount: '4000' }, // given second, due first
        ],
        version: c.version,
      })
    ).json();
    const pay = (body: object) => s.eastRep.post(`/api/v1/contracts/${c.id}/payments`, body);
    const first = await pay({ amount: '5000.50', receivedOn: '2026-02-03', method: 'bank', reference: 'TX-1', externalId: 'BANK-1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ amount: '5000.50', installmentId: null, externalId: 'BANK-1' });
    expect((await pay({ amount: '0', receivedOn: '2026-02-03' })).json().errors[0].path).toBe('amount');
    const over = await pay({ amount: '4999.51', receivedOn: '2026-02-04' });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([{ path: 'amount', message: '4999.51 is more than the outstanding balance 4999.50' }]);
    expect((await pay({ amount: '1', receivedOn: '2026-02-04', externalId: 'BANK-1' })).statusCode).toBe(409);
    const other = await activeContract('10');
    const foreignInstalment = await pay({ amount: '1', receivedOn: '2026-02-04', installmentId: other.id });
    expect(foreignInstalment.json().errors[0].path).toBe('installmentId');
    expect((await pay({ amount: '1', receivedOn: 'yesterday' })).statusCode).toBe(400);
    expect((await s.viewer.post(`/api/v1/contracts/${c.id}/payments`, { amount: '1', receivedOn: '2026-02-04' })).statusCode).toBe(403);

    const detail = (await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json();
    expect(detail).toMatchObject({
      paid: '5000.50',
      outstanding: '4999.50',
      installments: [
        { dueOn: '2026-02-01', position: 2, amount: '4000.00', paid: '4000.00', outstanding: '0.00' },
        { dueOn: '2026-03-01', position: 1, amount: '6000.00', paid: '1000.50', outstanding: '4999.50' },
      ],
      payments: [{ amount: '5000.50', reference: 'TX-1' }],
    });
    const instalment = planned.installments[1].id;
    expect((await pay({ amount: '4999.50', receivedOn: '2026-03-01', installmentId: instalment })).statusCode).toBe(201);
    expect((await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json()).toMatchObject({ paid: '10000.00', outstanding: '0.00' });
    expect((await pay({ amount: '0.01', receivedOn: '2026-03-02' })).statusCode).toBe(422);
  });

  it('checks payments arriving at the same moment one after the other: together they never exceed the amount', async () => {
    const c = await activeContract('1000');
    const results = await Promise.all(
      [1, 2, 3].map(() => s.eastRep.post(`/api/v1/contracts/${c.id}/payments`, { amount: '400', receivedOn: '2026-01-06' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 422]);
    expect((await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json()).toMatchObject({ paid: '800.00', outstanding: '200.00' });
  });

  it('numbers contracts created at the same moment without a collision', async () => {
    const created = await Promise.all(
      [1, 2, 3].map(() => s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '10' })),
    );
    expect(created.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(created.map((r) => r.json().number)).size).toBe(3);
  });

  it('records a batch of payments by contract id or number, all or nothing', async () => {
    const a = await activeContract('1000');
    const b = await activeContract('500');
    const draft = (await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '100' })).json();
    const hidden = await activeContract('100', s.westRep, (await s.westRep.post('/api/v1/customers', { name: 'West Co' })).json().id);
    const bad = await s.eastRep.post('/api/v1/payments/batch', {
      records: [
        { contractId: a.id, amount: '600', receivedOn: '2026-01-10', externalId: 'B-1' },
        { contractNumber: a.number, amount: '400.01', receivedOn: '2026-01-11' }, // together more than owed
        { contractId: draft.id, amount: '1', receivedOn: '2026-01-11' },
        { contractId: hidden.id, amount: '1', receivedOn: '2026-01-11' },
        { contractNumber: 'NO-SUCH', amount: '1', receivedOn: '2026-01-11' },
        { contractId: b.id, amount: '1', receivedOn: '2026-01-11', externalId: 'B-1' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'records.1.amount',
      'records.2.contractId',
      'records.3.contractId',
      'records.4.contractNumber',
      'records.5.externalId',
    ]);
    expect((await s.eastRep.get(`/api/v1/contracts/${a.id}`)).json().payments).toEqual([]);
    const both = await s.eastRep.post('/api/v1/payments/batch', { records: [{ contractId: a.id, amount: 1 }] });
    expect(both.statusCode).toBe(400);
    const ok = await s.eastRep.post('/api/v1/payments/batch', {
      records: [
        { contractId: a.id, amount: '600', receivedOn: '2026-01-10', externalId: 'B-1' },
        { contractNumber: a.number, amount: '400', receivedOn: '2026-01-11' },
        { contractNumber: b.number, amount: '499.99', receivedOn: '2026-01-11' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 3, updated: 0 });
    expect((await s.eastRep.get(`/api/v1/contracts/${a.id}`)).json()).toMatchObject({ paid: '1000.00', outstanding: '0.00' });
    expect((await s.eastRep.get(`/api/v1/contracts/${b.id}`)).json()).toMatchObject({ outstanding: '0.01' });
    const tooMany = Array.from({ length: 1001 }, () => ({ contractId: b.id, amount: '0.01', receivedOn: '2026-01-12' }));
    expect((await s.eastRep.post('/api/v1/payments/batch', { records: tooMany })).statusCode).toBe(400);
    expect(
      (await s.viewer.post('/api/v1/payments/batch', { records: [{ contractId: b.id, amount: '0.01', receivedOn: '2026-01-12' }] }))
        .statusCode,
    ).toBe(403);
  });
});
