import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { assignmentLog, assignmentRules } from './assignment.table.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme Assign');
const globex = await seedOrg(t, 'Globex Assign');
let director: Caller;
let manager: Caller;
let j1: Caller;
let j2: Caller;
let m1: Caller;
let s1: Caller;
let s2: Caller;
let outsider: Caller;
let level: Record<string, string>;
let tier: Record<string, string>;
let shortPipeline: string;
let projectPipeline: string;

const ruleCount = async () => (await t.db.select({ n: count() }).from(assignmentRules).where(eq(assignmentRules.orgId, acme.orgId)))[0].n;
const logCount = async () => (await t.db.select({ n: count() }).from(assignmentLog).where(eq(assignmentLog.orgId, acme.orgId)))[0].n;
const openDealsOf = async (userId: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(deals)
      .where(and(eq(deals.orgId, acme.orgId), eq(deals.ownerId, userId)))
  )[0].n;
/** Sets a level's capacity through the admin API, as an admin would. */
async function setCapacity(key: string, maxOpenDeals: number | null, maxCustomers: number | null = null) {
  const lv = (await acme.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === key);
  const res = await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals, maxCustomers, version: lv.version });
  expect(res.statusCode, res.body).toBe(200);
}
const newDeal = async (pipelineId: string, amount = 1000) =>
  (await acme.admin.post('/api/v1/deals', { name: 'Routed', pipelineId, amount })).json();
const assign = (who: Caller, entity: string, id: string) => who.post(`/api/v1/assignments/${entity}/${id}/assign`);

beforeAll(async () => {
  level = Object.fromEntries((await acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]));
  tier = Object.fromEntries((await acme.admin.get('/api/v1/tiers')).json().data.map((x: { key: string; id: string }) => [x.key, x.id]));
  const east = (await acme.admin.post('/api/v1/teams', { name: 'East' })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West' })).json();
  director = await seedUser(t, acme.orgId, 'director');
  manager = await seedUser(t, acme.orgId, 'manager', { teamId: east.id });
  j1 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: level.junior });
  j2 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: level.junior });
  m1 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: level.mid });
  s1 = await seedUser(t, acme.orgId, 'rep', { teamId: west.id, levelId: level.senior });
  s2 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: level.senior });
  expect((await s2.put('/api/v1/users/me/availability', { available: false })).json()).toMatchObject({ available: false }); // away
  outsider = await seedUser(t, globex.orgId, 'rep');
  const pipelines = (await acme.admin.get('/api/v1/pipelines')).json().data as { id: string; processType: string }[];
  shortPipeline = pipelines.find((p) => p.processType === 'short')!.id;
  projectPipeline = pipelines.find((p) => p.processType === 'project')!.id;
});

