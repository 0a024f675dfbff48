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

/** `--cold N`: N cold starts, each in a fresh data folder (default 1); the median is the figure. */
function coldRuns(): number {
  const i = process.argv.indexOf('--cold')
  const n = i >= 0 ? Number(process.argv[i + 1]) : 1
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error('--cold takes a count from 1 to 20')
  return n
}

export async function benchStartup(runs = 1): Promise<Record<string, string | number>[]> {
  ensureWebBuilt()
  const rows: Record<string, string | number>[] = []
  const cold: number[] = []
  let warmDir: string | undefined
  let warmEnv: Record<string, string> | undefined
  try {
    for (let run = 0; run < runs; run++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'))
      fs.chmodSync(dir, 0o755)
      const env = {
        PORT: String(await freePort()),
        EMBEDDED_PG_DIR: path.join(dir, 'pg'),
        EMBEDDED_PG_PORT: String(await freePort()),
      }
      const s = await startServer(env)
      await s.stop()
      cold.push(s.readyMs)
      // the last cold start's data folder serves the warm restarts
      if (warmDir) fs.rmSync(warmDir, { recursive: true, force: true })
      warmDir = dir
      warmEnv = env
    }
    const sorted = [...cold].sort((a, b) => a - b)
    const s = (ms: number) => +(ms / 1000).toFixed(2)
    rows.push({
      measure: runs === 1 ? 'cold start to ready' : `cold start to ready (median of ${runs})`,
      seconds: s(sorted[Math.floor((runs - 1) / 2)]!),
      ...(runs > 1 ? { runs: cold.map(s).join(', ') } : {}),
      target: '<= 10',
    })
    const warm: number[] = []
    for (let i = 0; i < 3; i++) {
      const w = await startServer(warmEnv!)
      warm.push(w.readyMs)
      await w.stop()
    }
    warm.sort((a, b) => a - b)
    rows.push({
      measure: 'warm restart to ready (median of 3)',
      seconds: s(warm[1]!),
      target: '<= 5',
    })
  } finally {
    if (warmDir) fs.rmSync(warmDir, { recursive: true, force: true })
  }
  return rows
}

if (import.meta.main) console.table(await benchStartup(coldRuns()))
