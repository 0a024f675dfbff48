import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { roleOut, roleSummaryOut } from './presenters.ts'
import {
  createRole,
  getRoleFor,
  type RoleInput,
  roleAssignments,
  roleHistory,
  searchRoles,
  setAssignments,
  transitionRole,
  updateRole,
} from './roles.ts'
import { runner, TEAM, who } from './route-helpers.ts'
import {
  ZCountry,
  ZCurrency,
  ZFunction,
  ZIndustry,
  ZMinor,
  ZRole,
  ZRoleCreate,
  ZRoleStatus,
  ZRoleSummary,
  ZRoleUpdate,
  ZSeniority,
  ZWorkMode,
} from './schemas.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 422: ZProblem }

function toInput(body: z.infer<typeof ZRoleCreate> | z.infer<typeof ZRoleUpdate>): Partial<RoleInput> {
  const { salary, ...rest } = body as Partial<z.infer<typeof ZRoleCreate>> & { version?: number }
  delete (rest as { version?: number }).version
  delete (rest as { company_id?: string }).company_id
  return {
    ...(rest as Partial<RoleInput>),
    ...(salary ? { salary_min: salary.min, salary_max: salary.max, salary_currency: salary.currency } : {}),
  }
}

export function roleRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const load = (request: Parameters<typeof run>[0], id: string) =>
    run(request, (tx, p) => getRoleFor(tx, p, id)).then(roleOut)

  app.get(
    '/api/roles',
    {
      config: { access: who.marketplace },
      schema: {
        tags: ['roles'],
        summary: 'Search roles (the marketplace for recruiters; a company’s roles for its team)',
        querystring: z.strictObject({
          q: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe('Words in the title, function, location or description'),
          status: z
            .preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(ZRoleStatus))
            .optional()
            .describe('Comma-separated; recruiters default to open'),
          company_id: z.uuid().optional(),
          function: ZFunction.optional(),
          industry: ZIndustry.optional(),
          seniority: ZSeniority.optional(),
          work_mode: ZWorkMode.optional(),
          location: z.string().trim().min(1).max(100).optional(),
          country: ZCountry.optional(),
          salary_currency: ZCurrency.optional(),
          salary_min: ZMinor.optional().describe('Roles paying at least this (minor units)'),
          salary_max: ZMinor.optional().describe('Roles starting at or below this (minor units)'),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZRoleSummary), 400: ZProblem },
      },
    },
    async (request) => {
      const { limit, starting_after, ...f } = request.query
      // recruiters browse the open marketplace unless they ask for other statuses
      const onTeam = request.principal!.roles.some((r) => (TEAM as readonly string[]).includes(r))
      const status = f.status ?? (onTeam ? undefined : ['open' as const])
      const page = await run(request, (tx, p) =>
        searchRoles(tx, p, { ...f, status, limit, startingAfter: starting_after }),
      )
      return { ...page, data: page.data.map(roleSummaryOut) }
    },
  )

  app.post(
    '/api/roles',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Post a role (as a draft; open it to take submissions)',
        body: ZRoleCreate,
        response: { 201: ZRole, ...errors },
      },
    },
    async (request, reply) => {
      const id = await run(request, (tx, p) =>
        createRole(tx, p, request.body.company_id, toInput(request.body) as RoleInput, ctx.clock.now()),
      )
      return reply.status(201).send(await load(request, id))
    },
  )

  app.get(
    '/api/roles/:id',
    {
      config: { access: who.marketplace },
      schema: {
        tags: ['roles'],
        summary: 'One role',
        params: ZIdParams,
        response: { 200: ZRole, 404: ZProblem },
      },
    },
    (request) => load(request, request.params.id),
  )

  app.patch(
    '/api/roles/:id',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Change a role (every change is kept in its history)',
        params: ZIdParams,
        body: ZRoleUpdate,
        response: { 200: ZRole, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) =>
        updateRole(
          tx,
          p,
          request.params.id,
          toInput(request.body),
          request.body.version as number | undefined,
          ctx.clock.now(),
        ),
      )
      return load(request, request.params.id)
    },
  )

  app.post(
    '/api/roles/:id/status',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Open, pause, close or mark filled: draft → open ⇄ paused → filled | closed',
        params: ZIdParams,
        body: z.strictObject({ status: ZRoleStatus, reason: z.string().trim().max(500).optional() }),
        response: { 200: ZRole, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) =>
        transitionRole(tx, p, request.params.id, request.body.status, request.body.reason, ctx.clock.now()),
      )
      return load(request, request.params.id)
    },
  )

  app.get(
    '/api/roles/:id/history',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Every change to the role',
        params: ZIdParams,
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                changed_at: z.iso.datetime(),
                changed_by: z.string().nullable(),
                changed_by_name: z.string().nullable(),
                change: z.string(),
                before: z.unknown(),
                after: z.unknown(),
                reason: z.string().nullable(),
              }),
            ),
          }),
          403: ZProblem,
          404: ZProblem,
        },
      },
    },
    async (request) => {
      const rows = await run(request, (tx, p) => roleHistory(tx, p, request.params.id))
      return { data: rows.map((h) => ({ ...h, changed_at: h.changed_at.toISOString() })) }
    },
  )

  const ZAssignments = z.object({
    data: z.array(
      z.object({ recruiter_id: z.string(), display_name: z.string(), created_at: z.iso.datetime() }),
    ),
  })
  app.get(
    '/api/roles/:id/assignments',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Recruiters assigned to the role',
        params: ZIdParams,
        response: { 200: ZAssignments, 403: ZProblem, 404: ZProblem },
      },
    },
    async (request) => {
      const rows = await run(request, (tx, p) => roleAssignments(tx, p, request.params.id))
      return { data: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) }
    },
  )

  app.put(
    '/api/roles/:id/assignments',
    {
      config: { access: who.team },
      schema: {
        tags: ['roles'],
        summary: 'Set the recruiters a role is shared with (for visibility "assigned")',
        params: ZIdParams,
        body: z.strictObject({ recruiter_ids: z.array(z.uuid()).max(500) }),
        response: { 200: ZAssignments, ...errors },
      },
    },
    async (request) => {
      const rows = await run(request, async (tx, p) => {
        await setAssignments(tx, p, request.params.id, request.body.recruiter_ids, ctx.clock.now())
        return roleAssignments(tx, p, request.params.id)
      })
      return { data: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) }
    },
  )
}
