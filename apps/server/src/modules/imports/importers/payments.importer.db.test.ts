import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../../test/testApp.ts';
import { payments } from '../../contracts/contracts.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed } = await importKit();

const paymentsByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, s.acme.orgId), inArray(payments.externalId, ids)));

/** An active contract of the owner's for `amount` (within the junior limit: no approval needed). */
async function activeContract(owner: Caller, customerId: string, amount: string) {
  const c = (await owner.post('/api/v1/contracts', { customerId, amount })).json();
  const res = await owner.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; number: string };
}

let east: { id: string; number: string };
let west: { id: string; number: string };
beforeAll(async () => {
  east = await activeContract(s.eastRep, s.customer.id, '10000');
  const westCustomer = (await s.westRep.post('/api/v1/customers', { name: 'West Works' })).json();
  west = await activeContract(s.westRep, westCustomer.id, '10000');
});

describe('importing payments', () => {
  const file = (second: string) =>
    [
      '回款编号,合同编号,回款日期,回款金额,付款方式',
      `HK-1,${east.number},2026-01-03,"3,000.00",银行转账`,
      `HK-2,${east.number},2026/1/4,${second},`,
    ].join('\n');

  it('guesses the mapping from Chinese headers and records the payments on the contract', async () => {
    const done = await importFile(s.acme.admin, { entity: 'payments' }, file('2000'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 2, inserted: 2, errorCount: 0 });
    expect(done.mapping).toMatchObject({
      contractNumber: { column: '合同编号' },
      receivedOn: { column: '回款日期' },
      amount: { column: '回款金额' },
    });
    expect((await s.eastRep.get(`/api/v1/contracts/${east.id}`)).json()).toMatchObject({ paid: '5000.00', outstanding: '5000.00' });
  });

  it('a re-imported statement matches what is recorded (updated, not paid twice); a changed payment is refused', async () => {
    const again = await importFile(s.acme.admin, { entity: 'payments' }, file('2000.00'));
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, updated: 2, errorCount: 0 });
    expect(await paymentsByExternal(['HK-1', 'HK-2'])).toHaveLength(2);
    const changed = await importFile(s.acme.admin, { entity: 'payments', mode: 'skip-invalid' }, file('2500'));
    expect(changed).toMatchObject({ updated: 1, skipped: 1 });
    expect(changed.errors).toEqual([
      {
        row: 2,
        column: '回款编号',
        message: `already recorded as 2000.00 on 2026-01-04 to contract ${east.number}; a recorded payment is not changed by an import`,
      },
    ]);
  });

  it('maps the file’s method words to the ones the app uses', async () => {
    const content = ['Payment ID,Contract Number,Payment Date,Amount,Payment Method', `BK-1,${east.number},2026-01-05,100,BANK`].join('\n');
    const mapping = await guessed(s.acme.admin, 'payments', content);
    mapping.method.values = { BANK: '银行转账' };
    const done = await importFile(s.acme.admin, { entity: 'payments', mapping: JSON.stringify(mapping) }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 1 });
    expect((await paymentsByExternal(['BK-1']))[0]).toMatchObject({ method: '银行转账', amount: '100.00' });
  });

  it('names the column of each bad row: a bad date, an unknown contract, more than is owed', async () => {
    const content = [
      '回款编号,合同编号,回款日期,回款金额',
      `HK-10,${east.number},2026-02-30,100`,
      'HK-11,HT-404,2026-01-05,100',
      `HK-12,${east.number},2026-01-05,99999`,
      `HK-13,${east.number},2026-01-05,1`,
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'payments', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 4, inserted: 1, skipped: 3 });
    expect(done.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [1, '回款日期'],
      [2, '合同编号'],
      [3, '回款金额'],
    ]);
    expect(done.errors[1].message).toBe('no such contract that you may change');
  });

  it('a manager records payments only on their teams’ contracts, row by row', async () => {
    const content = ['回款编号,合同编号,回款日期,回款金额', `HK-20,${east.number},2026-01-05,1`, `HK-21,${west.number},2026-01-05,1`].join(
      '\n',
    );
    const done = await importFile(s.eastManager, { entity: 'payments', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '合同编号', message: 'no such contract that you may change' }]);
  });
});
