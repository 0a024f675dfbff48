import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import type { CliCommand } from '../../../kernel/module.ts'
import { previousMonth } from './rules.ts'
import { RUN_JOB, runMonthlyInvoices } from './service.ts'

/**
 * The monthly run: on the 1st at 02:00 Asia/Jerusalem for the month that just ended, and on an
 * admin's request (payload `month`). A closed month issues nothing, so a retry is harmless.
 */
export const monthlyInvoicesJob = defineJob({
  name: RUN_JOB,
  description:
    'OFAIR: issue the month’s tax invoices and settlement statements (the previous month by default)',
  payload: z.object({
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 3600,
  concurrency: 1,
  schedule: { cron: '0 2 1 * *', tz: 'Asia/Jerusalem', payload: {} },
  handler: async (payload, ctx: AppContext, run) => {
    const month = payload.month ?? previousMonth(ctx.clock.now())
    const result = await runMonthlyInvoices(ctx, month, { trigger: payload.month ? 'admin' : 'cron' })
    run.log.info({ result }, 'ofair invoice run done')
    return result
  },
})

/** `npm run cli -- ofair:invoices [YYYY-MM]`: the month's run now, with a progress bar. */
export const invoiceCommands: CliCommand[] = [
  {
    name: 'ofair:invoices',
    description:
      'Issue OFAIR’s monthly tax invoices and settlement statements for a month (YYYY-MM; default: the previous month) now',
    run: async (ctx, tools, args) => {
      const month = args[0] ?? previousMonth(ctx.clock.now())
      const progress = tools.progress(`invoicing ${month}`)
      const r = await runMonthlyInvoices(ctx, month, {
        trigger: 'cli',
        onProgress: (done, total) => progress('professionals', done, total),
      })
      tools.done()
      if (r.already_closed) {
        tools.out(
          `${month} is already closed: nothing new issued (${r.invoices_issued} invoices, ${r.statements_issued} statements)`,
        )
        return 0
      }
      tools.out(
        `${month}: ${r.professionals} professionals, ${r.invoices_issued} tax invoices (${r.awaiting_allocation} awaiting an allocation number), ${r.statements_issued} settlement statements`,
      )
      for (const s of r.skipped) tools.out(`skipped ${s.professional_id}: ${s.reason}`)
      return 0
    },
  },
]
