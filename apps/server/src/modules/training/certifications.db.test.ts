import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { notificationsOf, seedCourse, signInAgain } from './enrolments.fixtures.ts';
import { trainingRemindersJob } from './enrolments.jobs.ts';
import { certifications, courses, enrolments } from './training.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let yearly: string;
let monthly: string;

type Cert = { id: string; repId: string; courseId: string; grantedOn: string; expiresOn: string | null; status: string };
const certsOf = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/certifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Cert[]; nextCursor: string | null };
};
/** Enrols `rep` (as the director) and has them complete the course: a certification is granted today. */
async function complete(courseId: string, rep: Caller) {
  const e = (await s.director.post('/api/v1/enrolments', { courseId, target: { kind: 'rep', id: rep.userId } })).json().data[0];
  const res = await rep.post(`/api/v1/enrolments/${e.id}/complete`);
  expect(res.statusCode, res.body).toBe(200);
  return e.id as string;
}
const runJob = () =>
  t.db.transaction((tx) =>
    trainingRemindersJob.run({
      tx,
      clock: t.clock,
      job: { id: newId(), orgId: null, kind: trainingRemindersJob.kind, payload: {}, attempts: 0 },
    }),
  );
/** Moves the clock (Shanghai time) and signs everyone used here in again: sessions last a week. */
async function travelTo(iso: string) {
  t.clock.set(new Date(iso));
  for (const key of ['director', 'eastRep', 'westRep', 'eastManager', 'westManager', 'viewer'] as const)
    s[key] = await signInAgain(t, s[key]);
  s.globex.admin = await signInAgain(t, s.globex.admin);
}

beforeAll(async () => {
  s = await seedSalesOrg(t); // today: 2026-01-05 in Shanghai
  yearly = await seedCourse(t, s.acme.orgId, { title: 'Compliance', certification: { name: 'Compliance cert', validMonths: 12 } });
  monthly = await seedCourse(t, s.acme.orgId, { title: 'Product', certification: { name: 'Product cert', validMonths: 1 } });
  await complete(yearly, s.eastRep);
  await complete(monthly, s.eastRep);
  await complete(yearly, s.westRep);
});

describe('listing certifications', () => {
  it('a rep sees their own, a manager their teams’, director and viewer all, another org none', async () => {
    expect((await certsOf(s.eastRep)).data.map((c) => c.courseId).sort()).toEqual([yearly, monthly].sort());
    expect(new Set((await certsOf(s.eastManager)).data.map((c) => c.repId))).toEqual(new Set([s.eastRep.userId]));
    expect((await certsOf(s.westManager)).data.map((c) => c.repId)).toEqual([s.westRep.userId]);
    expect((await certsOf(s.director)).data).toHaveLength(3);
    expect((await certsOf(s.viewer)).data).toHaveLength(3);
    expect((await certsOf(s.globex.admin)).data).toEqual([]);
    expect((await certsOf(s.eastRep, `?repId=${s.westRep.userId}`)).data).toEqual([]);
  });

  it('dates: granted today, expiring by calendar months; filters by rep and team; pages', async () => {
    const mine = (await certsOf(s.director, `?repId=${s.eastRep.userId}`)).data;
    expect(mine.map((c) => [c.courseId, c.grantedOn, c.expiresOn, c.status]).sort()).toEqual(
      [
        [yearly, '2026-01-05', '2027-01-05', 'valid'],
        [monthly, '2026-01-05', '2026-02-05', 'valid'],
      ].sort(),
    );
    expect((await certsOf(s.director, `?teamId=${s.west.id}`)).data.map((c) => c.repId)).toEqual([s.westRep.userId]);
    const first = await certsOf(s.director, '?limit=2');
    const second = await certsOf(s.director, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.data, ...second.data].map((c) => c.id).sort()).toEqual((await certsOf(s.director)).data.map((c) => c.id).sort());
    expect(second.nextCursor).toBeNull();
  });

  it('status follows the organisation’s today: expiring within 30 days, expired after the expiry day', async () => {
    await travelTo('2026-01-10T09:00:00+08:00');
    expect((await certsOf(s.director, '?status=expiring')).data.map((c) => c.courseId)).toEqual([monthly]);
    expect((await certsOf(s.director, '?status=valid')).data).toHaveLength(2);
    await travelTo('2026-02-06T09:00:00+08:00');
    expect((await certsOf(s.director, '?status=expired')).data.map((c) => c.courseId)).toEqual([monthly]);
    expect((await certsOf(s.director, '?status=expiring')).data).toEqual([]);
    await travelTo('2026-01-05T09:00:00+08:00');
  });
});

