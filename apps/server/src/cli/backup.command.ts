import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { BackupFailed, BackupRefused, backup, restore } from '../platform/backup/backup.ts';
import { UsageError } from './commands.ts';

const log = (line: string) => console.log(line);

/** `npm run` moves to the repository root; a relative file name means the directory the command was typed in. */
const fromShell = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/**
 * Not `withDatabase`: that opens the database migrated, while a backup should hold the database as
 * it is, and a restore must find the target as it is (an empty DATA_DIR would get a fresh database).
 */
function action<O>(run: (o: O) => Promise<unknown>) {
  return async (o: O) => {
    try {
      await run(o);
    } catch (err) {
      if (err instanceof BackupRefused) throw new UsageError(err.message);
      if (err instanceof BackupFailed) {
        console.error(`tierline: ${err.message}`);
        process.exit(1);
      }
      throw err;
    }
  };
}

/** Adds `backup` and `restore` to the admin CLI (see docs/operations.md). */
export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'back up the database with a manifest beside it (PGlite: the data directory as .tar.gz, stop the server first; PostgreSQL: pg_dump)',
    )
    .requiredOption('--out <file>', 'the backup file to write (e.g. tierline-2025-06-30.tar.gz, or .dump on PostgreSQL)')
    .action(action((o: { out: string }) => backup(loadConfig(), fromShell(o.out), log)));

  program
    .command('restore')
    .description('restore a backup into the database, verify every table against the manifest, then migrate it')
    .requiredOption('--from <file>', 'the backup file (its .manifest.json must be beside it)')
    .option('--force', 'replace a database that already holds data (PGlite: the old one is moved aside, not deleted)', false)
    .action(action((o: { from: string; force: boolean }) => restore(loadConfig(), fromShell(o.from), o.force, log)));
}
