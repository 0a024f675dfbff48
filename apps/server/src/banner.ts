import type { RunningApp } from './app.ts'
import type { AppConfig } from './config/config.ts'
import { modules } from './modules/index.ts'

/** What a newcomer needs after `npm start`: where things are and how to sign in. */
export function printBanner(config: AppConfig, app: RunningApp): void {
  const base = config.http.publicUrl
  const lines = [
    '',
    '  Referral marketplace platform is running',
    `  role: ${config.role} · database: ${config.db.url ? 'DATABASE_URL' : `embedded PostgreSQL (${app.embedded?.dataDir})`}`,
    '',
  ]
  if (app.server) {
    lines.push(
      `  Web app         ${base}/`,
      `  Splits Network  ${base}/splits`,
      `  OFAIR (עברית)   ${base}/ofair`,
      `  API reference   ${base}/docs`,
      `  Health / ready  ${base}/health · ${base}/ready`,
      `  Metrics         ${base}/metrics`,
    )
  }
  for (const m of modules) {
    const extra = m.banner?.(app.ctx) ?? []
    if (extra.length) lines.push('', ...extra)
  }
  lines.push('', '  Press Ctrl-C to stop.', '')
  process.stdout.write(`${lines.join('\n')}\n`)
}
