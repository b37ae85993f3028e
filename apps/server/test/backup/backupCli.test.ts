import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../src/db/dataDirLock.ts';
import type { TableSum } from '../../src/platform/backup/backup.rules.ts';
import { backup as backupDatabase, restore } from '../../src/platform/backup/backup.ts';
import { testEngine } from '../engine.ts';
import { freshTarget, type Target } from './targets.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/** The admin CLI as an operator runs it, on one target's database. */
const cli = (target: Target, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: '', ...target.env },
    encoding: 'utf8',
  });

/** A copy of the backup cut in half, with the original manifest or with one rewritten to match the cut file. */
function truncatedCopy(backup: string, dir: string, matchingManifest: boolean): string {
  const file = path.join(dir, `truncated-${matchingManifest ? 'rehashed' : 'original'}${path.extname(backup)}`);
  const bytes = fs.readFileSync(backup);
  const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
  fs.writeFileSync(file, cut);
  const manifest = JSON.parse(fs.readFileSync(`${backup}.manifest.json`, 'utf8'));
  if (matchingManifest) manifest.file = { ...manifest.file, bytes: cut.length, sha256: createHash('sha256').update(cut).digest('hex') };
  fs.writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest));
  return file;
}

const quiet = () => {};
const backupTo = (target: Target, out: string) => backupDatabase(target.config, out, quiet);

const listing = (dir: string | undefined) => (dir ? fs.readdirSync(dir).sort() : []);

describe(`npm run tierline -- backup / restore (${testEngine})`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-backups-'));
  const backup = path.join(work, testEngine === 'pglite' ? 'tierline.tar.gz' : 'tierline.dump');
  let source: Target;
  let target: Target;
  let sourceSums: TableSum[];

  beforeAll(async () => {
    [source, target] = await Promise.all([freshTarget('src'), freshTarget('dst')]);
    const demo = cli(source, 'demo', '--scale', '0.02', '--as-of', '2025-06-30');
    expect(demo.status, demo.stderr).toBe(0);
    const made = cli(source, 'backup', '--out', backup);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^wrote .* \d+ tables, \d+ rows$/m);
    sourceSums = await source.sums();
  }, 300_000); // the demo and a backup: slow on a loaded machine

  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes a manifest beside the backup and never overwrites one', async () => {
    const manifest = JSON.parse(fs.readFileSync(`${backup}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ engine: testEngine, migrations: expect.any(Number), file: { bytes: fs.statSync(backup).size } });
    expect(manifest.tables).toEqual(sourceSums);
    // In-process: the CLI turns BackupRefused into exit code 2, as the refused restore below shows.
    await expect(backupTo(source, backup)).rejects.toThrow(/--out: .* already exists/);
  });

  it('refuses a damaged backup file, and leaves the target as it was', async () => {
    const before = await target.fingerprint();
    await expect(restore(target.config, truncatedCopy(backup, work, false), false, quiet)).rejects.toThrow(
      /is damaged: \d+ bytes, the manifest says \d+/,
    );
    // Damaged before its manifest was written: the database engine itself rejects it, inside a staging copy or a transaction.
    const rehashed = cli(target, 'restore', '--from', truncatedCopy(backup, work, true));
    expect(rehashed.status).toBe(1);
    expect(rehashed.stderr).toMatch(/(could not load .*|pg_restore .* failed[\s\S]*the database) was not changed/);
    expect(await target.fingerprint()).toBe(before);
    expect(listing(target.dataDir)).toEqual([]); // no staging copy left behind
  }, 120_000);

  it('restores into an empty target with every table’s row count and checksum equal', async () => {
    const restored = cli(target, 'restore', '--from', backup);
    expect(restored.status, restored.stderr).toBe(0);
    const rows = sourceSums.reduce((n, s) => n + s.rows, 0);
    expect(restored.stdout).toContain(`verified: ${sourceSums.length} tables, ${rows} rows`);
    expect(sourceSums.length).toBeGreaterThan(30);
    expect(sourceSums.filter((s) => s.rows > 0).length).toBeGreaterThan(20);
    expect(await target.sums()).toEqual(sourceSums);
  }, 120_000);

  it('refuses a target that holds data without --force (exit 2, unchanged); --force replaces it', async () => {
    const before = await target.fingerprint();
    const refused = cli(target, 'restore', '--from', backup);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already holds .*add --force/);
    expect(await target.fingerprint()).toBe(before);

    const forced = cli(target, 'restore', '--from', backup, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^verified: \d+ tables/m);
    if (target.dataDir) {
      // The replaced database is kept beside the new one, never deleted.
      expect(forced.stdout).toMatch(/moved the database that was there aside to .*pgdata\.before-restore-/);
      expect(listing(target.dataDir)).toEqual(['pgdata', expect.stringMatching(/^pgdata\.before-restore-\d{4}-/)]);
    }
  }, 180_000);

  it.skipIf(testEngine !== 'pglite')('refuses while another live process holds DATA_DIR', async () => {
    const lock = path.join(source.dataDir!, 'tierline.lock');
    fs.writeFileSync(lock, '1'); // pid 1 is alive and is not this process: as if a server held it
    try {
      await expect(backupTo(source, path.join(work, 'while-running.tar.gz'))).rejects.toThrow(DataDirInUseError);
      await expect(restore(source.config, backup, true, quiet)).rejects.toThrow(/in use by another Tierline process/);
    } finally {
      fs.rmSync(lock);
    }
  });
});
