import { DEMO_SIZE } from './demo-size.ts'
import { DAY_MS, Rng, seededUuidV7, startOfDay } from './prng.ts'
import type { DemoContext, DemoInput, DemoPlan } from './types.ts'

/** The streams, anchor and empty plan every step of the generator shares. */
export function createDemoContext(input: DemoInput): DemoContext {
  const anchor = startOfDay(input.now.getTime())
  // forking reads nothing from `root`, so making every stream up front draws the same numbers
  const root = new Rng('splits-network-demo-marketplace-v1')
  const ids = root.fork('ids')
  return {
    input,
    size: input.size ?? DEMO_SIZE,
    anchor,
    rng: {
      ids,
      companies: root.fork('companies'),
      recruiters: root.fork('recruiters'),
      roles: root.fork('roles'),
      candidates: root.fork('candidates'),
      applications: root.fork('applications'),
      disputes: root.fork('disputes'),
      history: root.fork('history'),
      notes: root.fork('notes'),
      placements: root.fork('placements'),
    },
    plan: emptyPlan(anchor),
    usedEmails: new Set<string>(),
    uuid: (ms) => seededUuidV7(ms, ids),
    daysAgo: (d) => anchor - d * DAY_MS,
  }
}

function emptyPlan(anchor: number): DemoPlan {
  return {
    anchor: new Date(anchor),
    organizations: [],
    people: [],
    memberships: [],
    companies: [],
    companyBilling: [],
    recruiters: [],
    specializations: [],
    recruiterUpdates: [],
    roles: [],
    roleHistory: [],
    roleAssignments: [],
    candidates: [],
    candidateContacts: [],
    identityKeys: [],
    representations: [],
    applications: [],
    stageHistory: [],
    placements: [],
    placementSplits: [],
    disputes: [],
  }
}
