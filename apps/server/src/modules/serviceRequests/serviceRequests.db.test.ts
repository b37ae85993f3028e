import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/testApp.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { HOUR, MINUTE, openRequest, type RequestDto, type ServiceOrg, seedServiceOrg } from './serviceRequests.fixtures.ts';
import { serviceRequests } from './serviceRequests.table.ts';

const t = await createTestApp();
let s: ServiceOrg;

const requestCount = async () =>
  (await t.db.select({ n: count() }).from(serviceRequests).where(eq(serviceRequests.orgId, s.acme.orgId)))[0].n;

beforeAll(async () => {
  s = await seedServiceOrg(t);
});

describe('opening a service request (客户服务)', () => {
  it('fixes the tier’s response SLA at opening; owner and team come from the customer’s owner, who is told', async () => {
    const opened = t.clock.now();
    const res = await s.eastManager.post('/api/v1/service-requests', {
      customerId: s.cust.vip.id,
      title: 'Invoice is wrong',
      channel: 'wechat',
      priority: 'high',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const r = res.json();
    expect(r).toMatchObject({
      customerId: s.cust.vip.id,
      customerName: 'East VIP',
      title: 'Invoice is wrong',
      channel: 'wechat',
      priority: 'high',
      status: 'open',
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
      tierId: s.tier.vip,
      tierKey: 'vip',
      slaHours: 12,
      openedAt: opened.toISOString(),
      slaDueAt: new Date(opened.getTime() + 12 * HOUR).toISOString(),
      firstAnsweredAt: null,
      breached: false,
      slaRemainingMinutes: 720,
      firstResponseMinutes: null,
      highlight: true,
      createdBy: s.eastManager.userId,
      version: 1,
    });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, s.acme.orgId), eq(notifications.entityId, r.id)));
    expect(told).toMatchObject([{ userId: s.eastRep.userId, kind: 'assignment', params: { entity: 'service_request' } }]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.acme.orgId), eq(auditLog.entityId, r.id)));
    expect(audit).toMatchObject([{ action: 'create', entity: 'service_request', actorId: s.eastManager.userId }]);
  });

  it('highlights KA and VIP (tiers above the lowest), not SMB; each gets its own SLA', async () => {
    const ka = await openRequest(s.eastRep, { customerId: s.cust.ka.id });
    const smb = await openRequest(s.eastRep, { customerId: s.cust.smb.id });
    expect(ka).toMatchObject({ highlight: true, slaHours: 4, slaRemainingMinutes: 240 });
    expect(smb).toMatchObject({ highlight: false, slaHours: 24, slaRemainingMinutes: 1440 });
    // The rep opened their own customer's request: nobody else to tell.
    const told = await t.db.select({ n: count() }).from(notifications).where(eq(notifications.entityId, ka.id));
    expect(told[0].n).toBe(0);
  });

  it('runs the SLA from a given earlier opening time', async () => {
    const r = await openRequest(s.eastRep, {
      customerId: s.cust.ka.id,
      openedAt: new Date(t.clock.now().getTime() - 3 * HOUR).toISOString(),
    });
    expect(r).toMatchObject({ slaRemainingMinutes: 60, breached: false });
  });

  it('gives a pool customer’s request to the caller, in their team', async () => {
    const r = await openRequest(s.westRep, { customerId: s.pooled.id });
    expect(r).toMatchObject({ ownerId: s.westRep.userId, teamId: s.west.id, slaHours: 24, highlight: false });
  });

  it('refuses bad input naming the field (400/422) and writes nothing', async () => {
    const before = await requestCount();
    const post = (body: Record<string, unknown>) => s.eastRep.post('/api/v1/service-requests', body);
    const noTitle = await post({ customerId: s.cust.smb.id });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.headers['content-type']).toContain('application/problem+json');
    expect(noTitle.json().errors[0].path).toBe('title');
    const channel = await post({ customerId: s.cust.smb.id, title: 'x', channel: 'fax' });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().errors[0].path).toBe('channel');
    const badId = await post({ customerId: 'nope', title: 'x' });
    expect(badId.json().errors[0].path).toBe('customerId');
    const future = await post({
      customerId: s.cust.smb.id,
      title: 'x',
      openedAt: new Date(t.clock.now().getTime() + MINUTE).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'invalid_service_request', errors: [{ path: 'openedAt' }] });
    const otherContact = (await s.westRep.post('/api/v1/contacts', { customerId: s.westSmb.id, name: 'Wang' })).json();
    const contact = await post({ customerId: s.cust.smb.id, title: 'x', contactId: otherContact.id });
    expect(contact.statusCode).toBe(422);
    expect(contact.json().errors[0].path).toBe('contactId');
    const owner = await post({ customerId: s.cust.smb.id, title: 'x', ownerId: s.westRep.userId });
    expect(owner.statusCode).toBe(422);
    expect(owner.json().errors[0].path).toBe('ownerId');
    expect(await requestCount()).toBe(before);
  });
});

