import { FUNCTION_DEMAND, SENIORITY_WEIGHTS } from './demand.ts'
import { describeRole } from './describe-role.ts'
import { payFor, roundTo } from './helpers.ts'
import type { Rng } from './prng.ts'
import { titleFor } from './title-for.ts'
import type { Company, Role, RoleStatus, Seniority } from './types.ts'
import { type ACME_ROLES, COUNTRIES, type Fn } from './words.ts'

type AcmeRole = (typeof ACME_ROLES)[number]

/**
 * A role at `company`, written out from `acme` for Acme's, made up otherwise. Its status comes
 * from `statusBag` (so the overall mix is as planned); its times and id are set later, from its
 * status.
 */
export function buildRole(
  rng: Rng,
  company: Company,
  acme: AcmeRole | undefined,
  statusBag: RoleStatus[],
): Role {
  const place = placeRole(rng, company, acme)
  const { fn, seniority } = place
  const title = acme?.title ?? titleFor(rng, fn, seniority, true)
  const status = acme?.status ?? statusBag.pop() ?? 'open'
  const managers = company.team.filter((t) => t.role === 'hiring_manager')
  const hiringManager = rng.pick(managers.length ? managers : company.team)
  const createdBy = rng.chance(0.6) ? company.team.find((t) => t.role === 'company_admin')! : hiringManager
  const terms = roleTerms(rng, seniority, status, acme)
  return {
    id: '',
    company,
    title,
    fn,
    seniority,
    country: place.countryCode,
    location: place.location,
    currency: place.currency,
    minMajor: place.minMajor,
    maxMajor: place.maxMajor,
    feeBps: terms.feeBps,
    guaranteeDays: terms.guaranteeDays,
    status,
    visibility: 'all',
    assigned: [],
    jobOwner: null,
    hiringManager,
    createdBy,
    openings: terms.openings,
    createdAt: 0,
    openedAt: null,
    pausedAt: null,
    resumedAt: null,
    closedAt: null,
    hires: [],
    weight: rng.float(0.4, 1.6) * (fn === 'engineering' ? 1.4 : 1) * (seniority === 'executive' ? 0.5 : 1),
    description: describeRole(rng, {
      company: company.spec,
      title,
      fn,
      seniority,
      location: place.location,
      mode: place.mode,
      country: place.countryCode,
    }),
    mode: place.mode,
    employment: place.employment,
  }
}

/** What the role is, where, how it is worked, and its salary range. */
function placeRole(rng: Rng, company: Company, acme: AcmeRole | undefined) {
  const fn: Fn = acme?.fn ?? (rng.chance(0.7) ? rng.pick(company.spec.focus) : rng.weighted(FUNCTION_DEMAND))
  const seniority: Seniority = acme?.seniority ?? rng.weighted(SENIORITY_WEIGHTS)
  const [countryCode, officeLabel] =
    company.spec.offices[
      acme
        ? acme.office
        : rng.weighted([
            [0, 65],
            [1, 30],
            [2, 5],
          ] as const) % company.spec.offices.length
    ]!
  const country = COUNTRIES[countryCode]!
  const mode = acme?.mode ?? rng.oneOf({ onsite: 25, hybrid: 50, remote: 25 })
  const city = country.cities.find((c) => c.label === officeLabel)
  const location =
    mode === 'remote'
      ? `Remote (${countryCode === 'GB' ? 'UK' : countryCode === 'IL' ? 'Israel' : countryCode === 'US' ? 'US' : 'EU'})`
      : officeLabel
  const employment =
    seniority === 'intern'
      ? rng.oneOf({ full_time: 1, part_time: 2 })
      : rng.oneOf({ full_time: 90, contract: 7, part_time: 3 })
  const pay =
    payFor(fn, seniority, country, mode === 'remote' ? 1 : (city?.pay ?? 1)) *
    (employment === 'part_time' ? 0.6 : 1)
  const step = country.currency === 'ILS' ? 5000 : 1000
  const minMajor = roundTo(pay * rng.float(0.86, 0.96), step)
  const maxMajor = roundTo(minMajor * rng.float(1.15, 1.35), step)
  const currency = country.currency
  return { fn, seniority, countryCode, currency, mode, location, employment, minMajor, maxMajor }
}

/** The placement fee, the guarantee and how many people the role hires. */
function roleTerms(rng: Rng, seniority: Seniority, status: RoleStatus, acme: AcmeRole | undefined) {
  const feeBps =
    seniority === 'executive' && rng.chance(0.6)
      ? 2500
      : rng.weighted([
          [2000, 65],
          [1500, 8],
          [1800, 7],
          [2200, 8],
          [2500, 12],
        ] as const)
  const guaranteeDays = rng.weighted([
    [90, 70],
    [60, 12],
    [120, 18],
  ] as const)
  const openings =
    acme?.openings ??
    (status === 'filled'
      ? rng.weighted([
          [1, 70],
          [2, 22],
          [3, 8],
        ] as const)
      : rng.weighted([
          [1, 60],
          [2, 20],
          [3, 12],
          [4, 5],
          [6, 3],
        ] as const))
  return { feeBps, guaranteeDays, openings }
}
