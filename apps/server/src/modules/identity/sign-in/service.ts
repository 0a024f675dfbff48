import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError, type ErrorCode } from '../../../kernel/errors.ts'
import { type SelfView, selfView } from '../account/service.ts'
import { maskEmail, maskPhone, normalizeEmail, normalizeIsraeliMobile } from '../contacts.ts'
import { openInvitationTo } from '../invitations/service.ts'
import type { IdentityTx } from '../route.ts'
import { hmacHex, oneTimeCode, randomToken, safeEqual, sha256Hex } from '../secrets.ts'
import {
  createSession,
  type Marketplace,
  type NewSession,
  revokeSessionByToken,
  type SignInMethod,
} from '../sessions/service.ts'
import { hebrew, signInEmail, signInSms } from './messages.ts'
import { addressLimits, enforceSendLimits } from './send-limits.ts'

const LINK_TOKEN_PREFIX = 'ml_'
const LINK_TOKEN_SHAPE = /^ml_[A-Za-z0-9_-]{43}$/

export interface StartedSignIn {
  challengeId: string
  expiresAt: Date
  /** Masked destination, e.g. d***@acme.demo */
  sentTo: string
}

export interface SignedIn {
  session: NewSession
  userId: string
  /** The person as they see themselves (the sign-in answer's `user`). */
  user: SelfView
  marketplace: Marketplace
  isNewUser: boolean
}

interface ChallengeRow {
  id: string
  channel: string
  destination: string
  marketplace: string
  user_id: string | null
  code_hash: string
  attempts: number
  max_attempts: number
  expires_at: Date
  consumed_at: Date | null
}

/**
 * Step one of a passwordless sign-in: a six-digit code (and, by email, a magic link) to the
 * person's email address (Splits Network) or Israeli mobile number (OFAIR). The answer is the same
 * whether or not an account exists: a challenge is always recorded, and the message is sent in the
 * background so response times do not tell either. OFAIR numbers without an account are sent a
 * code too: verifying it creates the account (sign-up by phone).
 */
