import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (started once for the suite by support/global-setup.ts).
export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server, one browser at a time: 2 cores do not run several Chromiums well.
    fileParallelism: false,
    // expect.poll's default second is too short on a loaded 2-core machine: an antd list still closing after it
    // failed CI (stop 18). A poll still ends as soon as its condition holds.
    expect: { poll: { timeout: 10_000 } },
  },
});
