import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { DataDirInUseError } from '../db/dataDirLock.ts';
import { openDatabase } from '../db/open.ts';
import { orgCreate, UsageError, userCreate, userResetPassword } from './commands.ts';

/**
 * The admin CLI: `npm run tierline -- <command>`. It opens the same database as the server
 * (DATA_DIR or DATABASE_URL); on the embedded database, stop the server first — the directory
 * takes one process at a time.
 */
const program = new Command('tierline').description('Tierline admin commands').showHelpAfterError();

function withDatabase(action: (db: Database['db'], opts: any) => Promise<string>) {
  return async (opts: unknown) => {
    const database = await openDatabase(loadConfig());
    try {
      console.log(await action(database.db, opts));
    } finally {
      await database.close();
    }
  };
}

program
  .command('migrate')
  .description('apply pending database migrations (also done at every server start)')
  .action(withDatabase(async () => 'migrations are up to date'));

program
  .command('org:create')
  .description('create an organisation with its first admin')
  .requiredOption('--name <name>', 'organisation name')
  .requiredOption('--admin-email <email>', 'admin email (sign-in)')
  .requiredOption('--admin-password <password>', 'admin password (10+ characters)')
  .option('--admin-name <name>', 'admin display name', 'Admin')
  .action(withDatabase(orgCreate));

program
  .command('user:create')
  .description('create a user in an organisation')
  .requiredOption('--org <org>', 'organisation id or exact name')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', 'admin | director | manager | rep | viewer')
  .requiredOption('--password <password>', 'password (10+ characters)')
  .action(withDatabase(userCreate));

program
  .command('user:reset-password')
  .description('set a new password, or print a one-time reset token when --password is left out')
  .requiredOption('--email <email>', 'the user’s email')
  .option('--password <password>', 'the new password')
  .action(withDatabase(userResetPassword));

program.parseAsync().catch((err) => {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof DataDirInUseError) {
    console.error(`tierline: ${err.message}`);
    process.exit(2);
  }
  console.error('tierline:', err);
  process.exit(1);
});
