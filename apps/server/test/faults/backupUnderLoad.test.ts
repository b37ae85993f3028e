import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backup as backupDatabase, restore } from '../../src/platform/backup/backup.ts';
import { freshTarget, type Target } from '../backup/targets.ts';
import { testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, startServer, waitReady } from '../serverProcess.ts';

/**
 * Issue 11, backup round trip: test/backup/backupCli.test.ts proves it on a quiet database on both
 * engines. docs/operations.md also promises that a PostgreSQL backup may be taken while the server
 * serves; this proves that one under write load: the restored database equals the manifest table
 * by table, holds every write acknowledged before the backup began, and no half of any batch.
 * (An embedded backup needs the server stopped: DATA_DIR takes one process at a time.)
 */

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'backup@example.test', TIERLINE_ADMIN_PASSWORD: 'Backup-Password-1', TIERLINE_ORG_NAME: 'Backup' };
const BATCH = 20;
let work: string | undefined;
const targets: Target[] = [];
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await Promise.all(targets.map((t) => t.drop()));
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(testEngine !== 'postgres')('a PostgreSQL backup taken while the server takes writes', () => {
  it('restores to exactly its snapshot: every table equal to the manifest, nothing acknowledged before it lost', async () => {
    const [source, target] = await Promise.all([freshTarget('loadsrc'), freshTarget('loaddst')]);
    targets.push(source, target);
    server = startServer({ ...source.env, ...ADMIN }, await freePort());
    await waitReady(server);
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);

    const teams: string[] = [];
    const batches: number[] = [];
    let writing = true;
    let n = 0;
    const createTeam = async () => {
      while (writing) {
        const name = `Team ${n++}`;
        if ((await api('/api/v1/teams', { method: 'POST', body: { name } })).status === 201) teams.push(name);
      }
    };
    const createBatch = async () => {
      while (writing) {
        const b = n++;
        const records = Array.from({ length: BATCH }, (_, i) => ({ name: `Batch ${b} #${i}`, externalId: `B${b}-${i}` }));
        if ((await api('/api/v1/customers/batch', { method: 'POST', body: { records } })).status === 200) batches.push(b);
      }
    };
    const writers = [createTeam(), createTeam(), createBatch()];
    while (teams.length < 30 || batches.length < 3) await new Promise((r) => setTimeout(r, 20));

    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-backup-load-'));
    const backup = path.join(work, 'live.dump');
    const teamsBefore = [...teams];
    const batchesBefore = [...batches];
    // In this process, as the CLI calls it (test/backup/backupCli.test.ts runs the CLI itself): the writers go on meanwhile.
    const manifest = await backupDatabase(source.config, backup, () => {});
    const teamsDuring = teams.length;
    // Writes went on while it ran, and after: the backup is one moment, not "whatever was there at the end".
    while (teams.length < teamsDuring + 10) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await Promise.all(writers);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const log: string[] = [];
    await restore(target.config, backup, false, (line) => log.push(line));
    expect(log.join('\n')).toMatch(/^verified: \d+ tables, \d+ rows$/m); // restore compared every table with the manifest
    expect(await target.sums()).toEqual(manifest.tables);

    const sums = async (t: Target, table: string) => (await t.sums()).find((s) => s.table === table)?.rows ?? 0;
    expect(await sums(target, 'teams')).toBeLessThan(await sums(source, 'teams')); // later writes are not in it
    const rows = async (sql: string) => {
      const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const restoredTeams = new Set((await rows('select name from teams')).map((r) => r.name as string));
    expect(teamsBefore.filter((name) => !restoredTeams.has(name))).toEqual([]);
    const perBatch = await rows(
      `select split_part(external_id, '-', 1) as batch, count(*)::int as n from customers where external_id like 'B%' group by 1`,
    );
    const sizes = new Map(perBatch.map((r) => [Number((r.batch as string).slice(1)), r.n as number]));
    expect(batchesBefore.filter((b) => sizes.get(b) !== BATCH)).toEqual([]);
    expect([...sizes.values()].filter((size) => size !== BATCH)).toEqual([]); // a snapshot holds no half batch
  }, 120_000);
});
