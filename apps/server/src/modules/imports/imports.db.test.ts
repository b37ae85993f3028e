import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { postForm } from '../../../test/multipart.ts';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { createTestApp } from '../../../test/testApp.ts';
import { jobHandlers } from '../../jobs.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { customers } from '../customers/customers.table.ts';
import { orderLines, orders } from '../orders/orders.table.ts';

const t = await createTestApp();
let s: SalesOrg;
const runJobs = () => createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers }).runDueJobs();

beforeAll(async () => {
  s = await seedSalesOrg(t);
});

/** Uploads, runs the job, and answers the finished import. */
async function importFile(
  caller = s.acme.admin,
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer },
): Promise<Record<string, any>> {
  const res = await postForm(caller, '/api/v1/imports', fields, file);
  expect(res.statusCode, res.body).toBe(202);
  await runJobs();
  return (await caller.get(`/api/v1/imports/${res.json().id}`)).json();
}

const customersByExternal = async (ids: string[]) =>
  (await t.db.select().from(customers).where(eq(customers.orgId, s.acme.orgId))).filter((c) => ids.includes(c.externalId ?? ''));

describe('importing customers', () => {
  const csv = (owner: string, region = '华东') =>
    [
      '客户编号,客户名称,负责人,分级,地区,标签',
      `C-001,上海明远贸易有限公司,${owner},VIP,${region},"重点,华东"`,
      `C-002,杭州远景科技,${owner},SMB,${region},`,
      `C-003,"南京""长江""实业",${owner},,${region},新客户`,
    ].join('\n');

  it('guesses the mapping from Chinese headers and writes every row (all or nothing)', async () => {
    const owner = (await s.eastRep.get('/api/v1/auth/me')).json().user.email;
    const done = await importFile(s.acme.admin, { entity: 'customers' }, { name: 'customers.csv', content: csv(owner) });
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 3, updated: 0, skipped: 0, errorCount: 0 });
    expect(done.mapping).toMatchObject({ externalId: { column: '客户编号' }, name: { column: '客户名称' }, owner: { column: '负责人' } });
    const rows = await customersByExternal(['C-001', 'C-002', 'C-003']);
    expect(rows.map((r) => r.name).sort()).toEqual(['上海明远贸易有限公司', '南京"长江"实业', '杭州远景科技']);
    expect(rows.every((r) => r.ownerId === s.eastRep.userId && r.teamId === s.east.id)).toBe(true);
    expect(rows.find((r) => r.externalId === 'C-001')?.tags).toEqual(['重点', '华东']);
  });

  it('upserts by externalId on a second import', async () => {
    const owner = (await s.eastRep.get('/api/v1/auth/me')).json().user.email;
    const done = await importFile(s.acme.admin, { entity: 'customers' }, { name: 'again.csv', content: csv(owner, '华南') });
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 3 });
    expect((await customersByExternal(['C-001', 'C-002', 'C-003'])).map((r) => r.region)).toEqual(['华南', '华南', '华南']);
  });

  const withBadOwner = ['externalId,name,owner', 'X-1,Alpha Ltd,', 'X-2,Beta Ltd,nobody@nowhere.test', 'X-3,Gamma Ltd,'].join('\n');

  it('all or nothing: one unknown owner and nothing is written; every error is listed', async () => {
    const done = await importFile(
      s.acme.admin,
      { entity: 'customers', mode: 'all-or-nothing' },
      { name: 'bad.csv', content: withBadOwner },
    );
    expect(done.status).toBe('failed');
    expect(done.failureReason).toMatch(/nothing was written/);
    expect(done.errors).toEqual([{ row: 2, column: 'owner', message: 'no active user with the email or name "nobody@nowhere.test"' }]);
    expect(await customersByExternal(['X-1', 'X-2', 'X-3'])).toEqual([]);
    const file = await s.acme.admin.get(`/api/v1/imports/${done.id}/errors.csv`);
    expect(file.headers['content-type']).toMatch(/text\/csv/);
    expect(
      file.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual(['row,column,message', '2,owner,"no active user with the email or name ""nobody@nowhere.test"""']);
  });

  it('dry run: reports what it would do and writes nothing', async () => {
    const done = await importFile(s.acme.admin, { entity: 'customers', mode: 'dry-run' }, { name: 'bad.csv', content: withBadOwner });
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 2, skipped: 1, errorCount: 1 });
    expect(await customersByExternal(['X-1', 'X-2', 'X-3'])).toEqual([]);
  });

  it('skip invalid: writes the good rows and lists the bad one', async () => {
    const done = await importFile(s.acme.admin, { entity: 'customers', mode: 'skip-invalid' }, { name: 'bad.csv', content: withBadOwner });
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 2, skipped: 1, errorCount: 1 });
    expect((await customersByExternal(['X-1', 'X-2', 'X-3'])).map((c) => c.externalId).sort()).toEqual(['X-1', 'X-3']);
  });

  it('reads Excel files too', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['Customer Name', 'Customer ID', 'Industry']);
    sheet.addRow(['Xlsx One', 'XL-1', 'Retail']);
    sheet.addRow(['Xlsx Two', 'XL-2', 'Energy']);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const done = await importFile(s.acme.admin, { entity: 'customers' }, { name: 'book.xlsx', content });
    expect(done).toMatchObject({ status: 'succeeded', inserted: 2 });
    expect((await customersByExternal(['XL-1', 'XL-2'])).map((c) => c.industry).sort()).toEqual(['Energy', 'Retail']);
  });

  it('refuses a mapping to a column the file lacks, naming it', async () => {
    const res = await postForm(
      s.acme.admin,
      '/api/v1/imports',
      { entity: 'customers', mapping: JSON.stringify({ name: { column: 'Nom' } }) },
      { name: 'x.csv', content: 'Name\nA' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toContainEqual({ path: 'mapping.name.column', message: 'the file has no column "Nom"' });
  });

  it('previews a file: columns, sample and guessed mapping', async () => {
    const res = await postForm(s.acme.admin, '/api/v1/imports/preview', { entity: 'customers' }, { name: 'p.csv', content: withBadOwner });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'csv',
      columns: ['externalId', 'name', 'owner'],
      mapping: { externalId: { column: 'externalId' }, name: { column: 'name' }, owner: { column: 'owner' } },
      distinctValues: { name: ['Alpha Ltd', 'Beta Ltd', 'Gamma Ltd'] },
    });
    expect(res.json().sampleRows[1]).toEqual(['X-2', 'Beta Ltd', 'nobody@nowhere.test']);
  });
});

