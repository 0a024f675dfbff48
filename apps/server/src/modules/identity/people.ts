import type { Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import type { Role } from '../../kernel/http/access.ts'

/**
 * What other modules may ask identity about people and organisations. They never read identity's
 * tables themselves; the one table they may join is the published directory view
 * (`IdentityDirectory`: id, display name, status, locale — no contact details).
 */
const view = (tx: AnyTx) => tx as Transaction<IdentitySchema>

/** The published part of identity's schema that other modules may join in their queries. */
export type IdentityDirectory = Pick<IdentitySchema, 'identity.user_directory'>

/** People holding any of `roles` in an organisation (e.g. a company's hiring team), for addressing them. */
export async function organizationMemberIds(
  tx: AnyTx,
  organizationId: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await view(tx)
    .selectFrom('identity.memberships')
    .select('user_id')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('role', 'in', [...roles])
    .execute()
  return rows.map((r) => r.user_id)
}

/** Display names by user id (missing ids are left out). */
export async function displayNames(tx: AnyTx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map()
  const rows = await view(tx)
    .selectFrom('identity.user_directory')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute()
  return new Map(rows.map((r) => [r.id!, r.display_name!]))
}

/**
 * A person's email address, for a message to them. Row-level security shows it only to the
 * person, admins and the system (a delivery job runs as the system).
 */
export async function emailAddressOf(tx: AnyTx, userId: string): Promise<string | null> {
  const row = await view(tx)
    .selectFrom('identity.user_contacts')
    .select('email')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.email ?? null
}

/** A person's mobile number (E.164), for text messages; null when they gave none. */
export async function phoneNumberOf(tx: AnyTx, userId: string): Promise<string | null> {
  const row = await view(tx)
    .selectFrom('identity.user_contacts')
    .select('phone')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.phone ?? null
}

/** Creates an organisation of a marketplace (a company's or an agency's), named once. */
export async function createOrganization(
  tx: AnyTx,
  input: { kind: 'company' | 'agency'; marketplace: 'splits' | 'ofair'; name: string },
): Promise<string> {
  const slug = `${
    input.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || input.kind
  }-${crypto.randomUUID().slice(0, 6)}`
  const org = await view(tx)
    .insertInto('identity.organizations')
    .values({ kind: input.kind, marketplace: input.marketplace, name: input.name, slug })
    .returning('id')
    .executeTakeFirstOrThrow()
  return org.id
}

/** The marketplace's own organisation (its members hold marketplace-wide roles such as platform admin). */
export async function platformOrganizationId(
  tx: AnyTx,
  marketplace: 'splits' | 'ofair',
): Promise<string | null> {
  const row = await view(tx)
    .selectFrom('identity.organizations')
    .select('id')
    .where('kind', '=', 'platform')
    .where('marketplace', '=', marketplace)
    .executeTakeFirst()
  return row?.id ?? null
}
