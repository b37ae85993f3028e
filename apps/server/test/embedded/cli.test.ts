import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../engine.ts';
import { freePort, httpSession, startServer, waitReady } from '../serverProcess.ts';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'tierline', '--', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe.skipIf(testEngine !== 'pglite')('admin CLI', () => {
  it('creates an organisation and a user who can then sign in, resets a password, and refuses bad input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-cli-'));
    expect(cli(dir, '--help').stdout).toContain('user:reset-password');
    const org = cli(dir, 'org:create', '--name', 'Cli Co', '--admin-email', 'boss@cli.test', '--admin-password', 'Boss-Pass-123');
    expect(org.status).toBe(0);
    expect(
      cli(dir, 'user:create', '--org', 'Cli Co', '--email', 'rep@cli.test', '--name', 'Rep', '--role', 'rep', '--password', 'Rep-Pass-1234')
        .status,
    ).toBe(0);
    const bad = cli(
      dir,
      'user:create',
      '--org',
      'Cli Co',
      '--email',
      'x@cli.test',
      '--name',
      'X',
      '--role',
      'king',
      '--password',
      'Some-Pass-123',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role/);
    expect(cli(dir, 'user:reset-password', '--email', 'rep@cli.test', '--password', 'Changed-Pass-1').status).toBe(0);

    const server = startServer({ DATA_DIR: dir }, await freePort());
    try {
      await waitReady(server);
      await httpSession(server.url, 'rep@cli.test', 'Changed-Pass-1');
      // While the server holds the embedded database, the CLI must not open it.
      const refused = cli(dir, 'migrate');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/in use by another Tierline process/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