describe('importing orders with lines', () => {
  const lines = [
    'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
    '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
    '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
    '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
    'C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom',
  ].join('\n');

  it('groups rows by order number, creates missing customers in the pool, and upserts on re-import', async () => {
    const fields = {
      entity: 'orders',
      options: JSON.stringify({ createMissingCustomers: true }),
      mapping: JSON.stringify({
        orderNumber: { column: 'InvoiceNo' },
        productCode: { column: 'StockCode' },
        productName: { column: 'Description' },
        quantity: { column: 'Quantity' },
        orderedAt: { column: 'InvoiceDate' },
        unitPrice: { column: 'UnitPrice' },
        customer: { column: 'CustomerID' },
        customerRegion: { column: 'Country' },
        currency: { default: 'GBP' },
      }),
    };
    const done = await importFile(s.acme.admin, fields, { name: 'retail.csv', content: lines });
    expect(done).toMatchObject({ status: 'succeeded', processed: 4, inserted: 3, errorCount: 0 });
    const rows = await t.db.select().from(orders).where(eq(orders.orgId, s.acme.orgId));
    const first = rows.find((o) => o.externalId === '536365');
    expect(first).toMatchObject({ amount: '35.64', currency: 'GBP' });
    expect(first?.orderedAt.toISOString()).toBe('2010-12-01T00:26:00.000Z'); // 08:26 in Asia/Shanghai
    expect(rows.find((o) => o.externalId === 'C536379')?.amount).toBe('-27.50');
    const lineRows = await t.db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orgId, s.acme.orgId), eq(orderLines.orderId, first?.id as string)));
    expect(lineRows.map((l) => l.productCode)).toEqual(['85123A', '71053']);
    const [created] = await customersByExternal(['17850']);
    expect(created).toMatchObject({ name: '17850', region: 'United Kingdom', ownerId: null });

    const again = await importFile(s.acme.admin, fields, { name: 'retail.csv', content: lines });
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, updated: 3 });
    expect((await t.db.select().from(orders).where(eq(orders.orgId, s.acme.orgId))).length).toBe(rows.length);
  });

  it('joins the rows of one order that other rows come between (real exports interleave invoices)', async () => {
    const content = [
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID',
      'T-1,A,1,2010-12-01 08:26:00,2.00,17850.0',
      'T-2,B,1,2010-12-01 08:27:00,3.00,17850.0',
      'T-1,C,2,2010-12-01 08:28:00,4.00,17850.0',
    ].join('\n');
    const done = await importFile(
      s.acme.admin,
      { entity: 'orders', options: JSON.stringify({ createMissingCustomers: true }) },
      { name: 'split.csv', content },
    );
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 2, errorCount: 0 });
    const [order] = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.orgId, s.acme.orgId), eq(orders.externalId, 'T-1')));
    expect(order.amount).toBe('10.00');
    const lines = await t.db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orgId, s.acme.orgId), eq(orderLines.orderId, order.id)));
    expect(lines.map((l) => [l.lineNo, l.productCode])).toEqual([
      [1, 'A'],
      [2, 'C'],
    ]);
  });
});

