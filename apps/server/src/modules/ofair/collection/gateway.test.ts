import { describe, expect, it } from 'vitest'
import { AppError } from '../../../kernel/errors.ts'
import { verifySignedBody, webhookSignature } from './gateway.ts'

const secret = 'test-secret'
const now = new Date('2026-12-01T10:00:00Z')
const body = (extra: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({ EventId: 'evt_1', Timestamp: now.toISOString(), Type: 'LowProfile', ...extra }),
  )

const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return e instanceof AppError ? e.code : String(e)
  }
  return 'accepted'
}

describe('webhook signature verification', () => {
  it('accepts the exact bytes signed with the secret', () => {
    const raw = body()
    expect(verifySignedBody(secret, raw, webhookSignature(secret, raw), now)).toMatchObject({
      EventId: 'evt_1',
    })
  })

  it('refuses a missing, wrong-secret, truncated or tampered signature', () => {
    const raw = body()
    const good = webhookSignature(secret, raw)
    expect(code(() => verifySignedBody(secret, raw, undefined, now))).toBe('webhook_signature_invalid')
    expect(code(() => verifySignedBody(secret, raw, webhookSignature('other', raw), now))).toBe(
      'webhook_signature_invalid',
    )
    expect(code(() => verifySignedBody(secret, raw, good.slice(0, -2), now))).toBe(
      'webhook_signature_invalid',
    )
    // one changed byte of the body (the amount, say): the old signature no longer verifies
    const tampered = Buffer.from(raw.toString().replace('LowProfile', 'LowProfilf'))
    expect(code(() => verifySignedBody(secret, tampered, good, now))).toBe('webhook_signature_invalid')
    // re-serialised JSON (spaces) is not the signed bytes
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 1))
    expect(code(() => verifySignedBody(secret, reformatted, good, now))).toBe('webhook_signature_invalid')
  })

  it('refuses a timestamp more than 5 minutes old (or ahead), even when signed', () => {
    const old = body({ Timestamp: new Date(now.getTime() - 5 * 60_000 - 1).toISOString() })
    expect(code(() => verifySignedBody(secret, old, webhookSignature(secret, old), now))).toBe(
      'webhook_timestamp_too_old',
    )
    const edge = body({ Timestamp: new Date(now.getTime() - 5 * 60_000).toISOString() })
    expect(code(() => verifySignedBody(secret, edge, webhookSignature(secret, edge), now))).toBe('accepted')
    const ahead = body({ Timestamp: new Date(now.getTime() + 6 * 60_000).toISOString() })
    expect(code(() => verifySignedBody(secret, ahead, webhookSignature(secret, ahead), now))).toBe(
      'webhook_timestamp_too_old',
    )
  })

  it('refuses signed bodies without an event id or timestamp, or that are not JSON', () => {
    for (const raw of [
      Buffer.from(JSON.stringify({ Timestamp: now.toISOString() })),
      Buffer.from(JSON.stringify({ EventId: 'x' })),
      Buffer.from('not json'),
    ]) {
      expect(code(() => verifySignedBody(secret, raw, webhookSignature(secret, raw), now))).toBe(
        'webhook_signature_invalid',
      )
    }
  })
})
