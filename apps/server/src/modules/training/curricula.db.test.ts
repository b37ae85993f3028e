import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { curriculaOf } from './curricula.repository.ts';

/** Curricula per level (decision 0029): everyone reads them; directors and admins replace a level's two lists. */
const t = await createTestApp();
const s = await seedSalesOrg(t);
const levels: { id: string; key: string }[] = (await s.acme.admin.get('/api/v1/levels')).json().data;
const level = Object.fromEntries(levels.map((l) => [l.key, l.id]));

const newCourse = async (caller: Caller, title: string) => {
  const res = await caller.post('/api/v1/courses', {
    title,
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 60,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};
const prospecting = await newCourse(s.director, 'Prospecting');
const closing = await newCourse(s.director, 'Closing');
const ethics = await newCourse(s.director, 'Ethics');
const retired = await newCourse(s.director, 'Retired course');
{
  const res = await s.director.put(`/api/v1/courses/${retired.id}`, {
    title: 'Retired course',
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 60,
    active: false,
    version: retired.version,
  });
  expect(res.statusCode, res.body).toBe(200);
}
const foreign = await newCourse(s.globex.admin, 'Globex only');

const put = (caller: Caller, levelId: string, body: object) => caller.put(`/api/v1/curricula/${levelId}`, body);
const curricula = async (caller: Caller) => {
  const res = await caller.get('/api/v1/curricula');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { levelId: string; required: string[]; forPromotion: string[] }[];
};

describe('curricula', () => {
  it('lists one curriculum per level, lowest first, empty before any is set — for everyone signed in', async () => {
    for (const caller of [s.eastRep, s.viewer, s.eastManager, s.director]) {
      expect(await curricula(caller)).toEqual([
        { levelId: level.junior, required: [], forPromotion: [] },
        { levelId: level.mid, required: [], forPromotion: [] },
        { levelId: level.senior, required: [], forPromotion: [] },
      ]);
    }
  });

  it('a director replaces a level’s lists; a course may be in both; every read lists by title', async () => {
    const res = await put(s.director, level.junior, {
      required: [prospecting.id, ethics.id],
      forPromotion: [prospecting.id, closing.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    // By title: Closing, Ethics, Prospecting.
    expect(res.json()).toEqual({
      levelId: level.junior,
      required: [ethics.id, prospecting.id],
      forPromotion: [closing.id, prospecting.id],
    });
    expect((await curricula(s.eastRep))[0]).toEqual(res.json());
    expect((await curriculaOf(t.db, s.acme.orgId)).get(level.junior)).toEqual({
      required: [ethics.id, prospecting.id],
      forPromotion: [closing.id, prospecting.id],
    });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.acme.orgId), eq(auditLog.entity, 'curriculum'), eq(auditLog.entityId, level.junior)));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(s.director.userId);
  });

  it('an admin replaces it again, whole: what is left out is gone', async () => {
    const res = await put(s.acme.admin, level.junior, { required: [], forPromotion: [closing.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await curricula(s.viewer))[0]).toEqual({ levelId: level.junior, required: [], forPromotion: [closing.id] });
  });

  it('managers, reps and viewers may not change curricula (403)', async () => {
    for (const caller of [s.eastManager, s.eastRep, s.viewer]) {
      expect((await put(caller, level.mid, { required: [ethics.id], forPromotion: [] })).statusCode).toBe(403);
    }
    expect((await curricula(s.director))[1]).toEqual({ levelId: level.mid, required: [], forPromotion: [] });
  });

  it('a course twice in one list is 400, named', async () => {
    const res = await put(s.director, level.mid, { required: [ethics.id, ethics.id], forPromotion: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'required.1', message: expect.any(String) }]);
  });

  it('an unknown, inactive or other organisation’s course is 422, named; nothing changes', async () => {
    const res = await put(s.director, level.mid, {
      required: [ethics.id, foreign.id],
      forPromotion: [retired.id, '019a0000-0000-7000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['required.1', 'forPromotion.0', 'forPromotion.1']);
    expect((await curricula(s.director))[1]).toEqual({ levelId: level.mid, required: [], forPromotion: [] });
  });

  it('another organisation’s level, or an unknown one, is 404', async () => {
    expect((await put(s.globex.admin, level.mid, { required: [], forPromotion: [] })).statusCode).toBe(404);
    expect((await put(s.director, '019a0000-0000-7000-8000-000000000000', { required: [], forPromotion: [] })).statusCode).toBe(404);
    // Globex reads its own ladder, none of Acme's curricula.
    const theirs = await curricula(s.globex.admin);
    expect(theirs).toHaveLength(3);
    expect(theirs.every((c) => !levels.some((l) => l.id === c.levelId) && c.required.length === 0 && c.forPromotion.length === 0)).toBe(
      true,
    );
  });
});