export async function startSignIn(
  ctx: AppContext,
  input: { channel: 'email' | 'sms'; destination: string; ip: string },
): Promise<StartedSignIn> {
  const marketplace: Marketplace = input.channel === 'email' ? 'splits' : 'ofair'
  const destination =
    input.channel === 'email' ? normalizeEmail(input.destination) : normalizeIsraeliMobile(input.destination)
  if (!destination) {
    const field = input.channel === 'email' ? 'body.email' : 'body.phone'
    const message =
      input.channel === 'email' ? 'is not an email address' : 'is not a valid Israeli mobile number'
    throw new AppError('validation_failed', `${field}: ${message}`, {
      errors: [{ field, message }],
      ...(marketplace === 'ofair' ? { userMessage: hebrew.invalidPhone } : {}),
    })
  }
  const now = ctx.clock.now()
  const code = oneTimeCode()
  const linkToken = input.channel === 'email' ? randomToken(LINK_TOKEN_PREFIX) : null
  const expiresAt = new Date(now.getTime() + ctx.config.auth.codeTtlMinutes * 60_000)

  const { challengeId, userId, invited } = await inTransaction(
    ctx.db,
    systemActor('sign-in'),
    async (tx: IdentityTx) => {
      await enforceSendLimits(tx, {
        destination,
        ip: input.ip,
        now,
        marketplace,
        addressLimits: addressLimits(ctx.config),
      })
      const contact = await tx
        .selectFrom('identity.user_contacts')
        .select('user_id')
        .where(input.channel === 'email' ? 'email' : 'phone', '=', destination)
        .executeTakeFirst()
      // A new code replaces any earlier one still open for this destination.
      await tx
        .updateTable('identity.sign_in_challenges')
        .set({ expires_at: now })
        .where('destination', '=', destination)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', now)
        .execute()
      const id = (
        await tx
          .insertInto('identity.sign_in_challenges')
          .values({
            channel: input.channel,
            destination,
            marketplace,
            user_id: contact?.user_id ?? null,
            code_hash: '',
            link_token_hash: linkToken ? sha256Hex(linkToken) : null,
            created_at: now,
            expires_at: expiresAt,
            ip: input.ip,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      // The code is bound to its challenge: the same digits never verify another one.
      await tx
        .updateTable('identity.sign_in_challenges')
        .set({ code_hash: hmacHex(ctx.config.auth.secret, `${id}:${code}`) })
        .where('id', '=', id)
        .execute()
      // an address without an account is sent a code only when someone invited it: verifying
      // creates the account so the person can answer (the answer to this call does not change)
      const invited =
        !contact && input.channel === 'email' ? await openInvitationTo(tx, destination, now) : undefined
      return { challengeId: id, userId: contact?.user_id ?? null, invited: invited !== undefined }
    },
  )

  const deliver = userId !== null || marketplace === 'ofair' || invited
  if (deliver) {
    const minutes = ctx.config.auth.codeTtlMinutes
    const message =
      input.channel === 'email'
        ? signInEmail({
            to: destination,
            code,
            link: `${ctx.config.http.publicUrl}/auth/magic#token=${linkToken}`,
            minutes,
          })
        : signInSms({ to: destination, code, minutes, channel: ctx.config.sms.channel })
    ctx.background.run('send sign-in code', async () => {
      const result = await ctx.services.messages.send(message)
      if (!result.ok) {
        ctx.log.error(
          { challenge_id: challengeId, channel: message.channel, error: result.error },
          'sign-in code not delivered',
        )
      }
    })
  }
  ctx.log.info(
    { challenge_id: challengeId, channel: input.channel, known: userId !== null },
    'sign-in code requested',
  )
  return {
    challengeId,
    expiresAt,
    sentTo: input.channel === 'email' ? maskEmail(destination) : maskPhone(destination),
  }
}

type Failure = { fail: ErrorCode; detail: string; he: string; meta?: Record<string, unknown> }

function refuse(f: Failure, marketplace: string): never {
  throw new AppError(f.fail, f.detail, {
    ...(f.meta ? { meta: f.meta } : {}),
    ...(marketplace === 'ofair' ? { userMessage: f.he } : {}),
  })
}

/** Step two: the code from the message. Wrong codes count against the challenge (5 attempts). */
export async function verifySignInCode(
  ctx: AppContext,
  input: {
    challengeId: string
    code: string
    ip: string
    userAgent?: string | undefined
    previousToken?: string | undefined
  },
): Promise<SignedIn> {
  const now = ctx.clock.now()
  let marketplace = 'splits'
  const outcome = await inTransaction(
    ctx.db,
    systemActor('sign-in'),
    async (tx: IdentityTx): Promise<SignedIn | Failure> => {
      const ch = (
        await sql<ChallengeRow>`select * from identity.sign_in_challenges where id = ${input.challengeId} for update`.execute(
          tx,
        )
      ).rows[0]
      if (!ch) return { fail: 'code_invalid', detail: 'The code is not valid', he: hebrew.codeInvalid }
      marketplace = ch.marketplace
      const early = checkUsable(ch, now)
      if (early) return early
      if (!safeEqual(hmacHex(ctx.config.auth.secret, `${ch.id}:${input.code}`), ch.code_hash)) {
        await tx
          .updateTable('identity.sign_in_challenges')
          .set({ attempts: ch.attempts + 1 })
          .where('id', '=', ch.id)
          .execute()
        const remaining = ch.max_attempts - ch.attempts - 1
        return {
          fail: remaining > 0 ? 'code_invalid' : 'rate_limited',
          detail: remaining > 0 ? 'The code is not valid' : 'Too many wrong codes; request a new code',
          he: remaining > 0 ? hebrew.codeInvalid : hebrew.tooManyAttempts,
          meta: { attempts_remaining: Math.max(0, remaining) },
        }
      }
      return complete(ctx, tx, ch, ch.channel === 'email' ? 'email_code' : 'phone_code', now, input)
    },
  )
  if ('fail' in outcome) {
    ctx.log.info({ challenge_id: input.challengeId, reason: outcome.fail }, 'sign-in code refused')
    refuse(outcome, marketplace)
  }
  return outcome
}

/** The magic link's POST (its GET only shows a confirmation page: mail scanners fetch links). */
export async function consumeMagicLink(
  ctx: AppContext,
  input: { token: string; ip: string; userAgent?: string | undefined; previousToken?: string | undefined },
): Promise<SignedIn> {
  const invalid: Failure = {
    fail: 'code_invalid',
    detail: 'This sign-in link is not valid',
    he: hebrew.codeInvalid,
  }
  if (!LINK_TOKEN_SHAPE.test(input.token)) refuse(invalid, 'splits')
  const now = ctx.clock.now()
  const outcome = await inTransaction(
    ctx.db,
    systemActor('sign-in'),
    async (tx: IdentityTx): Promise<SignedIn | Failure> => {
      const ch = (
        await sql<ChallengeRow>`select * from identity.sign_in_challenges
        where link_token_hash = ${sha256Hex(input.token)} for update`.execute(tx)
      ).rows[0]
      if (!ch) return invalid
      const early = checkUsable(ch, now, 'link')
      if (early) return early
      return complete(ctx, tx, ch, 'magic_link', now, input)
    },
  )
  if ('fail' in outcome) {
    ctx.log.info({ reason: outcome.fail }, 'magic link refused')
    refuse(outcome, 'splits')
  }
  return outcome
}

function checkUsable(ch: ChallengeRow, now: Date, what: 'code' | 'link' = 'code'): Failure | undefined {
  if (ch.consumed_at) {
    return { fail: 'code_invalid', detail: `This ${what} has already been used`, he: hebrew.codeUsed }
  }
  if (ch.expires_at <= now) {
    return {
      fail: 'code_expired',
      detail: `This ${what} has expired; request a new one`,
      he: hebrew.codeExpired,
    }
  }
  if (ch.attempts >= ch.max_attempts) {
    return {
      fail: 'rate_limited',
      detail: 'Too many wrong codes; request a new code',
      he: hebrew.tooManyAttempts,
    }
  }
  return undefined
}

async function complete(
  ctx: AppContext,
  tx: IdentityTx,
  ch: ChallengeRow,
  via: SignInMethod,
  now: Date,
  input: { ip: string; userAgent?: string | undefined; previousToken?: string | undefined },
): Promise<SignedIn | Failure> {
  await tx
    .updateTable('identity.sign_in_challenges')
    .set({ consumed_at: now })
    .where('id', '=', ch.id)
    .execute()
  let userId = ch.user_id
  let isNewUser = false
  if (!userId) {
    // OFAIR signs people up by phone; Splits signs up an invited address (an unknown address
    // without an invitation got no message, so no code can match it).
    const signedUp = await signUp(tx, ch, now)
    if (!signedUp) return { fail: 'code_invalid', detail: 'The code is not valid', he: hebrew.codeInvalid }
    userId = signedUp.userId
    isNewUser = signedUp.isNew
  }
  const user = await tx
    .selectFrom('identity.users')
    .select(['status'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (user.status !== 'active') {
    return { fail: 'account_suspended', detail: 'This account is suspended', he: hebrew.suspended }
  }
  await tx
    .updateTable('identity.user_contacts')
    .set(ch.channel === 'email' ? { email_verified_at: now } : { phone_verified_at: now })
    .where('user_id', '=', userId)
    .execute()
  await tx.updateTable('identity.users').set({ last_sign_in_at: now }).where('id', '=', userId).execute()
  // Session rotation: whatever session this browser held before is ended.
  if (input.previousToken)
    await revokeSessionByToken(tx, input.previousToken, 'replaced by a new sign-in', now)
  const marketplace = ch.marketplace as Marketplace
  const session = await createSession(tx, ctx.config, {
    userId,
    marketplace,
    via,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
  })
  ctx.log.info({ user_id: userId, session_id: session.id, via, new_user: isNewUser }, 'signed in')
  return { session, userId, user: await selfView(tx, userId), marketplace, isNewUser }
}

/**
 * The account behind a challenge made for an address without one: a new OFAIR consumer for a
 * phone number, a new Splits person named as invited for an invited email address, or nobody.
 * Serialised on the address, so two codes verified at once make one account.
 */
async function signUp(
  tx: IdentityTx,
  ch: ChallengeRow,
  now: Date,
): Promise<{ userId: string; isNew: boolean } | undefined> {
  const byPhone = ch.marketplace === 'ofair' && ch.channel === 'sms'
  const invitation =
    !byPhone && ch.channel === 'email' ? await openInvitationTo(tx, ch.destination, now) : undefined
  if (!byPhone && !invitation) return undefined
  await lockKey(tx, `identity.sign_up:${ch.destination}`)
  const existing = await tx
    .selectFrom('identity.user_contacts')
    .select('user_id')
    .where(byPhone ? 'phone' : 'email', '=', ch.destination)
    .executeTakeFirst()
  if (existing) return { userId: existing.user_id, isNew: false }
  const user = await tx
    .insertInto('identity.users')
    .values(
      byPhone
        ? { display_name: 'משתמש חדש', locale: 'he', created_at: now, updated_at: now }
        : { display_name: invitation!.displayName, locale: 'en', created_at: now, updated_at: now },
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('identity.user_contacts')
    .values(
      byPhone
        ? { user_id: user.id, phone: ch.destination, phone_verified_at: now }
        : { user_id: user.id, email: ch.destination, email_verified_at: now },
    )
    .execute()
  if (byPhone) {
    const ofair = await tx
      .selectFrom('identity.organizations')
      .select('id')
      .where('kind', '=', 'platform')
      .where('marketplace', '=', 'ofair')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('identity.memberships')
      .values({ user_id: user.id, organization_id: ofair.id, role: 'consumer' })
      .execute()
  }
  return { userId: user.id, isNew: true }
}
