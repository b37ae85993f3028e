// The server bundle, rebuilt when any of its sources (the server's or the contracts') is newer than it: `npm start`
// and the benchmarks run the bundle, and a stale one would run yesterday's code.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = path.join(serverRoot, 'dist', 'main.js');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureServerBuilt() {
  let builtAt = 0;
  try {
    builtAt = statSync(serverBundle).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(
    newestIn(path.join(serverRoot, 'src')),
    newestIn(path.join(serverRoot, '..', '..', 'packages', 'contracts', 'src')),
  );
  if (builtAt > sources) return;
  const build = spawnSync(process.execPath, [path.join(serverRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('tierline: building the server failed');
}
