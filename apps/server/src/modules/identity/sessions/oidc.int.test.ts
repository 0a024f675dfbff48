import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { demoPersonasSeed } from '../seed.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let jwks: http.Server
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey']
let signingKey: PrivateKey
let strangerKey: PrivateKey
const ISSUER = 'https://clerk.example.test'
const AUDIENCE = 'splits-api'

beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  signingKey = pair.privateKey
  strangerKey = (await generateKeyPair('RS256')).privateKey
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }
  jwks = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }))
  })
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve))
  app = await startTestApp(database.current.url, {
    env: {
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
      OIDC_AUTHORIZED_PARTIES: 'https://app.splits.test',
    },
  })
  await demoPersonasSeed.run(app.ctx, () => {})
})
afterAll(async () => {
  await app?.stop()
  jwks?.close()
})

function token(
  claims: Record<string, unknown>,
  options: { key?: PrivateKey; expires?: string; kid?: string } = {},
) {
  return new SignJWT({ azp: 'https://app.splits.test', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1' })
    .setIssuer((claims.iss as string) ?? ISSUER)
    .setAudience((claims.aud as string) ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(options.key ?? signingKey)
}

const account = async (jwt: string) => {
  const res = await fetch(`${app.baseUrl}/api/account`, { headers: { authorization: `Bearer ${jwt}` } })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('bearer JWTs from an external identity provider', () => {
  it('links a verified email to the existing person, then recognises the subject', async () => {
    const first = await account(
      await token({ sub: 'user_abc', email: 'Dana@acme.demo', email_verified: true }),
    )
    expect(first.status).toBe(200)
    expect(first.body.display_name).toBe('Dana Cohen')
    const again = await account(await token({ sub: 'user_abc' }))
    expect(again.status).toBe(200)
    expect(again.body.email).toBe('dana@acme.demo')
  })

  it('needs no CSRF token (not a cookie) and can mutate', async () => {
    const res = await fetch(`${app.baseUrl}/api/account`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await token({ sub: 'user_abc' })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ locale: 'he' }),
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['an unknown subject with no verified email', async () => token({ sub: 'user_zzz' })],
    [
      'an unverified email claim',
      async () => token({ sub: 'user_new', email: 'eli@acme.demo', email_verified: false }),
    ],
    ['an expired token', async () => token({ sub: 'user_abc' }, { expires: '-1m' })],
    ['another audience', async () => token({ sub: 'user_abc', aud: 'someone-else' })],
    ['another issuer', async () => token({ sub: 'user_abc', iss: 'https://evil.example' })],
    ['an unaccepted authorised party', async () => token({ sub: 'user_abc', azp: 'https://evil.example' })],
    ['a signature by another key', async () => token({ sub: 'user_abc' }, { key: strangerKey })],
    ['an unknown key id', async () => token({ sub: 'user_abc' }, { kid: 'key-9' })],
    [
      'an unsigned token (alg none)',
      async () =>
        `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(
          JSON.stringify({
            sub: 'user_abc',
            iss: ISSUER,
            aud: AUDIENCE,
            exp: Math.floor(Date.now() / 1000) + 300,
          }),
        ).toString('base64url')}.`,
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s with 401', async (_what, make) => {
    const r = await account(await make())
    expect(r.status).toBe(401)
    expect(r.body.code).toBe('unauthenticated')
    expect(String(r.body.detail)).toMatch(/Bearer token refused|not a valid/)
  })

  it('refuses a malformed Authorization header', async () => {
    const res = await fetch(`${app.baseUrl}/api/account`, { headers: { authorization: 'Basic abc' } })
    expect(res.status).toBe(401)
  })
})
