import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { systemClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { DEMO_PERSONAS } from './personas.ts'
import { demoPersonasSeed } from './seed.ts'

const database = useTestDatabase()
const ids = new Map<string, string>()

beforeAll(async () => {
  const ctx = { db: database.current.db, clock: systemClock } as Parameters<typeof demoPersonasSeed.run>[0]
  await demoPersonasSeed.run(ctx, () => {})
  const rows = await database.current.pool.query<{
    user_id: string
    email: string | null
    phone: string | null
  }>('select user_id, email, phone from identity.user_contacts')
  for (const p of DEMO_PERSONAS) {
    const row = rows.rows.find(
      (r) =>
        (p.email && r.email === p.email) ||
        (p.phone && r.phone?.endsWith(p.phone.replace(/\D/g, '').slice(1))),
    )
    ids.set(p.key, row!.user_id)
  }
})

const as = (key: string, roles: string[]) => ({ kind: 'user' as const, userId: ids.get(key)!, roles })

describe('row-level security on personal data', () => {
  it('shows a person only their own contact details, even without a WHERE clause', async () => {
    const rows = await inTransaction(database.current.db, as('recruiter', ['recruiter']), (tx) =>
      sql<{ user_id: string; email: string }>`select user_id, email from identity.user_contacts`.execute(tx),
    )
    expect(rows.rows).toEqual([{ user_id: ids.get('recruiter'), email: 'rachel@recruiters.demo' }])
  })

  it('shows a platform admin everyone, and an anonymous actor no one', async () => {
    const admin = await inTransaction(database.current.db, as('platform-admin', ['platform_admin']), (tx) =>
      sql`select 1 from identity.user_contacts`.execute(tx),
    )
    expect(admin.rows.length).toBe(DEMO_PERSONAS.length)
    const anonymous = await inTransaction(database.current.db, { kind: 'anonymous' }, (tx) =>
      sql`select 1 from identity.user_contacts`.execute(tx),
    )
    expect(anonymous.rows).toHaveLength(0)
    const profiles = await inTransaction(database.current.db, { kind: 'anonymous' }, (tx) =>
      sql`select 1 from identity.users`.execute(tx),
    )
    expect(profiles.rows).toHaveLength(0)
  })

  it('lets signed-in people read profiles (names) but not sessions or codes of others', async () => {
    await inTransaction(database.current.db, systemActor('test'), async (tx) => {
      await tx
        .insertInto('identity.sessions')
        .values({
          user_id: ids.get('company-admin')!,
          token_hash: 'x'.repeat(64),
          marketplace: 'splits',
          via: 'demo',
          idle_expires_at: new Date(Date.now() + 3600_000),
          absolute_expires_at: new Date(Date.now() + 3600_000),
        })
        .execute()
    })
    const result = await inTransaction(database.current.db, as('candidate', ['candidate']), async (tx) => ({
      profiles: (await sql`select display_name from identity.users`.execute(tx)).rows.length,
      sessions: (await sql`select 1 from identity.sessions`.execute(tx)).rows.length,
      challenges: (await sql`select 1 from identity.sign_in_challenges`.execute(tx)).rows.length,
    }))
    expect(result).toEqual({ profiles: DEMO_PERSONAS.length, sessions: 0, challenges: 0 })
  })

  it('refuses writes outside the policy', async () => {
    await expect(
      inTransaction(database.current.db, as('candidate', ['candidate']), (tx) =>
        sql`insert into identity.memberships (user_id, organization_id, role)
            select ${ids.get('candidate')}::uuid, id, 'platform_admin' from identity.organizations where slug = 'splits-network'`.execute(
          tx,
        ),
      ),
    ).rejects.toThrow(/row-level security/)
    const changed = await inTransaction(database.current.db, as('candidate', ['candidate']), (tx) =>
      sql`update identity.user_contacts set email = 'stolen@x.demo' where user_id = ${ids.get('company-admin')}`.execute(
        tx,
      ),
    )
    expect(Number(changed.numAffectedRows)).toBe(0)
  })

  it('refuses a membership whose role does not fit the organisation', async () => {
    await expect(
      inTransaction(database.current.db, systemActor('test'), (tx) =>
        sql`insert into identity.memberships (user_id, organization_id, role)
            select ${ids.get('candidate')}::uuid, id, 'recruiter' from identity.organizations where slug = 'acme-robotics'`.execute(
          tx,
        ),
      ),
    ).rejects.toThrow(/does not fit a company organisation/)
  })
})
