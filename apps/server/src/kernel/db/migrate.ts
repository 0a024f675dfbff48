import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PgBoss } from 'pg-boss'
import { migrationsDir } from '../paths.ts'

/**
 * Forward-only SQL migrations: `db/migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction (a failing file leaves the database as it was), under an advisory lock so that
 * several processes starting together migrate once. An applied file must never change: its
 * checksum is recorded and compared.
 */
export interface MigrationFile {
  version: number
  name: string
  file: string
  checksum: string
  sql: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

const LOCK_KEY = 727_001
export const JOBS_SCHEMA = 'pgboss'

export function readMigrationFiles(dir = migrationsDir): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  const seen = new Set<number>()
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
    if (!match) throw new MigrationError(`Migration file name ${file} must look like 0001_some_name.sql`)
    const version = Number(match[1])
    if (seen.has(version)) throw new MigrationError(`Two migrations share version ${version}`)
    seen.add(version)
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    return {
      version,
      name: match[2]!,
      file,
      checksum: createHash('sha256').update(text).digest('hex'),
      sql: text,
    }
  })
}

export interface MigrateResult {
  applied: MigrationFile[]
  current: number
}

export async function migrate(
  url: string,
  options: {
    log?: (line: string) => void
    onProgress?: (done: number, total: number, file: string) => void
    dir?: string
  } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {})
  const files = readMigrationFiles(options.dir)
  const client = new pg.Client({ connectionString: url, application_name: 'migrate' })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY])
    // A file and its row in schema_migrations commit together; without waiting for each commit to
    // reach the disk, a crash can lose only the last files with their rows (never half a file),
    // and the next start applies them again. A fresh database's ~50 files stop paying ~50 flushes.
    await client.query('set synchronous_commit = off')
    await client.query(`create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        duration_ms integer not null
      )`)
    const { rows } = await client.query<{ version: number; checksum: string; name: string }>(
      'select version, checksum, name from platform.schema_migrations order by version',
    )
    const applied = new Map(rows.map((r) => [r.version, r]))
    for (const row of rows) {
      const file = files.find((f) => f.version === row.version)
      if (!file)
        throw new MigrationError(`Database has migration ${row.version}_${row.name} that is not on disk`)
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${file.file} was changed after it was applied; add a new migration instead`,
        )
      }
    }
    const pending = files.filter((f) => !applied.has(f.version))
    const done: MigrationFile[] = []
    for (const file of pending) {
      options.onProgress?.(done.length, pending.length, file.file)
      const started = performance.now()
      try {
        await client.query('begin')
        await client.query(file.sql)
        await client.query(
          'insert into platform.schema_migrations (version, name, checksum, duration_ms) values ($1, $2, $3, $4)',
          [file.version, file.name, file.checksum, Math.round(performance.now() - started)],
        )
        await client.query('commit')
      } catch (err) {
        await client.query('rollback').catch(() => {})
        throw new MigrationError(
          `Migration ${file.file} failed and was rolled back: ${describePgError(err, file.sql)}`,
        )
      }
      done.push(file)
      log(`applied migration ${file.file} (${Math.round(performance.now() - started)} ms)`)
    }
    options.onProgress?.(done.length, pending.length, '')
    await installJobSchema(url)
    return { applied: done, current: files.at(-1)?.version ?? 0 }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    await client.end()
  }
}

/** pg-boss owns its schema and versions it itself; installing it here keeps test templates complete. */
async function installJobSchema(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    supervise: false,
    schedule: false,
    registerInstance: false,
    max: 2,
  })
  boss.on('error', () => {})
  await boss.start()
  await boss.stop({ graceful: false, close: true })
  // Transactional enqueue: a service running as the application role may add jobs in its own
  // transaction. Queue tables are partitions created later by createQueue, hence default privileges.
  const client = new pg.Client({ connectionString: url, application_name: 'migrate' })
  await client.connect()
  try {
    await client.query(`grant usage on schema ${JOBS_SCHEMA} to app_runtime;
      grant select, insert on all tables in schema ${JOBS_SCHEMA} to app_runtime;
      alter default privileges in schema ${JOBS_SCHEMA} grant select, insert on tables to app_runtime`)
  } finally {
    await client.end()
  }
}

function describePgError(err: unknown, text: string): string {
  const e = err as { message?: string; position?: string }
  const message = e.message ?? String(err)
  if (!e.position) return message
  const line = text.slice(0, Number(e.position)).split('\n').length
  return `${message} (line ${line})`
}

/** Version of the newest migration applied to the database, or 0. */
export async function currentMigrationVersion(client: pg.Pool | pg.Client): Promise<number> {
  const exists = await client.query<{ t: string | null }>(
    `select to_regclass('platform.schema_migrations')::text as t`,
  )
  if (!exists.rows[0]?.t) return 0
  const { rows } = await client.query<{ v: number | null }>(
    'select max(version) as v from platform.schema_migrations',
  )
  return rows[0]?.v ?? 0
}
