import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, TEAM, who } from '../route.ts'
import { listMyApplications } from './my-applications.ts'
import { applicationOut, applicationSummaryOut, myApplicationOut } from './presenter.ts'
import { getApplication, listApplications } from './queries.ts'
import {
  ZApplication,
  ZApplicationListQuery,
  ZApplicationSummary,
  ZHire,
  ZMyApplication,
  ZMyApplicationsQuery,
  ZStageMove,
  ZSubmission,
} from './schemas.ts'
import { submitApplication } from './service.ts'
import { hireApplication, transitionApplication } from './stage.ts'

const tags = ['applications']
const viewers = access.roles(
  SPLITS_ROLES,
  'The submitting recruiter, the company’s hiring team, platform admins (enforced again by row-level security).',
)

/** Submissions of candidates to roles, their pipeline, the hire; and a candidate's own list. */
export const applicationRoutes = [
  route.define({
    method: 'POST',
    url: '/api/applications',
    operationId: 'submitApplication',
    summary: 'Submit a candidate you represent to an open role you can see',
    description:
      'Gives you the right to represent the person to the company for 12 months. If another recruiter already holds it, the answer is 409 duplicate_candidate with a dispute_id you can dispute.',
    tags,
    access: who.recruiter,
    body: ZSubmission,
    status: 201,
    errors: [409, 422],
    // the blocked attempt must commit while the answer refuses: the service runs its own transaction
    transaction: false,
    response: ZApplication,
    handler: async ({ caller, body, ctx, request }) =>
      applicationOut(
        await submitApplication(
          ctx,
          caller,
          { roleId: body.role_id, candidateId: body.candidate_id, note: body.note },
          request.id,
        ),
      ),
  }),

  route.define({
    method: 'GET',
    url: '/api/applications',
    operationId: 'listApplications',
    summary: 'Applications: a recruiter’s submissions, a company’s incoming candidates',
    tags,
    access: viewers,
    query: ZApplicationListQuery,
    response: listOf(ZApplicationSummary),
    handler: async ({ tx, caller, query }) => {
      const { limit, starting_after, ...f } = query
      const page = await listApplications(tx, caller, { ...f, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(applicationSummaryOut) }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/applications/:id',
    operationId: 'getApplication',
    summary: 'One application with its stage history',
    tags,
    access: viewers,
    params: ZIdParams,
    response: ZApplication,
    handler: async ({ tx, caller, params }) => applicationOut(await getApplication(tx, caller, params.id)),
  }),

  route.define({
    method: 'POST',
    url: '/api/applications/:id/stage',
    operationId: 'moveApplicationStage',
    summary:
      'Move to the next stage, back to an earlier one (reason required), reject (reason required) or withdraw',
    description:
      'Send the `version` you loaded: a move made by someone else since answers 409 version_conflict.',
    tags,
    access: access.roles(
      ['recruiter', ...TEAM],
      'The hiring team moves forward one stage, back to an earlier open stage (with a reason) or rejects (with a reason); the submitting recruiter withdraws.',
    ),
    params: ZIdParams,
    body: ZStageMove,
    errors: [409, 422],
    response: ZApplication,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await transitionApplication(tx, caller, params.id, body, ctx.clock.now())
      return applicationOut(await getApplication(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/applications/:id/hire',
    operationId: 'hireApplication',
    summary: 'Mark an offer accepted: hired, and a placement is made (the last opening fills the role)',
    tags,
    access: who.team,
    params: ZIdParams,
    body: ZHire,
    status: 201,
    errors: [409, 422],
    response: z.object({ application: ZApplication, placement_id: z.string() }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      const placementId = await hireApplication(
        tx,
        caller,
        params.id,
        {
          baseSalary: body.base_salary.amount,
          currency: body.base_salary.currency,
          startDate: body.start_date,
          version: body.version,
        },
        ctx.clock.now(),
      )
      return {
        application: applicationOut(await getApplication(tx, caller, params.id)),
        placement_id: placementId,
      }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/me/applications',
    operationId: 'listMyApplications',
    summary: 'My own applications, as a candidate (read-only)',
    description:
      'The applications of the candidate records whose contact email is your signed-in, verified email address: role, company, stage and dates, never recruiters’ notes. Enforced in SQL (a security-definer function applying the rule itself).',
    tags,
    access: access.roles(
      ['candidate'],
      'A candidate, for the records that carry her own verified email address.',
    ),
    query: ZMyApplicationsQuery,
    response: listOf(ZMyApplication),
    handler: async ({ tx, query }) => {
      const page = await listMyApplications(tx, { limit: query.limit, startingAfter: query.starting_after })
      return { ...page, data: page.data.map(myApplicationOut) }
    },
  }),
]
