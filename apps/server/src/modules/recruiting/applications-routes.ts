import { isCurrency } from '@app/money'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { AppError } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import {
  getApplication,
  hireApplication,
  listApplications,
  submitApplication,
  transitionApplication,
} from './applications.ts'
import { runner, TEAM, who } from './route-helpers.ts'
import { ZCurrency, ZIsoDate, ZMinor, ZStage } from './schemas.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 422: ZProblem }

const ZApplicationSummary = z.object({
  id: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  company: z.object({ id: z.string(), name: z.string() }),
  candidate: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
  recruiter: z.object({ id: z.string(), name: z.string() }),
  stage: ZStage,
  submitted_at: z.iso.datetime(),
  stage_changed_at: z.iso.datetime(),
})
const ZApplication = ZApplicationSummary.extend({
  note: z.string().nullable(),
  closed_reason: z.string().nullable(),
  represented_until: z.iso.datetime(),
  ownership: z.enum(['verified', 'pending', 'disputed']),
  placement_id: z.string().nullable(),
  allowed_next: z.array(ZStage).describe('Stages this application may move to next'),
  version: z.number().int(),
  history: z.array(
    z.object({
      id: z.string(),
      from_stage: ZStage.nullable(),
      to_stage: ZStage,
      changed_by: z.string().nullable(),
      changed_by_name: z.string().nullable(),
      changed_at: z.iso.datetime(),
      reason: z.string().nullable(),
    }),
  ),
})

type Row = {
  id: string
  role_id: string
  role_title: string
  company_id: string
  company_name: string
  candidate_id: string
  candidate_name: string
  candidate_title: string | null
  recruiter_id: string
  recruiter_name: string
  stage: string
  submitted_at: Date
  stage_changed_at: Date
}
const summaryOut = (a: Row) => ({
  id: a.id,
  role: { id: a.role_id, title: a.role_title },
  company: { id: a.company_id, name: a.company_name },
  candidate: { id: a.candidate_id, name: a.candidate_name, title: a.candidate_title },
  recruiter: { id: a.recruiter_id, name: a.recruiter_name },
  stage: a.stage as 'submitted',
  submitted_at: a.submitted_at.toISOString(),
  stage_changed_at: a.stage_changed_at.toISOString(),
})

export function applicationRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const load = async (request: Parameters<typeof run>[0], id: string) => {
    const a = await run(request, (tx, p) => getApplication(tx, p, id))
    return {
      ...summaryOut(a),
      note: a.note,
      closed_reason: a.closed_reason,
      represented_until: a.represented_until.toISOString(),
      ownership: a.ownership as 'verified',
      placement_id: a.placement_id,
      allowed_next: [...a.allowed_next],
      version: a.version,
      history: a.history.map((h) => ({
        ...h,
        from_stage: h.from_stage as 'submitted' | null,
        to_stage: h.to_stage as 'submitted',
        changed_at: h.changed_at.toISOString(),
      })),
    }
  }

  app.post(
    '/api/applications',
    {
      config: { access: who.recruiter },
      schema: {
        tags: ['applications'],
        summary: 'Submit a candidate you represent to an open role you can see',
        description:
          'Gives you the right to represent the person to the company for 12 months. If another recruiter already holds it, the answer is 409 duplicate_candidate with a dispute_id you can dispute.',
        body: z.strictObject({
          role_id: z.uuid(),
          candidate_id: z.uuid(),
          note: z.string().trim().max(5000).optional(),
        }),
        response: { 201: ZApplication, ...errors },
      },
    },
    async (request, reply) => {
      const result = await run(request, (tx, p) =>
        submitApplication(
          tx,
          p,
          { roleId: request.body.role_id, candidateId: request.body.candidate_id, note: request.body.note },
          ctx.config.auth.secret,
          ctx.clock.now(),
        ),
      )
      if (result.kind === 'blocked') {
        // the attempt is committed (it can be disputed); the answer still refuses the submission
        throw new AppError(
          'duplicate_candidate',
          `Another recruiter represents this person to ${result.companyName} until ${result.expiresAt.toISOString().slice(0, 10)} (matched on ${result.matchedOn.join(', ') || 'the same record'})`,
          {
            meta: {
              dispute_id: result.disputeId,
              represented_until: result.expiresAt.toISOString(),
              matched_on: result.matchedOn,
            },
          },
        )
      }
      return reply.status(201).send(await load(request, result.applicationId))
    },
  )

  app.get(
    '/api/applications',
    {
      config: { access: who.applications },
      schema: {
        tags: ['applications'],
        summary: 'Applications: a recruiter’s submissions, a company’s incoming candidates',
        querystring: z.strictObject({
          role_id: z.uuid().optional(),
          company_id: z.uuid().optional(),
          candidate_id: z.uuid().optional(),
          stage: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(ZStage)).optional(),
          mine: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only my own submissions'),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZApplicationSummary), 400: ZProblem },
      },
    },
    async (request) => {
      const { limit, starting_after, ...f } = request.query
      const page = await run(request, (tx, p) =>
        listApplications(tx, p, { ...f, limit, startingAfter: starting_after }),
      )
      return { ...page, data: page.data.map(summaryOut) }
    },
  )

  app.get(
    '/api/applications/:id',
    {
      config: { access: who.applications },
      schema: {
        tags: ['applications'],
        summary: 'One application with its stage history',
        params: ZIdParams,
        response: { 200: ZApplication, 404: ZProblem },
      },
    },
    (request) => load(request, request.params.id),
  )

  app.post(
    '/api/applications/:id/stage',
    {
      config: {
        access: access.roles(
          ['recruiter', ...TEAM],
          'The hiring team moves forward one stage or rejects (with a reason); the submitting recruiter withdraws.',
        ),
      },
      schema: {
        tags: ['applications'],
        summary: 'Move to the next stage, reject (reason required) or withdraw',
        params: ZIdParams,
        body: z.strictObject({ to: ZStage, reason: z.string().trim().max(1000).optional() }),
        response: { 200: ZApplication, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) =>
        transitionApplication(
          tx,
          p,
          request.params.id,
          request.body.to,
          request.body.reason,
          ctx.clock.now(),
        ),
      )
      return load(request, request.params.id)
    },
  )

  app.post(
    '/api/applications/:id/hire',
    {
      config: { access: who.team },
      schema: {
        tags: ['applications'],
        summary: 'Mark an offer accepted: hired, and a placement is made',
        params: ZIdParams,
        body: z.strictObject({
          base_salary: z
            .strictObject({ amount: ZMinor, currency: ZCurrency })
            .describe('First-year base salary'),
          start_date: ZIsoDate,
        }),
        response: { 201: z.object({ application: ZApplication, placement_id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      if (request.body.base_salary.amount <= 0n) {
        throw new AppError('validation_failed', 'body.base_salary.amount: must be more than zero', {
          errors: [{ field: 'body.base_salary.amount', message: 'must be more than zero' }],
        })
      }
      if (!isCurrency(request.body.base_salary.currency))
        throw new AppError('validation_failed', 'unsupported currency')
      const placementId = await run(request, (tx, p) =>
        hireApplication(
          tx,
          p,
          request.params.id,
          {
            baseSalary: request.body.base_salary.amount,
            currency: request.body.base_salary.currency,
            startDate: request.body.start_date,
          },
          ctx.clock.now(),
        ),
      )
      return reply
        .status(201)
        .send({ application: await load(request, request.params.id), placement_id: placementId })
    },
  )
}
