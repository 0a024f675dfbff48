import { sql } from 'kysely'
import { containsPattern } from '../../../kernel/db/like.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { olderThanCursor, pageOf, textIdCursor } from '../../../kernel/http/pagination.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { signedFileUrl } from '../files/signed-url.ts'
import { refuse } from '../messages.ts'
import { reviewDisplayMode, shownReviewer } from '../reviews/display.ts'

/** The columns every view of a professional starts from, with names of their category and place. */
function professionalRows(tx: OfairTx) {
  return tx
    .selectFrom('ofair.professionals as p')
    .innerJoin('ofair.categories as c', 'c.id', 'p.profession_category_id')
    .innerJoin('ofair.localities as l', 'l.id', 'p.base_locality_id')
    .select([
      'p.id',
      'p.user_id',
      'p.display_name',
      'p.company_name',
      'p.profession_category_id',
      'c.name_he as profession_name',
      'p.base_locality_id',
      'l.name_he as base_locality_name',
      'p.service_radius_km',
      'p.working_hours',
      'p.about',
      'p.status',
      'p.business_number',
      'p.business_type',
      'p.verification_note',
      'p.rating_sum',
      'p.review_count',
      'p.created_at',
      'p.version',
      sql<boolean>`exists (select 1 from ofair.subscriptions s where s.professional_id = p.id
                    and s.starts_at <= now() and s.ends_at > now())`.as('subscriber'),
    ])
}

export type ProfessionalRow = Awaited<
  ReturnType<ReturnType<typeof professionalRows>['executeTakeFirstOrThrow']>
>

export function ratingOf(r: { rating_sum: number; review_count: number }): number | null {
  return r.review_count === 0 ? null : Math.round((r.rating_sum / r.review_count) * 10) / 10
}

async function findProfessional(tx: OfairTx, where: { id?: string; userId?: string }) {
  let q = professionalRows(tx)
  if (where.id) q = q.where('p.id', '=', where.id)
  if (where.userId) q = q.where('p.user_id', '=', where.userId)
  return q.executeTakeFirst()
}

