import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'

const web = path.join(repoRoot, 'apps/web')

/** Where Node keeps compiled code between starts (`npm start` and the start-up benchmark). */
export const compileCacheDir = path.join(repoRoot, 'node_modules/.cache/node-compile-cache')
const stampFile = path.join(web, 'dist', '.source-hash')

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

/** Hash of everything the web build reads, so a rebuild happens only when something changed. */
export function webSourceHash(): string {
  const hash = createHash('sha256')
  const inputs = [
    ...files(path.join(web, 'src')),
    ...['index.html', 'vite.config.ts', 'package.json', 'postcss.config.cjs', 'postcss.config.mjs']
      .map((f) => path.join(web, f))
      .filter((f) => fs.existsSync(f)),
  ].sort()
  for (const file of inputs) hash.update(path.relative(web, file)).update(fs.readFileSync(file))
  return hash.digest('hex')
}

/** Builds apps/web/dist unless it is already built from the current sources. */
export function ensureWebBuilt(log: (line: string) => void = console.log): void {
  const current = webSourceHash()
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === current) return
  log('building the web UI (first start or changed sources; about 20 s)…')
  const started = performance.now()
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web', '--silent'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error('web build failed (run `npm run build` to see why)')
  fs.writeFileSync(stampFile, current)
  log(`web UI built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

if (import.meta.main) ensureWebBuilt()
