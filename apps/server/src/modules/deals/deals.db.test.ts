import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
let rep: Caller;
let otherRep: Caller;
let viewer: Caller;
let pipelines: { id: string; processType: string; stages: { id: string; key: string; kind: string }[] }[];
const stage = (type: string, key: string) => pipelines.find((p) => p.processType === type)!.stages.find((s) => s.key === key)!.id;
const pipeline = (type: string) => pipelines.find((p) => p.processType === type)!.id;
let customer: { id: string };
let buyer: { id: string };
let _boss: { id: string };

beforeAll(async () => {
  const team = (await acme.admin.post('/api/v1/teams', { name: 'Deals team' })).json();
  rep = await seedUser(t, acme.orgId, 'rep', { teamId: team.id });
  otherRep = await seedUser(t, acme.orgId, 'rep');
  viewer = await seedUser(t, acme.orgId, 'viewer');
  pipelines = (await rep.get('/api/v1/pipelines')).json().data;
  customer = (await rep.post('/api/v1/customers', { name: 'Deal Customer', externalId: 'DC-1' })).json();
  buyer = (await rep.post('/api/v1/contacts', { customerId: customer.id, name: 'Economic Buyer' })).json();
  _boss = (await rep.post('/api/v1/contacts', { customerId: customer.id, name: 'Decision Maker' })).json();
});

