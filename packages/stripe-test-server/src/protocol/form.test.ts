import { describe, expect, test } from 'vitest'
import { ApiFailure } from './errors.ts'
import { canonicalParams, parseForm } from './form.ts'

describe('parseForm', () => {
  test('nested hashes, indexed arrays, appended arrays and metadata', () => {
    const body =
      'amount=100&metadata[invoice]=inv_1&metadata[0]=zero&capabilities[transfers][requested]=true' +
      '&expand[0]=latest_charge&expand[1]=customer&items[0][price]=p1&items[1][price]=p2&tags[]=a&tags[]=b'
    expect(parseForm(body)).toEqual({
      amount: '100',
      metadata: { invoice: 'inv_1', 0: 'zero' },
      capabilities: { transfers: { requested: 'true' } },
      expand: ['latest_charge', 'customer'],
      items: [{ price: 'p1' }, { price: 'p2' }],
      tags: ['a', 'b'],
    })
  })

  test('decodes percent-encoding and plus signs; keeps empty values (unset)', () => {
    expect(parseForm('description=caf%C3%A9+au+lait&metadata[k]=&email=a%2Bb%40x.test')).toEqual({
      description: 'café au lait',
      metadata: { k: '' },
      email: 'a+b@x.test',
    })
    expect(parseForm('a%5Bb%5D=2')).toEqual({ a: { b: '2' } })
  })

  test('refuses names that could reach the prototype and malformed brackets', () => {
    for (const bad of [
      '__proto__[x]=1',
      'a[__proto__][x]=1',
      'a[constructor]=1',
      'a[b=1',
      'a[b]c=1',
      'a=1&a[b]=2',
      '[x]=1',
    ]) {
      expect(() => parseForm(bad), bad).toThrow(ApiFailure)
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  test('canonical form ignores key order, so replays compare equal', () => {
    expect(canonicalParams(parseForm('a=1&b[y]=2&b[x]=3'))).toBe(
      canonicalParams(parseForm('b[x]=3&a=1&b[y]=2')),
    )
    expect(canonicalParams(parseForm('a=1'))).not.toBe(canonicalParams(parseForm('a=2')))
  })
})
