import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, TEAM, who } from '../route.ts'
import { companyOut } from './presenter.ts'
import { getCompany, listCompanies } from './queries.ts'
import {
  ZCompany,
  ZCompanyCreate,
  ZCompanyListQuery,
  ZCompanySummary,
  ZCompanyUpdate,
  ZInvitationParams,
  ZTeam,
  ZTeamInvite,
} from './schemas.ts'
import { createCompany, updateCompany } from './service.ts'
import { inviteTeamMember, listTeam, revokeTeamInvitation } from './team.ts'

const tags = ['companies']

/** Hiring companies: the directory, profiles with billing and payment terms, and their hiring teams. */
export const companyRoutes = [
  route.define({
    method: 'GET',
    url: '/api/companies',
    operationId: 'listCompanies',
    summary: 'Companies on the network, with their open roles',
    tags,
    access: access.roles(SPLITS_ROLES, 'Any Splits Network member: the directory of hiring companies.'),
    query: ZCompanyListQuery,
    response: listOf(ZCompanySummary),
    handler: ({ tx, caller, query }) =>
      listCompanies(tx, caller, {
        q: query.q,
        mine: query.mine,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),

  route.define({
    method: 'POST',
    url: '/api/companies',
    operationId: 'createCompany',
    summary: 'Add a company to the network',
    tags,
    access: who.admin,
    body: ZCompanyCreate,
    status: 201,
    response: ZCompany,
    handler: async ({ tx, caller, body, ctx }) => {
      const id = await createCompany(tx, caller, body, ctx.clock.now())
      return companyOut(await getCompany(tx, caller, id))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/companies/:id',
    operationId: 'getCompany',
    summary: 'One company',
    tags,
    access: access.roles(
      SPLITS_ROLES,
      'Any Splits Network member; billing details only for the company’s team and admins.',
    ),
    params: ZIdParams,
    response: ZCompany,
    handler: async ({ tx, caller, params }) => companyOut(await getCompany(tx, caller, params.id)),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/companies/:id',
    operationId: 'updateCompany',
    summary: 'Change the company profile, billing details or payment terms',
    description:
      'Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.',
    tags,
    access: who.companyAdmin,
    params: ZIdParams,
    body: ZCompanyUpdate,
    errors: [409],
    response: ZCompany,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await updateCompany(tx, caller, params.id, body, ctx.clock.now())
      return companyOut(await getCompany(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/companies/:id/team',
    operationId: 'listCompanyTeam',
    summary: 'The hiring team: active members, and open invitations for the company’s admins',
    tags,
    access: access.roles(
      TEAM,
      'The company’s hiring team and platform admins; open invitations only for its admins.',
    ),
    params: ZIdParams,
    response: ZTeam,
    handler: async ({ tx, caller, params, ctx }) => ({
      data: await listTeam(tx, caller, params.id, ctx.clock.now()),
    }),
  }),

  route.define({
    method: 'POST',
    url: '/api/companies/:id/team',
    operationId: 'inviteCompanyTeamMember',
    summary: 'Invite a company admin or hiring manager by email; they join when they accept',
    description:
      'Nothing is granted until the person, signed in with that address, accepts the invitation (`POST /api/account/invitations/{id}/accept`). Inviting someone who already holds the role, or has an open invitation to it, answers 409.',
    tags,
    access: who.companyAdmin,
    params: ZIdParams,
    body: ZTeamInvite,
    status: 201,
    errors: [409],
    response: ZTeam,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await inviteTeamMember(tx, caller, params.id, body, ctx.clock.now())
      return { data: await listTeam(tx, caller, params.id, ctx.clock.now()) }
    },
  }),

  route.define({
    method: 'DELETE',
    url: '/api/companies/:id/team/invitations/:invitationId',
    operationId: 'revokeCompanyTeamInvitation',
    summary: 'Withdraw an open invitation to the hiring team',
    tags,
    access: who.companyAdmin,
    params: ZInvitationParams,
    response: null,
    handler: async ({ tx, caller, params, ctx }) => {
      await revokeTeamInvitation(tx, caller, params.id, params.invitationId, ctx.clock.now())
    },
  }),
]
