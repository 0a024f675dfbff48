import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { getDispute, listDisputes, openDispute, resolveDispute } from './ownership.ts'
import { runner } from './route-helpers.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem }
const ZDispute = z.object({
  id: z.string(),
  status: z.enum(['recorded', 'disputed', 'upheld', 'overturned']),
  company: z.object({ id: z.string(), name: z.string() }),
  role: z.object({ id: z.string(), title: z.string() }).nullable(),
  representation: z.object({
    id: z.string(),
    ownership: z.enum(['verified', 'pending', 'disputed']),
    status: z.string(),
    since: z.iso.datetime(),
    until: z.iso.datetime(),
  }),
  holder: z.object({ recruiter_id: z.string(), name: z.string() }),
  claimant: z.object({ recruiter_id: z.string(), name: z.string() }),
  matched_on: z.array(z.string()),
  claimant_reason: z.string().nullable(),
  resolution_reason: z.string().nullable(),
  created_at: z.iso.datetime(),
  disputed_at: z.iso.datetime().nullable(),
  resolved_at: z.iso.datetime().nullable(),
})

type Row = Awaited<ReturnType<typeof getDispute>>
const out = (d: Row) => ({
  id: d.id,
  status: d.status as 'recorded',
  company: { id: d.company_id, name: d.company_name },
  role: d.role_id ? { id: d.role_id, title: d.role_title ?? '' } : null,
  representation: {
    id: d.representation_id,
    ownership: d.representation_ownership as 'verified',
    status: d.representation_status,
    since: d.represented_since.toISOString(),
    until: d.represented_until.toISOString(),
  },
  holder: { recruiter_id: d.holder_recruiter_id, name: d.holder_name },
  claimant: { recruiter_id: d.claimant_recruiter_id, name: d.claimant_name },
  matched_on: d.matched_on,
  claimant_reason: d.claimant_reason,
  resolution_reason: d.resolution_reason,
  created_at: d.created_at.toISOString(),
  disputed_at: d.disputed_at?.toISOString() ?? null,
  resolved_at: d.resolved_at?.toISOString() ?? null,
})

/** Right-to-represent conflicts: recorded when a submission is blocked, disputed, resolved by admins. */
export function ownershipRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const parties = access.roles(
    ['recruiter', 'platform_admin'],
    'The two recruiters involved, and platform admins.',
  )

  app.get(
    '/api/ownership/disputes',
    {
      config: { access: parties },
      schema: {
        tags: ['ownership'],
        summary: 'Blocked duplicate submissions and ownership disputes',
        querystring: z.strictObject({
          status: z.enum(['recorded', 'disputed', 'upheld', 'overturned']).optional(),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZDispute), 400: ZProblem },
      },
    },
    async (request) => {
      const { limit, starting_after, status } = request.query
      const page = await run(request, (tx, p) =>
        listDisputes(tx, p, { status, limit, startingAfter: starting_after }),
      )
      return { ...page, data: page.data.map(out) }
    },
  )

  app.get(
    '/api/ownership/disputes/:id',
    {
      config: { access: parties },
      schema: {
        tags: ['ownership'],
        summary: 'One record',
        params: ZIdParams,
        response: { 200: ZDispute, 404: ZProblem },
      },
    },
    async (request) => out(await run(request, (tx, p) => getDispute(tx, p, request.params.id))),
  )

  app.post(
    '/api/ownership/disputes/:id/dispute',
    {
      config: { access: access.roles(['recruiter'], 'The recruiter whose submission was blocked.') },
      schema: {
        tags: ['ownership'],
        summary: 'Dispute the other recruiter’s right to represent this person (an admin decides)',
        params: ZIdParams,
        body: z.strictObject({
          reason: z
            .string()
            .trim()
            .min(10)
            .max(2000)
            .describe('Evidence: when and how you engaged the candidate'),
        }),
        response: { 200: ZDispute, ...errors },
      },
    },
    async (request) =>
      out(
        await run(request, async (tx, p) => {
          await openDispute(tx, p, request.params.id, request.body.reason, ctx.clock.now())
          return getDispute(tx, p, request.params.id)
        }),
      ),
  )

  app.post(
    '/api/ownership/disputes/:id/resolve',
    {
      config: { access: access.roles(['platform_admin']) },
      schema: {
        tags: ['ownership'],
        summary: 'Decide: upheld (holder keeps the right) or overturned (it passes to the claimant)',
        params: ZIdParams,
        body: z.strictObject({
          outcome: z.enum(['upheld', 'overturned']),
          reason: z.string().trim().min(10).max(2000),
        }),
        response: { 200: ZDispute, ...errors },
      },
    },
    async (request) =>
      out(
        await run(request, async (tx, p) => {
          await resolveDispute(
            tx,
            p,
            request.params.id,
            request.body.outcome,
            request.body.reason,
            ctx.clock.now(),
          )
          return getDispute(tx, p, request.params.id)
        }),
      ),
  )
}
