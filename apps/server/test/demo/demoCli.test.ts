import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/** The engine the CLI runs on: a fresh PGlite data directory, or a fresh database on the test PostgreSQL server. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-demo-cli-'));
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tierline_demo_cli_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    env: { DATABASE_URL: databaseUrlFor(name) },
    drop: async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe('npm run tierline -- demo', () => {
  it('creates a small demo organisation, says who can sign in, and refuses to make it twice', async () => {
    const database = await freshDatabase();
    const cli = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'tierline', '--', 'demo', '--scale', '0.02', '--as-of', '2025-06-30', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', ...database.env },
        encoding: 'utf8',
      });
    try {
      const made = cli('--seed', '3');
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^ {2}customers +\d+ with \d+ contacts/m);
      expect(made.stdout).toMatch(/^ {2}tiers +recomputed as of 2025-06-30/m);
      expect(made.stdout).toContain('sign in as demo@tierline.local with the password Tierline-Demo-2024');
      expect(made.stdout).toMatch(/rep in 华东销售部/);

      const again = cli('--seed', '4');
      expect(again.status, again.stderr).toBe(1);
      expect(again.stderr).toMatch(/an organisation named "演示公司" already exists; nothing was created/);

      const future = cli('--org-name', '未来公司', '--as-of', '2999-01-01');
      expect(future.status, future.stderr).toBe(2);
      expect(future.stderr).toMatch(/--as-of: must not be after today/);
    } finally {
      await database.drop();
    }
  }, 300_000);
});
