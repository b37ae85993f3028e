import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Engine, type Manifest, manifestPathFor, parseManifest, type TableSum } from './backup.rules.ts';
import { BackupRefused } from './errors.ts';
import { tierlineVersion } from './snapshot.ts';

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Writes the manifest beside a finished backup file, with the file's size and hash. */
export async function writeManifest(
  backupFile: string,
  facts: { engine: Engine; migrations: number; tables: TableSum[]; createdAt: Date },
): Promise<Manifest> {
  const manifest: Manifest = {
    format: 'tierline-backup/1',
    tierlineVersion: tierlineVersion(),
    engine: facts.engine,
    createdAt: facts.createdAt.toISOString(),
    migrations: facts.migrations,
    file: { name: path.basename(backupFile), bytes: fs.statSync(backupFile).size, sha256: await sha256(backupFile) },
    tables: facts.tables,
  };
  fs.writeFileSync(manifestPathFor(backupFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The manifest of a backup file, after checking that the file is the one it describes: a truncated
 * or altered backup is refused here, before anything is touched.
 */
export async function readVerifiedManifest(backupFile: string): Promise<Manifest> {
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new BackupRefused(`--from: no backup file ${backupFile}`);
  const manifestFile = manifestPathFor(backupFile);
  if (!fs.existsSync(manifestFile))
    throw new BackupRefused(
      `--from: no manifest ${manifestFile} beside the backup: it holds the sizes and checksums a restore verifies, keep it with the backup`,
    );
  const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'));
  if (typeof manifest === 'string') throw new BackupRefused(`--from: ${manifestFile} ${manifest}`);
  const bytes = fs.statSync(backupFile).size;
  if (bytes !== manifest.file.bytes)
    throw new BackupRefused(`--from: ${backupFile} is damaged: ${bytes} bytes, the manifest says ${manifest.file.bytes} (truncated copy?)`);
  if ((await sha256(backupFile)) !== manifest.file.sha256)
    throw new BackupRefused(`--from: ${backupFile} is damaged: its SHA-256 differs from the manifest's`);
  return manifest;
}
