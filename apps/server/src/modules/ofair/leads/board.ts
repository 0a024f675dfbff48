import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { decodeCursor, encodeCursor } from '../../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../../kernel/ids.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { requireLocality } from '../reference/queries.ts'

export interface BoardFilters {
  category_id?: string | undefined
  subcategory_id?: string | undefined
  locality_id?: number | undefined
  radius_km?: number | undefined
  budget_min?: bigint | undefined
  budget_max?: bigint | undefined
  type?: 'consumer' | 'professional_referral' | undefined
  limit: number
  starting_after?: string | undefined
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/

function boardCursor(cursor: string): { priority: number; at: string; id: string } {
  const [priority, at, id] = decodeCursor(cursor, ['number', 'string', 'string'])
  if (![0, 1].includes(Number(priority)) || !EXACT_TIME.test(String(at)) || !UUID_PATTERN.test(String(id))) {
    throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
      errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
    })
  }
  return { priority: Number(priority), at: String(at), id: String(id) }
}

/** What the board looks for when the caller does not say: their profession, specialties, place and radius. */
async function defaultsOf(tx: OfairTx, caller: OfairCaller) {
  if (!caller.professionalId) return undefined
  const row = await tx
    .selectFrom('ofair.professionals as p')
    .select([
      'p.base_locality_id',
      'p.service_radius_km',
      sql<string[]>`array(select distinct coalesce(c.parent_id, c.id) from ofair.professional_specialties s
        join ofair.categories c on c.id = s.category_id where s.professional_id = p.id
        union select p.profession_category_id)`.as('categories'),
    ])
    .where('p.id', '=', caller.professionalId)
    .executeTakeFirst()
  return row
}

/**
 * The lead board: active leads from the view without client columns, near a centre (by locality,
 * within the radius), in the caller's categories, filtered by budget and type; subscribers' leads
 * pinned first, then newest. For each nearby locality (and category) the index gives its newest
 * leads after the cursor; the merge keeps the first page. The cost follows the number of nearby
 * localities and the page size, not the number of leads.
 */
