import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ctxFor } from '../../../test/salesFixtures.ts';
import { createTestApp, PASSWORD, seedOrg, seedUser } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { importUsersBatch } from '../users/users.batch.usecases.ts';
import { insertLevelHistory, levelSince, levelsInForce } from './levelHistory.repository.ts';
import { levelHistory } from './levels.table.ts';

/** Every change of a person's level leaves a dated history entry; the level on any date is read from it. */
const t = await createTestApp();
const acme = await seedOrg(t, 'Acme History');
const globex = await seedOrg(t, 'Globex History');
const ladder: { id: string; key: string }[] = (await acme.admin.get('/api/v1/levels')).json().data;
const [junior, mid, senior] = ['junior', 'mid', 'senior'].map((k) => ladder.find((l) => l.key === k)!.id);

const historyOf = (userId: string) =>
  t.db
    .select()
    .from(levelHistory)
    .where(and(eq(levelHistory.orgId, acme.orgId), eq(levelHistory.userId, userId)))
    .orderBy(asc(levelHistory.effectiveOn), asc(levelHistory.createdAt));
const userOf = async (id: string) => (await acme.admin.get(`/api/v1/users/${id}`)).json();

describe('level history is written by every level change', () => {
  it('a person created with a level: from the hire date, or from today without one', async () => {
    const hired = await acme.admin.post('/api/v1/users', {
      email: 'hired@acme.test',
      name: 'Hired',
      role: 'rep',
      password: PASSWORD,
      levelId: junior,
      hireDate: '2025-03-15',
    });
    expect(hired.statusCode, hired.body).toBe(201);
    expect(await historyOf(hired.json().id)).toMatchObject([
      { fromLevelId: null, toLevelId: junior, effectiveOn: '2025-03-15', reason: 'manual', changedBy: acme.admin.userId, decisionId: null },
    ]);
    const fresh = await acme.admin.post('/api/v1/users', {
      email: 'fresh@acme.test',
      name: 'Fresh',
      role: 'rep',
      password: PASSWORD,
      levelId: mid,
    });
    // The manual clock stands at 2026-01-05 09:00 in Shanghai.
    expect(await historyOf(fresh.json().id)).toMatchObject([{ toLevelId: mid, effectiveOn: '2026-01-05' }]);
    const none = await acme.admin.post('/api/v1/users', { email: 'none@acme.test', name: 'None', role: 'viewer', password: PASSWORD });
    expect(await historyOf(none.json().id)).toEqual([]);
  });

  it('a change on the users page: dated today in the organisation’s time zone, from → to, by whom', async () => {
    const rep = await seedUser(t, acme.orgId, 'rep', { levelId: junior });
    // 20:00 UTC on 5 January is already 6 January in Shanghai.
    t.clock.set(new Date('2026-01-05T20:00:00Z'));
    const user = await userOf(rep.userId!);
    const res = await acme.admin.patch(`/api/v1/users/${rep.userId}`, { levelId: mid, version: user.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await historyOf(rep.userId!)).toMatchObject([
      { fromLevelId: junior, toLevelId: mid, effectiveOn: '2026-01-06', reason: 'manual', changedBy: acme.admin.userId },
    ]);
    // Anything but the level leaves the history alone.
    await acme.admin.patch(`/api/v1/users/${rep.userId}`, { name: 'Renamed', version: user.version + 1 });
    expect(await historyOf(rep.userId!)).toHaveLength(1);
    t.clock.set(new Date('2026-01-05T09:00:00+08:00'));
  });

  it('a refused change writes no history', async () => {
    const rep = await seedUser(t, acme.orgId, 'rep', { levelId: junior });
    const user = await userOf(rep.userId!);
    const globexLevel = (await globex.admin.get('/api/v1/levels')).json().data[0].id;
    expect((await acme.admin.patch(`/api/v1/users/${rep.userId}`, { levelId: globexLevel, version: user.version })).statusCode).toBe(422);
    expect((await acme.admin.patch(`/api/v1/users/${rep.userId}`, { levelId: mid, version: user.version + 5 })).statusCode).toBe(409);
    expect(await historyOf(rep.userId!)).toEqual([]);
  });

  it('an import: newcomers from their hire date, changed levels from today, unchanged ones not at all', async () => {
    const ctx = ctxFor(t, acme.admin, acme.orgId, { role: 'admin' });
    const existing = await seedUser(t, acme.orgId, 'rep', { levelId: junior });
    const same = await seedUser(t, acme.orgId, 'rep', { levelId: junior });
    const emailOf = async (id: string) => (await userOf(id)).email as string;
    const result = await importUsersBatch(ctx, [
      { email: 'imported@acme.test', name: 'Imported', levelId: senior, hireDate: '2024-06-01' },
      { email: await emailOf(existing.userId!), name: 'Existing', levelId: mid },
      { email: await emailOf(same.userId!), name: 'Same', levelId: junior },
    ]);
    expect(result).toMatchObject({ created: 1, updated: 2 });
    const imported = result.ids[0];
    expect(await historyOf(imported)).toMatchObject([
      { fromLevelId: null, toLevelId: senior, effectiveOn: '2024-06-01', reason: 'import' },
    ]);
    expect(await historyOf(existing.userId!)).toMatchObject([
      { fromLevelId: junior, toLevelId: mid, effectiveOn: '2026-01-05', reason: 'import', changedBy: acme.admin.userId },
    ]);
    expect(await historyOf(same.userId!)).toEqual([]);
  });
});

describe('the level in force on a date', () => {
  it('is the latest entry on or before the date; before the first entry, the level it changed from; without history, the current level', async () => {
    const rep = await seedUser(t, acme.orgId, 'rep', { levelId: senior });
    const plain = await seedUser(t, acme.orgId, 'rep', { levelId: mid });
    const at = (effectiveOn: string, fromLevelId: string | null, toLevelId: string) => ({
      orgId: acme.orgId,
      userId: rep.userId!,
      fromLevelId,
      toLevelId,
      effectiveOn,
      reason: 'manual' as const,
      changedBy: null,
      createdAt: new Date(),
    });
    await insertLevelHistory(t.db, [at('2024-01-10', junior, mid), at('2025-07-01', mid, senior)]);
    const on = async (date: string) => (await levelsInForce(t.db, acme.orgId, [rep.userId!, plain.userId!], date)).get(rep.userId!);
    expect(await on('2023-12-31')).toBe(junior);
    expect(await on('2024-01-10')).toBe(mid);
    expect(await on('2025-06-30')).toBe(mid);
    expect(await on('2025-07-01')).toBe(senior);
    expect(await on('2026-12-31')).toBe(senior);
    expect((await levelsInForce(t.db, acme.orgId, [plain.userId!], '2020-01-01')).get(plain.userId!)).toBe(mid);
    // Another organisation's people are not answered for.
    expect((await levelsInForce(t.db, globex.orgId, [rep.userId!], '2026-01-01')).size).toBe(0);
    // Same-day entries: the one written last holds.
    await insertLevelHistory(t.db, [{ ...at('2025-07-01', senior, mid), createdAt: new Date(Date.now() + 1000) }]);
    expect(await on('2025-07-01')).toBe(mid);
  });

  it('holds since the latest entry on or before the date, else the hire date', async () => {
    const res = await acme.admin.post('/api/v1/users', {
      email: `since-${newId()}@acme.test`,
      name: 'Since',
      role: 'rep',
      password: PASSWORD,
      levelId: junior,
      hireDate: '2024-02-01',
    });
    const id = res.json().id as string;
    const noLevel = await seedUser(t, acme.orgId, 'rep');
    await insertLevelHistory(t.db, [
      {
        orgId: acme.orgId,
        userId: id,
        fromLevelId: junior,
        toLevelId: mid,
        effectiveOn: '2025-04-01',
        reason: 'evaluation',
        changedBy: null,
        createdAt: new Date(),
      },
    ]);
    const since = async (date: string) => (await levelSince(t.db, acme.orgId, [id, noLevel.userId!], date)).get(id);
    expect(await since('2025-03-31')).toBe('2024-02-01');
    expect(await since('2025-12-31')).toBe('2025-04-01');
    expect((await levelSince(t.db, acme.orgId, [noLevel.userId!], '2025-12-31')).get(noLevel.userId!)).toBeNull();
  });
});
