import { defineConfig } from 'vitest/config';

// Unit tests of the web app that need no DOM (i18n resources, pure helpers).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
