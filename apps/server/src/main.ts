import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/dataDirLock.ts';
import { openDatabase } from './db/open.ts';
import { jobHandlersFor, jobSchedules } from './jobs.ts';
import { bootstrapAdmin } from './modules/auth/setup.usecases.ts';
import { systemClock } from './platform/clock.ts';
import { releaseLeases } from './platform/jobs/jobs.repository.ts';
import { createJobRunner } from './platform/jobs/jobs.runner.ts';
import { createLogger } from './platform/logging.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  const config = loadConfig();
  // Human-readable on a terminal, JSON everywhere else; secrets never reach a log line.
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  logger.info({ engine: database.engine, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'database ready');

  if (config.bootstrapAdmin && (await bootstrapAdmin(database.db, systemClock, config.bootstrapAdmin))) {
    logger.info({ email: config.bootstrapAdmin.email, org: config.bootstrapAdmin.orgName }, 'created the first organisation and its admin');
  }

  const app = await buildApp({
    database,
    logger,
    settings: {
      allowSignup: config.allowSignup,
      trustProxy: config.trustProxy,
      webDist: config.webDist,
      webhookAllowPrivate: config.webhookAllowPrivate,
    },
  });
  await app.listen({ port: config.port, host: config.host });
  // The job worker starts once the server serves, and only here: tests build the app without it.
  // The embedded database has one process: a job still marked running was this process's before a crash.
  if (database.engine === 'pglite') await releaseLeases(database.db, systemClock.now());
  const jobRunner = createJobRunner({
    db: database.db,
    clock: systemClock,
    handlers: jobHandlersFor(config),
    schedules: jobSchedules(config),
    logger,
    pollMs: config.jobPollMs,
    leaseMs: config.jobLeaseMs,
  });
  jobRunner.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await jobRunner.stop(); // claims no more jobs; waits for the one in progress
    await app.close(); // stops accepting, waits for in-flight requests
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirInUseError) {
    console.error(`tierline: ${err.message}`);
  } else {
    console.error('tierline: could not start:', err);
  }
  process.exit(1);
});
