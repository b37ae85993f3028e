import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, startServer, waitReady } from '../serverProcess.ts';
import { seedDataDir } from './seedDataDir.ts';

/**
 * Issue 11: SIGKILL during writes → restart with no acknowledged write lost, on both engines
 * (test/embedded/process.test.ts proves single-row creates on PGlite; this adds PostgreSQL,
 * multi-row batches that must be all or nothing, and updates of one record).
 */

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'kill@example.test', TIERLINE_ADMIN_PASSWORD: 'Kill-Password-1', TIERLINE_ORG_NAME: 'Kill' };
const BATCH = 25;
const running: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  for (const cleanup of cleanups) await cleanup();
});

/** Runs the statements in order on one connection (opening PGlite once: seconds on a loaded machine). */
type Query = (...sql: string[]) => Promise<Record<string, unknown>[][]>;

/** A fresh database outside the server, read by the test once no server holds it. */
async function freshTarget(): Promise<{ env: Record<string, string>; query: Query }> {
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-kill-writes-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    await seedDataDir(dir);
    return {
      env: { DATA_DIR: dir },
      query: async (...sql) => {
        const db = await openPglite({ dataDir: path.join(dir, 'pgdata') });
        try {
          const results = [];
          for (const text of sql) results.push((await db.rawQuery(text)).rows);
          return results;
        } finally {
          await db.close();
        }
      },
    };
  }
  const name = `tierline_kill_writes_${process.pid}`;
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(statement).finally(() => admin.end());
  };
  await onServer(`drop database if exists ${name} with (force)`);
  await onServer(`create database ${name}`);
  cleanups.push(() => onServer(`drop database if exists ${name} with (force)`));
  const url = databaseUrlFor(name);
  return {
    env: { DATABASE_URL: url },
    query: async (...sql) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const results = [];
        for (const text of sql) results.push((await client.query(text)).rows);
        return results;
      } finally {
        await client.end();
      }
    },
  };
}

async function start(env: Record<string, string>) {
  const server = startServer({ ...env, ...ADMIN, TIERLINE_POOL_SWEEP_MINUTES: '0' }, await freePort());
  running.push(server);
  await waitReady(server);
  return server;
}

describe(`SIGKILL mid-writes (${testEngine})`, () => {
  it('loses no acknowledged create, batch or update, leaves no half batch, and starts again on the same data', async () => {
    const target = await freshTarget();
    const server = await start(target.env);
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    let killed = false;
    const counted = await api('/api/v1/customers', { method: 'POST', body: { name: 'Counter', region: 'v1' } });
    const counter = (await counted.json()) as { id: string; version: number };

    const teams: string[] = [];
    const batches: number[] = [];
    let lastUpdate = { version: counter.version, region: 'v1' };
    let n = 0;
    // Each loop ends when a request fails because the server is gone.
    const loop = (write: () => Promise<void>) => async () => {
      try {
        while (!killed) await write();
      } catch (err) {
        if (!killed) throw err; // a real failure, not the connection dying with the server
      }
    };
    const createTeam = loop(async () => {
      const name = `Team ${n++}`;
      if ((await api('/api/v1/teams', { method: 'POST', body: { name } })).status === 201) teams.push(name);
    });
    const createBatch = loop(async () => {
      const b = n++;
      const records = Array.from({ length: BATCH }, (_, i) => ({ name: `Batch ${b} #${i}`, externalId: `B${b}-${i}` }));
      const res = await api('/api/v1/customers/batch', { method: 'POST', body: { records } });
      if (res.status === 200) batches.push(b);
    });
    const update = loop(async () => {
      const region = `v${lastUpdate.version + 1}`;
      const res = await api(`/api/v1/customers/${counter.id}`, { method: 'PATCH', body: { region, version: lastUpdate.version } });
      if (res.status !== 200) throw new Error(`update answered ${res.status}`);
      lastUpdate = { version: ((await res.json()) as { version: number }).version, region };
    });
    const writers = [createTeam(), createTeam(), createBatch(), createBatch(), update()];
    while (teams.length < 20 || batches.length < 3 || lastUpdate.version < 6) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    server.child.kill('SIGKILL');
    await Promise.all(writers);
    await server.exited;

    // It starts again on the same data (the embedded lock of the killed process is taken over) and serves.
    const again = await start(target.env);
    const api2 = await httpSession(again.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    expect((await api2('/api/v1/teams', { method: 'POST', body: { name: 'After the kill' } })).status).toBe(201);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);

    const [teamRows, perBatch, [stored]] = await target.query(
      'select name from teams',
      `select split_part(external_id, '-', 1) as batch, count(*)::int as n from customers where external_id like 'B%' group by 1`,
      `select version, region from customers where id = '${counter.id}'`,
    );
    const storedTeams = new Set(teamRows.map((r) => r.name as string));
    expect(teams.filter((name) => !storedTeams.has(name))).toEqual([]);
    expect(storedTeams.has('After the kill')).toBe(true);

    const sizes = new Map(perBatch.map((r) => [Number((r.batch as string).slice(1)), r.n as number]));
    expect(batches.filter((b) => sizes.get(b) !== BATCH)).toEqual([]); // every acknowledged batch is whole
    expect([...sizes.values()].filter((size) => size !== BATCH)).toEqual([]); // and no batch is there in part

    // The last acknowledged update is there; at most the one in flight when killed committed after it.
    expect(stored.version as number).toBeGreaterThanOrEqual(lastUpdate.version);
    expect(stored.version as number).toBeLessThanOrEqual(lastUpdate.version + 1);
    if (stored.version === lastUpdate.version) expect(stored.region).toBe(lastUpdate.region);
    else expect(stored.region).toBe(`v${lastUpdate.version + 1}`);
  }, 180_000); // as test/embedded/process.test.ts: two server starts, slow on a loaded 2-core machine
});
