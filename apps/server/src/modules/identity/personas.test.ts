import { describe, expect, it } from 'vitest'
import { normalizeEmail, normalizeIsraeliMobile } from './contacts.ts'
import { DEMO_PERSONAS } from './personas.ts'

describe('demo personas', () => {
  it('have valid, unique contacts that sign-in will accept', () => {
    const seen = new Set<string>()
    for (const p of DEMO_PERSONAS) {
      expect(p.email ?? p.phone).toBeTruthy()
      if (p.email) expect(normalizeEmail(p.email)).toBe(p.email)
      if (p.phone) expect(normalizeIsraeliMobile(p.phone)).toMatch(/^\+9725/)
      for (const c of [p.email, p.phone].filter(Boolean)) {
        expect(seen.has(c!)).toBe(false)
        seen.add(c!)
      }
    }
  })
})
