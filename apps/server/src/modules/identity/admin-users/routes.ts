import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { listOf, ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { adminRoute as route, signedIn } from '../route.ts'
import { ZRole } from '../schemas.ts'
import {
  ZAuditPage,
  ZOrganizationList,
  ZOrganizationSearchQuery,
  ZUserDetail,
  ZUserParams,
  ZUserRow,
  ZUserSearchQuery,
} from './schemas.ts'
import {
  getUserForAdmin,
  grantMembership,
  revokeMembership,
  revokeUserSessions,
  searchOrganizations,
  searchUsers,
  setUserStatus,
  userAuditPage,
} from './service.ts'

const admin = access.roles(['platform_admin'])

/** Platform admins: find people, see their memberships, change roles, suspend and reactivate. */
export const adminUserRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/users',
    operationId: 'searchUsers',
    summary: 'Search people (contacts masked)',
    access: admin,
    query: ZUserSearchQuery,
    response: listOf(ZUserRow),
    handler: ({ tx, query }) =>
      searchUsers(tx, {
        q: query.q,
        role: query.role,
        status: query.status,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/users/:id',
    operationId: 'getUser',
    summary: 'One person: contacts (the reveal is logged), memberships, audit trail',
    access: admin,
    params: ZUserParams,
    response: ZUserDetail,
    handler: ({ tx, params, ctx }) => getUserForAdmin(tx, params.id, ctx.clock.now()),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/users/:id/audit',
    operationId: 'listUserAudit',
    summary:
      'What was recorded about a person, newest first: suspensions, roles, sessions ended, invitations answered',
    access: admin,
    params: ZUserParams,
    query: z.strictObject({ ...ZListQueryBase }),
    response: ZAuditPage,
    handler: ({ tx, params, query }) =>
      userAuditPage(tx, params.id, { limit: query.limit, startingAfter: query.starting_after }),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/users/:id/memberships',
    operationId: 'grantRole',
    summary: 'Grant a role in an organisation (audited)',
    access: admin,
    params: ZUserParams,
    body: z.strictObject({ organization_id: z.uuid(), role: ZRole }),
    status: 201,
    errors: [409, 422],
    response: ZUserDetail,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await grantMembership(tx, {
        adminId: signedIn(caller).userId,
        userId: params.id,
        organizationId: body.organization_id,
        role: body.role,
      })
      return getUserForAdmin(tx, params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'DELETE',
    url: '/api/admin/users/:id/memberships/:membershipId',
    operationId: 'revokeRole',
    summary: 'Remove a role (audited)',
    access: admin,
    params: z.strictObject({ id: z.uuid(), membershipId: z.uuid() }),
    errors: [409],
    response: ZUserDetail,
    handler: async ({ tx, caller, params, ctx }) => {
      await revokeMembership(tx, {
        adminId: signedIn(caller).userId,
        userId: params.id,
        membershipId: params.membershipId,
      })
      return getUserForAdmin(tx, params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/users/:id/suspend',
    operationId: 'suspendUser',
    summary: 'Suspend a person: their sessions end at once (audited)',
    access: admin,
    params: ZUserParams,
    body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
    errors: [409],
    response: ZUserDetail,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await setUserStatus(tx, {
        adminId: signedIn(caller).userId,
        userId: params.id,
        suspend: true,
        reason: body.reason,
        now: ctx.clock.now(),
      })
      return getUserForAdmin(tx, params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/users/:id/reactivate',
    operationId: 'reactivateUser',
    summary: 'Reactivate a suspended person (audited)',
    access: admin,
    params: ZUserParams,
    errors: [409],
    response: ZUserDetail,
    handler: async ({ tx, caller, params, ctx }) => {
      await setUserStatus(tx, {
        adminId: signedIn(caller).userId,
        userId: params.id,
        suspend: false,
        now: ctx.clock.now(),
      })
      return getUserForAdmin(tx, params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/users/:id/sessions/revoke',
    operationId: 'revokeUserSessions',
    summary: 'Sign a person out everywhere: every live session ends at once (audited)',
    description: 'An admin’s own sessions are refused (409): end them from the account page.',
    access: admin,
    params: ZUserParams,
    errors: [409],
    response: ZUserDetail,
    handler: async ({ tx, caller, params, ctx }) => {
      await revokeUserSessions(tx, {
        adminId: signedIn(caller).userId,
        userId: params.id,
        now: ctx.clock.now(),
      })
      return getUserForAdmin(tx, params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/organizations',
    operationId: 'searchOrganizations',
    summary: 'Find organisations (to grant roles in)',
    access: admin,
    query: ZOrganizationSearchQuery,
    response: ZOrganizationList,
    handler: async ({ tx, query }) => ({ data: await searchOrganizations(tx, query.q, query.limit) }),
  }),
]
