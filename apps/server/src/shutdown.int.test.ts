import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../../packages/testing/src/postgres.ts'
import { useTestDatabase } from '../../../packages/testing/src/test-database.ts'
import { isProcessAlive as isAlive } from './kernel/db/embedded-postgres.ts'
import { repoRoot } from './kernel/paths.ts'

const database = useTestDatabase()

function startServer(env: Record<string, string>): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
} {
  let out = ''
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SEED_DEMO_DATA: 'false',
    TEST_HOOKS: 'true',
    ...env,
  }
  // without DATABASE_URL the server uses its embedded PostgreSQL: never inherit one by accident
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL
  const child = spawn(process.execPath, [path.join(repoRoot, 'apps/server/src/main.ts')], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

async function waitReady(base: string, output: () => string): Promise<void> {
  const started = Date.now()
  for (;;) {
    try {
      if ((await fetch(`${base}/ready`)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`server did not become ready:\n${output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('graceful shutdown', () => {
  it('lets an in-flight request finish on SIGTERM, then exits 0', { timeout: 90_000 }, async () => {
    const port = await freePort()
    const server = startServer({ DATABASE_URL: database.current.url, PORT: String(port) })
    const base = `http://127.0.0.1:${port}`
    await waitReady(base, server.output)
    const inFlight = fetch(`${base}/api/_test/slow?ms=1500`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }))
    await new Promise((r) => setTimeout(r, 300))
    server.child.kill('SIGTERM')
    const result = await inFlight
    expect(result).toEqual({ status: 200, body: { slept_ms: 1500 } })
    expect(await server.exited).toBe(0)
    await expect(fetch(`${base}/health`)).rejects.toThrow()
    expect(server.output()).toContain('stopped cleanly')
  })

  it('stops the embedded PostgreSQL on Ctrl-C (SIGINT twice, as a terminal sends it) and leaves no process behind', {
    timeout: 120_000,
  }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-'))
    fs.chmodSync(dir, 0o755)
    const port = await freePort()
    const pgPort = await freePort()
    const env = {
      PORT: String(port),
      EMBEDDED_PG_DIR: path.join(dir, 'pg'),
      EMBEDDED_PG_PORT: String(pgPort),
    }
    const server = startServer(env)
    const base = `http://127.0.0.1:${port}`
    await waitReady(base, server.output)
    const postmasterPid = Number(
      fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    )
    expect(isAlive(postmasterPid)).toBe(true)
    server.child.kill('SIGINT')
    server.child.kill('SIGINT') // npm and the terminal both deliver Ctrl-C
    expect(await server.exited).toBe(0)
    expect(isAlive(postmasterPid)).toBe(false)
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false)

    // a second start reuses the data
    const again = startServer(env)
    await waitReady(base, again.output)
    expect(again.output()).toContain('database schema is current')
    again.child.kill('SIGTERM')
    expect(await again.exited).toBe(0)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
