import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser, signIn } from '../../../test/testApp.ts';
import { runPoolSweep } from '../pool/pool.sweep.ts';
import { users } from '../users/users.table.ts';

/**
 * What logging an activity does beyond itself: the customer's last contact (and so the pool's reclaim
 * clock) and the score of a lead. Defaults: SMB returns to the pool after 30 days without contact,
 * with a warning 3 days before.
 */
const t = await createTestApp();
const DAY = 86_400_000;
const T0 = t.clock.now();
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const iso = (days: number) => at(days).toISOString();
const goTo = (days: number) => t.clock.set(at(days));

let acme: Awaited<ReturnType<typeof seedOrg>>;
let rep: Caller;

/** Sessions last 7 days and these timelines span months: sign in again when needed. */
async function fresh(caller: Caller) {
  const [u] = await t.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId as string));
  return signIn(t, u.email);
}
const customer = async (id: string) => (await (await fresh(acme.admin)).get(`/api/v1/customers/${id}`)).json();
async function log(body: Record<string, unknown>) {
  rep = await fresh(rep);
  const res = await rep.post('/api/v1/activities', { kind: 'call', subject: 'Call', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  acme = await seedOrg(t, 'Acme');
  rep = await seedUser(t, acme.orgId, 'rep');
});

describe('the customer’s last contact', () => {
  it('moves forward only, whatever order activities are logged or changed in; a note is not a contact', async () => {
    goTo(0);
    const c = (await rep.post('/api/v1/customers', { name: 'Contact Clock' })).json();
    expect(c.lastContactAt).toBeNull();
    const version = c.version;

    await log({ customerId: c.id, kind: 'note', subject: 'Internal note', occurredAt: iso(0) });
    expect((await customer(c.id)).lastContactAt).toBeNull();

    goTo(10);
    const call = await log({ customerId: c.id, occurredAt: iso(8), outcome: 'no_answer' }); // an attempt still counts
    expect(call).toMatchObject({ isContact: true, answered: false });
    expect((await customer(c.id)).lastContactAt).toBe(iso(8));

    await log({ customerId: c.id, kind: 'email', occurredAt: iso(5) }); // back-dated: older than the last contact
    expect((await customer(c.id)).lastContactAt).toBe(iso(8));

    const moved = await rep.patch(`/api/v1/activities/${call.id}`, { occurredAt: iso(9), version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await customer(c.id)).lastContactAt).toBe(iso(9));

    await rep.patch(`/api/v1/activities/${call.id}`, { occurredAt: iso(7), version: 2 }); // earlier: stays
    expect((await customer(c.id)).lastContactAt).toBe(iso(9));
    await rep.delete(`/api/v1/activities/${call.id}?version=3`); // deleted: the contact still happened
    expect((await customer(c.id)).lastContactAt).toBe(iso(9));

    const note = await log({ customerId: c.id, kind: 'note', subject: 'Actually a visit', occurredAt: iso(10) });
    expect((await customer(c.id)).lastContactAt).toBe(iso(9));
    await rep.patch(`/api/v1/activities/${note.id}`, { kind: 'visit', version: 1 });
    expect((await customer(c.id)).lastContactAt).toBe(iso(10));
    // Derived data: the customer's version does not move, so nobody's open edit of it goes stale.
    expect((await customer(c.id)).version).toBe(version);
  });
});

describe('the pool’s reclaim clock', () => {
  it('restarts with a logged contact: a contacted customer stays, an uncontacted one returns to the pool', async () => {
    goTo(0);
    rep = await fresh(rep);
    const contacted = (await rep.post('/api/v1/customers', { name: 'Contacted' })).json();
    const ignored = (await rep.post('/api/v1/customers', { name: 'Ignored' })).json();
    const sweep = () => runPoolSweep(t.db, t.clock);

    // Other tests' customers share the sweep: look at these two customers' pool events only.
    const events = async (id: string) =>
      (await (await fresh(acme.admin)).get(`/api/v1/customers/${id}/pool-events`)).json().data.map((e: { kind: string }) => e.kind);

    goTo(20);
    await log({ customerId: contacted.id, kind: 'visit', subject: 'Visit' });
    goTo(27);
    await sweep();
    expect(await events(ignored.id)).toEqual(['warning']);
    expect(await events(contacted.id)).toEqual([]);
    goTo(30);
    await sweep();
    expect(await events(ignored.id)).toEqual(['reclaim', 'warning']);
    expect((await customer(ignored.id)).ownerId).toBeNull();
    expect((await customer(contacted.id)).ownerId).toBe(rep.userId);

    // Warned 3 days before its 30 days since the visit, then contacted: the warning is spent, the clock restarts.
    goTo(47);
    await sweep();
    expect(await events(contacted.id)).toEqual(['warning']);
    goTo(48);
    await log({ customerId: contacted.id, kind: 'call', outcome: 'no_answer' });
    goTo(60);
    await sweep();
    expect(await events(contacted.id)).toEqual(['warning']);
    expect((await customer(contacted.id)).ownerId).toBe(rep.userId);
    goTo(75);
    await sweep();
    expect(await events(contacted.id)).toEqual(['warning', 'warning']); // 27 days after the call
    goTo(78);
    expect((await sweep()).failed).toEqual([]);
    expect(await events(contacted.id)).toEqual(['reclaim', 'warning', 'warning']);
    expect((await customer(contacted.id)).ownerId).toBeNull();
  });
});

describe('lead scoring', () => {
  it('counts the lead’s activities by kind, and rescores when one is logged, re-kinded or deleted', async () => {
    goTo(100);
    rep = await fresh(rep);
    const admin = await fresh(acme.admin);
    const rules = await admin.request('PUT', '/api/v1/lead-scoring-rules', {
      rules: [
        { label: 'Answered a call', kind: 'activity', activityKind: 'call', points: 10 },
        { label: 'Visited', kind: 'activity', activityKind: 'visit', points: 25 },
      ],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const lead = (await rep.post('/api/v1/leads', { name: 'Scored Lead', company: 'Score Co' })).json();
    const score = async () => (await rep.get(`/api/v1/leads/${lead.id}`)).json();
    expect((await score()).score).toBe(0);

    const first = await log({ leadId: lead.id });
    await log({ leadId: lead.id });
    expect(await score()).toMatchObject({ score: 20, scoreBreakdown: [{ label: 'Answered a call ×2', points: 20 }] });
    expect((await rep.get(`/api/v1/activities?leadId=${lead.id}`)).json().data).toHaveLength(2);

    await rep.patch(`/api/v1/activities/${first.id}`, { kind: 'visit', version: 1 });
    expect((await score()).score).toBe(35);
    await rep.delete(`/api/v1/activities/${first.id}?version=2`);
    expect((await score()).score).toBe(10);
    // The lead's version does not move: a score is derived data.
    expect((await score()).version).toBe(1);

    // Replacing the rules counts the activities too.
    await admin.request('PUT', '/api/v1/lead-scoring-rules', {
      rules: [{ label: 'Any call', kind: 'activity', activityKind: 'call', points: 40 }],
    });
    expect((await score()).score).toBe(40);

    // Once converted, a lead takes no more activities: they go on what it became.
    const converted = await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1 });
    expect(converted.statusCode, converted.body).toBe(200);
    const refused = await rep.post('/api/v1/activities', { kind: 'call', subject: 'Late', leadId: lead.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'leadId' });
  });
});
