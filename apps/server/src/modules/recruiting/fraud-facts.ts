import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { RecruitingTx } from './database.ts'

/** Another candidate record that looks like the same person, and how it matched. */
export interface SamePersonRecord {
  candidate_id: string
  recruiter_id: string
  created_at: Date
  /** `email`, `phone`, `linkedin`, `github` (identity keys), `name+title`, `name+location`. */
  matched_on: string[]
  applications: { application_id: string; role_id: string; company_id: string; submitted_at: Date }[]
}

/**
 * For fraud detection (as the system): the other records of the person a candidate record
 * describes — by a shared identity key digest, or by the same normalised name with the same title
 * or place — each with its submissions. Only ids, dates and how they matched; no personal data.
 */
export async function samePersonRecords(anyTx: AnyTx, candidateId: string): Promise<SamePersonRecord[]> {
  const tx = anyTx as RecruitingTx
  const me = await tx
    .selectFrom('ats.candidates')
    .select('full_name')
    .where('id', '=', candidateId)
    .executeTakeFirst()
  if (!me) return []
  // each word of the name must appear in search_text (its trigram index), then the exact check
  const words = me.full_name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((x) => x.length >= 3)
    .slice(0, 4)
    .map((x) => `%${x.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  const byWords = words.length
    ? sql.join(
        words.map((p) => sql`c.search_text like ${p}`),
        sql` and `,
      )
    : sql`true`
  const rows = await sql<{
    candidate_id: string
    recruiter_id: string
    created_at: Date
    matched_on: string[]
  }>`
    with me as (
      select c.id, lower(coalesce(c.current_title, '')) as title, lower(coalesce(c.location, '')) as location,
             regexp_replace(lower(c.full_name), '[^[:alnum:]]+', ' ', 'g') as name
        from ats.candidates c where c.id = ${candidateId}
    ), by_key as (
      select o.candidate_id, o.kind::text as how
        from ats.candidate_identity_keys k
        join ats.candidate_identity_keys o on o.kind = k.kind and o.key_hash = k.key_hash
       where k.candidate_id = ${candidateId} and o.candidate_id <> ${candidateId}
    ), by_name as (
      select c.id as candidate_id,
             case when lower(coalesce(c.current_title, '')) = me.title and me.title <> '' then 'name+title'
                  else 'name+location' end as how
        from ats.candidates c, me
       where c.id <> me.id and ${byWords}
         and regexp_replace(lower(c.full_name), '[^[:alnum:]]+', ' ', 'g') = me.name
         and ((me.title <> '' and lower(coalesce(c.current_title, '')) = me.title)
              or (me.location <> '' and lower(coalesce(c.location, '')) = me.location))
    ), hits as (select * from by_key union select * from by_name)
    select c.id as candidate_id, c.recruiter_id, c.created_at, array_agg(distinct h.how order by h.how) as matched_on
      from hits h join ats.candidates c on c.id = h.candidate_id
     group by c.id, c.recruiter_id, c.created_at
     limit 50`.execute(tx)
  if (rows.rows.length === 0) return []
  const apps = await tx
    .selectFrom('ats.applications')
    .select(['id', 'candidate_id', 'role_id', 'company_id', 'submitted_at'])
    .where(
      'candidate_id',
      'in',
      rows.rows.map((r) => r.candidate_id),
    )
    .execute()
  return rows.rows.map((r) => ({
    ...r,
    applications: apps
      .filter((a) => a.candidate_id === r.candidate_id)
      .map((a) => ({
        application_id: a.id,
        role_id: a.role_id,
        company_id: a.company_id,
        submitted_at: a.submitted_at,
      })),
  }))
}

/** How many applications a recruiter submitted since a moment (the hold's daily limit). */
export async function submissionsSince(anyTx: AnyTx, recruiterId: string, since: Date): Promise<number> {
  const tx = anyTx as RecruitingTx
  const row = await tx
    .selectFrom('ats.applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recruiter_id', '=', recruiterId)
    .where('submitted_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Demo seeds: recruiters (not those of `excludeUserIds`) with their latest applications' ids. */
export async function recruitersWithApplications(
  anyTx: AnyTx,
  n: number,
  excludeUserIds: readonly string[],
): Promise<
  { recruiter_id: string; applications: { id: string; candidate_id: string; company_id: string }[] }[]
> {
  const tx = anyTx as RecruitingTx
  const rows = await sql<{ recruiter_id: string; id: string; candidate_id: string; company_id: string }>`
    with r as (
      select r.id from network.recruiters r
       where not (r.user_id = any(${[...excludeUserIds]}::uuid[]))
         and exists (select 1 from ats.applications a where a.recruiter_id = r.id)
       order by r.id limit ${n}
    )
    select r.id as recruiter_id, a.id, a.candidate_id, a.company_id
      from r cross join lateral (select * from ats.applications a where a.recruiter_id = r.id
                                  order by a.submitted_at desc limit 3) a`.execute(tx)
  const by = new Map<string, { id: string; candidate_id: string; company_id: string }[]>()
  for (const row of rows.rows)
    by.set(row.recruiter_id, [
      ...(by.get(row.recruiter_id) ?? []),
      { id: row.id, candidate_id: row.candidate_id, company_id: row.company_id },
    ])
  return [...by].map(([recruiter_id, applications]) => ({ recruiter_id, applications }))
}
