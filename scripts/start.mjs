#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built and the server bundle when its sources changed, then
// starts the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt, serverBundle } from '../apps/server/scripts/ensureBuilt.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}apps/web/dist/index.html`)) {
  console.log('tierline: building the web app (first start only)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@tierline/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
ensureServerBuilt();
const server = spawn(process.execPath, [serverBundle], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
