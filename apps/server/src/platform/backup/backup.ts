import path from 'node:path';
import type { Config } from '../../config.ts';
import { type Manifest, restoreRefusal } from './backup.rules.ts';
import { BackupRefused } from './errors.ts';
import { readVerifiedManifest } from './manifest.ts';
import { backupPglite, restorePglite } from './pglite.ts';
import { backupPostgres, restorePostgres } from './postgres.ts';
import { knownMigrations } from './snapshot.ts';

export { BackupFailed, BackupRefused } from './errors.ts';

type Target = Pick<Config, 'databaseUrl' | 'dataDir'>;
type Log = (line: string) => void;

/** Backs up the configured database (DATABASE_URL, else DATA_DIR) to `out`, with `out`.manifest.json beside it. */
export function backup(target: Target, file: string, log: Log): Promise<Manifest> {
  const out = path.resolve(file); // absolute in every message, so the operator sees where it went
  return target.databaseUrl ? backupPostgres(target.databaseUrl, out, log) : backupPglite(target.dataDir, out, log);
}

/** Restores `from` into the configured database after checking the file against its manifest; migrates it after. */
export async function restore(target: Target, file: string, force: boolean, log: Log): Promise<Manifest> {
  const from = path.resolve(file);
  const manifest = await readVerifiedManifest(from);
  const refusal = restoreRefusal(manifest, { engine: target.databaseUrl ? 'postgres' : 'pglite', knownMigrations: knownMigrations() });
  if (refusal) throw new BackupRefused(`--from: ${refusal}`);
  log(
    `backup of ${manifest.createdAt} by Tierline ${manifest.tierlineVersion}: ${manifest.tables.length} tables, ${manifest.migrations} migrations`,
  );
  if (target.databaseUrl) await restorePostgres(target.databaseUrl, from, manifest, force, log);
  else await restorePglite(target.dataDir, from, manifest, force, log);
  return manifest;
}
