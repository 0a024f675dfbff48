import { buildRole } from './build-role.ts'
import { apportion } from './helpers.ts'
import type { Rng } from './prng.ts'
import { setRoleTimeline } from './set-role-timeline.ts'
import type { Company, DemoContext, RecruiterPool, Role, RoleStatus } from './types.ts'
import { ACME_ROLES } from './words.ts'

/** How many roles a company has, relative to others, by its size. */
const SIZE_WEIGHT: Record<string, number> = {
  '11-50': 5,
  '51-200': 8,
  '201-1000': 10,
  '1001-5000': 12,
  '5000+': 14,
}

/**
 * The roles of every company with their timelines, in order of creation, with who may see them
 * (everyone, or the recruiters assigned) and their company-side job owners.
 */
export function generateRoles(ctx: DemoContext, companies: Company[], recruiters: RecruiterPool): Role[] {
  const rng = ctx.rng.roles
  const perCompany = apportion(
    ctx.size.roles,
    companies.map((c) => (c.spec.slug === 'acme-robotics' ? 20 : (SIZE_WEIGHT[c.spec.sizeBand] ?? 8))),
  )
  const statusBag = shuffledStatuses(ctx, rng)
  const roles: Role[] = []
  let acmeIndex = 0
  companies.forEach((company, ci) => {
    for (let k = 0; k < perCompany[ci]!; k++) {
      const acme = company.spec.slug === 'acme-robotics' ? ACME_ROLES[acmeIndex++] : undefined
      roles.push(buildRole(rng, company, acme, statusBag))
    }
  })
  for (const role of roles) setRoleTimeline(ctx, rng, role)
  roles.sort((a, b) => a.createdAt - b.createdAt)
  assignRecruiters(ctx, rng, roles, recruiters)
  return roles
}

/** The generated roles' statuses, shuffled: the demo's overall mix less Acme's written-out roles. */
function shuffledStatuses(ctx: DemoContext, rng: Rng): RoleStatus[] {
  const statusBag = rng.shuffle(
    apportion(ctx.size.roles, [116, 14, 12, 38, 20]).flatMap((n, i) =>
      Array<RoleStatus>(n).fill((['open', 'paused', 'draft', 'filled', 'closed'] as const)[i]!),
    ),
  )
  // keep the overall status mix: take Acme's statuses out of the bag
  for (const r of ACME_ROLES) {
    const i = statusBag.indexOf(r.status)
    if (i >= 0) statusBag.splice(i, 1)
  }
  return statusBag
}

/** Exclusive searches (a tenth of the roles) with their recruiters, and job owners on some roles. */
function assignRecruiters(ctx: DemoContext, rng: Rng, roles: Role[], recruiters: RecruiterPool) {
  const { active, rachel, tom } = recruiters
  const seeing = roles.filter((r) => r.status !== 'draft')
  const assignedRoles = rng.sample(seeing, Math.round(ctx.size.roles * 0.1))
  for (const role of assignedRoles) {
    role.visibility = 'assigned'
    const fit = active.filter((r) => r.functions.includes(role.fn))
    role.assigned = rng.sample(fit.length >= 2 ? fit : active, rng.int(2, 5))
  }
  // Rachel is invited to a few exclusive searches
  for (const role of assignedRoles
    .filter((r) => rachel.functions.includes(r.fn) && r.status === 'open')
    .slice(0, 3)) {
    if (!role.assigned.includes(rachel)) role.assigned.push(rachel)
  }
  const owners = active.filter((r) => r.tier !== 'starter')
  for (const role of roles) {
    if (role.status === 'draft') continue
    if (role.company.spec.slug === 'acme-robotics' && rng.chance(0.35)) role.jobOwner = tom
    else if (rng.chance(0.2)) role.jobOwner = rng.pick(owners)
  }
}
