import { defineConfig } from 'vitest/config';

/** Real-browser tests: the built extension in Debian's Chromium and Firefox ESR, one file at a time. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
