import type { DemoSize } from './types.ts'

/** The demo's own size; tests may ask for less. */
export const DEMO_SIZE: DemoSize = {
  roles: 200,
  recruiters: 60,
  candidates: 3000,
  applications: 1500,
  placements: 100,
}
