import { sql } from 'kysely'
import { escapeLike } from '../../../kernel/db/like.ts'
import { AppError } from '../../../kernel/errors.ts'
import { pageOf, textIdCursor } from '../../../kernel/http/pagination.ts'
import { onTeam, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

/** A company's name and organisation, or 404. */
export async function companyRef(tx: RecruitingTx, companyId: string) {
  const company = await tx
    .selectFrom('ats.companies')
    .select(['id', 'organization_id', 'name'])
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!company) throw new AppError('not_found', 'No such company')
  return company
}

/** One company with its counts; billing details only for its team and platform admins. */
export async function getCompany(tx: RecruitingTx, caller: SplitsCaller, companyId: string) {
  const company = await tx
    .selectFrom('ats.companies as c')
    .leftJoin('ats.company_billing as b', 'b.company_id', 'c.id')
    .selectAll('c')
    .select([
      'b.billing_email',
      'b.billing_contact_name',
      'b.billing_address',
      'b.tax_id',
      sql<boolean>`b.company_id is not null`.as('billing_visible'),
      sql<number>`(select count(*)::int from ats.roles r where r.company_id = c.id and r.status = 'open')`.as(
        'open_roles',
      ),
      sql<number>`(select count(*)::int from ats.placements p where p.company_id = c.id)`.as('placements'),
      sql<Record<string, number>>`(select coalesce(jsonb_object_agg(status, n), '{}'::jsonb)
        from (select r.status, count(*)::int as n from ats.roles r where r.company_id = c.id group by r.status) s)`.as(
        'roles_by_status',
      ),
    ])
    .where('c.id', '=', companyId)
    .executeTakeFirst()
  if (!company) throw new AppError('not_found', 'No such company')
  // row-level security hides billing from everyone else already; the service says so too
  return { ...company, billing_visible: company.billing_visible && onTeam(caller, companyId) }
}

/** The network's companies, or with `mine` only those whose hiring team the caller is on. */
export async function listCompanies(
  tx: RecruitingTx,
  caller: SplitsCaller,
  f: {
    q?: string | undefined
    mine?: boolean | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  const myRole = new Map<string, 'company_admin' | 'hiring_manager'>()
  for (const m of caller.principal?.memberships ?? []) {
    if (m.role === 'company_admin') myRole.set(m.organizationId, 'company_admin')
    else if (m.role === 'hiring_manager' && !myRole.has(m.organizationId))
      myRole.set(m.organizationId, 'hiring_manager')
  }
  if (f.mine && myRole.size === 0) return { data: [], has_more: false, next_cursor: null }
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
    .orderBy('c.id')
    .limit(f.limit + 1)
  if (f.startingAfter) {
    // names are not unique: the cursor is (name, id), compared as a row
    const after = textIdCursor(f.startingAfter)
    query = query.where(sql<boolean>`(c.name, c.id) > (${after.text}, ${after.id}::uuid)`)
  }
  if (f.q) query = query.where('c.name', 'ilike', `%${escapeLike(f.q)}%`)
  if (f.mine) query = query.where('c.organization_id', 'in', [...myRole.keys()])
  const rows = await query.execute()
  return pageOf(
    rows.map((r) => ({ ...r, my_role: myRole.get(r.organization_id) ?? null })),
    f.limit,
    (r) => [r.name, r.id],
  )
}
