import { sql, type Transaction } from 'kysely'
import { appendAudit, logPiiReveal } from '../../kernel/audit/audit.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Role } from '../../kernel/http/access.ts'
import { beforeIdCursor, pageOf } from '../../kernel/http/pagination.ts'
import { maskEmail, maskPhone } from './contacts.ts'
import { personMatches } from './person-search.ts'
import { revokeAllSessions } from './sessions/service.ts'

/**
 * A marketplace's own admins (OFAIR's `ofair_admin`) managing the people of their marketplace:
 * the list (contacts masked), one person's contacts (the read is logged), suspension and
 * reactivation. The calling module has authorised its admin; these steps run as the system and
 * reach only people with a role in that marketplace who are not admins themselves.
 */
const view = (tx: AnyTx) => tx as Transaction<IdentitySchema>

const ADMIN_ROLES: readonly string[] = ['platform_admin', 'ofair_admin']

export interface MarketplacePeopleFilters {
  marketplace: 'splits' | 'ofair'
  q?: string | undefined
  role?: Role | undefined
  status?: 'active' | 'suspended' | undefined
  limit: number
  startingAfter?: string | undefined
}

/** People holding a role in the marketplace, newest first by id (UUIDv7: pages never skip). */
export async function marketplacePeople(tx: AnyTx, f: MarketplacePeopleFilters) {
  return asSystem(tx, 'identity.marketplace_people', async () => {
    const t = view(tx)
    let query = t
      .selectFrom('identity.users as u')
      .leftJoin('identity.user_contacts as c', 'c.user_id', 'u.id')
      .select([
        'u.id',
        'u.display_name',
        'u.status',
        'u.suspended_reason',
        'u.created_at',
        'u.last_sign_in_at',
        'c.email',
        'c.phone',
        sql<Role[]>`coalesce((select array_agg(distinct m.role order by m.role) from identity.memberships m
          join identity.organizations o on o.id = m.organization_id
          where m.user_id = u.id and o.marketplace = ${f.marketplace}), '{}')`.as('roles'),
      ])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('identity.memberships as m')
            .innerJoin('identity.organizations as o', 'o.id', 'm.organization_id')
            .select('m.id')
            .whereRef('m.user_id', '=', 'u.id')
            .where('o.marketplace', '=', f.marketplace)
            .$if(f.role !== undefined, (q) => q.where('m.role', '=', f.role!)),
        ),
      )
      .orderBy('u.id', 'desc')
      .limit(f.limit + 1)
    if (f.q) query = query.where(personMatches(f.q))
    if (f.status) query = query.where('u.status', '=', f.status)
    if (f.startingAfter) query = query.where('u.id', '<', beforeIdCursor(f.startingAfter))
    const page = pageOf(await query.execute(), f.limit, (r) => [r.id])
    return {
      ...page,
      data: page.data.map((r) => ({
        id: r.id,
        display_name: r.display_name,
        status: r.status as 'active' | 'suspended',
        suspended_reason: r.suspended_reason,
        roles: r.roles,
        email_masked: r.email ? maskEmail(r.email) : null,
        phone_masked: r.phone ? maskPhone(r.phone) : null,
        created_at: r.created_at,
        last_sign_in_at: r.last_sign_in_at,
      })),
    }
  })
}

async function marketplaceRoles(tx: AnyTx, userId: string, marketplace: string): Promise<string[] | null> {
  const t = view(tx)
  const user = await t.selectFrom('identity.users').select('id').where('id', '=', userId).executeTakeFirst()
  if (!user) return null
  const rows = await t
    .selectFrom('identity.memberships as m')
    .innerJoin('identity.organizations as o', 'o.id', 'm.organization_id')
    .select(['m.role', 'o.marketplace'])
    .where('m.user_id', '=', userId)
    .execute()
  if (!rows.some((r) => r.marketplace === marketplace)) return null
  return rows.map((r) => r.role)
}

/**
 * A person's contacts for a marketplace admin, with the reason they gave; the read is logged
 * (`platform.pii_access_log`, subject `<marketplace>.user`). 404 for someone outside the marketplace.
 */
export async function marketplacePersonContacts(
  tx: AnyTx,
  input: { marketplace: 'splits' | 'ofair'; userId: string; reason: string },
) {
  return asSystem(tx, 'identity.marketplace_contacts', async () => {
    if (!(await marketplaceRoles(tx, input.userId, input.marketplace)))
      throw new AppError('not_found', 'No such person in this marketplace')
    const c = await view(tx)
      .selectFrom('identity.user_contacts')
      .select(['email', 'phone'])
      .where('user_id', '=', input.userId)
      .executeTakeFirst()
    const fields = [c?.email ? 'email' : null, c?.phone ? 'phone' : null].filter(
      (x): x is string => x !== null,
    )
    await logPiiReveal(tx, {
      subjectType: `${input.marketplace}.user`,
      subjectId: input.userId,
      fields,
      purpose: input.reason,
    })
    return { user_id: input.userId, email: c?.email ?? null, phone: c?.phone ?? null }
  })
}

/**
 * Suspends or reactivates a person of the marketplace, with the admin's reason, audited. A
 * suspended person cannot sign in, and every live session ends in the same transaction. Admins
 * (of any marketplace) are out of reach here, as is anyone without a role in the marketplace (404).
 */
export async function setMarketplacePersonStatus(
  tx: AnyTx,
  input: {
    marketplace: 'splits' | 'ofair'
    adminId: string
    actorRole: string
    userId: string
    suspend: boolean
    reason: string
    now: Date
  },
) {
  if (input.userId === input.adminId) throw new AppError('forbidden', 'You cannot change your own status')
  return asSystem(tx, 'identity.marketplace_status', async () => {
    const roles = await marketplaceRoles(tx, input.userId, input.marketplace)
    if (!roles) throw new AppError('not_found', 'No such person in this marketplace')
    if (roles.some((r) => ADMIN_ROLES.includes(r)))
      throw new AppError('forbidden', 'Admins are suspended by a platform admin only')
    const t = view(tx)
    const before = await t
      .selectFrom('identity.users')
      .select(['status', 'suspended_reason'])
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const target = input.suspend ? 'suspended' : 'active'
    if (before.status === target)
      throw new AppError('invalid_state_transition', `The person is already ${target}`)
    await t
      .updateTable('identity.users')
      .set({ status: target, suspended_reason: input.suspend ? input.reason : null, updated_at: input.now })
      .where('id', '=', input.userId)
      .execute()
    const revoked = input.suspend
      ? await revokeAllSessions(t, input.userId, `suspended by a ${input.marketplace} admin`, input.now)
      : 0
    await appendAudit(tx, {
      action: input.suspend ? 'identity.user_suspended' : 'identity.user_reactivated',
      entityType: 'user',
      entityId: input.userId,
      before,
      after: { status: target, reason: input.reason, sessions_revoked: revoked, by: input.adminId },
      actorUserId: input.adminId,
      actorRole: input.actorRole,
    })
    return { id: input.userId, status: target as 'active' | 'suspended', sessions_revoked: revoked }
  })
}
