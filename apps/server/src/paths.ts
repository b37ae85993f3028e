import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * apps/server, found by walking up to its package.json: the same answer whether this code runs from its sources
 * (src/…) or from the bundle `npm run build` writes (dist/main.js), where every module shares one import.meta.url.
 */
function findServerRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === '@tierline/server') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('apps/server/package.json not found above the running code');
    dir = parent;
  }
}

export const serverRoot = findServerRoot();
/** The committed SQL migrations. */
export const migrationsFolder = path.join(serverRoot, 'migrations');
/** The built web app the server serves (WEB_DIST overrides it). */
export const defaultWebDist = path.join(serverRoot, '..', 'web', 'dist');
export const serverPackageJson = path.join(serverRoot, 'package.json');
