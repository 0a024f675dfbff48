import type { Pool } from 'pg'
import type { AppConfig } from '../../../config/config.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { Db } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { actorOf, type Membership, type Principal, type Role } from '../../../kernel/http/access.ts'
import { selfView } from '../account/service.ts'
import type { IdentityTx } from '../route.ts'
import { hmacHex, randomToken, sha256Hex } from '../secrets.ts'
import type { SessionCache } from './session-cache.ts'

export const SESSION_COOKIE = 'sid'
export const SESSION_TOKEN_PREFIX = 'ses_'
const TOKEN_SHAPE = /^ses_[A-Za-z0-9_-]{43}$/

export type Marketplace = 'splits' | 'ofair'
export type SignInMethod = 'email_code' | 'magic_link' | 'phone_code' | 'demo'

export interface NewSession {
  id: string
  /** Give this to the client once (cookie or bearer); only its hash is stored. */
  token: string
  csrfToken: string
  idleExpiresAt: Date
  absoluteExpiresAt: Date
}

/** The CSRF token of a session: derived, so it never needs storing and any process can check it. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return hmacHex(secret, `csrf:${sessionId}`).slice(0, 43)
}

export async function createSession(
  tx: IdentityTx,
  config: AppConfig,
  input: {
    userId: string
    marketplace: Marketplace
    via: SignInMethod
    ip?: string | undefined
    userAgent?: string | undefined
    now: Date
  },
): Promise<NewSession> {
  const token = randomToken(SESSION_TOKEN_PREFIX)
  const idleExpiresAt = new Date(input.now.getTime() + config.auth.sessionIdleHours * 3_600_000)
  const absoluteExpiresAt = new Date(input.now.getTime() + config.auth.sessionAbsoluteDays * 86_400_000)
  const row = await tx
    .insertInto('identity.sessions')
    .values({
      user_id: input.userId,
      token_hash: sha256Hex(token),
      marketplace: input.marketplace,
      via: input.via,
      created_at: input.now,
      last_seen_at: input.now,
      idle_expires_at: idleExpiresAt < absoluteExpiresAt ? idleExpiresAt : absoluteExpiresAt,
      absolute_expires_at: absoluteExpiresAt,
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    id: row.id,
    token,
    csrfToken: csrfTokenFor(config.auth.secret, row.id),
    idleExpiresAt,
    absoluteExpiresAt,
  }
}

export type SessionLookup =
  | { kind: 'valid'; principal: Principal; expiresAt: Date }
  | { kind: 'expired' }
  | { kind: 'unknown' }

interface SessionRow {
  id: string
  user_id: string
  display_name: string
  status: string
  last_seen_at: Date
  idle_expires_at: Date
  absolute_expires_at: Date
  memberships: { organization_id: string; role: Role }[]
}

/**
 * The principal behind a session token, in one query. Sliding idle expiry: the session is
 * touched at most once a minute so that busy clients do not write on every request.
 */ /** What a session check yields, as the cache keeps it. */
export interface CheckedSession {
  principal: Principal
  lastSeenAt: Date
  idleExpiresAt: Date
  absoluteExpiresAt: Date
}

/**
 * `pool` must be the session-check pool (system actor); `db` is used for the occasional touch.
 * With a `cache`, a session checked in the last few seconds is not read again (see
 * session-cache.ts: a change to the person empties their entries at once).
 */
export async function lookupSession(
  db: Db,
  pool: Pool,
  config: AppConfig,
  token: string,
  now: Date,
  cache?: SessionCache<CheckedSession>,
): Promise<SessionLookup> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' }
  const hash = sha256Hex(token)
  let checked = cache?.get(hash, now.getTime())
  // a cached session still slides its idle expiry: past a minute since it was last seen, read and touch
  if (checked && now.getTime() - checked.lastSeenAt.getTime() > 60_000) checked = undefined
  if (!checked) {
    const fresh = await readSession(db, pool, config, hash, now)
    if (fresh.kind !== 'valid') {
      cache?.forget(hash)
      return fresh
    }
    checked = fresh.checked
    cache?.set(hash, checked.principal.userId, checked, now.getTime())
  }
  if (checked.idleExpiresAt <= now || checked.absoluteExpiresAt <= now) {
    cache?.forget(hash)
    return { kind: 'expired' }
  }
  return { kind: 'valid', expiresAt: checked.idleExpiresAt, principal: checked.principal }
}

