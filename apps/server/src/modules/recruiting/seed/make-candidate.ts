import { FUNCTION_DEMAND, SENIORITY_WEIGHTS } from './demand.ts'
import { payFor, roundTo } from './helpers.ts'
import { type ContactRegistry, makeContacts } from './make-contacts.ts'
import { personOf } from './people.ts'
import { DAY_MS, HOUR_MS, type Rng } from './prng.ts'
import { titleFor } from './title-for.ts'
import type { Candidate, DemoContext, Person, Recruiter, Row, Seniority } from './types.ts'
import {
  CANDIDATE_COUNTRIES,
  CANDIDATE_NOTES,
  type City,
  COUNTRIES,
  type Country,
  type Fn,
  FUNCTION_SPECS,
  GENERAL_SKILLS,
  LANGUAGES,
  SENIORITY_YEARS,
} from './words.ts'

/** What a caller may fix about a candidate; the rest is made up. */
export interface CandidateSpec {
  person?: Person
  fn?: Fn
  seniority?: Seniority
  country?: string
  createdAt?: number
  consent?: boolean
}

interface Profile {
  recruiter: Recruiter
  person: Person
  fn: Fn
  seniority: Seniority
  countryCode: string
  country: Country
  city: City
  createdAt: number
  consentAt: number | null
}

const CONSENT_METHODS = [
  ['email', 50],
  ['portal', 20],
  ['written', 15],
  ['verbal', 15],
] as const

const consentVersion = (at: number) => (at < Date.UTC(2026, 0, 1) ? 'rtr-2025-07' : 'rtr-2026-01')

/**
 * A candidate of `recruiter`: mostly in the recruiter's functions and country, recorded some time
 * after the recruiter joined, and (nine in ten) consenting to be represented a little later.
 */
export function makeCandidate(
  ctx: DemoContext,
  rng: Rng,
  registry: ContactRegistry,
  recruiter: Recruiter,
  spec: CandidateSpec,
): Candidate {
  const fn = spec.fn ?? (rng.chance(0.75) ? rng.pick(recruiter.functions) : rng.weighted(FUNCTION_DEMAND))
  const seniority =
    spec.seniority ?? rng.weighted(SENIORITY_WEIGHTS.map(([s, w]) => [s, s === 'intern' ? 1 : w] as const))
  const countryCode =
    spec.country ?? (rng.chance(0.5) ? recruiter.country : rng.weighted(CANDIDATE_COUNTRIES))
  const country = COUNTRIES[countryCode]!
  const person = spec.person ?? personOf(rng, country)
  const city = rng.pick(country.cities)
  const from = Math.max(recruiter.createdAt + DAY_MS, ctx.daysAgo(364))
  const createdAt = spec.createdAt ?? Math.floor(from + rng.next() ** 0.85 * (ctx.anchor - HOUR_MS - from))
  const consent = spec.consent ?? rng.chance(0.9)
  const consentAt = consent ? Math.min(ctx.anchor - 60_000, createdAt + rng.int(10, 72 * 60) * 60_000) : null
  const profile = { recruiter, person, fn, seniority, countryCode, country, city, createdAt, consentAt }
  const id = ctx.uuid(createdAt)
  const row = candidateRow(rng, id, profile)
  return {
    id,
    recruiter,
    person,
    fn,
    seniority,
    country: countryCode,
    createdAt,
    consentAt,
    duplicateOf: null,
    apps: 0,
    row,
    contacts: {
      ...makeContacts(ctx, registry, rng, id, person, countryCode, fn),
      updated_at: new Date(createdAt),
    },
  }
}

function candidateRow(rng: Rng, id: string, p: Profile): Row<'ats.candidates'> {
  const { fn, seniority, country, createdAt, consentAt } = p
  const [y0, y1] = SENIORITY_YEARS[seniority]!
  const language = LANGUAGES[p.countryCode]
  const skills = [
    ...rng.sample(FUNCTION_SPECS[fn].skills, rng.int(4, 7)),
    ...rng.sample(GENERAL_SKILLS, rng.int(0, 2)),
    ...(language && rng.chance(0.4) ? [language] : []),
  ]
  const expected = payFor(fn, seniority, country, p.city.pay) * rng.float(0.92, 1.15)
  const step = country.currency === 'ILS' || country.currency === 'INR' ? 5000 : 1000
  const hasPay = rng.chance(0.85)
  const payMin = roundTo(expected, step)
  const payMax = rng.chance(0.85) ? roundTo(payMin * rng.float(1.05, 1.25), step) : null
  return {
    id,
    recruiter_id: p.recruiter.id,
    full_name: p.person.name,
    current_title: titleFor(rng, fn, seniority, false),
    location: p.city.label,
    country: p.countryCode,
    skills,
    years_experience: rng.int(y0, y1),
    salary_expectation_min: hasPay ? BigInt(payMin) * 100n : null,
    salary_expectation_max: hasPay && payMax !== null ? BigInt(payMax) * 100n : null,
    salary_currency: hasPay ? country.currency : null,
    notes: rng.chance(0.25) ? rng.pick(CANDIDATE_NOTES) : null,
    consent_given_at: consentAt === null ? null : new Date(consentAt),
    consent_method: consentAt === null ? null : rng.weighted(CONSENT_METHODS),
    consent_text_version: consentAt === null ? null : consentVersion(consentAt),
    created_at: new Date(createdAt),
    updated_at: new Date(consentAt ?? createdAt),
  }
}
