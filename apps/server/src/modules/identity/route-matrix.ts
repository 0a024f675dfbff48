import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { type MatrixContext, type RouteCase, sessionIdOf } from '../../security/route-cases.ts'
import { inviteToOrganization } from './invitations/service.ts'
import type { IdentityTx } from './route.ts'

const invitations = new WeakMap<object, Promise<string>>()

/** An open invitation to somebody else: Acme's admin invites an outside address to the hiring team. */
function someoneElsesInvitation(m: MatrixContext): Promise<string> {
  let made = invitations.get(m.ctx)
  if (!made) {
    made = (async () => {
      const inviter = await m.userId('company-admin')
      return inTransaction(m.ctx.db, systemActor('security-matrix'), async (tx: IdentityTx) => {
        const acme = await tx
          .selectFrom('identity.organizations')
          .select('id')
          .where('slug', '=', 'acme-robotics')
          .executeTakeFirstOrThrow()
        const created = await inviteToOrganization(tx, {
          organizationId: acme.id,
          role: 'hiring_manager',
          email: 'someone-else@matrix.demo',
          displayName: 'Someone Else',
          invitedBy: inviter,
          now: m.ctx.clock.now(),
        })
        return created.id
      })
    })()
    invitations.set(m.ctx, made)
  }
  return made
}

/** Who may call each of this module's routes, and how the security test proves it (see security/route-matrix.ts). */
export const identityRouteMatrix: Record<string, RouteCase> = {
  // identity: sign-in
  'POST /api/auth/email/start': { access: 'public', why: 'sign-in' },
  'POST /api/auth/phone/start': { access: 'public', why: 'sign-in' },
  'POST /api/auth/verify': { access: 'public', why: 'sign-in' },
  'POST /api/auth/magic-link': { access: 'public', why: 'sign-in' },
  'GET /api/auth/session': { access: 'public', why: 'tells the app whether it is signed in' },
  'POST /api/auth/sign-out': { access: 'authenticated' },
  'POST /api/auth/revoke': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'candidate',
      params: async () => ({}),
      body: 'other-session',
      expect: 404,
    },
  },
  // identity: account
  'GET /api/account': { access: 'authenticated' },
  'PATCH /api/account': { access: 'authenticated' },
  'GET /api/account/sessions': { access: 'authenticated' },
  // an admin's case (row-level security shows them every session) is in sessions/sessions.int.test.ts
  'DELETE /api/account/sessions/:id': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'candidate',
      params: async (m) => ({ id: await sessionIdOf(m, 'company-admin') }),
      expect: 404,
    },
  },
  // identity: admin
  'GET /api/admin/users': { access: 'roles', wrongRole: 'ofair-admin' },
  'GET /api/admin/users/:id': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/users/:id/audit': { access: 'roles', wrongRole: 'ofair-admin' },
  'POST /api/admin/users/:id/memberships': { access: 'roles', wrongRole: 'company-admin' },
  'DELETE /api/admin/users/:id/memberships/:membershipId': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/users/:id/suspend': { access: 'roles', wrongRole: 'ofair-admin' },
  'POST /api/admin/users/:id/reactivate': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/admin/users/:id/sessions/revoke': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/organizations': { access: 'roles', wrongRole: 'candidate' },
  // identity: demo mode
  'GET /api/dev/outbox': { access: 'public', why: 'demo mode only' },
  'GET /api/dev/personas': { access: 'public', why: 'demo mode only' },
  // identity: invitations (each person's own, by their email address)
  'GET /api/account/invitations': { access: 'authenticated' },
  'POST /api/account/invitations/:id/accept': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'candidate',
      params: async (m) => ({ id: await someoneElsesInvitation(m) }),
      expect: 404,
    },
  },
  'POST /api/account/invitations/:id/decline': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'company-admin',
      params: async (m) => ({ id: await someoneElsesInvitation(m) }),
      expect: 404,
    },
  },
}
