import { NOTIFICATION_KINDS } from '@tierline/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { seedTierOrg } from '../../../test/tierFixtures.ts';
import { notifyUsers } from './notify.ts';

/** The notifications API: a user's own notifications only, read and unread, and preferences. */
const t = await createTestApp();
const org = await seedTierOrg(t);
const { acme, globex, eastRep, westRep, viewer } = org;
let other: Caller;

type Dto = { id: string; kind: string; params: Record<string, unknown>; entity: string | null; readAt: string | null; createdAt: string };
const mine = async (caller: Caller, q = '') => (await caller.get(`/api/v1/notifications?limit=200${q}`)).json().data as Dto[];
const unread = async (caller: Caller) => (await caller.get('/api/v1/notifications/unread-count')).json().count as number;
const notify = (caller: Caller, kind: (typeof NOTIFICATION_KINDS)[number], params: Record<string, string | number | null> = {}) =>
  notifyUsers(t.db, t.clock.now(), [{ orgId: caller.orgId as string, userId: caller.userId as string, kind, params }]);

beforeAll(async () => {
  other = await seedUser(t, globex.orgId, 'rep');
  for (let i = 0; i < 5; i++) {
    await notify(eastRep, 'task_due', { n: i });
    t.clock.advance(1000);
  }
  await notify(westRep, 'task_due', { n: 99 });
  await notify(other, 'task_due');
});

describe('my notifications', () => {
  it('lists only mine, newest first, paged without repeats', async () => {
    const all = await mine(eastRep);
    expect(all.map((n) => n.params.n)).toEqual([4, 3, 2, 1, 0]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Dto[]; nextCursor: string | null } = (
        await eastRep.get(`/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((n: Dto) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((n) => n.id));
    expect((await mine(westRep)).map((n) => n.params.n)).toEqual([99]);
    expect(await mine(viewer)).toEqual([]);
    expect((await anonymous(t).get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('marks one read (keeping the first read time), counts the unread, filters unread=true', async () => {
    expect(await unread(eastRep)).toBe(5);
    const [newest] = await mine(eastRep);
    const read = await eastRep.post(`/api/v1/notifications/${newest.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    expect((await eastRep.post(`/api/v1/notifications/${newest.id}/read`)).json().readAt).toBe(read.json().readAt);
    expect(await unread(eastRep)).toBe(4);
    expect((await mine(eastRep, '&unread=true')).map((n) => n.params.n)).toEqual([3, 2, 1, 0]);
    expect((await mine(eastRep, '&unread=false')).map((n) => n.id)).toEqual([newest.id]);
    expect((await eastRep.get('/api/v1/notifications?unread=yes')).json().errors[0].path).toBe('unread');
  });

  it('never shows or changes another user’s notification: 404, in the same organisation or another', async () => {
    const [theirs] = await mine(westRep);
    const [foreign] = await mine(other);
    expect((await eastRep.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await acme.admin.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await eastRep.post(`/api/v1/notifications/${foreign.id}/read`)).statusCode).toBe(404);
    expect((await eastRep.post('/api/v1/notifications/not-an-id/read')).json().errors[0].path).toBe('id');
    expect((await mine(westRep))[0].readAt).toBeNull();
    expect((await mine(other))[0].readAt).toBeNull();
  });

  it('marks all mine read, and nobody else’s', async () => {
    const res = await eastRep.post('/api/v1/notifications/read-all');
    expect(res.json()).toEqual({ updated: 4 });
    expect(await unread(eastRep)).toBe(0);
    expect(await unread(westRep)).toBe(1);
    expect(await unread(other)).toBe(1);
    expect((await eastRep.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
  });
});

describe('preferences', () => {
  it('lists every kind, on unless turned off; a viewer has them too', async () => {
    const res = await viewer.get('/api/v1/notifications/preferences');
    expect(res.json().data).toEqual(NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: true })));
  });

  it('replaces the choices: a kind turned off is not delivered, a kind left out is on again', async () => {
    const put = await westRep.put('/api/v1/notifications/preferences', {
      preferences: [
        { kind: 'task_due', enabled: false },
        { kind: 'assignment', enabled: true },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data.filter((p: { enabled: boolean }) => !p.enabled)).toEqual([{ kind: 'task_due', enabled: false }]);
    const before = await unread(westRep);
    expect(await notify(westRep, 'task_due')).toBe(0);
    expect(await notify(westRep, 'task_overdue')).toBe(1);
    expect(await unread(westRep)).toBe(before + 1);
    expect(await notify(eastRep, 'task_due')).toBe(1); // only westRep turned it off
    await westRep.put('/api/v1/notifications/preferences', { preferences: [] });
    expect(await notify(westRep, 'task_due')).toBe(1);
  });

  it('refuses an unknown kind or a kind given twice, naming it, and changes nothing', async () => {
    await westRep.put('/api/v1/notifications/preferences', { preferences: [{ kind: 'pool_warning', enabled: false }] });
    const unknown = await westRep.put('/api/v1/notifications/preferences', { preferences: [{ kind: 'spam', enabled: false }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('preferences.0.kind');
    const twice = await westRep.put('/api/v1/notifications/preferences', {
      preferences: [
        { kind: 'tier_change', enabled: false },
        { kind: 'tier_change', enabled: true },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('preferences.1.kind');
    const now = (await westRep.get('/api/v1/notifications/preferences')).json().data;
    expect(now.filter((p: { enabled: boolean }) => !p.enabled)).toEqual([{ kind: 'pool_warning', enabled: false }]);
    await westRep.put('/api/v1/notifications/preferences', { preferences: [] });
  });
});
