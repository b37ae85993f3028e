import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';
import { EXPORT_PAGE_SIZE } from './export.definition.ts';
import { EXPORT_LISTS } from './exportLists.ts';

const t = await createTestApp();
let s: SalesOrg;
/** East rep's customers: A carries the marked records, B the ones a filter leaves out; W is the West rep's. */
let eastA: { id: string };
let eastB: { id: string };
let west: { id: string };

const created = async (res: { statusCode: number; body: string; json: () => any }) => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

/**
 * Each list: the column that names a record, and how to make three of them — "=East …" (the east rep's,
 * kept by the filter, neutralised on the way out), "East other …" (the east rep's, left out by the
 * filter) and "West …" (the west rep's, never in the east rep's file).
 */
type Case = {
  list: string;
  column: string;
  filter: () => string;
  make: (owner: Caller, customer: { id: string }, label: string, marked: boolean) => Promise<unknown>;
};

const byCustomer = () => `customerId=${eastA.id}`;
const dueAt = () => new Date(t.clock.now().getTime() + 86_400_000).toISOString();

const CASES: Case[] = [
  {
    list: 'customers',
    column: '客户名称',
    filter: () => 'status=prospect',
    make: async () => undefined, // the customers themselves, made in beforeAll
  },
  {
    list: 'contacts',
    column: '姓名',
    filter: byCustomer,
    make: (owner, customer, name) => owner.post('/api/v1/contacts', { customerId: customer.id, name }).then(created),
  },
  {
    list: 'leads',
    column: '姓名',
    filter: () => 'status=working',
    make: (owner, _c, name, marked) => owner.post('/api/v1/leads', { name, status: marked ? 'working' : 'new' }).then(created),
  },
  {
    list: 'deals',
    column: '商机名称',
    filter: byCustomer,
    make: (owner, customer, name) => openDeal(s, owner, { name, customerId: customer.id, amount: '1234.50' }),
  },
  {
    list: 'orders',
    column: '订单编号',
    filter: byCustomer,
    make: (owner, customer, externalId) =>
      owner
        .post('/api/v1/orders', {
          externalId,
          customerId: customer.id,
          orderedAt: '2025-12-01T02:00:00Z',
          lines: [{ productCode: 'P-1', quantity: 2, unitPrice: '10.25' }],
        })
        .then(created),
  },
  {
    list: 'contracts',
    column: '合同编号',
    filter: byCustomer,
    make: (owner, customer, number) => owner.post('/api/v1/contracts', { customerId: customer.id, amount: '5000', number }).then(created),
  },
  {
    list: 'activities',
    column: '主题',
    filter: byCustomer,
    make: (owner, customer, subject) => owner.post('/api/v1/activities', { kind: 'call', subject, customerId: customer.id }).then(created),
  },
  {
    list: 'tasks',
    column: '任务',
    filter: byCustomer,
    make: (owner, customer, title) => owner.post('/api/v1/tasks', { title, dueAt: dueAt(), customerId: customer.id }).then(created),
  },
  {
    list: 'service-requests',
    column: '标题',
    filter: byCustomer,
    make: (owner, customer, title) => owner.post('/api/v1/service-requests', { customerId: customer.id, title }).then(created),
  },
];

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastA = await created(await s.eastRep.post('/api/v1/customers', { name: '=East customers', status: 'prospect' }));
  eastB = await created(await s.eastRep.post('/api/v1/customers', { name: 'East other customers' }));
  west = await created(await s.westRep.post('/api/v1/customers', { name: 'West customers', status: 'prospect' }));
  for (const c of CASES.slice(1)) {
    await c.make(s.eastRep, eastA, `=East ${c.list}`, true);
    await c.make(s.eastRep, eastB, `East other ${c.list}`, false);
    await c.make(s.westRep, west, `West ${c.list}`, true);
  }
});

type Sheet = { headers: string[]; rows: string[][] };

async function csvOf(caller: Caller, list: string, query = ''): Promise<Sheet> {
  const res = await caller.get(`/api/v1/${list}/export?format=csv${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="${list}-\\d{4}-\\d{2}-\\d{2}\\.csv"; filename\\*=UTF-8''`),
  );
  // The BOM tells Excel the file is UTF-8.
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [headers, ...rows] = parse(res.rawPayload, { bom: true, relax_column_count: false }) as string[][];
  return { headers, rows };
}

