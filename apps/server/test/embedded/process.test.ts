import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../engine.ts';
import { freePort, httpSession, type ServerProcess, startServer, waitReady } from '../serverProcess.ts';

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'ops@example.test', TIERLINE_ADMIN_PASSWORD: 'Ops-Password-1', TIERLINE_ORG_NAME: 'Ops' };
const running: ServerProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

async function start(dataDir: string) {
  const server = startServer({ DATA_DIR: dataDir, ...ADMIN }, await freePort());
  running.push(server);
  await waitReady(server);
  return server;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-embedded-'));

// These are about the embedded database's own directory, so they run once, on the PGlite pass.
describe.skipIf(testEngine !== 'pglite')('the embedded database directory', () => {
  it('refuses a second process on a DATA_DIR in use, with a clear message, and leaves the data intact', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const api = await httpSession(first.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    expect((await api('/api/v1/teams', { method: 'POST', body: { name: 'Before' } })).status).toBe(201);

    const second = startServer({ DATA_DIR: dir, ...ADMIN }, await freePort());
    running.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/DATA_DIR .* is in use by another Tierline process/);

    const teams = (await (await api('/api/v1/teams')).json()) as { data: { name: string }[] };
    expect(teams.data.map((t) => t.name)).toEqual(['Before']);
  }, 120_000);

  it('keeps every acknowledged write when killed with SIGKILL mid-writes, and starts again on the same data', async () => {
    const dir = tempDir();
    const server = await start(dir);
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const acknowledged: string[] = [];
    let n = 0;
    const writer = async () => {
      while (server.child.exitCode === null) {
        const name = `Team ${n++}`;
        try {
          const res = await api('/api/v1/teams', { method: 'POST', body: { name } });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    await Promise.all(writers);
    await server.exited;

    const again = await start(dir);
    const api2 = await httpSession(again.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const names = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = (await (await api2(`/api/v1/teams?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
        data: { name: string }[];
        nextCursor: string | null;
      };
      for (const t of page.data) names.add(t.name);
      cursor = page.nextCursor;
    } while (cursor);
    const lost = acknowledged.filter((name) => !names.has(name));
    expect(lost).toEqual([]);
  }, 180_000);

  it('finishes in-flight requests on SIGTERM, then closes the database and exits 0', async () => {
    const dir = tempDir();
    const server = await start(dir);
    const api = await httpSession(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const inFlight = Array.from({ length: 20 }, (_, i) => api('/api/v1/teams', { method: 'POST', body: { name: `Flight ${i}` } }));
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    const results = await Promise.allSettled(inFlight);
    expect(await server.exited).toBe(0);
    const answered = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Response>).value.status);
    // Every request the server had taken in was finished (201); one that arrived after the
    // shutdown began was turned away whole (503, nothing written) — none was cut off half-done.
    expect(answered.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(answered).toContain(201);
    expect(fs.existsSync(path.join(dir, 'tierline.lock'))).toBe(false);
    const again = await start(dir);
    const api2 = await httpSession(again.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const count = ((await (await api2('/api/v1/teams?limit=200')).json()) as { data: unknown[] }).data.length;
    expect(count).toBe(answered.filter((s) => s === 201).length);
  }, 180_000);
});
