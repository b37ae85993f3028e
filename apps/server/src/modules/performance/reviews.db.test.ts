import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;
let cycleId: string;
let eastRep2: Caller;

type Review = { id: string; kind: string; repId: string; reviewerId: string; status: string; version: number; ratings: object[] };
const ids = async (caller: Caller, query = '') =>
  ((await caller.get(`/api/v1/reviews${query}`)).json().data as Review[]).map((r) => r.id).sort();
const notifications = async (caller: Caller) =>
  (await caller.get('/api/v1/notifications')).json().data as {
    kind: string;
    entity: string;
    entityId: string;
    params: Record<string, unknown>;
  }[];
const create = (caller: Caller, body: object) => caller.post('/api/v1/reviews', { cycleId, ...body });
/** Junior reps are appraised on two criteria this quarter; everyone else on the built-in three. */
const JUNIOR_RATINGS = [
  { key: 'managerRating', score: 4, comment: '稳定' },
  { key: 'teamwork', score: 5 },
];

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id });
  const res = await s.director.post('/api/v1/appraisal-cycles', {
    name: '2026 一季度',
    period: '2026-Q1',
    levels: [
      {
        levelId: s.junior,
        kpis: [{ kpi: 'newCustomers', weight: 100 }],
        criteria: [
          { key: 'managerRating', weight: 60 },
          { key: 'teamwork', weight: 40 },
        ],
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  cycleId = res.json().id;
});

describe('writing reviews', () => {
  let managerReview: Review;

  it('the manager of the rep’s team starts a manager review as a draft, audited; the rep does not see it yet', async () => {
    const res = await create(s.eastManager, { repId: s.eastRep.userId, kind: 'manager', ratings: [{ key: 'managerRating', score: 3 }] });
    expect(res.statusCode, res.body).toBe(201);
    managerReview = res.json();
    expect(managerReview).toMatchObject({
      repId: s.eastRep.userId,
      reviewerId: s.eastManager.userId,
      kind: 'manager',
      status: 'draft',
      ratings: [{ key: 'managerRating', score: 3, comment: null }],
      submittedAt: null,
      version: 1,
    });
    expect(await ids(s.eastManager)).toEqual([managerReview.id]);
    expect(await ids(s.director)).toEqual([managerReview.id]);
    expect(await ids(s.eastRep)).toEqual([]);
    expect((await s.eastRep.get(`/api/v1/reviews/${managerReview.id}`)).statusCode).toBe(404);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=review&entityId=${managerReview.id}`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('refuses other teams’ managers, other reps and other organisations (404), the wrong kind (403), a second review (409)', async () => {
    const hidden = await create(s.westManager, { repId: s.eastRep.userId, kind: 'manager' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors).toEqual([{ path: 'repId', message: expect.any(String) }]);
    expect((await create(s.westRep, { repId: s.eastRep.userId, kind: 'self' })).statusCode).toBe(404);
    const ownManagerReview = await create(s.eastRep, { repId: s.eastRep.userId, kind: 'manager' });
    expect(ownManagerReview.statusCode).toBe(403);
    expect(ownManagerReview.json().errors[0].path).toBe('kind');
    expect((await create(s.director, { repId: s.eastRep.userId, kind: 'self' })).statusCode).toBe(403);
    expect((await create(s.eastManager, { repId: s.eastRep.userId, kind: 'self' })).statusCode).toBe(403);
    expect((await create(s.viewer, { repId: s.eastRep.userId, kind: 'self' })).statusCode).toBe(403);
    const foreign = await create(s.globex.admin, { repId: s.eastRep.userId, kind: 'manager' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0].path).toBe('cycleId');
    const twice = await create(s.director, { repId: s.eastRep.userId, kind: 'manager' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'review_exists', errors: [{ path: 'kind' }] });
    const notRep = await create(s.director, { repId: s.eastManager.userId, kind: 'manager' });
    expect(notRep.statusCode).toBe(422);
    expect(notRep.json().errors[0].path).toBe('repId');
    const dup = await create(s.eastManager, {
      repId: eastRep2.userId,
      kind: 'manager',
      ratings: [
        { key: 'teamwork', score: 3 },
        { key: 'teamwork', score: 4 },
      ],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors).toEqual([{ path: 'ratings.1.key', message: 'the same criterion as ratings.0' }]);
    expect(
      (await create(s.eastManager, { repId: eastRep2.userId, kind: 'manager', ratings: [{ key: 'teamwork', score: 6 }] })).json().errors[0]
        .path,
    ).toBe('ratings.0.score');
    expect((await anonymous(t).post('/api/v1/reviews', { cycleId, repId: s.eastRep.userId, kind: 'self' })).statusCode).toBe(401);
    expect(await ids(s.director)).toEqual([managerReview.id]);
  });

  it('only the author edits a draft, with its version (none → 428, stale → 409)', async () => {
    const url = `/api/v1/reviews/${managerReview.id}`;
    expect((await s.eastManager.patch(url, { comment: '继续努力' })).statusCode).toBe(428);
    const res = await s.eastManager.patch(url, { ratings: JUNIOR_RATINGS, comment: '继续努力', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      comment: '继续努力',
      version: 2,
      ratings: [{ key: 'managerRating', comment: '稳定' }, { key: 'teamwork' }],
    });
    expect(res.headers.etag).toBe('"2"');
    expect((await s.eastManager.patch(url, { comment: 'stale', version: 1 })).statusCode).toBe(409);
    expect((await s.director.patch(url, { comment: 'not mine', version: 2 })).statusCode).toBe(403);
    expect((await s.westManager.patch(url, { comment: 'hidden', version: 2 })).statusCode).toBe(404);
    expect((await s.eastRep.patch(url, { comment: 'hidden', version: 2 })).statusCode).toBe(404);
    expect((await s.globex.admin.patch(url, { comment: 'hidden', version: 2 })).statusCode).toBe(404);
    expect((await s.viewer.patch(url, { comment: 'hidden', version: 2 })).statusCode).toBe(403);
  });
});

describe('submitting and locking', () => {
  it('a manager review rates every criterion of the rep’s level scheme, and only those (422 naming the rating)', async () => {
    const review = (await create(s.eastManager, { repId: s.westRep.userId, kind: 'manager' })).json();
    expect(review.code).toBe('not_found'); // a west rep is not theirs to review
    const draft = (
      await create(s.eastManager, { repId: eastRep2.userId, kind: 'manager', ratings: [{ key: 'managerRating', score: 4 }] })
    ).json() as Review;
    const submit = (version: number) => s.eastManager.post(`/api/v1/reviews/${draft.id}/submit`, { version });
    const missing = await submit(1);
    expect(missing.statusCode).toBe(422);
    // eastRep2 has no level: the cycle's fallback, the built-in three criteria.
    expect(missing.json().errors).toEqual([{ path: 'ratings', message: 'rate every criterion; missing: customerFeedback, teamwork' }]);
    const unknown = await s.eastManager.patch(`/api/v1/reviews/${draft.id}`, {
      ratings: [
        { key: 'managerRating', score: 4 },
        { key: 'customerFeedback', score: 4 },
        { key: 'teamwork', score: 4 },
        { key: 'charm', score: 5 },
      ],
      version: 1,
    });
    expect(unknown.statusCode).toBe(200);
    const refused = await submit(2);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ path: 'ratings.3.key', message: expect.stringContaining('not a criterion') }]);
    expect((await s.eastManager.get(`/api/v1/reviews/${draft.id}`)).json()).toMatchObject({ status: 'draft', version: 2 });
  });

  it('submitting a manager review tells the rep, who can now read it; it no longer changes', async () => {
    const [review] = (await s.eastManager.get(`/api/v1/reviews?repId=${s.eastRep.userId}&kind=manager`)).json().data as Review[];
    expect((await s.director.post(`/api/v1/reviews/${review.id}/submit`, { version: 2 })).statusCode).toBe(403);
    expect((await s.eastManager.post(`/api/v1/reviews/${review.id}/submit`)).statusCode).toBe(428);
    expect((await s.eastManager.post(`/api/v1/reviews/${review.id}/submit`, { version: 1 })).statusCode).toBe(409);
    const res = await s.eastManager.post(`/api/v1/reviews/${review.id}/submit`, {}, { 'if-match': '"2"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', version: 3, submittedAt: t.clock.now().toISOString() });
    expect(await ids(s.eastRep)).toEqual([review.id]);
    expect((await notifications(s.eastRep)).find((n) => n.kind === 'review_submitted')).toMatchObject({
      entity: 'review',
      entityId: review.id,
      params: {
        reviewKind: 'manager',
        repName: expect.any(String),
        reviewerName: expect.any(String),
        cycleName: '2026 一季度',
        period: '2026-Q1',
      },
    });
    expect(await ids(s.westManager)).toEqual([]);
    expect(await ids(s.viewer)).toEqual([review.id]);
    const edit = await s.eastManager.patch(`/api/v1/reviews/${review.id}`, { comment: 'after', version: 3 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().errors[0].path).toBe('status');
    expect((await s.eastManager.post(`/api/v1/reviews/${review.id}/submit`, { version: 3 })).statusCode).toBe(409);
  });

  it('a rep writes and submits their self review, with any of the criteria; their manager hears of it and reads it then', async () => {
    const self = (await create(s.eastRep, { repId: s.eastRep.userId, kind: 'self', comment: '本季度新增客户 12 家' })).json() as Review;
    expect(self).toMatchObject({ kind: 'self', reviewerId: s.eastRep.userId, status: 'draft' });
    expect(await ids(s.eastManager, '?kind=self')).toEqual([]);
    expect((await s.eastManager.get(`/api/v1/reviews/${self.id}`)).statusCode).toBe(404);
    expect((await s.eastRep.patch(`/api/v1/reviews/${self.id}`, { ratings: [{ key: 'teamwork', score: 5 }], version: 1 })).statusCode).toBe(
      200,
    );
    const before = (await notifications(s.eastManager)).length;
    const res = await s.eastRep.post(`/api/v1/reviews/${self.id}/submit`, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const notes = await notifications(s.eastManager);
    expect(notes).toHaveLength(before + 1);
    expect(notes[0]).toMatchObject({
      kind: 'review_submitted',
      entityId: self.id,
      params: { reviewKind: 'self', cycleName: '2026 一季度' },
    });
    expect(await ids(s.eastManager, '?kind=self')).toEqual([self.id]);
    expect(await ids(s.westRep)).toEqual([]);
    expect(await ids(s.globex.admin)).toEqual([]);
  });

  it('a director or admin locks a submitted review, with its version; not a draft, not twice, not a manager', async () => {
    const [review] = (await s.director.get(`/api/v1/reviews?repId=${s.eastRep.userId}&kind=manager`)).json().data as Review[];
    const lock = (caller: Caller, id: string, version: number) => caller.post(`/api/v1/reviews/${id}/lock`, { version });
    expect((await lock(s.eastManager, review.id, 3)).statusCode).toBe(403);
    expect((await lock(s.eastRep, review.id, 3)).statusCode).toBe(403);
    expect((await lock(s.globex.admin, review.id, 3)).statusCode).toBe(404);
    expect((await lock(s.director, review.id, 2)).statusCode).toBe(409);
    const res = await lock(s.director, review.id, 3);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'locked', version: 4, lockedAt: expect.any(String) });
    expect((await lock(s.acme.admin, review.id, 4)).json()).toMatchObject({ code: 'review_locked', errors: [{ path: 'status' }] });
    const [draft] = (await s.director.get(`/api/v1/reviews?repId=${eastRep2.userId}`)).json().data as Review[];
    const early = await lock(s.director, draft.id, draft.version);
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0].message).toContain('submitted before');
  });

  it('lists page by page, newest change first', async () => {
    const first = (await s.director.get('/api/v1/reviews?limit=2')).json();
    expect(first.data).toHaveLength(2);
    const second = (await s.director.get(`/api/v1/reviews?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data].map((r: Review) => r.id).sort()).toEqual(await ids(s.director));
    expect((await s.director.get('/api/v1/reviews?cursor=nope')).statusCode).toBe(400);
  });
});
