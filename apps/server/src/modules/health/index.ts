import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { dailyMetricsJob, weeklyDigestJob } from './alerts.ts'
import { backfillJob, checkRange } from './backfill.ts'
import { healthRoute } from './caller.ts'
import { computeRange } from './compute.ts'
import { healthRoutes } from './routes.ts'
import { demoHealthSeed } from './seed.ts'

/**
 * Marketplace health (issue 15 §4): daily metrics and liquidity computed "as of" each day from
 * recruiting's and billing's services, back-fills, deal risk, alerts and a weekly digest. See README.md.
 */
export const healthModule: AppModule = {
  name: 'health',
  schemas: ['health'],
  routes(app, ctx) {
    healthRoute.mount(app, ctx, healthRoutes)
  },
  jobs: [dailyMetricsJob, backfillJob, weeklyDigestJob],
  seeds: [demoHealthSeed],
  commands: [
    {
      name: 'metrics:backfill',
      description: 'Recompute the marketplace metrics of every day of --from YYYY-MM-DD --to YYYY-MM-DD',
      run: async (ctx, tools, args) => {
        const arg = (name: string) => {
          const i = args.indexOf(`--${name}`)
          const inline = args.find((a) => a.startsWith(`--${name}=`))
          return inline ? inline.slice(name.length + 3) : i >= 0 ? args[i + 1] : undefined
        }
        const from = arg('from')
        const to = arg('to')
        if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
          tools.out('usage: metrics:backfill --from YYYY-MM-DD --to YYYY-MM-DD')
          return 2
        }
        try {
          checkRange(ctx.clock.now(), from, to)
        } catch (err) {
          tools.out((err as Error).message)
          return 2
        }
        const bar = tools.progress('metrics')
        const t = performance.now()
        const days = await computeRange(ctx, from, to, (done, total) => bar(`${from}..${to}`, done, total))
        tools.done()
        tools.out(`computed ${days} day(s) ${from}..${to} in ${Math.round(performance.now() - t)} ms`)
        return 0
      },
    },
  ],
}

export { HEALTH_FLAGS } from './flags.ts'
export { type HealthSource, type HealthSourceName, provideHealthSource } from './sources.ts'
