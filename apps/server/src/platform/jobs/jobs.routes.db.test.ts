import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { enqueueJob } from './jobs.repository.ts';
import { createJobRunner } from './jobs.runner.ts';
import { jobs } from './jobs.table.ts';

const t = await createTestApp();
afterAll(() => t.app.close());

const { orgId, admin } = await seedOrg(t, 'Jobs Org');
const other = await seedOrg(t, 'Other Jobs Org');
const rep = await seedUser(t, orgId, 'rep');
const director = await seedUser(t, orgId, 'director');

// A failing job of the organisation, one of another organisation, and a system job that succeeded.
const broken = { kind: 'test.broken', run: async () => Promise.reject(new Error('smtp refused')), maxAttempts: 1 };
const sweep = { kind: 'test.sweep', run: async () => ({ reclaimed: 42 }) };
const failedId = (await enqueueJob(t.db, t.clock.now(), { kind: 'test.broken', orgId, maxAttempts: 1 })) as string;
const otherOrgJob = (await enqueueJob(t.db, t.clock.now(), { kind: 'test.sweep', orgId: other.orgId })) as string;
const systemJob = (await enqueueJob(t.db, t.clock.now(), { kind: 'test.sweep' })) as string;
await createJobRunner({ db: t.db, clock: t.clock, handlers: [broken, sweep] }).runDueJobs();

describe('the jobs admin API', () => {
  it('lists the organisation’s jobs and system jobs, never another organisation’s', async () => {
    const res = await admin.get('/api/v1/jobs');
    expect(res.statusCode).toBe(200);
    const ids = res.json().data.map((j: { id: string }) => j.id);
    expect(ids).toContain(failedId);
    expect(ids).toContain(systemJob);
    expect(ids).not.toContain(otherOrgJob);
    expect((await admin.get(`/api/v1/jobs/${otherOrgJob}`)).statusCode).toBe(404);
  });

  it('shows a failure with its reason, and hides a system job’s result', async () => {
    expect((await admin.get(`/api/v1/jobs/${failedId}`)).json()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'Error: smtp refused',
      system: false,
    });
    expect((await admin.get(`/api/v1/jobs/${systemJob}`)).json()).toMatchObject({ status: 'succeeded', system: true, result: null });
    expect((await other.admin.get(`/api/v1/jobs/${otherOrgJob}`)).json()).toMatchObject({ result: { reclaimed: 42 } });
  });

  it('filters by status and counts by status', async () => {
    const failed = (await admin.get('/api/v1/jobs?status=failed')).json().data;
    expect(failed.map((j: { id: string }) => j.id)).toEqual([failedId]);
    expect((await admin.get('/api/v1/jobs/summary')).json()).toMatchObject({ counts: { failed: 1, succeeded: 1 } });
  });

  it('retries a failed job with fresh attempts, and refuses to retry anything else', async () => {
    const res = await admin.post(`/api/v1/jobs/${failedId}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect((await admin.post(`/api/v1/jobs/${failedId}/retry`)).json()).toMatchObject({ status: 409, code: 'job_not_failed' });
    expect((await admin.post(`/api/v1/jobs/${systemJob}/retry`)).json()).toMatchObject({ status: 409, code: 'system_job' });
    expect((await other.admin.post(`/api/v1/jobs/${failedId}/retry`)).statusCode).toBe(404);
    const audit = (await admin.get(`/api/v1/audit-log?entity=job&entityId=${failedId}`)).json().data;
    expect(audit).toHaveLength(1);
  });

  it('is for admins only', async () => {
    for (const caller of [rep, director]) {
      expect((await caller.get('/api/v1/jobs')).statusCode).toBe(403);
      expect((await caller.get('/api/v1/jobs/summary')).statusCode).toBe(403);
      expect((await caller.get(`/api/v1/jobs/${failedId}`)).statusCode).toBe(403);
      expect((await caller.post(`/api/v1/jobs/${failedId}/retry`)).statusCode).toBe(403);
    }
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, failedId));
    expect(row.status).toBe('queued');
  });
});
