// The fault and fuzz suite (`npm run test:faults`): kill -9 during writes, two writers, and a
// property-based fuzz of every importer. FAULTS_RUNS bounds the generated inputs per importer
// (1,000 by default; CI runs fewer). The PostgreSQL cases run when TEST_DATABASE_URL answers.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'Europe/London', LANG: 'en_GB.UTF-8' },
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
