import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { leadScoringRules, leads } from './leads.table.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme Leads');
const globex = await seedOrg(t, 'Globex Leads');
let rep: Caller;
let otherRep: Caller;
let manager: Caller;
let viewer: Caller;
let outsider: Caller;

const RULES = [
  { kind: 'field', label: 'Referral', field: 'source', operator: 'equals', value: 'referral', points: 30 },
  { kind: 'field', label: 'Target industry', field: 'industry', operator: 'in', value: ['Energy', 'Manufacturing'], points: 25 },
  { kind: 'field', label: 'Has phone', field: 'phone', operator: 'present', points: 10 },
  { kind: 'activity', label: 'Visited', activityKind: 'visit', points: 20 },
];
const auditOf = async (entityId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, acme.orgId), eq(auditLog.entityId, entityId)));

beforeAll(async () => {
  const team = (await acme.admin.post('/api/v1/teams', { name: 'Lead team' })).json();
  rep = await seedUser(t, acme.orgId, 'rep', { teamId: team.id });
  otherRep = await seedUser(t, acme.orgId, 'rep');
  manager = await seedUser(t, acme.orgId, 'manager', { teamId: team.id });
  viewer = await seedUser(t, acme.orgId, 'viewer');
  outsider = await seedUser(t, globex.orgId, 'rep');
  const put = await acme.admin.put('/api/v1/lead-scoring-rules', { rules: RULES });
  expect(put.statusCode, put.body).toBe(200);
});

