import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { listOf, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { ZRole } from './schemas.ts'
import {
  getUserForAdmin,
  grantMembership,
  revokeMembership,
  searchOrganizations,
  searchUsers,
  setUserStatus,
} from './users.ts'

const admin = access.roles(['platform_admin'])
const ZUserParams = z.strictObject({ id: z.uuid() })
const ZStatus = z.enum(['active', 'suspended'])
const iso = (d: Date | null) => (d ? d.toISOString() : null)

const ZUserRow = z.object({
  id: z.string(),
  display_name: z.string(),
  status: ZStatus,
  locale: z.string(),
  roles: z.array(ZRole),
  email_masked: z.string().nullable(),
  phone_masked: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
})

const ZUserDetail = z.object({
  id: z.string(),
  display_name: z.string(),
  status: ZStatus,
  suspended_reason: z.string().nullable(),
  locale: z.string(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active_sessions: z.number().int(),
  memberships: z.array(
    z.object({
      id: z.string(),
      role: ZRole,
      organization_id: z.string(),
      organization_name: z.string(),
      kind: z.string(),
      marketplace: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
  audit: z.array(
    z.object({
      seq: z.string(),
      occurred_at: z.iso.datetime(),
      action: z.string(),
      actor_user_id: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
})

/** Platform admins: find people, see their memberships, change roles, suspend and reactivate. */
export function adminUserRoutes(app: AppFastify, ctx: AppContext): void {
  const run = <T>(request: { id: string; principal: unknown }, fn: Parameters<typeof inTransaction<T>>[2]) =>
    inTransaction(ctx.db, actorOf(principalOf(request as never)), fn, { requestId: request.id })

  const detail = async (request: { id: string; principal: unknown }, userId: string) => {
    const d = await run(request, (tx) => getUserForAdmin(tx, userId, ctx.clock.now()))
    return {
      id: d.user.id,
      display_name: d.user.display_name,
      status: d.user.status as 'active' | 'suspended',
      suspended_reason: d.user.suspended_reason,
      locale: d.user.locale,
      created_at: d.user.created_at.toISOString(),
      last_sign_in_at: iso(d.user.last_sign_in_at),
      email: d.contacts?.email ?? null,
      phone: d.contacts?.phone ?? null,
      active_sessions: d.activeSessions,
      memberships: d.memberships.map((m) => ({
        id: m.id,
        role: m.role as z.infer<typeof ZRole>,
        organization_id: m.organization_id,
        organization_name: m.organization_name,
        kind: m.kind,
        marketplace: m.marketplace,
        created_at: m.created_at.toISOString(),
      })),
      audit: d.audit.map((a) => ({
        seq: a.seq.toString(),
        occurred_at: a.occurred_at.toISOString(),
        action: a.action,
        actor_user_id: a.actor_user_id,
        before: a.before,
        after: a.after,
      })),
    }
  }

  app.get(
    '/api/admin/users',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Search people (contacts masked)',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional().describe('Name, email or phone digits'),
          role: ZRole.optional(),
          status: ZStatus.optional(),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZUserRow), 400: ZProblem },
      },
    },
    async (request) => {
      const { q, role, status, limit, starting_after } = request.query
      const page = await run(request, (tx) =>
        searchUsers(tx, { q, role, status, limit, startingAfter: starting_after }),
      )
      return {
        ...page,
        data: page.data.map((u) => ({
          ...u,
          status: u.status,
          created_at: u.created_at.toISOString(),
          last_sign_in_at: iso(u.last_sign_in_at),
        })),
      }
    },
  )

  app.get(
    '/api/admin/users/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'One person: contacts (the reveal is logged), memberships, audit trail',
        params: ZUserParams,
        response: { 200: ZUserDetail, 404: ZProblem },
      },
    },
    (request) => detail(request, request.params.id),
  )

  app.post(
    '/api/admin/users/:id/memberships',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Grant a role in an organisation (audited)',
        params: ZUserParams,
        body: z.strictObject({ organization_id: z.uuid(), role: ZRole }),
        response: { 201: ZUserDetail, 404: ZProblem, 409: ZProblem, 422: ZProblem },
      },
    },
    async (request, reply) => {
      const p = principalOf(request)
      await run(request, (tx) =>
        grantMembership(tx, {
          adminId: p.userId,
          userId: request.params.id,
          organizationId: request.body.organization_id,
          role: request.body.role,
        }),
      )
      return reply.status(201).send(await detail(request, request.params.id))
    },
  )

  app.delete(
    '/api/admin/users/:id/memberships/:membershipId',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Remove a role (audited)',
        params: z.strictObject({ id: z.uuid(), membershipId: z.uuid() }),
        response: { 200: ZUserDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request) => {
      const p = principalOf(request)
      await run(request, (tx) =>
        revokeMembership(tx, {
          adminId: p.userId,
          userId: request.params.id,
          membershipId: request.params.membershipId,
        }),
      )
      return detail(request, request.params.id)
    },
  )

  app.post(
    '/api/admin/users/:id/suspend',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Suspend a person: their sessions end at once (audited)',
        params: ZUserParams,
        body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: ZUserDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request) => {
      const p = principalOf(request)
      await run(request, (tx) =>
        setUserStatus(tx, {
          adminId: p.userId,
          userId: request.params.id,
          suspend: true,
          reason: request.body.reason,
          now: ctx.clock.now(),
        }),
      )
      return detail(request, request.params.id)
    },
  )

  app.post(
    '/api/admin/users/:id/reactivate',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Reactivate a suspended person (audited)',
        params: ZUserParams,
        response: { 200: ZUserDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request) => {
      const p = principalOf(request)
      await run(request, (tx) =>
        setUserStatus(tx, {
          adminId: p.userId,
          userId: request.params.id,
          suspend: false,
          now: ctx.clock.now(),
        }),
      )
      return detail(request, request.params.id)
    },
  )

  app.get(
    '/api/admin/organizations',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Find organisations (to grant roles in)',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional(),
          limit: ZListQueryBase.limit,
        }),
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                marketplace: z.string(),
                slug: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      data: await run(request, (tx) => searchOrganizations(tx, request.query.q, request.query.limit)),
    }),
  )
}