describe('re-certification', () => {
  it('nothing is renewed 31 days before expiry', async () => {
    await runJob();
    expect(await t.db.select().from(enrolments).where(eq(enrolments.source, 'recertification'))).toEqual([]);
  });

  it('30 days before expiry the job enrols the rep again, due on the expiry date, tells them, and does it once', async () => {
    await travelTo('2026-01-06T09:00:00+08:00');
    const result = await runJob();
    expect(result).toMatchObject({ renewals: 1, renewalsEnrolled: 1, more: false });
    const renewals = await t.db.select().from(enrolments).where(eq(enrolments.source, 'recertification'));
    expect(renewals.map((e) => [e.repId, e.courseId, e.dueOn, e.assignedVia, e.assignedBy, e.status])).toEqual([
      [s.eastRep.userId, monthly, '2026-02-05', 'rep', null, 'assigned'],
    ]);
    const expiring = await notificationsOf(t, s.eastRep.userId as string, 'certification_expiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]).toMatchObject({
      entity: 'enrolment',
      entityId: renewals[0]?.id,
      params: { courseId: monthly, courseTitle: 'Product', certificationName: 'Product cert', expiresOn: '2026-02-05' },
    });
    const assigned = await notificationsOf(t, s.eastRep.userId as string, 'training_assigned');
    expect(assigned.filter((n) => n.params.source === 'recertification')).toHaveLength(1);
    const [cert] = await t.db
      .select()
      .from(certifications)
      .where(and(eq(certifications.repId, s.eastRep.userId as string), eq(certifications.courseId, monthly)));
    expect(cert?.renewalEnrolledAt?.toISOString()).toBe(t.clock.now().toISOString());

    t.clock.advance(3600_000);
    expect(await runJob()).toMatchObject({ renewals: 0, renewalsEnrolled: 0 });
    expect(await notificationsOf(t, s.eastRep.userId as string, 'certification_expiring')).toHaveLength(1);
  });

  it('completing the renewal grants a new certification; the old one is kept', async () => {
    await travelTo('2026-01-31T09:00:00+08:00');
    const [renewal] = (await s.eastRep.get(`/api/v1/enrolments?courseId=${monthly}&status=assigned`)).json().data;
    expect(renewal).toMatchObject({ source: 'recertification', dueOn: '2026-02-05' });
    expect((await s.eastRep.post(`/api/v1/enrolments/${renewal.id}/complete`)).statusCode).toBe(200);
    const certs = (await certsOf(s.eastRep)).data.filter((c) => c.courseId === monthly);
    expect(certs.map((c) => [c.grantedOn, c.expiresOn, c.status])).toEqual([
      ['2026-01-31', '2026-02-28', 'expiring'],
      ['2026-01-05', '2026-02-05', 'expiring'],
    ]);
    // The new one is expiring too, but the job renews it only once its own renewal is due — and now it is (28 days).
    expect(await runJob()).toMatchObject({ renewals: 1 });
  });

  it('no renewal for an inactive course or a rep with the course open already; the latest certification only', async () => {
    await travelTo('2026-03-01T09:00:00+08:00');
    const other = await seedCourse(t, s.acme.orgId, { title: 'Other', certification: { name: 'Other cert', validMonths: 1 } });
    await complete(other, s.westRep); // expires 2026-04-01
    await t.db.update(courses).set({ active: false }).where(eq(courses.id, other));
    await travelTo('2026-03-05T09:00:00+08:00');
    expect(await runJob()).toMatchObject({ renewals: 0 });
    await t.db.update(courses).set({ active: true }).where(eq(courses.id, other));
    await s.director.post('/api/v1/enrolments', { courseId: other, target: { kind: 'rep', id: s.westRep.userId } });
    expect(await runJob()).toMatchObject({ renewals: 0 });
    const [open] = (await s.westRep.get(`/api/v1/enrolments?courseId=${other}&status=assigned`)).json().data;
    await s.director.post(`/api/v1/enrolments/${open.id}/cancel`);
    expect(await runJob()).toMatchObject({ renewals: 1, renewalsEnrolled: 1 });
  });
});
