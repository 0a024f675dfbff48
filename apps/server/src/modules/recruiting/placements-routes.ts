import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { agreeSplits, fallOff, getPlacement, listPlacements, proposeSplits } from './placements.ts'
import { runner, who } from './route-helpers.ts'
import { ZFeeRole, ZIsoDate, ZSplitIn } from './schemas.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 422: ZProblem }

const ZPlacementSummary = z.object({
  id: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  company: z.object({ id: z.string(), name: z.string() }),
  candidate_name: z.string(),
  base_salary: z.object({ amount: z.string(), currency: z.string() }),
  start_date: z.string(),
  guarantee_ends_on: z.string(),
  fee_rate_bps: z.number().int(),
  status: z.enum(['active', 'fell_off']),
  split_status: z.enum(['pending', 'agreed']),
  created_at: z.iso.datetime(),
})
const ZPlacement = ZPlacementSummary.extend({
  application_id: z.string(),
  candidate_id: z.string(),
  guarantee_days: z.number().int(),
  fee_basis: z.string(),
  fee_rule_version: z.string(),
  payment_terms: z.string(),
  fell_off_on: z.string().nullable(),
  fall_off_reason: z.string().nullable(),
  splits: z.array(
    z.object({
      fee_role: ZFeeRole,
      recruiter_id: z.string(),
      recruiter_name: z.string(),
      share_bps: z.number().int(),
      agreed_at: z.iso.datetime().nullable(),
    }),
  ),
})

export function placementRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const load = async (request: Parameters<typeof run>[0], id: string) => {
    const pl = await run(request, (tx, p) => getPlacement(tx, p, id))
    return {
      id: pl.id,
      role: { id: pl.role_id, title: pl.role_title },
      company: { id: pl.company_id, name: pl.company_name },
      candidate_name: pl.candidate_name,
      candidate_id: pl.candidate_id,
      application_id: pl.application_id,
      base_salary: { amount: pl.base_salary.toString(), currency: pl.currency },
      start_date: pl.start_date,
      guarantee_days: pl.guarantee_days,
      guarantee_ends_on: pl.guarantee_ends_on,
      fee_rate_bps: pl.fee_rate_bps,
      fee_basis: pl.fee_basis,
      fee_rule_version: pl.fee_rule_version,
      payment_terms: pl.payment_terms,
      status: pl.status as 'active',
      split_status: pl.split_status as 'pending',
      fell_off_on: pl.fell_off_on,
      fall_off_reason: pl.fall_off_reason,
      created_at: pl.created_at.toISOString(),
      splits: pl.splits.map((s) => ({
        ...s,
        fee_role: s.fee_role as 'job_owner',
        agreed_at: s.agreed_at?.toISOString() ?? null,
      })),
    }
  }

  app.get(
    '/api/placements',
    {
      config: { access: who.placements },
      schema: {
        tags: ['placements'],
        summary: 'Placements the caller is part of (or all, for platform admins)',
        querystring: z.strictObject({
          company_id: z.uuid().optional(),
          status: z.enum(['active', 'fell_off']).optional(),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZPlacementSummary), 400: ZProblem },
      },
    },
    async (request) => {
      const { limit, starting_after, ...f } = request.query
      const page = await run(request, (tx, p) =>
        listPlacements(tx, p, { ...f, limit, startingAfter: starting_after }),
      )
      return {
        ...page,
        data: page.data.map((pl) => ({
          id: pl.id,
          role: { id: pl.role_id, title: pl.role_title },
          company: { id: pl.company_id, name: pl.company_name },
          candidate_name: pl.candidate_name,
          base_salary: { amount: pl.base_salary.toString(), currency: pl.currency },
          start_date: pl.start_date,
          guarantee_ends_on: pl.guarantee_ends_on,
          fee_rate_bps: pl.fee_rate_bps,
          status: pl.status as 'active',
          split_status: pl.split_status as 'pending',
          created_at: pl.created_at.toISOString(),
        })),
      }
    },
  )

  app.get(
    '/api/placements/:id',
    {
      config: { access: who.placements },
      schema: {
        tags: ['placements'],
        summary: 'One placement with its split agreement',
        params: ZIdParams,
        response: { 200: ZPlacement, 404: ZProblem },
      },
    },
    (request) => load(request, request.params.id),
  )

  app.put(
    '/api/placements/:id/splits',
    {
      config: {
        access: access.roles(
          ['recruiter', 'platform_admin'],
          'The recruiters on the placement, or platform admins.',
        ),
      },
      schema: {
        tags: ['placements'],
        summary:
          'Propose a split of the recruiter pool by fee role (must sum to 100%); all recruiters on it agree again',
        params: ZIdParams,
        body: z.strictObject({ splits: z.array(ZSplitIn).min(1).max(5) }),
        response: { 200: ZPlacement, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) =>
        proposeSplits(tx, p, request.params.id, request.body.splits, ctx.clock.now()),
      )
      return load(request, request.params.id)
    },
  )

  app.post(
    '/api/placements/:id/splits/agree',
    {
      config: { access: access.roles(['recruiter'], 'A recruiter on the placement.') },
      schema: {
        tags: ['placements'],
        summary: 'Agree to the current split',
        params: ZIdParams,
        response: { 200: ZPlacement, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) => agreeSplits(tx, p, request.params.id, ctx.clock.now()))
      return load(request, request.params.id)
    },
  )

  app.post(
    '/api/placements/:id/fall-off',
    {
      config: { access: who.companyAdmin },
      schema: {
        tags: ['placements'],
        summary: 'Record that the hire left inside the guarantee period',
        params: ZIdParams,
        body: z.strictObject({ reason: z.string().trim().min(3).max(1000), date: ZIsoDate }),
        response: { 200: ZPlacement, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) => fallOff(tx, p, request.params.id, request.body, ctx.clock.now()))
      return load(request, request.params.id)
    },
  )
}
