import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
const acmeRep = await seedUser(t, acme.orgId, 'rep');
const acmeViewer = await seedUser(t, acme.orgId, 'viewer');
const acmeManager = await seedUser(t, acme.orgId, 'manager');

describe('users and teams (admin writes)', () => {
  it('creates a team and a user in it, with a level from the organisation’s ladder', async () => {
    const levels = (await acme.admin.get('/api/v1/levels')).json().data;
    expect(levels.map((l: { key: string }) => l.key)).toEqual(['junior', 'mid', 'senior']);
    const team = (await acme.admin.post('/api/v1/teams', { name: 'East', region: '华东', managerId: acmeManager.userId })).json();
    const res = await acme.admin.post('/api/v1/users', {
      email: 'Li.Lei@Acme.test',
      name: '李雷',
      role: 'rep',
      password: 'Li-Lei-Pass-1',
      teamId: team.id,
      levelId: levels[0].id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'li.lei@acme.test', teamId: team.id, levelId: levels[0].id, version: 1 });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it('refuses a duplicate email (409 naming email) and a team or level of another organisation (422)', async () => {
    const dup = await acme.admin.post('/api/v1/users', { email: 'li.lei@acme.test', name: 'X', role: 'rep', password: 'Some-Pass-123' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('email');
    const foreignTeam = (await globex.admin.post('/api/v1/teams', { name: 'Globex West' })).json();
    const cross = await acme.admin.post('/api/v1/users', {
      email: 'x@acme.test',
      name: 'X',
      role: 'rep',
      password: 'Some-Pass-123',
      teamId: foreignTeam.id,
    });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().errors[0].path).toBe('teamId');
    const foreignLevel = (await globex.admin.get('/api/v1/levels')).json().data[0].id;
    const crossLevel = await acme.admin.post('/api/v1/users', {
      email: 'y@acme.test',
      name: 'Y',
      role: 'rep',
      password: 'Some-Pass-123',
      levelId: foreignLevel,
    });
    expect(crossLevel.json().errors[0].path).toBe('levelId');
  });

  it('refuses a rep as team manager', async () => {
    const res = await acme.admin.post('/api/v1/teams', { name: 'Bad', managerId: acmeRep.userId });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('managerId');
  });

  it('lets reps, managers and viewers read the directory but not write it', async () => {
    for (const caller of [acmeRep, acmeViewer, acmeManager]) {
      expect((await caller.get('/api/v1/users')).statusCode).toBe(200);
      expect((await caller.post('/api/v1/teams', { name: 'Nope' })).statusCode).toBe(403);
      expect((await caller.patch(`/api/v1/users/${caller.userId}`, { role: 'admin', version: 1 })).statusCode).toBe(403);
    }
    expect((await acmeRep.get(`/api/v1/users/${acmeRep.userId}`)).json().role).toBe('rep');
  });

  it('filters, sorts and pages the user list with a cursor, never repeating a row', async () => {
    for (let i = 0; i < 5; i++) await seedUser(t, acme.orgId, 'rep', { name: `Paged ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?q=paged&limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await acme.admin.get(url)).json();
      seen.push(...page.data.map((u: { name: string }) => u.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
    const reps = (await acme.admin.get('/api/v1/users?role=viewer')).json().data;
    expect(reps.every((u: { role: string }) => u.role === 'viewer')).toBe(true);
  });
});

describe('organisations are isolated', () => {
  it('answers 404 for another organisation’s records asked by id, and lists none of them', async () => {
    const globexTeam = (await globex.admin.post('/api/v1/teams', { name: 'Globex Only' })).json();
    const globexUser = (await globex.admin.get('/api/v1/users')).json().data[0];
    for (const url of [`/api/v1/teams/${globexTeam.id}`, `/api/v1/users/${globexUser.id}`]) {
      const res = await acme.admin.get(url);
      expect(res.statusCode).toBe(404);
    }
    expect((await acme.admin.patch(`/api/v1/teams/${globexTeam.id}`, { name: 'Taken', version: 1 })).statusCode).toBe(404);
    expect((await acme.admin.delete(`/api/v1/teams/${globexTeam.id}`, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await acme.admin.post(`/api/v1/users/${globexUser.id}/password-reset`)).statusCode).toBe(404);
    const acmeLists = JSON.stringify([
      (await acme.admin.get('/api/v1/teams')).json(),
      (await acme.admin.get('/api/v1/users?limit=200')).json(),
    ]);
    expect(acmeLists).not.toContain(globexTeam.id);
    expect(acmeLists).not.toContain(globexUser.id);
    expect((await acme.admin.get(`/api/v1/audit-log?entityId=${globexTeam.id}`)).json().data).toEqual([]);
    expect((await globex.admin.get(`/api/v1/teams/${globexTeam.id}`)).statusCode).toBe(200);
  });
});

describe('lost updates are impossible', () => {
  it('lets one of two updates based on the same version win; the other gets 409 and changes nothing', async () => {
    const team = (await acme.admin.post('/api/v1/teams', { name: 'Race' })).json();
    const first = await acme.admin.patch(`/api/v1/teams/${team.id}`, { region: 'North' }, { 'if-match': `"${team.version}"` });
    const second = await acme.admin.patch(`/api/v1/teams/${team.id}`, { region: 'South', version: team.version });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('stale_version');
    expect((await acme.admin.get(`/api/v1/teams/${team.id}`)).json()).toMatchObject({ region: 'North', version: 2 });
  });

  it('resolves truly concurrent updates the same way', async () => {
    const user = (await acme.admin.get(`/api/v1/users/${acmeViewer.userId}`)).json();
    const results = await Promise.all(
      ['A', 'B', 'C'].map((n) => acme.admin.patch(`/api/v1/users/${user.id}`, { name: `Viewer ${n}`, version: user.version })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('requires the version an update is based on', async () => {
    const team = (await acme.admin.post('/api/v1/teams', { name: 'No version' })).json();
    const res = await acme.admin.patch(`/api/v1/teams/${team.id}`, { region: 'X' });
    expect(res.statusCode).toBe(428);
    expect(res.json().errors[0].path).toBe('version');
  });
});

describe('audit log', () => {
  it('records create, update and delete with actor, changed fields before and after, and request id', async () => {
    const created = await acme.admin.post('/api/v1/teams', { name: 'Audited', region: 'A' });
    const team = created.json();
    const updated = await acme.admin.patch(`/api/v1/teams/${team.id}`, { region: 'B', version: 1 }, { 'x-request-id': 'req-audit-1' });
    expect(updated.statusCode).toBe(200);
    expect((await acme.admin.delete(`/api/v1/teams/${team.id}`, { 'if-match': '"2"' })).statusCode).toBe(204);
    const entries = (await acme.admin.get(`/api/v1/audit-log?entity=team&entityId=${team.id}`)).json().data;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(entries[1]).toMatchObject({
      actorId: acme.admin.userId,
      requestId: 'req-audit-1',
      changes: { region: { before: 'A', after: 'B' } },
    });
    expect(entries[2].requestId).toBe(created.headers['x-request-id']);
    expect(Object.keys(entries[1].changes)).toEqual(['region']);
  });

  it('never logs password hashes', async () => {
    const res = await acme.admin.post('/api/v1/users', {
      email: 'audit.me@acme.test',
      name: 'Audit Me',
      role: 'viewer',
      password: 'Audit-Pass-123',
    });
    const entries = (await acme.admin.get(`/api/v1/audit-log?entityId=${res.json().id}`)).json().data;
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|Audit-Pass/);
  });

  it('is for admins only, filterable by actor and time', async () => {
    expect((await acmeManager.get('/api/v1/audit-log')).statusCode).toBe(403);
    const mine = (await acme.admin.get(`/api/v1/audit-log?actorId=${acme.admin.userId}&limit=200`)).json().data;
    expect(mine.length).toBeGreaterThan(3);
    const future = (await acme.admin.get('/api/v1/audit-log?from=2099-01-01T00:00:00Z')).json().data;
    expect(future).toEqual([]);
  });

  it('refuses to delete a team that still has members', async () => {
    const team = (await acme.admin.post('/api/v1/teams', { name: 'Occupied' })).json();
    await seedUser(t, acme.orgId, 'rep', { teamId: team.id });
    const res = await acme.admin.delete(`/api/v1/teams/${team.id}?version=1`);
    expect(res.statusCode).toBe(409);
    expect((await acme.admin.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
  });
});
