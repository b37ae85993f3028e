import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, createTestApp } from '../../../test/testApp.ts';
import { DEFAULT_SCORING_SCHEME } from './scorecard.rules.ts';

const t = await createTestApp();
let s: SalesOrg;
let globexJunior: string;

const criteria = (...keys: string[]) => keys.map((key) => ({ key, weight: 10 }));

beforeAll(async () => {
  s = await seedSalesOrg(t);
  globexJunior = ((await s.globex.admin.get('/api/v1/levels')).json().data as { id: string; key: string }[]).find(
    (l) => l.key === 'junior',
  )!.id;
});

describe('appraisal cycles (考核周期)', () => {
  it('a director opens a period’s cycle; what it leaves out is the built-in default scheme; everyone signed in reads it', async () => {
    const res = await s.director.post('/api/v1/appraisal-cycles', { name: '2026 一季度', period: '2026-Q1' });
    expect(res.statusCode, res.body).toBe(201);
    const cycle = res.json();
    expect(cycle).toMatchObject({
      name: '2026 一季度',
      period: '2026-Q1',
      status: 'open',
      version: 1,
      quantitativeWeight: DEFAULT_SCORING_SCHEME.quantitativeWeight,
      attainmentCap: DEFAULT_SCORING_SCHEME.attainmentCap,
      gradeBands: DEFAULT_SCORING_SCHEME.gradeBands,
      levels: DEFAULT_SCORING_SCHEME.levels,
    });
    for (const caller of [s.eastRep, s.eastManager, s.viewer]) {
      const read = await caller.get(`/api/v1/appraisal-cycles/${cycle.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
    }
    expect((await s.eastRep.get('/api/v1/appraisal-cycles?period=2026-Q1')).json().data.map((c: { id: string }) => c.id)).toEqual([
      cycle.id,
    ]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=appraisal_cycle&entityId=${cycle.id}`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('takes a scheme per level with its own split, cap and grade bands', async () => {
    const levels = [
      {
        levelId: s.junior,
        kpis: [
          { kpi: 'newCustomers', weight: 60 },
          { kpi: 'activities', weight: 40 },
        ],
        criteria: criteria('managerRating', 'teamwork'),
      },
      { levelId: null, kpis: [{ kpi: 'revenueWon', weight: 100 }], criteria: criteria('managerRating') },
    ];
    const gradeBands = [
      { grade: '优', min: 90 },
      { grade: '良', min: 75 },
      { grade: '中', min: 0 },
    ];
    const res = await s.acme.admin.post('/api/v1/appraisal-cycles', {
      name: '2026 二季度',
      period: '2026-Q2',
      quantitativeWeight: 60,
      attainmentCap: 1.2,
      gradeBands,
      levels,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantitativeWeight: 60, attainmentCap: 1.2, gradeBands, levels });
  });

  it('one cycle per period (409 naming period); a bad scheme is refused naming its field, writing nothing', async () => {
    const count = async () => (await s.director.get('/api/v1/appraisal-cycles')).json().data.length;
    const before = await count();
    const again = await s.director.post('/api/v1/appraisal-cycles', { name: 'again', period: '2026-Q1' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'period_has_cycle', errors: [{ path: 'period' }] });
    const post = (body: object) => s.director.post('/api/v1/appraisal-cycles', { name: 'x', period: '2026-Q3', ...body });
    const foreign = await post({ levels: [{ levelId: globexJunior, kpis: [], criteria: [] }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([{ path: 'levels.0.levelId', message: 'no such level in this organisation' }]);
    const twice = await post({
      levels: [
        { levelId: s.junior, kpis: [], criteria: [] },
        { levelId: s.junior, kpis: [], criteria: [] },
      ],
    });
    expect(twice.json().errors[0].path).toBe('levels.1.levelId');
    const grades = await post({
      gradeBands: [
        { grade: 'A', min: 80 },
        { grade: 'A', min: 0 },
      ],
    });
    expect(grades.statusCode).toBe(422);
    expect(grades.json().errors[0].path).toBe('gradeBands.1.grade');
    expect((await post({ gradeBands: [{ grade: 'A', min: 50 }] })).json().errors[0].path).toBe('gradeBands');
    const weight = await post({ quantitativeWeight: 120 });
    expect(weight.statusCode).toBe(400);
    expect(weight.json().errors[0].path).toBe('quantitativeWeight');
    expect((await post({ attainmentCap: 0.5 })).json().errors[0].path).toBe('attainmentCap');
    expect((await post({ period: '2026-Q5' })).json().errors[0].path).toBe('period');
    expect((await post({ name: '' })).json().errors[0].path).toBe('name');
    expect(await count()).toBe(before);
  });

  it('is written by directors and admins only; another organisation sees none', async () => {
    const body = { name: 'x', period: '2027-Q1' };
    for (const caller of [s.eastManager, s.eastRep, s.viewer])
      expect((await caller.post('/api/v1/appraisal-cycles', body)).statusCode).toBe(403);
    expect((await anonymous(t).post('/api/v1/appraisal-cycles', body)).statusCode).toBe(401);
    const cycle = (await s.director.get('/api/v1/appraisal-cycles?period=2026-Q1')).json().data[0];
    expect((await s.globex.admin.get(`/api/v1/appraisal-cycles/${cycle.id}`)).statusCode).toBe(404);
    expect((await s.globex.admin.get('/api/v1/appraisal-cycles')).json().data).toEqual([]);
    expect((await s.globex.admin.patch(`/api/v1/appraisal-cycles/${cycle.id}`, { name: 'mine', version: 1 })).statusCode).toBe(404);
    expect((await s.eastManager.patch(`/api/v1/appraisal-cycles/${cycle.id}`, { name: 'mine', version: 1 })).statusCode).toBe(403);
    expect((await anonymous(t).get('/api/v1/appraisal-cycles')).statusCode).toBe(401);
  });

  it('changes with its version (none → 428, stale → 409), audited; the changed scheme is checked', async () => {
    const cycle = (await s.director.post('/api/v1/appraisal-cycles', { name: '2026 年度', period: '2026' })).json();
    const url = `/api/v1/appraisal-cycles/${cycle.id}`;
    expect((await s.director.patch(url, { name: '2026 全年' })).statusCode).toBe(428);
    const res = await s.director.patch(url, { name: '2026 全年', quantitativeWeight: 80 }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '2026 全年', quantitativeWeight: 80, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    expect((await s.director.patch(url, { name: 'stale', version: 1 })).statusCode).toBe(409);
    const bad = await s.director.patch(url, { gradeBands: [{ grade: 'S', min: 90 }], version: 2 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('gradeBands');
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=appraisal_cycle&entityId=${cycle.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', changes: { name: { before: '2026 年度', after: '2026 全年' } } });
  });
});

describe('closing a cycle', () => {
  it('locks its submitted reviews (drafts stay drafts) and then refuses every change (409)', async () => {
    const cycle = (await s.director.post('/api/v1/appraisal-cycles', { name: '2026 三季度', period: '2026-Q3' })).json();
    const all = [
      { key: 'managerRating', score: 4 },
      { key: 'customerFeedback', score: 5 },
      { key: 'teamwork', score: 3 },
    ];
    const manager = (
      await s.eastManager.post('/api/v1/reviews', { cycleId: cycle.id, repId: s.eastRep.userId, kind: 'manager', ratings: all })
    ).json();
    const submitted = await s.eastManager.post(`/api/v1/reviews/${manager.id}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const draft = (await s.eastRep.post('/api/v1/reviews', { cycleId: cycle.id, repId: s.eastRep.userId, kind: 'self' })).json();

    const closed = await s.director.patch(`/api/v1/appraisal-cycles/${cycle.id}`, { status: 'closed', version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
    const locked = (await s.director.get(`/api/v1/reviews/${manager.id}`)).json();
    expect(locked).toMatchObject({ status: 'locked', version: 3, lockedAt: t.clock.now().toISOString() });
    expect((await s.eastRep.get(`/api/v1/reviews/${draft.id}`)).json()).toMatchObject({ status: 'draft', version: 1 });
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=review&entityId=${manager.id}`)).json().data;
    expect(audit[0].changes.status).toEqual({ before: 'submitted', after: 'locked' });

    const reopen = await s.director.patch(`/api/v1/appraisal-cycles/${cycle.id}`, { status: 'open', version: 2 });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({ code: 'cycle_closed', errors: [{ path: 'status' }] });
    expect((await s.director.patch(`/api/v1/appraisal-cycles/${cycle.id}`, { name: 'renamed', version: 2 })).statusCode).toBe(409);
    const edit = await s.eastRep.patch(`/api/v1/reviews/${draft.id}`, { comment: 'late', version: 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'cycle_closed', errors: [{ path: 'cycleId' }] });
    expect((await s.eastRep.post(`/api/v1/reviews/${draft.id}/submit`, { version: 1 })).statusCode).toBe(409);
    expect((await s.director.post(`/api/v1/reviews/${manager.id}/lock`, { version: 3 })).statusCode).toBe(409);
    const create = await s.westManager.post('/api/v1/reviews', { cycleId: cycle.id, repId: s.westRep.userId, kind: 'manager' });
    expect(create.statusCode).toBe(409);
    expect(create.json().errors[0].path).toBe('cycleId');
  });
});
