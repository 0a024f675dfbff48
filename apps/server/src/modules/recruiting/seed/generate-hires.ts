import { instantBetween, teamMemberFor } from './helpers.ts'
import { DAY_MS, HOUR_MS, type Rng } from './prng.ts'
import type { DemoContext, Hire, Role } from './types.ts'

/**
 * Who gets hired when (not yet whom): every opening of a filled role, then some openings of
 * long-open roles until there are as many hires as the demo's placements. In time order.
 */
export function generateHires(ctx: DemoContext, roles: Role[]): Hire[] {
  // the roles' stream: hires were first drawn right after the roles, from the same stream
  const rng = ctx.rng.roles
  const filled = roles.filter((r) => r.status === 'filled')
  hireFilledRoles(ctx, rng, filled)
  hireFromOpenRoles(ctx, rng, roles, ctx.size.placements - filled.reduce((s, r) => s + r.hires.length, 0))
  const hires: Hire[] = []
  for (const r of roles) hires.push(...r.hires)
  hires.sort((a, b) => a.at - b.at)
  return hires
}

function hireFilledRoles(ctx: DemoContext, rng: Rng, filled: Role[]) {
  const hireFloor = ctx.daysAgo(250)
  // filled roles alone must not hire more people than the demo has placements
  let total = filled.reduce((s, r) => s + r.openings, 0)
  for (const r of filled) {
    if (total <= ctx.size.placements) break
    if (r.openings > 1) {
      total -= r.openings - 1
      r.openings = 1
    }
  }
  for (const r of filled) {
    // the hire that filled the role closed it
    r.hires.push({ role: r, at: r.closedAt!, recruiter: null, by: teamMemberFor(rng, r) })
    for (let i = 1; i < r.openings; i++) {
      r.hires.push({
        role: r,
        at: instantBetween(rng, Math.max(r.openedAt! + 25 * DAY_MS, hireFloor), r.closedAt! - HOUR_MS),
        recruiter: null,
        by: teamMemberFor(rng, r),
      })
    }
  }
}

/** `need` more hires on open roles, preferring those with several openings; they stay open. */
function hireFromOpenRoles(ctx: DemoContext, rng: Rng, roles: Role[], need: number) {
  const hireFloor = ctx.daysAgo(250)
  const hireCeil = ctx.daysAgo(14)
  const growable = rng.shuffle(
    // open roles only: a paused role's pipeline may predate the pause by too little
    roles.filter((r) => r.status === 'open' && r.openedAt! < ctx.daysAgo(45)),
  )
  for (let pass = 0; need > 0 && pass < 4; pass++) {
    for (const r of growable) {
      if (need <= 0) break
      if (pass === 0 && r.openings < 2) continue
      if (r.hires.length >= r.openings - 1) {
        if (pass < 2) continue
        r.openings = r.hires.length + 2
      }
      const lo = Math.max(r.openedAt! + 25 * DAY_MS, hireFloor)
      r.hires.push({
        role: r,
        at: instantBetween(rng, lo, Math.max(lo + HOUR_MS, hireCeil)),
        recruiter: null,
        by: teamMemberFor(rng, r),
      })
      need--
    }
  }
}
