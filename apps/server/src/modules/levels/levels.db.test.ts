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
