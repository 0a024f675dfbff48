import { sql } from 'kysely'
import { appendAudit, auditTrail, logPiiReveal } from '../../../kernel/audit/audit.ts'
import { containsPattern } from '../../../kernel/db/like.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { Role } from '../../../kernel/http/access.ts'
import { beforeIdCursor, pageOf } from '../../../kernel/http/pagination.ts'
import { maskEmail, maskPhone } from '../contacts.ts'
import { membershipsOf } from '../memberships.ts'
import { personMatches } from '../person-search.ts'
import type { IdentityTx } from '../route.ts'
import { revokeAllSessions } from '../sessions/service.ts'

/** Platform admins' view of people. Contacts are masked in lists; the detail view reveals and logs. */

export interface UserListFilters {
  q?: string | undefined
  role?: Role | undefined
  status?: 'active' | 'suspended' | undefined
  limit: number
  startingAfter?: string | undefined
}

/** People, newest first, by id (UUIDv7): the cursor is the last id, so pages never skip or repeat. */
export async function searchUsers(tx: IdentityTx, f: UserListFilters) {
  let query = tx
    .selectFrom('identity.users as u')
    .leftJoin('identity.user_contacts as c', 'c.user_id', 'u.id')
    .select([
      'u.id',
      'u.display_name',
      'u.status',
      'u.locale',
      'u.created_at',
      'u.last_sign_in_at',
      'c.email',
      'c.phone',
      sql<Role[]>`coalesce((select array_agg(distinct m.role order by m.role) from identity.memberships m
        where m.user_id = u.id), '{}')`.as('roles'),
    ])
    .orderBy('u.id', 'desc')
    .limit(f.limit + 1)
  if (f.q) query = query.where(personMatches(f.q))
  if (f.status) query = query.where('u.status', '=', f.status)
  if (f.role) {
    const role = f.role
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('identity.memberships as m')
          .select('m.id')
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.role', '=', role),
      ),
    )
  }
  if (f.startingAfter) query = query.where('u.id', '<', beforeIdCursor(f.startingAfter))
  const rows = await query.execute()
  const page = pageOf(rows, f.limit, (r) => [r.id])
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      display_name: r.display_name,
      status: r.status as 'active' | 'suspended',
      locale: r.locale,
      roles: r.roles,
      email_masked: r.email ? maskEmail(r.email) : null,
      phone_masked: r.phone ? maskPhone(r.phone) : null,
      created_at: r.created_at,
      last_sign_in_at: r.last_sign_in_at,
    })),
  }
}

/** How many entries of the audit trail the detail view carries; the rest page through `userAudit`. */
export const DETAIL_AUDIT_ENTRIES = 20

