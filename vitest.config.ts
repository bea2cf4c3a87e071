import { defineConfig } from 'vitest/config';
import CostliestFirst from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // One Chromium per worker for every PDF, small database buffers (test/helpers/worker-setup.ts);
    // each file's CPU measured for the slowest-files report below.
    setupFiles: ['test/helpers/worker-setup.ts', 'test/helpers/file-cpu.ts'],
    env: { TZ: 'Europe/London', LANG: 'en_GB.UTF-8', COMPENDIUM_PASSWORD_COST: 'test' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two worker processes that each load the sources once and run file after file (isolate: false):
    // importing the services, PGlite's WebAssembly and the web app again for every file cost more
    // than most files' tests. No test mocks modules or leaves global state behind (see docs/decisions.md).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    // Costliest files first, by the CPU each cost in a recorded run, so the two workers end together
    // (test/helpers/sequencer.ts); never shuffled.
    sequence: { sequencer: CostliestFirst, shuffle: false },
    // The default summary, then the slowest files (test/helpers/slowest-files.ts).
    reporters: ['default', './test/helpers/slowest-files.ts'],
  },
});
