import { z } from 'zod'
import { appendAudit } from '../../kernel/audit/audit.ts'
import { AppError } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { systemRoute } from './route.ts'

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

const admin = access.roles(['platform_admin'], 'Platform admins (operators).')

/** Operators' view of the job queues: sizes, dead-lettered jobs, and retrying them. */
export const jobAdminRoutes = [
  systemRoute.define({
    method: 'GET',
    url: '/api/admin/jobs',
    operationId: 'listJobQueues',
    tags: ['admin'],
    summary: 'Job queues with their sizes and the job catalog',
    access: admin,
    transaction: false,
    response: z.object({
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
    handler: async ({ ctx }) => ({
      queues: await ctx.jobs.queueSummaries(),
      catalog: ctx.jobs.catalog.map((d) => ({
        name: d.name,
        description: d.description,
        schedule: d.schedule?.cron ?? null,
        retry_limit: d.retry.limit,
        timeout_seconds: d.timeoutSeconds,
      })),
    }),
  }),

  systemRoute.define({
    method: 'GET',
    url: '/api/admin/jobs/dead',
    operationId: 'listDeadJobs',
    tags: ['admin'],
    summary: 'Jobs that exhausted their retries (dead-lettered)',
    access: admin,
    transaction: false,
    query: z.strictObject({ queue: ZJobName.optional() }),
    errors: [404],
    response: z.object({ data: z.array(ZDeadJob) }),
    handler: async ({ ctx, query }) => {
      if (query.queue && !ctx.jobs.definition(query.queue)) {
        throw new AppError('not_found', `No job named ${query.queue}`)
      }
      const jobs = await ctx.jobs.deadJobs(query.queue)
      return {
        data: jobs.map((j) => ({
          id: j.id,
          queue: j.queue,
          data: j.data,
          error: j.error,
          retry_count: j.retryCount,
          dead_since: j.createdOn,
        })),
      }
    },
  }),

  systemRoute.define({
    method: 'POST',
    url: '/api/admin/jobs/dead/:queue/:id/retry',
    operationId: 'retryDeadJob',
    tags: ['admin'],
    summary: 'Send a dead-lettered job back to its queue for a fresh set of attempts',
    access: admin,
    params: z.strictObject({ queue: ZJobName, id: z.uuid() }),
    response: z.object({ retried: z.literal(true) }),
    handler: async ({ ctx, tx, params }) => {
      if (!ctx.jobs.definition(params.queue)) throw new AppError('not_found', `No job named ${params.queue}`)
      const moved = await ctx.jobs.retryDead(params.queue, params.id)
      if (!moved) throw new AppError('not_found', `No dead-lettered job ${params.id} in ${params.queue}`)
      await appendAudit(tx, {
        action: 'job.dead_letter_retried',
        entityType: 'job',
        entityId: params.id,
        after: { queue: params.queue },
        actorRole: 'platform_admin',
      })
      return { retried: true as const }
    },
  }),
]