async function xlsxOf(caller: Caller, list: string, query = ''): Promise<{ headers: string[]; rows: unknown[][] }> {
  const res = await caller.get(`/api/v1/${list}/export?format=xlsx${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers['content-disposition']).toContain(`filename="${list}-`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
  const sheet = workbook.worksheets[0];
  const all: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    all.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  const [headers, ...rows] = all;
  return { headers: headers as string[], rows };
}

const namesIn = (sheet: Sheet, column: string) => {
  const at = sheet.headers.indexOf(column);
  expect(at, `column ${column} in ${sheet.headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r[at]);
};

describe.each(CASES)('GET /api/v1/$list/export', ({ list, column, filter }) => {
  it('gives a rep their own records only, formulas neutralised', async () => {
    const names = namesIn(await csvOf(s.eastRep, list), column);
    expect(names).toContain(`'=East ${list}`);
    expect(names).toContain(`East other ${list}`);
    expect(names).not.toContain(`West ${list}`);
    expect(names.some((n) => n.startsWith('='))).toBe(false);
  });

  it('applies the list’s filters', async () => {
    const names = namesIn(await csvOf(s.eastRep, list, filter()), column);
    expect(names).toContain(`'=East ${list}`);
    expect(names).not.toContain(`East other ${list}`);
  });

  it('gives a director the whole organisation, and another organisation none of it', async () => {
    const names = namesIn(await csvOf(s.director, list), column);
    expect(names).toEqual(expect.arrayContaining([`'=East ${list}`, `East other ${list}`, `West ${list}`]));
    const theirs = namesIn(await csvOf(s.globex.admin, list), column);
    expect(theirs.filter((n) => /East|West/.test(n))).toEqual([]);
  });

  it('writes the same rows to Excel, numbers as numbers, headers in the asked language', async () => {
    const csv = await csvOf(s.eastRep, list, 'locale=en');
    const xlsx = await xlsxOf(s.eastRep, list, 'locale=en');
    expect(xlsx.headers).toEqual(csv.headers);
    expect(csv.headers).toContain('Tierline ID');
    expect(xlsx.rows).toHaveLength(csv.rows.length);
    xlsx.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const text = csv.rows[r][c];
        if (typeof cell === 'number') expect(cell, `${csv.headers[c]} of row ${r}`).toBe(Number(text));
        else expect(cell ?? '', `${csv.headers[c]} of row ${r}`).toBe(text);
      });
    });
  });

  it('asks who is calling and checks the query like the list does', async () => {
    expect((await anonymous(t).get(`/api/v1/${list}/export`)).statusCode).toBe(401);
    const bad = await s.eastRep.get(`/api/v1/${list}/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'format', message: expect.any(String) }]);
  });
});

describe('the export of every list', () => {
  it('declares on its route the same access its definition carries (the CLI checks the latter)', () => {
    for (const def of Object.values(EXPORT_LISTS)) {
      const route = t.app.registeredRoutes.find((r) => r.method === 'GET' && r.url === `/api/v1/${def.list}/export`);
      expect(route?.access, def.list).toEqual(def.access);
    }
  });

  it('names owners and tiers, keeps amounts exact in CSV and numeric in Excel', async () => {
    const csv = await csvOf(s.eastRep, 'deals', byCustomer());
    const row = Object.fromEntries(csv.headers.map((h, i) => [h, csv.rows[0][i]]));
    expect(row).toMatchObject({ 金额: '1234.50', 客户名称: "'=East customers", 负责人邮箱: expect.stringContaining('@') });
    expect(row.负责人).not.toMatch(/^[0-9a-f-]{36}$/);
    const xlsx = await xlsxOf(s.eastRep, 'deals', byCustomer());
    expect(xlsx.rows[0][xlsx.headers.indexOf('金额')]).toBe(1234.5);
    const customers = await csvOf(s.eastRep, 'customers', 'status=prospect&locale=en');
    const c = Object.fromEntries(customers.headers.map((h, i) => [h, customers.rows[0][i]]));
    expect(c).toMatchObject({ Name: "'=East customers", Tier: expect.stringMatching(/\w/), 'Owner email': expect.stringContaining('@') });
  });

  it('pages through more rows than one page holds, each exactly once', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ name: `Bulk ${String(i).padStart(4, '0')}`, tags: ['bulk'] }));
    for (const batch of [records, records.slice(0, EXPORT_PAGE_SIZE / 5).map((r) => ({ ...r, name: `${r.name}b` }))]) {
      const res = await s.acme.admin.post('/api/v1/customers/batch', { records: batch });
      expect(res.statusCode, res.body).toBe(200);
    }
    const names = namesIn(await csvOf(s.acme.admin, 'customers', 'tag=bulk'), '客户名称');
    expect(names).toHaveLength(1000 + EXPORT_PAGE_SIZE / 5);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });
});

describe('GET /api/v1/users/export', () => {
  it('gives an admin the people of the organisation, without password hashes or secrets', async () => {
    const made = await s.acme.admin.post('/api/v1/users', {
      email: 'formula@acme.test',
      name: '=cmd|calc',
      role: 'rep',
      password: 'Correct-Horse-9',
    });
    expect(made.statusCode, made.body).toBe(201);
    const res = await s.acme.admin.get('/api/v1/users/export');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/argon2|password/i);
    const sheet = await csvOf(s.acme.admin, 'users');
    expect(sheet.headers).toEqual(['邮箱', '姓名', '角色', '团队', '级别', '入职日期', '启用', '可分配', '语言', '创建时间', '系统编号']);
    expect(namesIn(sheet, '姓名')).toContain("'=cmd|calc");
    const reps = await csvOf(s.acme.admin, 'users', 'role=viewer');
    expect(namesIn(reps, '邮箱')).toEqual([expect.stringMatching(/^viewer/)]);
    const theirs = await csvOf(s.globex.admin, 'users');
    expect(namesIn(theirs, '邮箱')).not.toContain('formula@acme.test');
  });

  it('refuses everyone but admins', async () => {
    for (const caller of [s.viewer, s.eastRep, s.eastManager, s.director]) {
      const res = await caller.get('/api/v1/users/export');
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
