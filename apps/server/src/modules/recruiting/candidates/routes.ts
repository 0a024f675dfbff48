import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, who } from '../route.ts'
import { candidateOut, candidateSummaryOut, warningOut } from './presenter.ts'
import { getCandidate } from './queries.ts'
import {
  type TCandidateCreate,
  ZCandidate,
  ZCandidateCreate,
  ZCandidateListQuery,
  ZCandidateSaved,
  ZCandidateSummary,
  ZCandidateUpdate,
  ZDuplicateCheck,
  ZDuplicateWarning,
} from './schemas.ts'
import { searchCandidates } from './search.ts'
import { type CandidateInput, checkDuplicates, createCandidate, updateCandidate } from './service.ts'

const tags = ['candidates']

/** The body's fields as the service takes them (the salary expectation flattened). */
function candidateInput(body: Partial<TCandidateCreate> & { version?: number }): Partial<CandidateInput> {
  const { salary_expectation, version: _version, ...rest } = body
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

/** The people recruiters represent: personal data, under row-level security. */
export const candidateRoutes = [
  route.define({
    method: 'GET',
    url: '/api/candidates',
    operationId: 'listCandidates',
    summary: 'My candidates (all, for platform admins), newest first, with text search',
    tags,
    access: who.recruiterOrAdmin,
    query: ZCandidateListQuery,
    response: listOf(ZCandidateSummary),
    handler: async ({ tx, caller, query }) => {
      const { limit, starting_after, q, skill } = query
      const page = await searchCandidates(tx, caller, { q, skill, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(candidateSummaryOut) }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/candidates',
    operationId: 'createCandidate',
    summary: 'Add a candidate you represent (warns when other recruiters represent the same person)',
    description:
      'Duplicates are matched on normalised email, phone, LinkedIn and GitHub. Your own duplicate answers 409 duplicate_candidate (also when two adds race); another recruiter’s record comes back as a warning naming only where that person is represented.',
    tags,
    access: who.recruiter,
    body: ZCandidateCreate,
    status: 201,
    errors: [409],
    response: ZCandidateSaved,
    handler: async ({ tx, caller, body, ctx }) => {
      const saved = await createCandidate(
        tx,
        caller,
        candidateInput(body) as CandidateInput,
        ctx.config.auth.secret,
        ctx.clock.now(),
      )
      return {
        candidate: candidateOut(await getCandidate(tx, caller, saved.id)),
        warnings: saved.warnings.map(warningOut),
      }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/candidates/duplicate-check',
    operationId: 'checkCandidateDuplicates',
    summary: 'Is this person already in the network? (as you type, before adding or submitting)',
    tags,
    access: who.recruiter,
    body: ZDuplicateCheck,
    response: z.object({ warnings: z.array(ZDuplicateWarning) }),
    handler: async ({ tx, caller, body, ctx }) => ({
      warnings: (await checkDuplicates(tx, caller, body, ctx.config.auth.secret, ctx.clock.now())).map(
        warningOut,
      ),
    }),
  }),

  route.define({
    method: 'GET',
    url: '/api/candidates/:id',
    operationId: 'getCandidate',
    summary: 'One candidate',
    tags,
    access: access.roles(
      SPLITS_ROLES,
      'The representing recruiter; a hiring team for people submitted to its company, seeing only what concerns its own roles (contact details shown are logged); the recruiters on a placement of the person (profile only); platform admins.',
    ),
    params: ZIdParams,
    response: ZCandidate,
    handler: async ({ tx, caller, params }) => candidateOut(await getCandidate(tx, caller, params.id)),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/candidates/:id',
    operationId: 'updateCandidate',
    summary: 'Change a candidate (the representing recruiter)',
    description:
      'Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.',
    tags,
    access: who.recruiterOrAdmin,
    params: ZIdParams,
    body: ZCandidateUpdate,
    errors: [409],
    response: ZCandidateSaved,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const saved = await updateCandidate(
        tx,
        caller,
        params.id,
        candidateInput(body),
        body.version,
        ctx.config.auth.secret,
        ctx.clock.now(),
      )
      return {
        candidate: candidateOut(await getCandidate(tx, caller, params.id)),
        warnings: saved.warnings.map(warningOut),
      }
    },
  }),
]
