import { describe, expect, it } from 'vitest'
import { ERROR_STATUS, ERROR_TITLE, type ErrorCode } from './errors.ts'

describe('error catalog', () => {
  it('gives every code an error status and a title', () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400)
      expect(ERROR_STATUS[code]).toBeLessThan(600)
      expect(ERROR_TITLE[code].length).toBeGreaterThan(3)
    }
  })
})
