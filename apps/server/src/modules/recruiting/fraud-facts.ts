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
  return (await samePersonRecordsMany(anyTx, [candidateId])).get(candidateId) ?? []
}

/**
 * `samePersonRecords` for many candidate records in one statement (fraud's batched detectors): a
 * map from each given id to its other records (at most 50 each, oldest first). The name arm looks
 * each given record's normalised name (`name_key`, a stored column) up in its index: equality on
 * a column is leakproof, so row-level security lets the index serve it (migration 0090).
 */
export async function samePersonRecordsMany(
  anyTx: AnyTx,
  candidateIds: readonly string[],
): Promise<Map<string, SamePersonRecord[]>> {
  const tx = anyTx as RecruitingTx
  const out = new Map<string, SamePersonRecord[]>()
  const ids = [...new Set(candidateIds)]
  if (ids.length === 0) return out
  const rows = await sql<{
    me_id: string
    candidate_id: string
    recruiter_id: string
    created_at: Date
    matched_on: string[]
    applications: { application_id: string; role_id: string; company_id: string; submitted_at: string }[]
  }>`
    with me as materialized (
      select c.id, lower(coalesce(c.current_title, '')) as title, lower(coalesce(c.location, '')) as location,
             c.name_key as name
        from ats.candidates c where c.id = any(${ids}::uuid[])
    ), by_key as (
      select k.candidate_id as me_id, o.candidate_id, o.kind::text as how
        from ats.candidate_identity_keys k
        join ats.candidate_identity_keys o on o.kind = k.kind and o.key_hash = k.key_hash
       where k.candidate_id = any(${ids}::uuid[]) and o.candidate_id <> k.candidate_id
    ), by_name as (
      select me.id as me_id, c.id as candidate_id,
             case when lower(coalesce(c.current_title, '')) = me.title and me.title <> '' then 'name+title'
                  else 'name+location' end as how
        from ats.candidates c
        join me on c.name_key = me.name
       where c.id <> me.id
         and ((me.title <> '' and lower(coalesce(c.current_title, '')) = me.title)
              or (me.location <> '' and lower(coalesce(c.location, '')) = me.location))
    ), hits as (select * from by_key union select * from by_name),
    records as (
      select h.me_id, c.id as candidate_id, c.recruiter_id, c.created_at,
             array_agg(distinct h.how order by h.how) as matched_on,
             row_number() over (partition by h.me_id order by c.created_at, c.id) as n
        from hits h join ats.candidates c on c.id = h.candidate_id
       group by h.me_id, c.id, c.recruiter_id, c.created_at
    )
    select r.me_id, r.candidate_id, r.recruiter_id, r.created_at, r.matched_on,
           coalesce((select json_agg(json_build_object('application_id', a.id, 'role_id', a.role_id,
                                                       'company_id', a.company_id, 'submitted_at', a.submitted_at)
                                     order by a.submitted_at, a.id)
                       from ats.applications a where a.candidate_id = r.candidate_id), '[]') as applications
      from records r
     where r.n <= 50
     order by r.me_id, r.n`.execute(tx)
  for (const r of rows.rows) {
    const list = out.get(r.me_id) ?? []
    list.push({
      candidate_id: r.candidate_id,
      recruiter_id: r.recruiter_id,
      created_at: r.created_at,
      matched_on: r.matched_on,
      applications: r.applications.map((a) => ({ ...a, submitted_at: new Date(a.submitted_at) })),
    })
    out.set(r.me_id, list)
  }
  return out
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
