import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { asSystem, inTransaction, systemActor } from './transaction.ts'

/** asSystem switches the actor for part of a transaction and always switches back. */
const database = useTestDatabase()
const user = { kind: 'user' as const, userId: '0190c0de-0000-7000-8000-000000000001', roles: ['recruiter'] }

const actorNow = async (tx: any) =>
  (
    await sql<{ kind: string; name: string }>`select current_setting('app.actor_kind', true) as kind,
      current_setting('app.actor_name', true) as name`.execute(tx)
  ).rows[0]

describe('asSystem', () => {
  it('runs as the system, nested or not, and restores the caller even when the work fails', async () => {
    const seen = await inTransaction(database.current.db, user, async (tx) => {
      const inner = await asSystem(tx, 'outer', async () => {
        const outer = await actorNow(tx)
        const nested = await asSystem(tx, 'inner', () => actorNow(tx))
        return { outer, nested, back: await actorNow(tx) }
      })
      await expect(asSystem(tx, 'failing', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
      return { ...inner, after: await actorNow(tx) }
    })
    expect(seen).toEqual({
      outer: { kind: 'system', name: 'outer' },
      // already the system: not switched again
      nested: { kind: 'system', name: 'outer' },
      back: { kind: 'system', name: 'outer' },
      after: { kind: 'user', name: '' },
    })
  })

  it('asks the server for the actor of a handle it did not open; a system transaction is not switched', async () => {
    const asUser = await inTransaction(database.current.db, user, async (tx) => {
      // a derived handle (same connection, new object) is not one inTransaction opened
      const derived = tx.withSchema('public')
      const inside = await asSystem(derived, 'other', () => actorNow(derived))
      return { inside, after: await actorNow(tx) }
    })
    expect(asUser).toEqual({ inside: { kind: 'system', name: 'other' }, after: { kind: 'user', name: '' } })
    const asSeed = await inTransaction(database.current.db, systemActor('seed'), async (tx) => ({
      tracked: await asSystem(tx, 'other', () => actorNow(tx)),
      derived: await asSystem(tx.withSchema('public'), 'other', () => actorNow(tx)),
    }))
    expect(asSeed).toEqual({
      tracked: { kind: 'system', name: 'seed' },
      derived: { kind: 'system', name: 'seed' },
    })
  })
})
