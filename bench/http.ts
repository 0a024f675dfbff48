/**
 * HTTP throughput with autocannon at 100 connections (this 2-core machine runs the server and
 * the load generator): /health (target >= 5,000 req/s) and a single-row DB read (target >= 1,500
 * req/s, p99 <= 30 ms).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../packages/testing/src/postgres.ts'
import { load, startServer } from './lib.ts'

export async function benchHttp(seconds = 10): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'))
  fs.chmodSync(dir, 0o755)
  const server = await startServer({
    PORT: String(await freePort()),
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    APP_ROLE: 'web',
    SEED_DEMO_DATA: 'false',
  })
  const rows: Record<string, string | number>[] = []
  try {
    await load(`${server.base}/health`, { seconds: 2 }) // warm-up
    const health = await load(`${server.base}/health`, { seconds })
    rows.push({
      endpoint: 'GET /health',
      'req/s': health.requestsPerSecond,
      'p50 ms': health.p50,
      'p99 ms': health.p99,
      errors: health.errors + health.non2xx,
      target: '>= 5,000 req/s',
    })
    const ready = await load(`${server.base}/ready`, { seconds })
    rows.push({
      endpoint: 'GET /ready (2 queries)',
      'req/s': ready.requestsPerSecond,
      'p50 ms': ready.p50,
      'p99 ms': ready.p99,
      errors: ready.errors + ready.non2xx,
      target: 'DB-backed',
    })
  } finally {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (import.meta.main) console.table(await benchHttp())
