import type { Rng } from './prng.ts'
import type { Seniority } from './types.ts'
import { BENEFITS, type CompanySpec, type Fn, FUNCTION_SPECS, SENIORITY_YEARS, TEAMS } from './words.ts'

const COUNTRY_NAMES: Record<string, string> = {
  US: 'the US',
  GB: 'the UK',
  IL: 'Israel',
  NL: 'the Netherlands',
  DE: 'Germany',
  ES: 'Spain',
}

/** A job description as companies write them: about the company, the role, duties, asks and offer. */
export function describeRole(
  rng: Rng,
  role: {
    company: CompanySpec
    title: string
    fn: Fn
    seniority: Seniority
    location: string
    mode: string
    country: string
  },
): string {
  const { company, title, fn, seniority, location, mode, country } = role
  const spec = FUNCTION_SPECS[fn]
  const [y] = SENIORITY_YEARS[seniority]!
  const skills = rng.sample(spec.skills, 5)
  const benefits = BENEFITS[country === 'US' || country === 'GB' || country === 'IL' ? country : 'EU']!
  const modeLine =
    mode === 'remote'
      ? `This role is fully remote within ${COUNTRY_NAMES[country] ?? country}.`
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
