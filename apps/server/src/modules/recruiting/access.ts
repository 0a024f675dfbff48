import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'

export const isPlatformAdmin = (p: Principal) => p.roles.includes('platform_admin')

/**
 * The caller's recruiter profile id. A person with the recruiter role gets a profile on first
 * use; anyone else is refused.
 */
export async function requireRecruiter(tx: Tx, p: Principal): Promise<string> {
  const id = await recruiterIdOf(tx, p)
  if (!id) throw new AppError('forbidden', 'Only recruiters can do this')
  return id
}

/** The caller's recruiter profile id; recruiters get theirs on first use, others have none. */
export async function recruiterIdOf(tx: Tx, p: Principal): Promise<string | null> {
  const found = await findRecruiterId(tx, p.userId)
  if (found) return found
  return p.roles.includes('recruiter') ? createRecruiter(tx, p.userId) : null
}

/**
 * A person's recruiter id and an organisation's company id never change once they exist (rows are
 * never deleted or re-pointed), so each process remembers them: two round trips fewer on most
 * marketplace requests. Only found rows are cached, never absences.
 */
const recruiterIds = new Map<string, string>()
const companyIds = new Map<string, string>()
const CACHE_LIMIT = 50_000

async function findRecruiterId(tx: Tx, userId: string): Promise<string | null> {
  const known = recruiterIds.get(userId)
  if (known) return known
  const found = await tx
    .selectFrom('network.recruiters')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!found) return null
  if (recruiterIds.size >= CACHE_LIMIT) recruiterIds.clear()
  recruiterIds.set(userId, found.id)
  return found.id
}

/** A new recruiter profile with empty specialisations; a concurrent first use wins harmlessly. */
async function createRecruiter(tx: Tx, userId: string): Promise<string> {
  const created = await tx
    .insertInto('network.recruiters')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!created) {
    // Another request created it first; its row is committed, so this read finds it.
    const existing = await findRecruiterId(tx, userId)
    if (!existing) throw new Error('recruiter profile missing after an insert conflict')
    return existing
  }
  await tx.insertInto('network.recruiter_specializations').values({ recruiter_id: created.id }).execute()
  return created.id
}

/** Companies whose hiring team the caller is on (company_admin or hiring_manager). */
export async function teamCompanyIds(tx: Tx, p: Principal, onlyAdmin = false): Promise<string[]> {
  const orgIds = [
    ...new Set(
      p.memberships
        .filter((m) =>
          onlyAdmin ? m.role === 'company_admin' : m.role === 'company_admin' || m.role === 'hiring_manager',
        )
        .map((m) => m.organizationId),
    ),
  ]
  const missing = orgIds.filter((o) => !companyIds.has(o))
  if (missing.length) {
    const rows = await tx
      .selectFrom('ats.companies')
      .select(['id', 'organization_id'])
      .where('organization_id', 'in', missing)
      .execute()
    if (companyIds.size >= CACHE_LIMIT) companyIds.clear()
    for (const r of rows) companyIds.set(r.organization_id, r.id)
  }
  return orgIds.flatMap((o) => {
    const id = companyIds.get(o)
    return id ? [id] : []
  })
}

/** Refuses unless the caller is on the company's hiring team (or a platform admin). */
export async function assertCompanyTeam(
  tx: Tx,
  p: Principal,
  companyId: string,
  onlyAdmin = false,
): Promise<void> {
  if (isPlatformAdmin(p)) return
  if (!(await teamCompanyIds(tx, p, onlyAdmin)).includes(companyId)) {
    throw new AppError(
      'forbidden',
      onlyAdmin ? 'Only the company’s admins can do this' : 'Only the company’s hiring team can do this',
    )
  }
}

/** Serialises work on one aggregate inside the transaction (read-then-write invariants). */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx)
}
