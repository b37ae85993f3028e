import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { notificationsOf, seedCourse } from './enrolments.fixtures.ts';
import { runTrainingReminders, trainingRemindersJob } from './enrolments.jobs.ts';
import { enrolReps } from './enrolments.usecases.ts';

const t = await createTestApp();
let s: SalesOrg;
let course: string;
let second: string;
let third: string;
let globexRep: Caller;
let globexCourse: string;
const ids: Record<string, string> = {};

const runJob = () =>
  t.db.transaction((tx) =>
    trainingRemindersJob.run({
      tx,
      clock: t.clock,
      job: { id: newId(), orgId: null, kind: trainingRemindersJob.kind, payload: {}, attempts: 0 },
    }),
  );
const enrol = async (name: string, orgId: string, courseId: string, rep: Caller, dueOn: string | null) => {
  const { enrolled } = await enrolReps(t.db, {
    orgId,
    courseId,
    repIds: [rep.userId as string],
    source: 'manual',
    assignedVia: 'rep',
    dueOn,
    assignedBy: null,
    now: t.clock.now(),
    requestId: 'test',
  });
  ids[name] = enrolled[0]?.id as string;
};
const sentFor = async (userId: string | undefined, kind: 'training_due_soon' | 'training_overdue') =>
  (await notificationsOf(t, userId as string, kind)).map((n) => n.entityId).sort();

beforeAll(async () => {
  s = await seedSalesOrg(t); // now: 2026-01-05 09:00 Shanghai (01:00 UTC)
  await t.db.update(orgs).set({ timeZone: 'America/Los_Angeles' }).where(eq(orgs.id, s.globex.orgId)); // still 4 January there
  globexRep = await seedUser(t, s.globex.orgId, 'rep');
  course = await seedCourse(t, s.acme.orgId, { title: 'Objection handling' });
  second = await seedCourse(t, s.acme.orgId, { title: 'Second' });
  third = await seedCourse(t, s.acme.orgId, { title: 'Third' });
  globexCourse = await seedCourse(t, s.globex.orgId, { title: 'Globex' });
  await enrol('inThree', s.acme.orgId, course, s.eastRep, '2026-01-08');
  await enrol('inFour', s.acme.orgId, second, s.eastRep, '2026-01-09');
  await enrol('today', s.acme.orgId, course, s.westRep, '2026-01-05');
  await enrol('late', s.acme.orgId, third, s.eastRep, '2026-01-04');
  await enrol('lateLone', s.acme.orgId, course, s.loneRep, '2026-01-03');
  await enrol('undated', s.acme.orgId, second, s.westRep, null);
  await enrol('globex', s.globex.orgId, globexCourse, globexRep, '2026-01-04');
});

describe('the training reminders job', () => {
  it('due soon (within 3 days, today included) to the rep; overdue to the rep and their team’s manager', async () => {
    const result = await runJob();
    expect(result).toMatchObject({ dueSoon: 3, overdue: 2, more: false });
    expect(await sentFor(s.eastRep.userId, 'training_due_soon')).toEqual([ids.inThree]);
    expect(await sentFor(s.westRep.userId, 'training_due_soon')).toEqual([ids.today]);
    expect(await sentFor(s.eastRep.userId, 'training_overdue')).toEqual([ids.late]);
    expect(await sentFor(s.eastManager.userId, 'training_overdue')).toEqual([ids.late]);
    expect(await sentFor(s.westManager.userId, 'training_overdue')).toEqual([]);
    // A rep in no team: only they are told.
    expect(await sentFor(s.loneRep.userId, 'training_overdue')).toEqual([ids.lateLone]);
    const [toManager] = await notificationsOf(t, s.eastManager.userId as string, 'training_overdue');
    expect(toManager?.params).toEqual({
      courseId: expect.any(String),
      courseTitle: 'Third',
      dueOn: '2026-01-04',
      repId: s.eastRep.userId,
      repName: expect.any(String),
    });
    const [dueSoon] = await notificationsOf(t, s.eastRep.userId as string, 'training_due_soon');
    expect(dueSoon).toMatchObject({ entity: 'enrolment', params: { courseTitle: 'Objection handling', dueOn: '2026-01-08' } });
  });

  it('each organisation’s own today: in Los Angeles it is still 4 January, so due today there, not overdue', async () => {
    expect(await sentFor(globexRep.userId, 'training_due_soon')).toEqual([ids.globex]);
    expect(await sentFor(globexRep.userId, 'training_overdue')).toEqual([]);
  });

  it('sends each reminder once', async () => {
    const before = (await t.db.select().from(notifications)).length;
    t.clock.advance(3600_000);
    expect(await runJob()).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect((await t.db.select().from(notifications)).length).toBe(before);
  });

  it('a day later: the next one falls due soon, yesterday’s due date is overdue now (both once)', async () => {
    t.clock.set(new Date('2026-01-06T09:00:00+08:00'));
    expect(await runJob()).toMatchObject({ dueSoon: 1, overdue: 2 });
    expect(await sentFor(s.eastRep.userId, 'training_due_soon')).toEqual([ids.inThree, ids.inFour].sort());
    expect(await sentFor(s.westRep.userId, 'training_overdue')).toEqual([ids.today]);
    expect(await sentFor(s.westManager.userId, 'training_overdue')).toEqual([ids.today]);
    expect(await sentFor(globexRep.userId, 'training_overdue')).toEqual([ids.globex]);
    expect(await runJob()).toMatchObject({ dueSoon: 0, overdue: 0 });
  });

  it('closed enrolments are never reminded; a full batch asks for another round', async () => {
    await enrol('cancelled', s.acme.orgId, second, s.loneRep, '2026-01-01');
    await s.director.post(`/api/v1/enrolments/${ids.cancelled}/cancel`);
    await enrol('a', s.acme.orgId, third, s.westRep, '2026-01-02');
    await enrol('b', s.acme.orgId, third, s.loneRep, '2026-01-02');
    const first = await t.db.transaction((tx) => runTrainingReminders(tx, t.clock.now(), 1));
    expect(first).toMatchObject({ overdue: 1, full: true });
    const next = await t.db.transaction((tx) => runTrainingReminders(tx, t.clock.now(), 1));
    expect(next).toMatchObject({ overdue: 1, full: true });
    expect(await runJob()).toMatchObject({ overdue: 0, more: false });
    expect(await sentFor(s.loneRep.userId, 'training_overdue')).not.toContain(ids.cancelled);
  });
});
