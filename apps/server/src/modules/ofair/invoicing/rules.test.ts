import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allocationRequired,
  documentNumber,
  inForce,
  monthEnd,
  monthHasEnded,
  monthStart,
  previousMonth,
  vatOn,
} from './rules.ts'

const RATES = [
  { effective_from: '2015-10-01', rate_bps: 1700 },
  { effective_from: '2025-01-01', rate_bps: 1800 },
]
const THRESHOLDS = [
  { effective_from: '2024-05-05', above_minor: 2_500_000n },
  { effective_from: '2025-01-01', above_minor: 2_000_000n },
  { effective_from: '2026-01-01', above_minor: 1_000_000n },
  { effective_from: '2026-06-01', above_minor: 500_000n },
]

describe('VAT rate in force', () => {
  it('is 17% up to the last day of 2024 and 18% from 2025-01-01', () => {
    expect(inForce(RATES, '2024-12-31')?.rate_bps).toBe(1700)
    expect(inForce(RATES, '2025-01-01')?.rate_bps).toBe(1800)
    expect(inForce(RATES, '2026-11-30')?.rate_bps).toBe(1800)
    expect(inForce(RATES, '2015-09-30')).toBeUndefined()
  })
  it('does not depend on the order of the rows', () => {
    expect(inForce([...RATES].reverse(), '2025-06-01')?.rate_bps).toBe(1800)
  })
})

describe('VAT on an amount', () => {
  it('rounds half up to the agora', () => {
    expect(vatOn(5000n, 1800)).toBe(900n) // ₪50 → ₪9
    expect(vatOn(1n, 1800)).toBe(0n)
    expect(vatOn(3n, 1800)).toBe(1n) // 0.54 → 1
    expect(vatOn(25n, 1800)).toBe(5n) // 4.5 → 5
    expect(vatOn(-25n, 1800)).toBe(-5n)
  })
  it('is within half an agora of the exact amount, for any amount and rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10000 }), (a, r) => {
        const v = vatOn(a, r)
        const exact2 = a * BigInt(r) * 2n // twice the exact VAT, in 1/10000 agorot
        return v * 20000n - exact2 <= 10000n && exact2 - v * 20000n < 10000n
      }),
      { numRuns: 10_000 },
    )
  })
})

describe('allocation number thresholds', () => {
  const need = (
    date: string,
    before: bigint,
    type: 'osek_murshe' | 'osek_patur' | 'company' = 'osek_murshe',
  ) => allocationRequired(THRESHOLDS, date, before, vatOn(before, 1800), type).required
  it('above ₪10,000 before VAT from 2026-01-01', () => {
    expect(need('2026-01-01', 1_000_000n)).toBe(false)
    expect(need('2026-01-01', 1_000_001n)).toBe(true)
    expect(need('2025-12-31', 1_500_000n)).toBe(false) // ₪20,000 then
    expect(need('2025-12-31', 2_000_001n)).toBe(true)
  })
  it('above ₪5,000 before VAT from 2026-06-01', () => {
    expect(need('2026-05-31', 600_000n)).toBe(false)
    expect(need('2026-06-01', 500_000n)).toBe(false)
    expect(need('2026-06-01', 500_001n)).toBe(true)
    expect(need('2026-12-01', 600_000n, 'company')).toBe(true)
  })
  it('never for an exempt dealer (no input VAT to deduct) or an invoice without VAT', () => {
    expect(need('2026-12-01', 10_000_000n, 'osek_patur')).toBe(false)
    expect(allocationRequired(THRESHOLDS, '2026-12-01', 10_000_000n, 0n, 'company').required).toBe(false)
  })
  it('before the scheme: never', () => {
    expect(need('2024-01-01', 10_000_000n)).toBe(false)
  })
})

describe('months', () => {
  it('parses YYYY-MM only', () => {
    expect(monthStart('2026-11')).toBe('2026-11-01')
    for (const bad of ['2026-13', '2026-1', '26-11', '2026-11-01', 'november', '1999-12', '']) {
      expect(monthStart(bad)).toBeNull()
    }
  })
  it('knows the last day, leap years included', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28')
    expect(monthEnd('2028-02')).toBe('2028-02-29')
    expect(monthEnd('2026-11')).toBe('2026-11-30')
  })
  it('takes the previous month in Asia/Jerusalem', () => {
    // 2026-12-01 00:30 in Jerusalem is still 2026-11-30 in UTC
    expect(previousMonth(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11')
    expect(previousMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12')
    expect(monthHasEnded('2026-11', new Date('2026-11-30T21:59:00Z'))).toBe(false)
    expect(monthHasEnded('2026-11', new Date('2026-11-30T22:01:00Z'))).toBe(true)
  })
  it('numbers are zero-padded serials', () => {
    expect(documentNumber(17n)).toBe('000017')
  })
})
