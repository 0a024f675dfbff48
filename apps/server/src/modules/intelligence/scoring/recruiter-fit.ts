import { combine, type FactorValue, type MatchScore } from './model.ts'

/**
 * The seed's second score: how well a recruiter fits a role, explained the same way as a match
 * (factors with a value, words and points). Specialisation, past placements in the role's function
 * and industry, how fast they place, and how much they already carry.
 */
export interface RecruiterFitInput {
  functions: readonly string[]
  industries: readonly string[]
  seniorities: readonly string[]
  locations: readonly string[]
  placementsInFunction: number
  placementsInIndustry: number
  placementsTotal: number
  medianDaysToPlacement: number | null
  activeApplications: number
}

export interface RoleForFit {
  function: string
  industry: string | null
  seniority: string
  location: string | null
  country: string | null
}

export const FIT_WEIGHTS = {
  specialisation: 30,
  function_record: 25,
  industry_record: 15,
  speed: 15,
  workload: 15,
}
type FitFactor = keyof typeof FIT_WEIGHTS

const fn = (s: string) => s.replace('_', ' ')

function specialisation(r: RecruiterFitInput, role: RoleForFit): FactorValue {
  const listed = r.functions.length + r.industries.length + r.seniorities.length + r.locations.length
  if (listed === 0) return f('specialisation', 0.5, false, 'The recruiter’s profile names no specialisation')
  const hits: string[] = []
  let value = 0
  if (r.functions.includes(role.function)) {
    value += 0.5
    hits.push(fn(role.function))
  }
  if (role.industry && r.industries.includes(role.industry)) {
    value += 0.25
    hits.push(role.industry)
  }
  if (r.seniorities.includes(role.seniority)) {
    value += 0.15
    hits.push(`${role.seniority} level`)
  }
  const place = [role.location, role.country].filter(Boolean).map((x) => x!.toLowerCase())
  if (r.locations.some((l) => place.includes(l.toLowerCase()))) {
    value += 0.1
    hits.push(role.location ?? role.country ?? '')
  }
  return f(
    'specialisation',
    Math.min(1, value),
    true,
    hits.length ? `Specialises in ${hits.join(', ')}` : 'Specialises elsewhere than this role',
  )
}

function record(count: number, what: string, factor: FitFactor): FactorValue {
  // three placements there make a full record
  return f(factor, Math.min(1, count / 3), true, `${count} placement${count === 1 ? '' : 's'} in ${what}`)
}

function speed(r: RecruiterFitInput): FactorValue {
  if (r.medianDaysToPlacement === null) return f('speed', 0.5, false, 'No placement yet to time')
  // 30 days or faster is full marks, 120 days or slower none
  const d = r.medianDaysToPlacement
  const value = Math.max(0, Math.min(1, (120 - d) / 90))
  return f('speed', Math.round(value * 1000) / 1000, true, `Places in ${d} days from submission (median)`)
}

function workload(r: RecruiterFitInput): FactorValue {
  // up to 10 open submissions is room to spare; 40 or more is full
  const a = r.activeApplications
  const value = Math.max(0, Math.min(1, (40 - a) / 30))
  return f(
    'workload',
    Math.round(value * 1000) / 1000,
    true,
    `${a} candidate${a === 1 ? '' : 's'} in play now`,
  )
}

function f(factor: FitFactor, value: number, known: boolean, explanation: string): FactorValue {
  return { factor, value, known, explanation }
}

export function scoreRecruiterFit(r: RecruiterFitInput, role: RoleForFit): MatchScore {
  const values = [
    specialisation(r, role),
    record(r.placementsInFunction, fn(role.function), 'function_record'),
    record(r.placementsInIndustry, role.industry ?? 'its industry', 'industry_record'),
    speed(r),
    workload(r),
  ]
  return combine(values, FIT_WEIGHTS)
}
