import { sql } from 'kysely'
import type { AppContext } from '../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../apps/server/src/kernel/db/transaction.ts'
import { normalizeIsraeliMobile } from '../../../apps/server/src/modules/identity/contacts.ts'
import type { IdentityTx } from '../../../apps/server/src/modules/identity/route.ts'
import { createSession } from '../../../apps/server/src/modules/identity/sessions/service.ts'

export interface TestSession {
  userId: string
  /** The session's id (as `GET /api/account/sessions` lists it). */
  sessionId: string
  token: string
  csrfToken: string
  /** Headers for a browser-like caller: the session cookie plus the CSRF header. */
  headers: Record<string, string>
  /** Headers for an API client: the session as a bearer token. */
  bearer: Record<string, string>
}

/** A session for a known user, created directly (no code round trip). */
export async function sessionOfUser(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock'>,
  userId: string,
  options: { marketplace?: 'splits' | 'ofair'; ip?: string; userAgent?: string } = {},
): Promise<TestSession> {
  return inTransaction(ctx.db, systemActor('test'), async (tx: IdentityTx) => {
    const session = await createSession(tx, ctx.config, {
      userId,
      marketplace: options.marketplace ?? 'splits',
      via: 'demo',
      ip: options.ip,
      userAgent: options.userAgent,
      now: ctx.clock.now(),
    })
    return {
      userId,
      sessionId: session.id,
      token: session.token,
      csrfToken: session.csrfToken,
      headers: { cookie: `sid=${session.token}`, 'x-csrf-token': session.csrfToken },
      bearer: { authorization: `Bearer ${session.token}` },
    }
  })
}

/** Signs a person in directly (no code round trip): for tests that are not about sign-in. */
export async function sessionFor(
  ctx: AppContext,
  who: { email?: string; phone?: string },
): Promise<TestSession> {
  const phone = who.phone ? normalizeIsraeliMobile(who.phone) : null
  const row = await inTransaction(ctx.db, systemActor('test'), async (tx: IdentityTx) => {
    return (
      await sql<{ user_id: string }>`select user_id from identity.user_contacts
        where email = ${who.email?.toLowerCase() ?? null} or phone = ${phone}`.execute(tx)
    ).rows[0]
  })
  if (!row) throw new Error(`no person with ${JSON.stringify(who)}`)
  return sessionOfUser(ctx, row.user_id, { marketplace: who.phone ? 'ofair' : 'splits' })
}
