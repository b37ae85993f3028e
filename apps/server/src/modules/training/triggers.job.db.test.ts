import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, signIn } from '../../../test/testApp.ts';
import type { JobRecord } from '../../platform/jobs/jobs.types.ts';
import { enrolments } from './training.table.ts';
import { outcomeTriggersJob } from './triggers.jobs.ts';

/**
 * The done-when: "an outcome rule enrols the rep it should, and only that rep, when a period closes" —
 * win rate in the long pipeline below 20 % for a quarter → course X, for an organisation in Asia/Shanghai.
 */
const t = await createTestApp();
t.clock.set(new Date('2026-08-15T10:00:00+08:00')); // the middle of 2026-Q3
const s = await seedSalesOrg(t);
const { acme, loneRep } = s;
const emailOf = async (c: Caller) => (await c.get('/api/v1/auth/me')).json().user.email as string;
const emails = {
  admin: await emailOf(acme.admin),
  director: await emailOf(s.director),
  east: await emailOf(s.eastRep),
  west: await emailOf(s.westRep),
};
let { director, eastRep, westRep } = s;
let admin = acme.admin;
/** Moves the clock; sessions last 7 days, so everyone signs in again at the new time. */
async function clockAt(iso: string) {
  t.clock.set(new Date(iso));
  [admin, director, eastRep, westRep] = await Promise.all([
    signIn(t, emails.admin),
    signIn(t, emails.director),
    signIn(t, emails.east),
    signIn(t, emails.west),
  ]);
}

const runJob = () =>
  t.db.transaction((tx) =>
    outcomeTriggersJob.run({
      tx,
      clock: t.clock,
      job: { id: 'x', orgId: null, kind: outcomeTriggersJob.kind, payload: {}, attempts: 1 } as JobRecord,
    }),
  );

const courseX = (
  await director.post('/api/v1/courses', {
    title: 'Course X: closing long deals',
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 60,
  })
).json() as { id: string };

/** Closed deals of one rep, migrated with their dates (gates guard moves, not history). */
async function closed(owner: Caller, processType: string, won: number, lost: number, closedAt: string) {
  const record = (stageKey: string, i: number) => ({
    name: `${processType} ${stageKey} ${i}`,
    processType,
    stageKey,
    amount: 1000,
    ownerId: owner.userId,
    lossReason: stageKey === 'lost' ? 'price' : null,
    createdAt: '2026-07-01T09:00:00+08:00',
    closedAt,
  });
  const records = [
    ...Array.from({ length: won }, (_, i) => record('won', i)),
    ...Array.from({ length: lost }, (_, i) => record('lost', i)),
  ];
  const res = await admin.post('/api/v1/deals/batch', { records });
  expect(res.statusCode, res.body).toBe(200);
}

const createTrigger = async (fields: object = {}) => {
  const res = await director.post('/api/v1/training-triggers', {
    name: 'Long-cycle win rate below 20 %',
    metric: { kind: 'winRate', processType: 'long' },
    threshold: '0.2',
    periodKind: 'quarter',
    minSample: 5,
    courseId: courseX.id,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; createdAt: string; lastRunPeriod: string | null };
};

const enrolmentsInX = () =>
  t.db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.orgId, acme.orgId), eq(enrolments.courseId, courseX.id)))
    .orderBy(enrolments.createdAt, enrolments.repId);
const fires = async (triggerId: string) => (await director.get(`/api/v1/training-trigger-fires?triggerId=${triggerId}`)).json().data;

