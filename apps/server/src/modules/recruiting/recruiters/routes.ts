import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { requireRecruiter } from '../caller.ts'
import { recruitingRoute as route, SPLITS_ROLES } from '../route.ts'
import { recruiterOut } from './presenter.ts'
import { getRecruiter, searchRecruiters } from './queries.ts'
import { ZRecruiter, ZRecruiterListQuery, ZRecruiterProfileUpdate } from './schemas.ts'
import { updateMyRecruiterProfile } from './service.ts'

const tags = ['recruiters']
const members = access.roles(
  SPLITS_ROLES,
  'Any Splits Network member: recruiter profiles hold no contact details.',
)

/** The recruiter directory and each recruiter's own profile. */
export const recruiterRoutes = [
  route.define({
    method: 'GET',
    url: '/api/recruiters',
    operationId: 'listRecruiters',
    summary: 'Recruiters by name and specialisation',
    tags,
    access: members,
    query: ZRecruiterListQuery,
    response: listOf(ZRecruiter),
    handler: async ({ tx, query }) => {
      const { limit, starting_after, ...f } = query
      const page = await searchRecruiters(tx, { ...f, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(recruiterOut) }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/recruiters/me',
    operationId: 'getMyRecruiterProfile',
    summary: 'My recruiter profile',
    tags,
    access: access.roles(['recruiter']),
    response: ZRecruiter,
    handler: async ({ tx, caller }) => recruiterOut(await getRecruiter(tx, requireRecruiter(caller))),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/recruiters/me',
    operationId: 'updateMyRecruiterProfile',
    summary: 'Change my profile and specialisations',
    tags,
    access: access.roles(['recruiter']),
    body: ZRecruiterProfileUpdate,
    response: ZRecruiter,
    handler: async ({ tx, caller, body, ctx }) => {
      await updateMyRecruiterProfile(tx, caller, body, ctx.clock.now())
      return recruiterOut(await getRecruiter(tx, requireRecruiter(caller)))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/recruiters/:id',
    operationId: 'getRecruiter',
    summary: 'One recruiter',
    tags,
    access: members,
    params: ZIdParams,
    response: ZRecruiter,
    handler: async ({ tx, params }) => recruiterOut(await getRecruiter(tx, params.id)),
  }),
]