describe('who may import', () => {
  it('refuses reps and viewers, and users imports by anyone but an admin', async () => {
    const file = { name: 'c.csv', content: 'name\nA' };
    expect((await postForm(s.eastRep, '/api/v1/imports', { entity: 'customers' }, file)).statusCode).toBe(403);
    expect((await postForm(s.viewer, '/api/v1/imports', { entity: 'customers' }, file)).statusCode).toBe(403);
    expect((await postForm(s.eastManager, '/api/v1/imports', { entity: 'users' }, file)).statusCode).toBe(403);
    expect((await postForm(s.eastRep, '/api/v1/imports/preview', { entity: 'customers' }, file)).statusCode).toBe(403);
    expect((await s.eastRep.get('/api/v1/imports/fields?entity=customers')).statusCode).toBe(403);
    expect((await s.eastRep.get('/api/v1/imports')).statusCode).toBe(403);
    expect((await postForm(s.eastManager, '/api/v1/imports/preview', { entity: 'users' }, file)).statusCode).toBe(403);
  });

  it('shows an import to its creator and the org’s admins, not to another manager or another org', async () => {
    const res = await postForm(
      s.eastManager,
      '/api/v1/imports',
      { entity: 'customers', mode: 'dry-run' },
      { name: 'c.csv', content: 'name\nA' },
    );
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    expect((await s.eastManager.get(`/api/v1/imports/${id}`)).statusCode).toBe(200);
    expect((await s.acme.admin.get(`/api/v1/imports/${id}`)).statusCode).toBe(200);
    expect((await s.westManager.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await s.westManager.get(`/api/v1/imports/${id}/errors.csv`)).statusCode).toBe(404);
    expect((await s.globex.admin.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await s.westManager.get('/api/v1/imports')).json().data.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await s.acme.admin.get('/api/v1/imports')).json().data.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('a manager’s import writes only within their scope', async () => {
    const westRepEmail = (await s.westRep.get('/api/v1/auth/me')).json().user.email;
    const done = await importFile(
      s.eastManager,
      { entity: 'customers', mode: 'skip-invalid' },
      { name: 'w.csv', content: `name,owner\nWest One,${westRepEmail}` },
    );
    expect(done).toMatchObject({ inserted: 0, skipped: 1, errorCount: 1 });
    expect(done.errors[0].column).toBe('owner');
  });
});
