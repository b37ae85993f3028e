import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { enqueueJob } from '../../src/platform/jobs/jobs.repository.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';

/**
 * Durable jobs across real processes (issue 5): a scheduled job runs once per slot with two
 * workers on one PostgreSQL, and a worker killed mid-job loses nothing and does the work once.
 */

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const workers: ChildProcess[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) if (w.exitCode === null) w.kill('SIGKILL');
});

type Target = { databaseUrl?: string; dataDir: string };

type Worker = ChildProcess & { output: () => string };

function startWorker(target: Target, env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/jobWorker.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATA_DIR: target.dataDir,
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  child.on('exit', (code, signal) => {
    if (code && code !== 0) console.error(`job worker exited ${code ?? signal}: ${out}`);
  });
  workers.push(child);
  return Object.assign(child, { output: () => out });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh, migrated database with the probe table, for this test only. */
async function freshTarget(label: string): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tierline-jobs-${label}-`));
  let databaseUrl: string | undefined;
  if (testEngine === 'postgres') {
    const name = `tierline_jobs_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = databaseUrlFor(name);
  }
  await withDb({ databaseUrl, dataDir }, (db) => db.execute(sql`create table job_probe (job_id uuid not null, worker text not null)`));
  return { databaseUrl, dataDir };
}

/** Opens the target from the test (on PGlite only while no worker holds the directory). */
async function withDb<T>(target: Target, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** Polls PostgreSQL directly (works while workers run; PGlite allows only one process). */
async function pgQuery<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

describe.skipIf(testEngine !== 'postgres')('two job workers on one PostgreSQL', () => {
  it('run each scheduled slot exactly once between them', async () => {
    const target = await freshTarget('sched');
    const url = target.databaseUrl as string;
    const env = { PROBE_EVERY_MS: '400' };
    const [a, b] = [startWorker(target, { ...env, WORKER_ID: 'a' }), startWorker(target, { ...env, WORKER_ID: 'b' })];
    await until(
      async () =>
        (await pgQuery<{ n: number }>(url, `select count(*)::int as n from jobs where kind = 'test.probe' and status = 'succeeded'`))[0]
          .n >= 8,
    );
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    await Promise.all([exited(a), exited(b)]);

    const slots = await pgQuery<{ dedupe_key: string; runs: number; status: string }>(
      url,
      `select j.dedupe_key, j.status, (select count(*)::int from job_probe p where p.job_id = j.id) as runs
       from jobs j where j.kind = 'test.probe' order by j.dedupe_key`,
    );
    expect(slots.length).toBeGreaterThanOrEqual(8);
    // One job per slot (the unique dedupe key) and each finished job's work done once.
    expect(new Set(slots.map((s) => s.dedupe_key)).size).toBe(slots.length);
    for (const s of slots) expect(s.runs).toBe(s.status === 'succeeded' ? 1 : 0);
    // Consecutive slots: none skipped while both ran.
    const times = slots.map((s) => Date.parse(s.dedupe_key.split('@')[1]));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(400);
  }, 120_000);
});

describe(`a job worker killed mid-job (${testEngine})`, () => {
  it('loses no job: another run takes it over after the lease and does its work exactly once', async () => {
    const target = await freshTarget('kill');
    const jobId = (await withDb(target, (db) =>
      enqueueJob(db, new Date(), { kind: 'test.probe', payload: { sleepMs: 20_000 } }),
    )) as string;

    const first = startWorker(target, { WORKER_ID: 'first', LEASE_MS: '1500' });
    // Wait until the first worker is inside the job (its probe row is written but not committed).
    await until(async () => first.output().includes(`probe running ${jobId}`), 60_000);
    await sleep(300);
    first.kill('SIGKILL');
    await exited(first);

    // The next worker (a quick job this time would be a different job: the same job must finish).
    if (target.databaseUrl) await pgQuery(target.databaseUrl, `update jobs set payload = '{}' where id = '${jobId}'`);
    else await withDb(target, (db) => db.execute(sql`update jobs set payload = '{}' where id = ${jobId}`));
    const second = startWorker(target, { WORKER_ID: 'second', LEASE_MS: '1500' });
    if (target.databaseUrl) {
      const url = target.databaseUrl;
      await until(
        async () => (await pgQuery<{ s: string }>(url, `select status as s from jobs where id = '${jobId}'`))[0]?.s === 'succeeded',
      );
      second.kill('SIGTERM');
    } else {
      // PGlite: one process at a time, so watch the worker's output instead of the database.
      await until(async () => second.output().includes(`probe running ${jobId}`), 60_000);
      await sleep(1_000);
      second.kill('SIGTERM');
    }
    await exited(second);

    const [job, probes] = await withDb(target, async (db) => [
      rowsOf<{ status: string; attempts: number; result: { worker: string } }>(
        await db.execute(sql`select status, attempts, result from jobs where id = ${jobId}`),
      )[0],
      rowsOf<{ worker: string }>(await db.execute(sql`select worker from job_probe where job_id = ${jobId}`)),
    ]);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2, result: { worker: 'second' } });
    expect(probes).toEqual([{ worker: 'second' }]); // the killed run's write was rolled back
  }, 120_000);
});
