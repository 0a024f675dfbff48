import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { decodeCursor, pageOf } from '../../kernel/http/pagination.ts'
import { requireRecruiter } from './access.ts'

export interface Specializations {
  industry: string[]
  function: string[]
  seniority: string[]
  locations: string[]
}

export interface RecruiterProfileInput {
  headline?: string | null | undefined
  bio?: string | null | undefined
  years_experience?: number | null | undefined
  linkedin_url?: string | null | undefined
  location?: string | null | undefined
  specializations?: Partial<Specializations> | undefined
}

const recruiterSelect = (tx: Tx) =>
  tx
    .selectFrom('network.recruiters as r')
    .innerJoin('identity.users as u', 'u.id', 'r.user_id')
    .leftJoin('network.recruiter_specializations as s', 's.recruiter_id', 'r.id')
    .leftJoin('identity.organizations as a', 'a.id', 'r.agency_organization_id')
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
      'a.id as agency_id',
      'a.name as agency_name',
      's.industry',
      's.function',
      's.seniority',
      's.locations',
      sql<number>`(select count(*)::int from ats.placement_splits ps where ps.recruiter_id = r.id)`.as(
        'placements',
      ),
    ])

export type RecruiterRow = Awaited<ReturnType<ReturnType<typeof recruiterSelect>['executeTakeFirstOrThrow']>>

export async function getMyRecruiterProfile(tx: Tx, p: Principal): Promise<RecruiterRow> {
  const id = await requireRecruiter(tx, p)
  return recruiterSelect(tx).where('r.id', '=', id).executeTakeFirstOrThrow()
}

export async function getRecruiter(tx: Tx, id: string): Promise<RecruiterRow> {
  const row = await recruiterSelect(tx).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such recruiter')
  return row
}

export async function updateMyRecruiterProfile(
  tx: Tx,
  p: Principal,
  input: RecruiterProfileInput,
  now: Date,
) {
  const id = await requireRecruiter(tx, p)
  const { specializations, ...profile } = input
  if (Object.keys(profile).length) {
    await tx
      .updateTable('network.recruiters')
      .set({ ...profile, updated_at: now })
      .where('id', '=', id)
      .execute()
  }
  if (specializations) {
    await tx
      .updateTable('network.recruiter_specializations')
      .set({ ...specializations, updated_at: now })
      .where('recruiter_id', '=', id)
      .execute()
  }
  return getMyRecruiterProfile(tx, p)
}

/** Recruiters by specialisation (companies choosing whom to invite; admins). */
export async function searchRecruiters(
  tx: Tx,
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
  if (f.q) query = query.where('u.display_name', 'ilike', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
  if (f.function) query = query.where(sql<boolean>`${f.function} = any(s.function)`)
  if (f.industry) query = query.where(sql<boolean>`${f.industry} = any(s.industry)`)
  if (f.startingAfter) query = query.where('r.id', '<', String(decodeCursor(f.startingAfter, ['string'])[0]))
  return pageOf(await query.execute(), f.limit, (r) => [r.id])
}