describe('lead capture and duplicates', () => {
  it('creates a lead owned by the caller, scored by the rules with its breakdown', async () => {
    const res = await rep.post('/api/v1/leads', { name: 'Wang Fang', source: 'Referral', industry: 'energy', phone: '138 0000 0001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ownerId: rep.userId,
      status: 'new',
      score: 65,
      scoreBreakdown: [
        { label: 'Referral', points: 30 },
        { label: 'Target industry', points: 25 },
        { label: 'Has phone', points: 10 },
      ],
      duplicates: [],
    });
  });

  it('returns duplicates by normalised email, phone and company — leads and customers — without refusing', async () => {
    const first = (
      await rep.post('/api/v1/leads', { name: 'Li Lei', email: 'Li.Lei@Acme-Steel.cn', company: '鞍山钢铁集团有限公司' })
    ).json();
    const theirs = (await otherRep.post('/api/v1/leads', { name: 'Li L.', phone: '+86 139-0000-0002' })).json();
    const customer = (
      await rep.post('/api/v1/customers', { name: 'Anshan Steel', email: 'li.lei@acme-steel.cn', phone: '8613900000002' })
    ).json();
    const res = await rep.post('/api/v1/leads', {
      name: 'Lei Li',
      email: 'LI.LEI@acme-steel.CN',
      phone: '13900000002',
      company: '鞍山钢铁 集团',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().duplicates).toEqual([
      { entity: 'lead', id: first.id, matchedOn: ['email', 'company'], visible: true },
      // another rep's lead: named, so two reps do not work one person unknowingly, but not shown
      { entity: 'lead', id: theirs.id, matchedOn: ['phone'], visible: false },
      { entity: 'customer', id: customer.id, matchedOn: ['email', 'phone'], visible: true },
    ]);
    const again = await rep.get(`/api/v1/leads/${res.json().id}/duplicates`);
    expect(again.json().data).toEqual(res.json().duplicates);
    expect((await rep.get(`/api/v1/leads/${theirs.id}`)).statusCode).toBe(404);
  });

  it('does not count deleted or merged leads, nor other organisations’, as duplicates', async () => {
    await outsider.post('/api/v1/leads', { name: 'X', email: 'solo@unique.cn' });
    const gone = (await rep.post('/api/v1/leads', { name: 'Y', email: 'solo@unique.cn' })).json();
    expect((await rep.delete(`/api/v1/leads/${gone.id}?version=1`)).statusCode).toBe(200);
    expect((await rep.post('/api/v1/leads', { name: 'Z', email: 'solo@unique.cn' })).json().duplicates).toEqual([]);
  });
});

describe('lead list', () => {
  it('filters by status, source, owner and text, and sorts by score with a stable cursor', async () => {
    for (const [name, source] of [
      ['Sort A', 'referral'],
      ['Sort B', 'web'],
      ['Sort C', 'referral'],
    ])
      await manager.post('/api/v1/leads', { name, source, phone: name === 'Sort C' ? '13800009999' : undefined, status: 'working' });
    const list = (url: string) => manager.get(url).then((r) => r.json());
    const page1 = await list('/api/v1/leads?q=Sort&sort=-score&limit=2');
    expect(page1.data.map((l: { name: string; score: number }) => [l.name, l.score])).toEqual([
      ['Sort C', 40],
      ['Sort A', 30],
    ]);
    const page2 = await list(`/api/v1/leads?q=Sort&sort=-score&limit=2&cursor=${page1.nextCursor}`);
    expect(page2.data.map((l: { name: string }) => l.name)).toEqual(['Sort B']);
    expect(page2.nextCursor).toBeNull();
    expect((await list('/api/v1/leads?q=sort&source=web')).data).toHaveLength(1);
    expect((await list(`/api/v1/leads?status=working&ownerId=${manager.userId}`)).data).toHaveLength(3);
    expect((await rep.get('/api/v1/leads?q=Sort')).json().data).toEqual([]); // not the rep's
    expect((await manager.get('/api/v1/leads?sort=bogus')).statusCode).toBe(400);
  });
});

describe('lead changes', () => {
  it('recomputes keys and score on change; a rep may not reassign; versions guard edits', async () => {
    const lead = (await rep.post('/api/v1/leads', { name: 'Change me' })).json();
    const res = await rep.patch(`/api/v1/leads/${lead.id}`, { source: 'Referral', phone: '+86 137 0000 0003', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ score: 40, version: 2 });
    const [row] = await t.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row.phoneKey).toBe('13700000003');
    expect((await rep.patch(`/api/v1/leads/${lead.id}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await rep.patch(`/api/v1/leads/${lead.id}`, { ownerId: otherRep.userId, version: 2 })).statusCode).toBe(403);
    expect((await rep.patch(`/api/v1/leads/${lead.id}`, { status: 'converted', version: 2 })).statusCode).toBe(400);
  });

  it('hides a lead from other reps (404), other organisations (404) and refuses viewers’ writes (403)', async () => {
    const lead = (await rep.post('/api/v1/leads', { name: 'Private' })).json();
    expect((await otherRep.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await otherRep.patch(`/api/v1/leads/${lead.id}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(200); // the rep's team
    expect((await viewer.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(200);
    expect((await viewer.post('/api/v1/leads', { name: 'Nope' })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/v1/leads/${lead.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const before = await t.db.select().from(leads).where(eq(leads.orgId, acme.orgId));
    const bad = await rep.post('/api/v1/leads', { name: 'Bad', email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('email');
    const unassigned = await rep.post('/api/v1/leads', { name: 'Nobody', ownerId: null });
    expect(unassigned.statusCode).toBe(422);
    expect(unassigned.json().errors[0].path).toBe('ownerId');
    const foreignOwner = await manager.post('/api/v1/leads', { name: 'Elsewhere', ownerId: otherRep.userId });
    expect(foreignOwner.json().errors[0]).toMatchObject({ path: 'ownerId', message: 'not a member of your teams' });
    expect(await t.db.select().from(leads).where(eq(leads.orgId, acme.orgId))).toHaveLength(before.length);
  });

  it('soft-deletes and restores, audited', async () => {
    const lead = (await rep.post('/api/v1/leads', { name: 'Bin me', externalId: 'L-BIN' })).json();
    expect((await rep.delete(`/api/v1/leads/${lead.id}?version=1`)).json().deletedAt).not.toBeNull();
    expect((await rep.get('/api/v1/leads?q=Bin me')).json().data).toEqual([]);
    expect((await rep.get('/api/v1/leads?q=Bin me&deleted=only')).json().data).toHaveLength(1);
    expect((await rep.post(`/api/v1/leads/${lead.id}/restore`, { version: 2 })).json().deletedAt).toBeNull();
    expect((await auditOf(lead.id)).map((a) => a.action).sort()).toEqual(['create', 'delete', 'restore']);
    expect((await rep.post('/api/v1/leads', { name: 'Twin', externalId: 'L-BIN' })).statusCode).toBe(409);
  });
});

describe('merging duplicates', () => {
  it('fills the kept lead’s empty fields, marks the other merged, and audits both', async () => {
    const kept = (await rep.post('/api/v1/leads', { name: 'Zhao Min', email: 'zhao@min.cn' })).json();
    const dup = (
      await rep.post('/api/v1/leads', { name: 'Zhao M', email: 'other@min.cn', phone: '13600000004', industry: 'Energy' })
    ).json();
    const res = await rep.post(`/api/v1/leads/${dup.id}/merge`, { intoId: kept.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kept).toMatchObject({ email: 'zhao@min.cn', phone: '13600000004', industry: 'Energy', score: 35, version: 2 });
    expect(res.json().merged).toMatchObject({ status: 'merged', mergedIntoId: kept.id });
    expect((await auditOf(kept.id)).map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await auditOf(dup.id)).find((a) => a.action === 'update')?.changes).toMatchObject({
      status: { before: 'new', after: 'merged' },
    });
    // merged leads are history: no longer duplicates, no longer editable or mergeable
    expect((await rep.post('/api/v1/leads', { name: 'Third', email: 'other@min.cn' })).json().duplicates).toEqual([]);
    expect((await rep.patch(`/api/v1/leads/${dup.id}`, { name: 'x', version: 2 })).statusCode).toBe(422);
    expect((await rep.post(`/api/v1/leads/${kept.id}/merge`, { intoId: dup.id, version: 2 })).json().errors[0].path).toBe('intoId');
  });

  it('refuses a merge into a lead the caller may not change, and into itself', async () => {
    const mine = (await rep.post('/api/v1/leads', { name: 'Mine' })).json();
    const theirs = (await otherRep.post('/api/v1/leads', { name: 'Theirs' })).json();
    const foreign = (await outsider.post('/api/v1/leads', { name: 'Foreign' })).json();
    for (const intoId of [theirs.id, foreign.id, mine.id]) {
      const res = await rep.post(`/api/v1/leads/${mine.id}/merge`, { intoId, version: 1 });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].path).toBe('intoId');
    }
    expect((await rep.get(`/api/v1/leads/${mine.id}`)).json()).toMatchObject({ status: 'new', version: 1 });
  });
});

describe('scoring rules', () => {
  it('are read and written by admins and directors only', async () => {
    expect((await rep.get('/api/v1/lead-scoring-rules')).statusCode).toBe(403);
    expect((await manager.put('/api/v1/lead-scoring-rules', { rules: [] })).statusCode).toBe(403);
    expect((await outsider.get('/api/v1/lead-scoring-rules')).statusCode).toBe(403);
    const director = await seedUser(t, acme.orgId, 'director');
    const read = (await director.get('/api/v1/lead-scoring-rules')).json();
    expect(read.data.map((r: { label: string; position: number }) => [r.label, r.position])).toEqual([
      ['Referral', 1],
      ['Target industry', 2],
      ['Has phone', 3],
      ['Visited', 4],
    ]);
  });

  it('refuse a value that does not fit the operator, naming it, and change nothing', async () => {
    const res = await acme.admin.put('/api/v1/lead-scoring-rules', {
      rules: [...RULES, { kind: 'field', label: 'Bad', field: 'source', operator: 'in', value: 'web', points: 5 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'rules.4.value', message: 'in needs a list of values' }]);
    const unknownField = await acme.admin.put('/api/v1/lead-scoring-rules', {
      rules: [{ kind: 'field', label: 'Bad', field: 'status', operator: 'present', points: 5 }],
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].path).toBe('rules.0.field');
    expect(await t.db.select().from(leadScoringRules).where(eq(leadScoringRules.orgId, acme.orgId))).toHaveLength(4);
  });

  it('rescore every open lead when they change, and leave other organisations alone', async () => {
    const lead = (await rep.post('/api/v1/leads', { name: 'Rescore', source: 'web', industry: 'Retail' })).json();
    const foreign = (await outsider.post('/api/v1/leads', { name: 'Foreign', source: 'web' })).json();
    expect(lead.score).toBe(0);
    const res = await acme.admin.put('/api/v1/lead-scoring-rules', {
      rules: [
        { kind: 'field', label: 'Web', field: 'source', operator: 'equals', value: 'WEB', points: 15 },
        { kind: 'field', label: 'Retail', field: 'industry', operator: 'contains', value: 'tail', points: 90 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rescored).toBeGreaterThan(0);
    const after = (await rep.get(`/api/v1/leads/${lead.id}`)).json();
    expect(after).toMatchObject({ score: 100, version: 1 }); // 105 clamped; a derived score does not bump the version
    expect(after.scoreBreakdown.map((b: { points: number }) => b.points)).toEqual([15, 90]);
    expect((await outsider.get(`/api/v1/leads/${foreign.id}`)).json().score).toBe(0);
    await acme.admin.put('/api/v1/lead-scoring-rules', { rules: RULES });
    expect((await rep.get(`/api/v1/leads/${lead.id}`)).json().score).toBe(0);
  });
});
