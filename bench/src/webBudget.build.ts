/**
 * The web app the web budgets measure: built from the current sources into bench/.web/dist (its own folder, so a
 * benchmark never rewrites the apps/web/dist that `npm start` and the browser journeys serve), and rebuilt only when a
 * source changed since the last build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const webDistDir = path.join(root, 'bench', '.web', 'dist');
// Inside the build's folder (ignored with every dist/), written after the build so a failed one leaves none.
const stampFile = path.join(webDistDir, '.sources.sha256');

/** Everything the bundle is made from: our sources, the build settings and the installed library versions. */
const SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/public',
  'packages/contracts/src',
  'package-lock.json',
];

/** Names, sizes and modification times of the sources: a change in any of them changes the stamp. */
function sourcesStamp(): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else hash.update(`${path.relative(root, p)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return hash.digest('hex');
}

/** Builds the web app unless the last build is of the same sources; answers the folder to serve. */
export function ensureWebBuilt(log: (line: string) => void): string {
  const stamp = sourcesStamp();
  const fresh =
    fs.existsSync(path.join(webDistDir, 'index.html')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (fresh) return webDistDir;
  log('building the web app for the web budgets (vite build)…');
  const started = performance.now();
  const build = spawnSync('npx', ['vite', 'build', '--outDir', webDistDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: path.join(root, 'apps', 'web'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');
  fs.writeFileSync(stampFile, stamp);
  log(`web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return webDistDir;
}