describe('pipelines and deals', () => {
  it('has the three built-in pipelines with stages, probabilities and gates', () => {
    expect(pipelines.map((p) => p.processType)).toEqual(['short', 'long', 'project']);
    const long = pipelines[1] as unknown as { stages: { key: string; probability: number; gate: object }[] };
    expect(long.stages.find((s) => s.key === 'proposal')).toMatchObject({
      probability: 60,
      gate: { requiredContactRoles: ['economic_buyer'] },
    });
  });

  it('creates a deal in the first open stage with the stage’s default probability', async () => {
    const res = await rep.post('/api/v1/deals', { name: 'ERP rollout', pipelineId: pipeline('long'), customerId: customer.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      stageId: stage('long', 'discovery'),
      probability: 10,
      probabilityOverridden: false,
      ownerId: rep.userId,
      closedAt: null,
    });
  });

  it('refuses to move past a gate, naming every missing item, and moves once they are there', async () => {
    const deal = (await rep.post('/api/v1/deals', { name: 'Gated', pipelineId: pipeline('long'), customerId: customer.id })).json();
    const refused = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('long', 'proposal'), version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['amount', 'contacts.economic_buyer']);
    expect((await rep.get(`/api/v1/deals/${deal.id}`)).json()).toMatchObject({ stageId: stage('long', 'discovery'), version: 1 });

    await rep.patch(`/api/v1/deals/${deal.id}`, { amount: 120000, version: 1 });
    expect(
      (await rep.put(`/api/v1/deals/${deal.id}/contacts`, { contacts: [{ contactId: buyer.id, role: 'economic_buyer' }] })).statusCode,
    ).toBe(200);
    const moved = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('long', 'proposal'), version: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ probability: 60, amount: '120000.00' });
  });

  it('closes won with closedAt and cycle days; lost needs a loss reason; history has every visit', async () => {
    const deal = (await rep.post('/api/v1/deals', { name: 'Quick', pipelineId: pipeline('short'), amount: '5000' })).json();
    t.clock.advance(3 * 86_400_000);
    const won = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'won'), version: 1 });
    expect(won.json()).toMatchObject({ forecastCategory: 'closed', cycleDays: 3 });
    expect(won.json().closedAt).not.toBeNull();
    const reopened = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'negotiate'), version: 2 });
    expect(reopened.statusCode).toBe(422); // negotiate needs an expected close date
    const noReason = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'lost'), version: 2 });
    expect(noReason.json().errors[0].path).toBe('lossReason');
    const lost = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'lost'), lossReason: 'price', version: 2 });
    expect(lost.json()).toMatchObject({ lossReason: 'price', forecastCategory: 'omitted' });
    const detail = (await rep.get(`/api/v1/deals/${deal.id}`)).json();
    expect(detail.stageHistory.map((h: { stageId: string }) => h.stageId)).toEqual([
      stage('short', 'qualify'),
      stage('short', 'won'),
      stage('short', 'lost'),
    ]);
    expect(detail.stageHistory[0].days).toBe(3);
    expect(detail.stageHistory[2].leftAt).toBeNull();
  });

  it('gates the project Contract stage on milestones done', async () => {
    const deal = (
      await rep.post('/api/v1/deals', {
        name: 'Project',
        pipelineId: pipeline('project'),
        customerId: customer.id,
        amount: 1e6,
        expectedCloseDate: '2026-12-31',
      })
    ).json();
    const m = (await rep.post(`/api/v1/deals/${deal.id}/milestones`, { name: 'PoC', dueDate: '2026-03-01' })).json();
    await rep.post(`/api/v1/deals/${deal.id}/tasks`, { title: 'Security review', department: 'IT' });
    const refused = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('project', 'contract'), version: 1 });
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['milestones.PoC']);
    await rep.patch(`/api/v1/deals/${deal.id}/milestones/${m.id}`, { status: 'done', version: 1 });
    expect((await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('project', 'contract'), version: 1 })).statusCode).toBe(200);
    const detail = (await rep.get(`/api/v1/deals/${deal.id}`)).json();
    expect(detail.tasks).toMatchObject([{ title: 'Security review', department: 'IT', status: 'open' }]);
  });

  it('refuses a stale move with 409 and a contact of another customer with 422', async () => {
    const deal = (await rep.post('/api/v1/deals', { name: 'Stale', pipelineId: pipeline('short') })).json();
    expect(
      (await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'lost'), lossReason: 'x', version: 7 })).statusCode,
    ).toBe(409);
    const other = (await rep.post('/api/v1/customers', { name: 'Other' })).json();
    const c = (await rep.post('/api/v1/contacts', { customerId: other.id, name: 'Stranger' })).json();
    const bad = await rep.post('/api/v1/deals', {
      name: 'Mixed',
      pipelineId: pipeline('long'),
      customerId: customer.id,
      contacts: [{ contactId: c.id, role: 'user' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('contacts.0.contactId');
  });

  it('keeps deals to their owner’s scope; viewers read only; other orgs see nothing', async () => {
    const deal = (await rep.post('/api/v1/deals', { name: 'Private', pipelineId: pipeline('short') })).json();
    expect((await otherRep.get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await otherRep.get('/api/v1/deals?q=Private')).json().data).toEqual([]);
    expect((await otherRep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('short', 'quote'), version: 1 })).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/v1/deals/${deal.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await globex.admin.get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await globex.admin.post(`/api/v1/deals/${deal.id}/milestones`, { name: 'x' })).statusCode).toBe(404);
    expect((await rep.post('/api/v1/deals', { name: 'Theirs', pipelineId: pipeline('short'), ownerId: otherRep.userId })).statusCode).toBe(
      422,
    );
    expect(
      (
        await rep.post('/api/v1/deals', {
          name: 'Foreign pipeline',
          pipelineId: (await globex.admin.get('/api/v1/pipelines')).json().data[0].id,
        })
      ).statusCode,
    ).toBe(422);
  });

  it('migrates deals in any stage with their dates, all or nothing', async () => {
    const bad = await acme.admin.post('/api/v1/deals/batch', {
      records: [
        {
          name: 'Old win',
          processType: 'short',
          stageKey: 'won',
          amount: 100,
          ownerEmail: 'nobody@x.test',
          createdAt: '2025-01-01T00:00:00Z',
          closedAt: '2025-02-01T00:00:00Z',
        },
        { name: 'Bad close', processType: 'short', stageKey: 'qualify', closedAt: '2025-02-01T00:00:00Z' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['records.0.ownerEmail', 'records.1.closedAt']);
    const me = (await rep.get('/api/v1/auth/me')).json().user.email;
    const ok = await acme.admin.post('/api/v1/deals/batch', {
      records: [
        {
          name: 'Old win',
          processType: 'short',
          stageKey: 'won',
          amount: 100,
          ownerEmail: me,
          customerExternalId: 'DC-1',
          createdAt: '2025-01-01T00:00:00Z',
          closedAt: '2025-02-01T00:00:00Z',
        },
      ],
    });
    expect(ok.json().created).toBe(1);
    const migrated = (await rep.get(`/api/v1/deals/${ok.json().ids[0]}`)).json();
    expect(migrated).toMatchObject({ cycleDays: 31, forecastCategory: 'closed', customerId: customer.id });
  });

  it('lets an admin edit stages but not remove one with deals in it', async () => {
    const short = pipelines[0] as unknown as {
      id: string;
      stages: { id: string; key: string; nameZh: string; nameEn: string; probability: number; kind: string; gate: object }[];
    };
    const keep = short.stages.map(({ id, key, nameZh, nameEn, probability, kind, gate }) => ({
      id,
      key,
      nameZh,
      nameEn,
      probability,
      kind,
      gate,
    }));
    const withoutQualify = keep.filter((s) => s.key !== 'qualify');
    const refused = await acme.admin.put(`/api/v1/pipelines/${short.id}/stages`, { stages: withoutQualify });
    expect(refused.statusCode).toBe(422);
    const renamed = await acme.admin.put(`/api/v1/pipelines/${short.id}/stages`, {
      stages: [
        { key: 'lead_in', nameZh: '线索', nameEn: 'Lead in', probability: 5, kind: 'open' },
        ...keep.map((s) => (s.key === 'quote' ? { ...s, probability: 55 } : s)),
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().stages.map((s: { key: string }) => s.key)).toEqual(['lead_in', 'qualify', 'quote', 'negotiate', 'won', 'lost']);
    expect((await rep.put(`/api/v1/pipelines/${short.id}/stages`, { stages: keep })).statusCode).toBe(403);
  });
});

describe('rep performance', () => {
  it('counts only what the caller may see', async () => {
    const q = '/api/v1/analytics/rep-performance?from=2024-01-01T00:00:00Z&to=2030-01-01T00:00:00Z';
    const mine = (await rep.get(q)).json().data;
    expect(mine.map((r: { key: string }) => r.key)).toEqual([rep.userId]);
    expect((await otherRep.get(q)).json().data).toEqual([]);
    expect((await globex.admin.get(q)).json().data).toEqual([]);
    const all = (await acme.admin.get(q)).json().data;
    expect(all.find((r: { key: string }) => r.key === rep.userId)).toEqual(mine[0]);
    expect((await rep.get('/api/v1/analytics/rep-performance?from=bad&to=2030-01-01T00:00:00Z')).json().errors[0].path).toBe('from');
  });
});
