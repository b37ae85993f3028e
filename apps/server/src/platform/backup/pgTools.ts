import { spawn } from 'node:child_process';
import { redact, redactUrl, splitPassword } from './backup.rules.ts';
import { BackupFailed } from './errors.ts';

/** What a failing tool said, at most this much of its end (where the error is). */
const STDERR_TAIL = 8_000;

/**
 * Runs pg_dump or pg_restore against `databaseUrl`. The password goes through PGPASSWORD, not the
 * command line (which every local user can read), and --no-password makes a missing one an error
 * instead of a prompt that would hang a script.
 */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const { url, password } = splitPassword(databaseUrl);
  const child = spawn(tool, [...args, '--no-password', `--dbname=${url}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new BackupFailed(
      err.code === 'ENOENT'
        ? `${tool} was not found on PATH: install the PostgreSQL client tools of the server's major version (e.g. postgresql-client-15)`
        : `${tool} could not start: ${err.message}`,
    );
  });
  if (code !== 0)
    throw new BackupFailed(`${tool} of ${redactUrl(databaseUrl)} failed (exit code ${code}):\n${redact(stderr.trim(), password)}`);
}
