import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, who } from '../route.ts'
import { ZCompanyProfile, ZCompanyProfileParams, ZRecruiterProfile } from './profile-schemas.ts'
import { companyProfile, recruiterProfile } from './profiles.ts'

const tags = ['profiles']

/** Public profiles of the network: companies and recruiters, for every Splits Network member. */
export const profileRoutes = [
  route.define({
    method: 'GET',
    url: '/api/company-profiles/:slug',
    operationId: 'getCompanyProfile',
    summary: 'A company’s public profile: about, industry, locations, open roles, placements made',
    description:
      'No private data: no billing, payment terms, contracts, team or unpublished roles. The open roles are those the caller may see.',
    tags,
    access: who.members,
    params: ZCompanyProfileParams,
    response: ZCompanyProfile,
    handler: async ({ tx, caller, params }) => companyProfile(tx, caller, params.slug),
  }),

  route.define({
    method: 'GET',
    url: '/api/recruiter-profiles/:id',
    operationId: 'getRecruiterProfile',
    summary: 'A recruiter’s public profile: specialisations, bio, verified placements, roles worked',
    description:
      'Verified placements are the placements the recruiter shared that stayed past their guarantee. No star ratings, no plan, no contact details.',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZRecruiterProfile,
    handler: async ({ tx, params, ctx }) =>
      recruiterProfile(tx, params.id, ctx.clock.now().toISOString().slice(0, 10)),
  }),
]
