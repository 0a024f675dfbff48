import { type Currency, isCurrency, toMajorString } from '@app/money'
import { skillById } from '@app/skills'
import { type CandidateProfile, type RoleProfile, SENIORITY_ORDER, skillLabel } from './profiles.ts'

/**
 * The candidate ↔ role score: a printable linear model. Each factor is a value in [0, 1] with an
 * explanation in words; the model's weights are points (they sum to 100); a factor earns
 * weight × value points, rounded once for the whole score and divided back with largest
 * remainders, so the points shown always add up to the score. A factor that cannot be judged
 * (nothing known on one side) counts as neutral (0.5) and lowers the confidence instead.
 */
export const FACTORS = ['skills', 'function', 'seniority', 'location', 'salary', 'history'] as const
export type Factor = (typeof FACTORS)[number]
export type Weights = Record<Factor, number>

export const DEFAULT_WEIGHTS: Weights = {
  skills: 40,
  function: 10,
  seniority: 12,
  location: 15,
  salary: 15,
  history: 8,
}

export const FACTOR_LABELS: Record<Factor, string> = {
  skills: 'Skills',
  function: 'Function',
  seniority: 'Seniority',
  location: 'Location and work mode',
  salary: 'Salary',
  history: 'What was placed before',
}

export interface FactorValue {
  /** A match factor, or a recruiter-fit factor (specialisation, function_record…). */
  factor: Factor | (string & {})
  /** 0..1, three decimals. */
  value: number
  known: boolean
  explanation: string
}

export interface Reason extends FactorValue {
  /** The factor's weight in points (out of 100). */
  weight: number
  /** Points earned; the reasons' points sum to the score. */
  points: number
}

export interface MatchScore {
  score: number
  /** 0..100: the share of the model's weight whose factor could be judged. */
  confidence: number
  reasons: Reason[]
}

/** Placement history: per function, how many hires had each skill (canonical ids). */
export type PlacedSkills = ReadonlyMap<string, ReadonlyMap<string, number>>

const NEUTRAL = 0.5
const round3 = (x: number) => Math.round(x * 1000) / 1000

function similarity(a: string, b: string): number {
  if (a === b) return 1
  const sa = skillById(a)
  return sa?.related.includes(b) ? 0.5 : 0
}

