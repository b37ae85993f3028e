import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser, signIn } from '../../../test/testApp.ts';
import { jobHandlers, jobSchedules } from '../../jobs.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';

/**
 * Issue 5's done-when, end to end and by the scheduled job alone: the hourly `pool.sweep` slot warns
 * the owner of an SMB customer nobody contacted (30 days, warning 3 days before), then returns it
 * to the pool; a visit logged in between restarts the clock and moves the cadence task.
 */
const t = await createTestApp();
afterAll(() => t.app.close());
const DAY = 86_400_000;
const T0 = t.clock.now();
const at = (days: number) => t.clock.set(new Date(T0.getTime() + days * DAY));
const worker = createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers, schedules: jobSchedules({ poolSweepMinutes: 60 }) });

const { orgId, admin } = await seedOrg(t, 'Scheduled Sweep');
const rep = await seedUser(t, orgId, 'rep');
const repEmail = (await admin.get(`/api/v1/users/${rep.userId}`)).json().email as string;
const newCustomer = async (name: string) => (await rep.post('/api/v1/customers', { name })).json();
const owner = async (id: string) => (await (await signIn(t, repEmail)).get(`/api/v1/customers/${id}`)).json().ownerId;

describe('the scheduled pool sweep', () => {
  it('warns, then reclaims an uncontacted customer; a logged visit keeps the other and moves its cadence task', async () => {
    const neglected = await newCustomer('无人跟进的客户');
    const visited = await newCustomer('已拜访的客户');
    await worker.runDueJobs();

    at(20);
    const session = await signIn(t, repEmail);
    const visit = await session.post('/api/v1/activities', {
      kind: 'visit',
      subject: '上门拜访',
      customerId: visited.id,
      location: '苏州',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const [cadence] = (await session.get(`/api/v1/tasks?customerId=${visited.id}&source=cadence&status=open`)).json().data;
    expect(new Date(cadence.dueAt).getTime()).toBeGreaterThan(T0.getTime() + 20 * DAY);

    at(28);
    await worker.runDueJobs();
    const warned = (await (await signIn(t, repEmail)).get('/api/v1/notifications')).json().data;
    expect(warned.map((n: { kind: string; entityId: string }) => [n.kind, n.entityId])).toContainEqual(['pool_warning', neglected.id]);
    expect(await owner(neglected.id)).toBe(rep.userId);

    at(31);
    await worker.runDueJobs();
    expect(await owner(neglected.id)).toBeNull();
    expect(await owner(visited.id)).toBe(rep.userId);
  });
});
