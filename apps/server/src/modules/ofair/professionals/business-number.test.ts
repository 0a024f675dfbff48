import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasValidCheckDigit, validBusinessNumber } from './business-number.ts'

describe('Israeli business numbers', () => {
  it('accepts the published examples and refuses a wrong check digit', () => {
    expect(validBusinessNumber('516179157', 'company')).toBe('516179157')
    expect(validBusinessNumber('516179150', 'company')).toBeNull()
    expect(validBusinessNumber('050012343', 'osek_murshe')).toBe('050012343')
    expect(validBusinessNumber('50012343', 'osek_murshe')).toBe('050012343')
    expect(validBusinessNumber('123456782', 'osek_patur')).toBe('123456782')
    expect(validBusinessNumber('51-617915-7', 'company')).toBe('516179157')
  })
  it('requires a company number to start with 5', () => {
    expect(validBusinessNumber('123456782', 'company')).toBeNull()
  })
  it('refuses what is not nine digits', () => {
    for (const bad of ['', 'abc', '1234', '1234567890', '12345678a', '５１６１７９１５７']) {
      expect(validBusinessNumber(bad, 'osek_murshe')).toBeNull()
    }
  })
  it('has exactly one valid check digit for every eight-digit prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (prefix) => {
        const p = String(prefix).padStart(8, '0')
        const valid = [...'0123456789'].filter((d) => hasValidCheckDigit(p + d))
        expect(valid).toHaveLength(1)
      }),
    )
  })
})
