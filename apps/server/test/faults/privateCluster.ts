import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster of the test's own, so a test can stop and start "the database
 * server" without touching the machine's shared one (other test files use it at the same time).
 * Runs as the `postgres` OS user when the test runs as root (PostgreSQL refuses to run as root).
 */

/** The newest installed server binaries (Debian's layout), or undefined when there are none. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[], timeoutMs = 60_000): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs });
  if (res.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed (${res.status}): ${res.stderr}${res.stdout}`);
  return res.stdout;
}

export type PrivateCluster = {
  url: (database?: string) => string;
  start: () => void;
  /** Stops at once, like a crash or a kill of the server: no checkpoint, every connection cut. */
  crash: () => void;
  /** Stops the cluster if it runs and deletes its files; safe to call twice and after a failure. */
  destroy: () => void;
};

export function createPrivateCluster(port: number): PrivateCluster {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (install postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-pgcluster-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // Its own port and socket directory; fsync off: the test is about the server going away, not the disk.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=60`;
  const pgCtl = (...args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
  let running = false;
  return {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      pgCtl('-o', options, '-l', log, '-w', '-t', '60', 'start');
      running = true;
    },
    crash() {
      pgCtl('-m', 'immediate', '-w', 'stop');
      running = false;
    },
    destroy() {
      try {
        if (running || fs.existsSync(path.join(data, 'postmaster.pid'))) pgCtl('-m', 'immediate', '-w', 'stop');
      } catch {
        // already stopped
      }
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
