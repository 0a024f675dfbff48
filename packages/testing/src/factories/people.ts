import { randomBytes, randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AppContext } from '../../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../../apps/server/src/kernel/db/transaction.ts'
import type { Role } from '../../../../apps/server/src/kernel/http/access.ts'
import { inviteToOrganization } from '../../../../apps/server/src/modules/identity/index.ts'
import type { IdentityTx } from '../../../../apps/server/src/modules/identity/route.ts'
import { sessionOfUser, type TestSession } from '../sessions.ts'

/**
 * Identity factories: people, organisations, invitations and sessions with unique random data, so
 * each test builds the small world it needs instead of sharing demo personas and mutable ids.
 * They write identity's tables directly as the system (tests may reach across modules).
 */
// biome-ignore lint/suspicious/noExplicitAny: the process's handle, or a test database's
type HasDb = { db: Kysely<any> }

export interface TestOrganization {
  id: string
  name: string
  slug: string
  kind: 'platform' | 'company' | 'agency'
  marketplace: 'splits' | 'ofair'
}

export interface TestPerson {
  id: string
  name: string
  email: string | null
  phone: string | null
}

const tag = () => randomBytes(4).toString('hex')

/** A unique address at a reserved test domain. */
export const uniqueEmail = (prefix = 'person') => `${prefix}-${tag()}@example.test`

/** A unique-enough valid Israeli mobile number in E.164 (050-2… to 050-9…: 050-1… is not allocated). */
export const uniqueIsraeliMobile = () => `+97250${String(randomInt(2_000_000, 10_000_000))}`

export async function makeOrganization(
  ctx: HasDb,
  options: { kind?: 'company' | 'agency'; marketplace?: 'splits' | 'ofair'; name?: string } = {},
): Promise<TestOrganization> {
  const kind = options.kind ?? 'company'
  const marketplace = options.marketplace ?? 'splits'
  const suffix = tag()
  const name = options.name ?? `${kind === 'company' ? 'Company' : 'Agency'} ${suffix}`
  const slug = `${kind}-${suffix}`
  const row = await inTransaction(ctx.db, systemActor('test-factory'), (tx: IdentityTx) =>
    tx
      .insertInto('identity.organizations')
      .values({ kind, marketplace, name, slug })
      .returning('id')
      .executeTakeFirstOrThrow(),
  )
  return { id: row.id, name, slug, kind, marketplace }
}

/** The platform organisation of a marketplace, where marketplace-wide roles are held. */
export async function platformOrganization(ctx: HasDb, marketplace: 'splits' | 'ofair'): Promise<string> {
  const row = await inTransaction(ctx.db, systemActor('test-factory'), (tx: IdentityTx) =>
    tx
      .selectFrom('identity.organizations')
      .select('id')
      .where('kind', '=', 'platform')
      .where('marketplace', '=', marketplace)
      .executeTakeFirstOrThrow(),
  )
  return row.id
}

const PLATFORM_ROLES: Partial<Record<Role, 'splits' | 'ofair'>> = {
  platform_admin: 'splits',
  recruiter: 'splits',
  candidate: 'splits',
  consumer: 'ofair',
  professional: 'ofair',
  ofair_admin: 'ofair',
}

/** A role in the marketplace's platform organisation, or in `org` (a company's team, an agency). */
export type RoleGrant = Role | { role: Role; org: TestOrganization | string }

/**
 * A person with contacts and roles. By default a Splits person with a unique email; `phone: true`
 * gives a unique Israeli mobile. Company roles need `org` (or a grant naming one).
 */
export async function makePerson(
  ctx: HasDb,
  options: {
    name?: string
    email?: string | null
    phone?: string | true | null
    locale?: 'en' | 'he'
    roles?: readonly RoleGrant[]
    org?: TestOrganization | string
    suspended?: string
  } = {},
): Promise<TestPerson> {
  const name = options.name ?? `Person ${tag()}`
  const phone = options.phone === true ? uniqueIsraeliMobile() : (options.phone ?? null)
  const email = options.email === undefined ? (phone ? null : uniqueEmail()) : options.email
  const orgId = (o: TestOrganization | string) => (typeof o === 'string' ? o : o.id)
  const id = await inTransaction(ctx.db, systemActor('test-factory'), async (tx: IdentityTx) => {
    const user = await tx
      .insertInto('identity.users')
      .values({
        display_name: name,
        locale: options.locale ?? (phone && !email ? 'he' : 'en'),
        ...(options.suspended ? { status: 'suspended', suspended_reason: options.suspended } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx.insertInto('identity.user_contacts').values({ user_id: user.id, email, phone }).execute()
    for (const grant of options.roles ?? []) {
      const role = typeof grant === 'string' ? grant : grant.role
      const explicit = typeof grant === 'string' ? undefined : grant.org
      let organizationId: string
      if (explicit) organizationId = orgId(explicit)
      else if (PLATFORM_ROLES[role] && !(role === 'recruiter' && options.org)) {
        organizationId = (
          await tx
            .selectFrom('identity.organizations')
            .select('id')
            .where('kind', '=', 'platform')
            .where('marketplace', '=', PLATFORM_ROLES[role]!)
            .executeTakeFirstOrThrow()
        ).id
      } else if (options.org) organizationId = orgId(options.org)
      else throw new Error(`makePerson: role ${role} needs an organisation (org)`)
      await tx
        .insertInto('identity.memberships')
        .values({ user_id: user.id, organization_id: organizationId, role })
        .execute()
    }
    return user.id
  })
  return { id, name, email, phone }
}

/** Signs a person in directly: session headers (cookie + CSRF) and a bearer form. */
export function signIn(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock'>,
  person: TestPerson | string,
  options: { marketplace?: 'splits' | 'ofair'; ip?: string; userAgent?: string } = {},
): Promise<TestSession> {
  const id = typeof person === 'string' ? person : person.id
  const marketplace =
    options.marketplace ?? (typeof person !== 'string' && person.phone && !person.email ? 'ofair' : 'splits')
  return sessionOfUser(ctx, id, { ...options, marketplace })
}

/**
 * An open invitation, made through identity's own service (so its audit entry, event and email
 * happen as in production), by `invitedBy` (a company admin of `org`, or any person: the factory
 * acts as the system).
 */
export async function makeInvitation(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  options: {
    org: TestOrganization | string
    invitedBy: TestPerson | string
    email?: string
    displayName?: string
    role?: Role
  },
): Promise<{ id: string; email: string; displayName: string; expiresAt: Date }> {
  const email = options.email ?? uniqueEmail('invitee')
  const displayName = options.displayName ?? `Invitee ${tag()}`
  const created = await inTransaction(ctx.db, systemActor('test-factory'), (tx: IdentityTx) =>
    inviteToOrganization(tx, {
      organizationId: typeof options.org === 'string' ? options.org : options.org.id,
      role: options.role ?? 'hiring_manager',
      email,
      displayName,
      invitedBy: typeof options.invitedBy === 'string' ? options.invitedBy : options.invitedBy.id,
      now: ctx.clock.now(),
    }),
  )
  return { id: created.id, email, displayName, expiresAt: created.expiresAt }
}
