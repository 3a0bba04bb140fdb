import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Builds dist/ first when stale: pool workers and the package tests run the compiled JS.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Set-up hooks plan whole batches (e.g. 300 orders as a reference plan): on a loaded 2-core
    // machine that can pass vitest's 10 s default without anything being wrong.
    hookTimeout: 60_000,
    // Two cores in CI: more forks only contend.
    maxWorkers: 2,
    // Test files share their worker's modules instead of importing the whole engine afresh each:
    // no test mocks a module, and the few that set process state restore it. Measured on a
    // 2-core machine: the suite in 192 s instead of 368 s (imports 19 s instead of 174 s).
    isolate: false,
  },
});
