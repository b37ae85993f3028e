import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openPglite } from '../../db/client.ts';
import { lockDataDir } from '../../db/dataDirLock.ts';
import { runMigrations } from '../../db/migrate.ts';
import { compareSums, fileStamp, formatBytes, type Manifest, movedAsideName, totalRows } from './backup.rules.ts';
import { BackupFailed, BackupRefused } from './errors.ts';
import { writeManifest } from './manifest.ts';
import { checkOutput, partialPath } from './output.ts';
import { inSnapshot, migrationCount, tableSums } from './snapshot.ts';

type Log = (line: string) => void;

const pgdataOf = (dataDir: string) => path.join(dataDir, 'pgdata');
const holdsDatabase = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;

/**
 * Writes DATA_DIR's database as PGlite's own gzipped data-directory dump. The CLI takes the
 * DATA_DIR lock, so the server must be stopped: a copy taken while another process writes
 * could be torn. The database is not migrated first, so the backup is what was there.
 */
export async function backupPglite(dataDir: string, out: string, log: Log): Promise<Manifest> {
  checkOutput(out);
  if (!holdsDatabase(pgdataOf(dataDir))) throw new BackupRefused(`DATA_DIR ${dataDir} holds no database to back up`);
  const unlock = lockDataDir(dataDir);
  try {
    const database = await openPglite({ dataDir: pgdataOf(dataDir) });
    try {
      // Flushes the write-ahead log into the data files, so the restored copy starts without recovery.
      await database.rawQuery('checkpoint');
      log('counting and checksumming every table');
      const facts = await inSnapshot(database.db, async (q) => ({ tables: await tableSums(q), migrations: await migrationCount(q) }));
      log('dumping the data directory');
      const dump = await clientOf(database).dumpDataDir('gzip');
      fs.writeFileSync(partialPath(out), Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partialPath(out), out);
      const manifest = await writeManifest(out, { engine: 'pglite', createdAt: new Date(), ...facts });
      log(`wrote ${out} (${formatBytes(manifest.file.bytes)}): ${manifest.tables.length} tables, ${totalRows(manifest.tables)} rows`);
      return manifest;
    } finally {
      fs.rmSync(partialPath(out), { force: true });
      await database.close();
    }
  } finally {
    unlock();
  }
}

/**
 * Restores a PGlite backup into DATA_DIR. The backup is loaded, verified against its manifest and
 * migrated in a staging directory beside pgdata; only then is it renamed into place, so a damaged
 * backup leaves DATA_DIR as it was. A database already there is moved aside, never deleted.
 */
export async function restorePglite(dataDir: string, from: string, manifest: Manifest, force: boolean, log: Log): Promise<void> {
  const unlock = lockDataDir(dataDir);
  try {
    const pgdata = pgdataOf(dataDir);
    const occupied = holdsDatabase(pgdata);
    if (occupied && !force)
      throw new BackupRefused(
        `DATA_DIR ${dataDir} already holds a database: restore into an empty DATA_DIR, or add --force to move the current one aside (to ${path.basename(pgdata)}.before-restore-…)`,
      );
    const staging = path.join(dataDir, `pgdata.restoring-${fileStamp(new Date())}`);
    try {
      await loadVerifyMigrate(staging, from, manifest, log);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true }); // our own half-made copy, not the operator's data
      throw err;
    }
    if (occupied) {
      const aside = movedAsideName(pgdata, new Date());
      fs.renameSync(pgdata, aside);
      log(`moved the database that was there aside to ${aside}`);
    } else if (fs.existsSync(pgdata)) fs.rmdirSync(pgdata); // empty: rename cannot replace it everywhere
    fs.renameSync(staging, pgdata);
    log(`restored into ${pgdata}`);
  } finally {
    unlock();
  }
}

async function loadVerifyMigrate(staging: string, from: string, manifest: Manifest, log: Log) {
  log(`loading ${from}`);
  const blob = new Blob([fs.readFileSync(from)], { type: 'application/x-gzip' });
  const database = await openPglite({ dataDir: staging, loadDataDir: blob }).catch((err: Error) => {
    throw new BackupFailed(`could not load ${from}: ${err.message}; DATA_DIR was not changed`);
  });
  try {
    const sums = await inSnapshot(database.db, tableSums);
    const differences = compareSums(manifest.tables, sums);
    if (differences.length)
      throw new BackupFailed(`the loaded backup differs from its manifest; DATA_DIR was not changed:\n  ${differences.join('\n  ')}`);
    log(`verified: ${sums.length} tables, ${totalRows(sums)} rows`);
    await runMigrations(database);
    log(`migrated: ${manifest.migrations} → ${await inSnapshot(database.db, migrationCount)} migrations`);
  } finally {
    await database.close();
  }
}

/** PGlite's dump is on its client, which Drizzle keeps as `$client`. */
const clientOf = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;
