import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CURRENCY_CODES, type Currency } from './currencies.ts'
import { formatBps, formatMoney, parseMajor, toMajorString } from './money.ts'

describe('money text', () => {
  it('round-trips every amount exactly in every currency', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
        fc.constantFrom(...CURRENCY_CODES),
        (amount, currency) => {
          expect(parseMajor(toMajorString(amount, currency as Currency), currency as Currency)).toBe(amount)
        },
      ),
    )
  })
  it('refuses more decimals than the currency has, and non-numbers', () => {
    expect(parseMajor('10.005', 'USD')).toBeNull()
    expect(parseMajor('10.5', 'JPY')).toBeNull()
    expect(parseMajor('ten', 'USD')).toBeNull()
    expect(parseMajor('120,000', 'USD')).toBe(12000000n)
  })
  it('formats for people', () => {
    expect(formatMoney(12000050n, 'USD')).toBe('$120,000.50')
    expect(formatMoney(12000000n, 'USD', 'en-US', true)).toBe('$120,000')
    expect(formatMoney(1000n, 'JPY')).toBe('¥1,000')
    expect(formatBps(2000)).toBe('20%')
    expect(formatBps(1250)).toBe('12.5%')
  })
})
