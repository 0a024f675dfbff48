import { sql } from 'kysely'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { UUID_PATTERN } from '../../../kernel/ids.ts'
import { organizationIdsBySlug, organizationSlugs } from '../../identity/index.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { getRecruiter } from '../recruiters/queries.ts'
import { roleSummaryOut } from '../roles/presenter.ts'
import { searchMarketplace } from './marketplace.ts'

/**
 * A company's public profile: what it says about itself, where it hires, its open roles (those
 * the caller may see) and how many hires it made through the platform. Never its billing,
 * payment terms, contracts, team, drafts or closed roles. `ref` is its slug or its id.
 */
export async function companyProfile(tx: RecruitingTx, caller: SplitsCaller, ref: string) {
  let companyQuery = tx
    .selectFrom('ats.companies')
    .select([
      'id',
      'organization_id',
      'name',
      'description',
      'industry',
      'size_band',
      'headquarters',
      'website',
      'created_at',
    ])
  if (UUID_PATTERN.test(ref)) companyQuery = companyQuery.where('id', '=', ref)
  else {
    const org = (await organizationIdsBySlug(tx, [ref.toLowerCase()])).get(ref.toLowerCase())
    if (!org) throw new AppError('not_found', 'No such company')
    companyQuery = companyQuery.where('organization_id', '=', org)
  }
  const company = await companyQuery.executeTakeFirst()
  if (!company) throw new AppError('not_found', 'No such company')
  const slug =
    (await organizationSlugs(tx, [company.organization_id])).get(company.organization_id) ?? company.id
  const roles = await searchMarketplace(tx, caller, {
    company_id: company.id,
    status: ['open'],
    sort: 'newest',
    limit: 50,
  })
  // aggregates over rows the caller may not read one by one (other recruiters' placements, every
  // open role's place): counted as the system, and only the counts and places leave
  const { placements, places } = await asSystem(tx, 'recruiting.company_profile', async () => ({
    placements: (
      await tx
        .selectFrom('ats.placements')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('company_id', '=', company.id)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
    places: (
      await tx
        .selectFrom('ats.roles')
        .select('location')
        .distinct()
        .where('company_id', '=', company.id)
        .where('status', '=', 'open')
        .where('visibility', '=', 'all')
        .where('location', 'is not', null)
        .orderBy('location')
        .limit(20)
        .execute()
    ).map((r) => r.location as string),
  }))
  const locations = [...new Set([company.headquarters, ...places].filter((p): p is string => Boolean(p)))]
  return {
    id: company.id,
    slug,
    name: company.name,
    about: company.description,
    industry: company.industry,
    size_band: company.size_band,
    headquarters: company.headquarters,
    website: company.website,
    locations,
    open_roles_count: roles.total_count,
    open_roles: roles.data.map(roleSummaryOut),
    placements_count: placements,
    member_since: company.created_at,
  }
}

/**
 * A recruiter's public profile: who they are and what they specialise in, and a track record
 * counted from placements themselves: verified placements are those past their guarantee that did
 * not fall off. No star ratings (seed 002 §8.6), no plan, no contact details.
 */
export async function recruiterProfile(tx: RecruitingTx, id: string, today: string) {
  const r = await getRecruiter(tx, id)
  const counts = await asSystem(tx, 'recruiting.recruiter_profile', async () =>
    tx
      .selectFrom('network.recruiters as rc')
      .select([
        sql<number>`(select count(distinct p.id)::int from ats.placements p
          join ats.placement_splits s on s.placement_id = p.id
          where s.recruiter_id = rc.id and p.status = 'active' and p.guarantee_ends_on < ${today}::date)`.as(
          'verified',
        ),
        sql<number>`(select count(distinct p.id)::int from ats.placements p
          join ats.placement_splits s on s.placement_id = p.id
          where s.recruiter_id = rc.id and p.status = 'active' and p.guarantee_ends_on >= ${today}::date)`.as(
          'in_guarantee',
        ),
        sql<number>`(select count(distinct a.role_id)::int from ats.applications a where a.recruiter_id = rc.id)`.as(
          'roles',
        ),
        sql<number>`(select count(distinct a.company_id)::int from ats.applications a where a.recruiter_id = rc.id)`.as(
          'companies',
        ),
      ])
      .where('rc.id', '=', id)
      .executeTakeFirstOrThrow(),
  )
  return {
    id: r.id,
    display_name: r.display_name ?? '',
    headline: r.headline,
    bio: r.bio,
    location: r.location,
    years_experience: r.years_experience,
    linkedin_url: r.linkedin_url,
    agency: r.agency_organization_id ? { id: r.agency_organization_id, name: r.agency_name ?? '' } : null,
    specializations: {
      industry: r.industry ?? [],
      function: r.function ?? [],
      seniority: r.seniority ?? [],
      locations: r.locations ?? [],
    },
    verified_placements: counts.verified,
    placements_in_guarantee: counts.in_guarantee,
    roles_worked: counts.roles,
    companies_worked_with: counts.companies,
    member_since: r.created_at,
  }
}
