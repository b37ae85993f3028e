import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, startServer, waitReady } from '../serverProcess.ts';

const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

// The scale-out story: the API is stateless, so two instances share one PostgreSQL server.
describe.skipIf(testEngine !== 'postgres')('two API instances on one PostgreSQL', () => {
  it('start together (migrating once), share sessions, and see each other’s writes', async () => {
    const name = `tierline_scaleout_${process.pid}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    try {
      const env = {
        DATABASE_URL: databaseUrlFor(name),
        TIERLINE_ADMIN_EMAIL: 'ops@scale.test',
        TIERLINE_ADMIN_PASSWORD: 'Scale-Out-Pass-1',
      };
      const [a, b] = [startServer(env, await freePort()), startServer(env, await freePort())];
      running.push(a, b);
      await Promise.all([waitReady(a), waitReady(b)]);

      const viaA = await httpSession(a.url, env.TIERLINE_ADMIN_EMAIL, env.TIERLINE_ADMIN_PASSWORD);
      const created = (await (await viaA('/api/v1/teams', { method: 'POST', body: { name: 'Made on A' } })).json()) as { id: string };
      // The session signed in on A works on B (sessions live in the database), and B sees A's write.
      const onB = (await (await viaA(`/api/v1/teams/${created.id}`, { baseUrl: b.url })).json()) as { name: string };
      expect(onB.name).toBe('Made on A');
      const changed = await viaA(`/api/v1/teams/${created.id}`, { baseUrl: b.url, method: 'PATCH', body: { region: 'B', version: 1 } });
      expect(changed.status).toBe(200);
      expect((await viaA(`/api/v1/teams/${created.id}`, { method: 'PATCH', body: { region: 'A', version: 1 } })).status).toBe(409);

      const db = new pg.Client({ connectionString: databaseUrlFor(name) });
      await db.connect();
      const { rows } = await db.query('select count(*)::int as n from orgs');
      await db.end();
      expect(rows[0].n).toBe(1); // both started with the bootstrap variables; one organisation was made
    } finally {
      for (const s of running) s.child.kill('SIGTERM');
      await Promise.all(running.map((s) => s.exited));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
