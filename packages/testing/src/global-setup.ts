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
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or a throwaway embedded cluster) and a
 * template database with every migration applied.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL
  const server = external ? { url: external, stop: async () => {} } : await startThrowawayPostgres()
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
