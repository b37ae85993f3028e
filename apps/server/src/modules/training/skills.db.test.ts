import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;
let eastRep2: Caller;

type Skill = { id: string; name: string; category: string; version: number };
type Cell = {
  skillId: string;
  self: number | null;
  manager: number | null;
  selfAt: string | null;
  managerAt: string | null;
  version: number | null;
};
type Matrix = { skills: Skill[]; reps: { repId: string; name: string; teamId: string | null; levelId: string | null; cells: Cell[] }[] };

const addSkill = async (caller: Caller, body: object) => {
  const res = await caller.post('/api/v1/skills', body);
  if (res.statusCode !== 201) throw new Error(`skill: ${res.statusCode} ${res.body}`);
  return res.json() as Skill;
};
const matrix = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/skills-matrix${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Matrix;
};
const assess = (caller: Caller, repId: string | undefined, skillId: string, body: object, headers?: Record<string, string>) =>
  caller.put(`/api/v1/skills-matrix/${repId}/${skillId}`, body, headers);
const audit = async (entity: string, entityId: string) =>
  (await s.acme.admin.get(`/api/v1/audit-log?entity=${entity}&entityId=${entityId}`)).json().data as {
    action: string;
    actorId: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[];

let prospecting: Skill;
let closing: Skill;
let discovery: Skill;

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, name: 'A east rep' });
  prospecting = await addSkill(s.director, { name: 'Prospecting', category: 'Pipeline' });
  closing = await addSkill(s.acme.admin, { name: 'Closing', category: 'Pipeline', description: 'Asking for the order' });
  discovery = await addSkill(s.director, { name: 'Discovery', category: 'Conversation' });
  await addSkill(s.globex.admin, { name: 'Globex skill' });
});

