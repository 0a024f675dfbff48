import type { Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import type { Role } from '../../kernel/http/access.ts'

/**
 * People and organisations as other modules need them beyond the directory view: organisation
 * names, lookups by address or slug, and the bulk creation of demo people for a module's demo
 * seed. Identity writes its own tables; callers pass plain values.
 */
const view = (tx: AnyTx) => tx as Transaction<IdentitySchema>

/** Organisation names by id (missing ids are left out). */
export async function organizationNames(tx: AnyTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.organizations')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Organisation ids by slug (missing slugs are left out). */
export async function organizationIdsBySlug(
  tx: AnyTx,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.organizations')
    .select(['id', 'slug'])
    .where('slug', 'in', [...slugs])
    .execute()
  return new Map(rows.map((r) => [r.slug, r.id]))
}

/** User ids by email address. Row-level security answers only for the system and platform admins. */
export async function userIdsByEmail(tx: AnyTx, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.user_contacts')
    .select(['user_id', 'email'])
    .where('email', 'in', [...emails])
    .execute()
  return new Map(rows.flatMap((r) => (r.email ? [[r.email, r.user_id] as const] : [])))
}

export interface NewOrganization {
  id: string
  kind: 'company' | 'agency'
  marketplace: 'splits' | 'ofair'
  name: string
  slug: string
  created_at: Date
}

/** A person with a verified email address, made with a known id (deterministic demo data). */
export interface NewPerson {
  id: string
  display_name: string
  locale: 'en' | 'he'
  email: string
  created_at: Date
  last_sign_in_at: Date | null
}

export interface NewMembership {
  id: string
  user_id: string
  organization_id: string
  role: Role
  created_at: Date
}

const BATCH = 500

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH))
}

/**
 * Demo organisations and people, in bulk (a module's demo seed, running as the system). Memberships
 * come apart, with `addMemberships`, so that the caller can make what a grant triggers first.
 */
export async function addDemoPeople(
  tx: AnyTx,
  input: { organizations: readonly NewOrganization[]; people: readonly NewPerson[] },
): Promise<void> {
  const t = view(tx)
  await inBatches(input.organizations, (batch) =>
    t.insertInto('identity.organizations').values(batch).execute(),
  )
  await inBatches(input.people, (batch) =>
    t
      .insertInto('identity.users')
      .values(
        batch.map((p) => ({
          id: p.id,
          display_name: p.display_name,
          locale: p.locale,
          created_at: p.created_at,
          updated_at: p.created_at,
          last_sign_in_at: p.last_sign_in_at,
        })),
      )
      .execute(),
  )
  await inBatches(input.people, (batch) =>
    t
      .insertInto('identity.user_contacts')
      .values(
        batch.map((p) => ({
          user_id: p.id,
          email: p.email,
          email_verified_at: p.created_at,
          updated_at: p.created_at,
        })),
      )
      .execute(),
  )
}

/** Memberships in bulk (a demo seed, as the system). */
export async function addMemberships(tx: AnyTx, memberships: readonly NewMembership[]): Promise<void> {
  await inBatches(memberships, (batch) => view(tx).insertInto('identity.memberships').values(batch).execute())
}
