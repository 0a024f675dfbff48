import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskEmail, maskPhone, normalizeEmail, normalizeIsraeliMobile } from './contacts.ts'

describe('normalizeIsraeliMobile', () => {
  it.each([
    '050-234-5678',
    '0502345678',
    '+972 50-234-5678',
    '972502345678',
    '00972502345678',
    ' 050 234 5678 ',
  ])('accepts %s as +972502345678', (input) => expect(normalizeIsraeliMobile(input)).toBe('+972502345678'))
  it.each([
    ['02-123-4567', 'a Jerusalem landline'],
    ['077-123-4567', 'a VoIP number'],
    ['1-800-123-456', 'toll-free'],
    ['058-123-4567', 'an unallocated mobile block'],
    ['+1 202 555 0143', 'a US number'],
    ['*2345', 'a star code'],
    ['050-234-567', 'too short'],
    ['hello', 'not a number'],
    ['', 'empty'],
  ])('refuses %s (%s)', (input) => expect(normalizeIsraeliMobile(input)).toBeNull())

  it('never throws and only returns +972 numbers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = normalizeIsraeliMobile(s)
        expect(n === null || /^\+9725\d{8}$/.test(n)).toBe(true)
      }),
    )
  })
})

describe('emails', () => {
  it('normalises case and whitespace and refuses non-addresses', () => {
    expect(normalizeEmail('  Dana.Cohen@Acme.Demo ')).toBe('dana.cohen@acme.demo')
    expect(normalizeEmail('not-an-email')).toBeNull()
    expect(normalizeEmail('a@b')).toBeNull()
  })
  it('masks', () => {
    expect(maskEmail('dana@acme.demo')).toBe('d***@acme.demo')
    expect(maskPhone('+972502345678')).toBe('+972 50-***-5678')
  })
})
