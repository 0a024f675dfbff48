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
 */
import type { Insertable } from 'kysely'
import type { Database } from '../../../kernel/db/schema.ts'
import { identityKeysOf, keyHash } from '../identity-keys.ts'
import { defaultSplits, type SplitShare } from '../placements.ts'
import { FEE_RULE_VERSION, INDUSTRIES, RTR_MONTHS, SENIORITIES, type Stage } from '../reference.ts'
import { DAY_MS, HOUR_MS, isoDate, Rng, seededUuidV7, startOfDay } from './prng.ts'
import {
  ACME_ROLES,
  AGENCIES,
  APPLICATION_NOTES,
  BENEFITS,
  CANDIDATE_COUNTRIES,
  CANDIDATE_NOTES,
  COMPANIES,
  COUNTRIES,
  type CompanySpec,
  type Country,
  DISPUTE_CLAIMS,
  DISPUTE_RESOLUTIONS,
  FALL_OFF_REASONS,
  type Fn,
  FUNCTION_SPECS,
  GENERAL_SKILLS,
  HEADLINES,
  LANGUAGES,
  type NamePool,
  RECRUITER_BIOS,
  REJECTION_REASONS,
  ROLE_CLOSE_REASONS,
  ROLE_PAUSE_REASONS,
  SENIORITY_PAY,
  SENIORITY_YEARS,
  TEAMS,
  WITHDRAWAL_REASONS,
} from './words.ts'

type Row<T extends keyof Database> = Insertable<Database[T]>
type Seniority = (typeof SENIORITIES)[number]
type RoleStatus = 'draft' | 'open' | 'paused' | 'filled' | 'closed'

/** How much data: the defaults are the demo's; tests may ask for less. */
export interface DemoSize {
  roles: number
  recruiters: number
  candidates: number
  applications: number
  placements: number
}

export const DEMO_SIZE: DemoSize = {
  roles: 200,
  recruiters: 60,
  candidates: 3000,
  applications: 1500,
  placements: 100,
}

export interface DemoInput {
  /** The seed clock; the data ends at the start of this day (UTC). */
  now: Date
  /** The server secret that keys candidate identity digests (ctx.config.auth.secret). */
  secret: string
  personas: { admin: string; dana: string; eli: string; rachel: string; tom: string }
  orgs: { splits: string; acme: string; talentbridge: string }
  /** Recruiter profiles personas already have (made on first use), by user id. */
  existingRecruiters?: ReadonlyMap<string, string>
  /** Acme's company record if someone already made it. */
  existingAcme?: { id: string; payment_terms: string } | undefined
  size?: DemoSize
}

export interface DemoPlan {
  anchor: Date
  organizations: Row<'identity.organizations'>[]
  users: Row<'identity.users'>[]
  userContacts: Row<'identity.user_contacts'>[]
  memberships: Row<'identity.memberships'>[]
  companies: Row<'ats.companies'>[]
  companyBilling: Row<'ats.company_billing'>[]
  recruiters: Row<'network.recruiters'>[]
  specializations: Row<'network.recruiter_specializations'>[]
  /** Persona recruiter profiles that existed already: their missing details. */
  recruiterUpdates: {
    id: string
    agency_organization_id: string | null
    plan_tier: string
    headline: string
    specializations: { industry: string[]; function: string[]; seniority: string[]; locations: string[] }
  }[]
  roles: Row<'ats.roles'>[]
  roleHistory: Row<'ats.role_history'>[]
  roleAssignments: Row<'ats.role_assignments'>[]
  candidates: Row<'ats.candidates'>[]
  candidateContacts: Row<'ats.candidate_contacts'>[]
  identityKeys: Row<'ats.candidate_identity_keys'>[]
  representations: Row<'ats.representations'>[]
  applications: Row<'ats.applications'>[]
  stageHistory: Row<'ats.application_stage_history'>[]
  placements: Row<'ats.placements'>[]
  placementSplits: Row<'ats.placement_splits'>[]
  disputes: Row<'ats.ownership_disputes'>[]
}

// ---------------------------------------------------------------------------------------------
// The in-memory model
// ---------------------------------------------------------------------------------------------

interface Person {
  first: string
  last: string
  name: string
}

interface TeamMember {
  userId: string
  name: string
  role: 'company_admin' | 'hiring_manager'
}

interface Company {
  id: string
  orgId: string
  spec: CompanySpec
  paymentTerms: string
  team: TeamMember[]
  createdAt: number
}

interface Recruiter {
  id: string
  userId: string
  name: string
  country: string
  functions: Fn[]
  tier: string
  active: boolean
  agencyOrgId: string | null
  createdAt: number
}

interface Role {
  id: string
  company: Company
  title: string
  fn: Fn
  seniority: Seniority
  country: string
  location: string
  currency: string
  minMajor: number
  maxMajor: number
  feeBps: number
  guaranteeDays: number
  status: RoleStatus
  visibility: 'all' | 'assigned'
  assigned: Recruiter[]
  jobOwner: Recruiter | null
  hiringManager: TeamMember
  createdBy: TeamMember
  openings: number
  createdAt: number
  openedAt: number | null
  pausedAt: number | null
  resumedAt: number | null
  closedAt: number | null
  hires: Hire[]
  weight: number
  description: string
  mode: string
  employment: string
}

interface Hire {
  role: Role
  at: number
  recruiter: Recruiter | null
  by: TeamMember
}

interface Candidate {
  id: string
  recruiter: Recruiter
  person: Person
  fn: Fn
  seniority: Seniority
  country: string
  createdAt: number
  consentAt: number | null
  /** A second record of someone another recruiter holds: never submitted (the attempt was blocked). */
  duplicateOf: Candidate | null
  apps: number
  row: Row<'ats.candidates'>
  contacts: Row<'ats.candidate_contacts'>
}

interface App {
  id: string
  role: Role
  candidate: Candidate
  path: Stage[]
  times: number[]
  by: string[]
  reason: string | null
  hire: Hire | null
}

const OPEN_STAGES: readonly Stage[] = ['submitted', 'screening', 'interview', 'offer']

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '')

const addMonths = (ms: number, months: number) => {
  const d = new Date(ms)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.getTime()
}

const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step)