function list(labels: readonly string[], max = 4): string {
  if (labels.length <= max) return labels.join(', ')
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`
}

export function skillsFactor(role: RoleProfile, cand: CandidateProfile): FactorValue {
  if (role.skillIds.length === 0)
    return {
      factor: 'skills',
      value: NEUTRAL,
      known: false,
      explanation: 'The role’s description names no skill we know',
    }
  if (cand.skillIds.length === 0)
    return { factor: 'skills', value: NEUTRAL, known: false, explanation: 'The candidate lists no skills' }
  const have: string[] = []
  const related: string[] = []
  const missing: string[] = []
  let sum = 0
  for (const need of role.skillIds) {
    let best = 0
    let via = ''
    for (const own of cand.skillIds) {
      const s = similarity(own, need)
      if (s > best) {
        best = s
        via = own
      }
      if (best === 1) break
    }
    sum += best
    if (best === 1) have.push(skillLabel(need))
    else if (best > 0) related.push(`${skillLabel(via)} for ${skillLabel(need)}`)
    else missing.push(skillLabel(need))
  }
  const n = role.skillIds.length
  const parts = [`Has ${have.length} of ${n} skills the role names${have.length ? ` (${list(have)})` : ''}`]
  if (related.length) parts.push(`related: ${list(related, 3)}`)
  if (missing.length) parts.push(`missing: ${list(missing)}`)
  return { factor: 'skills', value: round3(sum / n), known: true, explanation: parts.join('; ') }
}

export function functionFactor(role: RoleProfile, cand: CandidateProfile): FactorValue {
  if (!cand.function)
    return {
      factor: 'function',
      value: NEUTRAL,
      known: false,
      explanation: 'The candidate’s function is unknown (no title or skills to tell)',
    }
  const same = cand.function === role.function
  return {
    factor: 'function',
    value: same ? 1 : 0,
    known: true,
    explanation: same
      ? `Works in ${role.function.replace('_', ' ')}, the role’s function`
      : `Works in ${cand.function.replace('_', ' ')}; the role is in ${role.function.replace('_', ' ')}`,
  }
}

export function seniorityFactor(role: RoleProfile, cand: CandidateProfile): FactorValue {
  const want = SENIORITY_ORDER.indexOf(role.seniority as (typeof SENIORITY_ORDER)[number])
  const have = cand.seniority
    ? SENIORITY_ORDER.indexOf(cand.seniority as (typeof SENIORITY_ORDER)[number])
    : -1
  if (want < 0 || have < 0)
    return {
      factor: 'seniority',
      value: NEUTRAL,
      known: false,
      explanation: 'The candidate’s level is unknown',
    }
  const distance = Math.abs(want - have)
  const value = distance === 0 ? 1 : distance === 1 ? 0.5 : 0
  const years = cand.yearsExperience === null ? '' : ` (${cand.yearsExperience} years)`
  return {
    factor: 'seniority',
    value,
    known: true,
    explanation:
      distance === 0
        ? `${cap(cand.seniority!)}${years}, the level the role asks for`
        : `${cap(cand.seniority!)}${years}: ${distance} level${distance > 1 ? 's' : ''} ${have > want ? 'above' : 'below'} the ${role.seniority} level the role asks for`,
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const place = (s: string) => s.split(',')[0]!.trim().toLowerCase()
const same = (a: string | null, b: string | null) => !!a && !!b && place(a) === place(b)

export function locationFactor(role: RoleProfile, cand: CandidateProfile): FactorValue {
  const where = [cand.location, cand.country].filter(Boolean).join(', ')
  if (!cand.location && !cand.country)
    return {
      factor: 'location',
      value: NEUTRAL,
      known: false,
      explanation: 'The candidate’s location is unknown',
    }
  if (role.workMode === 'remote') {
    if (!role.country || same(role.country, cand.country))
      return {
        factor: 'location',
        value: 1,
        known: true,
        explanation: `Remote role; the candidate is in ${where}`,
      }
    return {
      factor: 'location',
      value: 0.5,
      known: true,
      explanation: `Remote role based in ${role.country}; the candidate is in ${where} (check they may work there)`,
    }
  }
  const mode = role.workMode === 'hybrid' ? 'Hybrid' : 'On-site'
  if (same(role.location, cand.location))
    return {
      factor: 'location',
      value: 1,
      known: true,
      explanation: `${mode} in ${role.location}; the candidate lives there`,
    }
  if (same(role.country, cand.country))
    return {
      factor: 'location',
      value: role.workMode === 'hybrid' ? 0.7 : 0.6,
      known: true,
      explanation: `${mode} in ${role.location ?? role.country}; the candidate is in ${where}, same country`,
    }
  if (!cand.country || !role.country)
    return {
      factor: 'location',
      value: NEUTRAL,
      known: false,
      explanation: `${mode} role; the candidate’s country is unknown`,
    }
  return {
    factor: 'location',
    value: 0,
    known: true,
    explanation: `${mode} in ${role.location ?? role.country}; the candidate is in ${where}`,
  }
}

// One formatter per currency: building an Intl.NumberFormat per explanation cost more than the scoring.
const formatters = new Map<string, Intl.NumberFormat>()
function money(amount: bigint, currency: string): string {
  if (!isCurrency(currency)) return `${amount} ${currency}`
  let f = formatters.get(currency)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    formatters.set(currency, f)
  }
  return f.format(toMajorString(amount, currency as Currency) as unknown as number)
}

export function salaryFactor(role: RoleProfile, cand: CandidateProfile): FactorValue {
  const low = cand.salaryMin ?? cand.salaryMax
  if (low === null || !cand.salaryCurrency)
    return {
      factor: 'salary',
      value: NEUTRAL,
      known: false,
      explanation: 'The candidate’s expected pay is unknown',
    }
  if (cand.salaryCurrency !== role.salaryCurrency)
    return {
      factor: 'salary',
      value: NEUTRAL,
      known: false,
      explanation: `Not compared: the candidate expects ${cand.salaryCurrency}, the role pays ${role.salaryCurrency} (no exchange rate is assumed)`,
    }
  const range = `${money(role.salaryMin, role.salaryCurrency)}–${money(role.salaryMax, role.salaryCurrency)}`
  if (low <= role.salaryMax) {
    return {
      factor: 'salary',
      value: 1,
      known: true,
      explanation: `Expects from ${money(low, cand.salaryCurrency)}; the role pays ${range}`,
    }
  }
  // above the top of the band: 20% above earns nothing
  const over =
    Number(((low - role.salaryMax) * 10_000n) / (role.salaryMax > 0n ? role.salaryMax : 1n)) / 10_000
  const value = round3(Math.max(0, 1 - over * 5))
  return {
    factor: 'salary',
    value,
    known: true,
    explanation: `Expects from ${money(low, cand.salaryCurrency)}, ${Math.round(over * 100)}% above the role’s ${range}`,
  }
}

// The most placed skills of a function, worked out once per stats map (scoring reuses it for every pair).
const topOf = new WeakMap<ReadonlyMap<string, number>, [string, number][]>()
function topPlaced(stats: ReadonlyMap<string, number>): [string, number][] {
  let top = topOf.get(stats)
  if (!top) {
    top = [...stats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8)
    topOf.set(stats, top)
  }
  return top
}

export function historyFactor(role: RoleProfile, cand: CandidateProfile, placed: PlacedSkills): FactorValue {
  const stats = placed.get(role.function)
  if (!stats || stats.size === 0)
    return {
      factor: 'history',
      value: NEUTRAL,
      known: false,
      explanation: `No placements in ${role.function.replace('_', ' ')} yet to learn from`,
    }
  const top = topPlaced(stats)
  let sum = 0
  const shared: string[] = []
  for (const [id] of top) {
    const best = Math.max(0, ...cand.skillIds.map((own) => similarity(own, id)))
    sum += best
    if (best === 1) shared.push(skillLabel(id))
  }
  return {
    factor: 'history',
    value: round3(sum / top.length),
    known: true,
    explanation: `People placed in ${role.function.replace('_', ' ')} roles most often had ${list(
      top.map(([id]) => skillLabel(id)),
      5,
    )}; the candidate has ${shared.length} of these ${top.length}`,
  }
}

/** Every factor's value and explanation for one pair. */
export function evaluateFactors(
  role: RoleProfile,
  cand: CandidateProfile,
  placed: PlacedSkills,
): FactorValue[] {
  return [
    skillsFactor(role, cand),
    functionFactor(role, cand),
    seniorityFactor(role, cand),
    locationFactor(role, cand),
    salaryFactor(role, cand),
    historyFactor(role, cand, placed),
  ]
}

/**
 * Points out of 100 from factor values and weights: exact points summed, rounded once, divided
 * back by largest remainder (ties by factor order), so the points add up to the score exactly.
 */
export function combine(
  values: readonly FactorValue[],
  weights: Readonly<Record<string, number>>,
): MatchScore {
  const w = (f: string) => Math.max(0, weights[f] ?? 0)
  const total = values.reduce((s, v) => s + w(v.factor), 0) || 1
  const rows = values.map((v) => {
    const weight = (w(v.factor) * 100) / total
    const exact = weight * v.value
    return { v, weight, exact, floor: Math.floor(exact + 1e-9) }
  })
  const exactSum = rows.reduce((s, r) => s + r.exact, 0)
  const score = Math.min(100, Math.max(0, Math.round(exactSum + 1e-9)))
  let left = score - rows.reduce((s, r) => s + r.floor, 0)
  const order = rows
    .map((r, i) => ({ i, frac: r.exact - r.floor }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  const points = rows.map((r) => r.floor)
  for (const { i } of order) {
    if (left <= 0) break
    points[i]! += 1
    left -= 1
  }
  const known = rows.reduce((s, r) => s + (r.v.known ? r.weight : 0), 0)
  return {
    score,
    confidence: Math.round(known),
    reasons: rows.map((r, i) => ({
      ...r.v,
      weight: Math.round(r.weight * 10) / 10,
      points: points[i]!,
    })),
  }
}

export function scoreMatch(
  role: RoleProfile,
  cand: CandidateProfile,
  placed: PlacedSkills,
  weights: Weights = DEFAULT_WEIGHTS,
): MatchScore {
  return combine(evaluateFactors(role, cand, placed), weights)
}
