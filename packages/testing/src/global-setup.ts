import type { TestProject } from 'vitest/node'
import { createMigratedDatabase, dropDatabase, startThrowawayPostgres } from './postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance connection to the test PostgreSQL server (database `postgres`). */
    pgAdminUrl: string
    /** Migrated database that each test file clones. */
    pgTemplate: string
  }
}

/**
 * Once per run: a PostgreSQL server and a template database with every migration applied. The
 * server is TEST_DATABASE_URL if set (any PostgreSQL >= 15), else a throwaway cluster from the
 * binaries in TEST_PG_BIN_DIR (e.g. Debian's PostgreSQL 15), else the embedded npm binaries.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL
  const binDir = process.env.TEST_PG_BIN_DIR
  const server = external
    ? { url: external, stop: async () => {} }
    : await startThrowawayPostgres(binDir ? { binDir } : {})
  const template = `tmpl_${process.pid}_${Date.now().toString(36)}`
  try {
    await createMigratedDatabase(server.url, template)
  } catch (err) {
    await server.stop()
    throw err
  }
  project.provide('pgAdminUrl', server.url)
  project.provide('pgTemplate', template)
  return async () => {
    await dropDatabase(server.url, template).catch(() => {})
    await server.stop()
  }
}