describe('skills', () => {
  it('everyone signed in reads the organisation’s skills by category, then name', async () => {
    for (const caller of [s.eastRep, s.eastManager, s.viewer, s.director]) {
      const res = await caller.get('/api/v1/skills');
      expect(res.statusCode).toBe(200);
      expect(res.json().data.map((x: Skill) => x.name)).toEqual(['Discovery', 'Closing', 'Prospecting']);
    }
    expect((await s.globex.admin.get('/api/v1/skills')).json().data.map((x: Skill) => x.name)).toEqual(['Globex skill']);
    expect((await anonymous(t).get('/api/v1/skills')).statusCode).toBe(401);
  });

  it('directors and admins add them (201, audited); a name is unique in the organisation (409 naming it)', async () => {
    expect(closing).toMatchObject({ name: 'Closing', category: 'Pipeline', description: 'Asking for the order', version: 1 });
    expect(await audit('skill', closing.id)).toEqual([expect.objectContaining({ action: 'create', actorId: s.acme.admin.userId })]);
    const taken = await s.director.post('/api/v1/skills', { name: 'Closing' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name', message: expect.any(String) }] });
    expect((await s.globex.admin.post('/api/v1/skills', { name: 'Closing' })).statusCode).toBe(201); // another organisation’s names
    const blank = await s.director.post('/api/v1/skills', { name: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe('name');
    for (const caller of [s.eastManager, s.eastRep, s.viewer])
      expect((await caller.post('/api/v1/skills', { name: 'X' })).statusCode).toBe(403);
  });

  it('changes one with its version (428 without, 409 stale, 409 for a taken name), audited', async () => {
    const res = await s.director.put(`/api/v1/skills/${discovery.id}`, { name: 'Discovery calls', category: 'Conversation', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Discovery calls', version: 2 });
    expect((await audit('skill', discovery.id))[0]).toMatchObject({
      action: 'update',
      changes: { name: { before: 'Discovery', after: 'Discovery calls' } },
    });
    expect((await s.director.put(`/api/v1/skills/${discovery.id}`, { name: 'Other' })).statusCode).toBe(428);
    const stale = await s.director.put(`/api/v1/skills/${discovery.id}`, { name: 'Other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const taken = await s.acme.admin.put(`/api/v1/skills/${discovery.id}`, { name: 'Closing' }, { 'if-match': '"2"' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'name_taken', errors: [{ path: 'name' }] });
    const same = await s.acme.admin.put(
      `/api/v1/skills/${discovery.id}`,
      { name: 'Discovery calls', description: 'Open questions' },
      { 'if-match': '"2"' },
    );
    expect(same.statusCode).toBe(200); // its own name is not “taken”
    expect((await s.eastManager.put(`/api/v1/skills/${discovery.id}`, { name: 'X', version: 3 })).statusCode).toBe(403);
    expect((await s.globex.admin.put(`/api/v1/skills/${discovery.id}`, { name: 'X', version: 3 })).statusCode).toBe(404);
  });
});

describe('the skills matrix', () => {
  it('a rep assesses themselves (self only): a new cell needs no version, a change needs it', async () => {
    const first = await assess(s.eastRep, s.eastRep.userId, closing.id, { self: 3 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      skillId: closing.id,
      self: 3,
      manager: null,
      selfAt: t.clock.now().toISOString(),
      managerAt: null,
      version: 1,
    });
    const missing = await assess(s.eastRep, s.eastRep.userId, closing.id, { self: 4 });
    expect(missing.statusCode).toBe(428);
    const stale = await assess(s.eastRep, s.eastRep.userId, closing.id, { self: 4, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', errors: [{ path: 'version', message: 'current version is 1' }] });
    const again = await assess(s.eastRep, s.eastRep.userId, closing.id, { self: 4 }, { 'if-match': '"1"' });
    expect(again.json()).toMatchObject({ self: 4, version: 2 });
    const trail = await audit('skill_assessment', `${s.eastRep.userId}:${closing.id}`);
    expect(trail.map((a) => [a.action, a.actorId, a.changes.self])).toEqual([
      ['update', s.eastRep.userId, { before: 3, after: 4 }],
      ['create', s.eastRep.userId, { before: null, after: 3 }],
    ]);
  });

  it('a rep may not set the manager level (403 naming it) nor touch another rep (404)', async () => {
    const manager = await assess(s.eastRep, s.eastRep.userId, closing.id, { manager: 5, version: 2 });
    expect(manager.statusCode).toBe(403);
    expect(manager.json().errors).toEqual([{ path: 'manager', message: expect.any(String) }]);
    expect((await assess(s.eastRep, s.westRep.userId, closing.id, { self: 2 })).statusCode).toBe(404);
    expect((await assess(s.eastRep, eastRep2.userId, closing.id, { self: 2 })).statusCode).toBe(404);
  });

  it('the manager of the rep’s team sets the manager level beside the rep’s own, stamped with who and when', async () => {
    t.clock.advance(60_000);
    const res = await assess(s.eastManager, s.eastRep.userId, closing.id, { manager: 2, version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ self: 4, manager: 2, managerAt: t.clock.now().toISOString(), version: 3 });
    const trail = await audit('skill_assessment', `${s.eastRep.userId}:${closing.id}`);
    expect(trail[0]).toMatchObject({
      action: 'update',
      actorId: s.eastManager.userId,
      changes: expect.objectContaining({ manager: { before: null, after: 2 }, managerId: { before: null, after: s.eastManager.userId } }),
    });
    const fresh = await assess(s.eastManager, eastRep2.userId, prospecting.id, { manager: 4 });
    expect(fresh.json()).toMatchObject({ self: null, manager: 4, version: 1 });
  });

  it('a manager may not set a rep’s self level (403 naming it) nor assess another team’s rep (404)', async () => {
    const self = await assess(s.eastManager, s.eastRep.userId, closing.id, { self: 5, version: 3 });
    expect(self.statusCode).toBe(403);
    expect(self.json().errors).toEqual([{ path: 'self', message: expect.any(String) }]);
    expect((await assess(s.eastManager, s.westRep.userId, closing.id, { manager: 3 })).statusCode).toBe(404);
    expect((await assess(s.eastManager, s.loneRep.userId, closing.id, { manager: 3 })).statusCode).toBe(404);
    expect((await assess(s.eastManager, s.eastManager.userId, closing.id, { manager: 3 })).statusCode).toBe(404); // not a rep
  });

  it('directors and admins set the manager level of any rep, never their self level; viewers write nothing', async () => {
    const res = await assess(s.director, s.westRep.userId, closing.id, { manager: 5 });
    expect(res.statusCode, res.body).toBe(200);
    const cleared = await assess(s.acme.admin, s.westRep.userId, closing.id, { manager: null, version: 1 });
    expect(cleared.json()).toMatchObject({ manager: null, version: 2 });
    const self = await assess(s.director, s.westRep.userId, closing.id, { self: 1, version: 2 });
    expect(self.statusCode).toBe(403);
    expect(self.json().errors[0].path).toBe('self');
    expect((await assess(s.viewer, s.westRep.userId, closing.id, { manager: 3, version: 2 })).statusCode).toBe(403);
  });

  it('another organisation’s reps and skills are not found; bad levels and empty bodies are refused naming the field', async () => {
    expect((await assess(s.globex.admin, s.eastRep.userId, closing.id, { manager: 3 })).statusCode).toBe(404);
    const globexSkill = (await s.globex.admin.get('/api/v1/skills')).json().data[0].id;
    expect((await assess(s.director, s.eastRep.userId, globexSkill, { manager: 3 })).statusCode).toBe(404);
    const tooHigh = await assess(s.director, s.eastRep.userId, prospecting.id, { manager: 6 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0].path).toBe('manager');
    const empty = await assess(s.eastRep, s.eastRep.userId, prospecting.id, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'self', message: 'required' }]);
  });

  it('shows a rep their own row only; another rep or team is not found', async () => {
    const mine = await matrix(s.eastRep);
    expect(mine.skills.map((x) => x.name)).toEqual(['Discovery calls', 'Closing', 'Prospecting']);
    expect(mine.reps).toEqual([
      {
        repId: s.eastRep.userId,
        name: expect.any(String),
        teamId: s.east.id,
        levelId: s.junior,
        cells: [
          { skillId: discovery.id, self: null, manager: null, selfAt: null, managerAt: null, version: null },
          expect.objectContaining({ skillId: closing.id, self: 4, manager: 2, version: 3 }),
          expect.objectContaining({ skillId: prospecting.id, self: null, manager: null, version: null }),
        ],
      },
    ]);
    expect((await matrix(s.eastRep, `?repId=${s.eastRep.userId}&teamId=${s.east.id}`)).reps).toHaveLength(1);
    expect((await s.eastRep.get(`/api/v1/skills-matrix?repId=${s.westRep.userId}`)).statusCode).toBe(404);
    expect((await s.eastRep.get(`/api/v1/skills-matrix?teamId=${s.west.id}`)).statusCode).toBe(404);
  });

  it('shows a manager the reps of their teams; another team or its rep is not found', async () => {
    const east = await matrix(s.eastManager);
    expect(east.reps.map((r) => r.repId).sort()).toEqual([s.eastRep.userId, eastRep2.userId].sort());
    expect(east.reps[0].name).toBe('A east rep'); // by name
    expect((await matrix(s.eastManager, `?teamId=${s.east.id}&repId=${eastRep2.userId}`)).reps.map((r) => r.repId)).toEqual([
      eastRep2.userId,
    ]);
    expect((await s.eastManager.get(`/api/v1/skills-matrix?teamId=${s.west.id}`)).statusCode).toBe(404);
    expect((await s.eastManager.get(`/api/v1/skills-matrix?repId=${s.westRep.userId}`)).statusCode).toBe(404);
    expect((await matrix(s.westManager)).reps.map((r) => r.repId)).toEqual([s.westRep.userId]);
  });

  it('shows directors, admins and viewers every active rep of the organisation, and nobody of another', async () => {
    const all = [s.eastRep.userId, eastRep2.userId, s.westRep.userId, s.loneRep.userId].sort();
    for (const caller of [s.director, s.acme.admin, s.viewer]) expect((await matrix(caller)).reps.map((r) => r.repId).sort()).toEqual(all);
    expect((await matrix(s.viewer, `?teamId=${s.west.id}`)).reps.map((r) => r.repId)).toEqual([s.westRep.userId]);
    const globex = await matrix(s.globex.admin);
    expect(globex.reps).toEqual([]);
    expect(globex.skills.map((x) => x.name)).toEqual(['Closing', 'Globex skill']);
    expect((await s.globex.admin.get(`/api/v1/skills-matrix?repId=${s.eastRep.userId}`)).statusCode).toBe(404);
    expect((await s.globex.admin.get(`/api/v1/skills-matrix?teamId=${s.east.id}`)).statusCode).toBe(404);
  });
});

describe('deleting a skill', () => {
  it('removes it with its assessments (directors, admins; a version, when sent, must be current), audited', async () => {
    expect((await s.eastManager.delete(`/api/v1/skills/${closing.id}`)).statusCode).toBe(403);
    expect((await s.globex.admin.delete(`/api/v1/skills/${closing.id}`)).statusCode).toBe(404);
    expect((await s.director.delete(`/api/v1/skills/${closing.id}?version=9`)).statusCode).toBe(409);
    expect((await s.director.delete(`/api/v1/skills/${closing.id}`, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await s.director.delete(`/api/v1/skills/${closing.id}`)).statusCode).toBe(404);
    expect((await audit('skill', closing.id))[0]).toMatchObject({
      action: 'delete',
      changes: { name: { before: 'Closing', after: null } },
    });
    const after = await matrix(s.eastRep);
    expect(after.skills.map((x) => x.name)).toEqual(['Discovery calls', 'Prospecting']);
    expect(after.reps[0].cells.map((c) => c.skillId)).toEqual([discovery.id, prospecting.id]);
    expect((await matrix(s.globex.admin)).skills.map((x) => x.name)).toContain('Closing');
  });
});
