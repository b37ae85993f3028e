import { expect } from 'vitest';
import { postForm } from '../../../../test/multipart.ts';
import { seedSalesOrg } from '../../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../../test/testApp.ts';
import { jobHandlers } from '../../../jobs.ts';
import { createJobRunner } from '../../../platform/jobs/jobs.runner.ts';

/**
 * What the importers' database tests share (call it at the top of a test file): the real app on a fresh
 * database with the sales organisation, and a way to import a file as someone and read the finished import.
 */
export async function importKit() {
  const t = await createTestApp();
  const s = await seedSalesOrg(t);
  const runJobs = () => createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers }).runDueJobs();

  /** Uploads, runs the job, and answers the finished import. */
  async function importFile(caller: Caller, fields: Record<string, string>, content: string): Promise<Record<string, any>> {
    const res = await postForm(caller, '/api/v1/imports', fields, { name: `${fields.entity}.csv`, content });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    return (await caller.get(`/api/v1/imports/${res.json().id}`)).json();
  }

  /** The mapping the server guesses for a file, for a test to add value maps to (as the wizard does). */
  async function guessed(caller: Caller, entity: string, content: string): Promise<Record<string, any>> {
    const res = await postForm(caller, '/api/v1/imports/preview', { entity }, { name: `${entity}.csv`, content });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().mapping;
  }

  const emailOf = async (caller: Caller): Promise<string> => (await caller.get('/api/v1/auth/me')).json().user.email;

  return { t, s, importFile, guessed, emailOf, postForm };
}
