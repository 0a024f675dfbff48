import type { Rng } from './prng.ts'
import type { Seniority } from './types.ts'
import { type Fn, FUNCTION_SPECS, TEAMS } from './words.ts'

/** A job title for `fn` at `seniority`; roles (`team`) sometimes name the team, candidates' titles never do. */
export function titleFor(rng: Rng, fn: Fn, seniority: Seniority, team: boolean): string {
  const spec = FUNCTION_SPECS[fn]
  if (seniority === 'intern') return rng.pick(spec.intern)
  if (seniority === 'lead') return rng.pick(spec.lead)
  if (seniority === 'executive') return rng.pick(spec.executive)
  const base = rng.pick(spec.titles)
  const prefix =
    seniority === 'junior'
      ? rng.chance(0.6)
        ? 'Junior '
        : 'Associate '
      : seniority === 'senior'
        ? 'Senior '
        : ''
  const suffix = team && rng.chance(0.3) ? `, ${rng.pick(TEAMS[fn])}` : ''
  return `${prefix}${base}${suffix}`
}
