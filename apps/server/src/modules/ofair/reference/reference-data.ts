import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import type { OfairTx } from '../database.ts'
import { searchKey } from './search-key.ts'

const DATA_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data')

export interface CategoryData {
  id: string
  name_he: string
  name_en: string
  sub: [string, string, string][]
}

export interface LocalityData {
  id: number
  name_he: string
  name_en: string
  district_he: string
  lat: number
  lng: number
}

let categories: CategoryData[] | undefined
let localities: LocalityData[] | undefined

export function categoryData(): CategoryData[] {
  categories ??= JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'categories.json'), 'utf8')) as CategoryData[]
  return categories
}

export function localityData(): LocalityData[] {
  localities ??= JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'localities.json'), 'utf8')) as LocalityData[]
  return localities
}

/** The big cities come first in search results (and get most demo leads). */
export const MAJOR_CITIES = new Set([
  'ירושלים',
  'תל אביב-יפו',
  'חיפה',
  'ראשון לציון',
  'פתח תקווה',
  'אשדוד',
  'נתניה',
  'באר שבע',
  'חולון',
  'בני ברק',
  'רמת גן',
  'רחובות',
  'אשקלון',
  'בת ים',
  'בית שמש',
  'כפר סבא',
  'הרצליה',
  'חדרה',
  'מודיעין-מכבים-רעות',
  'לוד',
  'רמלה',
  'רעננה',
  'נצרת',
  'ראש העין',
  'הוד השרון',
  'קריית גת',
  'עפולה',
  'אילת',
  'נהריה',
  'גבעתיים',
  'קריית אתא',
  'כרמיאל',
  'טבריה',
  'עכו',
  'רהט',
  'אום אל-פחם',
  'נס ציונה',
  'יבנה',
  'קריית מוצקין',
  'קריית ביאליק',
  'אלעד',
  'נוף הגליל',
  'צפת',
  'דימונה',
  'שוהם',
])

/**
 * Brings the categories and localities tables in line with the data files, in one transaction
 * under a lock (several processes may start at once). Rows that left the data are kept (leads
 * point at them) but no longer offered. Runs as the database owner, like a migration: the
 * application role only reads reference tables.
 */
export async function syncReferenceData(ctx: Pick<AppContext, 'db'>): Promise<void> {
  const cats = categoryData().flatMap((c, i) => [
    { id: c.id, parent_id: null, name_he: c.name_he, name_en: c.name_en, sort_order: i * 100 },
    ...c.sub.map(([id, he, en], j) => ({
      id,
      parent_id: c.id,
      name_he: he,
      name_en: en,
      sort_order: i * 100 + j + 1,
    })),
  ])
  const locs = localityData().map((l) => ({
    ...l,
    search_key: `${searchKey(l.name_he)} ${searchKey(l.name_en)}`,
    rank: MAJOR_CITIES.has(l.name_he) ? 1 : 2,
  }))
  await ctx.db.transaction().execute(async (trx) => {
    const tx = trx as unknown as OfairTx
    await sql`select pg_advisory_xact_lock(hashtextextended('ofair.reference', 0))`.execute(tx)
    await sql`
      insert into ofair.categories (id, parent_id, name_he, name_en, sort_order)
      select id, parent_id, name_he, name_en, sort_order
        from jsonb_to_recordset(${JSON.stringify(cats)}::jsonb)
          as c(id text, parent_id text, name_he text, name_en text, sort_order int)
       order by parent_id nulls first
      on conflict (id) do update set parent_id = excluded.parent_id, name_he = excluded.name_he,
        name_en = excluded.name_en, sort_order = excluded.sort_order
      where (categories.parent_id, categories.name_he, categories.name_en, categories.sort_order)
        is distinct from (excluded.parent_id, excluded.name_he, excluded.name_en, excluded.sort_order)`.execute(
      tx,
    )
    await sql`
      insert into ofair.localities (id, name_he, name_en, district_he, lat, lng, search_key, rank, active)
      select id, name_he, name_en, district_he, lat, lng, search_key, rank, true
        from jsonb_to_recordset(${JSON.stringify(locs)}::jsonb)
          as l(id int, name_he text, name_en text, district_he text, lat float8, lng float8, search_key text, rank smallint)
      on conflict (id) do update set name_he = excluded.name_he, name_en = excluded.name_en,
        district_he = excluded.district_he, lat = excluded.lat, lng = excluded.lng,
        search_key = excluded.search_key, rank = excluded.rank, active = true
      where (localities.name_he, localities.name_en, localities.district_he, localities.lat, localities.lng,
             localities.search_key, localities.rank, localities.active)
        is distinct from (excluded.name_he, excluded.name_en, excluded.district_he, excluded.lat, excluded.lng,
             excluded.search_key, excluded.rank, true)`.execute(tx)
    await tx
      .updateTable('ofair.localities')
      .set({ active: false })
      .where(
        'id',
        'not in',
        locs.map((l) => l.id),
      )
      .where('active', '=', true)
      .execute()
  })
}
