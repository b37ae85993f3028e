import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { DataDirInUseError } from '../db/dataDirLock.ts';
import { DEMO_PASSWORD, DemoRefused } from '../demo/demo.ts';
import { registerBackupCommands } from './backup.command.ts';
import { demo, orgCreate, UsageError, userCreate, userResetPassword } from './commands.ts';
import { registerExportCommands } from './export.command.ts';
import { registerImportCommands } from './import.command.ts';
import { withDatabase } from './withDatabase.ts';

/**
 * The admin CLI: `npm run tierline -- <command>`. It opens the same database as the server
 * (DATA_DIR or DATABASE_URL); on the embedded database, stop the server first — the directory
 * takes one process at a time.
 */
const program = new Command('tierline').description('Tierline admin commands').showHelpAfterError();

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

program
  .command('demo')
  .description('create a demo organisation: Chinese companies, people and products with a year of history (same seed and as-of, same data)')
  .option('--org-name <name>', 'organisation name', '演示公司')
  .option('--admin-email <email>', 'admin email (sign-in); the demo staff get emails on its domain', 'demo@tierline.local')
  .option('--admin-password <password>', 'password of the admin and of every demo user', DEMO_PASSWORD)
  .option('--seed <n>', 'random seed', '2024')
  .option('--as-of <date>', 'the history ends the day before this date (YYYY-MM-DD; default: today in Asia/Shanghai)')
  .option('--scale <factor>', 'size relative to the full demo (600 customers): 0.05 for a quick look', '1')
  .action(withDatabase(demo));

registerImportCommands(program);
registerExportCommands(program);
registerBackupCommands(program);

program.parseAsync().catch((err) => {
  if (err instanceof DemoRefused) {
    console.error(`tierline: ${err.message}`);
    process.exit(1);
  }
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof DataDirInUseError) {
    console.error(`tierline: ${err.message}`);
    process.exit(2);
  }
  console.error('tierline:', err);
  process.exit(1);
});
