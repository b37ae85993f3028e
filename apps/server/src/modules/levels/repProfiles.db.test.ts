import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg, wonDeal } from '../../../test/salesFixtures.ts';
import { createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { users } from '../users/users.table.ts';
import { levelHistory } from './levels.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let level: Record<string, string>;

const profileOf = (caller: SalesOrg['director'], id: string) => caller.get(`/api/v1/reps/${id}/profile`);
const history = (userId: string, from: string | null, to: string, effectiveOn: string) => ({
  orgId: s.acme.orgId,
  id: newId(),
  userId,
  fromLevelId: from,
  toLevelId: to,
  effectiveOn,
  reason: 'manual' as const,
  createdAt: t.clock.now(),
});

beforeAll(async () => {
  s = await seedSalesOrg(t);
  level = Object.fromEntries((await s.acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]));
  const rep = (await s.acme.admin.get(`/api/v1/users/${s.eastRep.userId}`)).json();
  await s.acme.admin.patch(`/api/v1/users/${s.eastRep.userId}`, { hireDate: '2024-03-01', version: rep.version });
  // The level as the history below has it (a change through the users page would add a history entry of today).
  await t.db
    .update(users)
    .set({ levelId: level.mid })
    .where(and(eq(users.orgId, s.acme.orgId), eq(users.id, s.eastRep.userId as string)));
  // Hired junior, mid from 2025-07-01; a change dated tomorrow has not taken effect yet.
  const id = s.eastRep.userId as string;
  await t.db
    .insert(levelHistory)
    .values([
      history(id, null, level.junior, '2024-03-01'),
      history(id, level.junior, level.mid, '2025-07-01'),
      history(id, level.mid, level.senior, '2026-01-06'),
    ]);
  // Two open deals, one won, one deleted: two count.
  await openDeal(s, s.eastRep);
  await openDeal(s, s.eastRep);
  await wonDeal(s, s.eastRep, { customerId: s.customer.id, amount: '1000' });
  const gone = await openDeal(s, s.eastRep);
  expect((await s.eastRep.delete(`/api/v1/deals/${gone.id}?version=${gone.version}`)).statusCode).toBe(200);
});

describe('a rep profile', () => {
  it('shows level since when, the history latest first, hire date, capacity from the level and open deals', async () => {
    const res = await profileOf(s.eastRep, s.eastRep.userId as string);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      userId: s.eastRep.userId,
      teamId: s.east.id,
      levelId: level.mid,
      levelSince: '2025-07-01',
      hireDate: '2024-03-01',
      capacity: null,
      capacitySource: 'none',
      openDeals: 2,
      available: true,
    });
    expect(p.history.map((h: { effectiveOn: string }) => h.effectiveOn)).toEqual(['2026-01-06', '2025-07-01', '2024-03-01']);
    expect(res.headers.etag).toBe(`"${p.version}"`);
  });

  it('counts a change as in force from its day in the organisation’s time zone', async () => {
    const saved = t.clock.now();
    t.clock.set(new Date('2026-01-06T00:30:00+08:00')); // still 2026-01-05 in UTC
    expect((await profileOf(s.director, s.eastRep.userId as string)).json().levelSince).toBe('2026-01-06');
    t.clock.set(saved);
  });

  it('falls back on the hire date without history, and on nothing without either', async () => {
    expect((await profileOf(s.westManager, s.westRep.userId as string)).json()).toMatchObject({
      levelSince: null,
      hireDate: null,
      history: [],
    });
  });

  it('is visible to the rep, the managers of their team and the organisation-wide roles; else 404', async () => {
    const id = s.eastRep.userId as string;
    for (const caller of [s.eastRep, s.eastManager, s.director, s.viewer, s.acme.admin])
      expect((await profileOf(caller, id)).statusCode).toBe(200);
    for (const caller of [s.westRep, s.westManager, s.globex.admin]) expect((await profileOf(caller, id)).statusCode).toBe(404);
    expect((await profileOf(s.eastManager, s.eastManager.userId as string)).statusCode).toBe(200); // themselves
  });
});

describe('capacity', () => {
  const patch = (caller: SalesOrg['director'], id: string, body: object) => caller.patch(`/api/v1/reps/${id}/profile`, body);

  it('is set by the manager of the rep’s team with a version, audited; null goes back to the level’s', async () => {
    const id = s.eastRep.userId as string;
    const before = (await profileOf(s.eastManager, id)).json();
    expect((await patch(s.eastManager, id, { capacity: 7 })).statusCode).toBe(428);
    const res = await patch(s.eastManager, id, { capacity: 7, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 7, capacitySource: 'rep', version: before.version + 1 });
    expect((await patch(s.eastManager, id, { capacity: 8, version: before.version })).statusCode).toBe(409);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=user&entityId=${id}`)).json().data;
    expect(audit[0].changes).toEqual({ capacity: { before: null, after: 7 } });

    const lv = (await s.acme.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === 'mid');
    await s.acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxOpenDeals: 12, version: lv.version });
    const back = await patch(s.director, id, { capacity: null });
    expect(back.statusCode).toBe(428);
    const reset = await patch(s.director, id, { capacity: null, version: before.version + 1 });
    expect(reset.json()).toMatchObject({ capacity: 12, capacitySource: 'level' });
  });

  it('is refused to reps and viewers (403), to a manager of another team (404) and to another organisation (404)', async () => {
    const id = s.eastRep.userId as string;
    const { version } = (await profileOf(s.acme.admin, id)).json();
    expect((await patch(s.eastRep, id, { capacity: 99, version })).statusCode).toBe(403);
    expect((await patch(s.viewer, id, { capacity: 99, version })).statusCode).toBe(403);
    expect((await patch(s.westManager, id, { capacity: 99, version })).statusCode).toBe(404);
    expect((await patch(s.globex.admin, id, { capacity: 99, version })).statusCode).toBe(404);
    const bad = await patch(s.eastManager, id, { capacity: -1, version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('capacity');
    expect((await profileOf(s.acme.admin, id)).json().version).toBe(version);
  });

  it('is refused to a manager for a member of a team they belong to but do not manage (403)', async () => {
    const m = (await s.acme.admin.get(`/api/v1/users/${s.westManager.userId}`)).json();
    // The West manager joins East as a member: they see East's reps but do not set their capacity.
    await s.acme.admin.patch(`/api/v1/users/${s.westManager.userId}`, { teamId: s.east.id, version: m.version });
    const { version } = (await profileOf(s.acme.admin, s.eastRep.userId as string)).json();
    const res = await patch(s.westManager, s.eastRep.userId as string, { capacity: 3, version });
    expect(res.statusCode).toBe(403);
    await s.acme.admin.patch(`/api/v1/users/${s.westManager.userId}`, { teamId: null, version: m.version + 1 });
  });
});
