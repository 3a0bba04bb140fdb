import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Builds dist/ first when stale: pool workers and the package tests run the compiled JS.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Two cores in CI: more forks only contend.
    maxWorkers: 2,
  },
});
