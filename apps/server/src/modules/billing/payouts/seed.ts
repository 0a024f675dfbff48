import type { SeedStep } from '../../../kernel/module.ts'

export const payoutsDemoSeed: SeedStep = {
  name: 'billing.payouts_demo',
  version: 1,
  description: 'payouts demo data',
  async run() {
    return {}
  },
}
