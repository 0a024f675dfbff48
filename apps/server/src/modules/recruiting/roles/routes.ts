import { z } from 'zod'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { searchMarketplace } from '../discovery/marketplace.ts'
import { recruitingRoute as route, who } from '../route.ts'
import { roleOut, roleSummaryOut } from './presenter.ts'
import { getRole, roleAssignments, roleHistory } from './queries.ts'
import {
  type TRoleCreate,
  type TRoleUpdate,
  ZAssignments,
  ZAssignmentsIn,
  ZRole,
  ZRoleCreate,
  ZRoleHistory,
  ZRoleListQuery,
  ZRoleStatusChange,
  ZRoleSummary,
  ZRoleUpdate,
} from './schemas.ts'
import { createRole, type RoleInput, setAssignments, transitionRole, updateRole } from './service.ts'

const tags = ['roles']
const VISIBILITY =
  'Recruiters see open roles shared with everyone or assigned to them, and keep seeing a role (whatever its status) they have an application on or share a placement of; drafts never. A role the company opened with a first look (`early_access`) is shown during its window only to recruiters whose plan includes early access. A hiring team sees its company’s roles; platform admins see all. A hidden role answers 404. Row-level security applies the same rule.'

/** The body's fields as the service takes them (the salary range flattened). */
function roleInput(body: TRoleCreate | TRoleUpdate): Partial<RoleInput> {
  const { salary, ...rest } = body as Partial<TRoleCreate> & { version?: number }
  const { version: _version, company_id: _company, ...fields } = rest as typeof rest & { company_id?: string }
  return {
    ...(fields as Partial<RoleInput>),
    ...(salary ? { salary_min: salary.min, salary_max: salary.max, salary_currency: salary.currency } : {}),
  }
}

/** Roles: the marketplace for recruiters, a company's openings for its hiring team. */
export const roleRoutes = [
  route.define({
    method: 'GET',
    url: '/api/roles',
    operationId: 'listRoles',
    summary: 'Search roles (the marketplace for recruiters; a company’s roles for its team)',
    description: `${VISIBILITY} Recruiters get open roles unless they ask for other statuses.`,
    tags,
    access: who.members,
    query: ZRoleListQuery,
    response: listOf(ZRoleSummary).extend({
      total_count: z.number().int().describe('Every role matching the filters (exact), on every page'),
    }),
    handler: async ({ tx, caller, query }) => {
      const { limit, starting_after, ...f } = query
      // recruiters browse the open marketplace unless they ask for other statuses
      const onAnyTeam = caller.isPlatformAdmin || caller.teamCompanyIds.length > 0
      const status = f.status ?? (onAnyTeam ? undefined : ['open' as const])
      const page = await searchMarketplace(tx, caller, { ...f, status, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(roleSummaryOut) }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/roles',
    operationId: 'createRole',
    summary: 'Post a role (as a draft; open it to take submissions)',
    tags,
    access: who.team,
    body: ZRoleCreate,
    status: 201,
    errors: [422],
    response: ZRole,
    handler: async ({ tx, caller, body, ctx }) => {
      const id = await createRole(tx, caller, body.company_id, roleInput(body) as RoleInput, ctx.clock.now())
      return roleOut(await getRole(tx, caller, id))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/roles/:id',
    operationId: 'getRole',
    summary: 'One role',
    description: VISIBILITY,
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZRole,
    handler: async ({ tx, caller, params }) => roleOut(await getRole(tx, caller, params.id)),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/roles/:id',
    operationId: 'updateRole',
    summary: 'Change a role (every change is kept in its history)',
    description:
      'Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.',
    tags,
    access: who.team,
    params: ZIdParams,
    body: ZRoleUpdate,
    errors: [409, 422],
    response: ZRole,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await updateRole(tx, caller, params.id, roleInput(body), body.version, ctx.clock.now())
      return roleOut(await getRole(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/roles/:id/status',
    operationId: 'setRoleStatus',
    summary: 'Open, pause, close or mark filled: draft → open ⇄ paused → filled | closed',
    tags,
    access: who.team,
    params: ZIdParams,
    body: ZRoleStatusChange,
    errors: [409],
    response: ZRole,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await transitionRole(tx, caller, params.id, body.status, body.reason, body.version, ctx.clock.now())
      return roleOut(await getRole(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/roles/:id/history',
    operationId: 'listRoleHistory',
    summary: 'Every change to the role',
    tags,
    access: who.team,
    params: ZIdParams,
    response: ZRoleHistory,
    handler: async ({ tx, caller, params }) => ({ data: await roleHistory(tx, caller, params.id) }),
  }),

  route.define({
    method: 'GET',
    url: '/api/roles/:id/assignments',
    operationId: 'listRoleAssignments',
    summary: 'Recruiters assigned to the role',
    tags,
    access: who.team,
    params: ZIdParams,
    response: ZAssignments,
    handler: async ({ tx, caller, params }) => ({ data: await roleAssignments(tx, caller, params.id) }),
  }),

  route.define({
    method: 'PUT',
    url: '/api/roles/:id/assignments',
    operationId: 'setRoleAssignments',
    summary: 'Set the recruiters a role is shared with (for visibility "assigned")',
    tags,
    access: who.team,
    params: ZIdParams,
    body: ZAssignmentsIn,
    errors: [422],
    response: ZAssignments,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await setAssignments(tx, caller, params.id, body.recruiter_ids, ctx.clock.now())
      return { data: await roleAssignments(tx, caller, params.id) }
    },
  }),
]
