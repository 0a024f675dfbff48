import { describe, expect, it } from 'vitest'
import { EARLY_ACCESS_WINDOW_HOURS } from '../../recruiting/index.ts'
import { PLANS } from './catalog.ts'

describe('the plan catalogue', () => {
  it('gives early access as recruiting models it: none, or the whole first look', () => {
    // recruiting keeps one window per role and a yes/no per recruiter; other hours would not be honoured
    for (const plan of Object.values(PLANS)) {
      expect([0, EARLY_ACCESS_WINDOW_HOURS], plan.tier).toContain(plan.entitlements.early_access_hours)
    }
    expect(PLANS.partner.entitlements.early_access_hours).toBe(EARLY_ACCESS_WINDOW_HOURS)
  })
})
