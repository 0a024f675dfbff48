import type { SeedStep } from '../../../kernel/module.ts'

/** Placeholder: filled in below. */
export const demoOfairSeed: SeedStep = {
  name: 'ofair.demo',
  version: 1,
  description: 'OFAIR demo data',
  run: async () => ({}),
}
