import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';
import { HOUR, MINUTE, openRequest, type RequestDto, type ServiceOrg, seedServiceOrg } from './serviceRequests.fixtures.ts';

const t = await createTestApp();
let s: ServiceOrg;
let r: RequestDto;
let url: string;

const ids = async (caller: Caller, q = '') =>
  ((await caller.get(`/api/v1/service-requests?limit=200${q}`)).json().data as RequestDto[]).map((x) => x.id);

beforeAll(async () => {
  s = await seedServiceOrg(t);
  r = await openRequest(s.eastRep, { customerId: s.cust.vip.id });
  url = `/api/v1/service-requests/${r.id}`;
});

describe('who sees and changes a service request', () => {
  it('reads: the owner, their manager, directors, admins and viewers; not another team, not another organisation', async () => {
    for (const caller of [s.eastRep, s.eastManager, s.director, s.acme.admin, s.viewer])
      expect((await caller.get(url)).statusCode).toBe(200);
    for (const caller of [s.westRep, s.westManager, s.globex.admin]) expect((await caller.get(url)).statusCode).toBe(404);
    expect((await anonymous(t).get(url)).statusCode).toBe(401);
    expect(await ids(s.eastManager)).toContain(r.id);
    expect(await ids(s.viewer)).toContain(r.id);
    expect(await ids(s.westRep)).not.toContain(r.id);
    expect(await ids(s.westManager)).not.toContain(r.id);
    expect(await ids(s.globex.admin)).toEqual([]);
    expect((await anonymous(t).get('/api/v1/service-requests')).statusCode).toBe(401);
  });

  it('refuses to open a request for a customer the caller cannot see (422 naming customerId), and the viewer (403)', async () => {
    const before = await ids(s.director);
    const hidden = await s.westRep.post('/api/v1/service-requests', { customerId: s.cust.vip.id, title: 'x' });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual([{ path: 'customerId', message: 'no such customer that you may see' }]);
    const foreign = await s.globex.admin.post('/api/v1/service-requests', { customerId: s.cust.vip.id, title: 'x' });
    expect(foreign.json().errors[0].path).toBe('customerId');
    expect((await s.viewer.post('/api/v1/service-requests', { customerId: s.cust.vip.id, title: 'x' })).statusCode).toBe(403);
    expect(await ids(s.director)).toEqual(before);
  });

  it('refuses every change by another rep, another team’s manager, another organisation (404) and the viewer (403), changing nothing', async () => {
    const attempts: [string, (c: Caller) => Promise<{ statusCode: number }>][] = [
      ['patch', (c) => c.patch(url, { title: 'mine now', version: 1 })],
      ['answer', (c) => c.post(`${url}/answer`)],
      ['resolve', (c) => c.post(`${url}/resolve`, { resolution: 'done' })],
      ['reopen', (c) => c.post(`${url}/reopen`)],
    ];
    for (const [name, attempt] of attempts) {
      for (const caller of [s.westRep, s.westManager, s.globex.admin]) expect((await attempt(caller)).statusCode, `${name}`).toBe(404);
      expect((await attempt(s.viewer)).statusCode, `${name} by the viewer`).toBe(403);
      expect((await attempt(anonymous(t))).statusCode, `${name} anonymously`).toBe(401);
    }
    expect((await s.eastRep.get(url)).json()).toMatchObject({ version: 1, status: 'open', title: 'Printer jammed' });
  });

  it('lets the East manager answer their rep’s request (without a body) and reassign it within the team only', async () => {
    const answered = await s.eastManager.request('POST', `${url}/answer`);
    expect(answered.statusCode, answered.body).toBe(200);
    const outside = await s.eastManager.patch(url, { ownerId: s.westRep.userId, version: answered.json().version });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].path).toBe('ownerId');
  });

  it('shows a pool customer’s request to every rep, but only its owner (and managers) change it', async () => {
    const pooled = await openRequest(s.westRep, { customerId: s.pooled.id });
    const pooledUrl = `/api/v1/service-requests/${pooled.id}`;
    expect((await s.eastRep.get(pooledUrl)).statusCode).toBe(200);
    expect((await s.eastRep.post(`${pooledUrl}/answer`)).statusCode).toBe(403);
    expect((await s.westRep.post(`${pooledUrl}/answer`)).statusCode).toBe(200);
  });

  it('shows a rep the requests they own even of a customer they do not see', async () => {
    const given = await openRequest(s.director, { customerId: s.westSmb.id, ownerId: s.eastRep.userId });
    expect(given).toMatchObject({ ownerId: s.eastRep.userId, teamId: s.east.id });
    expect((await s.eastRep.get(`/api/v1/customers/${s.westSmb.id}`)).statusCode).toBe(404);
    expect((await s.eastRep.get(`/api/v1/service-requests/${given.id}`)).statusCode).toBe(200);
    expect((await s.eastRep.post(`/api/v1/service-requests/${given.id}/answer`)).statusCode).toBe(200);
  });
});