/** One person for an admin: contacts (the reveal is logged), memberships, live sessions, latest audit entries. */
export async function getUserForAdmin(tx: IdentityTx, userId: string, now: Date) {
  const user = await tx.selectFrom('identity.users').selectAll().where('id', '=', userId).executeTakeFirst()
  if (!user) throw new AppError('not_found', 'No such user')
  const contacts = await tx
    .selectFrom('identity.user_contacts')
    .select(['email', 'phone'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (contacts) {
    await logPiiReveal(tx, {
      subjectType: 'user',
      subjectId: userId,
      fields: [contacts.email ? 'email' : null, contacts.phone ? 'phone' : null].filter(
        (f): f is string => f !== null,
      ),
      purpose: 'admin.user_detail',
    })
  }
  const memberships = await membershipsOf(tx, userId)
  const sessions = await tx
    .selectFrom('identity.sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirstOrThrow()
  const audit = await userAudit(tx, userId, { limit: DETAIL_AUDIT_ENTRIES })
  return {
    id: user.id,
    display_name: user.display_name,
    status: user.status as 'active' | 'suspended',
    suspended_reason: user.suspended_reason,
    locale: user.locale,
    created_at: user.created_at,
    last_sign_in_at: user.last_sign_in_at,
    email: contacts?.email ?? null,
    phone: contacts?.phone ?? null,
    active_sessions: Number(sessions.n),
    memberships: memberships.map((m) => ({
      id: m.id,
      role: m.role as Role,
      organization_id: m.organization_id,
      organization_name: m.organization_name,
      kind: m.kind,
      marketplace: m.marketplace,
      created_at: m.created_at,
    })),
    audit: audit.data,
  }
}

/** `userAudit` for the API: a 404 for someone who does not exist, rather than an empty trail. */
export async function userAuditPage(
  tx: IdentityTx,
  userId: string,
  page: { limit: number; startingAfter?: string | undefined },
) {
  const user = await tx.selectFrom('identity.users').select('id').where('id', '=', userId).executeTakeFirst()
  if (!user) throw new AppError('not_found', 'No such user')
  return userAudit(tx, userId, page)
}

/**
 * What was recorded about a person (suspensions, roles, sessions ended by an admin, invitations
 * answered), newest first, with the name of whoever did it.
 */
export async function userAudit(
  tx: IdentityTx,
  userId: string,
  page: { limit: number; startingAfter?: string | undefined },
) {
  const trail = await auditTrail(tx, { entityType: 'user', entityId: userId, ...page })
  const actorIds = [...new Set(trail.data.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))]
  const names = new Map(
    actorIds.length === 0
      ? []
      : (
          await tx
            .selectFrom('identity.users')
            .select(['id', 'display_name'])
            .where('id', 'in', actorIds)
            .execute()
        ).map((u) => [u.id, u.display_name]),
  )
  return {
    ...trail,
    data: trail.data.map((e) => ({
      seq: e.seq,
      occurred_at: e.occurredAt,
      action: e.action,
      actor_user_id: e.actorUserId,
      actor_name: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      before: e.before,
      after: e.after,
    })),
  }
}

export async function grantMembership(
  tx: IdentityTx,
  input: { adminId: string; userId: string; organizationId: string; role: Role },
) {
  const user = await tx
    .selectFrom('identity.users')
    .select('id')
    .where('id', '=', input.userId)
    .executeTakeFirst()
  if (!user) throw new AppError('not_found', 'No such user')
  const org = await tx
    .selectFrom('identity.organizations')
    .select(['id', 'name', 'kind', 'marketplace'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst()
  if (!org) {
    throw new AppError('unprocessable', 'organization_id: no such organisation', {
      errors: [{ field: 'body.organization_id', message: 'no such organisation' }],
    })
  }
  const fits = await sql<{
    ok: boolean
  }>`select identity.role_fits_organization(${input.role}, ${org.kind}, ${org.marketplace}) as ok`.execute(tx)
  if (!fits.rows[0]?.ok) {
    throw new AppError(
      'unprocessable',
      `role ${input.role} cannot be held in a ${org.kind} organisation of ${org.marketplace}`,
      {
        errors: [{ field: 'body.role', message: `does not fit a ${org.kind} organisation` }],
      },
    )
  }
  const inserted = await tx
    .insertInto('identity.memberships')
    .values({ user_id: input.userId, organization_id: org.id, role: input.role, granted_by: input.adminId })
    .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
    .returning(['id'])
    .executeTakeFirst()
  if (!inserted) throw new AppError('conflict', `The user already holds ${input.role} in ${org.name}`)
  await appendAudit(tx, {
    action: 'identity.role_granted',
    entityType: 'user',
    entityId: input.userId,
    after: { membership_id: inserted.id, organization_id: org.id, organization: org.name, role: input.role },
    actorRole: 'platform_admin',
  })
  return inserted.id
}

export async function revokeMembership(
  tx: IdentityTx,
  input: { adminId: string; userId: string; membershipId: string },
) {
  const m = await tx
    .selectFrom('identity.memberships as m')
    .innerJoin('identity.organizations as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.role', 'm.user_id', 'o.id as organization_id', 'o.name'])
    .where('m.id', '=', input.membershipId)
    .where('m.user_id', '=', input.userId)
    .executeTakeFirst()
  if (!m) throw new AppError('not_found', 'No such membership for this user')
  if (m.user_id === input.adminId && m.role === 'platform_admin') {
    throw new AppError('conflict', 'You cannot remove your own platform_admin role; ask another admin')
  }
  await tx.deleteFrom('identity.memberships').where('id', '=', m.id).execute()
  await appendAudit(tx, {
    action: 'identity.role_revoked',
    entityType: 'user',
    entityId: input.userId,
    before: { membership_id: m.id, organization_id: m.organization_id, organization: m.name, role: m.role },
    actorRole: 'platform_admin',
  })
}

export async function setUserStatus(
  tx: IdentityTx,
  input: { adminId: string; userId: string; suspend: boolean; reason?: string | undefined; now: Date },
) {
  if (input.userId === input.adminId && input.suspend)
    throw new AppError('conflict', 'You cannot suspend yourself')
  const before = await tx
    .selectFrom('identity.users')
    .select(['status', 'suspended_reason'])
    .where('id', '=', input.userId)
    .forUpdate()
    .executeTakeFirst()
  if (!before) throw new AppError('not_found', 'No such user')
  const target = input.suspend ? 'suspended' : 'active'
  if (before.status === target)
    throw new AppError('invalid_state_transition', `The user is already ${target}`)
  await tx
    .updateTable('identity.users')
    .set({ status: target, suspended_reason: input.suspend ? input.reason! : null, updated_at: input.now })
    .where('id', '=', input.userId)
    .execute()
  const revoked = input.suspend
    ? await revokeAllSessions(tx, input.userId, 'account suspended', input.now)
    : 0
  await appendAudit(tx, {
    action: input.suspend ? 'identity.user_suspended' : 'identity.user_reactivated',
    entityType: 'user',
    entityId: input.userId,
    before,
    after: {
      status: target,
      suspended_reason: input.suspend ? input.reason : null,
      sessions_revoked: revoked,
    },
    actorRole: 'platform_admin',
  })
}

/**
 * Ends every live session of a person (a lost laptop, a compromised account), audited. An admin's
 * own sessions are theirs to end from their account page.
 */
export async function revokeUserSessions(
  tx: IdentityTx,
  input: { adminId: string; userId: string; now: Date },
) {
  if (input.userId === input.adminId) {
    throw new AppError('conflict', 'End your own sessions from your account page (Signed-in devices)')
  }
  const user = await tx
    .selectFrom('identity.users')
    .select('id')
    .where('id', '=', input.userId)
    .executeTakeFirst()
  if (!user) throw new AppError('not_found', 'No such user')
  const revoked = await revokeAllSessions(tx, input.userId, 'ended by a platform admin', input.now)
  if (revoked > 0) {
    await appendAudit(tx, {
      action: 'identity.sessions_revoked',
      entityType: 'user',
      entityId: input.userId,
      after: { sessions_revoked: revoked },
      actorRole: 'platform_admin',
    })
  }
  return revoked
}

export async function searchOrganizations(tx: IdentityTx, q: string | undefined, limit: number) {
  let query = tx
    .selectFrom('identity.organizations')
    .select(['id', 'name', 'kind', 'marketplace', 'slug'])
    .orderBy('kind')
    .orderBy('name')
    .limit(limit)
  if (q) query = query.where('name', 'ilike', containsPattern(q))
  return query.execute()
}
