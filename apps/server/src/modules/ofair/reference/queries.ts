import { sql } from 'kysely'
import { containsPattern } from '../../../kernel/db/like.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { searchKey } from './search-key.ts'

export interface LocalityRow {
  id: number
  name_he: string
  name_en: string
  district_he: string
  lat: number
  lng: number
}

const localityOut = (l: LocalityRow) => ({
  id: l.id,
  name: l.name_he,
  name_en: l.name_en,
  district: l.district_he,
  lat: l.lat,
  lng: l.lng,
})

/** Localities whose name contains the words, names that start with them first, then big cities. */
export async function searchLocalities(tx: OfairTx, q: string | undefined, limit: number) {
  let query = tx
    .selectFrom('ofair.localities')
    .select(['id', 'name_he', 'name_en', 'district_he', 'lat', 'lng'])
    .where('active', '=', true)
  if (q) {
    const key = searchKey(q)
    if (!key) return []
    const like = containsPattern(key)
    query = query
      .where('search_key', 'like', like)
      .orderBy(
        sql`case when search_key like ${`${key}%`} or search_key like ${`% ${key}%`} then 0 else 1 end`,
      )
  }
  const rows = await query.orderBy('rank').orderBy('name_he').limit(limit).execute()
  return rows.map(localityOut)
}

/** A locality people may choose, or a 422 `unknown_locality` naming the field. */
export async function requireLocality(tx: OfairTx, id: number, field: string): Promise<LocalityRow> {
  const row = await tx
    .selectFrom('ofair.localities')
    .select(['id', 'name_he', 'name_en', 'district_he', 'lat', 'lng'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!row) throw refuse('unknown_locality', `${field}: no locality ${id}`, { field })
  return row
}

/** Every given locality id exists, or a 422 naming the first that does not. */
export async function requireLocalities(tx: OfairTx, ids: readonly number[], field: string): Promise<void> {
  if (ids.length === 0) return
  const found = new Set(
    (
      await tx
        .selectFrom('ofair.localities')
        .select('id')
        .where('id', 'in', [...ids])
        .where('active', '=', true)
        .execute()
    ).map((r) => r.id),
  )
  const missing = ids.find((id) => !found.has(id))
  if (missing !== undefined) throw refuse('unknown_locality', `${field}: no locality ${missing}`, { field })
}

export interface CategoryRow {
  id: string
  parent_id: string | null
  name_he: string
  name_en: string
}

export async function categoryTree(tx: OfairTx) {
  const rows = await tx
    .selectFrom('ofair.categories')
    .select(['id', 'parent_id', 'name_he', 'name_en'])
    .orderBy('sort_order')
    .execute()
  return rows
    .filter((r) => r.parent_id === null)
    .map((top) => ({
      id: top.id,
      name: top.name_he,
      name_en: top.name_en,
      subcategories: rows
        .filter((r) => r.parent_id === top.id)
        .map((s) => ({ id: s.id, name: s.name_he, name_en: s.name_en })),
    }))
}

/**
 * A top-level category and, optionally, one of its subcategories; 422 `unknown_category` naming the
 * field otherwise.
 */
export async function requireCategory(
  tx: OfairTx,
  categoryId: string,
  subcategoryId: string | null | undefined,
  fields = { category: 'body.category_id', subcategory: 'body.subcategory_id' },
): Promise<void> {
  const ids = [categoryId, ...(subcategoryId ? [subcategoryId] : [])]
  const rows = await tx
    .selectFrom('ofair.categories')
    .select(['id', 'parent_id'])
    .where('id', 'in', ids)
    .execute()
  const top = rows.find((r) => r.id === categoryId)
  if (!top || top.parent_id !== null) {
    throw refuse('unknown_category', `${fields.category}: no top-level category ${categoryId}`, {
      field: fields.category,
    })
  }
  if (subcategoryId && rows.find((r) => r.id === subcategoryId)?.parent_id !== categoryId) {
    throw refuse(
      'unknown_category',
      `${fields.subcategory}: ${subcategoryId} is not a subcategory of ${categoryId}`,
      {
        field: fields.subcategory,
      },
    )
  }
}

/** Every id is a category (any level), or a 422 naming the field. */
export async function requireCategories(tx: OfairTx, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return
  const found = new Set(
    (
      await tx
        .selectFrom('ofair.categories')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  )
  const missing = ids.find((id) => !found.has(id))
  if (missing) throw refuse('unknown_category', `${field}: no category ${missing}`, { field })
}
