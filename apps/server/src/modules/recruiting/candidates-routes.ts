import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'
import {
  type CandidateInput,
  checkDuplicates,
  createCandidate,
  getCandidate,
  searchCandidates,
  updateCandidate,
} from './candidates.ts'
import { iso, warningOut } from './presenters.ts'
import { runner, who } from './route-helpers.ts'
import { ZCandidateCreate, ZCandidateUpdate, ZCountry, ZDuplicateWarning } from './schemas.ts'

const errors = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 422: ZProblem }

const ZCandidate = z.object({
  id: z.string(),
  recruiter: z.object({ id: z.string(), name: z.string() }),
  full_name: z.string(),
  current_title: z.string().nullable(),
  location: z.string().nullable(),
  country: z.string().nullable(),
  skills: z.array(z.string()),
  years_experience: z.number().int().nullable(),
  salary_expectation: z
    .object({ min: z.string().nullable(), max: z.string().nullable(), currency: z.string() })
    .nullable(),
  notes: z.string().nullable(),
  contacts: z
    .object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      linkedin_url: z.string().nullable(),
      github_url: z.string().nullable(),
      website_url: z.string().nullable(),
    })
    .nullable(),
  consent: z
    .object({ given_at: z.iso.datetime(), method: z.string(), text_version: z.string().nullable() })
    .nullable(),
  yours: z.boolean(),
  representations: z.array(
    z.object({
      id: z.string(),
      company_id: z.string(),
      company_name: z.string(),
      starts_at: z.iso.datetime(),
      expires_at: z.iso.datetime(),
      status: z.string(),
      ownership: z.enum(['verified', 'pending', 'disputed']),
    }),
  ),
  applications: z.array(
    z.object({
      id: z.string(),
      role_id: z.string(),
      role_title: z.string(),
      company_name: z.string(),
      stage: z.string(),
      submitted_at: z.iso.datetime(),
      stage_changed_at: z.iso.datetime(),
    }),
  ),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
})
const ZCandidateSaved = z.object({ candidate: ZCandidate, warnings: z.array(ZDuplicateWarning) })

function toInput(body: Partial<z.infer<typeof ZCandidateCreate>>): Partial<CandidateInput> {
  const { salary_expectation, ...rest } = body
  return {
    ...(rest as Partial<CandidateInput>),
    ...(salary_expectation !== undefined
      ? {
          salary_expectation_min: salary_expectation?.min ?? null,
          salary_expectation_max: salary_expectation?.max ?? null,
          salary_currency: salary_expectation?.currency ?? null,
        }
      : {}),
  }
}

