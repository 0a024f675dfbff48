/** People and their sign-in accounts: hiring teams' members and recruiters. */
import { HOUR_MS, type Rng } from './prng.ts'
import type { DemoContext, Person } from './types.ts'
import type { Country, NamePool } from './words.ts'

/** Someone from `country`, named as people there are. */
export function personOf(rng: Rng, country: Country): Person {
  const pool: NamePool = rng.weighted(country.names)
  const first = rng.pick(pool.first)
  const last = rng.pick(pool.last)
  return { first, last, name: `${first} ${last}` }
}

/** `local@domain`, or `local2@domain` and so on when someone has it already. */
export function uniqueEmail(ctx: DemoContext, local: string, domain: string): string {
  for (let n = 0; ; n++) {
    const email = `${local}${n ? n + 1 : ''}@${domain}`
    if (!ctx.usedEmails.has(email)) {
      ctx.usedEmails.add(email)
      return email
    }
  }
}

/** A user with a verified e-mail address, who signed in lately; returns the user's id. */
export function addUser(ctx: DemoContext, rng: Rng, person: Person, email: string, createdAt: number) {
  const id = ctx.uuid(createdAt)
  ctx.plan.people.push({
    id,
    display_name: person.name,
    locale: 'en',
    email,
    created_at: new Date(createdAt),
    last_sign_in_at: new Date(Math.min(ctx.anchor, ctx.daysAgo(rng.int(0, 25)) + rng.int(7, 19) * HOUR_MS)),
  })
  return id
}

export function addMembership(
  ctx: DemoContext,
  userId: string,
  orgId: string,
  role: 'company_admin' | 'hiring_manager' | 'recruiter',
  at: number,
) {
  ctx.plan.memberships.push({
    id: ctx.uuid(at),
    user_id: userId,
    organization_id: orgId,
    role,
    created_at: new Date(at),
  })
}
