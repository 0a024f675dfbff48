/** Small helpers the demo marketplace generator's steps share. */
import type { Rng } from './prng.ts'
import type { Recruiter, Role, Seniority, TeamMember } from './types.ts'
import { type Country, type Fn, FUNCTION_SPECS, SENIORITY_PAY } from './words.ts'

/** A name as the plain lower-case letters and digits of an e-mail address or a profile URL. */
export const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '')

export const addMonths = (ms: number, months: number) => {
  const d = new Date(ms)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.getTime()
}

export const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step)

/** A whole number of ms in [lo, hi). */
export const instantBetween = (rng: Rng, lo: number, hi: number) => Math.floor(rng.float(lo, hi))

/** Splits `total` over `weights` in whole numbers (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * total)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1
  return out
}

/** A time inside `windows` clipped to [lo, hi], uniform over their length, or later-heavy with skew < 1. */
export function pickTime(
  rng: Rng,
  windows: readonly (readonly [number, number])[],
  lo: number,
  hi: number,
  skew = 1,
) {
  const clipped = windows
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const)
    .filter(([a, b]) => b > a)
  const total = clipped.reduce((s, [a, b]) => s + (b - a), 0)
  if (total <= 0) return null
  let x = rng.next() ** skew * total
  for (const [a, b] of clipped) {
    if (x <= b - a) return Math.floor(a + x)
    x -= b - a
  }
  return Math.floor(clipped[clipped.length - 1]![1])
}

/** The spans in which `role` took submissions (open, less any pause), up to `anchor`. */
export function windowsOf(r: Role, anchor: number): [number, number][] {
  if (r.openedAt === null) return []
  const end = r.status === 'open' ? anchor : r.status === 'paused' ? r.pausedAt! : r.closedAt!
  if (r.pausedAt !== null && r.resumedAt !== null)
    return [
      [r.openedAt, r.pausedAt],
      [r.resumedAt, end],
    ]
  return [[r.openedAt, end]]
}

export const canSee = (r: Recruiter, role: Role) => role.visibility === 'all' || role.assigned.includes(r)

/** Who on the company's team makes a hiring decision on `role`: mostly its hiring manager. */
export const teamMemberFor = (rng: Rng, role: Role): TeamMember =>
  rng.chance(0.6) ? role.hiringManager : rng.pick(role.company.team)

/** A yearly base salary in major units of the country's currency, before the range around it. */
export const payFor = (fn: Fn, seniority: Seniority, country: Country, cityPay: number) =>
  FUNCTION_SPECS[fn].base * SENIORITY_PAY[seniority]! * country.payFactor * cityPay
