import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, sessionHeaders, startServer, waitReady } from '../serverProcess.ts';
import { createPrivateCluster, type PrivateCluster } from './privateCluster.ts';

/**
 * Issue 11: PostgreSQL restarted under load → /readyz fails, then recovers by itself, and requests
 * succeed again without a Tierline restart. The PostgreSQL here is a private cluster this file
 * starts and crashes (`pg_ctl stop -m immediate`), never the machine's shared server. It runs on
 * the PostgreSQL pass only: that is where PostgreSQL's binaries are expected.
 */

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'restart@example.test', TIERLINE_ADMIN_PASSWORD: 'Restart-Password-1', TIERLINE_ORG_NAME: 'Restart' };
/** How long an answer may take while the database is gone: it must fail fast, not hang. */
const PROMPT_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(call: () => Promise<Response>) {
  const started = Date.now();
  const res = await call();
  return { res, ms: Date.now() - started, body: await res.text() };
}

describe.skipIf(testEngine !== 'postgres')('PostgreSQL crashed and restarted under load', () => {
  let cluster: PrivateCluster;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = createPrivateCluster(await freePort());
    cluster.start();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('create database tierline');
    await admin.end();
    server = startServer({ DATABASE_URL: cluster.url('tierline'), ...ADMIN, TIERLINE_JOB_POLL_MS: '200' }, await freePort());
    await waitReady(server);
  }, 90_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    cluster?.destroy();
  });

  it('answers 503 fast while it is down, never crashes, and serves again by itself once it is back', async () => {
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let load = true;
    let n = 0;
    // Writers and readers keep going through the whole outage, as real users would.
    const writer = async () => {
      while (load) {
        const name = `Team ${n++}`;
        const res = await api('/api/v1/teams', { method: 'POST', body: { name } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.body?.cancel();
        if (res.status === 201) acknowledged.push(name);
        else await sleep(50);
      }
    };
    const reader = async () => {
      while (load) {
        const res = await api('/api/v1/customers?limit=5');
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.body?.cancel();
        if (res.status !== 200) await sleep(50);
      }
    };
    const users = [writer(), writer(), writer(), reader()];
    while (acknowledged.length < 30) await sleep(20);

    cluster.crash();
    const down = await timed(() => fetch(`${server.url}/readyz`));
    expect(down.res.status).toBe(503);
    expect(down.ms).toBeLessThan(PROMPT_MS);
    expect(down.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(down.body)).toMatchObject({ status: 503, code: 'not_ready' });

    const write = await timed(() => api('/api/v1/teams', { method: 'POST', body: { name: 'During the outage' } }));
    expect(write.res.status).toBe(503);
    expect(write.ms).toBeLessThan(PROMPT_MS);
    expect(write.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(write.res.headers.get('retry-after')).toBeTruthy();
    expect(JSON.parse(write.body)).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(write.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/); // no internals in the answer
    await sleep(2_000); // the load and the job worker keep hitting the dead database meanwhile
    expect(server.child.exitCode).toBeNull();

    cluster.start();
    const back = Date.now();
    let ready = 0;
    while (ready !== 200 && Date.now() - back < 30_000) {
      ready = (await fetch(`${server.url}/readyz`)).status;
      if (ready !== 200) await sleep(200);
    }
    expect(ready).toBe(200);
    // The same process and the same session (it lives in the database) work again.
    const after = await api('/api/v1/teams', { method: 'POST', body: { name: 'After the restart' } });
    expect(after.status).toBe(201);
    // The job worker, which failed its polls meanwhile, runs jobs again: an import goes through.
    const form = new FormData();
    form.set('entity', 'customers');
    form.set('mode', 'skip-invalid');
    form.set('mapping', JSON.stringify({ name: { column: 'name' } }));
    form.set('file', new Blob(['name\nImported after the restart\n'], { type: 'text/csv' }), 'customers.csv');
    const queued = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: await sessionHeaders(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD),
      body: form,
    });
    expect(queued.status).toBe(202);
    const { id: importId } = (await queued.json()) as { id: string };
    let importStatus = '';
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && importStatus !== 'succeeded'; await sleep(200)) {
      importStatus = ((await (await api(`/api/v1/imports/${importId}`)).json()) as { status: string }).status;
    }
    expect(importStatus).toBe('succeeded');
    const before = acknowledged.length;
    while (acknowledged.length < before + 10) await sleep(20); // the load recovered too
    load = false;
    await Promise.all(users);
    expect(server.child.exitCode).toBeNull();

    // Every answer was a success or a clean 503: no 500, no dropped connection (a dropped one would have thrown above).
    expect([...statuses.keys()].filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect(server.output()).toMatch(/database unavailable/);

    // Every acknowledged write survived the crash.
    const db = new pg.Client({ connectionString: cluster.url('tierline') });
    await db.connect();
    const { rows } = await db.query<{ name: string }>('select name from teams');
    await db.end();
    const stored = new Set(rows.map((r) => r.name));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    expect(stored.has('After the restart')).toBe(true);
  }, 90_000);
});
