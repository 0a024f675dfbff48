import { describe, expect, it } from 'vitest'
import {
  AppError,
  defineErrors,
  errorCatalog,
  errorDefinition,
  KERNEL_ERRORS,
  rateLimited,
} from './errors.ts'

describe('error catalog', () => {
  it('gives every code an error status and a title', () => {
    for (const { code, status, title } of errorCatalog()) {
      expect(status, code).toBeGreaterThanOrEqual(400)
      expect(status, code).toBeLessThan(600)
      expect(title.length, code).toBeGreaterThan(3)
    }
    expect(errorCatalog().map((e) => e.code)).toEqual(expect.arrayContaining(Object.keys(KERNEL_ERRORS)))
  })

  it('refuses a code that two modules define, and shows a module’s codes once registered', () => {
    defineErrors('module-a', { a_thing_failed: { status: 422, title: 'A thing failed' } })
    expect(errorCatalog().find((e) => e.code === 'a_thing_failed')).toMatchObject({
      status: 422,
      module: 'module-a',
    })
    expect(() => defineErrors('module-b', { a_thing_failed: { status: 409, title: 'Other' } })).toThrow(
      /defined by both module-a and module-b/,
    )
  })

  it('answers an unregistered code as an internal error rather than a made-up status', () => {
    expect(errorDefinition('no_such_code' as never).status).toBe(500)
  })

  it('puts Retry-After on a 429', () => {
    const err = rateLimited('slow down', 12.2)
    expect(err).toBeInstanceOf(AppError)
    expect(err.status).toBe(429)
    expect(err.headers).toEqual({ 'retry-after': '13' })
    expect(err.meta).toMatchObject({ retry_after_seconds: 13 })
  })
})