describe('the response SLA on the injected clock', () => {
  it('is met by an answer a minute before the deadline, and stays met however long after it is read', async () => {
    const r = await openRequest(s.eastRep, { customerId: s.cust.smb.id });
    t.clock.advance(24 * HOUR - MINUTE);
    const url = `/api/v1/service-requests/${r.id}`;
    expect((await s.eastRep.get(url)).json()).toMatchObject({ breached: false, slaRemainingMinutes: 1 });
    const answered = await s.eastRep.post(`${url}/answer`);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      firstAnsweredAt: t.clock.now().toISOString(),
      breached: false,
      slaRemainingMinutes: 1,
      firstResponseMinutes: 24 * 60 - 1,
      version: 2,
    });
    t.clock.advance(72 * HOUR);
    expect((await s.eastRep.get(url)).json()).toMatchObject({ breached: false, slaRemainingMinutes: 1 });
  });

  it('is breached once the deadline passes unanswered, and an answer after it stays breached', async () => {
    const r = await openRequest(s.eastRep, { customerId: s.cust.ka.id });
    const url = `/api/v1/service-requests/${r.id}`;
    t.clock.advance(4 * HOUR);
    expect((await s.eastRep.get(url)).json()).toMatchObject({ breached: false, slaRemainingMinutes: 0 });
    t.clock.advance(90 * MINUTE);
    expect((await s.eastRep.get(url)).json()).toMatchObject({ breached: true, slaRemainingMinutes: -90 });
    const late = (await s.eastRep.post(`${url}/answer`)).json();
    expect(late).toMatchObject({ status: 'answered', breached: true, slaRemainingMinutes: -90, firstResponseMinutes: 330 });
  });
});

