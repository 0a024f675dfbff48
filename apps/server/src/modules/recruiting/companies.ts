import { sql } from 'kysely'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { Tx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { normalizeEmail } from '../identity/index.ts'
import { assertCompanyTeam, isPlatformAdmin } from './access.ts'

export interface CompanyInput {
  name: string
  website?: string | null | undefined
  industry?: string | null | undefined
  size_band?: string | null | undefined
  headquarters?: string | null | undefined
  description?: string | null | undefined
  payment_terms?: 'net_30' | 'net_60' | 'net_90' | undefined
  default_currency?: string | undefined
}

export interface BillingInput {
  billing_email?: string | null | undefined
  billing_contact_name?: string | null | undefined
  billing_address?: string | null | undefined
  tax_id?: string | null | undefined
}

const slugOf = (name: string) =>
  `${
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'company'
  }-${Math.random().toString(36).slice(2, 7)}`

/** A new company: its identity organisation, profile and billing record. Platform admins only. */
export async function createCompany(tx: Tx, input: CompanyInput & BillingInput, now: Date): Promise<string> {
  const org = await tx
    .insertInto('identity.organizations')
    .values({ kind: 'company', marketplace: 'splits', name: input.name, slug: slugOf(input.name) })
    .returning('id')
    .executeTakeFirstOrThrow()
  const company = await tx
    .insertInto('ats.companies')
    .values({
      organization_id: org.id,
      name: input.name,
      website: input.website ?? null,
      industry: input.industry ?? null,
      size_band: input.size_band ?? null,
      headquarters: input.headquarters ?? null,
      description: input.description ?? null,
      payment_terms: input.payment_terms ?? 'net_30',
      default_currency: input.default_currency ?? 'USD',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.company_billing')
    .values({
      company_id: company.id,
      billing_email: input.billing_email ?? null,
      billing_contact_name: input.billing_contact_name ?? null,
      billing_address: input.billing_address ?? null,
      tax_id: input.tax_id ?? null,
    })
    .execute()
  await appendAudit(tx, {
    action: 'company.created',
    entityType: 'company',
    entityId: company.id,
    after: input,
    actorRole: 'platform_admin',
  })
  return company.id
}

export async function updateCompany(
  tx: Tx,
  p: Principal,
  companyId: string,
  patch: Partial<CompanyInput> & BillingInput,
  now: Date,
) {
  await assertCompanyTeam(tx, p, companyId, true)
  const { billing_email, billing_contact_name, billing_address, tax_id, ...profile } = patch
  const before = await tx
    .selectFrom('ats.companies')
    .selectAll()
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!before) throw new AppError('not_found', 'No such company')
  if (Object.keys(profile).length) {
    await tx
      .updateTable('ats.companies')
      .set({ ...profile, updated_at: now })
      .where('id', '=', companyId)
      .execute()
  }
  const billing = { billing_email, billing_contact_name, billing_address, tax_id }
  if (Object.values(billing).some((v) => v !== undefined)) {
    const set = Object.fromEntries(Object.entries(billing).filter(([, v]) => v !== undefined))
    await tx
      .updateTable('ats.company_billing')
      .set({ ...set, updated_at: now })
      .where('company_id', '=', companyId)
      .execute()
  }
  await appendAudit(tx, {
    action: 'company.updated',
    entityType: 'company',
    entityId: companyId,
    before: { payment_terms: before.payment_terms, name: before.name },
    after: patch,
    actorRole: isPlatformAdmin(p) ? 'platform_admin' : 'company_admin',
  })
}

export async function getCompany(tx: Tx, p: Principal, companyId: string) {
  const company = await tx
    .selectFrom('ats.companies')
    .selectAll()
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!company) throw new AppError('not_found', 'No such company')
  // billing details come back only where row-level security lets them (team, admins)
  const billing = await tx
    .selectFrom('ats.company_billing')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  const counts = await sql<{
    open_roles: number
    placements: number
    roles_by_status: Record<string, number>
  }>`
    select (select count(*)::int from ats.roles where company_id = ${companyId} and status = 'open') as open_roles,
           (select count(*)::int from ats.placements where company_id = ${companyId}) as placements,
           (select coalesce(jsonb_object_agg(status, n), '{}'::jsonb)
              from (select status, count(*)::int as n from ats.roles where company_id = ${companyId} group by status) s)
             as roles_by_status`.execute(tx)
  const isTeam =
    isPlatformAdmin(p) ||
    (await tx
      .selectFrom('identity.memberships')
      .select('id')
      .where('user_id', '=', p.userId)
      .where('organization_id', '=', company.organization_id)
      .executeTakeFirst()) !== undefined
  return { company, billing: isTeam ? (billing ?? null) : null, ...counts.rows[0]! }
}

/** The network's companies, or with `mine` only those whose hiring team the caller is on. */
export async function listCompanies(
  tx: Tx,
  p: Principal,
  f: { q?: string | undefined; mine?: boolean | undefined; limit: number },
) {
  const myRole = new Map<string, 'company_admin' | 'hiring_manager'>()
  for (const m of p.memberships) {
    if (m.role === 'company_admin') myRole.set(m.organizationId, 'company_admin')
    else if (m.role === 'hiring_manager' && !myRole.has(m.organizationId))
      myRole.set(m.organizationId, 'hiring_manager')
  }
  if (f.mine && myRole.size === 0) return []
  let query = tx
    .selectFrom('ats.companies as c')
    .select([
      'c.id',
      'c.organization_id',
      'c.name',
      'c.industry',
      'c.headquarters',
      'c.size_band',
      'c.payment_terms',
      sql<number>`(select count(*)::int from ats.roles r where r.company_id = c.id and r.status = 'open')`.as(
        'open_roles',
      ),
    ])
    .orderBy('c.name')
    .limit(f.limit)
  if (f.q) query = query.where('c.name', 'ilike', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
  if (f.mine) query = query.where('c.organization_id', 'in', [...myRole.keys()])
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, my_role: myRole.get(r.organization_id) ?? null }))
}

