import { ascii } from './helpers.ts'
import type { Rng } from './prng.ts'
import type { DemoContext, Person, Recruiter } from './types.ts'
import { COUNTRIES, RECRUITER_BIOS } from './words.ts'

export interface RecruiterProfile {
  industries: string[]
  seniority: string[]
  locations: string[]
  headline: string
}

/**
 * The profile and specialisations of `r`. A persona may have a profile already (made on first
 * use): then `r` takes its id and the plan only fills in the details it lacks.
 */
export function addRecruiterRows(
  ctx: DemoContext,
  rng: Rng,
  r: Recruiter,
  person: Person,
  spec: RecruiterProfile,
) {
  const existing = ctx.input.existingRecruiters?.get(r.userId)
  if (existing) {
    r.id = existing
    ctx.plan.recruiterUpdates.push({
      id: existing,
      agency_organization_id: r.agencyOrgId,
      plan_tier: r.tier,
      // the demo's Partner plan includes early access to roles (billing keeps it in step afterwards)
      early_access: r.tier === 'partner',
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
  ctx.plan.recruiters.push({
    id: r.id,
    user_id: r.userId,
    headline: spec.headline,
    bio: rng.pick(RECRUITER_BIOS),
    plan_tier: r.tier,
    early_access: r.tier === 'partner',
    agency_organization_id: r.agencyOrgId,
    years_experience: rng.int(2, 22),
    linkedin_url: `https://www.linkedin.com/in/${ascii(person.first)}-${ascii(person.last)}-${rng.hex8().slice(0, 6)}`,
    location: spec.locations[0] ?? rng.pick(country.cities).label,
    status: r.active ? 'active' : 'paused',
    created_at: new Date(r.createdAt),
    updated_at: new Date(r.createdAt),
  })
  ctx.plan.specializations.push({
    id: ctx.uuid(r.createdAt),
    recruiter_id: r.id,
    industry: spec.industries,
    function: r.functions,
    seniority: spec.seniority,
    locations: spec.locations,
    updated_at: new Date(r.createdAt),
  })
}
