import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { deals } from '../deals/deals.table.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme Capacity');

const dealsOf = async (userId: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(deals)
      .where(and(eq(deals.orgId, acme.orgId), eq(deals.ownerId, userId)))
  )[0].n;

describe('a rep’s own capacity in automatic assignment', () => {
  it('overrides their level’s: more room for one rep, none for another', async () => {
    const levels = (await acme.admin.get('/api/v1/levels')).json().data as { id: string; key: string; version: number }[];
    const junior = levels.find((l) => l.key === 'junior')!;
    expect((await acme.admin.patch(`/api/v1/levels/${junior.id}`, { maxOpenDeals: 1, version: junior.version })).statusCode).toBe(200);
    const team = (await acme.admin.post('/api/v1/teams', { name: 'East' })).json();
    const [byLevel, roomy, full] = await Promise.all(
      [1, 2, 3].map(() => seedUser(t, acme.orgId, 'rep', { teamId: team.id, levelId: junior.id })),
    );
    for (const [rep, capacity] of [
      [roomy, 3],
      [full, 0],
    ] as const) {
      const res = await acme.admin.patch(`/api/v1/reps/${rep.userId}/profile`, { capacity, version: 1 });
      expect(res.statusCode, res.body).toBe(200);
    }
    const short = (await acme.admin.get('/api/v1/pipelines')).json().data.find((p: { processType: string }) => p.processType === 'short');
    const owners: (string | null)[] = [];
    let last: { explanation: { candidates: { userId: string; capacity: number | null; passedOver?: string }[] } } | undefined;
    for (let i = 0; i < 5; i++) {
      const deal = (await acme.admin.post('/api/v1/deals', { name: `Routed ${i}`, pipelineId: short.id, amount: 1000 })).json();
      const res = await acme.admin.post(`/api/v1/assignments/deal/${deal.id}/assign`);
      expect(res.statusCode, res.body).toBe(200);
      owners.push(res.json().ownerId);
      last = res.json();
    }
    expect(owners.filter((o) => o === null)).toHaveLength(1);
    expect(owners[4]).toBeNull();
    expect(await dealsOf(byLevel.userId as string)).toBe(1);
    expect(await dealsOf(roomy.userId as string)).toBe(3);
    expect(await dealsOf(full.userId as string)).toBe(0);
    const why = Object.fromEntries(last!.explanation.candidates.map((c) => [c.userId, [c.capacity, c.passedOver]]));
    expect(why).toEqual({
      [byLevel.userId as string]: [1, 'at_capacity'],
      [roomy.userId as string]: [3, 'at_capacity'],
      [full.userId as string]: [0, 'at_capacity'],
    });
  });
});
