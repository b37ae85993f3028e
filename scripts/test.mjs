#!/usr/bin/env node
// `npm test`: every suite that needs no browser, on PGlite; then, when TEST_DATABASE_URL is set,
// the database suites again on that PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args, env = {}) => {
  console.log(`\n▶ ${args.join(' ')}${env.TEST_ENGINE ? ` (TEST_ENGINE=${env.TEST_ENGINE})` : ''}`);
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['vitest', 'run', '--root', 'apps/server']);
run(['vitest', 'run', '--root', 'apps/web']);
if (process.env.TEST_DATABASE_URL) {
  run(['vitest', 'run', '--root', 'apps/server', '--project', 'db'], { TEST_ENGINE: 'postgres' });
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL run of the database suites was skipped.');
}