export function candidateRoutes(app: AppFastify, ctx: AppContext): void {
  const run = runner(ctx)
  const secret = ctx.config.auth.secret
  const load = async (request: Parameters<typeof run>[0], id: string) => {
    const d = await run(request, (tx, p) => getCandidate(tx, p, id, ctx.clock.now()))
    const c = d.candidate
    return {
      id: c.id,
      recruiter: { id: c.recruiter_id, name: c.recruiter_name },
      full_name: c.full_name,
      current_title: c.current_title,
      location: c.location,
      country: c.country,
      skills: c.skills,
      years_experience: c.years_experience,
      salary_expectation: c.salary_currency
        ? {
            min: c.salary_expectation_min?.toString() ?? null,
            max: c.salary_expectation_max?.toString() ?? null,
            currency: c.salary_currency,
          }
        : null,
      notes: d.own ? c.notes : null,
      contacts: d.contacts
        ? {
            email: d.contacts.email,
            phone: d.contacts.phone,
            linkedin_url: d.contacts.linkedin_url,
            github_url: d.contacts.github_url,
            website_url: d.contacts.website_url,
          }
        : null,
      consent: c.consent_given_at
        ? {
            given_at: c.consent_given_at.toISOString(),
            method: c.consent_method!,
            text_version: c.consent_text_version,
          }
        : null,
      yours: d.own,
      representations: d.representations.map((r) => ({
        ...r,
        starts_at: r.starts_at.toISOString(),
        expires_at: r.expires_at.toISOString(),
        ownership: r.ownership as 'verified',
      })),
      applications: d.applications.map((a) => ({
        ...a,
        submitted_at: a.submitted_at.toISOString(),
        stage_changed_at: a.stage_changed_at.toISOString(),
      })),
      created_at: c.created_at.toISOString(),
      updated_at: c.updated_at.toISOString(),
    }
  }

  app.get(
    '/api/candidates',
    {
      config: { access: who.recruiterOrAdmin },
      schema: {
        tags: ['candidates'],
        summary: 'My candidates (all, for platform admins), newest first, with text search',
        querystring: z.strictObject({
          q: z
            .string()
            .trim()
            .min(2)
            .max(100)
            .optional()
            .describe('Part of a name, title, location or skill'),
          skill: z.string().trim().toLowerCase().min(1).max(60).optional(),
          ...ZListQueryBase,
        }),
        response: {
          200: listOf(
            z.object({
              id: z.string(),
              full_name: z.string(),
              current_title: z.string().nullable(),
              location: z.string().nullable(),
              skills: z.array(z.string()),
              years_experience: z.number().int().nullable(),
              has_consent: z.boolean(),
              applications_count: z.number().int(),
              created_at: z.iso.datetime(),
            }),
          ),
          400: ZProblem,
        },
      },
    },
    async (request) => {
      const { limit, starting_after, q, skill } = request.query
      const page = await run(request, (tx, p) =>
        searchCandidates(tx, p, { q, skill, limit, startingAfter: starting_after }),
      )
      return {
        ...page,
        data: page.data.map((c) => ({
          id: c.id,
          full_name: c.full_name,
          current_title: c.current_title,
          location: c.location,
          skills: c.skills,
          years_experience: c.years_experience,
          has_consent: c.consent_given_at !== null,
          applications_count: c.applications_count,
          created_at: c.created_at.toISOString(),
        })),
      }
    },
  )

  app.post(
    '/api/candidates',
    {
      config: { access: who.recruiter },
      schema: {
        tags: ['candidates'],
        summary: 'Add a candidate you represent (warns when other recruiters represent the same person)',
        description:
          'Duplicates are matched on normalised email, phone, LinkedIn and GitHub. Your own duplicate answers 409 duplicate_candidate; another recruiter’s record comes back as a warning naming only where that person is represented.',
        body: ZCandidateCreate,
        response: { 201: ZCandidateSaved, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await run(request, (tx, p) =>
        createCandidate(tx, p, toInput(request.body) as CandidateInput, secret, ctx.clock.now()),
      )
      return reply
        .status(201)
        .send({ candidate: await load(request, saved.id), warnings: saved.warnings.map(warningOut) })
    },
  )

  app.post(
    '/api/candidates/duplicate-check',
    {
      config: { access: who.recruiter },
      schema: {
        tags: ['candidates'],
        summary: 'Is this person already in the network? (as you type, before adding or submitting)',
        body: z.strictObject({
          email: z.string().max(254).optional(),
          phone: z.string().max(32).optional(),
          linkedin_url: z.string().max(500).optional(),
          github_url: z.string().max(500).optional(),
          country: ZCountry.optional(),
        }),
        response: { 200: z.object({ warnings: z.array(ZDuplicateWarning) }), 400: ZProblem },
      },
    },
    async (request) => {
      const warnings = await run(request, (tx, p) =>
        checkDuplicates(tx, p, request.body, secret, ctx.clock.now()),
      )
      return { warnings: warnings.map(warningOut) }
    },
  )

  app.get(
    '/api/candidates/:id',
    {
      config: { access: who.candidateViewers },
      schema: {
        tags: ['candidates'],
        summary: 'One candidate',
        params: ZIdParams,
        response: { 200: ZCandidate, 404: ZProblem },
      },
    },
    (request) => load(request, request.params.id),
  )

  app.patch(
    '/api/candidates/:id',
    {
      config: { access: who.recruiterOrAdmin },
      schema: {
        tags: ['candidates'],
        summary: 'Change a candidate (the representing recruiter)',
        params: ZIdParams,
        body: ZCandidateUpdate,
        response: { 200: ZCandidateSaved, ...errors },
      },
    },
    async (request) => {
      const saved = await run(request, (tx, p) =>
        updateCandidate(tx, p, request.params.id, toInput(request.body), secret, ctx.clock.now()),
      )
      return { candidate: await load(request, request.params.id), warnings: saved.warnings.map(warningOut) }
    },
  )
}

export { iso }
