/**
 * `npm test`: every check, in order, stopping at the first failure.
 *   lint · types · generated files current · API document lint (Redocly) · web build · unit ·
 *   integration on the embedded PostgreSQL · integration on Debian's PostgreSQL (15) · browser
 *   end-to-end (Chromium)
 * With CI=true nothing may be skipped: a missing PostgreSQL 15 or Chromium fails the run.
 * Pass step names to run only those: `npm test -- unit integration`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'
import { systemPostgresBinDir } from '../packages/testing/src/postgres.ts'

const CI = process.env.CI === 'true' || process.env.CI === '1'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const only = process.argv.slice(2)

interface Step {
  name: string
  run: () => { skip: string } | undefined
}

function sh(command: string, args: string[], env: Record<string, string> = {}): undefined {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
  return undefined
}
const npx = (bin: string, args: string[], env: Record<string, string> = {}) =>
  sh(`${repoRoot}/node_modules/.bin/${bin}`, args, env)
const node = (script: string, args: string[] = []) => sh(process.execPath, [script, ...args])

const steps: Step[] = [
  { name: 'lint', run: () => npx('biome', ['check', '.']) },
  {
    name: 'types',
    run: () => {
      npx('tsc', ['-p', 'tsconfig.json', '--noEmit'])
      return npx('tsc', ['-p', 'apps/web/tsconfig.json', '--noEmit'])
    },
  },
  {
    name: 'generated',
    run: () => {
      node('scripts/generate-db-types.ts', ['--check'])
      return node('scripts/generate-api-types.ts', ['--check'])
    },
  },
  { name: 'api-lint', run: () => node('scripts/lint-api.ts') },
  { name: 'build', run: () => sh('npm', ['run', 'build', '--silent']) },
  { name: 'unit', run: () => npx('vitest', ['run', '--project', 'unit']) },
  { name: 'integration', run: () => npx('vitest', ['run', '--project', 'integration']) },
  {
    name: 'integration-pg15',
    run: () => {
      if (process.env.TEST_DATABASE_URL) {
        return npx('vitest', ['run', '--project', 'integration'])
      }
      const binDir = systemPostgresBinDir()
      if (!binDir) {
        if (CI) throw new Error("Debian's PostgreSQL (>= 15) is not installed; .ci/run installs it")
        return { skip: "Debian's PostgreSQL is not installed (apt-get install postgresql)" }
      }
      return npx('vitest', ['run', '--project', 'integration'], { TEST_PG_BIN_DIR: binDir })
    },
  },
  {
    name: 'e2e',
    run: () => {
      if (!fs.existsSync(CHROMIUM)) {
        if (CI) throw new Error(`Chromium is not installed at ${CHROMIUM}; .ci/run installs it`)
        return { skip: `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)` }
      }
      return npx('vitest', ['run', '--project', 'e2e'])
    },
  },
]

const unknown = only.filter((n) => !steps.some((s) => s.name === n))
if (unknown.length) {
  console.error(`unknown step(s): ${unknown.join(', ')}; steps are ${steps.map((s) => s.name).join(', ')}`)
  process.exit(2)
}

const summary: string[] = []
const started = performance.now()
let failed = false
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue
  const t = performance.now()
  console.log(`\n━━ ${step.name} ━━`)
  try {
    const result = step.run()
    const seconds = ((performance.now() - t) / 1000).toFixed(1)
    summary.push(
      result?.skip ? `  SKIPPED ${step.name}: ${result.skip}` : `  ok      ${step.name} (${seconds} s)`,
    )
  } catch (err) {
    summary.push(`  FAILED  ${step.name}: ${(err as Error).message}`)
    failed = true
    break
  }
}
console.log(`\n━━ summary (${((performance.now() - started) / 1000).toFixed(0)} s) ━━\n${summary.join('\n')}`)
process.exit(failed ? 1 : 0)
