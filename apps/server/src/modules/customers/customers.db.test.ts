import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
let east: { id: string };
let west: { id: string };
let eastManager: Caller;
let eastRep: Caller;
let eastRep2: Caller;
let westRep: Caller;
let viewer: Caller;

beforeAll(async () => {
  eastManager = await seedUser(t, acme.orgId, 'manager');
  east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  west = (await acme.admin.post('/api/v1/teams', { name: 'West' })).json();
  eastRep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id });
  eastRep2 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id });
  westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id });
  viewer = await seedUser(t, acme.orgId, 'viewer');
});

const create = async (caller: Caller, body: Record<string, unknown>) => {
  const res = await caller.post('/api/v1/customers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('customers', () => {
  it('creates a customer owned by the rep, in the rep’s team, at the lowest tier, with a tier history entry', async () => {
    const c = await create(eastRep, {
      name: '华东机电有限公司',
      phone: '+86 138-0000-1234',
      email: 'Buyer@HDJD.cn',
      tags: ['制造', '制造'],
    });
    expect(c).toMatchObject({
      ownerId: eastRep.userId,
      teamId: east.id,
      email: 'buyer@hdjd.cn',
      tags: ['制造'],
      version: 1,
      status: 'active',
    });
    const tiers = (await acme.admin.get('/api/v1/customers?limit=1')).statusCode;
    expect(tiers).toBe(200);
  });

  it('scopes reads: own for reps, team for managers, all for directors and viewers; other orgs never', async () => {
    const mine = await create(eastRep, { name: 'Scope East One' });
    const other = await create(westRep, { name: 'Scope West One' });
    const names = async (caller: Caller) =>
      (await caller.get('/api/v1/customers?q=Scope&limit=200'))
        .json()
        .data.map((c: { name: string }) => c.name)
        .sort();
    expect(await names(eastRep)).toEqual(['Scope East One']);
    expect(await names(eastRep2)).toEqual([]);
    expect(await names(eastManager)).toEqual(['Scope East One']);
    expect(await names(acme.admin)).toEqual(['Scope East One', 'Scope West One']);
    expect(await names(viewer)).toEqual(['Scope East One', 'Scope West One']);
    expect(await names(globex.admin)).toEqual([]);
    expect((await westRep.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
    expect((await eastManager.get(`/api/v1/customers/${other.id}`)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
    expect((await anonymous(t).get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(401);
  });

  it('scopes writes: another team’s rep gets 404, a viewer 403, and nothing changes', async () => {
    const c = await create(eastRep, { name: 'Write Scope' });
    expect((await westRep.patch(`/api/v1/customers/${c.id}`, { name: 'Hijacked', version: 1 })).statusCode).toBe(404);
    expect((await viewer.patch(`/api/v1/customers/${c.id}`, { name: 'Hijacked', version: 1 })).statusCode).toBe(403);
    expect((await globex.admin.patch(`/api/v1/customers/${c.id}`, { name: 'Hijacked', version: 1 })).statusCode).toBe(404);
    expect((await westRep.delete(`/api/v1/customers/${c.id}?version=1`)).statusCode).toBe(404);
    expect((await eastManager.patch(`/api/v1/customers/${c.id}`, { region: '华东', version: 1 })).statusCode).toBe(200);
    expect((await eastRep.get(`/api/v1/customers/${c.id}`)).json()).toMatchObject({ name: 'Write Scope', region: '华东', version: 2 });
  });

  it('lets a manager assign within the team but not a rep, and never to someone outside', async () => {
    const c = await create(eastRep, { name: 'Reassign' });
    expect((await eastRep.patch(`/api/v1/customers/${c.id}`, { ownerId: eastRep2.userId, version: 1 })).statusCode).toBe(403);
    const outside = await eastManager.patch(`/api/v1/customers/${c.id}`, { ownerId: westRep.userId, version: 1 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].path).toBe('ownerId');
    const ok = await eastManager.patch(`/api/v1/customers/${c.id}`, { ownerId: eastRep2.userId, version: 1 });
    expect(ok.json()).toMatchObject({ ownerId: eastRep2.userId, teamId: east.id });
    expect((await eastRep.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate externalId with 409 naming the field', async () => {
    await create(eastRep, { name: 'Ext A', externalId: 'ERP-1' });
    const dup = await eastRep.post('/api/v1/customers', { name: 'Ext B', externalId: 'ERP-1' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors[0].path).toBe('externalId');
    // Another organisation may use the same external id.
    expect((await globex.admin.post('/api/v1/customers', { name: 'Ext G', externalId: 'ERP-1' })).statusCode).toBe(201);
  });

  it('soft-deletes and restores, with the version', async () => {
    const c = await create(eastRep, { name: 'Deletable' });
    expect((await eastRep.delete(`/api/v1/customers/${c.id}`)).statusCode).toBe(428);
    const del = await eastRep.delete(`/api/v1/customers/${c.id}`, { 'if-match': '"1"' });
    expect(del.json().deletedAt).not.toBeNull();
    const list = (await eastRep.get('/api/v1/customers?q=Deletable')).json().data;
    expect(list).toEqual([]);
    const deleted = (await eastRep.get('/api/v1/customers?q=Deletable&deleted=only')).json().data;
    expect(deleted).toHaveLength(1);
    const restored = await eastRep.post(`/api/v1/customers/${c.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entityId=${c.id}`)).json().data.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['restore', 'delete', 'create']);
  });

  it('filters by tag, region, status, phone digits and email, and searches names by substring', async () => {
    await create(eastRep, {
      name: '上海星辰贸易',
      tags: ['外贸'],
      region: '华东',
      phone: '021-5555 0001',
      email: 'a@xc.cn',
      status: 'prospect',
    });
    const q = async (query: string) => (await eastRep.get(`/api/v1/customers?${query}`)).json().data.map((c: { name: string }) => c.name);
    expect(await q(`tag=${encodeURIComponent('外贸')}`)).toEqual(['上海星辰贸易']);
    expect(await q(`q=${encodeURIComponent('星辰')}`)).toEqual(['上海星辰贸易']);
    expect(await q('phone=02155550001')).toEqual(['上海星辰贸易']);
    expect(await q('email=A@XC.CN')).toEqual(['上海星辰贸易']);
    expect(await q('status=prospect')).toEqual(['上海星辰贸易']);
    expect(await q('q=%25')).toEqual([]); // a literal %, not a wildcard
    // Two characters go through the bigram index (migration 0016): any case, literal, the same answer as ilike.
    await create(eastRep, { name: 'Northwind TRADING' });
    expect(await q('q=tR')).toEqual(['Northwind TRADING']);
    expect(await q('q=%25_')).toEqual([]);
    expect(await q(`q=${encodeURIComponent('易')}`)).toEqual(['上海星辰贸易']);
  });

  it('pages a sorted list with a cursor without repeats, nulls last', async () => {
    for (let i = 0; i < 5; i++) await create(eastRep2, { name: `Page ${i}`, lastContactAt: i % 2 ? `2026-01-0${i + 1}T00:00:00Z` : null });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = (
        await eastRep2.get(`/api/v1/customers?q=Page&limit=2&sort=-lastContactAt${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 3).sort()).toEqual(['Page 0', 'Page 2', 'Page 4']); // never contacted: 'infinity' sorts first when descending
    expect(seen.slice(3)).toEqual(['Page 3', 'Page 1']);
  });

  it('batch-creates all or nothing, with per-record errors', async () => {
    const bad = await eastManager.post('/api/v1/customers/batch', {
      records: [
        { name: 'Batch OK', externalId: 'B-1' },
        { name: 'Batch dup', externalId: 'B-1' },
        { name: 'Batch foreign owner', ownerId: westRep.userId },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['records.1.externalId', 'records.2.ownerId']);
    expect((await eastManager.get('/api/v1/customers?q=Batch')).json().data).toEqual([]);
    const invalid = await eastManager.post('/api/v1/customers/batch', { records: [{ name: 'ok' }, { name: '' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('records.1.name');
    const ok = await eastManager.post('/api/v1/customers/batch', {
      records: [
        { name: 'Batch 1', externalId: 'B-1', ownerId: eastRep.userId },
        { name: 'Batch 2', ownerId: null },
      ],
    });
    expect(ok.json()).toMatchObject({ created: 2, updated: 0 });
    const upsert = await eastManager.post('/api/v1/customers/batch', {
      mode: 'upsert',
      records: [{ name: 'Batch 1 renamed', externalId: 'B-1', ownerId: eastRep.userId }],
    });
    expect(upsert.json()).toMatchObject({ created: 0, updated: 1 });
    expect((await eastRep.get('/api/v1/customers?q=renamed')).json().data).toHaveLength(1);
    expect(
      (await eastManager.post('/api/v1/customers/batch', { records: Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}` })) }))
        .statusCode,
    ).toBe(400);
  });

  it('shows pool customers (no owner) to every member, but lets only managers and above change them', async () => {
    const pooled = await create(eastManager, { name: 'In The Pool', ownerId: null });
    expect(pooled.ownerId).toBeNull();
    expect((await westRep.get(`/api/v1/customers/${pooled.id}`)).statusCode).toBe(200);
    expect((await westRep.patch(`/api/v1/customers/${pooled.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await eastRep.post('/api/v1/customers', { name: 'Rep pool', ownerId: null })).statusCode).toBe(422);
  });

  it('never lets a rep set a tier on create', async () => {
    const tierId = (await eastRep.get('/api/v1/customers?limit=1')).json().data[0].tierId;
    expect((await eastRep.post('/api/v1/customers', { name: 'Tiered', tierId })).statusCode).toBe(403);
    expect((await eastManager.post('/api/v1/customers', { name: 'Tiered', tierId })).statusCode).toBe(201);
  });
});

describe('customers and the pool', () => {
  it('never puts a customer in the pool by PATCH (release logs it with a reason)', async () => {
    const c = await create(eastManager, { name: 'Not by patch', ownerId: eastRep.userId });
    const res = await eastManager.patch(`/api/v1/customers/${c.id}`, { ownerId: null, version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('ownerId');
  });
});