describe('breaches per rep and per team', () => {
  type Group = {
    key: string | null;
    label: string | null;
    requests: number;
    answered: number;
    answeredInSla: number;
    breached: number;
    pending: number;
    meanFirstResponseMinutes: number | null;
  };
  let window: string;
  const report = async (caller: Caller, groupBy: 'rep' | 'team') => {
    const res = await caller.get(`/api/v1/service-requests/breaches?groupBy=${groupBy}&${window}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: Group; groups: Group[] };
  };
  const row = (g: Group) => [g.requests, g.answered, g.answeredInSla, g.breached, g.pending, g.meanFirstResponseMinutes];

  beforeAll(async () => {
    t.clock.advance(HOUR);
    const from = t.clock.now();
    const ka = await openRequest(s.eastRep, { customerId: s.cust.ka.id });
    const vip = await openRequest(s.eastRep, { customerId: s.cust.vip.id });
    await openRequest(s.eastRep, { customerId: s.cust.smb.id });
    await openRequest(s.westRep, { customerId: s.westSmb.id });
    window = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(new Date(from.getTime() + MINUTE).toISOString())}`;
    t.clock.advance(HOUR);
    await s.eastRep.post(`/api/v1/service-requests/${ka.id}/answer`); // 60 min, within 4 h
    t.clock.advance(12 * HOUR);
    await s.eastRep.post(`/api/v1/service-requests/${vip.id}/answer`); // 780 min, past 12 h
    t.clock.advance(HOUR); // 14 h after opening: both SMB requests (24 h) still pending
  });

  it('counts requests, answers in SLA, breaches, pending and the mean first response, worst first', async () => {
    const byRep = await report(s.director, 'rep');
    expect(byRep.groups.map((g) => [g.key, g.label, ...row(g)])).toEqual([
      [s.eastRep.userId, expect.any(String), 3, 2, 1, 1, 1, 420],
      [s.westRep.userId, expect.any(String), 1, 0, 0, 0, 1, null],
    ]);
    expect(row(byRep.total)).toEqual([4, 2, 1, 1, 2, 420]);
    const byTeam = await report(s.director, 'team');
    expect(byTeam.groups.map((g) => [g.key, g.label, ...row(g)])).toEqual([
      [s.east.id, 'East', 3, 2, 1, 1, 1, 420],
      [s.west.id, 'West', 1, 0, 0, 0, 1, null],
    ]);
  });

  it('counts an unanswered request as breached once its deadline passes (the injected clock)', async () => {
    t.clock.advance(11 * HOUR); // 25 h after opening
    const byRep = await report(s.director, 'rep');
    expect(byRep.groups.map((g) => [g.key, g.breached, g.pending])).toEqual([
      [s.eastRep.userId, 2, 0],
      [s.westRep.userId, 1, 0],
    ]);
  });

  it('keeps to the caller’s scope: a rep their own, a manager their team, another organisation nothing', async () => {
    expect((await report(s.eastRep, 'rep')).groups.map((g) => g.key)).toEqual([s.eastRep.userId]);
    expect((await report(s.westManager, 'team')).groups.map((g) => g.key)).toEqual([s.west.id]);
    const other = await report(s.globex.admin, 'rep');
    expect(other).toMatchObject({ total: { requests: 0, meanFirstResponseMinutes: null }, groups: [] });
    expect((await anonymous(t).get('/api/v1/service-requests/breaches')).statusCode).toBe(401);
    const bad = await s.director.get('/api/v1/service-requests/breaches?groupBy=region');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('groupBy');
  });
});