describe('assignment rules', () => {
  it('installs the defaults on first use, once, in order within each entity', async () => {
    expect(await ruleCount()).toBe(0);
    const first = (await j1.get('/api/v1/assignment-rules')).json().data;
    expect(first.map((r: { entity: string; position: number; name: string }) => `${r.entity} ${r.position} ${r.name}`)).toEqual([
      'customer 1 KA customers → senior',
      'customer 2 SMB customers → junior or mid',
      'customer 3 Other customers (VIP) → mid or senior',
      'deal 1 Project deals → senior',
      'deal 2 Long-cycle deals → mid or senior',
      'deal 3 Short-cycle deals → junior or mid',
      'lead 1 Leads → junior or mid',
    ]);
    expect(first[0]).toMatchObject({ conditions: { tierIds: [tier.ka] }, eligibleLevelIds: [level.senior], strategy: 'least_loaded' });
    expect((await director.get('/api/v1/assignment-rules?entity=deal')).json().data).toHaveLength(3);
    expect(await ruleCount()).toBe(7);
  });

  it('are written by admins and directors only; other organisations never see them', async () => {
    const rule = (await director.get('/api/v1/assignment-rules?entity=lead')).json().data[0];
    const body = { entity: 'lead', name: 'x', eligibleLevelIds: [level.mid], strategy: 'round_robin' };
    for (const who of [j1, manager]) {
      expect((await who.post('/api/v1/assignment-rules', body)).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/assignment-rules/${rule.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/assignment-rules/${rule.id}?version=1`)).statusCode).toBe(403);
      expect((await who.put('/api/v1/assignment-rules/order', { entity: 'lead', ids: [rule.id] })).statusCode).toBe(403);
      expect((await who.post('/api/v1/assignment-rules/defaults', { replace: true })).statusCode).toBe(403);
    }
    expect((await globex.admin.get(`/api/v1/assignment-rules/${rule.id}`)).statusCode).toBe(404);
    expect((await globex.admin.patch(`/api/v1/assignment-rules/${rule.id}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect(await ruleCount()).toBe(7);
  });

  it('refuse bad rules naming the field, writing nothing', async () => {
    const cases: [object, number, string][] = [
      [{ entity: 'deal', name: 'x', eligibleLevelIds: [globex.orgId], strategy: 'round_robin' }, 422, 'eligibleLevelIds.0'],
      [
        { entity: 'customer', name: 'x', conditions: { processTypes: ['long'] }, eligibleLevelIds: [level.mid], strategy: 'round_robin' },
        422,
        'conditions.processTypes',
      ],
      [
        { entity: 'lead', name: 'x', conditions: { tierIds: [tier.ka] }, eligibleLevelIds: [level.mid], strategy: 'round_robin' },
        422,
        'conditions.tierIds',
      ],
      [
        {
          entity: 'deal',
          name: 'x',
          conditions: { minAmount: '500', maxAmount: 499.99 },
          eligibleLevelIds: [level.mid],
          strategy: 'round_robin',
        },
        422,
        'conditions.maxAmount',
      ],
      [{ entity: 'deal', name: 'x', strategy: 'round_robin' }, 422, 'eligibleLevelIds'],
      [{ entity: 'deal', name: 'x', eligibleLevelIds: [level.mid], strategy: 'random' }, 400, 'strategy'],
      [
        { entity: 'deal', name: 'x', conditions: { minAmount: '-5' }, eligibleLevelIds: [level.mid], strategy: 'round_robin' },
        400,
        'conditions.minAmount',
      ],
    ];
    for (const [body, status, path] of cases) {
      const res = await director.post('/api/v1/assignment-rules', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await ruleCount()).toBe(7);
  });

  it('are added at a position, edited with a version, reordered and deleted, keeping positions 1..n', async () => {
    const big = await director.post('/api/v1/assignment-rules', {
      entity: 'deal',
      name: 'Big deals → senior',
      conditions: { minAmount: 1_000_000 },
      eligibleLevelIds: [level.senior],
      strategy: 'least_loaded',
      position: 1,
    });
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json()).toMatchObject({ position: 1, conditions: { minAmount: '1000000.00' } });
    const ids = () => director.get('/api/v1/assignment-rules?entity=deal').then((r) => r.json().data.map((x: { id: string }) => x.id));
    const order = await ids();
    expect(order[0]).toBe(big.json().id);
    expect((await director.patch(`/api/v1/assignment-rules/${big.json().id}`, { active: false, version: 2 })).statusCode).toBe(409);
    expect((await director.patch(`/api/v1/assignment-rules/${big.json().id}`, { active: false, version: 1 })).json()).toMatchObject({
      active: false,
      version: 2,
    });
    const partial = await director.put('/api/v1/assignment-rules/order', { entity: 'deal', ids: order.slice(1) });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().errors[0].path).toBe('ids');
    const reversed = [...order].reverse();
    const res = await director.put('/api/v1/assignment-rules/order', { entity: 'deal', ids: reversed });
    expect(res.json().data.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect((await director.delete(`/api/v1/assignment-rules/${big.json().id}?version=2`)).statusCode).toBe(204);
    expect((await director.get('/api/v1/assignment-rules?entity=deal')).json().data.map((r: { position: number }) => r.position)).toEqual([
      1, 2, 3,
    ]);
  });

  it('can lose its last rule of an entity (and then be given the defaults again)', async () => {
    const leadRules = (await director.get('/api/v1/assignment-rules?entity=lead')).json().data as { id: string; version: number }[];
    for (const r of leadRules)
      expect((await director.delete(`/api/v1/assignment-rules/${r.id}?version=${r.version}`)).statusCode).toBe(204);
    expect((await director.get('/api/v1/assignment-rules?entity=lead')).json().data).toEqual([]);
  });

  it('can be reset to the defaults, but not over existing rules without replace', async () => {
    expect((await director.post('/api/v1/assignment-rules/defaults', {})).statusCode).toBe(409);
    const res = await director.post('/api/v1/assignment-rules/defaults', { replace: true });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .data.filter((r: { entity: string }) => r.entity === 'deal')
        .map((r: { name: string }) => r.name),
    ).toEqual(['Project deals → senior', 'Long-cycle deals → mid or senior', 'Short-cycle deals → junior or mid']);
  });
});

describe('assigning records', () => {
  it('round-robins short deals over junior and mid reps in user-id order, never past capacity, then says why not', async () => {
    await setCapacity('junior', 2);
    await setCapacity('mid', 2);
    const turn = [j1, j2, m1].map((c) => c.userId as string).sort();
    const chosen: (string | null)[] = [];
    let last: { unassignedReason: string | null; explanation: { candidates: { userId: string; passedOver?: string }[] } } | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await assign(director, 'deal', (await newDeal(shortPipeline)).id);
      expect(res.statusCode, res.body).toBe(200);
      last = res.json();
      chosen.push(res.json().ownerId);
    }
    expect(chosen).toEqual([...turn, ...turn, null]);
    for (const id of turn) expect(await openDealsOf(id)).toBe(2);
    const reasons = Object.fromEntries(last!.explanation.candidates.map((c) => [c.userId, c.passedOver]));
    expect(reasons).toEqual({
      [j1.userId as string]: 'at_capacity',
      [j2.userId as string]: 'at_capacity',
      [m1.userId as string]: 'at_capacity',
      [s1.userId as string]: 'wrong_level',
      [s2.userId as string]: 'wrong_level',
    });
    expect(last!.unassignedReason).toBe('no eligible rep under rule "Short-cycle deals → junior or mid" (3 at capacity, 2 wrong level)');
  });

  it('gives a project deal to an available senior, explains it, and shows the explanation to those who see the deal', async () => {
    const deal = await newDeal(projectPipeline, 2_000_000);
    const res = (await assign(director, 'deal', deal.id)).json();
    expect(res).toMatchObject({
      assigned: true,
      ownerId: s1.userId,
      explanation: { ruleName: 'Project deals → senior', matched: ['process type project'], strategy: 'least_loaded' },
    });
    const why = Object.fromEntries(
      res.explanation.candidates.map((c: { userId: string; passedOver?: string }) => [c.userId, c.passedOver ?? 'chosen']),
    );
    expect(why).toMatchObject({ [s1.userId as string]: 'chosen', [s2.userId as string]: 'away', [j1.userId as string]: 'wrong_level' });
    expect((await acme.admin.get(`/api/v1/deals/${deal.id}`)).json()).toMatchObject({ ownerId: s1.userId, version: 2 });
    expect((await s1.get(`/api/v1/assignments/deal/${deal.id}/explain`)).json()).toEqual(res);
    expect((await j1.get(`/api/v1/assignments/deal/${deal.id}/explain`)).statusCode).toBe(404); // not j1's deal
    expect((await outsider.get(`/api/v1/assignments/deal/${deal.id}/explain`)).statusCode).toBe(404);
  });

  it('routes a KA pool customer to a senior; a manager stays within their teams and gets the reason when nobody fits', async () => {
    const customer = (await acme.admin.post('/api/v1/customers', { name: 'Big Account', tierId: tier.ka, ownerId: null })).json();
    const byManager = await assign(manager, 'customer', customer.id);
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json()).toMatchObject({ assigned: false, ownerId: null });
    const why = Object.fromEntries(
      byManager.json().explanation.candidates.map((c: { userId: string; passedOver: string }) => [c.userId, c.passedOver]),
    );
    expect(why[s1.userId as string]).toBe('outside_your_teams'); // West
    expect(why[s2.userId as string]).toBe('away');
    expect((await acme.admin.get(`/api/v1/customers/${customer.id}`)).json().ownerId).toBeNull();
    const byAdmin = (await assign(acme.admin, 'customer', customer.id)).json();
    expect(byAdmin).toMatchObject({ assigned: true, ownerId: s1.userId, explanation: { matched: ['tier Key account'] } });
    expect((await s1.get(`/api/v1/customers/${customer.id}`)).json()).toMatchObject({ ownerId: s1.userId });
  });

  it('routes an unassigned lead to a junior or mid rep and records the log', async () => {
    const lead = (await manager.post('/api/v1/leads', { name: 'Inbound', ownerId: null })).json();
    const logs = await logCount();
    const res = (await assign(manager, 'lead', lead.id)).json();
    expect(res.assigned).toBe(true);
    expect([j1.userId, j2.userId, m1.userId]).toContain(res.ownerId);
    expect((await manager.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({ ownerId: res.ownerId, version: 2 });
    expect(await logCount()).toBe(logs + 1);
  });

  it('is refused to reps (403), outside the caller’s scope or organisation (404), and on bad input (400)', async () => {
    const deal = await newDeal(shortPipeline);
    const logs = await logCount();
    expect((await assign(j1, 'deal', deal.id)).statusCode).toBe(403);
    const westDeal = (await acme.admin.post('/api/v1/deals', { name: 'West', pipelineId: shortPipeline, ownerId: s1.userId })).json();
    expect((await assign(manager, 'deal', westDeal.id)).statusCode).toBe(404);
    expect((await assign(globex.admin, 'deal', deal.id)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/assignments/deal/${deal.id}/explain`)).statusCode).toBe(404);
    const widget = await assign(director, 'widget', deal.id);
    expect(widget.statusCode).toBe(400);
    expect(widget.json().errors[0].path).toBe('entity');
    expect((await assign(director, 'deal', 'not-a-uuid')).json().errors[0].path).toBe('id');
    expect((await director.get(`/api/v1/assignments/deal/${deal.id}/explain`)).statusCode).toBe(404); // never assigned
    expect(await logCount()).toBe(logs);
    expect((await acme.admin.get(`/api/v1/deals/${deal.id}`)).json().ownerId).toBe(acme.admin.userId);
  });

  it('never exceeds capacity when assignments run at the same time', async () => {
    // Room for exactly one more customer: s1 is the only available senior (s2 is away).
    const owned = (
      await t.db
        .select({ n: count() })
        .from(customers)
        .where(eq(customers.ownerId, s1.userId as string))
    )[0].n;
    await setCapacity('senior', null, owned + 1);
    const made = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        (await acme.admin.post('/api/v1/customers', { name: `KA ${i}`, tierId: tier.ka, ownerId: null })).json(),
      ),
    );
    const results = await Promise.all(made.map((c) => assign(director, 'customer', c.id).then((r) => r.json())));
    expect(results.filter((r) => r.assigned).map((r) => r.ownerId)).toEqual([s1.userId]);
    expect(results.filter((r) => !r.assigned)).toHaveLength(3);
  });
});
