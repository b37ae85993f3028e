import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server during development; in production the server serves dist/ itself.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  // Pin the root so `vite build` works from any working directory (scripts/start.mjs, CI).
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The largest chunk is ECharts' (~620 kB minified), loaded only by pages that draw charts.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Charts are drawn on a few pages only: their own chunk, loaded with the first page that draws one.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            // The framework every page runs on, in one long-cached chunk: a release of our pages re-downloads none of it.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 1,
            },
            // antd is left to the automatic split on purpose: as one chunk (1.4 MB, 440 kB gzipped) it made the sign-in
            // page load every component of every page. Split by route, each page loads the components it uses
            // (bench/src/webBudget.ts measures it: sign-in 611 → ~390 kB gzipped).
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
