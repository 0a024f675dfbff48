import { INDUSTRIES, SENIORITIES } from '../reference/vocabularies.ts'
import { addRecruiterRows } from './add-recruiter-rows.ts'
import { FUNCTION_DEMAND } from './demand.ts'
import { ascii } from './helpers.ts'
import { addMembership, addUser, personOf, uniqueEmail } from './people.ts'
import { HOUR_MS, type Rng } from './prng.ts'
import type { DemoContext, Recruiter, RecruiterPool } from './types.ts'
import { AGENCIES, COUNTRIES, type Fn, HEADLINES } from './words.ts'

const RECRUITER_COUNTRIES = [
  ['US', 34],
  ['GB', 20],
  ['IL', 30],
  ['DE', 5],
  ['NL', 4],
  ['CA', 4],
  ['FR', 3],
] as const

/** The agencies, the two recruiter personas (Rachel, Tom) and the other recruiters of the network. */
export function generateRecruiters(ctx: DemoContext): RecruiterPool {
  const rng = ctx.rng.recruiters
  const northstar = addAgencies(ctx)[0]!
  const { rachel, tom } = addPersonaRecruiters(ctx, rng)
  const all: Recruiter[] = [rachel, tom]
  for (let i = 0; i < ctx.size.recruiters - 2; i++) all.push(generateRecruiter(ctx, rng, i, northstar))
  return { all, active: all.filter((r) => r.active), rachel, tom }
}

/** The agency organisations (TalentBridge, the personas' agency, exists already). */
function addAgencies(ctx: DemoContext) {
  const agencyAt = ctx.daysAgo(364)
  return AGENCIES.map((a) => {
    const id = ctx.uuid(agencyAt)
    ctx.plan.organizations.push({
      id,
      kind: 'agency',
      marketplace: 'splits',
      name: a.name,
      slug: a.slug,
      created_at: new Date(agencyAt),
    })
    return { ...a, id }
  })
}

function addPersonaRecruiters(ctx: DemoContext, rng: Rng) {
  const rachelAt = ctx.daysAgo(364)
  const rachel: Recruiter = {
    id: ctx.uuid(rachelAt),
    userId: ctx.input.personas.rachel,
    name: 'Rachel Green',
    country: 'IL',
    functions: ['engineering', 'data', 'product', 'design'],
    tier: 'pro',
    active: true,
    agencyOrgId: null,
    createdAt: rachelAt,
  }
  addRecruiterRows(
    ctx,
    rng,
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
    id: ctx.uuid(rachelAt + HOUR_MS),
    userId: ctx.input.personas.tom,
    name: 'Tom Baker',
    country: 'GB',
    functions: ['sales', 'marketing', 'customer_success', 'engineering'],
    tier: 'partner',
    active: true,
    agencyOrgId: ctx.input.orgs.talentbridge,
    createdAt: rachelAt + HOUR_MS,
  }
  addRecruiterRows(
    ctx,
    rng,
    tom,
    { first: 'Tom', last: 'Baker', name: 'Tom Baker' },
    {
      industries: ['saas', 'fintech', 'ecommerce'],
      seniority: ['mid', 'senior', 'lead', 'executive'],
      locations: ['London, UK', 'New York, NY'],
      headline: 'Go-to-market and engineering hiring at TalentBridge Partners',
    },
  )
  return { rachel, tom }
}

/** The `i`th generated recruiter: the first few work at an agency, about one in 19 is paused. */
function generateRecruiter(
  ctx: DemoContext,
  rng: Rng,
  i: number,
  northstar: { id: string; domain: string },
): Recruiter {
  const { orgs } = ctx.input
  const countryCode = rng.weighted(RECRUITER_COUNTRIES)
  const country = COUNTRIES[countryCode]!
  const person = personOf(rng, country)
  const createdAt = ctx.daysAgo(rng.int(330, 363)) + rng.int(7, 18) * HOUR_MS
  const agency = i < 4 ? 'talentbridge' : i < 10 ? 'northstar' : null
  const agencyOrgId =
    agency === 'talentbridge' ? orgs.talentbridge : agency === 'northstar' ? northstar.id : null
  const domain =
    agency === 'talentbridge'
      ? 'talentbridge.demo'
      : agency === 'northstar'
        ? `${northstar.domain}.demo`
        : 'recruiters.demo'
  const email = uniqueEmail(ctx, `${ascii(person.first)}.${ascii(person.last)}`, domain)
  const userId = addUser(ctx, rng, person, email, createdAt)
  addMembership(ctx, userId, orgs.splits, 'recruiter', createdAt)
  if (agencyOrgId) addMembership(ctx, userId, agencyOrgId, 'recruiter', createdAt)
  const functions: Fn[] = [...new Set([rng.weighted(FUNCTION_DEMAND), rng.weighted(FUNCTION_DEMAND)])]
  if (rng.chance(0.3)) functions.push(rng.weighted(FUNCTION_DEMAND))
  const fns = [...new Set(functions)]
  const low = rng.int(1, 3)
  const r: Recruiter = {
    id: ctx.uuid(createdAt),
    userId,
    name: person.name,
    country: countryCode,
    functions: fns,
    tier: agency ? rng.oneOf({ pro: 1, partner: 1 }) : rng.oneOf({ starter: 45, pro: 40, partner: 15 }),
    active: i % 19 !== 18,
    agencyOrgId,
    createdAt,
  }
  addRecruiterRows(ctx, rng, r, person, {
    industries: rng.sample(INDUSTRIES, rng.int(1, 3)),
    seniority: SENIORITIES.slice(low, low + rng.int(2, 3)) as string[],
    locations: rng.sample(country.cities, rng.int(1, 2)).map((c) => c.label),
    headline: rng.pick(HEADLINES),
  })
  return r
}
