import { describe, expect, it } from 'vitest'
import { signedFileUrl, verifyFileSignature } from './signed-url.ts'

const secret = 'x'.repeat(40)
const id = '0190a0b0-0000-7000-8000-000000000001'

function parts(url: string) {
  const u = new URL(url, 'http://h')
  return { expires: Number(u.searchParams.get('expires')), sig: u.searchParams.get('sig')! }
}

describe('signed file links', () => {
  it('verify for their file until they expire', () => {
    const now = new Date('2026-05-01T10:00:00Z')
    const { expires, sig } = parts(signedFileUrl(secret, id, now, 300))
    expect(verifyFileSignature(secret, id, expires, sig, now)).toBe(true)
    expect(verifyFileSignature(secret, id, expires, sig, new Date('2026-05-01T10:05:01Z'))).toBe(false)
  })
  it('do not verify for another file, another expiry or another secret', () => {
    const now = new Date('2026-05-01T10:00:00Z')
    const { expires, sig } = parts(signedFileUrl(secret, id, now))
    expect(verifyFileSignature(secret, id.replace(/1$/, '2'), expires, sig, now)).toBe(false)
    expect(verifyFileSignature(secret, id, expires + 1, sig, now)).toBe(false)
    expect(verifyFileSignature('y'.repeat(40), id, expires, sig, now)).toBe(false)
    expect(verifyFileSignature(secret, id, expires, `${sig}x`, now)).toBe(false)
  })
})
