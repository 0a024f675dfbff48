import type { Transaction } from 'kysely'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
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

/** User ids by mobile number (E.164). Row-level security answers only for the system and platform admins. */
export async function userIdsByPhone(tx: AnyTx, phones: readonly string[]): Promise<Map<string, string>> {
  if (phones.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.user_contacts')
    .select(['user_id', 'phone'])
    .where('phone', 'in', [...phones])
    .execute()
  return new Map(rows.flatMap((r) => (r.phone ? [[r.phone, r.user_id] as const] : [])))
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

/** An OFAIR person who signs in by phone: a verified Israeli mobile number (E.164), a known id. */
export interface NewPhonePerson {
  id: string
  display_name: string
  phone: string
  created_at: Date
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

/** OFAIR demo people who sign in by phone, in bulk (a module's demo seed, running as the system). */
export async function addDemoPhonePeople(tx: AnyTx, people: readonly NewPhonePerson[]): Promise<void> {
  const t = view(tx)
  await inBatches(people, (batch) =>
    t
      .insertInto('identity.users')
      .values(
        batch.map((p) => ({
          id: p.id,
          display_name: p.display_name,
          locale: 'he' as const,
          created_at: p.created_at,
          updated_at: p.created_at,
        })),
      )
      .execute(),
  )
  await inBatches(people, (batch) =>
    t
      .insertInto('identity.user_contacts')
      .values(
        batch.map((p) => ({
          user_id: p.id,
          phone: p.phone,
          phone_verified_at: p.created_at,
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

/**
 * A person's mobile number (E.164) if they proved it with a one-time code; null otherwise. For a
 * module that must know the number a person signed in with (an OFAIR request is published under
 * the confirmed number), in the transaction of the person themselves (row-level security: their
 * own contacts only).
 */
export async function verifiedPhoneOf(tx: AnyTx, userId: string): Promise<string | null> {
  const row = await view(tx)
    .selectFrom('identity.user_contacts')
    .select(['phone', 'phone_verified_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.phone && row.phone_verified_at ? row.phone : null
}

/**
 * Grants a marketplace-wide role (a membership in the marketplace's platform organisation) that a
 * module's own rules decided the person has earned, e.g. OFAIR's `professional` once their profile
 * is submitted. Runs as the system (the calling module authorised it); audited as
 * `identity.role_granted`; granting a role held already does nothing. Every process forgets the
 * person's cached sessions at commit (the membership trigger), so the next request has the role.
 */
export async function grantMarketplaceRole(
  tx: AnyTx,
  input: { userId: string; marketplace: 'splits' | 'ofair'; role: Role; reason: string },
): Promise<boolean> {
  return asSystem(tx, `identity.grant_${input.role}`, async () => {
    const t = view(tx)
    const org = await t
      .selectFrom('identity.organizations')
      .select('id')
      .where('kind', '=', 'platform')
      .where('marketplace', '=', input.marketplace)
      .executeTakeFirstOrThrow()
    const added = await t
      .insertInto('identity.memberships')
      .values({ user_id: input.userId, organization_id: org.id, role: input.role })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (added) {
      await appendAudit(tx, {
        action: 'identity.role_granted',
        entityType: 'user',
        entityId: input.userId,
        after: { role: input.role, organization_id: org.id, reason: input.reason },
        actorRole: 'system',
      })
    }
    return added !== undefined
  })
}

/** Organisation slugs by id (missing ids are left out): public profile addresses. */
export async function organizationSlugs(tx: AnyTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.organizations')
    .select(['id', 'slug'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.slug]))
}
