import { ascii } from './helpers.ts'
import { uniqueEmail } from './people.ts'
import type { Rng } from './prng.ts'
import type { DemoContext, Person, Row } from './types.ts'
import { COUNTRIES, type Fn } from './words.ts'

/** What no two candidates' records share, unless a duplicate record copies them on purpose. */
export interface ContactRegistry {
  /** How many phone numbers each country's fictional range has handed out. */
  phoneCounters: Map<string, number>
  usedPhones: Set<string>
  usedLinks: Set<string>
}

export const emptyContactRegistry = (): ContactRegistry => ({
  phoneCounters: new Map(),
  usedPhones: new Set(),
  usedLinks: new Set(),
})

/** A candidate's e-mail address and, for most, a phone number and LinkedIn and GitHub profiles. */
export function makeContacts(
  ctx: DemoContext,
  registry: ContactRegistry,
  rng: Rng,
  id: string,
  person: Person,
  country: string,
  fn: Fn,
): Row<'ats.candidate_contacts'> {
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
  const email = uniqueEmail(ctx, local, domain)
  const phone = rng.chance(0.8) ? nextPhone(registry, country) : null
  let linkedin: string | null = null
  if (rng.chance(0.75)) {
    do {
      linkedin = `https://${country === 'IL' && rng.chance(0.4) ? 'il' : 'www'}.linkedin.com/in/${f}-${l}-${rng.hex8().slice(0, 6)}`
    } while (registry.usedLinks.has(linkedin))
    registry.usedLinks.add(linkedin)
  }
  let github: string | null = null
  if ((fn === 'engineering' || fn === 'data') && rng.chance(0.45)) {
    for (let n = 0; ; n++) {
      github = `https://github.com/${f}${l}${n ? n : ''}`
      if (!registry.usedLinks.has(github)) break
    }
    registry.usedLinks.add(github)
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

function nextPhone(registry: ContactRegistry, country: string): string | null {
  const n = registry.phoneCounters.get(country) ?? 0
  registry.phoneCounters.set(country, n + 1)
  const phone = COUNTRIES[country]!.phone(n)
  // a country's fictional range can run out: no phone rather than someone else's
  if (registry.usedPhones.has(phone)) return null
  registry.usedPhones.add(phone)
  return phone
}
