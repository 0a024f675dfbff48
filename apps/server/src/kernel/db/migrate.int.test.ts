import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { adminQuery, dropDatabase } from '../../../../../packages/testing/src/postgres.ts'
import { withDatabaseName } from './database.ts'
import { currentMigrationVersion, migrate, readMigrationFiles } from './migrate.ts'

const created: string[] = []
async function emptyDatabase(): Promise<string> {
  const name = `mig_${Math.random().toString(36).slice(2, 10)}`
  await adminQuery(inject('pgAdminUrl'), `create database ${name}`)
  created.push(name)
  return withDatabaseName(inject('pgAdminUrl'), name)
}
afterAll(async () => {
  for (const name of created) await dropDatabase(inject('pgAdminUrl'), name)
})

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text)).rows
  } finally {
    await client.end()
  }
}

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migs-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

describe('migrations', () => {
  it('apply from an empty database, then are a no-op', async () => {
    const url = await emptyDatabase()
    const files = readMigrationFiles()
    const first = await migrate(url)
    expect(first.applied.map((f) => f.version)).toEqual(files.map((f) => f.version))
    const again = await migrate(url)
    expect(again.applied).toEqual([])
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    expect(await currentMigrationVersion(client)).toBe(files.at(-1)!.version)
    await client.end()
    // pg-boss's schema is installed with ours
    const boss = await query<{ n: string }>(
      url,
      `select count(*)::text as n from pg_namespace where nspname = 'pgboss'`,
    )
    expect(boss[0]!.n).toBe('1')
  })

  it('leave the database unchanged when a migration fails', async () => {
    const url = await emptyDatabase()
    const dir = migrationsDir({
      '0001_ok.sql': 'create schema if not exists platform; create table platform.kept (id int);',
      '0002_broken.sql':
        'create table platform.half_done (id int);\ninsert into platform.half_done values (1);\nselect 1/0;',
    })
    await expect(migrate(url, { dir })).rejects.toThrow(
      /0002_broken\.sql failed and was rolled back: division by zero/,
    )
    const tables = await query<{ t: string | null }>(
      url,
      `select to_regclass('platform.kept')::text as t union all select to_regclass('platform.half_done')::text`,
    )
    expect(tables.map((r) => r.t)).toEqual(['platform.kept', null])
    const versions = await query<{ version: number }>(url, 'select version from platform.schema_migrations')
    expect(versions.map((r) => r.version)).toEqual([1])
  })

  it('refuse a migration that changed after it was applied', async () => {
    const url = await emptyDatabase()
    const dir = migrationsDir({
      '0001_a.sql': 'create schema if not exists platform; create table platform.a (id int);',
    })
    await migrate(url, { dir })
    fs.writeFileSync(
      path.join(dir, '0001_a.sql'),
      'create schema if not exists platform; create table platform.a (id bigint);',
    )
    await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/)
  })

  it('migrate once when two processes start together', async () => {
    const url = await emptyDatabase()
    const [a, b] = await Promise.all([migrate(url), migrate(url)])
    expect(a.applied.length + b.applied.length).toBe(readMigrationFiles().length)
  })
})