async function readSession(
  db: Db,
  pool: Pool,
  config: AppConfig,
  hash: string,
  now: Date,
): Promise<{ kind: 'valid'; checked: CheckedSession } | { kind: 'expired' } | { kind: 'unknown' }> {
  // One prepared statement on the session-check pool, whose connections start as the system actor
  // (see connectScopedPool): no transaction to open, no plan to make after the first time.
  const results = await pool.query<SessionRow>(
    `select s.id, s.user_id, u.display_name, u.status, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at,
            coalesce((select json_agg(json_build_object('organization_id', m.organization_id, 'role', m.role))
                        from identity.memberships m where m.user_id = s.user_id), '[]') as memberships
       from identity.sessions s join identity.users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null`,
    [hash],
  )
  const row = results.rows[0]
  if (!row) return { kind: 'unknown' }
  if (row.idle_expires_at <= now || row.absolute_expires_at <= now) return { kind: 'expired' }
  let idleExpiresAt = row.idle_expires_at
  let lastSeenAt = row.last_seen_at
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    const slid = new Date(now.getTime() + config.auth.sessionIdleHours * 3_600_000)
    idleExpiresAt = slid < row.absolute_expires_at ? slid : row.absolute_expires_at
    lastSeenAt = now
    const until = idleExpiresAt
    await inTransaction(db, systemActor('session-touch'), (tx: IdentityTx) =>
      tx
        .updateTable('identity.sessions')
        .set({ last_seen_at: now, idle_expires_at: until })
        .where('id', '=', row.id)
        .execute(),
    )
  }
  const memberships: Membership[] = row.memberships.map((m) => ({
    organizationId: m.organization_id,
    role: m.role,
  }))
  return {
    kind: 'valid',
    checked: {
      lastSeenAt,
      idleExpiresAt,
      absoluteExpiresAt: row.absolute_expires_at,
      principal: {
        userId: row.user_id,
        displayName: row.display_name,
        roles: [...new Set(memberships.map((m) => m.role))],
        memberships,
        via: 'session',
        sessionId: row.id,
        csrfToken: csrfTokenFor(config.auth.secret, row.id),
        suspended: row.status !== 'active',
      },
    },
  }
}

/**
 * Revokes one of a person's sessions; true if it was theirs and still live. The owner is part of
 * the query, not left to row-level security: a platform admin may see every session (to count and
 * end them from the admin screen), and "my sessions" must still mean the caller's own.
 */
export async function revokeSession(
  tx: IdentityTx,
  owner: string,
  sessionId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('identity.sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('user_id', '=', owner)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function revokeSessionByToken(
  tx: IdentityTx,
  token: string,
  reason: string,
  now: Date,
): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) return
  await tx
    .updateTable('identity.sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .execute()
}

export async function revokeAllSessions(
  tx: IdentityTx,
  userId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await tx
    .updateTable('identity.sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The caller's live sessions, most recently used first (whoever the caller is: admins see only theirs). */
export async function listOwnSessions(tx: IdentityTx, principal: Principal, now: Date) {
  const rows = await tx
    .selectFrom('identity.sessions')
    .select(['id', 'marketplace', 'via', 'created_at', 'last_seen_at', 'idle_expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', principal.userId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((s) => ({
    id: s.id,
    marketplace: s.marketplace as Marketplace,
    via: s.via,
    created_at: s.created_at,
    last_seen_at: s.last_seen_at,
    expires_at: s.idle_expires_at,
    ip: s.ip,
    user_agent: s.user_agent,
    current: s.id === principal.sessionId,
  }))
}

/**
 * Ends one of the caller's sessions: the current one when no id is given (sign-out). Another
 * person's session, or one already ended, is a 404.
 */
export async function endOwnSession(
  tx: IdentityTx,
  principal: Principal,
  sessionId: string | undefined,
  now: Date,
): Promise<{ current: boolean }> {
  const target = sessionId ?? principal.sessionId
  if (!target) throw new AppError('unprocessable', 'This credential is not a session; give session_id')
  const current = target === principal.sessionId
  const revoked = await revokeSession(
    tx,
    principal.userId,
    target,
    current ? 'signed out' : 'revoked by its owner',
    now,
  )
  if (!revoked) throw new AppError('not_found', 'No such live session of yours')
  return { current }
}

/** Who am I: anonymous answers need no database; a signed-in caller gets their own view. */
export async function whoAmI(ctx: AppContext, principal: Principal | null, requestId: string) {
  const demo_mode = ctx.config.demoMode
  if (!principal) return { signed_in: false, demo_mode }
  const user = await inTransaction(
    ctx.db,
    actorOf(principal),
    (tx: IdentityTx) => selfView(tx, principal.userId),
    {
      requestId,
    },
  )
  return {
    signed_in: true,
    demo_mode,
    user,
    via: principal.via,
    ...(principal.csrfToken && principal.via === 'session' ? { csrf_token: principal.csrfToken } : {}),
  }
}