/** The hiring team: company admins and hiring managers. */
export async function listTeam(tx: Tx, p: Principal, companyId: string) {
  await assertCompanyTeam(tx, p, companyId)
  return tx
    .selectFrom('identity.memberships as m')
    .innerJoin('ats.companies as c', 'c.organization_id', 'm.organization_id')
    .innerJoin('identity.users as u', 'u.id', 'm.user_id')
    .select(['m.id as membership_id', 'u.id as user_id', 'u.display_name', 'm.role', 'm.created_at'])
    .where('c.id', '=', companyId)
    .where('m.role', 'in', ['company_admin', 'hiring_manager'])
    .orderBy('u.display_name')
    .execute()
}

/**
 * Adds someone to the hiring team by email. A new address gets an account (they sign in with a
 * code sent to it). Company admins only. Runs as the system for the identity writes it needs.
 */
export async function addTeamMember(
  tx: Tx,
  p: Principal,
  companyId: string,
  input: { email: string; display_name: string; role: 'company_admin' | 'hiring_manager' },
) {
  await assertCompanyTeam(tx, p, companyId, true)
  const email = normalizeEmail(input.email)
  if (!email) {
    throw new AppError('validation_failed', 'body.email: is not an email address', {
      errors: [{ field: 'body.email', message: 'is not an email address' }],
    })
  }
  const company = await tx
    .selectFrom('ats.companies')
    .select(['organization_id', 'name'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  return asSystem(tx, 'add-team-member', async () => {
    const existing = await tx
      .selectFrom('identity.user_contacts')
      .select('user_id')
      .where('email', '=', email)
      .executeTakeFirst()
    const userId =
      existing?.user_id ??
      (
        await tx
          .insertInto('identity.users')
          .values({ display_name: input.display_name })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    if (!existing) await tx.insertInto('identity.user_contacts').values({ user_id: userId, email }).execute()
    const added = await tx
      .insertInto('identity.memberships')
      .values({
        user_id: userId,
        organization_id: company.organization_id,
        role: input.role,
        granted_by: p.userId,
      })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!added) throw new AppError('conflict', `That person is already a ${input.role} of ${company.name}`)
    await appendAudit(tx, {
      action: 'company.team_member_added',
      entityType: 'company',
      entityId: companyId,
      after: { user_id: userId, role: input.role },
      actorUserId: p.userId,
      actorRole: isPlatformAdmin(p) ? 'platform_admin' : 'company_admin',
    })
    return userId
  })
}
