import fs from 'node:fs';
import path from 'node:path';
import { manifestPathFor } from './backup.rules.ts';
import { BackupRefused } from './errors.ts';

/** Refuses to overwrite a backup: an old backup may be the only good copy. */
export function checkOutput(out: string) {
  if (fs.existsSync(out) || fs.existsSync(manifestPathFor(out)))
    throw new BackupRefused(`--out: ${out} already exists: choose another name`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new BackupRefused(`--out: no directory ${dir}`);
}

/**
 * Written under a temporary name and renamed when complete, so a backup interrupted half-way never
 * looks like a finished one.
 */
export const partialPath = (out: string) => `${out}.partial`;
