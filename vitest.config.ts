import { defineConfig } from 'vitest/config'

/**
 * Three projects: `unit` (pure code, no I/O), `integration` (real PostgreSQL: a template database
 * migrated once per run, cloned per test file) and `e2e` (the real server + Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'apps/server/src/**/*.int.test.ts',
            'packages/*/src/**/*.int.test.ts',
            'scripts/**/*.int.test.ts',
          ],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['packages/testing/src/global-setup.ts', 'packages/testing/src/web-built.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
})
