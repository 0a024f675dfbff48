/**
 * HTTP throughput with autocannon at 100 connections (this 2-core machine runs the server and
 * the load generator): `GET /health` (target >= 5,000 req/s) and a typical DB-backed read, an
 * authenticated `GET /api/roles/:id` (session check, actor transaction, one role with its company
 * and counts; target >= 1,500 req/s with p99 <= 30 ms).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../packages/testing/src/postgres.ts'
import { load, startServer } from './lib.ts'

/** Signs the demo recruiter in (code from the dev outbox) and picks an open role of the demo data. */
async function fixture(base: string): Promise<{ cookie: string; roleId: string }> {
  const start = await fetch(`${base}/api/auth/email/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'rachel@recruiters.demo' }),
  })
  const { challenge_id } = (await start.json()) as { challenge_id: string }
  let code: string | undefined
  for (let i = 0; i < 100 && !code; i++) {
    const box = (await (
      await fetch(`${base}/api/dev/outbox?recipient=rachel@recruiters.demo&limit=1`)
    ).json()) as {
      data: { body: string }[]
    }
    code = /code is (\d{6})/.exec(box.data[0]?.body ?? '')?.[1]
    if (!code) await new Promise((r) => setTimeout(r, 50))
  }
  const verify = await fetch(`${base}/api/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challenge_id, code }),
  })
  const cookie = /sid=[^;]+/.exec(verify.headers.get('set-cookie') ?? '')![0]
  const roles = (await (await fetch(`${base}/api/roles?limit=1`, { headers: { cookie } })).json()) as {
    data: { id: string }[]
  }
  if (!roles.data[0]) throw new Error('the demo data has no open role')
  return { cookie, roleId: roles.data[0].id }
}

export async function benchHttp(seconds = 10): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'))
  fs.chmodSync(dir, 0o755)
  const server = await startServer({
    PORT: String(await freePort()),
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    APP_ROLE: 'all',
    LOG_LEVEL: 'warn',
  })
  const rows: Record<string, string | number>[] = []
  const row = (endpoint: string, r: Awaited<ReturnType<typeof load>>, target: string) =>
    rows.push({
      endpoint,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
      target,
    })
  try {
    await load(`${server.base}/health`, { seconds: 2 }) // warm-up
    row('GET /health', await load(`${server.base}/health`, { seconds }), '>= 5,000 req/s')
    const { cookie, roleId } = await fixture(server.base)
    const url = `${server.base}/api/roles/${roleId}`
    await load(url, { seconds: 2, headers: { cookie } })
    row(
      'GET /api/roles/:id (signed in)',
      await load(url, { seconds, headers: { cookie } }),
      '>= 1,500 req/s, p99 <= 30 ms',
    )
  } finally {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (import.meta.main) console.table(await benchHttp())
