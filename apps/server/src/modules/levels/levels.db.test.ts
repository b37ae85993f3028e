import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
afterAll(() => t.app.close());
const acme = await seedOrg(t, 'Acme Levels');
const globex = await seedOrg(t, 'Globex Levels');
const director = await seedUser(t, acme.orgId, 'director');
const rep = await seedUser(t, acme.orgId, 'rep');
const viewer = await seedUser(t, acme.orgId, 'viewer');

const levelsOf = async () => (await acme.admin.get('/api/v1/levels')).json().data as { id: string; key: string; version: number }[];
const junior = async () => (await levelsOf()).find((l) => l.key === 'junior')!;

describe('levels and their limits', () => {
  it('are listed to everyone with their limits and version', async () => {
    const list = (await rep.get('/api/v1/levels')).json().data;
    expect(list.map((l: { key: string }) => l.key)).toEqual(['junior', 'mid', 'senior']);
    expect(list[0]).toMatchObject({ version: 1, maxOpenDeals: expect.toBeOneOf([null, expect.any(Number)]) });
  });

  it('are changed by admins with a version, audited', async () => {
    const lv = await junior();
    expect((await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 5 })).statusCode).toBe(428);
    const res = await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 5, maxContractAmount: 200000, version: lv.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ maxOpenDeals: 5, maxContractAmount: '200000.00', version: lv.version + 1 });
    expect(res.headers.etag).toBe(`"${lv.version + 1}"`);
    expect((await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 6, version: lv.version })).statusCode).toBe(409);
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=level&entityId=${lv.id}`)).json().data;
    expect(audit[0].changes).toMatchObject({ maxOpenDeals: { after: 5 } });
  });

  it('refuse bad limits naming the field, changing nothing', async () => {
    const lv = await junior();
    const res = await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxCustomers: -1, version: lv.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('maxCustomers');
    expect((await junior()).version).toBe(lv.version);
  });

  it('are closed to non-admins and to other organisations', async () => {
    const lv = await junior();
    for (const caller of [director, rep, viewer]) {
      expect((await caller.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 1, version: lv.version })).statusCode).toBe(403);
    }
    expect((await globex.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 1, version: lv.version })).statusCode).toBe(404);
    expect((await junior()).version).toBe(lv.version);
  });
});

describe('availability', () => {
  it('is set by each person for themselves, audited, and shown on the user', async () => {
    expect((await rep.put('/api/v1/users/me/availability', { available: false })).json()).toMatchObject({ available: false });
    expect((await acme.admin.get(`/api/v1/users/${rep.userId}`)).json()).toMatchObject({ available: false });
    expect((await rep.put('/api/v1/users/me/availability', { available: true })).json()).toMatchObject({ available: true });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=user&entityId=${rep.userId}`)).json().data;
    expect(audit).toHaveLength(2);
  });

  it('is refused to viewers and needs a boolean', async () => {
    expect((await viewer.put('/api/v1/users/me/availability', { available: false })).statusCode).toBe(403);
    const bad = await rep.put('/api/v1/users/me/availability', { available: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('available');
  });

  it('can be set by an admin for someone else', async () => {
    const user = (await acme.admin.get(`/api/v1/users/${rep.userId}`)).json();
    const res = await acme.admin.patch(`/api/v1/users/${rep.userId}`, { available: false, version: user.version });
    expect(res.json()).toMatchObject({ available: false });
  });
});

describe('adding a level', () => {
  const ladderOf = async (caller: typeof acme.admin) =>
    ((await caller.get('/api/v1/levels')).json().data as { key: string; rank: number; version: number }[]).map(
      (l) => `${l.rank} ${l.key} v${l.version}`,
    );

  it('places it above the highest by default, with no limits, audited', async () => {
    const initech = await seedOrg(t, 'Initech Levels');
    const res = await initech.admin.post('/api/v1/levels', { key: 'principal', nameZh: '资深', nameEn: 'Principal' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'principal', rank: 4, maxOpenDeals: null, maxCustomers: null, version: 1 });
    expect(res.headers.etag).toBe('"1"');
    expect(await ladderOf(initech.admin)).toEqual(['1 junior v1', '2 mid v1', '3 senior v1', '4 principal v1']);
    const audit = (await initech.admin.get(`/api/v1/audit-log?entity=level&entityId=${res.json().id}`)).json().data;
    expect(audit).toMatchObject([{ action: 'create', changes: { key: { after: 'principal' }, rank: { after: 4 } } }]);
  });

  it('moves the levels at and above its rank up by one, each audited with a new version', async () => {
    const initech = await seedOrg(t, 'Initech Ladder');
    const trainee = await initech.admin.post('/api/v1/levels', { key: 'trainee', nameZh: '见习', nameEn: 'Trainee', rank: 1 });
    expect(trainee.statusCode, trainee.body).toBe(201);
    expect(await ladderOf(initech.admin)).toEqual(['1 trainee v1', '2 junior v2', '3 mid v2', '4 senior v2']);
    const lead = await initech.admin.post('/api/v1/levels', { key: 'lead_mid', nameZh: '中级组长', nameEn: 'Mid lead', rank: 4 });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(await ladderOf(initech.admin)).toEqual(['1 trainee v1', '2 junior v2', '3 mid v2', '4 lead_mid v1', '5 senior v3']);
    const far = await initech.admin.post('/api/v1/levels', { key: 'top', nameZh: '顶级', nameEn: 'Top', rank: 99 });
    expect(far.json().rank).toBe(6);
    const senior = (await initech.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === 'senior');
    const audit = (await initech.admin.get(`/api/v1/audit-log?entity=level&entityId=${senior.id}`)).json().data;
    expect(audit.map((a: { changes: { rank?: { before: number; after: number } } }) => a.changes.rank)).toEqual([
      { before: 4, after: 5 },
      { before: 3, after: 4 },
    ]);
  });

  it('refuses a key the organisation has (409) or a malformed one (400), naming key and writing nothing', async () => {
    const before = await ladderOf(acme.admin);
    const taken = await acme.admin.post('/api/v1/levels', { key: 'mid', nameZh: '中级二', nameEn: 'Mid 2', rank: 1 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('key');
    const bad = await acme.admin.post('/api/v1/levels', { key: 'Mid Two', nameZh: '中级二', nameEn: 'Mid 2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('key');
    expect((await acme.admin.post('/api/v1/levels', { key: 'x', nameZh: '', nameEn: 'X' })).json().errors[0].path).toBe('nameZh');
    expect(await ladderOf(acme.admin)).toEqual(before);
  });

  it('is for admins only, and only changes their own organisation', async () => {
    const before = await ladderOf(acme.admin);
    for (const caller of [director, rep, viewer])
      expect((await caller.post('/api/v1/levels', { key: 'extra', nameZh: '额外', nameEn: 'Extra', rank: 1 })).statusCode).toBe(403);
    const other = await globex.admin.post('/api/v1/levels', { key: 'extra', nameZh: '额外', nameEn: 'Extra', rank: 1 });
    expect(other.statusCode).toBe(201);
    expect(await ladderOf(acme.admin)).toEqual(before);
  });
});
