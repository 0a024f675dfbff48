import { z } from 'zod'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'

const ZQueue = z.object({
  name: z.string(),
  queued: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
  deferred: z.number().int(),
  total: z.number().int(),
})
const ZDeadJob = z.object({
  id: z.string(),
  queue: z.string(),
  data: z.unknown(),
  error: z.unknown(),
  retry_count: z.number().int(),
  dead_since: z.iso.datetime(),
})
const ZJobName = z
  .string()
  .regex(/^[a-z0-9_.-]+$/)
  .max(100)

/** Operators' view of the job queues: sizes, dead-lettered jobs, and retrying them. */
export function jobAdminRoutes(app: AppFastify, ctx: AppContext): void {
  const admin = access.roles(['platform_admin'])

  app.get(
    '/api/admin/jobs',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Job queues with their sizes and the job catalog',
        response: {
          200: z.object({
            queues: z.array(ZQueue),
            catalog: z.array(
              z.object({
                name: z.string(),
                description: z.string(),
                schedule: z.string().nullable(),
                retry_limit: z.number().int(),
                timeout_seconds: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      queues: await ctx.jobs.queueSummaries(),
      catalog: ctx.jobs.catalog.map((d) => ({
        name: d.name,
        description: d.description,
        schedule: d.schedule?.cron ?? null,
        retry_limit: d.retry.limit,
        timeout_seconds: d.timeoutSeconds,
      })),
    }),
  )

  app.get(
    '/api/admin/jobs/dead',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Jobs that exhausted their retries (dead-lettered)',
        querystring: z.strictObject({ queue: ZJobName.optional() }),
        response: { 200: z.object({ data: z.array(ZDeadJob) }) },
      },
    },
    async (request) => {
      const name = request.query.queue
      if (name && !ctx.jobs.definition(name)) throw new AppError('not_found', `No job named ${name}`)
      const jobs = await ctx.jobs.deadJobs(name)
      return {
        data: jobs.map((j) => ({
          id: j.id,
          queue: j.queue,
          data: j.data,
          error: j.error,
          retry_count: j.retryCount,
          dead_since: j.createdOn.toISOString(),
        })),
      }
    },
  )

  app.post(
    '/api/admin/jobs/dead/:queue/:id/retry',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Send a dead-lettered job back to its queue for a fresh set of attempts',
        params: z.strictObject({ queue: ZJobName, id: z.uuid() }),
        response: { 200: z.object({ retried: z.literal(true) }) },
      },
    },
    async (request) => {
      const { queue, id } = request.params
      if (!ctx.jobs.definition(queue)) throw new AppError('not_found', `No job named ${queue}`)
      const principal = principalOf(request)
      const moved = await ctx.jobs.retryDead(queue, id)
      if (!moved) throw new AppError('not_found', `No dead-lettered job ${id} in ${queue}`)
      await inTransaction(
        ctx.db,
        { kind: 'user', userId: principal.userId, roles: principal.roles },
        (tx) =>
          appendAudit(tx, {
            action: 'job.dead_letter_retried',
            entityType: 'job',
            entityId: id,
            after: { queue },
            actorRole: 'platform_admin',
          }),
        { requestId: request.id },
      )
      return { retried: true as const }
    },
  )
}
