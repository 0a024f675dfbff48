/**
 * Start-up time: cold (empty data folder: initdb, migrations) and warm (existing data) from
 * process spawn to /ready = 200. Targets: cold <= 10 s, warm <= 5 s. Demo seeding is included
 * when the modules have seeds (SEED_DEMO_DATA default on).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../packages/testing/src/postgres.ts'
import { ensureWebBuilt } from '../scripts/web-build.ts'
import { startServer } from './lib.ts'

export async function benchStartup(): Promise<Record<string, string | number>[]> {
  ensureWebBuilt()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'))
  fs.chmodSync(dir, 0o755)
  const env = {
    PORT: String(await freePort()),
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
  }
  const rows: Record<string, string | number>[] = []
  try {
    const cold = await startServer(env)
    await cold.stop()
    rows.push({ measure: 'cold start to ready', seconds: +(cold.readyMs / 1000).toFixed(2), target: '<= 10' })
    const warm: number[] = []
    for (let i = 0; i < 3; i++) {
      const s = await startServer(env)
      warm.push(s.readyMs)
      await s.stop()
    }
    warm.sort((a, b) => a - b)
    rows.push({
      measure: 'warm restart to ready (median of 3)',
      seconds: +(warm[1]! / 1000).toFixed(2),
      target: '<= 5',
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (import.meta.main) console.table(await benchStartup())
