import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createOrganisation } from '../../src/modules/orgs/orgs.usecases.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/** The engine the CLI runs on: a fresh PGlite data directory, or a fresh database on the test PostgreSQL server. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-export-cli-'));
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tierline_export_cli_${process.pid}_${Date.now()}`;
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

/**
 * An organisation with an admin and a rep, and customers made through the real API (the embedded
 * database takes one process at a time, so the app is closed again before the CLI runs): two of the
 * rep's, one of the admin's.
 */
async function seedOrganisation(env: Record<string, string>) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR ?? '' });
  const app = await buildApp({ database });
  try {
    const admin = { name: 'Boss', email: 'boss@export.test', password: 'Boss-Pass-123' };
    await database.db.transaction((tx) => createOrganisation(tx, { orgName: 'Export Co', admin }, new Date()));
    const as = async (email: string, password: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      expect(res.statusCode, res.body).toBe(200);
      const headers = {
        cookie: `tl_session=${res.cookies.find((c) => c.name === 'tl_session')?.value}`,
        'x-csrf-token': res.json().csrfToken,
      };
      return async (url: string, payload: object) => {
        const made = await app.inject({ method: 'POST', url, headers, payload });
        expect(made.statusCode, made.body).toBe(201);
      };
    };
    const boss = await as(admin.email, admin.password);
    await boss('/api/v1/users', { email: 'rep@export.test', name: 'Rep', role: 'rep', password: 'Rep-Pass-1234' });
    await boss('/api/v1/customers', { name: 'Admin account' });
    const rep = await as('rep@export.test', 'Rep-Pass-1234');
    await rep('/api/v1/customers', { name: '=HYPERLINK("http://evil")' });
    await rep('/api/v1/customers', { name: 'Rep prospect', status: 'prospect' });
  } finally {
    await app.close();
    await database.close();
  }
}

describe('npm run tierline -- export', () => {
  it('writes a list as a user sees it, with filters, as CSV or Excel, and refuses what that user may not export', async () => {
    const database = await freshDatabase();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-export-out-'));
    const cli = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'tierline', '--', ...args], {
        cwd: root,
        env: { ...process.env, ...database.env },
        encoding: 'utf8',
      });
    try {
      await seedOrganisation(database.env);

      // The rep's export: their two customers only, the formula neutralised, progress on stderr.
      const csvFile = path.join(out, 'mine.csv');
      const mine = cli('export', 'customers', '--org', 'Export Co', '--as', 'rep@export.test', '--out', csvFile);
      expect(mine.status, mine.stderr).toBe(0);
      expect(mine.stderr).toContain('exporting customers: 2 rows written');
      expect(mine.stdout).toContain(`exported 2 customers as rep@export.test to ${csvFile}`);
      const [headers, ...rows] = parse(fs.readFileSync(csvFile), { bom: true }) as string[][];
      const names = rows.map((r) => r[headers.indexOf('客户名称')]).sort();
      expect(names).toEqual([`'=HYPERLINK("http://evil")`, 'Rep prospect']);

      // The admin (by default) sees the organisation; the filter and the Excel format apply.
      const xlsxFile = path.join(out, 'prospects.xlsx');
      const all = cli('export', 'customers', '--org', 'Export Co', '--locale', 'en', '--out', xlsxFile, '--filter', 'status=prospect');
      expect(all.status, all.stderr).toBe(0);
      expect(all.stdout).toContain('exported 1 customers as boss@export.test');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsxFile);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(2).value).toBe('Name');
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(2).value).toBe('Rep prospect');
      expect(sheet.getRow(2).getCell(4).value).toBe('Rep'); // the owner by name, not by id

      // Refused: a rep exporting users, an unknown filter value, a user of no such org; no file left behind.
      const users = cli('export', 'users', '--org', 'Export Co', '--as', 'rep@export.test', '--out', path.join(out, 'users.csv'));
      expect(users.status).toBe(2);
      expect(users.stderr).toContain('a rep may not export users');
      const badFilter = cli('export', 'customers', '--org', 'Export Co', '--out', path.join(out, 'x.csv'), '--filter', 'status=gone');
      expect(badFilter.status).toBe(2);
      expect(badFilter.stderr).toMatch(/--filter status:/);
      const stranger = cli('export', 'customers', '--org', 'Export Co', '--as', 'nobody@else.test', '--out', path.join(out, 'y.csv'));
      expect(stranger.status).toBe(2);
      expect(stranger.stderr).toContain('--as: no user nobody@else.test in this organisation');
      expect(fs.readdirSync(out).sort()).toEqual(['mine.csv', 'prospects.xlsx']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
      await database.drop();
    }
  }, 300_000);
});
