/**
 * `npm run dev`: the server with --watch (restarts on changes) and Vite's dev server with hot
 * reload on http://localhost:5173 (it proxies the API to the server on :3000).
 */
import { spawn } from 'node:child_process'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'

const children = [
  spawn(process.execPath, ['--watch-path=apps/server/src', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, LOG_PRETTY: process.env.LOG_PRETTY ?? 'true' },
  }),
  spawn('npm', ['run', 'dev', '--workspace', 'apps/web'], { cwd: repoRoot, stdio: 'inherit' }),
]
const stop = () => {
  for (const child of children) child.kill('SIGINT')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
await Promise.all(children.map((c) => new Promise((resolve) => c.on('exit', resolve))))
