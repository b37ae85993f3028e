import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, startServer, waitReady } from '../serverProcess.ts';
import { seedDataDir } from './seedDataDir.ts';

/**
 * Issue 11: the disk of DATA_DIR full → a clear error, no corruption. DATA_DIR is a small tmpfs
 * mounted for this file (it needs root, or CAP_SYS_ADMIN); a filler file eats the space left, the
 * server keeps running and answers writes with a 507 problem naming the cause, and once space is
 * freed it writes again, and after a restart every acknowledged write is there.
 */

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'full@example.test', TIERLINE_ADMIN_PASSWORD: 'Full-Password-1', TIERLINE_ORG_NAME: 'Full' };
const MOUNT_MB = 160;
const work = path.join(os.tmpdir(), `tierline-diskfull-${process.pid}`);
const dataDir = path.join(work, 'data');

/**
 * Mounts the tmpfs, or says why it cannot (then the test is skipped, loudly). Only on the PGlite
 * pass, and nothing is left behind when the mount fails (a skipped describe runs no afterAll).
 */
function mountTmpfs(): string | undefined {
  if (testEngine !== 'pglite') return undefined;
  fs.mkdirSync(dataDir, { recursive: true });
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_MB}m`, 'tierline-diskfull', dataDir], { encoding: 'utf8' });
  if (res.status === 0) return undefined;
  fs.rmSync(work, { recursive: true, force: true });
  return `mount -t tmpfs is not permitted here (${(res.stderr || res.error?.message || '').trim()}): run as root or with CAP_SYS_ADMIN`;
}
const cannotMount = mountTmpfs();
if (cannotMount) console.warn(`SKIPPED the DATA_DIR-full test: ${cannotMount}`);

const running: ServerProcess[] = [];
async function start() {
  const server = startServer({ DATA_DIR: dataDir, ...ADMIN, TIERLINE_POOL_SWEEP_MINUTES: '0' }, await freePort());
  running.push(server);
  await waitReady(server);
  return server;
}

/** Fills the file system until it refuses, like a log or another program would. */
function fillDisk(file: string) {
  const chunk = Buffer.alloc(256 * 1024, 1);
  const fd = fs.openSync(file, 'w');
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

const title = cannotMount ? `DATA_DIR’s disk full — SKIPPED: ${cannotMount}` : 'DATA_DIR’s disk full (embedded database on a tmpfs)';
describe.skipIf(testEngine !== 'pglite' || !!cannotMount)(title, () => {
  beforeAll(async () => {
    await seedDataDir(dataDir);
  }, 60_000);

  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all(running.map((s) => s.exited));
    spawnSync('umount', ['-l', dataDir]);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('answers writes with a clear 507, keeps running and serving reads, and loses nothing once space is back', async () => {
    const server = await start();
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const acknowledged: string[] = [];
    const createBatch = async (label: string) => {
      const records = Array.from({ length: 200 }, (_, i) => ({
        name: `${label} #${i}`,
        externalId: `${label}-${i}`,
        address: 'x'.repeat(400),
      }));
      const res = await api('/api/v1/customers/batch', { method: 'POST', body: { records } });
      if (res.status === 200) acknowledged.push(label);
      return res;
    };
    for (let b = 0; b < 3; b++) expect((await createBatch(`Before ${b}`)).status).toBe(200);

    const filler = path.join(dataDir, 'filler.bin');
    fillDisk(filler);
    let refused: Response | undefined;
    for (let b = 0; b < 200 && !refused; b++) {
      const res = await createBatch(`Full ${b}`);
      if (res.status !== 200) refused = res;
    }
    expect(refused?.status).toBe(507);
    expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await refused?.json()) as { code: string; detail: string };
    expect(problem).toMatchObject({ status: 507, code: 'storage_full' });
    expect(problem.detail).toMatch(/no disk space left/);
    // The operator sees it in the log (a long line: give the pipe a moment).
    for (let i = 0; i < 50 && !/database disk full/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toMatch(/"msg":"database disk full"/);
    // Still up: it reads, and a second write is refused the same clean way.
    expect(server.child.exitCode).toBeNull();
    expect((await api('/api/v1/customers?limit=5')).status).toBe(200);
    expect((await createBatch('Still full')).status).toBe(507);

    fs.rmSync(filler);
    expect((await createBatch('After freeing')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // No corruption: the directory opens, and holds every acknowledged batch whole and nothing of a refused one.
    const again = await start();
    const api2 = await httpSession(again.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    expect((await api2('/api/v1/teams', { method: 'POST', body: { name: 'After the restart' } })).status).toBe(201);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    const db = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    try {
      const { rows } = await db.rawQuery(
        `select split_part(external_id, '-', 1) as label, count(*)::int as n from customers group by 1 order by 1`,
      );
      const stored = new Map(rows.map((r) => [r.label as string, r.n as number]));
      expect(acknowledged.filter((label) => stored.get(label) !== 200)).toEqual([]);
      expect([...stored.keys()].filter((label) => !acknowledged.includes(label))).toEqual([]);
      expect(acknowledged).toContain('After freeing');
    } finally {
      await db.close();
    }
  }, 180_000); // as test/embedded/process.test.ts: two server starts, slow on a loaded 2-core machine
});
