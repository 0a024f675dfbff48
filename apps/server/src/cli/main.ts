/**
 * Operators' command line: `npm run cli -- <command>`. Uses DATABASE_URL, or the embedded
 * PostgreSQL in .data/ (reusing it if `npm start` is already running it).
 */
import { SingleBar } from 'cli-progress'
import { Command } from 'commander'
import { createAppContext, openDatabaseUrl } from '../app.ts'
import { ConfigError, loadConfig } from '../config/config.ts'
import { verifyAuditChain } from '../kernel/audit/audit.ts'
import type { AppContext } from '../kernel/context.ts'
import { migrate } from '../kernel/db/migrate.ts'
import { describeAccess } from '../kernel/http/access.ts'
import { buildServer, registeredRoutes } from '../kernel/http/server.ts'
import { createLogger } from '../kernel/logger.ts'
import { runSeeds } from '../kernel/seed.ts'
import { modules } from '../modules/index.ts'

const out = (line = '') => process.stdout.write(`${line}\n`)

function bar(label: string): SingleBar {
  return new SingleBar({
    format: `${label} [{bar}] {percentage}% · {value}/{total} {detail}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  })
}

/** Opens the database (starting the embedded one if needed) and runs `fn` with an app context. */
async function withContext<T>(
  fn: (ctx: AppContext) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig()
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false })
  const { url, embedded } = await openDatabaseUrl(config, (line) => log.info(line))
  let database: Awaited<ReturnType<typeof createAppContext>>['database'] | undefined
  try {
    if (options.migrate !== false) await migrate(url)
    const created = createAppContext(config, url, { log, modules, work: false })
    database = created.database
    for (const m of modules) await m.init?.(created.ctx)
    await created.ctx.jobs.start(created.ctx)
    try {
      return await fn(created.ctx)
    } finally {
      await created.ctx.jobs.stop(5000)
    }
  } finally {
    await database?.close()
    if (embedded?.owned) await embedded.stop()
  }
}

const program = new Command()
  .name('npm run cli --')
  .description('Operate the referral marketplace platform')
  .showHelpAfterError()

program
  .command('migrate')
  .description('Apply pending database migrations (forward-only)')
  .action(async () => {
    const config = loadConfig()
    const log = createLogger({ level: 'warn', pretty: false })
    const { url, embedded } = await openDatabaseUrl(config, (l) => log.info(l))
    const progress = bar('migrating')
    try {
      let started = false
      const result = await migrate(url, {
        onProgress: (done, total, file) => {
          if (total === 0) return
          if (!started) {
            progress.start(total, 0, { detail: file })
            started = true
          }
          progress.update(done, { detail: file })
        },
      })
      if (started) progress.stop()
      out(
        result.applied.length
          ? `applied ${result.applied.length} migration(s); schema is at ${result.current}`
          : `nothing to apply; schema is at ${result.current}`,
      )
    } finally {
      if (embedded?.owned) await embedded.stop()
    }
  })

program
  .command('seed')
  .description('Load demo data (idempotent: steps already applied are skipped)')
  .option('--force', 'run every step again even if already applied')
  .action(async (opts: { force?: boolean }) => {
    await withContext(async (ctx) => {
      const progress = bar('seeding')
      let current = ''
      await runSeeds(ctx, modules, (line) => (current ? undefined : out(line)), {
        force: opts.force === true,
        onProgress: (step, done, total) => {
          if (step !== current) {
            if (current) progress.stop()
            current = step
            progress.start(total, 0, { detail: step })
          }
          progress.update(done, { detail: step })
        },
      })
      if (current) progress.stop()
      out('demo data is loaded')
    })
  })

program
  .command('jobs:list')
  .description('The job catalog with queue sizes')
  .action(async () => {
    await withContext(async (ctx) => {
      const sizes = new Map((await ctx.jobs.queueSummaries()).map((q) => [q.name, q]))
      for (const def of ctx.jobs.catalog) {
        const q = sizes.get(def.name)
        const dead = sizes.get(`${def.name}.dead`)
        out(`${def.name}`)
        out(`  ${def.description}`)
        out(
          `  schedule: ${def.schedule?.cron ?? '—'} · retries: ${def.retry.limit} · timeout: ${def.timeoutSeconds}s · queued: ${q?.queued ?? 0} · active: ${q?.active ?? 0} · dead: ${dead?.queued ?? 0}`,
        )
      }
    })
  })

program
  .command('jobs:run')
  .description('Run a job now, in this process (or --enqueue it for the workers)')
  .argument('<name>', 'job name, see jobs:list')
  .argument('[payload]', 'JSON payload', '{}')
  .option('--enqueue', 'put it on the queue instead of running it here')
  .action(async (name: string, payloadText: string, opts: { enqueue?: boolean }) => {
    let payload: unknown
    try {
      payload = JSON.parse(payloadText)
    } catch {
      throw new CliError(`payload is not valid JSON: ${payloadText}`)
    }
    await withContext(async (ctx) => {
      if (opts.enqueue) {
        out(`enqueued ${name} as job ${await ctx.jobs.enqueue(name, payload)}`)
        return
      }
      const started = performance.now()
      const result = await ctx.jobs.runInline(name, payload, ctx.log)
      out(`${name} finished in ${Math.round(performance.now() - started)} ms`)
      out(JSON.stringify(result ?? null, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2))
    })
  })

program
  .command('jobs:dead')
  .description('Jobs that exhausted their retries')
  .argument('[name]', 'only this job')
  .action(async (name?: string) => {
    await withContext(async (ctx) => {
      const jobs = await ctx.jobs.deadJobs(name)
      if (jobs.length === 0) out('no dead-lettered jobs')
      for (const j of jobs) {
        out(`${j.createdOn.toISOString()}  ${j.queue}  ${j.id}`)
        out(`  payload: ${JSON.stringify(j.data)}`)
        out(`  error:   ${JSON.stringify(j.error)}`)
      }
    })
  })

program
  .command('jobs:retry')
  .description('Send a dead-lettered job back to its queue')
  .argument('<name>', 'job name')
  .argument('<id>', 'dead-lettered job id (see jobs:dead)')
  .action(async (name: string, id: string) => {
    await withContext(async (ctx) => {
      if (!(await ctx.jobs.retryDead(name, id))) throw new CliError(`no dead-lettered job ${id} in ${name}`)
      out(`job ${id} is back on ${name}`)
    })
  })

program
  .command('audit:verify')
  .description('Verify the audit log hash chain; exits 1 and names the first broken row if tampered')
  .action(async () => {
    await withContext(async (ctx) => {
      const progress = bar('verifying')
      let started = false
      const result = await verifyAuditChain(ctx.db, (done, total) => {
        if (!started) {
          progress.start(total, 0, { detail: 'rows' })
          started = true
        }
        progress.update(done, { detail: 'rows' })
      })
      progress.stop()
      if (result.ok) {
        out(`audit chain intact: ${result.rows} rows, head ${result.lastHash.slice(0, 16)}…`)
      } else {
        out(`AUDIT CHAIN BROKEN at row ${result.brokenSeq}: ${result.reason} (rows 1–${result.rows} verify)`)
        process.exitCode = 1
      }
    })
  })

// Commands the modules add (e.g. ledger:reconcile)
for (const m of modules) {
  for (const command of m.commands ?? []) {
    program
      .command(command.name)
      .description(command.description)
      .argument('[args...]')
      // a module's command reads its own options (e.g. metrics:backfill --from … --to …)
      .allowUnknownOption()
      .action(async (args: string[]) => {
        await withContext(async (ctx) => {
          let current: SingleBar | undefined
          let currentStep = ''
          const code = await command.run(
            ctx,
            {
              out,
              progress: (label) => (step, done, total) => {
                if (!current || step !== currentStep) {
                  current?.stop()
                  current = bar(`${label}: ${step}`)
                  current.start(Math.max(total, 1), 0, { detail: '' })
                  currentStep = step
                }
                current.setTotal(Math.max(total, 1))
                current.update(done, { detail: '' })
              },
              done: () => current?.stop(),
            },
            args,
          )
          process.exitCode = code
        })
      })
  }
}

program
  .command('routes')
  .description('Every HTTP route with who may call it')
  .action(async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: 'postgresql://offline@127.0.0.1:1/offline' })
    const log = createLogger({ level: 'silent', pretty: false })
    const { ctx, database } = createAppContext(config, config.db.url!, { log, modules, work: false })
    for (const m of modules) await m.init?.(ctx)
    const app = await buildServer(ctx, modules)
    for (const r of registeredRoutes(app).sort((a, b) => a.url.localeCompare(b.url))) {
      out(`${r.method.padEnd(7)} ${r.url.padEnd(48)} ${describeAccess(r.access)}`)
    }
    await app.close()
    await database.close()
  })

class CliError extends Error {}

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CliError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`)
  } else {
    process.stderr.write(`${(err as Error).stack ?? err}\n`)
  }
  process.exitCode = 1
}
