import pg from 'pg'
import type { AppConfig } from '../../config/config.ts'
import { withDatabaseName } from './database.ts'
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts'

/** The database the embedded PostgreSQL serves the product from. */
export const EMBEDDED_DATABASE_NAME = 'marketplace'

export interface OpenedDatabase {
  url: string
  embedded: EmbeddedPostgres | undefined
}

/** Resolves the database URL: DATABASE_URL, or the embedded server (started if needed). */
export async function openDatabaseUrl(
  config: AppConfig,
  status: (line: string) => void,
  onBackgroundWork?: () => void,
): Promise<OpenedDatabase> {
  if (config.db.url) return { url: config.db.url, embedded: undefined }
  const embedded = await startEmbeddedPostgres({
    ...config.db.embedded,
    log: status,
    ...(onBackgroundWork ? { onBackgroundWork } : {}),
  })
  const admin = new pg.Client({ connectionString: embedded.url })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE_NAME])
    if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE_NAME}`)
  } finally {
    await admin.end()
  }
  return { url: withDatabaseName(embedded.url, EMBEDDED_DATABASE_NAME), embedded }
}
