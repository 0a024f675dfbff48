import { sql } from 'kysely'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { escapeLike } from '../../../kernel/db/like.ts'
import { AppError } from '../../../kernel/errors.ts'
import { beforeIdCursor, pageOf } from '../../../kernel/http/pagination.ts'
import { organizationNames } from '../../identity/index.ts'
import type { RecruitingTx } from '../database.ts'

const recruiterSelect = (tx: RecruitingTx) =>
  tx
    .selectFrom('network.recruiters as r')
    .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
    .leftJoin('network.recruiter_specializations as s', 's.recruiter_id', 'r.id')
    .select([
      'r.id',
      'r.user_id',
      'u.display_name',
      'r.headline',
      'r.bio',
      'r.plan_tier',
      'r.years_experience',
      'r.linkedin_url',
      'r.location',
      'r.status',
      'r.created_at',
      'r.agency_organization_id',
      's.industry',
      's.function',
      's.seniority',
      's.locations',
      sql<number>`(select count(*)::int from ats.placement_splits ps where ps.recruiter_id = r.id)`.as(
        'placements',
      ),
    ])

type Row = Awaited<ReturnType<ReturnType<typeof recruiterSelect>['execute']>>[number]
export type RecruiterRow = Row & { agency_name: string | null }

/** Agencies' names come from identity (organisations are its own). */
async function withAgencies(tx: RecruitingTx, rows: Row[]): Promise<RecruiterRow[]> {
  const names = await organizationNames(
    tx,
    rows.flatMap((r) => (r.agency_organization_id ? [r.agency_organization_id] : [])),
  )
  return rows.map((r) => ({
    ...r,
    agency_name: r.agency_organization_id ? (names.get(r.agency_organization_id) ?? null) : null,
  }))
}

export async function getRecruiter(tx: RecruitingTx, id: string): Promise<RecruiterRow> {
  const row = await recruiterSelect(tx).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such recruiter')
  return (await withAgencies(tx, [row]))[0]!
}

/** Recruiters by specialisation (companies choosing whom to invite; admins), newest first. */
export async function searchRecruiters(
  tx: RecruitingTx,
  f: {
    q?: string | undefined
    function?: string | undefined
    industry?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let query = recruiterSelect(tx)
    .where('r.status', '=', 'active')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
  if (f.q) query = query.where('u.display_name', 'ilike', `%${escapeLike(f.q)}%`)
  if (f.function) query = query.where(sql<boolean>`${f.function} = any(s.function)`)
  if (f.industry) query = query.where(sql<boolean>`${f.industry} = any(s.industry)`)
  if (f.startingAfter) query = query.where('r.id', '<', beforeIdCursor(f.startingAfter))
  const page = pageOf(await query.execute(), f.limit, (r) => [r.id])
  return { ...page, data: await withAgencies(tx, page.data) }
}

/** Recruiters' display names by recruiter id (as the caller may see them: row-level security applies). */
export async function recruiterNames(
  anyTx: AnyTx,
  recruiterIds: readonly string[],
): Promise<Map<string, string>> {
  if (recruiterIds.length === 0) return new Map()
  const rows = await (anyTx as RecruitingTx)
    .selectFrom('network.recruiters as r')
    .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
    .select(['r.id', 'u.display_name'])
    .where('r.id', 'in', [...new Set(recruiterIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.display_name ?? '']))
}