describe('answer once, resolve, reopen', () => {
  let r: RequestDto;
  let url: string;
  beforeAll(async () => {
    r = await openRequest(s.eastRep, { customerId: s.cust.vip.id });
    url = `/api/v1/service-requests/${r.id}`;
  });

  it('sets the first answer once: a second answer is refused (422) and moves nothing', async () => {
    t.clock.advance(30 * MINUTE);
    const first = (await s.eastRep.post(`${url}/answer`)).json();
    t.clock.advance(30 * MINUTE);
    const again = await s.eastManager.post(`${url}/answer`, {});
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', errors: [{ path: 'status' }] });
    expect((await s.eastRep.get(url)).json()).toMatchObject({ firstAnsweredAt: first.firstAnsweredAt, version: first.version });
  });

  it('resolves with a resolution, reopens keeping the first answer, and is answered again without moving it', async () => {
    const first = (await s.eastRep.get(url)).json();
    const noResolution = await s.eastRep.post(`${url}/resolve`, {});
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().errors[0].path).toBe('resolution');
    const stale = await s.eastRep.post(`${url}/resolve`, { resolution: 'Credit note sent', version: first.version - 1 });
    expect(stale.statusCode).toBe(409);
    const resolved = await s.eastRep.post(`${url}/resolve`, { resolution: 'Credit note sent' }, { 'if-match': `"${first.version}"` });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'Credit note sent', resolvedAt: t.clock.now().toISOString() });
    expect((await s.eastRep.post(`${url}/resolve`, { resolution: 'again' })).statusCode).toBe(422);
    t.clock.advance(HOUR);
    const reopened = (await s.eastRep.post(`${url}/reopen`)).json();
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, resolution: null, firstAnsweredAt: first.firstAnsweredAt });
    const answered = (await s.eastRep.post(`${url}/answer`)).json();
    expect(answered).toMatchObject({ status: 'answered', firstAnsweredAt: first.firstAnsweredAt, breached: false });
    expect((await s.eastRep.post(`${url}/reopen`)).statusCode).toBe(422);
  });

  it('answers an unanswered request when resolving it', async () => {
    const other = await openRequest(s.eastRep, { customerId: s.cust.smb.id });
    t.clock.advance(10 * MINUTE);
    const resolved = (
      await s.eastRep.post(`/api/v1/service-requests/${other.id}/resolve`, { resolution: 'Explained on the phone' })
    ).json();
    expect(resolved).toMatchObject({ status: 'resolved', firstAnsweredAt: t.clock.now().toISOString(), firstResponseMinutes: 10 });
  });

  it('edits fields with a version (stale 409, none 428); a new owner brings their team', async () => {
    const current = (await s.eastRep.get(url)).json();
    const changed = await s.eastRep.patch(url, { title: 'Invoice wrong (VAT)', priority: 'urgent', version: current.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Invoice wrong (VAT)', priority: 'urgent', version: current.version + 1 });
    expect((await s.eastRep.patch(url, { title: 'x', version: current.version })).statusCode).toBe(409);
    expect((await s.eastRep.patch(url, { title: 'x' })).statusCode).toBe(428);
    const bad = await s.eastRep.patch(url, { priority: 'asap', version: current.version + 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('priority');
    const toDirector = await s.director.patch(url, { ownerId: s.westRep.userId, version: current.version + 1 });
    expect(toDirector.json()).toMatchObject({ ownerId: s.westRep.userId, teamId: s.west.id });
    const [told] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.westRep.userId as string), eq(notifications.entityId, r.id)));
    expect(told).toMatchObject({ kind: 'assignment' });
  });
});

describe('the list', () => {
  it('filters by customer, owner, team, tier, status, breach and opening time, and pages without repeats', async () => {
    t.clock.advance(HOUR);
    const from = t.clock.now().toISOString();
    const made: RequestDto[] = [];
    for (const c of [s.cust.ka, s.cust.vip, s.cust.smb, s.cust.ka]) {
      made.push(await openRequest(s.eastRep, { customerId: c.id }));
      t.clock.advance(MINUTE);
    }
    const to = t.clock.now().toISOString();
    t.clock.advance(5 * HOUR); // both KA requests (4 h) are now breached; VIP and SMB are not
    const list = async (q: string) =>
      (
        (await s.eastRep.get(`/api/v1/service-requests?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&${q}`)).json()
          .data as RequestDto[]
      ).map((r) => r.id);
    expect(await list('')).toEqual([...made].reverse().map((r) => r.id));
    expect(await list('sort=openedAt')).toEqual(made.map((r) => r.id));
    expect(await list('breached=true')).toEqual([made[3].id, made[0].id]);
    expect(await list('breached=false')).toEqual([made[2].id, made[1].id]);
    expect(await list(`tierId=${s.tier.vip}`)).toEqual([made[1].id]);
    expect(await list(`customerId=${s.cust.smb.id}`)).toEqual([made[2].id]);
    expect(await list(`ownerId=${s.eastRep.userId}&teamId=${s.east.id}&status=open`)).toHaveLength(4);
    expect(await list(`ownerId=${s.westRep.userId}`)).toEqual([]);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/service-requests?limit=3&from=${encodeURIComponent(from)}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await s.eastRep.get(q)).json();
      pages.push(...page.data.map((r: RequestDto) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([...made].reverse().map((r) => r.id));
    expect((await s.eastRep.get('/api/v1/service-requests?cursor=garbage')).json().errors[0].path).toBe('cursor');
    expect((await s.eastRep.get('/api/v1/service-requests?breached=maybe')).json().errors[0].path).toBe('breached');
  });
});
