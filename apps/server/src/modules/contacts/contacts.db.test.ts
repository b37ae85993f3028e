import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
const rep = await seedUser(t, acme.orgId, 'rep');
const otherRep = await seedUser(t, acme.orgId, 'rep');
const viewer = await seedUser(t, acme.orgId, 'viewer');
const customer = (await rep.post('/api/v1/customers', { name: 'Contactful' })).json();

describe('contacts', () => {
  it('adds a contact with seniority and buying role, changes it with its version, deletes and restores it', async () => {
    const res = await rep.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '王芳',
      title: '采购总监',
      seniority: 'executive',
      buyingRole: 'economic_buyer',
      email: 'Wang@X.cn',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ email: 'wang@x.cn', buyingRole: 'economic_buyer', version: 1 });
    expect((await rep.patch(`/api/v1/contacts/${c.id}`, { buyingRole: 'decision_maker', version: 1 })).json().version).toBe(2);
    expect((await rep.patch(`/api/v1/contacts/${c.id}`, { title: 'stale', version: 1 })).statusCode).toBe(409);
    expect((await rep.delete(`/api/v1/contacts/${c.id}?version=2`)).json().deletedAt).not.toBeNull();
    expect((await rep.get(`/api/v1/contacts?customerId=${customer.id}`)).json().data).toEqual([]);
    expect((await rep.post(`/api/v1/contacts/${c.id}/restore`, { version: 3 })).json().deletedAt).toBeNull();
    expect((await rep.get(`/api/v1/contacts?customerId=${customer.id}`)).json().data).toHaveLength(1);
  });

  it('refuses a bad buying role naming the field', async () => {
    const res = await rep.post('/api/v1/contacts', { customerId: customer.id, name: 'X', buyingRole: 'boss' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('buyingRole');
  });

  it('follows the customer’s scope: other reps and orgs see nothing, viewers read only', async () => {
    const c = (await rep.get(`/api/v1/contacts?customerId=${customer.id}`)).json().data[0];
    expect((await otherRep.get(`/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await otherRep.get('/api/v1/contacts')).json().data).toEqual([]);
    expect((await globex.admin.get(`/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await otherRep.post('/api/v1/contacts', { customerId: customer.id, name: 'Intruder' })).statusCode).toBe(404);
    expect((await otherRep.patch(`/api/v1/contacts/${c.id}`, { name: 'x', version: c.version })).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/contacts/${c.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/v1/contacts/${c.id}`, { name: 'x', version: c.version })).statusCode).toBe(403);
  });
});
