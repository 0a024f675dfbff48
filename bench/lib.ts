import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'

export interface ServerProcess {
  child: ChildProcess
  base: string
  readyMs: number
  stop(): Promise<void>
}

/**
 * Starts `apps/server/src/main.ts` and waits for /ready. `root` is the checkout to run (another
 * worktree, when comparing two versions); this one by default.
 */
export async function startServer(
  env: Record<string, string>,
  options: { root?: string } = {},
): Promise<ServerProcess> {
  const root = options.root ?? repoRoot
  const started = performance.now()
  // as `npm start` runs it: with Node's compile cache (scripts/start.ts)
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: 'warn',
    NODE_COMPILE_CACHE: path.join(root, 'node_modules/.cache/node-compile-cache'),
    ...env,
  }
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL
  const child = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const base = `http://127.0.0.1:${env.PORT}`
  for (;;) {
    try {
      if ((await fetch(`${base}/ready`)).ok) break
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null) throw new Error('server exited during start-up')
    await new Promise((r) => setTimeout(r, 25))
  }
  const readyMs = performance.now() - started
  return {
    child,
    base,
    readyMs,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

export async function load(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 100,
    duration: options.seconds ?? 10,
    headers: options.headers ?? {},
  })
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

export function table(rows: Record<string, string | number>[]): void {
  console.table(rows)
}
