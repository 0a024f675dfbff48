import { describe, expect, it } from 'vitest'
import type { SeedStep } from './module.ts'
import { seedPrerequisites } from './seed.ts'

const step = (name: string, after?: string[]): SeedStep => ({
  name,
  version: 1,
  description: name,
  after,
  run: async () => undefined,
})

describe('seed prerequisites', () => {
  it('makes a step without `after` wait for every step listed before it', () => {
    const order = seedPrerequisites([step('identity'), step('marketplace'), step('billing')])
    expect(order.get('identity')).toEqual([])
    expect(order.get('billing')).toEqual(['identity', 'marketplace'])
  })

  it('lets a step name only what it reads, so it runs beside the others', () => {
    const order = seedPrerequisites([step('identity'), step('marketplace'), step('ofair', ['identity'])])
    expect(order.get('ofair')).toEqual(['identity'])
  })

  it('refuses a prerequisite that is not listed before the step', () => {
    expect(() => seedPrerequisites([step('ofair', ['identity']), step('identity')])).toThrow(
      /runs after identity, which is not listed before it/,
    )
  })
})
