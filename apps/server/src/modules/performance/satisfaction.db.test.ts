import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { satisfactionScores } from './performance.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let eastRep2: Caller;

type Score = { id: string; customerId: string; ownerId: string | null; score: number; recordedOn: string; externalId: string | null };
const list = async (caller: Caller, query = '') => (await caller.get(`/api/v1/satisfaction-scores${query}`)).json().data as Score[];
const record = (caller: Caller, body: object) => caller.post('/api/v1/satisfaction-scores', { customerId: s.customer.id, ...body });
const teamOf = async (id: string) =>
  (
    await t.db
      .select({ teamId: satisfactionScores.teamId })
      .from(satisfactionScores)
      .where(and(eq(satisfactionScores.orgId, s.acme.orgId), eq(satisfactionScores.id, id)))
  )[0]?.teamId;

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id });
});

describe('recording satisfaction scores', () => {
  it('the owner records one for their customer: it counts for the owner and team now, dated today in the org’s time zone', async () => {
    const start = t.clock.now();
    // 01:30 on 6 January in Shanghai, still 5 January in UTC.
    t.clock.set(new Date('2026-01-05T17:30:00Z'));
    try {
      const res = await record(s.eastRep, { score: 4, comment: '响应及时' });
      expect(res.statusCode, res.body).toBe(201);
      const score = res.json();
      expect(score).toMatchObject({
        customerId: s.customer.id,
        ownerId: s.eastRep.userId,
        score: 4,
        recordedOn: '2026-01-06',
        comment: '响应及时',
      });
      expect(await teamOf(score.id)).toBe(s.east.id);
      expect((await record(s.eastRep, { score: 5, recordedOn: '2026-01-06' })).statusCode).toBe(201);
      const future = await record(s.eastRep, { score: 5, recordedOn: '2026-01-07' });
      expect(future.statusCode).toBe(422);
      expect(future.json().errors).toEqual([{ path: 'recordedOn', message: 'in the future (today is 2026-01-06)' }]);
      const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=satisfaction_score&entityId=${score.id}`)).json().data;
      expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
    } finally {
      t.clock.set(start);
    }
  });

  it('a score keeps the owner it was recorded for when the customer changes hands', async () => {
    const before = (await record(s.eastManager, { score: 2, recordedOn: '2026-01-02' })).json();
    const customer = (await s.eastManager.get(`/api/v1/customers/${s.customer.id}`)).json();
    const moved = await s.eastManager.patch(`/api/v1/customers/${s.customer.id}`, { ownerId: eastRep2.userId, version: customer.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await record(s.eastManager, { score: 5, recordedOn: '2026-01-03' })).json();
    expect([before.ownerId, after.ownerId]).toEqual([s.eastRep.userId, eastRep2.userId]);
    const back = await s.eastManager.patch(`/api/v1/customers/${s.customer.id}`, {
      ownerId: s.eastRep.userId,
      version: customer.version + 1,
    });
    expect(back.statusCode).toBe(200);
  });

  it('refuses those who cannot see the customer (404 naming customerId), viewers (403), bad input naming the field', async () => {
    const count = (await list(s.director)).length;
    const hidden = await record(s.westRep, { score: 3 });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors).toEqual([{ path: 'customerId', message: 'no such customer that you may see' }]);
    expect((await record(s.westManager, { score: 3 })).statusCode).toBe(404);
    expect((await record(s.globex.admin, { score: 3 })).statusCode).toBe(404);
    expect((await record(s.viewer, { score: 3 })).statusCode).toBe(403);
    expect((await anonymous(t).post('/api/v1/satisfaction-scores', { customerId: s.customer.id, score: 3 })).statusCode).toBe(401);
    for (const [body, path] of [
      [{ score: 6 }, 'score'],
      [{ score: 0 }, 'score'],
      [{ score: 3.5 }, 'score'],
      [{ score: 3, recordedOn: '2026-02-30' }, 'recordedOn'],
      [{ score: 3, customerId: 'nope' }, 'customerId'],
    ] as const) {
      const res = await record(s.eastRep, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await record(s.director, { score: 3, externalId: 'NPS-1' })).statusCode).toBe(201);
    const taken = await record(s.eastRep, { score: 3, externalId: 'NPS-1' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'external_id_taken', errors: [{ path: 'externalId' }] });
    expect((await list(s.director)).length).toBe(count + 1);
  });

  it('refuses a deleted customer (422)', async () => {
    const gone = (await s.eastRep.post('/api/v1/customers', { name: 'Gone Ltd' })).json();
    expect((await s.eastRep.delete(`/api/v1/customers/${gone.id}?version=${gone.version}`)).statusCode).toBe(200);
    const res = await record(s.eastRep, { customerId: gone.id, score: 3 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'customerId', message: 'the customer is deleted' }]);
  });
});

describe('reading satisfaction scores', () => {
  it('follows the customer’s scope: its owner, their manager, directors and viewers; not other teams or organisations', async () => {
    const west = (await s.westRep.post('/api/v1/customers', { name: 'West Works' })).json();
    const westScore = (await record(s.westRep, { customerId: west.id, score: 1 })).json();
    const eastIds = (await list(s.director, `?customerId=${s.customer.id}`)).map((x) => x.id).sort();
    expect(eastIds.length).toBeGreaterThan(0);
    expect((await list(s.eastRep)).map((x) => x.id).sort()).toEqual(eastIds);
    expect((await list(s.eastManager)).map((x) => x.id).sort()).toEqual(eastIds);
    expect((await list(s.westRep)).map((x) => x.id)).toEqual([westScore.id]);
    expect((await list(s.westManager)).map((x) => x.id)).toEqual([westScore.id]);
    expect(await list(s.viewer)).toHaveLength(eastIds.length + 1);
    expect(await list(s.globex.admin)).toEqual([]);
    expect(await list(s.westRep, `?customerId=${s.customer.id}`)).toEqual([]);
    expect((await list(s.director, `?ownerId=${eastRep2.userId}`)).map((x) => x.ownerId)).toEqual([eastRep2.userId]);
    expect((await anonymous(t).get('/api/v1/satisfaction-scores')).statusCode).toBe(401);
  });

  it('latest recorded first, page by page', async () => {
    const all = await list(s.director);
    expect(all.map((x) => x.recordedOn)).toEqual([...all.map((x) => x.recordedOn)].sort().reverse());
    const first = (await s.director.get('/api/v1/satisfaction-scores?limit=3')).json();
    const rest = (await s.director.get(`/api/v1/satisfaction-scores?limit=200&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...rest.data].map((x: Score) => x.id)).toEqual(all.map((x) => x.id));
  });
});
