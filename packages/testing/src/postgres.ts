import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { withDatabaseName } from '../../../apps/server/src/kernel/db/database.ts'
import { startEmbeddedPostgres } from '../../../apps/server/src/kernel/db/embedded-postgres.ts'
import { migrate } from '../../../apps/server/src/kernel/db/migrate.ts'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * A PostgreSQL cluster for one test run, in a temporary folder with fsync off: the npm binaries
 * by default, or another installation's (`binDir`, e.g. Debian's PostgreSQL 15).
 */
export async function startThrowawayPostgres(
  options: { binDir?: string; durability?: 'full' | 'fast' } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-test-'))
  fs.chmodSync(dir, 0o755)
  const pgServer = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    // tests trade durability for speed; benchmarks of write paths ask for the real thing
    durability: options.durability ?? 'fast',
    ...(options.binDir ? { binDir: options.binDir } : {}),
  })
  return {
    url: pgServer.url,
    async stop() {
      await pgServer.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** Creates a database and applies every migration to it (our SQL and pg-boss's schema). */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `drop database if exists "${name}"`)
  await adminQuery(adminUrl, `create database "${name}"`)
  const url = withDatabaseName(adminUrl, name)
  await migrate(url)
  return url
}

/** Clones a template database (fast: a file copy inside PostgreSQL). */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`)
  return withDatabaseName(adminUrl, name)
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`)
}

/** Debian's newest installed PostgreSQL (>= 15), e.g. /usr/lib/postgresql/15/bin, if any. */
export function systemPostgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return undefined
  const versions = fs
    .readdirSync(root)
    .map(Number)
    .filter((v) => v >= 15 && fs.existsSync(path.join(root, String(v), 'bin', 'initdb')))
    .sort((a, b) => b - a)
  return versions.length ? path.join(root, String(versions[0]), 'bin') : undefined
}
