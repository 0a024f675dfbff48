import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { ZIdParams, ZProblem } from '../../kernel/http/schemas.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'
import {
  addTeamMember,
  createCompany,
  getCompany,
  listCompanies,
  listTeam,
  updateCompany,
} from './companies.ts'
import { iso } from './presenters.ts'
import { runner, SPLITS_ROLES, TEAM, who } from './route-helpers.ts'
import { ZCurrency, ZIndustry, ZPaymentTerms } from './schemas.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem }
const profile = {
  name: z.string().trim().min(1).max(200),
  website: z.url().max(300).nullable().optional(),
  industry: ZIndustry.nullable().optional(),
  size_band: z.enum(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']).nullable().optional(),
  headquarters: z.string().trim().max(200).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  payment_terms: ZPaymentTerms.optional().describe('Invoice terms: net_30, net_60 or net_90'),
  default_currency: ZCurrency.optional(),
  billing_email: z.email().nullable().optional(),
  billing_contact_name: z.string().trim().max(200).nullable().optional(),
  billing_address: z.string().trim().max(1000).nullable().optional(),
  tax_id: z.string().trim().max(50).nullable().optional(),
}

const ZCompany = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  industry: z.string().nullable(),
  size_band: z.string().nullable(),
  headquarters: z.string().nullable(),
  description: z.string().nullable(),
  payment_terms: ZPaymentTerms,
  default_currency: z.string(),
  open_roles: z.number().int(),
  placements: z.number().int(),
  roles_by_status: z.record(z.string(), z.number().int()).describe('How many roles in each status'),
  billing: z
    .object({
      billing_email: z.string().nullable(),
      billing_contact_name: z.string().nullable(),
      billing_address: z.string().nullable(),
      tax_id: z.string().nullable(),
    })
    .nullable()
    .describe('Only for the company’s team and platform admins'),
  created_at: z.iso.datetime(),
})

export function companyRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const load = async (request: Parameters<typeof run>[0], id: string) => {
    const d = await run(request, (tx, p) => getCompany(tx, p, id))
    return {
      id: d.company.id,
      name: d.company.name,
      website: d.company.website,
      industry: d.company.industry,
      size_band: d.company.size_band,
      headquarters: d.company.headquarters,
      description: d.company.description,
      payment_terms: d.company.payment_terms as 'net_30',
      default_currency: d.company.default_currency,
      open_roles: d.open_roles,
      placements: d.placements,
      roles_by_status: d.roles_by_status,
      billing: d.billing
        ? {
            billing_email: d.billing.billing_email,
            billing_contact_name: d.billing.billing_contact_name,
            billing_address: d.billing.billing_address,
            tax_id: d.billing.tax_id,
          }
        : null,
      created_at: d.company.created_at.toISOString(),
    }
  }

  app.get(
    '/api/companies',
    {
      config: {
        access: access.roles(SPLITS_ROLES, 'Any Splits Network member: the directory of hiring companies.'),
      },
      schema: {
        tags: ['companies'],
        summary: 'Companies on the network, with their open roles',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional(),
          mine: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only companies whose hiring team I am on'),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                organization_id: z.string(),
                name: z.string(),
                my_role: z
                  .enum(['company_admin', 'hiring_manager'])
                  .nullable()
                  .describe('My place on its hiring team'),
                industry: z.string().nullable(),
                headquarters: z.string().nullable(),
                size_band: z.string().nullable(),
                payment_terms: z.string(),
                open_roles: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      data: await run(request, (tx, p) =>
        listCompanies(tx, p, { q: request.query.q, mine: request.query.mine, limit: request.query.limit }),
      ),
    }),
  )

  app.post(
    '/api/companies',
    {
      config: { access: who.admin },
      schema: {
        tags: ['companies'],
        summary: 'Add a company to the network',
        body: z.strictObject(profile),
        response: { 201: ZCompany, ...errors },
      },
    },
    async (request, reply) => {
      const id = await run(request, (tx) => createCompany(tx, request.body, ctx.clock.now()))
      return reply.status(201).send(await load(request, id))
    },
  )

  app.get(
    '/api/companies/:id',
    {
      config: {
        access: access.roles(
          SPLITS_ROLES,
          'Any Splits Network member; billing details only for the company’s team and admins.',
        ),
      },
      schema: {
        tags: ['companies'],
        summary: 'One company',
        params: ZIdParams,
        response: { 200: ZCompany, 404: ZProblem },
      },
    },
    (request) => load(request, request.params.id),
  )

  app.patch(
    '/api/companies/:id',
    {
      config: { access: who.companyAdmin },
      schema: {
        tags: ['companies'],
        summary: 'Change the company profile, billing details or payment terms',
        params: ZIdParams,
        body: z
          .strictObject(Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, v.optional()])))
          .refine((b) => Object.keys(b).length > 0, 'give at least one field to change'),
        response: { 200: ZCompany, ...errors },
      },
    },
    async (request) => {
      await run(request, (tx, p) => updateCompany(tx, p, request.params.id, request.body, ctx.clock.now()))
      return load(request, request.params.id)
    },
  )

  const ZTeam = z.object({
    data: z.array(
      z.object({
        membership_id: z.string(),
        user_id: z.string(),
        display_name: z.string(),
        role: z.string(),
        created_at: z.iso.datetime(),
      }),
    ),
  })
  app.get(
    '/api/companies/:id/team',
    {
      config: { access: access.roles(TEAM, 'The company’s hiring team and platform admins.') },
      schema: {
        tags: ['companies'],
        summary: 'The hiring team',
        params: ZIdParams,
        response: { 200: ZTeam, 403: ZProblem },
      },
    },
    async (request) => {
      const rows = await run(request, (tx, p) => listTeam(tx, p, request.params.id))
      return { data: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) }
    },
  )

  app.post(
    '/api/companies/:id/team',
    {
      config: { access: who.companyAdmin },
      schema: {
        tags: ['companies'],
        summary: 'Add a company admin or hiring manager by email (they sign in with a code sent there)',
        params: ZIdParams,
        body: z.strictObject({
          email: z.string().max(254),
          display_name: z.string().trim().min(1).max(120),
          role: z.enum(['company_admin', 'hiring_manager']),
        }),
        response: { 201: ZTeam, ...errors },
      },
    },
    async (request, reply) => {
      const p = principalOf(request)
      const rows = await inTransaction(
        ctx.db,
        actorOf(p),
        async (tx) => {
          await addTeamMember(tx, p, request.params.id, request.body)
          return listTeam(tx, p, request.params.id)
        },
        { requestId: request.id },
      )
      return reply
        .status(201)
        .send({ data: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) })
    },
  )
}

export { iso }
