/**
 * Generates the Splits Network demo marketplace in memory: companies and their hiring teams,
 * recruiters, roles with their status history, candidates with contacts and identity keys,
 * applications with stage histories and representations, placements with split agreements and a
 * few ownership disputes. Pure: the same input gives the same rows (ids included), so the data is
 * identical on every run. `demo-marketplace.ts` writes the rows.
 *
 * Every invariant the services keep holds here too: a role takes submissions only while open, a
 * candidate is submitted only with consent and at most once per role, one active representation
 * per candidate and company (12 months from the first submission), stage histories walk the
 * allowed transitions with increasing times, placements carry the role's terms and splits that
 * sum to 10,000 bps.
 *
 * The steps run in a fixed order: they share the stream that makes every id (and the roles'
 * stream), so running one earlier or later would change the data.
 */
import { addApplicationRows } from './add-application-rows.ts'
import { addCandidateRows } from './add-candidate-rows.ts'
import { addRepresentationRows } from './add-representation-rows.ts'
import { addRoleRows } from './add-role-rows.ts'
import { createDemoContext } from './create-demo-context.ts'
import { generateApplications } from './generate-applications.ts'
import { generateCandidates } from './generate-candidates.ts'
import { generateCompanies } from './generate-companies.ts'
import { generateDisputes } from './generate-disputes.ts'
import { generateHires } from './generate-hires.ts'
import { generatePlacements } from './generate-placements.ts'
import { generateRecruiters } from './generate-recruiters.ts'
import { generateRepresentations } from './generate-representations.ts'
import { generateRoles } from './generate-roles.ts'
import type { DemoInput, DemoPlan } from './types.ts'

export { DEMO_SIZE } from './demo-size.ts'
export type { DemoInput, DemoPlan, DemoSize } from './types.ts'

export function generateDemoMarketplace(input: DemoInput): DemoPlan {
  const ctx = createDemoContext(input)
  const companies = generateCompanies(ctx)
  const recruiters = generateRecruiters(ctx)
  const roles = generateRoles(ctx, companies, recruiters)
  const hires = generateHires(ctx, roles)
  const candidates = generateCandidates(ctx, recruiters)
  const { apps, holderApps } = generateApplications(ctx, roles, hires, recruiters, candidates)
  const reps = generateRepresentations(ctx, apps)
  const ownership = generateDisputes(ctx, roles, holderApps, candidates, reps)
  addRoleRows(ctx, roles)
  addCandidateRows(ctx, candidates.all)
  addRepresentationRows(ctx, reps, ownership)
  addApplicationRows(ctx, apps, reps)
  generatePlacements(ctx, apps, recruiters.active)
  return ctx.plan
}

/** Everything the plan holds, by table, for progress and the step's report. */
export function planCounts(plan: DemoPlan): Record<string, number> {
  return {
    organizations: plan.organizations.length,
    users: plan.people.length,
    memberships: plan.memberships.length,
    companies: plan.companies.length,
    recruiters: plan.recruiters.length + plan.recruiterUpdates.length,
    roles: plan.roles.length,
    role_history: plan.roleHistory.length,
    role_assignments: plan.roleAssignments.length,
    candidates: plan.candidates.length,
    identity_keys: plan.identityKeys.length,
    representations: plan.representations.length,
    applications: plan.applications.length,
    stage_history: plan.stageHistory.length,
    placements: plan.placements.length,
    placement_splits: plan.placementSplits.length,
    ownership_disputes: plan.disputes.length,
  }
}
