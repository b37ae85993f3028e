import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import type { TableSum } from '../../src/platform/backup/backup.rules.ts';
import { inSnapshot, tableSums } from '../../src/platform/backup/snapshot.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';

/** A database the CLI runs on (its environment), read back by the test, and dropped after. */
export type Target = {
  env: Record<string, string>;
  /** The same database as the CLI's configuration, for calling the backup module in-process. */
  config: { dataDir: string; databaseUrl?: string };
  /** Every public table's count and checksum, read as the backup reads them; [] while there is no database. */
  sums: () => Promise<TableSum[]>;
  /** Changes with any change to the database (PGlite: a hash of DATA_DIR's files, cheaper than opening it). */
  fingerprint: () => Promise<string>;
  drop: () => Promise<void>;
  /** PGlite: the DATA_DIR. */
  dataDir?: string;
};

async function sumsOf(open: () => Promise<Database>): Promise<TableSum[]> {
  const database = await open();
  try {
    return await inSnapshot(database.db, tableSums);
  } finally {
    await database.close();
  }
}

function hashFiles(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => pathOf(a).localeCompare(pathOf(b)))) {
    hash.update(`${pathOf(entry)}\n`);
    if (entry.isFile()) hash.update(fs.readFileSync(pathOf(entry)));
  }
  return hash.digest('hex');
}
const pathOf = (entry: fs.Dirent) => path.join(entry.parentPath, entry.name);

async function onServer(statement: string) {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A fresh, empty target: a new DATA_DIR, or a new database on the test PostgreSQL server. */
export async function freshTarget(label: string): Promise<Target> {
  if (testEngine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tierline-backup-${label}-`));
    const pgdata = path.join(dataDir, 'pgdata');
    return {
      env: { DATA_DIR: dataDir },
      config: { dataDir },
      dataDir,
      // Opened only when there is a database: opening an empty directory would create one.
      sums: async () => (fs.existsSync(pgdata) ? sumsOf(() => openPglite({ dataDir: pgdata })) : []),
      fingerprint: async () => hashFiles(dataDir),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tierline_backup_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(`create database ${name}`);
  const url = databaseUrlFor(name);
  return {
    env: { DATABASE_URL: url },
    config: { dataDir: '', databaseUrl: url },
    sums: () => sumsOf(() => openPostgres(url, 1)),
    fingerprint: async () => JSON.stringify(await sumsOf(() => openPostgres(url, 1))),
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}
