import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
let rep: Caller;
let otherRep: Caller;
let viewer: Caller;
let customer: { id: string };

beforeAll(async () => {
  rep = await seedUser(t, acme.orgId, 'rep');
  otherRep = await seedUser(t, acme.orgId, 'rep');
  viewer = await seedUser(t, acme.orgId, 'viewer');
  customer = (await rep.post('/api/v1/customers', { name: 'Buyer', externalId: 'C-1' })).json();
});

const line = (productCode: string, quantity: number | string, unitPrice: number | string, category = 'gifts') => ({
  productCode,
  productName: `P ${productCode}`,
  category,
  quantity,
  unitPrice,
});

describe('orders and purchase summary', () => {
  it('records orders with lines; the amount is Σ quantity × unit price, exactly', async () => {
    const res = await rep.post('/api/v1/orders', {
      externalId: 'SO-1',
      customerId: customer.id,
      orderedAt: '2026-01-10T10:00:00+08:00',
      lines: [line('A', 3, '0.10'), line('B', '2', 0.2)],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amount: '0.70', lines: [{ lineNo: 1, quantity: '3.000', unitPrice: '0.1000' }, { lineNo: 2 }] });
  });

  it('batches orders by customer externalId, all or nothing with per-record errors', async () => {
    const bad = await rep.post('/api/v1/orders/batch', {
      records: [
        { externalId: 'SO-2', customerExternalId: 'C-1', orderedAt: '2026-02-01T10:00:00+08:00', lines: [line('A', 10, 1)] },
        { externalId: 'SO-1', customerExternalId: 'C-1', orderedAt: '2026-02-02T10:00:00+08:00', lines: [line('A', 1, 1)] },
        { customerExternalId: 'NOPE', orderedAt: '2026-02-02T10:00:00+08:00', lines: [line('A', 1, 1)] },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['records.1.externalId', 'records.2.customerExternalId']);
    expect((await rep.get('/api/v1/orders')).json().data).toHaveLength(1);
    const ok = await rep.post('/api/v1/orders/batch', {
      records: [
        {
          externalId: 'SO-2',
          customerExternalId: 'C-1',
          orderedAt: '2026-02-01T10:00:00+08:00',
          lines: [line('A', 10, 1), line('C', 1, '5.5', 'toys')],
        },
        { externalId: 'SO-3', customerId: customer.id, orderedAt: '2026-03-31T20:00:00+08:00', lines: [line('B', -1, 0.2)] },
      ],
    });
    expect(ok.json()).toMatchObject({ created: 2 });
  });

  it('refuses bad lines with the field named, and a customer given twice', async () => {
    const res = await rep.post('/api/v1/orders', {
      customerId: customer.id,
      orderedAt: '2026-01-10T10:00:00Z',
      lines: [{ productCode: 'A', quantity: 'lots', unitPrice: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('lines.0.quantity');
    const both = await rep.post('/api/v1/orders', {
      customerId: customer.id,
      customerExternalId: 'C-1',
      orderedAt: '2026-01-10T10:00:00Z',
      lines: [line('A', 1, 1)],
    });
    expect(both.json().errors[0].path).toBe('customerId');
  });

  it('summarises purchases up to asOf, by hand: monetary, frequency, recency, interval, products, months', async () => {
    // SO-1 2026-01-10 0.70 · SO-2 2026-02-01 15.50 · SO-3 2026-03-31 −0.20 (a return)
    const s = (await rep.get(`/api/v1/customers/${customer.id}/purchase-summary?asOf=2026-04-10T00:00:00%2B08:00`)).json();
    expect(s).toMatchObject({
      monetary: '16.00',
      frequency: 3,
      recencyDays: 9,
      firstOrderAt: '2026-01-10T02:00:00.000Z',
      lastOrderAt: '2026-03-31T12:00:00.000Z',
    });
    // (2026-03-31T20:00+08 − 2026-01-10T10:00+08) = 80 d 10 h = 80.4167 d over 2 gaps → 40.2
    expect(s.meanDaysBetweenOrders).toBe(40.2);
    expect(s.topProducts.map((p: { productCode: string; amount: string }) => [p.productCode, p.amount])).toEqual([
      ['A', '10.30'],
      ['C', '5.50'],
      ['B', '0.20'],
    ]);
    expect(s.topCategories).toEqual([
      { category: 'gifts', amount: '10.50', orders: 3 },
      { category: 'toys', amount: '5.50', orders: 1 },
    ]);
    expect(s.monthly).toEqual([
      { month: '2026-01', amount: '0.70', orders: 1 },
      { month: '2026-02', amount: '15.50', orders: 1 },
      { month: '2026-03', amount: '-0.20', orders: 1 },
    ]);
    const early = (await rep.get(`/api/v1/customers/${customer.id}/purchase-summary?asOf=2026-01-01T00:00:00Z`)).json();
    expect(early).toMatchObject({ monetary: '0.00', frequency: 0, recencyDays: null, meanDaysBetweenOrders: null, monthly: [] });
  });

  it('keeps orders to those who may see the customer', async () => {
    const id = (await rep.get('/api/v1/orders')).json().data[0].id;
    expect((await otherRep.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
    expect((await otherRep.get('/api/v1/orders')).json().data).toEqual([]);
    expect((await otherRep.get(`/api/v1/customers/${customer.id}/purchase-summary`)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/orders/${id}`)).statusCode).toBe(200);
    expect(
      (await viewer.post('/api/v1/orders', { customerId: customer.id, orderedAt: '2026-01-10T10:00:00Z', lines: [line('A', 1, 1)] }))
        .statusCode,
    ).toBe(403);
    const foreign = await otherRep.post('/api/v1/orders', {
      customerId: customer.id,
      orderedAt: '2026-01-10T10:00:00Z',
      lines: [line('A', 1, 1)],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('customerId');
  });
});
