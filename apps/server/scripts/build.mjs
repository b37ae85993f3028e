#!/usr/bin/env node
// `npm run build -w @tierline/server`: the server as one ES module, dist/main.js, for `npm start` and the benchmarks.
// Running the bundle instead of the TypeScript sources through tsx starts about twice as fast and holds ~100 MB less
// (docs/performance.md). The npm packages stay outside the bundle (native addons, PGlite's WASM, pino's transports);
// only Tierline's own code — the server and the contracts workspace — goes in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((name) => name !== '@tierline/contracts');

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // For `node --enable-source-maps dist/main.js` when a stack trace should point into the sources.
  sourcemap: true,
  // Some CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __tierlineRequire } from 'node:module'; const require = __tierlineRequire(import.meta.url);" },
  logLevel: 'warning',
});