describe('win rate in the long pipeline below 20 % for a quarter → course X', () => {
  let trigger: { id: string };

  it('enrols exactly the rep below the threshold once the quarter closes in the org’s zone, and logs the figure', async () => {
    // Q3, long pipeline: east 1 won / 9 lost = 10 %; west 3 won / 3 lost = 50 %; the lone rep closed nothing.
    await closed(eastRep, 'long', 1, 9, '2026-08-10T15:00:00+08:00');
    await closed(westRep, 'long', 3, 3, '2026-08-12T15:00:00+08:00');
    // Short-pipeline wins of east's: a win rate over every pipeline would be 6 / 15 = 40 %, no fire.
    await closed(eastRep, 'short', 5, 0, '2026-08-11T15:00:00+08:00');
    // West's losses at 00:30 on 1 October in Shanghai (16:30Z on 30 September) are Q4's: counted in Q3, west would be 3 / 23.
    await closed(westRep, 'long', 0, 20, '2026-10-01T00:30:00+08:00');
    trigger = await createTrigger();

    // Before the quarter ends: the last closed quarter (Q2) ended before the trigger existed.
    expect(await runJob()).toMatchObject({ triggers: 0, fired: 0 });
    await clockAt('2026-09-30T23:59:00+08:00');
    expect(await runJob()).toMatchObject({ triggers: 0, fired: 0 });
    expect(await enrolmentsInX()).toEqual([]);
    expect(await fires(trigger.id)).toEqual([]);

    await clockAt('2026-10-01T00:05:00+08:00'); // 2026-09-30T16:05Z: Q3 has closed in Shanghai
    expect(await runJob()).toMatchObject({ triggers: 1, fired: 1 });

    const enrolled = await enrolmentsInX();
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]).toMatchObject({
      repId: eastRep.userId,
      source: 'trigger',
      assignedVia: 'rep',
      assignedBy: null,
      dueOn: '2026-10-30', // 30 days after 30 September
      status: 'assigned',
    });
    expect(await fires(trigger.id)).toEqual([
      {
        id: expect.any(String),
        triggerId: trigger.id,
        period: '2026-Q3',
        repId: eastRep.userId,
        repName: expect.any(String),
        value: '0.1000',
        threshold: '0.2000',
        sample: 10,
        outcome: 'enrolled',
        enrolmentId: enrolled[0]!.id,
        firedAt: new Date('2026-10-01T00:05:00+08:00').toISOString(),
      },
    ]);
    expect((await director.get(`/api/v1/training-triggers/${trigger.id}`)).json().lastRunPeriod).toBe('2026-Q3');
    // The rep is told (training_assigned, from the enrolment).
    const inbox = (await eastRep.get('/api/v1/notifications')).json().data as { kind: string; params: Record<string, unknown> }[];
    expect(inbox.filter((n) => n.kind === 'training_assigned')).toMatchObject([
      { params: { courseId: courseX.id, dueOn: '2026-10-30', source: 'trigger' } },
    ]);
    const westInbox = (await westRep.get('/api/v1/notifications')).json().data as { kind: string }[];
    expect(westInbox.filter((n) => n.kind === 'training_assigned')).toEqual([]);
  });

  it('changes nothing when the job runs again', async () => {
    t.clock.advance(60 * 60_000);
    expect(await runJob()).toMatchObject({ triggers: 0, fired: 0 });
    expect(await enrolmentsInX()).toHaveLength(1);
    expect(await fires(trigger.id)).toHaveLength(1);
  });

  it('does not fire a trigger for a quarter that closed before it was created; it waits for the next', async () => {
    // Same rule at 60 %: over Q3 it would catch east (10 %) and west (50 %) — but Q3 closed before it existed.
    const late = await createTrigger({ name: 'Win rate below 60 %', threshold: '0.6' });
    expect(await runJob()).toMatchObject({ triggers: 0, fired: 0 });
    expect(await fires(late.id)).toEqual([]);
    expect(await enrolmentsInX()).toHaveLength(1);

    // Q4 closes: west's 20 losses (0 %) fire both triggers; the second finds west already enrolled by the first.
    await clockAt('2027-01-01T00:10:00+08:00');
    expect(await runJob()).toMatchObject({ triggers: 2, fired: 2 });
    const all = await enrolmentsInX();
    expect(all.map((e) => e.repId)).toEqual([eastRep.userId, westRep.userId]);
    const west = all[1]!;
    expect(west).toMatchObject({ dueOn: '2027-01-30', source: 'trigger' });
    expect(await fires(trigger.id)).toMatchObject([
      { period: '2026-Q4', repId: westRep.userId, value: '0.0000', sample: 20, outcome: 'enrolled', enrolmentId: west.id },
      { period: '2026-Q3', repId: eastRep.userId },
    ]);
    expect(await fires(late.id)).toMatchObject([
      { period: '2026-Q4', repId: westRep.userId, value: '0.0000', threshold: '0.6000', outcome: 'already_enrolled', enrolmentId: west.id },
    ]);
    // Nobody else: the lone rep closed nothing (no figure), east closed nothing in Q4.
    const everyone = (await director.get('/api/v1/training-trigger-fires')).json().data as { repId: string }[];
    expect(everyone.some((f) => f.repId === loneRep.userId)).toBe(false);
  });

  it('skips a disabled trigger', async () => {
    const off = await createTrigger({ name: 'Off', threshold: '0.9', enabled: false });
    await clockAt('2027-04-01T00:10:00+08:00');
    expect(await runJob()).toMatchObject({ triggers: 2 }); // the two enabled ones, over 2027-Q1
    expect(await fires(off.id)).toEqual([]);
    expect((await director.get(`/api/v1/training-triggers/${off.id}`)).json().lastRunPeriod).toBeNull();
  });
});
