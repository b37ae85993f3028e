import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { activities } from './activities.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let contact: { id: string };
let otherContact: { id: string };
let deal: { id: string };
let westCustomer: { id: string };
let westDeal: { id: string };

const DAY = 86_400_000;
const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();
const stored = async () => (await t.db.select({ n: count() }).from(activities).where(eq(activities.orgId, s.acme.orgId)))[0].n;

async function log(caller: Caller, body: Record<string, unknown>) {
  const res = await caller.post('/api/v1/activities', { kind: 'call', subject: 'Call', customerId: s.customer.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  s = await seedSalesOrg(t);
  contact = (await s.eastRep.post('/api/v1/contacts', { customerId: s.customer.id, name: 'Wang Buyer' })).json();
  westCustomer = (await s.westRep.post('/api/v1/customers', { name: 'West Customer' })).json();
  otherContact = (await s.westRep.post('/api/v1/contacts', { customerId: westCustomer.id, name: 'Li Other' })).json();
  deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
  westDeal = await openDeal(s, s.westRep, { customerId: westCustomer.id });
});

describe('logging activities', () => {
  it('logs a visit with its check-in, contact, deal and participants', async () => {
    const res = await s.eastRep.post('/api/v1/activities', {
      kind: 'visit',
      subject: 'On-site visit',
      notes: 'Walked the plant',
      outcome: 'interested',
      occurredAt: ago(1),
      durationMinutes: 90,
      customerId: s.customer.id,
      contactId: contact.id,
      dealId: deal.id,
      contactIds: [otherContact.id, contact.id],
      userIds: [s.eastManager.userId, s.eastRep.userId],
      location: '上海市浦东新区张江路 88 号',
      latitude: 31.203405,
      longitude: 121.590752,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const visit = res.json();
    expect(visit).toMatchObject({
      kind: 'visit',
      outcome: 'interested',
      occurredAt: ago(1),
      checkInAt: ago(1), // a visit checks in when it happened unless told otherwise
      customerId: s.customer.id,
      contactId: contact.id,
      dealId: deal.id,
      leadId: null,
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
      contactIds: [otherContact.id], // the main contact and the owner are not listed again
      userIds: [s.eastManager.userId],
      latitude: 31.203405,
      longitude: 121.590752,
      isContact: true,
      answered: true,
      version: 1,
      deletedAt: null,
    });
    expect((await s.eastRep.get(`/api/v1/activities/${visit.id}`)).json()).toEqual(visit);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=activity&entityId=${visit.id}`)).json().data;
    expect(audit).toMatchObject([{ action: 'create', actorId: s.eastRep.userId }]);
  });

  it('lets a manager log for a rep of their team, and nobody for a rep they do not lead', async () => {
    const forRep = await log(s.eastManager, { ownerId: s.eastRep.userId, subject: 'Logged for the rep' });
    expect(forRep).toMatchObject({ ownerId: s.eastRep.userId, teamId: s.east.id });
    const notTheirs = await s.eastManager.post('/api/v1/activities', {
      kind: 'call',
      subject: 'x',
      customerId: s.customer.id,
      ownerId: s.westRep.userId,
    });
    expect(notTheirs.statusCode).toBe(422);
    expect(notTheirs.json().errors).toEqual([{ path: 'ownerId', message: 'not a member of your teams' }]);
    const repForOther = await s.eastRep.post('/api/v1/activities', {
      kind: 'call',
      subject: 'x',
      customerId: s.customer.id,
      ownerId: s.eastManager.userId,
    });
    expect(repForOther.json().errors[0].path).toBe('ownerId');
  });

  it('refuses bad input as problem+json naming the field, and writes nothing', async () => {
    const before = await stored();
    const expectProblem = async (body: Record<string, unknown>, status: number, path: string) => {
      const res = await s.eastRep.post('/api/v1/activities', { kind: 'call', subject: 'Call', customerId: s.customer.id, ...body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toContain(path);
    };
    await expectProblem({ subject: '' }, 400, 'subject');
    await expectProblem({ kind: 'fax' }, 400, 'kind');
    await expectProblem({ outcome: 'maybe' }, 400, 'outcome');
    await expectProblem({ leadId: deal.id }, 400, 'customerId'); // both a customer and a lead
    await expectProblem({ customerId: undefined }, 400, 'customerId'); // neither
    await expectProblem({ kind: 'visit', latitude: 91, longitude: 0 }, 400, 'latitude');
    await expectProblem({ durationMinutes: -5 }, 400, 'durationMinutes');
    await expectProblem({ occurredAt: 'yesterday' }, 400, 'occurredAt');
    await expectProblem({ occurredAt: new Date(t.clock.now().getTime() + DAY).toISOString() }, 422, 'occurredAt');
    await expectProblem({ contactId: otherContact.id }, 422, 'contactId'); // another customer's contact
    await expectProblem({ dealId: westDeal.id }, 422, 'dealId'); // another customer's deal
    await expectProblem({ contactIds: [contact.id, '0194a3b0-0000-7000-8000-000000000001'] }, 422, 'contactIds.1');
    await expectProblem({ userIds: ['0194a3b0-0000-7000-8000-000000000001'] }, 422, 'userIds.0');
    await expectProblem({ kind: 'call', location: 'Office' }, 422, 'location'); // only a visit checks in
    await expectProblem({ kind: 'visit', latitude: 31.2 }, 422, 'longitude');
    await expectProblem({ customerId: '0194a3b0-0000-7000-8000-000000000001' }, 422, 'customerId');
    expect(await stored()).toBe(before);
  });
});

describe('listing activities', () => {
  it('filters by customer, deal, owner, kind and time, newest first, and pages without repeats', async () => {
    const c = (await s.eastRep.post('/api/v1/customers', { name: 'List Customer' })).json();
    const d = await openDeal(s, s.eastRep, { customerId: c.id });
    const made: { id: string; kind: string; occurredAt: string }[] = [];
    for (let i = 0; i < 7; i++)
      made.push(
        await log(s.eastRep, {
          customerId: c.id,
          kind: (['call', 'email', 'meeting', 'note'] as const)[i % 4],
          occurredAt: ago(10 - i),
          dealId: i % 2 ? d.id : undefined,
        }),
      );
    made.push(await log(s.eastManager, { customerId: c.id, occurredAt: ago(10) })); // same time as the first: id breaks the tie
    const newestFirst = [...made].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id));
    const ids = (res: { json: () => { data: { id: string }[] } }) => res.json().data.map((a) => a.id);

    expect(ids(await s.eastRep.get(`/api/v1/activities?customerId=${c.id}`))).toEqual(newestFirst.map((a) => a.id));
    expect(ids(await s.eastRep.get(`/api/v1/activities?dealId=${d.id}`))).toEqual(
      newestFirst.filter((a) => (a as { dealId?: string }).dealId === d.id).map((a) => a.id),
    );
    expect(ids(await s.eastRep.get(`/api/v1/activities?customerId=${c.id}&kind=email`))).toHaveLength(2);
    expect(ids(await s.eastRep.get(`/api/v1/activities?customerId=${c.id}&ownerId=${s.eastManager.userId}`))).toEqual([made[7].id]);
    const window = `from=${encodeURIComponent(ago(8))}&to=${encodeURIComponent(ago(5))}`;
    expect(ids(await s.eastRep.get(`/api/v1/activities?customerId=${c.id}&${window}`))).toEqual(
      newestFirst.filter((a) => a.occurredAt >= ago(8) && a.occurredAt < ago(5)).map((a) => a.id),
    );

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await s.eastRep.get(`/api/v1/activities?customerId=${c.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(paged).toEqual(newestFirst.map((a) => a.id));
    expect((await s.eastRep.get('/api/v1/activities?cursor=nonsense')).statusCode).toBe(400);
  });
});

describe('changing and deleting activities', () => {
  it('updates with the version it is based on (428 without, 409 when stale) and audits the change', async () => {
    const a = await log(s.eastRep, { subject: 'First call' });
    const url = `/api/v1/activities/${a.id}`;
    expect((await s.eastRep.patch(url, { subject: 'No version' })).statusCode).toBe(428);
    const res = await s.eastRep.patch(url, { subject: 'Renamed', outcome: 'no_answer', durationMinutes: 3, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: 'Renamed', outcome: 'no_answer', answered: false, isContact: true, version: 2 });
    expect((await s.eastRep.patch(url, { subject: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await s.eastRep.patch(url, { subject: 'If-Match' }, { 'if-match': '"2"' })).json()).toMatchObject({ version: 3 });
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=activity&entityId=${a.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', changes: { subject: { before: 'Renamed', after: 'If-Match' } } });
  });

  it('turns a visit into a meeting without its check-in, and refuses a check-in on a call', async () => {
    const v = await log(s.eastRep, { kind: 'visit', subject: 'Visit', location: 'Plant 2' });
    const res = await s.eastRep.patch(`/api/v1/activities/${v.id}`, { kind: 'meeting', version: 1 });
    expect(res.json()).toMatchObject({ kind: 'meeting', checkInAt: null, location: null });
    const bad = await s.eastRep.patch(`/api/v1/activities/${v.id}`, { location: 'Cafe', version: 2 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ path: 'location', message: 'only a visit has a check-in time and place' }]);
    const wrongDeal = await s.eastRep.patch(`/api/v1/activities/${v.id}`, { dealId: westDeal.id, version: 2 });
    expect(wrongDeal.json().errors[0].path).toBe('dealId');
  });

  it('soft-deletes with its version: gone from lists, still readable by id, not changeable', async () => {
    const a = await log(s.eastRep, { subject: 'To delete' });
    const url = `/api/v1/activities/${a.id}`;
    expect((await s.eastRep.delete(url)).statusCode).toBe(428);
    const del = await s.eastRep.delete(`${url}?version=1`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().deletedAt).not.toBeNull();
    expect((await s.eastRep.get(url)).json().deletedAt).not.toBeNull();
    const listed = (await s.eastRep.get(`/api/v1/activities?customerId=${s.customer.id}&limit=200`)).json().data;
    expect(listed.some((x: { id: string }) => x.id === a.id)).toBe(false);
    expect((await s.eastRep.patch(url, { subject: 'x', version: 2 })).statusCode).toBe(409);
    expect((await s.eastRep.delete(`${url}?version=2`)).statusCode).toBe(409);
    const rows = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, s.acme.orgId), eq(activities.id, a.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('who sees and changes which activities', () => {
  let a: { id: string };
  let leadActivity: { id: string };
  beforeAll(async () => {
    a = await log(s.eastRep, { subject: 'East only' });
    const lead = (await s.eastRep.post('/api/v1/leads', { name: 'Lead person', company: 'Lead Co' })).json();
    leadActivity = await log(s.eastRep, { customerId: undefined, leadId: lead.id, subject: 'Lead call' });
  });
  const listed = async (caller: Caller, id: string) =>
    (await caller.get('/api/v1/activities?limit=200')).json().data.some((x: { id: string }) => x.id === id);

  it('reads: the owner, their manager, directors and viewers see it; another rep, another team’s manager and another org do not', async () => {
    for (const id of [a.id, leadActivity.id]) {
      for (const caller of [s.eastRep, s.eastManager, s.director, s.viewer, s.acme.admin]) {
        expect((await caller.get(`/api/v1/activities/${id}`)).statusCode).toBe(200);
        expect(await listed(caller, id)).toBe(true);
      }
      for (const caller of [s.westRep, s.westManager, s.loneRep, s.globex.admin]) {
        expect((await caller.get(`/api/v1/activities/${id}`)).statusCode).toBe(404);
        expect(await listed(caller, id)).toBe(false);
      }
    }
    expect((await s.westRep.get(`/api/v1/activities?customerId=${s.customer.id}`)).json().data).toEqual([]);
  });

  it('logs: only on a customer one may change — 422 for an invisible one, 403 for a read-only one or a viewer', async () => {
    const before = await stored();
    const body = { kind: 'call', subject: 'Sneaky', customerId: s.customer.id };
    for (const caller of [s.westRep, s.westManager, s.globex.admin]) {
      const res = await caller.post('/api/v1/activities', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ path: 'customerId', message: 'no such customer that you may see' }]);
    }
    expect((await s.viewer.post('/api/v1/activities', body)).statusCode).toBe(403);
    // A pool customer is visible to every rep, but only managers and above may change it before it is claimed.
    const pooled = (await s.acme.admin.post('/api/v1/customers', { name: 'In the pool', ownerId: null })).json();
    expect((await s.eastRep.post('/api/v1/activities', { ...body, customerId: pooled.id })).statusCode).toBe(403);
    // A read-only account-team member sees the customer and its activities but logs none.
    const member = `/api/v1/customers/${s.customer.id}/account-team/${s.westRep.userId}`;
    expect((await s.eastRep.request('PUT', member, { role: 'service', access: 'read' })).statusCode).toBe(201);
    expect((await s.westRep.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    expect((await s.westRep.post('/api/v1/activities', body)).statusCode).toBe(403);
    expect((await s.eastRep.request('PUT', member, { role: 'service', access: 'write' })).statusCode).toBe(200);
    expect((await s.westRep.post('/api/v1/activities', body)).statusCode).toBe(201);
    // …but a write member still may not change the owner's own activity.
    expect((await s.westRep.patch(`/api/v1/activities/${a.id}`, { subject: 'Mine now', version: 1 })).statusCode).toBe(403);
    expect((await s.eastRep.delete(member)).statusCode).toBe(204);
    expect(await stored()).toBe(before + 1);
  });

  it('changes and deletes: the owner, their manager and directors; 404 for those who cannot see it, 403 for read-only', async () => {
    for (const caller of [s.westRep, s.westManager, s.globex.admin]) {
      expect((await caller.patch(`/api/v1/activities/${a.id}`, { subject: 'x', version: 1 })).statusCode).toBe(404);
      expect((await caller.delete(`/api/v1/activities/${a.id}?version=1`)).statusCode).toBe(404);
      expect((await caller.patch(`/api/v1/activities/${leadActivity.id}`, { subject: 'x', version: 1 })).statusCode).toBe(404);
    }
    expect((await s.viewer.patch(`/api/v1/activities/${a.id}`, { subject: 'x', version: 1 })).statusCode).toBe(403);
    expect((await s.viewer.delete(`/api/v1/activities/${a.id}?version=1`)).statusCode).toBe(403);
    const byManager = await s.eastManager.patch(`/api/v1/activities/${a.id}`, { notes: 'Checked by the manager', version: 1 });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect((await s.director.patch(`/api/v1/activities/${a.id}`, { notes: 'And the director', version: 2 })).statusCode).toBe(200);
    expect((await s.eastRep.delete(`/api/v1/activities/${a.id}?version=3`)).statusCode).toBe(200);
  });
});
