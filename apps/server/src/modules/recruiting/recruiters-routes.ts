import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import {
  getMyRecruiterProfile,
  getRecruiter,
  type RecruiterRow,
  searchRecruiters,
  updateMyRecruiterProfile,
} from './recruiters.ts'
import { runner, SPLITS_ROLES } from './route-helpers.ts'
import { ZFunction, ZIndustry, ZPlanTier, ZSeniority } from './schemas.ts'

const ZRecruiter = z.object({
  id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  headline: z.string().nullable(),
  bio: z.string().nullable(),
  plan_tier: ZPlanTier,
  years_experience: z.number().int().nullable(),
  linkedin_url: z.string().nullable(),
  location: z.string().nullable(),
  status: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  specializations: z.object({
    industry: z.array(z.string()),
    function: z.array(z.string()),
    seniority: z.array(z.string()),
    locations: z.array(z.string()),
  }),
  placements: z.number().int(),
  created_at: z.iso.datetime(),
})

const out = (r: RecruiterRow) => ({
  id: r.id,
  user_id: r.user_id,
  display_name: r.display_name,
  headline: r.headline,
  bio: r.bio,
  plan_tier: r.plan_tier as 'starter',
  years_experience: r.years_experience,
  linkedin_url: r.linkedin_url,
  location: r.location,
  status: r.status,
  agency: r.agency_id ? { id: r.agency_id, name: r.agency_name ?? '' } : null,
  specializations: {
    industry: r.industry ?? [],
    function: r.function ?? [],
    seniority: r.seniority ?? [],
    locations: r.locations ?? [],
  },
  placements: r.placements,
  created_at: r.created_at.toISOString(),
})

export function recruiterRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const members = access.roles(
    SPLITS_ROLES,
    'Any Splits Network member: recruiter profiles hold no contact details.',
  )

  app.get(
    '/api/recruiters',
    {
      config: { access: members },
      schema: {
        tags: ['recruiters'],
        summary: 'Recruiters by name and specialisation',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional(),
          function: ZFunction.optional(),
          industry: ZIndustry.optional(),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZRecruiter), 400: ZProblem },
      },
    },
    async (request) => {
      const { limit, starting_after, ...f } = request.query
      const page = await run(request, (tx) =>
        searchRecruiters(tx, { ...f, limit, startingAfter: starting_after }),
      )
      return { ...page, data: page.data.map(out) }
    },
  )

  app.get(
    '/api/recruiters/me',
    {
      config: { access: access.roles(['recruiter']) },
      schema: { tags: ['recruiters'], summary: 'My recruiter profile', response: { 200: ZRecruiter } },
    },
    async (request) => out(await run(request, (tx, p) => getMyRecruiterProfile(tx, p))),
  )

  app.patch(
    '/api/recruiters/me',
    {
      config: { access: access.roles(['recruiter']) },
      schema: {
        tags: ['recruiters'],
        summary: 'Change my profile and specialisations',
        body: z
          .strictObject({
            headline: z.string().trim().max(200).nullable().optional(),
            bio: z.string().max(5000).nullable().optional(),
            years_experience: z.number().int().min(0).max(60).nullable().optional(),
            linkedin_url: z.url().max(300).nullable().optional(),
            location: z.string().trim().max(200).nullable().optional(),
            specializations: z
              .strictObject({
                industry: z.array(ZIndustry).max(12).optional(),
                function: z.array(ZFunction).max(11).optional(),
                seniority: z.array(ZSeniority).max(6).optional(),
                locations: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
              })
              .optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'give at least one field to change'),
        response: { 200: ZRecruiter, 400: ZProblem },
      },
    },
    async (request) =>
      out(await run(request, (tx, p) => updateMyRecruiterProfile(tx, p, request.body, ctx.clock.now()))),
  )

  app.get(
    '/api/recruiters/:id',
    {
      config: { access: members },
      schema: {
        tags: ['recruiters'],
        summary: 'One recruiter',
        params: ZIdParams,
        response: { 200: ZRecruiter, 404: ZProblem },
      },
    },
    async (request) => out(await run(request, (tx) => getRecruiter(tx, request.params.id))),
  )
}