/** The parts of a profile that lists show: specialties, service localities, past jobs and reviews. */
async function profileParts(tx: OfairTx, id: string) {
  const [specialties, areas, pastJobs, pastCount, reviews, displayMode] = await Promise.all([
    tx
      .selectFrom('ofair.professional_specialties as s')
      .innerJoin('ofair.categories as c', 'c.id', 's.category_id')
      .select(['c.id', 'c.name_he as name'])
      .where('s.professional_id', '=', id)
      .orderBy('c.sort_order')
      .execute(),
    tx
      .selectFrom('ofair.professional_service_areas as a')
      .innerJoin('ofair.localities as l', 'l.id', 'a.locality_id')
      .select(['l.id', 'l.name_he as name'])
      .where('a.professional_id', '=', id)
      .orderBy('l.name_he')
      .execute(),
    // past jobs: the leads this professional won and completed (public facts only)
    sql<{
      title: string
      category_id: string
      category_name: string
      locality_id: number
      locality_name: string
      closed_at: Date
    }>`
      select l.title, c.id as category_id, c.name_he as category_name, loc.id as locality_id,
             loc.name_he as locality_name, l.closed_at
        from ofair.proposals p
        join ofair.leads l on l.accepted_proposal_id = p.id and l.close_reason = 'completed'
        join ofair.categories c on c.id = l.category_id
        join ofair.localities loc on loc.id = l.locality_id
       where p.professional_id = ${id} and p.status = 'accepted'
       order by l.closed_at desc limit 10`.execute(tx),
    sql<{ n: number }>`select count(*)::int as n from ofair.proposals p
        join ofair.leads l on l.accepted_proposal_id = p.id and l.close_reason = 'completed'
       where p.professional_id = ${id} and p.status = 'accepted'`.execute(tx),
    tx
      .selectFrom('ofair.professional_reviews')
      .select(['rating', 'body', 'reviewer_display', 'created_at'])
      .where('professional_id', '=', id)
      .where('hidden_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(5)
      .execute(),
    reviewDisplayMode(tx),
  ])
  return {
    specialties,
    areas,
    pastJobs: pastJobs.rows,
    pastCount: pastCount.rows[0]?.n ?? 0,
    reviews: reviews.map((v) => ({ ...v, reviewer_display: shownReviewer(v.reviewer_display, displayMode) })),
  }
}

// the past jobs of a profile are closed leads of other people: read as the system, public columns only
function publicProfile(r: ProfessionalRow, parts: Awaited<ReturnType<typeof profileParts>>) {
  return {
    id: r.id,
    display_name: r.display_name,
    company_name: r.company_name,
    profession: { id: r.profession_category_id, name: r.profession_name },
    specialties: parts.specialties,
    base_locality: { id: r.base_locality_id, name: r.base_locality_name },
    service_radius_km: r.service_radius_km,
    service_localities: parts.areas,
    working_hours: (r.working_hours ?? {}) as Record<string, [string, string][]>,
    about: r.about,
    verified: r.status === 'verified',
    rating: ratingOf(r),
    review_count: r.review_count,
    past_jobs_count: parts.pastCount,
    past_jobs: parts.pastJobs.map((j) => ({
      title: j.title,
      category: { id: j.category_id, name: j.category_name },
      locality: { id: j.locality_id, name: j.locality_name },
      completed_at: j.closed_at,
    })),
    recent_reviews: parts.reviews.map((v) => ({
      rating: v.rating,
      body: v.body,
      reviewer: v.reviewer_display,
      created_at: v.created_at,
    })),
    subscriber: r.subscriber,
    member_since: r.created_at,
  }
}

/**
 * A professional's public profile: rating, reviews and past jobs; never a phone, email, address or
 * business number. Profiles not (yet) verified are seen only by their owner and admins (404).
 */
export async function getPublicProfile(tx: OfairTx, caller: OfairCaller, id: string) {
  const r = await findProfessional(tx, { id })
  if (!r || (r.status !== 'verified' && r.user_id !== caller.userId && !caller.isAdmin)) {
    throw refuse('not_found', 'No such professional')
  }
  const parts = await asSystem(tx, 'ofair.public_profile', () => profileParts(tx, id))
  return publicProfile(r, parts)
}

export async function certificatesOf(
  tx: OfairTx,
  professionalIds: readonly string[],
  secret: string,
  now: Date,
) {
  if (professionalIds.length === 0) return new Map<string, never[]>()
  const rows = await asSystem(tx, 'ofair.certificates', () =>
    tx
      .selectFrom('ofair.professional_certificates as pc')
      .innerJoin('ofair.files as f', 'f.id', 'pc.file_id')
      .select([
        'pc.id',
        'pc.professional_id',
        'pc.title',
        'pc.file_id',
        'f.original_name',
        'f.mime',
        'pc.created_at',
      ])
      .where('pc.professional_id', 'in', [...professionalIds])
      .orderBy('pc.created_at')
      .execute(),
  )
  const byPro = new Map<string, ReturnType<typeof certOut>[]>()
  const certOut = (c: (typeof rows)[number]) => ({
    id: c.id,
    title: c.title,
    name: c.original_name,
    mime: c.mime,
    url: signedFileUrl(secret, c.file_id, now),
    created_at: c.created_at,
  })
  for (const c of rows) byPro.set(c.professional_id, [...(byPro.get(c.professional_id) ?? []), certOut(c)])
  return byPro
}

/** The caller's own profile with what only they (and admins) see; 404 before onboarding. */
export async function getOwnProfile(tx: OfairTx, caller: OfairCaller, secret: string, now: Date) {
  const r = await findProfessional(tx, { userId: caller.userId })
  if (!r) throw refuse('not_found', 'You have no professional profile yet')
  const parts = await asSystem(tx, 'ofair.public_profile', () => profileParts(tx, r.id))
  const certificates = (await certificatesOf(tx, [r.id], secret, now)).get(r.id) ?? []
  return {
    ...publicProfile(r, parts),
    business_number: r.business_number,
    business_type: r.business_type as 'osek_murshe' | 'osek_patur' | 'company',
    status: r.status as 'pending' | 'verified' | 'rejected' | 'suspended',
    verification_note: r.verification_note,
    certificates,
    version: r.version,
  }
}

/** Verified professionals, by name, filtered by category (their profession or a specialty) and place. */
export async function listProfessionals(
  tx: OfairTx,
  f: {
    category_id?: string | undefined
    locality_id?: number | undefined
    q?: string | undefined
    limit: number
    starting_after?: string | undefined
  },
) {
  let q = professionalRows(tx)
    .where('p.status', '=', 'verified')
    .orderBy('p.display_name')
    .orderBy('p.id')
    .limit(f.limit + 1)
  if (f.category_id) {
    const cat = f.category_id
    q = q.where(sql<boolean>`(p.profession_category_id = ${cat} or exists (
      select 1 from ofair.professional_specialties s join ofair.categories c on c.id = s.category_id
       where s.professional_id = p.id and (s.category_id = ${cat} or c.parent_id = ${cat})))`)
  }
  if (f.locality_id !== undefined) {
    const loc = f.locality_id
    q =
      q.where(sql<boolean>`(exists (select 1 from ofair.professional_service_areas a where a.professional_id = p.id and a.locality_id = ${loc})
      or earth_distance(ll_to_earth(l.lat, l.lng), (select ll_to_earth(x.lat, x.lng) from ofair.localities x where x.id = ${loc}))
         <= p.service_radius_km * 1000)`)
  }
  if (f.q) q = q.where('p.display_name', 'ilike', containsPattern(f.q))
  if (f.starting_after) {
    const { text, id } = textIdCursor(f.starting_after)
    q = q.where(sql<boolean>`(p.display_name, p.id) > (${text}, ${id}::uuid)`)
  }
  const page = pageOf(await q.execute(), f.limit, (r) => [r.display_name, r.id])
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      display_name: r.display_name,
      company_name: r.company_name,
      profession: { id: r.profession_category_id, name: r.profession_name },
      base_locality: { id: r.base_locality_id, name: r.base_locality_name },
      service_radius_km: r.service_radius_km,
      verified: true,
      rating: ratingOf(r),
      review_count: r.review_count,
    })),
  }
}

/** Admins' verification queue: newest first, with certificates (signed links) and business numbers. */
export async function adminProfessionals(
  tx: OfairTx,
  f: { status?: string | undefined; limit: number; starting_after?: string | undefined },
  secret: string,
  now: Date,
) {
  let q = professionalRows(tx)
    .select(
      sql<string>`to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(f.limit + 1)
  if (f.status) q = q.where('p.status', '=', f.status)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'p.created_at', 'p.id'))
  const rows = await q.execute()
  const page = pageOf(rows, f.limit, (r) => [r.cursor_at, r.id])
  const certs = await certificatesOf(
    tx,
    page.data.map((r) => r.id),
    secret,
    now,
  )
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      display_name: r.display_name,
      company_name: r.company_name,
      profession: { id: r.profession_category_id, name: r.profession_name },
      base_locality: { id: r.base_locality_id, name: r.base_locality_name },
      business_number: r.business_number,
      business_type: r.business_type as 'osek_murshe' | 'osek_patur' | 'company',
      status: r.status as 'pending' | 'verified' | 'rejected' | 'suspended',
      verification_note: r.verification_note,
      certificates: certs.get(r.id) ?? [],
      created_at: r.created_at,
    })),
  }
}
