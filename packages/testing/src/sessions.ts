import { sql } from 'kysely'
import type { AppContext } from '../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../apps/server/src/kernel/db/transaction.ts'
import { normalizeIsraeliMobile } from '../../../apps/server/src/modules/identity/contacts.ts'
import { createSession } from '../../../apps/server/src/modules/identity/sessions.ts'

export interface TestSession {
  userId: string
  token: string
  csrfToken: string
  /** Headers for a browser-like caller: the session cookie plus the CSRF header. */
  headers: Record<string, string>
  /** Headers for an API client: the session as a bearer token. */
  bearer: Record<string, string>
}

/** Signs a person in directly (no code round trip): for tests that are not about sign-in. */
export async function sessionFor(
  ctx: AppContext,
  who: { email?: string; phone?: string },
): Promise<TestSession> {
  const phone = who.phone ? normalizeIsraeliMobile(who.phone) : null
  return inTransaction(ctx.db, systemActor('test'), async (tx) => {
    const row = (
      await sql<{ user_id: string }>`select user_id from identity.user_contacts
        where email = ${who.email?.toLowerCase() ?? null} or phone = ${phone}`.execute(tx)
    ).rows[0]
    if (!row) throw new Error(`no person with ${JSON.stringify(who)}`)
    const session = await createSession(tx, ctx.config, {
      userId: row.user_id,
      marketplace: who.phone ? 'ofair' : 'splits',
      via: 'demo',
      now: ctx.clock.now(),
    })
    return {
      userId: row.user_id,
      token: session.token,
      csrfToken: session.csrfToken,
      headers: { cookie: `sid=${session.token}`, 'x-csrf-token': session.csrfToken },
      bearer: { authorization: `Bearer ${session.token}` },
    }
  })
}
