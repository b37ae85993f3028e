import fs from 'node:fs';
import { type Database, openPostgres } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { compareSums, formatBytes, type Manifest, redactUrl, totalRows } from './backup.rules.ts';
import { BackupFailed, BackupRefused } from './errors.ts';
import { writeManifest } from './manifest.ts';
import { checkOutput, partialPath } from './output.ts';
import { runPgTool } from './pgTools.ts';
import { inSnapshot, migrationCount, publicTables, tableSums, tablesWithRows } from './snapshot.ts';

type Log = (line: string) => void;

async function connect(url: string): Promise<Database> {
  return openPostgres(url, 2).catch((err: Error) => {
    throw new BackupFailed(`cannot connect to ${redactUrl(url)}: ${err.message}`);
  });
}

/**
 * pg_dump (custom format) of DATABASE_URL. The server may keep running: pg_dump reads the snapshot
 * exported by the transaction that computes the manifest's sums, so both see the same moment.
 */
export async function backupPostgres(url: string, out: string, log: Log): Promise<Manifest> {
  checkOutput(out);
  const database = await connect(url);
  try {
    const facts = await inSnapshot(database.db, async (q) => {
      const [{ id }] = await q<{ id: string }>('select pg_export_snapshot() as id');
      log(`pg_dump of ${redactUrl(url)}`);
      await runPgTool('pg_dump', ['--format=custom', `--file=${partialPath(out)}`, `--snapshot=${id}`], url);
      log('counting and checksumming every table');
      return { tables: await tableSums(q), migrations: await migrationCount(q) };
    });
    fs.renameSync(partialPath(out), out);
    const manifest = await writeManifest(out, { engine: 'postgres', createdAt: new Date(), ...facts });
    log(`wrote ${out} (${formatBytes(manifest.file.bytes)}): ${manifest.tables.length} tables, ${totalRows(manifest.tables)} rows`);
    return manifest;
  } finally {
    fs.rmSync(partialPath(out), { force: true });
    await database.close();
  }
}

/**
 * pg_restore into DATABASE_URL in one transaction: a damaged dump or a conflict leaves the database
 * as it was. Tierline data already there is replaced only with --force.
 */
export async function restorePostgres(url: string, from: string, manifest: Manifest, force: boolean, log: Log): Promise<void> {
  const database = await connect(url);
  try {
    const target = await inSnapshot(database.db, async (q) => ({
      tables: (await publicTables(q)).length,
      withRows: await tablesWithRows(q),
      migrations: await migrationCount(q),
    }));
    if (target.withRows.length && !force)
      throw new BackupRefused(
        `${redactUrl(url)} already holds Tierline data (${target.withRows.length} tables with rows): restore into an empty database, or add --force to replace it`,
      );
    // pg_restore --clean drops only what the dump holds: tables of a newer schema would stay behind.
    if (target.migrations > manifest.migrations)
      throw new BackupRefused(
        `${redactUrl(url)} has a newer schema (${target.migrations} migrations) than the backup (${manifest.migrations}): restore into an empty database (createdb)`,
      );
    log(`pg_restore into ${redactUrl(url)}${target.tables ? ' (replacing its Tierline tables)' : ''}`);
    const args = ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', from];
    await runPgTool('pg_restore', args, url).catch((err: Error) => {
      throw new BackupFailed(`${err.message}\nthe restore ran in one transaction: the database was not changed`);
    });
    const sums = await inSnapshot(database.db, tableSums);
    const differences = compareSums(manifest.tables, sums);
    if (differences.length)
      throw new BackupFailed(
        `the restore was committed, but the database differs from the backup's manifest:\n  ${differences.join('\n  ')}`,
      );
    log(`verified: ${sums.length} tables, ${totalRows(sums)} rows`);
    await runMigrations(database, url);
    log(`migrated: ${manifest.migrations} → ${await inSnapshot(database.db, migrationCount)} migrations`);
  } finally {
    await database.close();
  }
}
