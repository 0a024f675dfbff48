import type { Stage } from '../reference/vocabularies.ts'
import type { CandidatePicker } from './candidate-picker.ts'
import { teamMemberFor } from './helpers.ts'
import { DAY_MS, type Rng } from './prng.ts'
import type { App, Candidate, DemoContext, Hire, Role } from './types.ts'
import { REJECTION_REASONS, WITHDRAWAL_REASONS } from './words.ts'

const OPEN_STAGES: readonly Stage[] = ['submitted', 'screening', 'interview', 'offer']

/** The applications made so far, and what making more needs. */
export interface ApplicationBook {
  ctx: DemoContext
  /** The applications' stream (who moves them draws from the roles' stream). */
  rng: Rng
  picker: CandidatePicker
  apps: App[]
}

/**
 * Submits `c` to `role` at `t0` and walks the application to `final` through the allowed stages,
 * at increasing times: up to the hire for a hire, up to the close for a closed role.
 */
export function addApplication(
  book: ApplicationBook,
  role: Role,
  c: Candidate,
  t0: number,
  final: Stage,
  opts: { hire?: Hire; leftAt?: Stage } = {},
): App {
  const { ctx, rng } = book
  const path = pathTo(
    final,
    opts.leftAt ?? (final === 'rejected' || final === 'withdrawn' ? leftAtFor(rng, final) : undefined),
  )
  const closedRole = role.status === 'filled' || role.status === 'closed'
  const end = opts.hire
    ? opts.hire.at
    : closedRole
      ? role.closedAt!
      : Math.min(ctx.anchor - 60_000, t0 + (path.length - 1) * rng.float(4, 14) * DAY_MS)
  const times = stageTimes(rng, t0, path.length - 1, end, !!opts.hire)
  const recruiterUser = c.recruiter.userId
  const by = path.map((s, i) =>
    i === 0 || s === 'withdrawn'
      ? recruiterUser
      : s === 'hired' && opts.hire
        ? opts.hire.by.userId
        : teamMemberFor(ctx.rng.roles, role).userId,
  )
  let reason: string | null = null
  if (final === 'rejected')
    reason =
      role.status === 'filled' && closedRole && rng.chance(0.5)
        ? 'Position filled by another candidate'
        : rng.pick(REJECTION_REASONS)
  if (final === 'withdrawn') reason = rng.pick(WITHDRAWAL_REASONS)
  book.picker.markSubmitted(role, c)
  const app: App = { id: ctx.uuid(t0), role, candidate: c, path, times, by, reason, hire: opts.hire ?? null }
  book.apps.push(app)
  return app
}

/** `t0`, then `steps` later times up to `end` (ending exactly there if `fixedEnd`), at least a minute apart. */
function stageTimes(rng: Rng, t0: number, steps: number, end: number, fixedEnd: boolean): number[] {
  const times = [t0]
  if (steps === 0) return times
  const span = Math.max(steps * 60_000, end - t0)
  const raw = Array.from({ length: steps }, () => t0 + rng.next() * span).sort((a, b) => a - b)
  if (fixedEnd) raw[steps - 1] = end
  for (const x of raw) times.push(Math.max(Math.floor(x), times[times.length - 1]! + 60_000))
  return times
}

/** The stages from submission to `final`; a rejection or withdrawal comes after `leftAt`. */
function pathTo(final: Stage, leftAt?: Stage): Stage[] {
  if (final === 'rejected' || final === 'withdrawn') {
    const upTo = leftAt ?? 'submitted'
    return [...OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(upTo) + 1), final]
  }
  if (final === 'hired') return [...OPEN_STAGES, 'hired']
  return OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(final) + 1) as Stage[]
}

/** The stage at which a candidate is rejected or withdraws: mostly early. */
const leftAtFor = (rng: Rng, final: Stage): Stage =>
  final === 'rejected'
    ? rng.oneOf({ submitted: 35, screening: 33, interview: 26, offer: 6 })
    : rng.oneOf({ submitted: 30, screening: 30, interview: 30, offer: 10 })
