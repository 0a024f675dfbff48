import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import { logPiiReveal } from '../../../kernel/audit/audit.ts'
import { containsPattern } from '../../../kernel/db/like.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { OfairTx } from '../database.ts'
import { leadRows, summaryOut } from '../leads/queries.ts'
import { csvLine, shekelsCell } from './csv.ts'

/** The admin's lead search: every filter of the table and of its CSV export. */
export interface AdminLeadFilters {
  status?: 'active' | 'pending' | 'closed' | undefined
  type?: 'consumer' | 'professional_referral' | undefined
  q?: string | undefined
  phone_digits?: string | undefined
  category_id?: string | undefined
  locality_id?: number | undefined
  from?: string | undefined
  to?: string | undefined
  owner_user_id?: string | undefined
}

const like = containsPattern

/** Days are Israeli days: `from` and `to` (inclusive) in Asia/Jerusalem. */
// biome-ignore lint/suspicious/noExplicitAny: any query over `ofair.leads as l`
function filtered<T extends SelectQueryBuilder<any, any, any>>(query: T, f: AdminLeadFilters): T {
  // biome-ignore lint/suspicious/noExplicitAny: the filters name only columns of `l`
  let r = query as SelectQueryBuilder<any, any, any>
  if (f.status) r = r.where('l.status', '=', f.status)
  if (f.type) r = r.where('l.type', '=', f.type)
  if (f.q) {
    const words = like(f.q)
    r = r.where((eb) => eb.or([eb('l.title', 'ilike', words), eb('l.short_description', 'ilike', words)]))
  }
  if (f.category_id) {
    const c = f.category_id
    r = r.where((eb) => eb.or([eb('l.category_id', '=', c), eb('l.subcategory_id', '=', c)]))
  }
  if (f.locality_id !== undefined) r = r.where('l.locality_id', '=', f.locality_id)
  if (f.owner_user_id) r = r.where('l.created_by_user_id', '=', f.owner_user_id)
  if (f.from)
    r = r.where(sql<SqlBool>`l.created_at >= (${f.from}::date)::timestamp at time zone 'Asia/Jerusalem'`)
  if (f.to)
    r = r.where(sql<SqlBool>`l.created_at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Jerusalem'`)
  if (f.phone_digits) {
    // the client's number ends with these digits (admins read the protected tables; logged below)
    const d = f.phone_digits
    r = r.where(
      sql<SqlBool>`(exists (select 1 from ofair.consumer_leads cl where cl.lead_id = l.id and right(cl.client_phone, ${d.length}) = ${d})
        or exists (select 1 from ofair.professional_leads pl where pl.lead_id = l.id and right(pl.client_phone, ${d.length}) = ${d}))`,
    )
  }
  return r as T
}

/** A search by the client's phone reads personal data: logged once per search, with the digits. */
async function logPhoneSearch(tx: OfairTx, f: AdminLeadFilters, purpose: string) {
  if (!f.phone_digits) return
  await logPiiReveal(tx, {
    subjectType: 'ofair.lead_search',
    subjectId: `phone:*${f.phone_digits}`,
    fields: ['client_phone'],
    purpose,
  })
}

/** Every lead, newest first, keyset-paged on (created_at, id): rows added meanwhile never shift a page. */
export async function searchLeads(
  tx: OfairTx,
  f: AdminLeadFilters & { limit: number; starting_after?: string | undefined },
) {
  await logPhoneSearch(tx, f, 'admin.leads_search')
  let q = filtered(
    leadRows(tx).select(exactTime('l.created_at')).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc'),
    f,
  ).limit(f.limit + 1)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'l.created_at', 'l.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map(summaryOut) }
}

export const LEAD_CSV_HEADER = [
  'id',
  'created_at',
  'status',
  'close_reason',
  'type',
  'title',
  'category',
  'subcategory',
  'locality',
  'owner_professional',
  'budget_min_ils',
  'budget_max_ils',
  'proposals',
  'final_amount_ils',
] as const

export const CSV_BATCH = 1000

/** One batch of the export after `after` (a `(created_at, id)` cursor), as CSV lines. */
export async function leadCsvBatch(
  tx: OfairTx,
  f: AdminLeadFilters,
  after: { at: string; id: string } | null,
  first: boolean,
) {
  if (first) await logPhoneSearch(tx, f, 'admin.leads_export')
  let q = filtered(
    tx
      .selectFrom('ofair.leads as l')
      .innerJoin('ofair.categories as c', 'c.id', 'l.category_id')
      .leftJoin('ofair.categories as sc', 'sc.id', 'l.subcategory_id')
      .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
      .leftJoin('ofair.professionals as p', 'p.id', 'l.created_by_professional_id')
      .select([
        'l.id',
        'l.created_at',
        'l.status',
        'l.close_reason',
        'l.type',
        'l.title',
        'c.name_he as category',
        'sc.name_he as subcategory',
        'loc.name_he as locality',
        'p.display_name as owner',
        'l.budget_min_minor',
        'l.budget_max_minor',
        'l.proposals_count',
        'l.final_amount_minor',
        exactTime('l.created_at'),
      ])
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(CSV_BATCH),
    f,
  )
  if (after) q = q.where(sql<SqlBool>`(l.created_at, l.id) < (${after.at}::timestamptz, ${after.id}::uuid)`)
  const rows = await q.execute()
  const last = rows.at(-1)
  return {
    lines: rows.map((r) =>
      csvLine([
        r.id,
        r.created_at,
        r.status,
        r.close_reason,
        r.type,
        r.title,
        r.category,
        r.subcategory,
        r.locality,
        r.owner,
        shekelsCell(r.budget_min_minor),
        shekelsCell(r.budget_max_minor),
        r.proposals_count,
        shekelsCell(r.final_amount_minor),
      ]),
    ),
    cursor: rows.length === CSV_BATCH && last ? { at: last.cursor_at, id: last.id } : null,
  }
}