/** Splits `total` over `weights` in whole numbers (largest remainders). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * total)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1
  return out
}

/** A time inside `windows` clipped to [lo, hi], uniform over their length, or later-heavy with skew < 1. */
function pickTime(
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

// ---------------------------------------------------------------------------------------------

export function generateDemoMarketplace(input: DemoInput): DemoPlan {
  const size = input.size ?? DEMO_SIZE
  const A = startOfDay(input.now.getTime())
  const root = new Rng('splits-network-demo-marketplace-v1')
  const ids = root.fork('ids')
  const uuid = (ms: number) => seededUuidV7(ms, ids)
  const daysAgo = (d: number) => A - d * DAY_MS
  const plan: DemoPlan = {
    anchor: new Date(A),
    organizations: [],
    users: [],
    userContacts: [],
    memberships: [],
    companies: [],
    companyBilling: [],
    recruiters: [],
    specializations: [],
    recruiterUpdates: [],
    roles: [],
    roleHistory: [],
    roleAssignments: [],
    candidates: [],
    candidateContacts: [],
    identityKeys: [],
    representations: [],
    applications: [],
    stageHistory: [],
    placements: [],
    placementSplits: [],
    disputes: [],
  }

  // ---- people ------------------------------------------------------------------------------
  const usedEmails = new Set<string>()
  const personOf = (rng: Rng, country: Country): Person => {
    const pool: NamePool = rng.weighted(country.names)
    const first = rng.pick(pool.first)
    const last = rng.pick(pool.last)
    return { first, last, name: `${first} ${last}` }
  }
  const uniqueEmail = (local: string, domain: string) => {
    for (let n = 0; ; n++) {
      const email = `${local}${n ? n + 1 : ''}@${domain}`
      if (!usedEmails.has(email)) {
        usedEmails.add(email)
        return email
      }
    }
  }
  const addUser = (rng: Rng, person: Person, email: string, createdAt: number) => {
    const id = uuid(createdAt)
    plan.users.push({
      id,
      display_name: person.name,
      locale: 'en',
      created_at: new Date(createdAt),
      updated_at: new Date(createdAt),
      last_sign_in_at: new Date(Math.min(A, daysAgo(rng.int(0, 25)) + rng.int(7, 19) * HOUR_MS)),
    })
    plan.userContacts.push({
      user_id: id,
      email,
      email_verified_at: new Date(createdAt),
      updated_at: new Date(createdAt),
    })
    return id
  }
  const addMembership = (userId: string, orgId: string, role: string, at: number) =>
    plan.memberships.push({
      id: uuid(at),
      user_id: userId,
      organization_id: orgId,
      role,
      created_at: new Date(at),
    })

  // ---- companies and hiring teams ------------------------------------------------------------
  const crng = root.fork('companies')
  const companies: Company[] = COMPANIES.map((spec) => {
    const createdAt = daysAgo(crng.int(345, 364)) + crng.int(8, 17) * HOUR_MS
    const country = COUNTRIES[spec.offices[0]![0]]!
    const acme = spec.slug === 'acme-robotics'
    let orgId = input.orgs.acme
    if (!acme) {
      orgId = uuid(createdAt)
      plan.organizations.push({
        id: orgId,
        kind: 'company',
        marketplace: 'splits',
        name: spec.name,
        slug: spec.slug,
        created_at: new Date(createdAt),
      })
    }
    const team: TeamMember[] = []
    if (acme) {
      team.push({ userId: input.personas.dana, name: 'Dana Cohen', role: 'company_admin' })
      team.push({ userId: input.personas.eli, name: 'Eli Ben-David', role: 'hiring_manager' })
    }
    const generated = acme
      ? 1
      : crng.weighted([
          [1, 2],
          [2, 5],
          [3, 3],
        ] as const)
    for (let i = 0; i < generated; i++) {
      const person = personOf(crng, country)
      const role = !acme && i === 0 ? 'company_admin' : 'hiring_manager'
      const at = createdAt + i * DAY_MS + crng.int(1, 6) * HOUR_MS
      const email = uniqueEmail(`${ascii(person.first)}.${ascii(person.last)}`, `${spec.domain}.demo`)
      const userId = addUser(crng, person, email, at)
      addMembership(userId, orgId, role, at)
      team.push({ userId, name: person.name, role })
    }
    const id = acme && input.existingAcme ? input.existingAcme.id : uuid(createdAt)
    const paymentTerms = acme && input.existingAcme ? input.existingAcme.payment_terms : spec.paymentTerms
    if (!(acme && input.existingAcme)) {
      plan.companies.push({
        id,
        organization_id: orgId,
        name: spec.name,
        website: `https://${spec.domain}.demo`,
        industry: spec.industry,
        size_band: spec.sizeBand,
        headquarters: spec.headquarters,
        description: spec.description,
        payment_terms: spec.paymentTerms,
        default_currency: spec.currency,
        created_at: new Date(createdAt),
        updated_at: new Date(createdAt),
      })
      const admin = team.find((t) => t.role === 'company_admin')!
      plan.companyBilling.push({
        company_id: id,
        billing_email: `accounts-payable@${spec.domain}.demo`,
        billing_contact_name: crng.chance(0.5) ? admin.name : personOf(crng, country).name,
        billing_address: spec.billingAddress,
        tax_id: spec.taxId,
        updated_at: new Date(createdAt),
      })
    }
    return { id, orgId, spec, paymentTerms, team, createdAt }
  })

  // ---- recruiters ---------------------------------------------------------------------------
  const rrng = root.fork('recruiters')
  const agencyAt = daysAgo(364)
  const agencies = AGENCIES.map((a) => {
    const id = uuid(agencyAt)
    plan.organizations.push({
      id,
      kind: 'agency',
      marketplace: 'splits',
      name: a.name,
      slug: a.slug,
      created_at: new Date(agencyAt),
    })
    return { ...a, id }
  })
  const recruiters: Recruiter[] = []
  const addRecruiterRows = (
    r: Recruiter,
    person: Person,
    spec: { industries: string[]; seniority: string[]; locations: string[]; headline: string },
  ) => {
    const existing = input.existingRecruiters?.get(r.userId)
    if (existing) {
      r.id = existing
      plan.recruiterUpdates.push({
        id: existing,
        agency_organization_id: r.agencyOrgId,
        plan_tier: r.tier,
        headline: spec.headline,
        specializations: {
          industry: spec.industries,
          function: r.functions,
          seniority: spec.seniority,
          locations: spec.locations,
        },
      })
      return
    }
    const country = COUNTRIES[r.country]!
    plan.recruiters.push({
      id: r.id,
      user_id: r.userId,
      headline: spec.headline,
      bio: rrng.pick(RECRUITER_BIOS),
      plan_tier: r.tier,
      agency_organization_id: r.agencyOrgId,
      years_experience: rrng.int(2, 22),
      linkedin_url: `https://www.linkedin.com/in/${ascii(person.first)}-${ascii(person.last)}-${rrng.hex8().slice(0, 6)}`,
      location: spec.locations[0] ?? rrng.pick(country.cities).label,
      status: r.active ? 'active' : 'paused',
      created_at: new Date(r.createdAt),
      updated_at: new Date(r.createdAt),
    })
    plan.specializations.push({
      id: uuid(r.createdAt),
      recruiter_id: r.id,
      industry: spec.industries,
      function: r.functions,
      seniority: spec.seniority,
      locations: spec.locations,
      updated_at: new Date(r.createdAt),
    })
  }
  const rachelAt = daysAgo(364)
  const rachel: Recruiter = {
    id: uuid(rachelAt),
    userId: input.personas.rachel,
    name: 'Rachel Green',
    country: 'IL',
    functions: ['engineering', 'data', 'product', 'design'],
    tier: 'pro',
    active: true,
    agencyOrgId: null,
    createdAt: rachelAt,
  }
  addRecruiterRows(
    rachel,
    { first: 'Rachel', last: 'Green', name: 'Rachel Green' },
    {
      industries: ['ai', 'saas', 'cybersecurity', 'fintech'],
      seniority: ['mid', 'senior', 'lead'],
      locations: ['Tel Aviv, Israel', 'New York, NY', 'Remote'],
      headline: 'Tech recruiter: engineering, data and product in Tel Aviv and New York',
    },
  )
  const tom: Recruiter = {
    id: uuid(rachelAt + HOUR_MS),
    userId: input.personas.tom,
    name: 'Tom Baker',
    country: 'GB',
    functions: ['sales', 'marketing', 'customer_success', 'engineering'],
    tier: 'partner',
    active: true,
    agencyOrgId: input.orgs.talentbridge,
    createdAt: rachelAt + HOUR_MS,
  }
  addRecruiterRows(
    tom,
    { first: 'Tom', last: 'Baker', name: 'Tom Baker' },
    {
      industries: ['saas', 'fintech', 'ecommerce'],
      seniority: ['mid', 'senior', 'lead', 'executive'],
      locations: ['London, UK', 'New York, NY'],
      headline: 'Go-to-market and engineering hiring at TalentBridge Partners',
    },
  )
  recruiters.push(rachel, tom)
  const recruiterCountries = [
    ['US', 34],
    ['GB', 20],
    ['IL', 30],
    ['DE', 5],
    ['NL', 4],
    ['CA', 4],
    ['FR', 3],
  ] as const
  const functionDemand: (readonly [Fn, number])[] = [
    ['engineering', 34],
    ['data', 10],
    ['product', 8],
    ['design', 5],
    ['sales', 12],
    ['marketing', 8],
    ['customer_success', 7],
    ['operations', 6],
    ['finance', 4],
    ['people', 3],
    ['legal', 3],
  ]
  for (let i = 0; i < size.recruiters - 2; i++) {
    const countryCode = rrng.weighted(recruiterCountries)
    const country = COUNTRIES[countryCode]!
    const person = personOf(rrng, country)
    const createdAt = daysAgo(rrng.int(330, 363)) + rrng.int(7, 18) * HOUR_MS
    const agency = i < 4 ? 'talentbridge' : i < 10 ? 'northstar' : null
    const agencyOrgId =
      agency === 'talentbridge' ? input.orgs.talentbridge : agency === 'northstar' ? agencies[0]!.id : null
    const domain =
      agency === 'talentbridge'
        ? 'talentbridge.demo'
        : agency === 'northstar'
          ? `${agencies[0]!.domain}.demo`
          : 'recruiters.demo'
    const userId = addUser(
      rrng,
      person,
      uniqueEmail(`${ascii(person.first)}.${ascii(person.last)}`, domain),
      createdAt,
    )
    addMembership(userId, input.orgs.splits, 'recruiter', createdAt)
    if (agencyOrgId) addMembership(userId, agencyOrgId, 'recruiter', createdAt)
    const functions = [...new Set([rrng.weighted(functionDemand), rrng.weighted(functionDemand)])]
    if (rrng.chance(0.3)) functions.push(rrng.weighted(functionDemand))
    const fns = [...new Set(functions)]
    const low = rrng.int(1, 3)
    const r: Recruiter = {
      id: uuid(createdAt),
      userId,
      name: person.name,
      country: countryCode,
      functions: fns,
      tier: agency ? rrng.oneOf({ pro: 1, partner: 1 }) : rrng.oneOf({ starter: 45, pro: 40, partner: 15 }),
      active: i % 19 !== 18,
      agencyOrgId,
      createdAt,
    }
    addRecruiterRows(r, person, {
      industries: rrng.sample(INDUSTRIES, rrng.int(1, 3)),
      seniority: SENIORITIES.slice(low, low + rrng.int(2, 3)) as string[],
      locations: rrng.sample(country.cities, rrng.int(1, 2)).map((c) => c.label),
      headline: rrng.pick(HEADLINES),
    })
    recruiters.push(r)
  }
  const activeRecruiters = recruiters.filter((r) => r.active)

  // ---- roles ---------------------------------------------------------------------------------
  const orng = root.fork('roles')
  const sizeWeight: Record<string, number> = {
    '11-50': 5,
    '51-200': 8,
    '201-1000': 10,
    '1001-5000': 12,
    '5000+': 14,
  }
  const perCompany = apportion(
    size.roles,
    companies.map((c) => (c.spec.slug === 'acme-robotics' ? 20 : (sizeWeight[c.spec.sizeBand] ?? 8))),
  )
  const statusBag = orng.shuffle(
    apportion(size.roles, [116, 14, 12, 38, 20]).flatMap((n, i) =>
      Array<RoleStatus>(n).fill((['open', 'paused', 'draft', 'filled', 'closed'] as const)[i]!),
    ),
  )
  const seniorityWeights: (readonly [Seniority, number])[] = [
    ['intern', 3],
    ['junior', 12],
    ['mid', 30],
    ['senior', 33],
    ['lead', 15],
    ['executive', 7],
  ]
  // keep the overall status mix: take Acme's statuses out of the bag
  for (const r of ACME_ROLES) {
    const i = statusBag.indexOf(r.status)
    if (i >= 0) statusBag.splice(i, 1)
  }
  const titleFor = (rng: Rng, fn: Fn, seniority: Seniority, team: boolean) => {
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
  const payFor = (fn: Fn, seniority: Seniority, country: Country, cityPay: number) =>
    FUNCTION_SPECS[fn].base * SENIORITY_PAY[seniority]! * country.payFactor * cityPay
  const countryNames: Record<string, string> = {
    US: 'the US',
    GB: 'the UK',
    IL: 'Israel',
    NL: 'the Netherlands',
    DE: 'Germany',
    ES: 'Spain',
  }
  const describe = (
    rng: Rng,
    company: CompanySpec,
    title: string,
    fn: Fn,
    seniority: Seniority,
    location: string,
    mode: string,
    country: string,
  ) => {
    const spec = FUNCTION_SPECS[fn]
    const [y] = SENIORITY_YEARS[seniority]!
    const skills = rng.sample(spec.skills, 5)
    const benefits = BENEFITS[country === 'US' || country === 'GB' || country === 'IL' ? country : 'EU']!
    const modeLine =
      mode === 'remote'
        ? `This role is fully remote within ${countryNames[country] ?? country}.`
        : mode === 'hybrid'
          ? `We work from our ${location.split(',')[0]} office two or three days a week.`
          : `This role is based in our ${location.split(',')[0]} office.`
    return [
      company.description,
      '',
      'About the role',
      `We are hiring a ${title} to join the ${rng.pick(TEAMS[fn])} team. ${modeLine}`,
      '',
      'What you will do',
      ...rng.sample(spec.duties, 4).map((d) => `- ${d}`),
      '',
      'What we are looking for',
      y > 0
        ? `- ${y}+ years of relevant experience`
        : '- A degree in progress or recently completed, or equivalent experience',
      `- Hands-on experience with ${skills[0]}, ${skills[1]} and ${skills[2]}`,
      '- Clear written communication and a habit of writing things down',
      '- Curiosity about our customers and their problems',
      '',
      'Nice to have',
      `- ${skills[3]}`,
      `- ${skills[4]}`,
      '',
      'What we offer',
      ...rng.sample(benefits, 4).map((b) => `- ${b}`),
    ].join('\n')
  }

  const roles: Role[] = []
  let acmeIndex = 0
  companies.forEach((company, ci) => {
    for (let k = 0; k < perCompany[ci]!; k++) {
      const acme = company.spec.slug === 'acme-robotics' ? ACME_ROLES[acmeIndex++] : undefined
      const fn: Fn =
        acme?.fn ?? (orng.chance(0.7) ? orng.pick(company.spec.focus) : orng.weighted(functionDemand))
      const seniority: Seniority = acme?.seniority ?? orng.weighted(seniorityWeights)
      const [countryCode, officeLabel] =
        company.spec.offices[
          acme
            ? acme.office
            : orng.weighted([
                [0, 65],
                [1, 30],
                [2, 5],
              ] as const) % company.spec.offices.length
        ]!
      const country = COUNTRIES[countryCode]!
      const mode = acme?.mode ?? orng.oneOf({ onsite: 25, hybrid: 50, remote: 25 })
      const city = country.cities.find((c) => c.label === officeLabel)
      const location =
        mode === 'remote'
          ? `Remote (${countryCode === 'GB' ? 'UK' : countryCode === 'IL' ? 'Israel' : countryCode === 'US' ? 'US' : 'EU'})`
          : officeLabel
      const employment =
        seniority === 'intern'
          ? orng.oneOf({ full_time: 1, part_time: 2 })
          : orng.oneOf({ full_time: 90, contract: 7, part_time: 3 })
      const pay =
        payFor(fn, seniority, country, mode === 'remote' ? 1 : (city?.pay ?? 1)) *
        (employment === 'part_time' ? 0.6 : 1)
      const step = country.currency === 'ILS' ? 5000 : 1000
      const minMajor = roundTo(pay * orng.float(0.86, 0.96), step)
      const maxMajor = roundTo(minMajor * orng.float(1.15, 1.35), step)
      const title = acme?.title ?? titleFor(orng, fn, seniority, true)
      const status = acme?.status ?? statusBag.pop() ?? 'open'
      const hiringManager = orng.pick(
        company.team.filter((t) => t.role === 'hiring_manager').length
          ? company.team.filter((t) => t.role === 'hiring_manager')
          : company.team,
      )
      const createdBy = orng.chance(0.6)
        ? company.team.find((t) => t.role === 'company_admin')!
        : hiringManager
      const role: Role = {
        id: '',
        company,
        title,
        fn,
        seniority,
        country: countryCode,
        location,
        currency: country.currency,
        minMajor,
        maxMajor,
        feeBps:
          seniority === 'executive' && orng.chance(0.6)
            ? 2500
            : orng.weighted([
                [2000, 65],
                [1500, 8],
                [1800, 7],
                [2200, 8],
                [2500, 12],
              ] as const),
        guaranteeDays: orng.weighted([
          [90, 70],
          [60, 12],
          [120, 18],
        ] as const),
        status,
        visibility: 'all',
        assigned: [],
        jobOwner: null,
        hiringManager,
        createdBy,
        openings:
          acme?.openings ??
          (status === 'filled'
            ? orng.weighted([
                [1, 70],
                [2, 22],
                [3, 8],
              ] as const)
            : orng.weighted([
                [1, 60],
                [2, 20],
                [3, 12],
                [4, 5],
                [6, 3],
              ] as const)),
        createdAt: 0,
        openedAt: null,
        pausedAt: null,
        resumedAt: null,
        closedAt: null,
        hires: [],
        weight:
          orng.float(0.4, 1.6) * (fn === 'engineering' ? 1.4 : 1) * (seniority === 'executive' ? 0.5 : 1),
        description: describe(orng, company.spec, title, fn, seniority, location, mode, countryCode),
        mode,
        employment,
      }
      roles.push(role)
    }
  })

  // timelines
  const t = (lo: number, hi: number) => Math.floor(orng.float(lo, hi))
  for (const role of roles) {
    switch (role.status) {
      case 'draft':
        role.createdAt = daysAgo(orng.float(1, 40))
        break
      case 'filled': {
        role.closedAt = t(daysAgo(245), daysAgo(14))
        role.openedAt = role.closedAt - t(32 * DAY_MS, 95 * DAY_MS)
        role.createdAt = role.openedAt - t(0, 3 * DAY_MS)
        break
      }
      case 'closed': {
        if (orng.chance(0.25)) {
          role.createdAt = t(daysAgo(200), daysAgo(12))
          role.closedAt = role.createdAt + t(3 * DAY_MS, 10 * DAY_MS)
        } else {
          role.createdAt = t(daysAgo(320), daysAgo(25))
          role.openedAt = role.createdAt + t(HOUR_MS, 2 * DAY_MS)
          role.closedAt = t(role.openedAt + 14 * DAY_MS, daysAgo(1))
        }
        break
      }
      case 'paused':
        role.createdAt = t(daysAgo(300), daysAgo(20))
        role.openedAt = role.createdAt + t(HOUR_MS, 2 * DAY_MS)
        role.pausedAt = t(role.openedAt + 10 * DAY_MS, daysAgo(1))
        break
      default: {
        // open: more recent roles than old ones
        role.createdAt = daysAgo(2 + 318 * orng.next() ** 1.25) - t(0, 6 * HOUR_MS)
        role.openedAt =
          role.createdAt + (orng.chance(0.8) ? t(10 * 60_000, 2 * DAY_MS) : t(2 * DAY_MS, 6 * DAY_MS))
        role.openedAt = Math.min(role.openedAt, daysAgo(1))
        if (role.openedAt < daysAgo(40) && orng.chance(0.12)) {
          role.pausedAt = t(role.openedAt + 7 * DAY_MS, daysAgo(20))
          role.resumedAt = role.pausedAt + t(3 * DAY_MS, 18 * DAY_MS)
        }
      }
    }
    role.id = uuid(role.createdAt)
  }
  roles.sort((a, b) => a.createdAt - b.createdAt)
  const windowsOf = (r: Role): [number, number][] => {
    if (r.openedAt === null) return []
    const end = r.status === 'open' ? A : r.status === 'paused' ? r.pausedAt! : r.closedAt!
    if (r.pausedAt !== null && r.resumedAt !== null)
      return [
        [r.openedAt, r.pausedAt],
        [r.resumedAt, end],
      ]
    return [[r.openedAt, end]]
  }

  // visibility, assignments and job owners
  const seeing = roles.filter((r) => r.status !== 'draft')
  const assignedRoles = orng.sample(seeing, Math.round(size.roles * 0.1))
  for (const role of assignedRoles) {
    role.visibility = 'assigned'
    const fit = activeRecruiters.filter((r) => r.functions.includes(role.fn))
    role.assigned = orng.sample(fit.length >= 2 ? fit : activeRecruiters, orng.int(2, 5))
  }
  // Rachel is invited to a few exclusive searches
  for (const role of assignedRoles
    .filter((r) => rachel.functions.includes(r.fn) && r.status === 'open')
    .slice(0, 3)) {
    if (!role.assigned.includes(rachel)) role.assigned.push(rachel)
  }
  const owners = activeRecruiters.filter((r) => r.tier !== 'starter')
  for (const role of roles) {
    if (role.status === 'draft') continue
    if (role.company.spec.slug === 'acme-robotics' && orng.chance(0.35)) role.jobOwner = tom
    else if (orng.chance(0.2)) role.jobOwner = orng.pick(owners)
  }

  // ---- hires: every opening of a filled role, then some openings of open roles ----------------
  const hireFloor = daysAgo(250)
  const hireCeil = daysAgo(14)
  const hires: Hire[] = []
  const filled = roles.filter((r) => r.status === 'filled')
  let total = filled.reduce((s, r) => s + r.openings, 0)
  for (const r of filled) {
    if (total <= size.placements) break
    if (r.openings > 1) {
      total -= r.openings - 1
      r.openings = 1
    }
  }
  const teamMember = (role: Role) => (orng.chance(0.6) ? role.hiringManager : orng.pick(role.company.team))
  for (const r of filled) {
    r.hires.push({ role: r, at: r.closedAt!, recruiter: null, by: teamMember(r) })
    for (let i = 1; i < r.openings; i++) {
      r.hires.push({
        role: r,
        at: t(Math.max(r.openedAt! + 25 * DAY_MS, hireFloor), r.closedAt! - HOUR_MS),
        recruiter: null,
        by: teamMember(r),
      })
    }
  }
  const growable = orng.shuffle(
    // open roles only: a paused role's pipeline may predate the pause by too little
    roles.filter((r) => r.status === 'open' && r.openedAt! < daysAgo(45)),
  )
  let need = size.placements - filled.reduce((s, r) => s + r.hires.length, 0)
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
        at: t(lo, Math.max(lo + HOUR_MS, hireCeil)),
        recruiter: null,
        by: teamMember(r),
      })
      need--
    }
  }
  for (const r of roles) hires.push(...r.hires)
  hires.sort((a, b) => a.at - b.at)

  // ---- candidates ----------------------------------------------------------------------------
  const krng = root.fork('candidates')
  const duplicatePairs = 8
  const base = size.candidates - duplicatePairs
  const others = recruiters.slice(2)
  const weights = others.map(
    (r) =>
      Math.exp(krng.gauss() * 0.6) *
      (r.tier === 'partner' ? 1.4 : r.tier === 'pro' ? 1 : 0.7) *
      (r.active ? 1 : 0.5),
  )
  const rachelCount = Math.round(40 * (size.candidates / DEMO_SIZE.candidates)) || 10
  const tomCount = Math.round(32 * (size.candidates / DEMO_SIZE.candidates)) || 8
  const counts = [rachelCount, tomCount, ...apportion(base - rachelCount - tomCount, weights)]
  const phoneCounters = new Map<string, number>()
  const usedPhones = new Set<string>()
  const usedLinks = new Set<string>()
  const candidates: Candidate[] = []
  const consentMethods = [
    ['email', 50],
    ['portal', 20],
    ['written', 15],
    ['verbal', 15],
  ] as const
  const consentVersion = (at: number) => (at < Date.UTC(2026, 0, 1) ? 'rtr-2025-07' : 'rtr-2026-01')
  const makeContacts = (rng: Rng, id: string, person: Person, country: string, fn: Fn) => {
    const f = ascii(person.first)
    const l = ascii(person.last)
    const domain = rng.oneOf({
      'mail.demo': 40,
      'inbox.demo': 25,
      'post.demo': 15,
      'webmail.demo': 10,
      [`${l}.demo`]: 10,
    })
    const local =
      domain === `${l}.demo`
        ? f
        : rng.weighted([
            [`${f}.${l}`, 45],
            [`${f}${l}`, 20],
            [`${f[0]}.${l}`, 15],
            [`${f}_${l}`, 10],
            [`${f}.${l}${rng.int(1, 99)}`, 10],
          ] as const)
    const email = uniqueEmail(local, domain)
    let phone: string | null = null
    if (rng.chance(0.8)) {
      const n = phoneCounters.get(country) ?? 0
      phoneCounters.set(country, n + 1)
      phone = COUNTRIES[country]!.phone(n)
      // a country's fictional range can run out: no phone rather than someone else's
      if (usedPhones.has(phone)) phone = null
      else usedPhones.add(phone)
    }
    let linkedin: string | null = null
    if (rng.chance(0.75)) {
      do {
        linkedin = `https://${country === 'IL' && rng.chance(0.4) ? 'il' : 'www'}.linkedin.com/in/${f}-${l}-${rng.hex8().slice(0, 6)}`
      } while (usedLinks.has(linkedin))
      usedLinks.add(linkedin)
    }
    let github: string | null = null
    if ((fn === 'engineering' || fn === 'data') && rng.chance(0.45)) {
      for (let n = 0; ; n++) {
        github = `https://github.com/${f}${l}${n ? n : ''}`
        if (!usedLinks.has(github)) break
      }
      usedLinks.add(github)
    }
    return {
      candidate_id: id,
      email,
      phone,
      linkedin_url: linkedin,
      github_url: github,
      website_url: rng.chance(0.05) ? `https://${f}${l}.demo` : null,
    }
  }
  const addCandidate = (
    rng: Rng,
    recruiter: Recruiter,
    spec: {
      person?: Person
      fn?: Fn
      seniority?: Seniority
      country?: string
      createdAt?: number
      consent?: boolean
    },
  ): Candidate => {
    const fn = spec.fn ?? (rng.chance(0.75) ? rng.pick(recruiter.functions) : rng.weighted(functionDemand))
    const seniority =
      spec.seniority ?? rng.weighted(seniorityWeights.map(([s, w]) => [s, s === 'intern' ? 1 : w] as const))
    const countryCode =
      spec.country ?? (rng.chance(0.5) ? recruiter.country : rng.weighted(CANDIDATE_COUNTRIES))
    const country = COUNTRIES[countryCode]!
    const person = spec.person ?? personOf(rng, country)
    const city = rng.pick(country.cities)
    const from = Math.max(recruiter.createdAt + DAY_MS, daysAgo(364))
    const createdAt = spec.createdAt ?? Math.floor(from + rng.next() ** 0.85 * (A - HOUR_MS - from))
    const consent = spec.consent ?? rng.chance(0.9)
    const consentAt = consent ? Math.min(A - 60_000, createdAt + rng.int(10, 72 * 60) * 60_000) : null
    const [y0, y1] = SENIORITY_YEARS[seniority]!
    const fnSpec = FUNCTION_SPECS[fn]
    const language = LANGUAGES[countryCode]
    const skills = [
      ...rng.sample(fnSpec.skills, rng.int(4, 7)),
      ...rng.sample(GENERAL_SKILLS, rng.int(0, 2)),
      ...(language && rng.chance(0.4) ? [language] : []),
    ]
    const expected = payFor(fn, seniority, country, city.pay) * rng.float(0.92, 1.15)
    const step = country.currency === 'ILS' || country.currency === 'INR' ? 5000 : 1000
    const hasPay = rng.chance(0.85)
    const payMin = roundTo(expected, step)
    const payMax = rng.chance(0.85) ? roundTo(payMin * rng.float(1.05, 1.25), step) : null
    const id = uuid(createdAt)
    const row: Row<'ats.candidates'> = {
      id,
      recruiter_id: recruiter.id,
      full_name: person.name,
      current_title: titleFor(rng, fn, seniority, false),
      location: city.label,
      country: countryCode,
      skills,
      years_experience: rng.int(y0, y1),
      salary_expectation_min: hasPay ? BigInt(payMin) * 100n : null,
      salary_expectation_max: hasPay && payMax !== null ? BigInt(payMax) * 100n : null,
      salary_currency: hasPay ? country.currency : null,
      notes: rng.chance(0.25) ? rng.pick(CANDIDATE_NOTES) : null,
      consent_given_at: consentAt === null ? null : new Date(consentAt),
      consent_method: consentAt === null ? null : rng.weighted(consentMethods),
      consent_text_version: consentAt === null ? null : consentVersion(consentAt),
      created_at: new Date(createdAt),
      updated_at: new Date(consentAt ?? createdAt),
    }
    const c: Candidate = {
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
      contacts: { ...makeContacts(rng, id, person, countryCode, fn), updated_at: new Date(createdAt) },
    }
    candidates.push(c)
    return c
  }
  // Noa, the candidate persona, is one of Rachel's, under the address she signs in with
  const noa = addCandidate(krng, rachel, {
    person: { first: 'Noa', last: 'Levi', name: 'Noa Levi' },
    fn: 'design',
    seniority: 'senior',
    country: 'IL',
    createdAt: daysAgo(150) + 10 * HOUR_MS,
    consent: true,
  })
  noa.row.current_title = 'Senior Product Designer'
  noa.row.location = 'Tel Aviv, Israel'
  noa.contacts.email = 'noa@candidate.demo'
  recruiters.forEach((r, i) => {
    for (let k = r === rachel ? 1 : 0; k < counts[i]!; k++) addCandidate(krng, r, {})
  })
  // The same people recorded by a second recruiter: e-mail written differently, or the same phone
  const dups: Candidate[] = []
  const holders = krng
    .shuffle(candidates.filter((c) => c.consentAt !== null && c.createdAt < daysAgo(120) && c !== noa))
    .filter((c) => c.recruiter.active)
  const rachelHolder = holders.find((c) => c.recruiter === rachel)
  const picked = [
    ...(rachelHolder ? [rachelHolder] : []),
    ...holders.filter((c) => c.recruiter !== rachel).slice(0, duplicatePairs),
  ].slice(0, duplicatePairs)
  // order: [0] Rachel is the claimant, [4] Rachel is the holder (see the disputes below)
  if (rachelHolder) {
    picked.splice(picked.indexOf(rachelHolder), 1)
    picked.splice(4, 0, rachelHolder)
  }
  picked.forEach((holder, i) => {
    const claimant =
      i === 0 ? rachel : krng.pick(activeRecruiters.filter((r) => r !== holder.recruiter && r !== rachel))
    const createdAt = Math.min(daysAgo(8), holder.createdAt + krng.int(20, 90) * DAY_MS)
    const d = addCandidate(krng, claimant, {
      person: holder.person,
      fn: holder.fn,
      seniority: holder.seniority,
      country: holder.country,
      createdAt,
      consent: true,
    })
    d.duplicateOf = holder
    const [local, domain] = holder.contacts.email!.split('@') as [string, string]
    const phone = holder.contacts.phone ?? null
    // as the second recruiter typed it: 0 the same e-mail with a sub-address; 1 another e-mail
    // but the same phone; 2 e-mail, phone and LinkedIn profile all the same
    const variant = i % 3 === 1 && !phone ? 0 : i % 3
    d.contacts.email = variant === 1 ? `${local}.cv@${domain}` : `${local}+jobs@${domain}`
    d.contacts.phone = variant === 0 ? null : phone
    d.contacts.linkedin_url = variant === 2 ? holder.contacts.linkedin_url : null
    d.contacts.github_url = null
    usedEmails.add(d.contacts.email)
    dups.push(d)
  })

  // ---- applications --------------------------------------------------------------------------
  const arng = root.fork('applications')
  const consented = candidates.filter((c) => c.consentAt !== null && !c.duplicateOf)
  const byFn = new Map<Fn, Candidate[]>()
  for (const c of consented) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c])
  const byRecruiter = new Map<Recruiter, Candidate[]>()
  for (const c of consented) byRecruiter.set(c.recruiter, [...(byRecruiter.get(c.recruiter) ?? []), c])
  const applied = new Set<string>()
  const canSee = (r: Recruiter, role: Role) => role.visibility === 'all' || role.assigned.includes(r)
  const eligible = (c: Candidate, role: Role, t0: number, maxApps = 4) =>
    c.consentAt !== null &&
    c.consentAt <= t0 - HOUR_MS &&
    !applied.has(`${role.id}:${c.id}`) &&
    c.apps < maxApps &&
    canSee(c.recruiter, role)
  const pickCandidate = (role: Role, t0: number, recruiter?: Recruiter): Candidate | null => {
    for (let tries = 0; tries < 80; tries++) {
      let pool: Candidate[] | undefined
      if (recruiter) pool = byRecruiter.get(recruiter)
      else if (role.visibility === 'assigned') pool = byRecruiter.get(arng.pick(role.assigned))
      else pool = arng.chance(0.85) ? byFn.get(role.fn) : consented
      if (!pool?.length) continue
      const fit = recruiter || role.visibility === 'assigned' ? pool.filter((c) => c.fn === role.fn) : pool
      const c = arng.pick(fit.length && arng.chance(0.8) ? fit : pool)
      if (eligible(c, role, t0)) return c
    }
    return null
  }
  /** Any eligible candidate at all (hires must find someone). */
  const scanCandidate = (role: Role, t0: number): Candidate | null => {
    const from = arng.int(0, consented.length - 1)
    for (let k = 0; k < consented.length; k++) {
      const c = consented[(from + k) % consented.length]!
      if (eligible(c, role, t0)) return c
    }
    return null
  }
  const apps: App[] = []
  const stageTimes = (t0: number, steps: number, end: number, fixedEnd: boolean): number[] => {
    const times = [t0]
    if (steps === 0) return times
    const span = Math.max(steps * 60_000, end - t0)
    const raw = Array.from({ length: steps }, () => t0 + arng.next() * span).sort((a, b) => a - b)
    if (fixedEnd) raw[steps - 1] = end
    for (const x of raw) times.push(Math.max(Math.floor(x), times[times.length - 1]! + 60_000))
    return times
  }
  const pathTo = (final: Stage, leftAt?: Stage): Stage[] => {
    if (final === 'rejected' || final === 'withdrawn') {
      const upTo = leftAt ?? 'submitted'
      return [...OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(upTo) + 1), final]
    }
    if (final === 'hired') return [...OPEN_STAGES, 'hired']
    return OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(final) + 1) as Stage[]
  }
  const leftAtFor = (final: Stage): Stage =>
    final === 'rejected'
      ? arng.oneOf({ submitted: 35, screening: 33, interview: 26, offer: 6 })
      : arng.oneOf({ submitted: 30, screening: 30, interview: 30, offer: 10 })
  const addApp = (
    role: Role,
    c: Candidate,
    t0: number,
    final: Stage,
    opts: { hire?: Hire; leftAt?: Stage } = {},
  ) => {
    const path = pathTo(
      final,
      opts.leftAt ?? (final === 'rejected' || final === 'withdrawn' ? leftAtFor(final) : undefined),
    )
    const closedRole = role.status === 'filled' || role.status === 'closed'
    const end = opts.hire
      ? opts.hire.at
      : closedRole
        ? role.closedAt!
        : Math.min(A - 60_000, t0 + (path.length - 1) * arng.float(4, 14) * DAY_MS)
    const times = stageTimes(t0, path.length - 1, end, !!opts.hire)
    const recruiterUser = c.recruiter.userId
    const by = path.map((s, i) =>
      i === 0 || s === 'withdrawn'
        ? recruiterUser
        : s === 'hired' && opts.hire
          ? opts.hire.by.userId
          : teamMember(role).userId,
    )
    let reason: string | null = null
    if (final === 'rejected')
      reason =
        role.status === 'filled' && closedRole && arng.chance(0.5)
          ? 'Position filled by another candidate'
          : arng.pick(REJECTION_REASONS)
    if (final === 'withdrawn') reason = arng.pick(WITHDRAWAL_REASONS)
    applied.add(`${role.id}:${c.id}`)
    c.apps++
    const app: App = { id: uuid(t0), role, candidate: c, path, times, by, reason, hire: opts.hire ?? null }
    apps.push(app)
    return app
  }
  const hireWindow = (h: Hire): [number, number] => [
    Math.max(h.role.openedAt!, h.at - 80 * DAY_MS),
    h.at - 21 * DAY_MS,
  ]

  // 1. hires; a few are Rachel's and Tom's
  const forcedHires = new Map<Hire, Recruiter>()
  for (const [who, n] of [
    [rachel, 3],
    [tom, 2],
  ] as const) {
    const fits = hires.filter(
      (h) => !forcedHires.has(h) && canSee(who, h.role) && who.functions.includes(h.role.fn),
    )
    for (const h of arng.sample(fits, n)) forcedHires.set(h, who)
  }
  for (const h of hires) {
    const [lo, hi] = hireWindow(h)
    const t0 = pickTime(arng, windowsOf(h.role), lo, hi) ?? lo
    const c =
      pickCandidate(h.role, t0, forcedHires.get(h)) ?? pickCandidate(h.role, t0) ?? scanCandidate(h.role, t0)
    if (!c) throw new Error(`demo data: nobody could be hired for ${h.role.title}`)
    h.recruiter = c.recruiter
    addApp(h.role, c, t0, 'hired', { hire: h })
  }

  // 2. Rachel's and Tom's pipelines have something at every stage; Noa has three applications
  const ageFor: Record<string, readonly [number, number]> = {
    submitted: [0.1, 6],
    screening: [3, 20],
    interview: [7, 40],
    offer: [14, 60],
    rejected: [5, 120],
    withdrawn: [5, 120],
  }
  const forced: [Recruiter, Stage, number][] = [
    [rachel, 'submitted', 3],
    [rachel, 'screening', 3],
    [rachel, 'interview', 3],
    [rachel, 'offer', 2],
    [rachel, 'rejected', 3],
    [rachel, 'withdrawn', 2],
    [tom, 'submitted', 2],
    [tom, 'screening', 2],
    [tom, 'interview', 2],
    [tom, 'offer', 1],
    [tom, 'rejected', 2],
    [tom, 'withdrawn', 1],
  ]
  const openFor = (r: Recruiter) => roles.filter((role) => role.status === 'open' && canSee(r, role))
  const forcedApp = (r: Recruiter, final: Stage, candidate?: Candidate, prefer?: (role: Role) => boolean) => {
    const [a0, a1] = ageFor[final]!
    const pool = openFor(r)
    const ordered = [
      ...arng.shuffle(pool.filter((role) => (prefer ? prefer(role) : r.functions.includes(role.fn)))),
      ...arng.shuffle(pool),
    ]
    for (const role of ordered) {
      const t0 = pickTime(arng, windowsOf(role), daysAgo(a1), daysAgo(a0))
      if (t0 === null) continue
      const c = candidate ?? pickCandidate(role, t0, r)
      if (!c || !eligible(c, role, t0, 6)) continue
      return addApp(role, c, t0, final)
    }
    return null
  }
  for (const [r, stage, n] of forced) for (let i = 0; i < n; i++) forcedApp(r, stage)
  const acmeDesign = (role: Role) => role.fn === 'design' && role.company.spec.slug === 'acme-robotics'
  forcedApp(rachel, 'interview', noa, acmeDesign)
  forcedApp(
    rachel,
    'submitted',
    noa,
    (role) => role.fn === 'design' && role.company.spec.slug !== 'acme-robotics',
  )
  forcedApp(rachel, 'rejected', noa, (role) => role.fn === 'design' || role.fn === 'product')

  // 3. the holders of duplicate records are represented somewhere (the disputes' subject)
  const holderApps: App[] = []
  picked.forEach((holder) => {
    const app = forcedApp(
      holder.recruiter,
      arng.pick(['submitted', 'screening', 'interview'] as const),
      holder,
      (role) => role.fn === holder.fn,
    )
    if (app) holderApps.push(app)
  })

  // 4. the rest of the marketplace
  const stageByAge = (ageDays: number): Stage => {
    if (ageDays < 4) return arng.oneOf({ submitted: 75, screening: 17, rejected: 6, withdrawn: 2 })
    if (ageDays < 14)
      return arng.oneOf({ submitted: 38, screening: 36, interview: 14, rejected: 10, withdrawn: 2 })
    if (ageDays < 45)
      return arng.oneOf({ submitted: 16, screening: 30, interview: 31, offer: 5, rejected: 14, withdrawn: 4 })
    return arng.oneOf({ submitted: 9, screening: 20, interview: 30, offer: 6, rejected: 27, withdrawn: 8 })
  }
  const open = roles.filter((r) => r.openedAt !== null)
  const roleWeights = open.map((r) => {
    const length = windowsOf(r).reduce((s, [a, b]) => s + (b - a), 0) / DAY_MS
    const closed = r.status === 'filled' || r.status === 'closed'
    return [r, r.weight * Math.max(1, length) ** 0.55 * (closed ? 0.6 : 1)] as const
  })
  for (let guard = 0; apps.length < size.applications && guard < size.applications * 20; guard++) {
    const role = arng.weighted(roleWeights)
    const t0 = pickTime(
      arng,
      windowsOf(role),
      daysAgo(335),
      A - 10 * 60_000,
      role.status === 'open' ? 0.55 : 1,
    )
    if (t0 === null) continue
    const c = pickCandidate(role, t0)
    if (!c) continue
    const closedRole = role.status === 'filled' || role.status === 'closed'
    const final: Stage = closedRole
      ? arng.oneOf({ rejected: 85, withdrawn: 15 })
      : stageByAge((A - t0) / DAY_MS)
    addApp(role, c, t0, final)
  }

  // ---- representations: one per candidate and company, from the first submission -------------
  const reps = new Map<string, { id: string; candidate: Candidate; company: Company; start: number }>()
  for (const app of [...apps].sort((a, b) => a.times[0]! - b.times[0]!)) {
    const key = `${app.candidate.id}:${app.role.company.id}`
    if (!reps.has(key))
      reps.set(key, {
        id: uuid(app.times[0]!),
        candidate: app.candidate,
        company: app.role.company,
        start: app.times[0]!,
      })
  }

  // ---- ownership disputes: the second recruiter's submission was blocked ---------------------
  const drng = root.fork('disputes')
  const disputeStatus = ['recorded', 'disputed', 'disputed', 'upheld', 'upheld', 'recorded'] as const
  const repOwnership = new Map<string, string>()
  holderApps.slice(0, disputeStatus.length).forEach((app, i) => {
    const holder = app.candidate
    const claimantRecord = dups[picked.indexOf(holder)]
    if (!claimantRecord) return
    const rep = reps.get(`${holder.id}:${app.role.company.id}`)!
    const companyRoles = roles.filter(
      (r) => r.company === app.role.company && r.status === 'open' && canSee(claimantRecord.recruiter, r),
    )
    const role = companyRoles.includes(app.role) ? app.role : (companyRoles[0] ?? app.role)
    const lo = Math.max(rep.start + DAY_MS, claimantRecord.consentAt! + HOUR_MS)
    const at = pickTime(drng, windowsOf(role), lo, daysAgo(1)) ?? Math.min(lo, A - HOUR_MS)
    const status = disputeStatus[i]!
    const disputedAt =
      status === 'recorded' ? null : Math.min(A - 30 * 60_000, at + drng.int(2, 72) * HOUR_MS)
    const resolvedAt =
      status === 'upheld' ? Math.min(A - 60_000, disputedAt! + drng.int(20, 160) * HOUR_MS) : null
    const matched = new Set(
      identityKeysOf({ ...holder.contacts, country: holder.country }).map((k) => `${k.kind}:${k.value}`),
    )
    const matchedOn = identityKeysOf({ ...claimantRecord.contacts, country: claimantRecord.country })
      .filter((k) => matched.has(`${k.kind}:${k.value}`))
      .map((k) => k.kind)
    plan.disputes.push({
      id: uuid(at),
      representation_id: rep.id,
      company_id: app.role.company.id,
      role_id: role.id,
      holder_recruiter_id: holder.recruiter.id,
      claimant_recruiter_id: claimantRecord.recruiter.id,
      claimant_candidate_id: claimantRecord.id,
      matched_on: matchedOn,
      status,
      claimant_reason: disputedAt === null ? null : drng.pick(DISPUTE_CLAIMS),
      resolution_reason: resolvedAt === null ? null : drng.pick(DISPUTE_RESOLUTIONS),
      resolved_by: resolvedAt === null ? null : input.personas.admin,
      created_at: new Date(at),
      disputed_at: disputedAt === null ? null : new Date(disputedAt),
      resolved_at: resolvedAt === null ? null : new Date(resolvedAt),
    })
    if (status === 'disputed') repOwnership.set(rep.id, 'disputed')
  })

  // ---- rows: roles and their history ----------------------------------------------------------
  const hrng = root.fork('history')
  for (const role of roles) {
    const transitions: { at: number; from: RoleStatus; to: RoleStatus; reason: string | null; by: string }[] =
      []
    const by = role.createdBy.userId
    if (role.openedAt !== null)
      transitions.push({ at: role.openedAt, from: 'draft', to: 'open', reason: null, by })
    if (role.pausedAt !== null)
      transitions.push({
        at: role.pausedAt,
        from: 'open',
        to: 'paused',
        reason: hrng.pick(ROLE_PAUSE_REASONS),
        by,
      })
    if (role.resumedAt !== null)
      transitions.push({ at: role.resumedAt, from: 'paused', to: 'open', reason: null, by })
    if (role.status === 'filled') {
      const last = role.hires.reduce((a, b) => (a.at > b.at ? a : b))
      transitions.push({
        at: role.closedAt!,
        from: 'open',
        to: 'filled',
        reason: 'every opening is filled',
        by: last.by.userId,
      })
    }
    if (role.status === 'closed')
      transitions.push({
        at: role.closedAt!,
        from: role.openedAt === null ? 'draft' : 'open',
        to: 'closed',
        reason: hrng.pick(ROLE_CLOSE_REASONS),
        by,
      })
    const last = transitions[transitions.length - 1]
    const salaryMin = BigInt(role.minMajor) * 100n
    const salaryMax = BigInt(role.maxMajor) * 100n
    plan.roles.push({
      id: role.id,
      company_id: role.company.id,
      title: role.title,
      description: role.description,
      function: role.fn,
      industry: role.company.spec.industry,
      seniority: role.seniority,
      location: role.location,
      country: role.country,
      work_mode: role.mode,
      employment_type: role.employment,
      salary_min: salaryMin,
      salary_max: salaryMax,
      salary_currency: role.currency,
      fee_rate_bps: role.feeBps,
      guarantee_days: role.guaranteeDays,
      status: role.status,
      visibility: role.visibility,
      job_owner_recruiter_id: role.jobOwner?.id ?? null,
      hiring_manager_user_id: role.hiringManager.userId,
      openings: role.openings,
      created_by: by,
      created_at: new Date(role.createdAt),
      updated_at: new Date(last?.at ?? role.createdAt),
      opened_at: role.openedAt === null ? null : new Date(role.openedAt),
      closed_at: role.closedAt === null ? null : new Date(role.closedAt),
      version: 1 + transitions.length,
    })
    plan.roleHistory.push({
      id: uuid(role.createdAt),
      role_id: role.id,
      changed_at: new Date(role.createdAt),
      changed_by: by,
      change: 'created',
      before: null,
      after: JSON.stringify({
        title: role.title,
        description: role.description,
        function: role.fn,
        industry: role.company.spec.industry,
        seniority: role.seniority,
        location: role.location,
        country: role.country,
        work_mode: role.mode,
        employment_type: role.employment,
        salary_min: salaryMin.toString(),
        salary_max: salaryMax.toString(),
        salary_currency: role.currency,
        fee_rate_bps: role.feeBps,
        guarantee_days: role.guaranteeDays,
        visibility: role.visibility,
        job_owner_recruiter_id: role.jobOwner?.id ?? null,
        hiring_manager_user_id: role.hiringManager.userId,
        openings: role.openings,
      }),
      reason: null,
    })
    if (role.assigned.length) {
      const at = role.createdAt + 30 * 60_000
      plan.roleHistory.push({
        id: uuid(at),
        role_id: role.id,
        changed_at: new Date(at),
        changed_by: by,
        change: 'assignments_changed',
        before: JSON.stringify({ recruiter_ids: [] }),
        after: JSON.stringify({ recruiter_ids: role.assigned.map((r) => r.id) }),
        reason: null,
      })
      for (const r of role.assigned)
        plan.roleAssignments.push({
          role_id: role.id,
          recruiter_id: r.id,
          assigned_by: by,
          created_at: new Date(at),
        })
    }
    for (const tr of transitions) {
      plan.roleHistory.push({
        id: uuid(tr.at),
        role_id: role.id,
        changed_at: new Date(tr.at),
        changed_by: tr.by,
        change: 'status_changed',
        before: JSON.stringify({ status: tr.from }),
        after: JSON.stringify({ status: tr.to }),
        reason: tr.reason,
      })
    }
  }

  // ---- rows: candidates, contacts, identity keys -----------------------------------------------
  candidates.sort((a, b) => a.createdAt - b.createdAt)
  for (const c of candidates) {
    plan.candidates.push(c.row)
    plan.candidateContacts.push(c.contacts)
    for (const k of identityKeysOf({ ...c.contacts, country: c.country })) {
      plan.identityKeys.push({
        candidate_id: c.id,
        recruiter_id: c.recruiter.id,
        kind: k.kind,
        key_hash: keyHash(input.secret, k),
      })
    }
  }

  // ---- rows: representations, applications, stage history --------------------------------------
  for (const rep of [...reps.values()].sort((a, b) => a.start - b.start)) {
    const expires = addMonths(rep.start, RTR_MONTHS)
    plan.representations.push({
      id: rep.id,
      candidate_id: rep.candidate.id,
      recruiter_id: rep.candidate.recruiter.id,
      company_id: rep.company.id,
      starts_at: new Date(rep.start),
      expires_at: new Date(expires),
      status: expires > A ? 'active' : 'expired',
      ownership:
        repOwnership.get(rep.id) ??
        (rep.candidate.consentAt !== null && rep.candidate.consentAt <= rep.start ? 'verified' : 'pending'),
      created_at: new Date(rep.start),
    })
  }
  const nrng = root.fork('notes')
  apps.sort((a, b) => a.times[0]! - b.times[0]!)
  for (const app of apps) {
    const last = app.times[app.times.length - 1]!
    plan.applications.push({
      id: app.id,
      role_id: app.role.id,
      company_id: app.role.company.id,
      candidate_id: app.candidate.id,
      recruiter_id: app.candidate.recruiter.id,
      representation_id: reps.get(`${app.candidate.id}:${app.role.company.id}`)!.id,
      stage: app.path[app.path.length - 1]!,
      note: nrng.chance(0.4) ? nrng.pick(APPLICATION_NOTES) : null,
      closed_reason: app.reason,
      submitted_at: new Date(app.times[0]!),
      stage_changed_at: new Date(last),
      updated_at: new Date(last),
      version: app.path.length,
    })
    app.path.forEach((stage, i) => {
      plan.stageHistory.push({
        id: uuid(app.times[i]!),
        application_id: app.id,
        from_stage: i === 0 ? null : app.path[i - 1]!,
        to_stage: stage,
        changed_by: app.by[i]!,
        changed_at: new Date(app.times[i]!),
        reason: i === app.path.length - 1 && app.reason ? app.reason : null,
      })
    })
  }

  // ---- rows: placements and splits ---------------------------------------------------------------
  const prng = root.fork('placements')
  const hiredApps = apps.filter((a) => a.hire)
  const started = hiredApps.filter((a) => a.hire!.at + 14 * DAY_MS < daysAgo(20))
  const fellOff = new Set(prng.sample(started, Math.max(1, Math.round(hiredApps.length * 0.05))))
  const threeWay = new Set(prng.sample(hiredApps, Math.max(1, Math.round(hiredApps.length * 0.08))))
  const multi = hiredApps.filter(
    (a) => threeWay.has(a) || (a.role.jobOwner && a.role.jobOwner !== a.candidate.recruiter),
  )
  const pending = new Set(
    prng.sample(multi, Math.max(Math.min(3, multi.length), Math.round(multi.length * 0.2))),
  )
  for (const app of hiredApps) {
    const hire = app.hire!
    const role = app.role
    const hiredAt = hire.at
    const startMs = startOfDay(Math.min(A, hiredAt + prng.int(14, 42) * DAY_MS))
    const start = isoDate(startMs)
    const guaranteeEnds = isoDate(startMs + role.guaranteeDays * DAY_MS)
    const step = role.currency === 'ILS' ? 5000 : 1000
    const salary = roundTo(prng.float(role.minMajor, role.maxMajor) * prng.float(0.98, 1.04), step)
    const id = uuid(hiredAt)
    const recruiter = app.candidate.recruiter
    let splits: SplitShare[] = defaultSplits(recruiter.id, role.jobOwner?.id ?? null)
    if (threeWay.has(app)) {
      const sourcer = prng.pick(activeRecruiters.filter((r) => r !== recruiter && r !== role.jobOwner))
      splits =
        splits.length === 2
          ? [
              { fee_role: 'candidate_recruiter', recruiter_id: recruiter.id, share_bps: 4000 },
              { fee_role: 'job_owner', recruiter_id: role.jobOwner!.id, share_bps: 4000 },
              { fee_role: 'candidate_sourcer', recruiter_id: sourcer.id, share_bps: 2000 },
            ]
          : [
              { fee_role: 'candidate_recruiter', recruiter_id: recruiter.id, share_bps: 7000 },
              { fee_role: 'candidate_sourcer', recruiter_id: sourcer.id, share_bps: 3000 },
            ]
    }
    const lone = splits.length === 1
    const isPending = !lone && pending.has(app)
    let updated = hiredAt
    splits.forEach((s, i) => {
      const agreedAt = lone
        ? hiredAt
        : isPending && i > 0
          ? null
          : Math.min(A - 60_000, hiredAt + (i === 0 ? 0 : prng.int(2, 120) * HOUR_MS))
      if (agreedAt !== null) updated = Math.max(updated, agreedAt)
      plan.placementSplits.push({
        id: uuid(hiredAt),
        placement_id: id,
        fee_role: s.fee_role,
        recruiter_id: s.recruiter_id,
        share_bps: s.share_bps,
        agreed_at: agreedAt === null ? null : new Date(agreedAt),
      })
    })
    let fell: { on: string; reason: string } | null = null
    if (fellOff.has(app)) {
      const maxDays = Math.min(role.guaranteeDays - 1, Math.floor((A - startMs) / DAY_MS) - 1)
      const on = startMs + prng.int(Math.min(7, maxDays), maxDays) * DAY_MS
      fell = { on: isoDate(on), reason: prng.pick(FALL_OFF_REASONS) }
      updated = Math.max(updated, on + 10 * HOUR_MS)
    }
    plan.placements.push({
      id,
      application_id: app.id,
      role_id: role.id,
      company_id: role.company.id,
      candidate_id: app.candidate.id,
      base_salary: BigInt(salary) * 100n,
      currency: role.currency,
      start_date: start,
      guarantee_days: role.guaranteeDays,
      guarantee_ends_on: guaranteeEnds,
      fee_rate_bps: role.feeBps,
      fee_rule_version: FEE_RULE_VERSION,
      payment_terms: role.company.paymentTerms,
      status: fell ? 'fell_off' : 'active',
      split_status: isPending ? 'pending' : 'agreed',
      fell_off_on: fell?.on ?? null,
      fall_off_reason: fell?.reason ?? null,
      created_by: hire.by.userId,
      created_at: new Date(hiredAt),
      updated_at: new Date(Math.min(A, updated)),
    })
  }
  return plan
}

/** Everything the plan holds, by table, for progress and the step's report. */
export function planCounts(plan: DemoPlan): Record<string, number> {
  return {
    organizations: plan.organizations.length,
    users: plan.users.length,
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
