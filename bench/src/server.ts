/** The real server as a child process, as `npm start` runs it: the bundle `npm run build` writes, apps/server/dist/main.js. */
import { type ChildProcess, execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));

export type RunningServer = {
  url: string;
  pid: number;
  /** Spawn to the first 200 from /readyz, in ms. */
  startMs: number;
  memory: () => { rssMb: number; peakRssMb: number };
  /** SIGTERM, then waits for the exit: how long the graceful shutdown took and how it ended. */
  stop: () => Promise<{ shutdownMs: number; exitCode: number | null }>;
};

let built = false;
/** Builds the bundle from the current sources, once per benchmark run (esbuild takes a second or two). */
function buildServerOnce() {
  if (built) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server bundle failed');
  built = true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** VmRSS and VmHWM (the peak resident set) of a process, in MB. */
export function processMemory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  buildServerOnce();
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // The pool sweep would reclaim generated customers against today's date: the benchmark keeps the data as generated.
      TIERLINE_POOL_SWEEP_MINUTES: '0',
      TIERLINE_ADMIN_EMAIL: '',
      TIERLINE_ADMIN_PASSWORD: '',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready in 120 s:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      await res.text(); // an unread body would hold its connection open
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startMs = performance.now() - started;
  let stopped = false;
  const pid = child.pid as number;
  return {
    url,
    pid,
    startMs,
    memory: () => processMemory(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        // It died by itself (or was stopped before): what it said is the only clue.
        if (!stopped)
          process.stderr.write(`the server had already exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}\n`);
        return { shutdownMs: 0, exitCode: child.exitCode };
      }
      const t = performance.now();
      stopped = true;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timeout);
      if (output.trim()) process.stderr.write(`server output:\n${output.slice(-4000)}\n`);
      return { shutdownMs: Math.round(performance.now() - t), exitCode: child.exitCode };
    },
  };
}

let ticksPerSecond: number | undefined;
/** CPU time (user + system) a process has used so far, in ms; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  ticksPerSecond ??= Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}
