import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers } from '../../customers/customers.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed } = await importKit();

const contactsByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, s.acme.orgId), inArray(contacts.externalId, ids)));

beforeAll(async () => {
  expect((await s.eastRep.post('/api/v1/customers', { name: '华东精工', externalId: 'KH-001' })).statusCode).toBe(201);
  expect((await s.westRep.post('/api/v1/customers', { name: 'West Works', externalId: 'KH-W1' })).statusCode).toBe(201);
  for (const rep of [s.eastRep, s.westRep]) await rep.post('/api/v1/customers', { name: 'Twin Co' });
});

describe('importing contacts', () => {
  const file = (title: string, phone: string) =>
    [
      '联系人编号,客户,姓名,职务,手机,邮箱,采购角色',
      `LX-1,KH-001,张伟,${title},${phone},Zhang.Wei@Example.com,decision_maker`,
      `LX-2,East Customer,李娜,${title},,,user`,
      'LX-3,KH-001,王芳,,,,',
    ].join('\n');

  it('guesses the mapping from Chinese headers; customers by externalId or by name', async () => {
    const done = await importFile(s.acme.admin, { entity: 'contacts' }, file('采购经理', '138 0000 1111'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 3, updated: 0, errorCount: 0 });
    expect(done.mapping).toMatchObject({
      externalId: { column: '联系人编号' },
      customer: { column: '客户' },
      buyingRole: { column: '采购角色' },
    });
    const rows = await contactsByExternal(['LX-1', 'LX-2', 'LX-3']);
    const one = rows.find((c) => c.externalId === 'LX-1');
    expect(one).toMatchObject({ name: '张伟', title: '采购经理', email: 'zhang.wei@example.com', buyingRole: 'decision_maker' });
    expect(rows.find((c) => c.externalId === 'LX-2')?.customerId).toBe(s.customer.id);
  });

  it('updates by externalId on re-import; an empty cell keeps what is known', async () => {
    const done = await importFile(s.acme.admin, { entity: 'contacts' }, file('总监', ''));
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 3 });
    const rows = await contactsByExternal(['LX-1', 'LX-2', 'LX-3']);
    expect(rows.find((c) => c.externalId === 'LX-1')).toMatchObject({ title: '总监', phone: '138 0000 1111', version: 2 });
  });

  it('maps the file’s values to seniorities and buying roles', async () => {
    const content = ['联系人编号,客户,姓名,职级,采购角色', 'LX-10,KH-001,赵磊,高管,决策人', 'LX-11,KH-001,钱敏,员工,使用者'].join('\n');
    const mapping = await guessed(s.acme.admin, 'contacts', content);
    mapping.seniority.values = { 高管: 'executive', 员工: 'staff' };
    mapping.buyingRole.values = { 决策人: 'decision_maker', 使用者: 'user' };
    const done = await importFile(s.acme.admin, { entity: 'contacts', mapping: JSON.stringify(mapping) }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 2 });
    const rows = await contactsByExternal(['LX-10', 'LX-11']);
    expect(rows.map((c) => [c.seniority, c.buyingRole]).sort()).toEqual([
      ['executive', 'decision_maker'],
      ['staff', 'user'],
    ]);
  });

  it('names the column of each bad row: unknown or ambiguous customer, bad email', async () => {
    const content = [
      '联系人编号,客户,姓名,邮箱',
      'LX-20,KH-404,甲,',
      'LX-21,Twin Co,乙,',
      'LX-22,KH-001,丙,not-an-email',
      'LX-23,KH-001,丁,',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'contacts', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 4, inserted: 1, skipped: 3 });
    expect(done.errors).toEqual([
      { row: 1, column: '客户', message: 'no customer with this externalId or name that you may see' },
      { row: 2, column: '客户', message: '2 customers are named "Twin Co"; name it by its externalId' },
      { row: 3, column: '邮箱', message: expect.any(String) },
    ]);
  });

  it('creates a missing customer in the pool when asked', async () => {
    const done = await importFile(
      s.acme.admin,
      { entity: 'contacts', options: JSON.stringify({ createMissingCustomers: true }) },
      '联系人编号,客户,姓名\nLX-30,新客户甲,孙悦',
    );
    expect(done).toMatchObject({ status: 'succeeded', inserted: 1 });
    const [created] = await t.db
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, s.acme.orgId), eq(customers.externalId, '新客户甲')));
    expect(created).toMatchObject({ name: '新客户甲', ownerId: null });
  });

  it('a manager adds contacts only to customers of their teams, row by row', async () => {
    const content = ['联系人编号,客户,姓名', 'LX-40,KH-001,周一', 'LX-41,KH-W1,吴二'].join('\n');
    const done = await importFile(s.eastManager, { entity: 'contacts', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '客户', message: 'no customer with this externalId or name that you may see' }]);
    expect((await contactsByExternal(['LX-40', 'LX-41'])).map((c) => c.externalId)).toEqual(['LX-40']);
  });
});