export async function leadBoard(tx: OfairTx, caller: OfairCaller, f: BoardFilters) {
  // the caller's own settings fill in only what the query leaves out (one query fewer when it says all)
  const complete = f.category_id !== undefined && f.locality_id !== undefined && f.radius_km !== undefined
  const defaults = complete ? undefined : await defaultsOf(tx, caller)
  const centreId = f.locality_id ?? defaults?.base_locality_id
  if (centreId !== undefined) await requireLocality(tx, centreId, 'querystring.locality_id')
  const radiusM = (f.radius_km ?? defaults?.service_radius_km ?? 30) * 1000
  const categories = f.category_id ? [f.category_id] : (defaults?.categories ?? [])
  if (f.budget_min !== undefined && f.budget_max !== undefined && f.budget_min > f.budget_max) {
    throw refuse('validation_failed', 'querystring.budget_max: must not be below budget_min', {
      field: 'querystring.budget_max',
    })
  }
  const cursor = f.starting_after ? boardCursor(f.starting_after) : undefined
  const me = caller.professionalId

  const near =
    centreId === undefined
      ? sql`select id, null::float8 as meters from ofair.localities where active`
      : sql`select l.id, earth_distance(ll_to_earth(l.lat, l.lng), c.point) as meters
              from ofair.localities l,
                   (select ll_to_earth(lat, lng) as point from ofair.localities where id = ${centreId}) c
             where earth_box(c.point, ${radiusM}) @> ll_to_earth(l.lat, l.lng)
               and earth_distance(ll_to_earth(l.lat, l.lng), c.point) <= ${radiusM}`
  const filters = [
    cursor
      ? sql`and (v.priority, v.published_at, v.id) < (${cursor.priority}::smallint, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql``,
    f.subcategory_id ? sql`and v.subcategory_id = ${f.subcategory_id}` : sql``,
    f.type ? sql`and v.type = ${f.type}` : sql``,
    f.budget_min !== undefined ? sql`and v.budget_max_minor >= ${f.budget_min}` : sql``,
    f.budget_max !== undefined ? sql`and v.budget_min_minor <= ${f.budget_max}` : sql``,
    me ? sql`and v.owner_professional_id is distinct from ${me}::uuid` : sql``,
  ]
  const perLocality = categories.length
    ? sql`cross join unnest(${categories}::text[]) as cat(id)
          cross join lateral (
            select v.id, v.priority, v.published_at from ofair.public_leads v
             where v.locality_id = near.id and v.category_id = cat.id ${sql.join(filters, sql` `)}
             order by v.priority desc, v.published_at desc, v.id desc
             limit ${f.limit + 1}) b`
    : sql`cross join lateral (
            select v.id, v.priority, v.published_at from ofair.public_leads v
             where v.locality_id = near.id ${sql.join(filters, sql` `)}
             order by v.priority desc, v.published_at desc, v.id desc
             limit ${f.limit + 1}) b`
  const rows = (
    await sql<LeadCardRow & { cursor_at: string; meters: number | null }>`
      with near as (${near}),
      page as (
        select b.id, near.meters from near ${perLocality}
         order by b.priority desc, b.published_at desc, b.id desc
         limit ${f.limit + 1})
      select v.id, v.type, v.title, v.short_description, v.category_id, c.name_he as category_name,
             v.subcategory_id, sc.name_he as subcategory_name, v.locality_id, loc.name_he as locality_name,
             loc.district_he, v.budget_min_minor, v.budget_max_minor, v.referrer_share_bps, v.proposals_count,
             v.published_at, v.priority, v.owner_professional_id, p.display_name as owner_name, page.meters,
             to_char(v.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
        from page
        join ofair.public_leads v on v.id = page.id
        join ofair.categories c on c.id = v.category_id
        left join ofair.categories sc on sc.id = v.subcategory_id
        join ofair.localities loc on loc.id = v.locality_id
        left join ofair.professionals p on p.id = v.owner_professional_id
       order by v.priority desc, v.published_at desc, v.id desc`.execute(tx)
  ).rows
  const hasMore = rows.length > f.limit
  const data = hasMore ? rows.slice(0, f.limit) : rows
  const last = data.at(-1)
  return {
    data: data.map((r) => leadCardOut(r, r.meters)),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor([last.priority, last.cursor_at, last.id]) : null,
  }
}

export interface LeadCardRow {
  id: string
  type: string
  title: string
  short_description: string
  category_id: string
  category_name: string
  subcategory_id: string | null
  subcategory_name: string | null
  locality_id: number
  locality_name: string
  district_he: string
  budget_min_minor: bigint | null
  budget_max_minor: bigint | null
  referrer_share_bps: number | null
  proposals_count: number
  published_at: Date
  priority: number
  owner_professional_id: string | null
  owner_name: string | null
}

const money = (v: bigint | null) => (v === null ? null : { amount: v.toString(), currency: 'ILS' })

export function leadCardOut(r: LeadCardRow, meters: number | null) {
  return {
    id: r.id,
    type: r.type as 'consumer' | 'professional_referral',
    title: r.title,
    short_description: r.short_description,
    category: { id: r.category_id, name: r.category_name },
    subcategory: r.subcategory_id ? { id: r.subcategory_id, name: r.subcategory_name ?? '' } : null,
    locality: { id: r.locality_id, name: r.locality_name, district: r.district_he },
    distance_km: meters === null ? null : Math.round(meters / 100) / 10,
    budget:
      r.budget_min_minor === null && r.budget_max_minor === null
        ? null
        : { min: money(r.budget_min_minor), max: money(r.budget_max_minor) },
    referrer_share_percentage: r.referrer_share_bps === null ? null : r.referrer_share_bps / 100,
    proposals_count: r.proposals_count,
    published_at: r.published_at,
    pinned: r.priority === 1,
    owner_professional: r.owner_professional_id
      ? { id: r.owner_professional_id, display_name: r.owner_name ?? '' }
      : null,
  }
}
