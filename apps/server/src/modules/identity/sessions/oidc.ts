import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose'
import type { AppConfig } from '../../../config/config.ts'
import type { Db } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { IdentityTx } from '../route.ts'

/**
 * Bearer JWTs from an external identity provider (Clerk or any OIDC issuer), verified locally
 * against its JWKS (cached and refreshed by jose): signature, issuer, audience, expiry and — when
 * configured — the authorised party (`azp`). The token's subject is mapped to one of our users.
 */
export class OidcVerifier {
  readonly #jwks: ReturnType<typeof createRemoteJWKSet>
  readonly #oidc: NonNullable<AppConfig['auth']['oidc']>

  constructor(oidc: NonNullable<AppConfig['auth']['oidc']>) {
    this.#oidc = oidc
    this.#jwks = createRemoteJWKSet(new URL(oidc.jwksUrl), {
      cooldownDuration: 30_000,
      timeoutDuration: 5_000,
    })
  }

  async verify(token: string): Promise<JWTPayload & { sub: string }> {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, this.#jwks, {
        issuer: this.#oidc.issuer,
        audience: this.#oidc.audience,
        algorithms: ['RS256', 'ES256', 'EdDSA', 'PS256'],
        clockTolerance: 5,
      }))
    } catch (err) {
      const reason =
        err instanceof errors.JWTExpired
          ? 'the token has expired'
          : err instanceof errors.JWTClaimValidationFailed
            ? `claim ${err.claim} is not accepted`
            : err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey
              ? 'the signature does not verify'
              : 'the token is not a valid JWT'
      throw new AppError('unauthenticated', `Bearer token refused: ${reason}`)
    }
    const azp = payload.azp
    if (
      this.#oidc.authorizedParties.length > 0 &&
      (typeof azp !== 'string' || !this.#oidc.authorizedParties.includes(azp))
    ) {
      throw new AppError(
        'unauthenticated',
        'Bearer token refused: its authorised party (azp) is not accepted',
      )
    }
    if (!payload.sub) throw new AppError('unauthenticated', 'Bearer token refused: it has no subject')
    return payload as JWTPayload & { sub: string }
  }

  /**
   * Our user for a verified token: by (issuer, subject), else by a verified email claim that
   * matches an existing person (then remembered). Unknown people are refused, not created.
   */
  async userIdFor(db: Db, payload: JWTPayload & { sub: string }): Promise<string> {
    const issuer = this.#oidc.issuer
    return inTransaction(db, systemActor('oidc'), async (tx: IdentityTx) => {
      const known = await tx
        .selectFrom('identity.external_identities')
        .select('user_id')
        .where('issuer', '=', issuer)
        .where('subject', '=', payload.sub)
        .executeTakeFirst()
      if (known) return known.user_id
      const email =
        typeof payload.email === 'string' && payload.email_verified === true
          ? payload.email.toLowerCase()
          : null
      const match = email
        ? await tx
            .selectFrom('identity.user_contacts')
            .select('user_id')
            .where('email', '=', email)
            .executeTakeFirst()
        : undefined
      if (!match)
        throw new AppError('unauthenticated', 'Bearer token refused: no account is linked to this identity')
      await tx
        .insertInto('identity.external_identities')
        .values({ issuer, subject: payload.sub, user_id: match.user_id })
        .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
        .execute()
      return match.user_id
    })
  }
}
