import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MASK, maskContactDetails } from './mask.ts'

describe('maskContactDetails', () => {
  it.each([
    ['תתקשר אליי 050-123-4567 בערב', 'תתקשר אליי ••• בערב'],
    ['+972 50 123 4567', '•••'],
    ['0501234567', '•••'],
    ['(03) 555-1234', '•••'],
    ['my mail: dana.cohen@example.co.il thanks', 'my mail: ••• thanks'],
    ['dana at gmail: dana (at) gmail (dot) com', 'dana at gmail: •••'],
    ['אני גר ברחוב הרצל 12 בתל אביב', 'אני גר ב••• בתל אביב'],
    ["רח' יפו 5א", '•••'],
    ['12 Herzl Street, Haifa', '•••, Haifa'],
  ])('hides %s', (input, expected) => {
    const r = maskContactDetails(input)
    expect(r.text).toBe(expected)
    expect(r.masked).toBe(true)
  })

  it.each([
    'אפשר להגיע מחר ב-10:00?',
    'המחיר 1,200 ₪ כולל חומרים',
    'Three sockets, 2 hours of work',
    '<script>alert(1)</script>',
    'דירה בקומה 3, 4 חדרים',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(maskContactDetails(input)).toEqual({ text: input, masked: false })
  })

  it('any Israeli mobile number, however it is split, is hidden', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', ' - ')
    fc.assert(
      fc.property(
        fc.stringMatching(/^05\d{8}$/),
        sep,
        sep,
        fc.string({ maxLength: 20 }),
        (phone, a, b, before) => {
          const typed = `${phone.slice(0, 3)}${a}${phone.slice(3, 6)}${b}${phone.slice(6)}`
          const prefix = before.replace(/\d/g, 'x')
          const r = maskContactDetails(`${prefix} ${typed}`)
          expect(r.masked).toBe(true)
          expect(r.text).not.toContain(phone.slice(3))
          expect(r.text).toContain(MASK)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('masking never adds digits and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const once = maskContactDetails(s).text
        expect(maskContactDetails(once).text).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })
})
