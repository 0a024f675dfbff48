import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, inject } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../../apps/server/src/kernel/db/database.ts'
import { cloneDatabase, dropDatabase } from './postgres.ts'

export interface TestDatabase extends DatabaseHandle {
  name: string
  /** Connection URL of the run's server, to the maintenance database. */
  adminUrl: string
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl')
  const name = `t_${randomBytes(6).toString('hex')}`
  const url = await cloneDatabase(adminUrl, inject('pgTemplate'), name)
  const handle = connectDatabase(url, { poolMax: 5, applicationName: 'test' })
  return {
    ...handle,
    name,
    adminUrl,
    async close() {
      await handle.close()
      await dropDatabase(adminUrl, name)
    },
  }
}

/** Registers beforeAll/afterAll for a file-scoped database; read `.current` inside tests. */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let db: TestDatabase | undefined
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await db?.close()
  })
  return {
    get current() {
      if (!db) throw new Error('The test database is only available inside tests and hooks')
      return db
    },
  }
}
